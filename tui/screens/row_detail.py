"""One row of a list in full: every field, the whole text, wrapped, never cut.

A table cuts a long title or note to its column; a paralegal who needs the rest presses
`enter` (on a case's tabs) or `space` (on Cases, Agenda, Search) and reads it here. What is
shown is built by tui/screens/details.py; every value is user text, shown verbatim.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui import bindings
from tui.verbatim import shown

#: (label, value) pairs; a value with line breaks keeps them.
Fields = list[tuple[str, str]]


class RowDetailScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.ROW_DETAIL

    def __init__(self, title: str, fields: Fields) -> None:
        super().__init__()
        self.heading = title
        self.fields = [(label, value) for label, value in fields if value]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="row-detail", classes="dialog"):
            yield Static(shown(self.heading), classes="form-title", markup=False)
            with Grid(id="detail-fields"):
                for label, value in self.fields:
                    yield Static(label, classes="field-label", markup=False)
                    yield Static(shown(value), classes="detail-value", markup=False)
            yield Static("escape closes", id="detail-keys", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#row-detail", VerticalScroll).focus()
        self.call_after_refresh(self._say_if_more)

    def _say_if_more(self) -> None:
        more = self.query_one("#row-detail", VerticalScroll).max_scroll_y > 0
        keys = "↑↓ / PgDn scroll for the rest · escape closes" if more else "escape closes"
        self.query_one("#detail-keys", Static).update(keys)

    def action_close(self) -> None:
        self.dismiss()
