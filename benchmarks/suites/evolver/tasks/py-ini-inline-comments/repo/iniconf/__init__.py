"""A small, strict INI configuration reader."""

from .config import Config, NoOptionError, NoSectionError
from .errors import ParseError
from .parser import load, parse

__all__ = ["parse", "load", "Config", "ParseError", "NoSectionError", "NoOptionError"]
