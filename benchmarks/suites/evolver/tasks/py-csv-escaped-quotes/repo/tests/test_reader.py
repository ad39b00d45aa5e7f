import pytest

from csvlite import CsvError, Dialect, read_records, read_rows


def test_simple_rows():
    assert read_rows("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]]


def test_crlf_and_missing_final_newline():
    assert read_rows("a,b\r\n1,2") == [["a", "b"], ["1", "2"]]


def test_empty_fields():
    assert read_rows(",x,\n") == [["", "x", ""]]


def test_quoted_field_with_delimiter_and_newline():
    assert read_rows('id,note\n1,"a, b\nc"\n') == [["id", "note"], ["1", "a, b\nc"]]


def test_blank_lines_are_skipped():
    assert read_rows("a\n\nb\n") == [["a"], ["b"]]
    assert read_rows("a\n\nb\n", Dialect(skip_blank_lines=False)) == [["a"], [""], ["b"]]


def test_custom_delimiter():
    assert read_rows("a;b\n", Dialect(delimiter=";")) == [["a", "b"]]


def test_unclosed_quote_reports_its_line():
    with pytest.raises(CsvError) as error:
        read_rows('a\n"never closed\nmore\n')
    assert error.value.line == 2


def test_text_after_closing_quote_is_an_error():
    with pytest.raises(CsvError):
        read_rows('"abc"def\n')


def test_records():
    assert read_records("id,name\n1,ada\n2,grace\n") == [{"id": "1", "name": "ada"}, {"id": "2", "name": "grace"}]


def test_records_with_wrong_field_count_report_line():
    with pytest.raises(CsvError) as error:
        read_records("id,name\n1,ada\n2\n")
    assert error.value.line == 3
