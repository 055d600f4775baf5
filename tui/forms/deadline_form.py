"""A deadline entered by hand: due date, title and reminder lead times."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input

from docket.errors import InputError
from docket.models import DEFAULT_REMIND_DAYS, Deadline, parse_lead_times
from tui.forms.base import FormErrors, FormScreen, build, field_row
from tui.widgets.date_input import DateField

if TYPE_CHECKING:
    from db.store import Store


def parse_remind_days(text: str) -> list[int]:
    """`7, 3, 1` → [7, 3, 1]; blank means the usual lead times."""
    return parse_lead_times(text, field="remind") or list(DEFAULT_REMIND_DAYS)


class DeadlineForm(FormScreen[Deadline]):
    form_title = "Add a deadline"

    def __init__(self, store: Store, case_id: int) -> None:
        super().__init__()
        self.store = store
        self.case_id = case_id

    def fields(self) -> ComposeResult:
        today = self.store.clock.today()
        yield field_row("Due", DateField(field="due", today=today, id="due"), "due")
        yield field_row("Title", Input(placeholder="Reply brief due", id="title"), "title")
        yield field_row("Remind (days before)", Input(value="7, 3, 1", id="remind"), "remind")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#due Input", Input).focus()

    def submit(self) -> Deadline:
        errors: dict[str, str] = {}
        due = None
        remind: list[int] = []
        try:
            due = self.query_one("#due", DateField).parse()
        except InputError as error:
            errors["due"] = str(error)
        title = self.query_one("#title", Input).value
        if not title.strip():
            errors["title"] = "title: is required (for example: Reply brief due)"
        try:
            remind = parse_remind_days(self.query_one("#remind", Input).value)
        except InputError as error:
            errors["remind"] = str(error)
        if errors:
            raise FormErrors(errors)
        assert due is not None
        from docket.doubts import deadline_doubts

        self.question(deadline_doubts(due, self.store.clock.today()))
        deadline = build(
            Deadline,
            {"due_on": "due", "remind_days": "remind"},
            due_on=due,
            title=title,
            remind_days=remind,
        )
        return self.store.add_deadline(self.case_id, deadline)
