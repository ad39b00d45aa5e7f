import pytest

from wraptext import TextWrapper, fill, shorten, wrap

FOX = "The quick brown fox jumps over the lazy dog"


def test_wrap_keeps_lines_within_width():
    assert wrap(FOX, width=16) == ["The quick brown", "fox jumps over", "the lazy dog"]


def test_wrap_collapses_whitespace():
    assert wrap("a   b\n c", width=10) == ["a b c"]


def test_fill_joins_lines():
    assert fill(FOX, width=20) == "The quick brown fox\njumps over the lazy\ndog"


def test_indents_count_towards_width():
    wrapper = TextWrapper(width=12, initial_indent="* ", subsequent_indent="  ")
    assert wrapper.wrap(FOX) == ["* The quick", "  brown fox", "  jumps over", "  the lazy", "  dog"]


def test_paragraphs_are_wrapped_separately():
    assert wrap("one two\n\n\nthree", width=20) == ["one two", "", "three"]


def test_long_word_gets_its_own_line_by_default():
    assert wrap("see https://example.com/a/very/long/path now", width=12) == [
        "see",
        "https://example.com/a/very/long/path",
        "now",
    ]


def test_width_must_leave_room_after_indent():
    with pytest.raises(ValueError):
        TextWrapper(width=2, initial_indent="> ")


def test_shorten():
    assert shorten("Hello  world, how are you?", width=16) == "Hello [...]"
    assert shorten("Hello  world", width=20) == "Hello world"
    assert shorten("Hello world, how are you?", width=18) == "Hello world, [...]"
