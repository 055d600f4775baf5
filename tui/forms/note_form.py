"""A dated note on a matter, with where the news came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input

from docket.errors import InputError
from docket.models import Note
from tui.forms.base import FormErrors, FormScreen, field_row
from tui.widgets.date_input import DateField

if TYPE_CHECKING:
    from db.store import Store


class NoteForm(FormScreen[Note]):
    form_title = "Add a note"

    def __init__(self, store: Store, case_id: int) -> None:
        super().__init__()
        self.store = store
        self.case_id = case_id

    def fields(self) -> ComposeResult:
        today = self.store.clock.today()
        yield field_row("Note", Input(placeholder="what happened", id="text"), "text")
        yield field_row(
            "Source", Input(placeholder="citation or URL (optional)", id="source"), "source"
        )
        yield field_row(
            "Date", DateField(field="date", today=today, value=today.isoformat(), id="on"), "on"
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#text", Input).focus()

    def submit(self) -> Note:
        errors: dict[str, str] = {}
        text = self.query_one("#text", Input).value
        if not text.strip():
            errors["text"] = "note: is required (for example: Clerk says the order is coming)"
        day = None
        try:
            day = self.query_one("#on", DateField).parse()
        except InputError as error:
            errors["on"] = str(error)
        if errors:
            raise FormErrors(errors)
        source = self.query_one("#source", Input).value.strip() or None
        return self.store.add_note(self.case_id, text, on=day, source=source)
