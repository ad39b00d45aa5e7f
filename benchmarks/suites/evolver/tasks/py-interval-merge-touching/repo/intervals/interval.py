"""A closed interval [start, end]."""

from dataclasses import dataclass
from numbers import Real


@dataclass(frozen=True, order=True)
class Interval:
    start: Real
    end: Real

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")

    def __repr__(self) -> str:
        return f"Interval({self.start}, {self.end})"

    @property
    def length(self) -> Real:
        return self.end - self.start

    def contains(self, point: Real) -> bool:
        return self.start <= point <= self.end

    def overlaps(self, other: "Interval") -> bool:
        """True when the two intervals share at least one point."""
        return self.start <= other.end and other.start <= self.end

    def union(self, other: "Interval") -> "Interval":
        """The smallest interval covering both; only meaningful when they overlap."""
        return Interval(min(self.start, other.start), max(self.end, other.end))
