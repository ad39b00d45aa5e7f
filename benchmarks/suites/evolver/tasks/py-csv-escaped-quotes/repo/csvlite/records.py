"""Rows as dictionaries keyed by the header row."""

from typing import Dict, List, Optional

from .dialect import Dialect
from .errors import CsvError
from .reader import read_rows


def read_records(text: str, dialect: Optional[Dialect] = None) -> List[Dict[str, str]]:
    """Reads a header row and returns one dict per following row."""
    rows = read_rows(text, dialect)
    if not rows:
        return []
    header = rows[0]
    if len(set(header)) != len(header):
        raise CsvError(1, "the header repeats a column name")
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise CsvError(number, f"expected {len(header)} fields, got {len(row)}")
        records.append(dict(zip(header, row)))
    return records
