"""JSON Pointer (RFC 6901)."""

from .errors import PointerSyntaxError, ResolutionError
from .escape import escape, unescape
from .pointer import JsonPointer

__all__ = ["JsonPointer", "PointerSyntaxError", "ResolutionError", "escape", "unescape"]
