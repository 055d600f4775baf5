"""User text on screen exactly as it was typed.

Case titles and docket text often hold square brackets (`[Doc 12]`, `[sic]`); read as markup
they would vanish or, worse, run an action. Everything a person typed reaches a widget through
these helpers as a `Text`/`Content` object, never spliced into a markup string.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content


def cell(value: object, *, style: str = "") -> Text:
    """A table cell that shows `value` literally (DataTable reads plain strings as markup)."""
    return Text(
        "" if value is None else str(value), style=style, no_wrap=True, overflow="ellipsis", end=""
    )


def content(*parts: str | tuple[str, str]) -> Content:
    """Join literal pieces, optionally styled: `content("Case ", (number, "bold"))`."""
    return Content.assemble(*parts)


def shorten(text: str, width: int) -> str:
    """Cut long user text for a column, marking the cut."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
