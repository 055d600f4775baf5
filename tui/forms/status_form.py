"""Change where a matter stands. Only the moves its lifecycle allows are offered, plus
stay / lift stay / reopen as they apply; closing asks for a disposition."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from docket.errors import InputError
from docket.lifecycle import lifecycle_for
from docket.models import StatusChange
from tui.forms.base import FormErrors, FormScreen, field_row
from tui.widgets.date_input import DateField

if TYPE_CHECKING:
    from db.store import Store

STAY = "(stay)"
LIFT = "(lift stay)"
REOPEN = "reopen"
WHOLE_CASE = "(case)"
"""The "Who" choice that moves the whole case rather than one defendant."""


def status_choices(
    stage: str, kind: str, stayed: bool, *, defendant: bool = False
) -> list[tuple[str, str]]:
    """(label, value) of every move open to the matter (or to one defendant) right now; a
    stay holds the whole case, so a defendant is offered none."""
    cycle = lifecycle_for(kind)
    if cycle.is_resolved(stage):
        return [(f"reopen (back to {cycle.reopen_to})", REOPEN)]
    moves = [
        (f"{target} (closes: needs a disposition)" if cycle.is_resolved(target) else target, target)
        for target in cycle.allowed_from(stage)
    ]
    if not defendant:
        moves.append(("lift the stay", LIFT) if stayed else ("stay proceedings", STAY))
    return moves


class StatusForm(FormScreen[StatusChange]):
    form_title = "Change status"

    def __init__(self, store: Store, case_id: int) -> None:
        super().__init__()
        self.store = store
        self.case_id = case_id
        case = store.get_case(case_id)
        self.case = case
        self.case_kind = case.kind
        self.choices = status_choices(case.stage, case.kind.value, bool(case.stay_reason))
        self.form_title = f"Change status · {case.number} · now {case.stage}"
        # In a case against several defendants each may move on their own.
        defendants = store.defendants(case_id)
        self.defendants = {str(d.id): d for d in defendants} if len(defendants) > 1 else {}

    def fields(self) -> ComposeResult:
        today = self.store.clock.today()
        dispositions = list(lifecycle_for(self.case_kind).dispositions)
        if self.defendants:
            who = [("the whole case", WHOLE_CASE)] + [
                (f"{d.name} (now {d.stage or self.case.stage})", key)
                for key, d in self.defendants.items()
            ]
            yield field_row(
                "Who", Select(who, value=WHOLE_CASE, allow_blank=False, id="who"), "who"
            )
        yield field_row("Move to", Select(self.choices, prompt="choose a move", id="move"), "move")
        yield field_row(
            "Disposition",
            Input(
                placeholder=", ".join(dispositions[:3]),
                suggester=SuggestFromList(dispositions, case_sensitive=False),
                id="disposition",
                disabled=True,
            ),
            "disposition",
        )
        yield field_row(
            "Note", Input(placeholder="why (a stay or reopening needs one)", id="note"), "note"
        )
        yield field_row(
            "Source", Input(placeholder="citation or URL (optional)", id="source"), "source"
        )
        yield field_row(
            "On", DateField(field="on", today=today, value=today.isoformat(), id="on"), "on"
        )
        yield field_row(
            "Reported",
            DateField(
                field="reported_on",
                today=today,
                optional=True,
                id="reported",
                placeholder="the report's date, when a report is the source (optional)",
            ),
            "reported",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#who" if self.defendants else "#move", Select).focus()

    @on(Select.Changed, "#who")
    def _who_chosen(self, event: Select.Changed) -> None:
        """The moves offered are the chosen defendant's (from their own stage), or the case's."""
        defendant = self.defendants.get(str(event.value))
        if defendant is None:
            self.choices = status_choices(
                self.case.stage, self.case_kind.value, bool(self.case.stay_reason)
            )
        else:
            self.choices = status_choices(
                defendant.stage or self.case.stage, self.case_kind.value, False, defendant=True
            )
        self.query_one("#move", Select).set_options(self.choices)
        self.query_one("#disposition", Input).disabled = True

    @on(Select.Changed, "#move")
    def _move_chosen(self, event: Select.Changed) -> None:
        closing = isinstance(event.value, str) and lifecycle_for(self.case_kind).is_resolved(
            event.value
        )
        self.query_one("#disposition", Input).disabled = not closing

    def submit(self) -> StatusChange:
        errors: dict[str, str] = {}
        move = self.query_one("#move", Select).value
        if move is Select.NULL:
            errors["move"] = "move: choose one of the moves offered"
        note = self.query_one("#note", Input).value.strip() or None
        disposition = self.query_one("#disposition", Input).value.strip() or None
        source = self.query_one("#source", Input).value.strip() or None
        day = None
        try:
            day = self.query_one("#on", DateField).parse()
        except InputError as error:
            errors["on"] = str(error)
        reported = None
        try:
            reported = self.query_one("#reported", DateField).parse()
        except InputError as error:
            errors["reported"] = str(error)
        cycle = lifecycle_for(self.case_kind)
        if isinstance(move, str) and cycle.is_resolved(move) and not disposition:
            errors["disposition"] = (
                f"disposition: closing needs one (for example: {', '.join(cycle.dispositions[:3])})"
            )
        if move in (STAY, REOPEN) and not note:
            errors["note"] = "note: say why (for example: stayed pending appeal)"
        if errors:
            raise FormErrors(errors)
        defendant = None
        if self.defendants:
            defendant = self.defendants.get(str(self.query_one("#who", Select).value))
        if defendant is not None and defendant.id is not None:
            return self.store.change_party_stage(
                self.case_id,
                defendant.id,
                str(move),
                on=day,
                note=note,
                disposition=disposition,
                source=source,
                reported_on=reported,
            )
        if move == STAY:
            assert note is not None
            return self.store.stay(self.case_id, note, on=day, source=source)
        if move == LIFT:
            return self.store.lift_stay(self.case_id, on=day, note=note, source=source)
        return self.store.change_stage(
            self.case_id,
            str(move),
            on=day,
            note=note,
            disposition=disposition,
            source=source,
            reported_on=reported,
        )
