"""Word wrapping for plain text."""

from .shorten import shorten
from .wrapper import TextWrapper, fill, wrap

__all__ = ["TextWrapper", "wrap", "fill", "shorten"]
