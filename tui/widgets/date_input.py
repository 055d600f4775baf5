"""A date field that says which day it understood while the person types."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from docket.errors import InputError


class DateField(Vertical):
    """An Input plus a preview line: `Wed 5 Jan 2022 · 3 days ago`, or what is wrong."""

    def __init__(
        self,
        *,
        field: str,
        today: date,
        value: str = "",
        optional: bool = False,
        id: str | None = None,  # noqa: A002 - the Textual widget keyword
        placeholder: str = "",
    ) -> None:
        super().__init__(id=id, classes="date-field")
        self.field = field
        self.today = today
        self.optional = optional
        self._initial = value
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Input(value=self._initial, placeholder=self._placeholder, classes="date-input")
        yield Static("", classes="date-preview", markup=False)

    def on_mount(self) -> None:
        self._preview(self._initial)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    def parse(self) -> date | None:
        """The typed day; None for an empty optional field; InputError otherwise."""
        from docket.dates import parse_date

        text = self.input.value.strip()
        if not text:
            if self.optional:
                return None
            raise InputError(self.field, "is required", "today, 1/5/22, +3")
        return parse_date(text, field=self.field, today=self.today)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._preview(event.value)

    def _preview(self, text: str) -> None:
        from docket.dates import describe_date

        preview = self.query_one(".date-preview", Static)
        if not text.strip():
            preview.update("(none)" if self.optional else "")
            preview.set_class(False, "-bad")
            return
        try:
            day = self.parse()
        except InputError as error:
            preview.update(error.problem)
            preview.set_class(True, "-bad")
            return
        preview.set_class(False, "-bad")
        preview.update("" if day is None else describe_date(day, self.today))
