"""Who answers for a matter (its attorney and paralegal) and the firm's numbers for it.

Names are typed as the team has them (`docket person add`); a name that is not on the team is
marked with the closest ones. An emptied field clears it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input

from tui.forms.base import FormScreen, field_row

if TYPE_CHECKING:
    from db.store import Store
    from docket.models import Case


class ResponsibleForm(FormScreen["Case"]):
    def __init__(self, store: Store, case: Case) -> None:
        self.store = store
        self.case = case
        self.form_title = f"Who answers for {case.number}"
        super().__init__()

    def fields(self) -> ComposeResult:
        assert self.case.id is not None
        people = self.store.responsible(self.case.id)
        for field_id, label, person in (
            ("attorney", "Attorney", people.attorney),
            ("paralegal", "Paralegal", people.paralegal),
        ):
            value = person.name if person else ""
            box = Input(value=value, placeholder="a name on the team (empty: none)", id=field_id)
            yield field_row(label, box, field_id)
        for field_id, label, number, example in (
            ("matter_no", "Matter no.", self.case.matter_no, "M-1042"),
            ("client_no", "Client no.", self.case.client_no, "C-207"),
        ):
            box = Input(value=number or "", placeholder=f"e.g. {example} (optional)", id=field_id)
            yield field_row(label, box, field_id)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#attorney", Input).focus()

    def submit(self) -> Case:
        def typed(field_id: str) -> str | None:
            return self.query_one(f"#{field_id}", Input).value.strip() or None

        assert self.case.id is not None
        return self.store.assign_case(
            self.case.id,
            attorney=typed("attorney"),
            paralegal=typed("paralegal"),
            matter_no=typed("matter_no"),
            client_no=typed("client_no"),
        )
