"""How a deadline's date was reached: the rule, its citation and every counting step.

A paralegal checking a date against the rules (or explaining it to an attorney) needs the
count itself, not just the answer: which day was day one, which weekend or holiday pushed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from docket.dates import format_day
from tui import bindings
from tui.verbatim import shown

if TYPE_CHECKING:
    from docket.models import Deadline


class DeadlineInfoScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.DEADLINE_INFO

    def __init__(
        self,
        deadline: Deadline,
        trigger: str = "",
        story: list[str] | None = None,
        given_to: str = "",
    ) -> None:
        super().__init__()
        self.deadline = deadline
        self.trigger = trigger
        self.story = story or []
        """What happened to it since it was set: met, withdrawn, reopened."""
        self.given_to = given_to
        """Who on the team it was given to, when someone was."""

    def compose(self) -> ComposeResult:
        deadline = self.deadline
        with VerticalScroll(id="deadline-info", classes="dialog"):
            yield Static(shown(deadline.title), classes="form-title", markup=False)
            status = deadline.status.label
            if deadline.done_on:
                status += f" on {format_day(deadline.done_on)}"
            yield Static(f"Due {format_day(deadline.due_on)} · {status}", markup=False)
            if deadline.rule or deadline.citation:
                yield Static(
                    shown(
                        f"Rule: {deadline.rule or '(none)'} · {deadline.citation or 'no citation'}"
                    ),
                    id="info-rule",
                    markup=False,
                )
            if self.trigger:
                yield Static(
                    shown(f"Counted from: {self.trigger}"), id="info-trigger", markup=False
                )
            if self.given_to:
                yield Static(shown(f"Given to: {self.given_to}"), id="info-given", markup=False)
            yield Static("How it was counted", classes="field-label")
            if deadline.computation:
                steps = "\n".join(
                    f"{number}. {step}" for number, step in enumerate(deadline.computation, 1)
                )
            else:
                steps = "Entered by hand: no computation to show."
            yield Static(shown(steps), id="info-steps", markup=False)
            if self.story:
                yield Static("History", classes="field-label")
                yield Static(shown("\n".join(self.story)), id="info-history", markup=False)
            yield Static("escape closes", classes="dialog-keys")

    def action_close(self) -> None:
        self.dismiss()
