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


def test_doubled_quote_inside_quoted_field():
    assert read_rows('"say ""hi"" now"\n') == [['say "hi" now']]


def test_delimiter_after_escaped_quote_stays_in_field():
    assert read_rows('name,quote\r\nada,"said ""hi"", then left"\r\n') == [
        ["name", "quote"],
        ["ada", 'said "hi", then left'],
    ]


def test_newline_after_escaped_quote_stays_in_field():
    assert read_rows('"a ""b""\nc",d\n') == [['a "b"\nc', "d"]]


def test_field_that_is_only_an_escaped_quote():
    assert read_rows('"""",x\n') == [['"', "x"]]


def test_escaped_quote_at_end_of_field():
    assert read_rows('"ends with ""","next"\n') == [['ends with "', "next"]]


def test_records_with_escaped_quotes():
    text = 'id,title\n1,"The ""Best"", Vol. 2"\n2,plain\n'
    assert read_records(text) == [{"id": "1", "title": 'The "Best", Vol. 2'}, {"id": "2", "title": "plain"}]


def test_custom_quotechar_can_be_escaped():
    assert read_rows("'it''s, ok'\n", Dialect(quotechar="'")) == [["it's, ok"]]
