"""The LRU cache itself."""

from collections import OrderedDict
from typing import Any, Callable, Hashable, Iterator, Optional

from .stats import CacheStats

_MISSING = object()

EvictCallback = Callable[[Hashable, Any], None]


class LRUCache:
    """A mapping with a fixed capacity that evicts the least recently used entry.

    Both ``get`` (on a hit) and ``put`` mark an entry as the most recently used.
    ``peek`` and ``in`` read without touching the order.
    """

    def __init__(self, capacity: int, on_evict: Optional[EvictCallback] = None) -> None:
        if not isinstance(capacity, int) or capacity < 1:
            raise ValueError(f"capacity must be a positive integer, got {capacity!r}")
        self._capacity = capacity
        self._data: "OrderedDict[Hashable, Any]" = OrderedDict()
        self._on_evict = on_evict
        self.stats = CacheStats()

    @property
    def capacity(self) -> int:
        return self._capacity

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[Hashable]:
        """Iterates keys from least to most recently used."""
        return iter(list(self._data))

    def get(self, key: Hashable, default: Any = None) -> Any:
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            self.stats.misses += 1
            return default
        self.stats.hits += 1
        self._data.move_to_end(key, last=False)
        return value

    def peek(self, key: Hashable, default: Any = None) -> Any:
        """Returns the value without counting a lookup or changing the order."""
        return self._data.get(key, default)

    def put(self, key: Hashable, value: Any) -> None:
        if key in self._data:
            self._data[key] = value
            self._data.move_to_end(key)
            return
        self._data[key] = value
        while len(self._data) > self._capacity:
            self._evict_oldest()

    def pop(self, key: Hashable, default: Any = _MISSING) -> Any:
        if default is _MISSING:
            return self._data.pop(key)
        return self._data.pop(key, default)

    def resize(self, capacity: int) -> None:
        """Changes the capacity, evicting least recently used entries if it shrinks."""
        if not isinstance(capacity, int) or capacity < 1:
            raise ValueError(f"capacity must be a positive integer, got {capacity!r}")
        self._capacity = capacity
        while len(self._data) > self._capacity:
            self._evict_oldest()

    def clear(self) -> None:
        self._data.clear()

    def _evict_oldest(self) -> None:
        key, value = self._data.popitem(last=False)
        self.stats.evictions += 1
        if self._on_evict is not None:
            self._on_evict(key, value)
