"""A small least-recently-used cache."""

from .cache import LRUCache
from .stats import CacheStats

__all__ = ["LRUCache", "CacheStats"]
__version__ = "0.3.1"
