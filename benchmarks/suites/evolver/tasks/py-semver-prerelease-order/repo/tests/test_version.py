import pytest

from semver import Version


def test_parse_full_version():
    v = Version.parse("1.4.0-rc.1+build.7")
    assert (v.major, v.minor, v.patch) == (1, 4, 0)
    assert v.prerelease == ("rc", "1")
    assert v.build == ("build", "7")
    assert str(v) == "1.4.0-rc.1+build.7"


@pytest.mark.parametrize("text", ["1.2", "01.2.3", "1.2.3-", "1.2.3-01", "v1.2.3", "1.2.3+"])
def test_parse_rejects_invalid(text):
    with pytest.raises(ValueError):
        Version.parse(text)


@pytest.mark.parametrize(
    "lower,higher",
    [("1.2.3", "1.2.4"), ("1.2.3", "1.3.0"), ("1.9.0", "1.10.0"), ("1.99.99", "2.0.0")],
)
def test_release_ordering(lower, higher):
    assert Version.parse(lower) < Version.parse(higher)
    assert Version.parse(higher) > Version.parse(lower)


def test_build_metadata_is_ignored():
    assert Version.parse("1.0.0+a") == Version.parse("1.0.0+b")


def test_bump():
    assert str(Version.parse("1.2.3").bump_minor()) == "1.3.0"
    assert str(Version.parse("1.2.3-rc.1").bump_patch()) == "1.2.3"


def test_immutable():
    with pytest.raises(AttributeError):
        Version.parse("1.0.0").major = 2
