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


def test_refills_at_rate():
    clock = ManualClock()
    bucket = TokenBucket(rate=2, capacity=4, clock=clock)
    assert bucket.try_acquire(4)
    assert not bucket.try_acquire()
    clock.advance(0.5)
    assert bucket.try_acquire()
    assert not bucket.try_acquire()


def test_partial_refill_is_kept():
    clock = ManualClock()
    bucket = TokenBucket(rate=1, capacity=2, clock=clock)
    bucket.try_acquire(2)
    clock.advance(0.25)
    assert bucket.available() == pytest.approx(0.25)
    clock.advance(0.75)
    assert bucket.try_acquire()


def test_refill_is_capped_at_capacity():
    clock = ManualClock()
    bucket = TokenBucket(rate=10, capacity=3, clock=clock)
    bucket.try_acquire(3)
    clock.advance(60)
    assert bucket.available() == 3
    assert [bucket.try_acquire() for _ in range(4)] == [True, True, True, False]


def test_time_until_available_shrinks_as_time_passes():
    clock = ManualClock()
    bucket = TokenBucket(rate=4, capacity=4, clock=clock)
    bucket.try_acquire(4)
    assert bucket.time_until_available(2) == pytest.approx(0.5)
    clock.advance(0.25)
    assert bucket.time_until_available(2) == pytest.approx(0.25)
    clock.advance(0.25)
    assert bucket.time_until_available(2) == 0.0


def test_keyed_limiter_refills_each_key():
    clock = ManualClock()
    limiter = KeyedRateLimiter(rate=1, capacity=1, clock=clock)
    assert limiter.allow("a")
    assert not limiter.allow("a")
    clock.advance(1)
    assert limiter.allow("a")
