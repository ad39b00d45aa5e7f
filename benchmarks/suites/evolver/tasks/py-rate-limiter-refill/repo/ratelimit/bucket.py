"""The token bucket."""

from typing import Optional

from .clock import Clock, MonotonicClock, elapsed


class TokenBucket:
    """Allows bursts of up to ``capacity`` and a sustained ``rate`` of tokens per second."""

    def __init__(self, rate: float, capacity: float, clock: Optional[Clock] = None) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self.rate = float(rate)
        self.capacity = float(capacity)
        self._clock = clock or MonotonicClock()
        self._tokens = self.capacity
        self._last = self._clock.now()

    def _refill(self) -> None:
        now = self._clock.now()
        gained = elapsed(now, self._last) * self.rate
        self._tokens = min(self.capacity, self._tokens + gained)
        self._last = now

    def available(self) -> float:
        """Tokens that could be taken right now."""
        self._refill()
        return self._tokens

    def try_acquire(self, tokens: float = 1) -> bool:
        """Takes ``tokens`` if that many are available; never blocks."""
        if tokens <= 0:
            raise ValueError(f"tokens must be positive, got {tokens}")
        if tokens > self.capacity:
            raise ValueError(f"cannot take {tokens} tokens from a bucket of {self.capacity}")
        self._refill()
        if self._tokens >= tokens:
            self._tokens -= tokens
            return True
        return False

    def time_until_available(self, tokens: float = 1) -> float:
        """Seconds to wait before ``try_acquire(tokens)`` can succeed."""
        self._refill()
        missing = tokens - self._tokens
        return 0.0 if missing <= 0 else missing / self.rate
