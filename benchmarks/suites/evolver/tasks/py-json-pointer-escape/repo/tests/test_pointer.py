import pytest

from jsonpointer import JsonPointer, PointerSyntaxError, ResolutionError

DOC = {
    "foo": ["bar", "baz"],
    "": 0,
    "a/b": 1,
    "m~n": 8,
    "nested": {"list": [{"id": 7}]},
}


def test_empty_pointer_is_whole_document():
    assert JsonPointer.parse("").resolve(DOC) is DOC


@pytest.mark.parametrize(
    "text,expected",
    [
        ("/foo", ["bar", "baz"]),
        ("/foo/0", "bar"),
        ("/", 0),
        ("/a~1b", 1),
        ("/m~0n", 8),
        ("/nested/list/0/id", 7),
    ],
)
def test_resolve(text, expected):
    assert JsonPointer.parse(text).resolve(DOC) == expected


def test_pointer_must_start_with_slash():
    with pytest.raises(PointerSyntaxError):
        JsonPointer.parse("foo")


def test_bad_escape_is_rejected():
    with pytest.raises(PointerSyntaxError):
        JsonPointer.parse("/a~2b")


@pytest.mark.parametrize("text", ["/foo/2", "/foo/-", "/foo/01", "/missing", "/foo/0/x"])
def test_unresolvable(text):
    with pytest.raises(ResolutionError):
        JsonPointer.parse(text).resolve(DOC)


def test_str_escapes_tokens():
    assert str(JsonPointer(["a/b", "m~n"])) == "/a~1b/m~0n"
