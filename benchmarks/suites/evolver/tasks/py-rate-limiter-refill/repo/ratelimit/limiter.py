"""One token bucket per key (client address, user id, ...)."""

from typing import Dict, Hashable, Optional

from .bucket import TokenBucket
from .clock import Clock, MonotonicClock


class KeyedRateLimiter:
    def __init__(self, rate: float, capacity: float, clock: Optional[Clock] = None) -> None:
        self._rate = rate
        self._capacity = capacity
        self._clock = clock or MonotonicClock()
        self._buckets: Dict[Hashable, TokenBucket] = {}

    def allow(self, key: Hashable, tokens: float = 1) -> bool:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = TokenBucket(self._rate, self._capacity, self._clock)
        return bucket.try_acquire(tokens)

    def __len__(self) -> int:
        return len(self._buckets)
