"""The character-level CSV state machine."""

from enum import Enum, auto
from typing import List, Optional

from .dialect import Dialect
from .errors import CsvError


class _State(Enum):
    FIELD_START = auto()  # at the start of a field
    UNQUOTED = auto()  # inside a field that did not start with a quote
    QUOTED = auto()  # inside a quoted field
    QUOTE_IN_QUOTED = auto()  # just read a quote inside a quoted field: either "" or the closing quote


def read_rows(text: str, dialect: Optional[Dialect] = None) -> List[List[str]]:
    """Splits ``text`` into rows of fields."""
    d = dialect or Dialect()
    rows: List[List[str]] = []
    row: List[str] = []
    field: List[str] = []
    state = _State.FIELD_START
    line = 1
    quote_line = 1

    def end_field() -> None:
        row.append("".join(field))
        field.clear()

    def end_row() -> None:
        end_field()
        if not (d.skip_blank_lines and row == [""]):
            rows.append(list(row))
        row.clear()

    text = text.replace("\r\n", "\n")
    for char in text:
        if state is _State.QUOTED:
            if char == d.quotechar:
                state = _State.QUOTE_IN_QUOTED
            else:
                field.append(char)
        elif state is _State.QUOTE_IN_QUOTED:
            if char == d.quotechar:
                field.append(char)
                state = _State.UNQUOTED
            elif char == d.delimiter:
                end_field()
                state = _State.FIELD_START
            elif char == "\n":
                end_row()
                state = _State.FIELD_START
            else:
                raise CsvError(line, f"unexpected {char!r} after the closing quote")
        elif char == d.delimiter:
            end_field()
            state = _State.FIELD_START
        elif char == "\n":
            end_row()
            state = _State.FIELD_START
        elif char == d.quotechar:
            if state is not _State.FIELD_START:
                raise CsvError(line, "quote inside an unquoted field")
            state = _State.QUOTED
            quote_line = line
        else:
            field.append(char)
            state = _State.UNQUOTED
        if char == "\n":
            line += 1

    if state is _State.QUOTED:
        raise CsvError(quote_line, "quoted field is never closed")
    if field or row or state is _State.QUOTE_IN_QUOTED:
        end_row()
    return rows
