"""Semantic Versioning 2.0.0."""

from .ranges import max_satisfying, satisfies
from .version import Version

__all__ = ["Version", "satisfies", "max_satisfying"]
