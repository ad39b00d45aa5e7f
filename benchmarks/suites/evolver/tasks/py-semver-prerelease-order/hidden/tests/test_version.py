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


def test_prerelease_is_lower_than_its_release():
    assert Version.parse("1.0.0-alpha") < Version.parse("1.0.0")
    assert Version.parse("1.0.0") > Version.parse("1.0.0-rc.9")


def test_prerelease_is_higher_than_previous_release():
    assert Version.parse("0.9.9") < Version.parse("1.0.0-alpha")


def test_numeric_identifiers_compare_numerically():
    assert Version.parse("1.0.0-beta.2") < Version.parse("1.0.0-beta.11")
    assert Version.parse("1.0.0-rc.10") > Version.parse("1.0.0-rc.9")


def test_numeric_identifier_is_lower_than_alphanumeric():
    assert Version.parse("1.0.0-1") < Version.parse("1.0.0-alpha")
    assert Version.parse("1.0.0-alpha.99") < Version.parse("1.0.0-alpha.beta")


def test_specification_example_order():
    ordered = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
    ]
    shuffled = [ordered[i] for i in (7, 3, 0, 5, 1, 6, 4, 2)]
    assert [str(v) for v in sorted(Version.parse(s) for s in shuffled)] == ordered


def test_equal_prereleases_are_equal():
    assert Version.parse("1.0.0-rc.1+x") == Version.parse("1.0.0-rc.1")
    assert len({Version.parse("1.0.0-rc.1"), Version.parse("1.0.0-rc.1+y")}) == 1
