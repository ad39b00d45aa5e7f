import pytest

import iniconf

SAMPLE = """
; service settings
[server]
host = example.org
Port: 8080
debug = off
tags = a, b,, c

# storage
[paths]
data = "/var/lib/my app"
url = http://example.org/#top
"""


def test_sections_and_values():
    config = iniconf.parse(SAMPLE)
    assert config.sections() == ["server", "paths"]
    assert config.get("server", "host") == "example.org"
    assert config.getint("server", "port") == 8080
    assert config.getboolean("server", "debug") is False
    assert config.getlist("server", "tags") == ["a", "b", "c"]


def test_quoted_value_is_unquoted():
    assert iniconf.parse(SAMPLE).get("paths", "data") == "/var/lib/my app"


def test_hash_inside_value_is_kept():
    assert iniconf.parse(SAMPLE).get("paths", "url") == "http://example.org/#top"


def test_fallback():
    config = iniconf.parse(SAMPLE)
    assert config.get("server", "missing", fallback="x") == "x"
    with pytest.raises(iniconf.NoOptionError):
        config.get("server", "missing")
    with pytest.raises(iniconf.NoSectionError):
        config.get("nope", "host")


@pytest.mark.parametrize(
    "text,line",
    [
        ("key = 1", 1),
        ("[a]\nx = 1\n[a]", 3),
        ("[a]\n[b\n", 2),
        ("[a]\njust words", 2),
        ("[a]\nx = 1\nX = 2", 3),
    ],
    ids=["option-outside-section", "duplicate-section", "bad-header", "no-separator", "duplicate-option"],
)
def test_errors_report_line(text, line):
    with pytest.raises(iniconf.ParseError) as error:
        iniconf.parse(text)
    assert error.value.line == line


def test_load(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[a]\nb = c\n", encoding="utf-8")
    assert iniconf.load(str(path)).get("a", "b") == "c"
