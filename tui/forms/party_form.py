"""A party on the case. The conflict check runs as the name is typed: if the same person or
company already appears on another matter, the form says so before anything is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from db.rows import PartyConflict
from docket.models import CaseParty, PartyKind, PartyRole
from tui.forms.base import FormErrors, FormScreen, field_row

if TYPE_CHECKING:
    from db.store import Store


def conflict_text(conflicts: list[PartyConflict]) -> str:
    shown = "; ".join(f"{c.case_number} {c.case_title} ({c.role})" for c in conflicts[:3])
    more = f" and {len(conflicts) - 3} more" if len(conflicts) > 3 else ""
    return f"Possible conflict: {conflicts[0].name} is already on {shown}{more}"


class PartyForm(FormScreen[CaseParty]):
    form_title = "Add a party"

    def __init__(self, store: Store, case_id: int) -> None:
        super().__init__()
        self.store = store
        self.case_id = case_id

    def fields(self) -> ComposeResult:
        yield field_row("Name", Input(placeholder="Jane Doe, Acme Corp.", id="name"), "name")
        yield Static("", id="conflict", markup=False)
        yield field_row(
            "Role",
            Select(
                [(r.label, r.value) for r in PartyRole],
                value="plaintiff",
                allow_blank=False,
                id="role",
            ),
            "role",
        )
        yield field_row(
            "Kind",
            Select(
                [(k.label, k.value) for k in PartyKind],
                value="person",
                allow_blank=False,
                id="kind",
            ),
            "kind",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#name", Input).focus()

    @on(Input.Changed, "#name")
    def _name_typed(self, event: Input.Changed) -> None:
        self._check_conflicts(event.value)

    @work(thread=True, exclusive=True, group="party-conflicts")
    def _check_conflicts(self, name: str) -> None:
        conflicts = self.store.party_conflicts(name, exclude_case_id=self.case_id)
        self.app.call_from_thread(self._show_conflicts, name, conflicts)

    def _show_conflicts(self, name: str, conflicts: list[PartyConflict]) -> None:
        if name != self.query_one("#name", Input).value:
            return
        self.query_one("#conflict", Static).update(conflict_text(conflicts) if conflicts else "")

    def submit(self) -> CaseParty:
        name = self.query_one("#name", Input).value
        if not name.strip():
            raise FormErrors({"name": "name: is required (for example: Jane Doe)"})
        link, conflicts = self.store.add_party(
            self.case_id,
            name,
            PartyRole(str(self.query_one("#role", Select).value)),
            kind=PartyKind(str(self.query_one("#kind", Select).value)),
        )
        if conflicts:
            self.app.notify(conflict_text(conflicts), severity="warning", markup=False)
        return link
