"""The TextWrapper class and its function shortcuts."""

from typing import List

from .tokenize import split_paragraphs, split_words


class TextWrapper:
    """Wraps text to lines of at most ``width`` characters, indents included.

    Words are kept whole: a word longer than a line is put on a line of its own,
    which is then longer than ``width``.
    """

    def __init__(self, width: int = 70, initial_indent: str = "", subsequent_indent: str = "") -> None:
        if width <= max(len(initial_indent), len(subsequent_indent)):
            raise ValueError(f"width {width} leaves no room for text after the indent")
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent

    def _indent(self, line_number: int) -> str:
        return self.initial_indent if line_number == 0 else self.subsequent_indent

    def _available(self, line_number: int) -> int:
        """Characters of text that fit on line ``line_number`` after its indent."""
        return self.width - len(self._indent(line_number))

    def _wrap_paragraph(self, text: str) -> List[str]:
        lines: List[str] = []
        words: List[str] = []  # the words of the line being built
        length = 0  # len(" ".join(words))
        for word in split_words(text):
            if words and length + 1 + len(word) > self._available(len(lines)):
                lines.append(self._indent(len(lines)) + " ".join(words))
                words, length = [], 0
            length = len(word) if not words else length + 1 + len(word)
            words.append(word)
        if words:
            lines.append(self._indent(len(lines)) + " ".join(words))
        return lines

    def wrap(self, text: str) -> List[str]:
        """Wraps ``text``; paragraphs are separated by an empty line in the result."""
        lines: List[str] = []
        for paragraph in split_paragraphs(text):
            if lines:
                lines.append("")
            lines.extend(self._wrap_paragraph(paragraph))
        return lines

    def fill(self, text: str) -> str:
        return "\n".join(self.wrap(text))


def wrap(text: str, width: int = 70, **options) -> List[str]:
    return TextWrapper(width=width, **options).wrap(text)


def fill(text: str, width: int = 70, **options) -> str:
    return TextWrapper(width=width, **options).fill(text)
