"""Collapse and truncate text to fit one line."""

from .tokenize import split_words


def shorten(text: str, width: int, placeholder: str = " [...]") -> str:
    """Collapses whitespace and, if the text is still too long, drops whole words from
    the end and appends ``placeholder`` so the result fits in ``width``."""
    words = split_words(text)
    collapsed = " ".join(words)
    if len(collapsed) <= width:
        return collapsed
    if len(placeholder.lstrip()) > width:
        raise ValueError("placeholder does not fit in width")
    kept = []
    length = 0
    for word in words:
        extra = len(word) + (1 if kept else 0)
        if length + extra + len(placeholder) > width:
            break
        kept.append(word)
        length += extra
    if not kept:
        return placeholder.lstrip()
    return " ".join(kept) + placeholder
