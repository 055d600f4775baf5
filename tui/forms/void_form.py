"""Void a docket entry: it stays on the docket, marked, with the reason it was voided.

An entry is never deleted (the docket numbers must not shift); the deadlines it set are
withdrawn by the store and named in the result so the screen can say which ones, as are
the deadlines it had met, which are open again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input

from docket.models import Deadline, Filing
from tui.forms.base import FormErrors, FormScreen, field_row
from tui.verbatim import shorten

if TYPE_CHECKING:
    from db.store import Store


@dataclass
class VoidResult:
    filing: Filing
    withdrawn: list[Deadline]
    reopened: list[Deadline] = field(default_factory=list)
    """Deadlines the entry had met, as they stand after the void (open again)."""


class VoidForm(FormScreen[VoidResult]):
    def __init__(self, store: Store, filing: Filing) -> None:
        self.store = store
        self.filing = filing
        self.form_title = f"Void entry {filing.entry_no} · {shorten(filing.title, 50)}"
        super().__init__()

    def fields(self) -> ComposeResult:
        yield field_row(
            "Reason",
            Input(placeholder="entered twice, wrong case…", id="reason"),
            "reason",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#reason", Input).focus()

    def submit(self) -> VoidResult:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            raise FormErrors({"reason": "reason: is required (for example: entered twice)"})
        assert self.filing.id is not None and self.filing.case_id is not None
        assert self.filing.entry_no is not None
        with self.store.write():
            withdrawn = self.store.triggered_deadlines(filing_id=self.filing.id)
            met = self.store.deadlines_met_by(self.filing.id)
            voided = self.store.void_filing(self.filing.case_id, self.filing.entry_no, reason)
            reopened = [self.store.get_deadline(d.id) for d in met if d.id is not None]
        return VoidResult(voided, withdrawn, reopened)
