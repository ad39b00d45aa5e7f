"""Escaping of reference tokens: "~" is written "~0" and "/" is written "~1"."""

import re

from .errors import PointerSyntaxError

_BAD_TILDE = re.compile(r"~(?![01])")


def escape(token: str) -> str:
    """Escapes one reference token for use in a pointer."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """Decodes one escaped reference token."""
    if _BAD_TILDE.search(token):
        raise PointerSyntaxError(f"'~' must be followed by '0' or '1' in {token!r}")
    return token.replace("~0", "~").replace("~1", "/")
