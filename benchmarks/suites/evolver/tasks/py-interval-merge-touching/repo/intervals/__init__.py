"""Closed numeric intervals and operations on lists of them."""

from .interval import Interval
from .ops import gaps, merge, total_length

__all__ = ["Interval", "merge", "gaps", "total_length"]
