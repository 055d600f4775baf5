"""What `visible` spells out, and what it leaves alone."""

from __future__ import annotations

import json

import pytest

from docket.inert import has_undecodable, json_escaped, visible


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Smith v. Jones", "Smith v. Jones"),
        ("Müller — “quoted” 中文 😀", "Müller — “quoted” 中文 😀"),
        ("a\x9b2Jb", "a<U+009B>2Jb"),
        ("\x80\x85\x9d\x9c\x9f", "<U+0080><U+0085><U+009D><U+009C><U+009F>"),
        ("1:22-\u202ecv-00012", "1:22-<U+202E>cv-00012"),
        ("\u202a\u202b\u202c\u202d", "<U+202A><U+202B><U+202C><U+202D>"),
        ("\u2066\u2067\u2068\u2069", "<U+2066><U+2067><U+2068><U+2069>"),
        ("\u200e\u200f\u061c", "<U+200E><U+200F><U+061C>"),
        ("\x1b[31m\x07\x7f", "<U+001B>[31m<U+0007><U+007F>"),
        ("line\u2028line", "line<U+2028>line"),
        ("abc\udcff", "abc<0xFF>"),
        ("\ud800", "<U+D800>"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("zero\u200dwidth joiner", "zero\u200dwidth joiner"),  # emoji sequences need it
    ],
)
def test_visible_spells_what_a_terminal_acts_on(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_one_line_spells_newlines_too() -> None:
    assert visible("a\nb\tc", one_line=True) == "a<U+000A>b<U+0009>c"


def test_json_escapes_read_back_as_the_same_value() -> None:
    value = {"title": "a\x9b\u202eb\x85\n", "n": 1}
    text = json_escaped(json.dumps(value, ensure_ascii=False))
    assert "\x9b" not in text and "\u202e" not in text
    assert json.loads(text) == value


def test_undecodable_bytes_are_told_apart_from_text() -> None:
    assert has_undecodable("abc\udcff")
    assert not has_undecodable("abc\xff")
