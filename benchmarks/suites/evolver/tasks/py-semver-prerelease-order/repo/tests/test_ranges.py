import pytest

from semver import max_satisfying, satisfies


@pytest.mark.parametrize(
    "version,spec,expected",
    [
        ("1.4.2", "^1.2.0", True),
        ("2.0.0", "^1.2.0", False),
        ("0.2.5", "^0.2.3", True),
        ("0.3.0", "^0.2.3", False),
        ("1.9.7", "~1.9", True),
        ("1.10.0", "~1.9", False),
        ("1.5.0", ">=1.2.0 <1.5.0", False),
        ("1.0.0", "=1.0.0", True),
    ],
)
def test_satisfies(version, spec, expected):
    assert satisfies(version, spec) is expected


def test_max_satisfying():
    assert max_satisfying(["1.2.0", "1.9.1", "1.10.0", "2.0.0"], "^1.2.0") == "1.10.0"
    assert max_satisfying(["3.0.0"], "^1.0.0") is None
