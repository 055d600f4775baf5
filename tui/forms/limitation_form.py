"""A limitation period on a case: which claim, under whose statute, counted from which day.

The claim kinds offered are the chosen jurisdiction's (with the federal ones); the store counts
the last day under that jurisdiction's rule for computing time and writes it as a deadline that
reminds 90, 30 and 7 days ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import Select

from docket.errors import InputError
from docket.limitations import claim_periods, jurisdictions
from tui.forms.base import FormErrors, FormScreen, field_row
from tui.widgets.date_input import DateField

if TYPE_CHECKING:
    from db.store import Store
    from docket.limitations import Limitation
    from docket.models import Deadline


@dataclass(frozen=True)
class LimitationResult:
    deadline: Deadline
    counted: Limitation


def claim_choices(jurisdiction: str) -> list[tuple[str, str]]:
    """(label, kind) of every claim kind a case under `jurisdiction` may carry."""
    return [
        (f"{claim.title} · {claim.length or 'borrowed'} · {claim.citation[:40]}", claim.kind)
        for claim in claim_periods(jurisdiction)
    ]


class LimitationForm(FormScreen["LimitationResult"]):
    form_title = "Add a limitation period"
    form_fields: ClassVar[dict[str, tuple[str, str]]] = {
        "claim": ("claim", "claim"),
        "jurisdiction": ("jurisdiction", "jurisdiction"),
        "start": ("start", "from"),
    }

    def __init__(self, store: Store, case_id: int) -> None:
        super().__init__()
        self.store = store
        self.case_id = case_id
        case = store.get_case(case_id)
        court = store.court_of(case)
        known = jurisdictions()
        self.jurisdiction = court.state if court and court.state in known else next(iter(known))
        self.form_title = f"Add a limitation period · {case.number}"

    def fields(self) -> ComposeResult:
        today = self.store.clock.today()
        places = [(f"{j.name} ({code})", code) for code, j in jurisdictions().items()]
        yield field_row(
            "Jurisdiction",
            Select(places, value=self.jurisdiction, allow_blank=False, id="jurisdiction"),
            "jurisdiction",
        )
        yield field_row(
            "Claim",
            Select(claim_choices(self.jurisdiction), prompt="choose a claim", id="claim"),
            "claim",
        )
        yield field_row(
            "From",
            DateField(
                field="start",
                today=today,
                id="start",
                placeholder="the incident's date (or its discovery, or the denial)",
            ),
            "start",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#claim", Select).focus()

    @on(Select.Changed, "#jurisdiction")
    def _jurisdiction_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.jurisdiction:
            self.jurisdiction = event.value
            self.query_one("#claim", Select).set_options(claim_choices(event.value))

    def submit(self) -> LimitationResult:
        errors: dict[str, str] = {}
        claim = self.query_one("#claim", Select).value
        if not isinstance(claim, str):
            errors["claim"] = "claim: choose one of the claim kinds offered"
        start = None
        try:
            start = self.query_one("#start", DateField).parse()
        except InputError as error:
            errors["start"] = str(error)
        if errors:
            raise FormErrors(errors)
        assert isinstance(claim, str) and start is not None
        deadline, counted = self.store.add_limitation(self.case_id, claim, start, self.jurisdiction)
        return LimitationResult(deadline, counted)
