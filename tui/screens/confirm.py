"""A yes/no question: `y` or enter confirms, `n` or escape keeps things as they were."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui import bindings
from tui.verbatim import shown


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.CONFIRM

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(shown(self.question), id="confirm-question", markup=False)
            if self.detail:
                yield Static(shown(self.detail), id="confirm-detail", markup=False)
            yield Static("y  yes     n  no", classes="dialog-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
