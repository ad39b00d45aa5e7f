"""A small RFC 4180 CSV reader."""

from .dialect import Dialect
from .errors import CsvError
from .reader import read_rows
from .records import read_records

__all__ = ["Dialect", "CsvError", "read_rows", "read_records"]
