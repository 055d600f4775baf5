"""When to look at a matter again. The Cases list flags it from that day on; empty clears it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input

from docket.errors import InputError
from docket.models import Case
from tui.forms.base import FormErrors, FormScreen, field_row
from tui.widgets.date_input import DateField

if TYPE_CHECKING:
    from db.store import Store


class FollowUpForm(FormScreen[Case]):
    def __init__(self, store: Store, case: Case) -> None:
        self.store = store
        self.case = case
        self.form_title = f"Follow up on {case.number}"
        super().__init__()

    def fields(self) -> ComposeResult:
        current = self.case.follow_up_on
        yield field_row(
            "Follow up on",
            DateField(
                field="follow up on",
                today=self.store.clock.today(),
                value=current.isoformat() if current else "",
                optional=True,
                placeholder="+14, 12/15/26, next monday (empty clears)",
                id="on",
            ),
            "on",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#on Input", Input).focus()

    def submit(self) -> Case:
        try:
            day = self.query_one("#on", DateField).parse()
        except InputError as error:
            raise FormErrors({"on": str(error)}) from None
        assert self.case.id is not None
        return self.store.set_follow_up(self.case.id, day)
