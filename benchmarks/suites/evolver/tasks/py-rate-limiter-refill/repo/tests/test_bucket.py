import pytest

from ratelimit import KeyedRateLimiter, ManualClock, TokenBucket


def test_starts_full_and_allows_a_burst():
    bucket = TokenBucket(rate=1, capacity=3, clock=ManualClock())
    assert [bucket.try_acquire() for _ in range(4)] == [True, True, True, False]


def test_rejects_invalid_configuration():
    with pytest.raises(ValueError):
        TokenBucket(rate=0, capacity=1)
    with pytest.raises(ValueError):
        TokenBucket(rate=1, capacity=0)


def test_rejects_request_larger_than_capacity():
    bucket = TokenBucket(rate=1, capacity=2, clock=ManualClock())
    with pytest.raises(ValueError):
        bucket.try_acquire(3)


def test_keyed_limiter_keeps_keys_apart():
    limiter = KeyedRateLimiter(rate=1, capacity=1, clock=ManualClock())
    assert limiter.allow("a")
    assert not limiter.allow("a")
    assert limiter.allow("b")
    assert len(limiter) == 2
