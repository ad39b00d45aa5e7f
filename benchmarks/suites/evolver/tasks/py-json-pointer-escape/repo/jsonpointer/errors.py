"""Errors raised while parsing or resolving pointers."""


class PointerSyntaxError(ValueError):
    """The text is not a valid JSON pointer."""


class ResolutionError(LookupError):
    """The pointer does not refer to a value in the document."""

    def __init__(self, message: str, pointer: str) -> None:
        super().__init__(f"{message} (pointer {pointer!r})")
        self.pointer = pointer
