"""A case: number, title, kind, court, opened date and holiday calendar; a saved one also
shows its judge and summary.

Given `case=`, the form edits a saved case through `Store.edit_case`, which the CLI's
`case edit` calls too: only the fields changed here are written, a new court (or kind)
recounts the open rule deadlines, and the result says which moved so the screen can tell.
A case someone else saved while the form was open is not saved over: the form says what
changed and keeps what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from docket.errors import InputError, StaleRecord
from docket.models import Case, CaseKind
from tui.forms.base import FormErrors, FormScreen, build, field_row, stale_message
from tui.host import docket_app
from tui.widgets.date_input import DateField

if TYPE_CHECKING:
    from db.case_edits import CaseEdit
    from db.store import Store


@dataclass
class CaseFormResult:
    case_id: int
    edit: CaseEdit | None = None
    """For a saved case: what the edit changed, and the deadlines that moved with it."""


class CaseForm(FormScreen[CaseFormResult]):
    form_title = "New case"

    def __init__(self, case: Case | None = None) -> None:
        self.editing = case
        if case is not None:
            self.form_title = f"Edit case · {case.number}"
        super().__init__()

    @property
    def store(self) -> Store:
        return docket_app(self).store

    def fields(self) -> ComposeResult:
        today = self.store.clock.today()
        old = self.editing
        yield field_row(
            "Number",
            Input(value=old.number if old else "", placeholder="1:22-cv-00012", id="number"),
            "number",
        )
        yield field_row(
            "Title",
            Input(value=old.title if old else "", placeholder="Smith v. Jones", id="title"),
            "title",
        )
        yield field_row(
            "Kind",
            Select(
                [(k.label, k.value) for k in CaseKind],
                value=old.kind.value if old else "civil",
                allow_blank=False,
                id="kind",
            ),
            "kind",
        )
        yield field_row(
            "Court",
            Input(
                value=(old.court or "") if old else "",
                placeholder="nmd, or an agency (optional)",
                id="court",
            ),
            "court",
        )
        opened = old.opened_on if old and old.opened_on else today
        yield field_row(
            "Opened",
            DateField(field="opened", today=today, value=opened.isoformat(), id="opened"),
            "opened",
        )
        yield field_row(
            "Calendar",
            Input(value=old.calendar if old else "US", placeholder="US, US-NM", id="calendar"),
            "calendar",
        )
        if old is not None:
            yield field_row(
                "Judge",
                Input(value=old.judge or "", placeholder="Hon. A. Judge (optional)", id="judge"),
                "judge",
            )
            yield field_row(
                "Summary",
                TextArea(old.summary or "", id="summary", classes="summary-field"),
                "summary",
            )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#number", Input).focus()

    def submit(self) -> CaseFormResult:
        from docket.doubts import case_doubts

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
        values: dict[str, Any] = {
            "number": number,
            "title": title,
            "kind": CaseKind(str(self.query_one("#kind", Select).value)),
            "court": self.query_one("#court", Input).value,
            "opened_on": opened,
            "calendar": calendar,
        }
        if self.editing is not None:
            values["judge"] = self.query_one("#judge", Input).value
            values["summary"] = self.query_one("#summary", TextArea).text
            return self._save_edit(values)
        case = build(Case, {"opened_on": "opened"}, **values)
        self.question(case_doubts(case, self.store.clock.today()))
        saved = self.store.add_case(case, registered_court=True)
        assert saved.id is not None
        return CaseFormResult(saved.id)

    def _save_edit(self, values: dict[str, Any]) -> CaseFormResult:
        from docket.doubts import case_doubts, touching

        old = self.editing
        assert old is not None and old.id is not None
        edited = build(Case, {"opened_on": "opened"}, **{**old.model_dump(), **values})
        changes = {
            name: getattr(edited, name)
            for name in values
            if getattr(edited, name) != getattr(old, name)
        }
        court, was = edited.court, old.court
        if "court" in changes and court and was and court.strip().lower() == was.lower():
            del changes["court"]  # only its case differs: the court stays as it is stored
        self.question(touching(case_doubts(edited, self.store.clock.today()), changes))
        try:
            edit = self.store.edit_case(old.id, changes, version=old.version)
        except StaleRecord as stale:
            # The next save is made over the case as it is now saved, knowing what moved.
            self.editing = self.store.get_case(old.id)
            raise FormErrors({"form": stale_message("this case", stale, self.editing)}) from None
        return CaseFormResult(old.id, edit)
