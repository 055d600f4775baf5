"""A hearing: when (date and time), what kind, where; and later, how it went.

`HearingUpdateForm` changes a saved hearing: its time, status, outcome, and the date it was
continued to. A hearing marked continued with a continued-to time has, in the court's eyes,
a new hearing on that day, so saving also schedules it (same kind, place and judge) in the same
transaction: the paralegal does not have to remember to enter it, and the case's next hearing
is right at once. Moving or cancelling a hearing makes the store recompute or withdraw the
deadlines counted back from it; the result names them so the screen can say so. A hearing
someone else saved while the form was open is not saved over: the form says what changed and
keeps what was typed.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static

from db.hearings import HearingChange
from docket.court_time import court_and_local
from docket.errors import InputError, StaleRecord
from docket.models import Hearing, HearingStatus
from tui.forms.base import FormErrors, FormScreen, field_row, stale_message

if TYPE_CHECKING:
    from db.store import Store

HEARING_KINDS = [
    "status conference",
    "motion hearing",
    "scheduling conference",
    "arraignment",
    "detention hearing",
    "pretrial conference",
    "trial",
    "sentencing",
    "oral argument",
    "settlement conference",
]


def parse_moment(form: Screen[Any], store: Store, field_id: str, label: str) -> datetime:
    from docket.dates import parse_datetime

    return parse_datetime(
        form.query_one(f"#{field_id}", Input).value,
        field=label,
        today=store.clock.today(),
        zone=getattr(form, "court_zone", None),
    )


def preview_moment(form: Screen[Any], store: Store, field_id: str, label: str) -> None:
    """Under a date-and-time field: the moment understood, or what is wrong with the text."""
    preview = form.query_one(f"#{field_id}-preview", Static)
    if not form.query_one(f"#{field_id}", Input).value.strip():
        preview.update("")
        return
    try:
        moment = parse_moment(form, store, field_id, label)
    except InputError as error:
        preview.update(error.problem)
        preview.set_class(True, "-bad")
        return
    preview.set_class(False, "-bad")
    zone = getattr(form, "court_zone", None)
    preview.update(f"{moment:%a %d %b %Y} {court_and_local(moment, zone)}")


def when_and_kind(
    form: Screen[Any], store: Store, errors: dict[str, str]
) -> tuple[datetime | None, str]:
    """The When and Kind fields both hearing forms have; what is wrong goes into `errors`."""
    when = None
    try:
        when = parse_moment(form, store, "when", "when")
    except InputError as error:
        errors["when"] = str(error)
    kind = form.query_one("#kind", Input).value
    if not kind.strip():
        errors["kind"] = "kind: is required (for example: status conference)"
    return when, kind


class HearingForm(FormScreen[Hearing]):
    form_title = "Schedule a hearing"

    def __init__(self, store: Store, case_id: int) -> None:
        super().__init__()
        self.store = store
        self.case_id = case_id
        self.court_zone = store.court_zone(store.get_case(case_id))
        """Times are typed in the court's zone (the machine's when the court is unknown)."""

    def fields(self) -> ComposeResult:
        yield field_row("When", Input(placeholder="1/5/22 9:30am, tomorrow 2pm", id="when"), "when")
        yield Static("", id="when-preview", classes="date-preview", markup=False)
        yield field_row(
            "Kind",
            Input(
                placeholder="status conference",
                suggester=SuggestFromList(HEARING_KINDS, case_sensitive=False),
                id="kind",
            ),
            "kind",
        )
        yield field_row("Where", Input(placeholder="Courtroom 3 (optional)", id="where"), "where")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#when", Input).focus()

    @on(Input.Changed, "#when")
    def _preview(self) -> None:
        preview_moment(self, self.store, "when", "when")

    def submit(self) -> Hearing:
        errors: dict[str, str] = {}
        when, kind = when_and_kind(self, self.store, errors)
        if errors:
            raise FormErrors(errors)
        assert when is not None
        from docket.doubts import hearing_doubts

        self.question(hearing_doubts(when, self.store.clock.today()))
        hearing = Hearing(
            starts_at=when,
            kind=kind,
            location=self.query_one("#where", Input).value.strip() or None,
        )
        saved, _ = self.store.add_hearing(self.case_id, hearing)
        return saved


def _local(moment: datetime, zone: tzinfo | None = None) -> str:
    """A stored time as the court's wall time (the machine's when the court is unknown)."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


class HearingUpdateForm(FormScreen[HearingChange]):
    def __init__(self, store: Store, hearing: Hearing) -> None:
        super().__init__()
        self.store = store
        self.hearing = hearing
        self.court_zone = (
            None if hearing.case_id is None else store.court_zone(store.get_case(hearing.case_id))
        )
        self.form_title = f"Update hearing · {hearing.kind}"

    def fields(self) -> ComposeResult:
        old = self.hearing
        yield field_row(
            "When",
            Input(
                value=_local(old.starts_at, self.court_zone), placeholder="1/5/22 9:30am", id="when"
            ),
            "when",
        )
        yield Static("", id="when-preview", classes="date-preview", markup=False)
        yield field_row(
            "Kind",
            Input(
                value=old.kind,
                suggester=SuggestFromList(HEARING_KINDS, case_sensitive=False),
                id="kind",
            ),
            "kind",
        )
        yield field_row(
            "Where",
            Input(value=old.location or "", placeholder="Courtroom 3 (optional)", id="where"),
            "where",
        )
        yield field_row(
            "Status",
            Select(
                [(status.label, status.value) for status in HearingStatus],
                value=old.status.value,
                allow_blank=False,
                id="status",
            ),
            "status",
        )
        yield field_row(
            "Outcome",
            Input(value=old.outcome or "", placeholder="what was decided (optional)", id="outcome"),
            "outcome",
        )
        yield field_row(
            "Continued to",
            Input(
                value=_local(old.continued_to, self.court_zone) if old.continued_to else "",
                placeholder="only when continued: 1/12/27 9:30am",
                id="continued",
            ),
            "continued",
        )
        yield Static("", id="continued-preview", classes="date-preview", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#when", Input).focus()
        self._preview()

    @on(Input.Changed, "#when, #continued")
    def _preview(self) -> None:
        preview_moment(self, self.store, "when", "when")
        preview_moment(self, self.store, "continued", "continued to")

    def submit(self) -> HearingChange:
        errors: dict[str, str] = {}
        continued_to = None
        when, kind = when_and_kind(self, self.store, errors)
        status = HearingStatus(str(self.query_one("#status", Select).value))
        if self.query_one("#continued", Input).value.strip():
            try:
                continued_to = parse_moment(self, self.store, "continued", "continued to")
            except InputError as error:
                errors["continued"] = str(error)
            if status != HearingStatus.CONTINUED:
                errors["continued"] = (
                    "continued to: only a continued hearing has one "
                    "(set Status to continued, or clear this field)"
                )
            elif when is not None and continued_to is not None and continued_to <= when:
                errors["continued"] = (
                    "continued to: must be after the hearing it continues "
                    f"(for example: {(when.date()).isoformat()} plus a few weeks)"
                )
        if errors:
            raise FormErrors(errors)
        assert when is not None
        old = self.hearing
        assert old.id is not None
        from docket.doubts import hearing_doubts

        today = self.store.clock.today()
        doubts = [] if when == old.starts_at else hearing_doubts(when, today)
        if continued_to is not None and continued_to != old.continued_to:
            doubts += hearing_doubts(continued_to, today, field="continued_to")
        self.question(doubts)
        # Only a scheduled hearing is continued: an already continued one keeps its new date,
        # and the rest of the form (outcome, place) is saved on it as on any other.
        continuing = continued_to is not None and old.status == HearingStatus.SCHEDULED
        try:
            return self.store.change_hearing(
                old.id,
                status=status,
                starts_at=None if when == old.starts_at else when,
                kind=kind.strip(),
                location=self.query_one("#where", Input).value.strip() or None,
                outcome=self.query_one("#outcome", Input).value.strip() or None,
                continued_to=continued_to if continuing else None,
                version=old.version,
            )
        except StaleRecord as stale:
            # The next save is made over the hearing as it is now saved, knowing what moved.
            self.hearing = self.store.get_hearing(old.id)
            raise FormErrors({"form": stale_message("this hearing", stale, self.hearing)}) from None
