"""Errors of the CSV reader."""


class CsvError(ValueError):
    """Malformed CSV; ``line`` is the 1-based line where the problem was found."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
