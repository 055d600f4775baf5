"""Stored text made safe to show on a terminal, without changing what is stored.

Imported captions and typed notes are kept verbatim, but a terminal reads some characters as
commands: C1 controls (U+009B is an 8-bit CSI, U+009D an OSC) can move the cursor, retitle the
window or hide text, and bidi overrides (U+202E) make `1:22-cv-00012` read as something else.
Every front end shows text through `visible()`, which spells each such character as
`<U+XXXX>`, so what the paralegal sees is inert and still says what is there. Bytes that were
not UTF-8 (a shell argument decoded with surrogate escapes) read as `<0xFF>`.
"""

from __future__ import annotations

import re

#: Bidi embeddings, overrides and isolates, and the invisible direction marks.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

#: What a terminal may act on or reorder: C0 controls but tab and newline, DEL, C1 controls,
#: bidi controls, the line and paragraph separators, and lone surrogates.
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")

#: The same, newline and tab included: for text that must stay on one line.
UNSAFE_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")


def spelled(char: str) -> str:
    """One unsafe character as visible text: `<U+009B>`, or `<0xFF>` for an undecodable byte."""
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"<0x{code - 0xDC00:02X}>"
    return f"<U+{code:04X}>"


def visible(text: str, *, one_line: bool = False) -> str:
    """`text` with every character a terminal would act on spelled out (see `spelled`)."""
    pattern = UNSAFE_IN_LINE if one_line else UNSAFE
    return pattern.sub(lambda match: spelled(match.group()), text)


def json_escaped(text: str) -> str:
    """JSON text with the unsafe characters as `\\uXXXX` escapes: the same JSON value, inert.

    Safe on `json.dumps` output because such characters can only appear inside its strings.
    """
    return UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def has_undecodable(text: str) -> bool:
    """True when `text` holds bytes that were not UTF-8 (surrogate escapes)."""
    return any("\udc80" <= char <= "\udcff" for char in text)
