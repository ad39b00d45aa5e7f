"""Errors of the INI reader."""


class ParseError(ValueError):
    """The text is not valid INI; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
