"""Token-bucket rate limiting."""

from .bucket import TokenBucket
from .clock import Clock, ManualClock, MonotonicClock
from .limiter import KeyedRateLimiter

__all__ = ["TokenBucket", "KeyedRateLimiter", "Clock", "ManualClock", "MonotonicClock"]
