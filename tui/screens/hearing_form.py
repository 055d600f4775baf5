"""A hearing: when (date and time), what kind, where."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from docket.errors import InputError
from docket.models import Hearing
from tui.screens.form import FormErrors, FormScreen, field_row

if TYPE_CHECKING:
    from db.store import Store

HEARING_KINDS = [
    "status conference",
    "motion hearing",
    "scheduling conference",
    "arraignment",
    "detention hearing",
    "pretrial conference",
    "trial",
    "sentencing",
    "oral argument",
    "settlement conference",
]


class HearingForm(FormScreen[Hearing]):
    form_title = "Schedule a hearing"

    def __init__(self, store: Store, case_id: int) -> None:
        super().__init__()
        self.store = store
        self.case_id = case_id

    def fields(self) -> ComposeResult:
        yield field_row("When", Input(placeholder="1/5/22 9:30am, tomorrow 2pm", id="when"), "when")
        yield Static("", id="when-preview", classes="date-preview", markup=False)
        yield field_row(
            "Kind",
            Input(
                placeholder="status conference",
                suggester=SuggestFromList(HEARING_KINDS, case_sensitive=False),
                id="kind",
            ),
            "kind",
        )
        yield field_row("Where", Input(placeholder="Courtroom 3 (optional)", id="where"), "where")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#when", Input).focus()

    def _parse_when(self) -> datetime:
        from docket.dates import parse_datetime

        return parse_datetime(
            self.query_one("#when", Input).value, field="when", today=self.store.clock.today()
        )

    @on(Input.Changed, "#when")
    def _preview(self) -> None:
        preview = self.query_one("#when-preview", Static)
        if not self.query_one("#when", Input).value.strip():
            preview.update("")
            return
        try:
            moment = self._parse_when()
        except InputError as error:
            preview.update(error.problem)
            preview.set_class(True, "-bad")
            return
        preview.set_class(False, "-bad")
        preview.update(moment.strftime("%a %d %b %Y %H:%M %Z"))

    def submit(self) -> Hearing:
        errors: dict[str, str] = {}
        when = None
        try:
            when = self._parse_when()
        except InputError as error:
            errors["when"] = str(error)
        kind = self.query_one("#kind", Input).value
        if not kind.strip():
            errors["kind"] = "kind: is required (for example: status conference)"
        if errors:
            raise FormErrors(errors)
        assert when is not None
        hearing = Hearing(
            starts_at=when,
            kind=kind,
            location=self.query_one("#where", Input).value.strip() or None,
        )
        saved, _ = self.store.add_hearing(self.case_id, hearing)
        return saved
