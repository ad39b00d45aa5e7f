"""Splitting text into paragraphs and words."""

import re
from typing import List

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def split_paragraphs(text: str) -> List[str]:
    """Paragraphs are separated by one or more blank lines; empty ones are dropped."""
    return [p for p in _BLANK_LINE.split(text.expandtabs()) if p.strip()]


def split_words(text: str) -> List[str]:
    """Words are separated by any run of whitespace, line breaks included."""
    return text.split()
