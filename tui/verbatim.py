"""User text on screen exactly as it was typed.

Case titles and docket text often hold square brackets (`[Doc 12]`, `[sic]`); read as markup
they would vanish or, worse, run an action. Everything a person typed reaches a widget through
these helpers as a `Text`/`Content` object, never spliced into a markup string, and with the
characters a terminal would act on (C1 controls, bidi overrides) spelled out as `<U+009B>` by
`docket.inert.visible`, the function the CLI prints through: the stored text stays verbatim.
"""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text
from textual.content import Content

from docket.inert import UNSAFE, visible


def shown(value: object) -> str:
    """User text as it may safely reach the screen (see `docket.inert.visible`)."""
    return "" if value is None else visible(str(value))


def cell(value: object, *, style: str = "") -> Text:
    """A table cell that shows `value` literally (DataTable reads plain strings as markup)."""
    return Text(shown(value), style=style, no_wrap=True, overflow="ellipsis", end="")


def content(*parts: str | tuple[str, str]) -> Content:
    """Join literal pieces, optionally styled: `content("Case ", (number, "bold"))`."""
    return Content.assemble(
        *(shown(part) if isinstance(part, str) else (shown(part[0]), part[1]) for part in parts)
    )


def shorten(text: str, width: int) -> str:
    """Cut long user text for a column, marking the cut."""
    text = shown(text)
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class InertField(Highlighter):
    """Draws an input field's terminal controls as U+FFFD while its value keeps them.

    An `Input` draws its own value, so a stored title holding a C1 control would reach the
    terminal raw when a form opens to edit it. Each such character is drawn as one replacement
    mark (same length, so the field's spans stay in place); saving writes back what is stored.
    """

    def highlight(self, text: Text) -> None:
        plain = text.plain
        safe = UNSAFE.sub("\ufffd", plain)
        if safe != plain:
            text.plain = safe


INERT_FIELD = InertField()
