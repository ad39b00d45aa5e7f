import pytest

from intervals import Interval, gaps, merge, total_length


def test_interval_rejects_reversed_bounds():
    with pytest.raises(ValueError):
        Interval(5, 1)


def test_merge_overlapping():
    assert merge([Interval(1, 4), Interval(2, 6)]) == [Interval(1, 6)]


def test_merge_sorts_input():
    assert merge([Interval(8, 10), Interval(1, 3), Interval(2, 5)]) == [Interval(1, 5), Interval(8, 10)]


def test_merge_nested():
    assert merge([Interval(1, 10), Interval(2, 3)]) == [Interval(1, 10)]


def test_merge_empty():
    assert merge([]) == []


def test_total_length_counts_overlap_once():
    assert total_length([Interval(0, 4), Interval(2, 6), Interval(10, 11)]) == 7


def test_gaps_within_bounds():
    assert gaps([Interval(1, 3), Interval(5, 6)], within=Interval(0, 10)) == [
        Interval(0, 1),
        Interval(3, 5),
        Interval(6, 10),
    ]


def test_overlaps_includes_shared_endpoint():
    assert Interval(1, 3).overlaps(Interval(3, 5))


def test_merge_touching_intervals():
    assert merge([Interval(1, 3), Interval(3, 5)]) == [Interval(1, 5)]


def test_merge_chain_of_touching_intervals():
    assert merge([Interval(5, 7), Interval(0, 2), Interval(2, 5)]) == [Interval(0, 7)]


def test_merge_point_interval_at_end():
    assert merge([Interval(1, 3), Interval(3, 3)]) == [Interval(1, 3)]


def test_gaps_has_no_empty_gap_between_touching_intervals():
    assert gaps([Interval(1, 3), Interval(3, 5)], within=Interval(0, 6)) == [Interval(0, 1), Interval(5, 6)]


def test_merge_keeps_separated_intervals_apart():
    assert merge([Interval(1, 2), Interval(2.5, 3)]) == [Interval(1, 2), Interval(2.5, 3)]
