"""Reading INI text into a Config."""

import re
from typing import Tuple

from .config import Config
from .errors import ParseError

_SECTION = re.compile(r"^\[([^\[\]]+)\]$")
_OPTION = re.compile(r"^([^=:\s][^=:]*?)\s*[=:]\s*(.*)$")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def _split_option(line: str, number: int) -> Tuple[str, str]:
    match = _OPTION.match(line)
    if match is None:
        raise ParseError(number, f"expected 'key = value', got {line!r}")
    return match.group(1).lower(), _unquote(match.group(2))


def parse(text: str) -> Config:
    """Parses INI ``text``; raises ParseError on the first invalid line."""
    config = Config()
    section = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        header = _SECTION.match(line)
        if header is not None:
            name = header.group(1).strip()
            if config.has_section(name):
                raise ParseError(number, f"section [{name}] appears twice")
            section = config.add_section(name)
            continue
        if line.startswith("["):
            raise ParseError(number, f"malformed section header {line!r}")
        key, value = _split_option(line, number)
        if section is None:
            raise ParseError(number, f"option {key!r} is outside of any section")
        if key in section:
            raise ParseError(number, f"option {key!r} appears twice in its section")
        section[key] = value
    return config


def load(path: str, encoding: str = "utf-8") -> Config:
    with open(path, encoding=encoding) as f:
        return parse(f.read())
