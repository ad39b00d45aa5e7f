"""The JsonPointer type."""

import re
from typing import Any, Iterable, List, Tuple

from .errors import PointerSyntaxError, ResolutionError
from .escape import escape, unescape

_ARRAY_INDEX = re.compile(r"^(0|[1-9][0-9]*)$")


class JsonPointer:
    """A sequence of reference tokens; the empty pointer refers to the whole document."""

    def __init__(self, tokens: Iterable[str] = ()) -> None:
        self.tokens: Tuple[str, ...] = tuple(tokens)

    @classmethod
    def parse(cls, text: str) -> "JsonPointer":
        if text == "":
            return cls()
        if not text.startswith("/"):
            raise PointerSyntaxError(f"a non-empty pointer must start with '/': {text!r}")
        return cls(unescape(part) for part in text[1:].split("/"))

    def __str__(self) -> str:
        return "".join("/" + escape(token) for token in self.tokens)

    def __repr__(self) -> str:
        return f"JsonPointer({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JsonPointer) and self.tokens == other.tokens

    def __hash__(self) -> int:
        return hash(self.tokens)

    @property
    def parent(self) -> "JsonPointer":
        if not self.tokens:
            raise ValueError("the root pointer has no parent")
        return JsonPointer(self.tokens[:-1])

    def join(self, *tokens: str) -> "JsonPointer":
        return JsonPointer(self.tokens + tokens)

    def resolve(self, document: Any) -> Any:
        """Returns the value the pointer refers to, or raises ResolutionError."""
        current = document
        walked: List[str] = []
        for token in self.tokens:
            walked.append(token)
            where = str(JsonPointer(walked))
            if isinstance(current, dict):
                if token not in current:
                    raise ResolutionError(f"no member {token!r}", where)
                current = current[token]
            elif isinstance(current, list):
                if token == "-":
                    raise ResolutionError("'-' refers to the element after the last one", where)
                if not _ARRAY_INDEX.match(token):
                    raise ResolutionError(f"{token!r} is not an array index", where)
                index = int(token)
                if index >= len(current):
                    raise ResolutionError(f"index {index} is out of range for {len(current)} elements", where)
                current = current[index]
            else:
                raise ResolutionError(f"cannot descend into {type(current).__name__}", where)
        return current

    def exists(self, document: Any) -> bool:
        try:
            self.resolve(document)
            return True
        except ResolutionError:
            return False
