"""Operations on lists of intervals."""

from typing import Iterable, List, Optional

from .interval import Interval


def merge(intervals: Iterable[Interval]) -> List[Interval]:
    """Merges overlapping intervals; the result is sorted and pairwise disjoint."""
    result: List[Interval] = []
    for current in sorted(intervals):
        if result and current.start < result[-1].end:
            result[-1] = result[-1].union(current)
        else:
            result.append(current)
    return result


def total_length(intervals: Iterable[Interval]) -> float:
    """Length of the union of the intervals (overlaps counted once)."""
    return sum(i.length for i in merge(intervals))


def gaps(intervals: Iterable[Interval], within: Optional[Interval] = None) -> List[Interval]:
    """The parts of ``within`` (default: the span of the intervals) that no interval covers."""
    merged = merge(intervals)
    if not merged:
        return [within] if within is not None else []
    span = within if within is not None else Interval(merged[0].start, merged[-1].end)
    result: List[Interval] = []
    cursor = span.start
    for interval in merged:
        if interval.end < span.start or interval.start > span.end:
            continue
        if interval.start > cursor:
            result.append(Interval(cursor, interval.start))
        cursor = max(cursor, interval.end)
    if cursor < span.end:
        result.append(Interval(cursor, span.end))
    return result
