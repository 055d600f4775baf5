"""A new case: number, title, kind, court, opened date and holiday calendar."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input, Select

from docket.errors import InputError
from docket.models import Case, CaseKind
from tui.forms.base import FormErrors, FormScreen, build, field_row
from tui.host import docket_app
from tui.widgets.date_input import DateField

if TYPE_CHECKING:
    from db.store import Store


@dataclass
class CaseFormResult:
    case_id: int


class CaseForm(FormScreen[CaseFormResult]):
    form_title = "New case"

    @property
    def store(self) -> Store:
        return docket_app(self).store

    def fields(self) -> ComposeResult:
        today = self.store.clock.today()
        yield field_row("Number", Input(placeholder="1:22-cv-00012", id="number"), "number")
        yield field_row("Title", Input(placeholder="Smith v. Jones", id="title"), "title")
        yield field_row(
            "Kind",
            Select(
                [(k.label, k.value) for k in CaseKind], value="civil", allow_blank=False, id="kind"
            ),
            "kind",
        )
        yield field_row(
            "Court", Input(placeholder="nmd, or an agency (optional)", id="court"), "court"
        )
        yield field_row(
            "Opened",
            DateField(field="opened", today=today, value=today.isoformat(), id="opened"),
            "opened",
        )
        yield field_row(
            "Calendar", Input(value="US", placeholder="US, US-NM", id="calendar"), "calendar"
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#number", Input).focus()

    def submit(self) -> CaseFormResult:
        errors: dict[str, str] = {}
        opened = None
        try:
            opened = self.query_one("#opened", DateField).parse()
        except InputError as error:
            errors["opened"] = str(error)
        number = self.query_one("#number", Input).value
        title = self.query_one("#title", Input).value
        if not number.strip():
            errors["number"] = "number: is required (for example: 1:22-cv-00012)"
        if not title.strip():
            errors["title"] = "title: is required (for example: Smith v. Jones)"
        calendar = self.query_one("#calendar", Input).value.strip().upper() or "US"
        try:
            from docket.calendars import validate_calendar_code

            validate_calendar_code(calendar)
        except ImportError:
            pass
        except InputError as error:
            errors["calendar"] = str(error)
        except ValueError as error:
            errors["calendar"] = f"calendar: {error}"
        if errors:
            raise FormErrors(errors)
        case = build(
            Case,
            {"opened_on": "opened"},
            number=number,
            title=title,
            kind=CaseKind(str(self.query_one("#kind", Select).value)),
            court=self.query_one("#court", Input).value,
            opened_on=opened,
            calendar=calendar,
        )
        saved = self.store.add_case(case, registered_court=True)
        assert saved.id is not None
        return CaseFormResult(saved.id)
