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


def test_break_long_words_defaults_to_off():
    assert TextWrapper(width=5).wrap("abcdefghij") == ["abcdefghij"]


def test_break_long_word_alone():
    assert wrap("abcdefghij", width=4, break_long_words=True) == ["abcd", "efgh", "ij"]


def test_break_long_word_fills_current_line_first():
    assert wrap("see https://example.com/a now", width=10, break_long_words=True) == [
        "see https:",
        "//example.",
        "com/a now",
    ]


def test_break_long_word_of_exact_multiple_leaves_no_empty_line():
    assert wrap("abcdefgh xy", width=4, break_long_words=True) == ["abcd", "efgh", "xy"]


def test_break_long_word_respects_indents():
    wrapper = TextWrapper(width=8, initial_indent="> ", subsequent_indent="    ", break_long_words=True)
    assert wrapper.wrap("abcdefghijklmnop") == ["> abcdef", "    ghij", "    klmn", "    op"]


def test_break_long_words_only_splits_words_longer_than_a_line():
    # "fghij" fits on a line of its own, so it moves down whole instead of being split.
    assert wrap("abc fghij", width=6, break_long_words=True) == ["abc", "fghij"]


def test_break_long_words_never_exceeds_width():
    text = "x" * 37 + " short " + "y" * 25 + " end"
    for width in range(3, 20):
        lines = wrap(text, width=width, break_long_words=True)
        assert all(len(line) <= width for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_fill_passes_break_long_words():
    assert fill("abcdefghij", width=5, break_long_words=True) == "abcde\nfghij"
