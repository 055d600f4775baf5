"""Court rules that create deadlines, kept as data in `rules.toml`.

A rule says which filing starts a period, from which of its dates, how long the period is and
which way it runs. Keeping rules as data lets a firm read and check them against the rule
books without reading code; the counting itself is `docket.deadlines`.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from docket.calendars import CourtCalendar
from docket.dates import format_day
from docket.deadlines import DueDate, compute_due_date
from docket.errors import NotFound
from docket.models import CaseKind, DocType, ServiceMethod

HEARING = "hearing"
"""The trigger of rules counted from a hearing date rather than from a filing."""


class Rule(BaseModel):
    """One deadline rule: what is due, counted from which event, how many days which way."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    citation: str = Field(min_length=1)
    trigger: tuple[str, ...]
    """Doc type values (`complaint`) of the filings that start the period, or `hearing`."""
    counts_from: Literal["served", "filed", "hearing"]
    days: int = Field(ge=0, le=3650)
    direction: Literal["after", "before"]
    kinds: tuple[CaseKind, ...] = ()
    """Case kinds the rule applies to; empty means every kind."""
    note: str | None = None
    court_day_adjust: bool = True
    """False for statutory clocks that FRCP 6(a)(1)(C) does not extend to the next court day."""
    mail_extension: bool = True
    """Whether service by mail adds 3 days (FRCP 6(d)); only for periods counted from service."""

    @field_validator("trigger", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @field_validator("trigger")
    @classmethod
    def _known_triggers(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("needs at least one trigger")
        known = set(DocType.choices()) | {HEARING}
        unknown = [item for item in value if item not in known]
        if unknown:
            raise ValueError(f"unknown triggers {unknown}; use doc types or 'hearing'")
        return value

    @model_validator(mode="after")
    def _hearing_rules_count_from_hearings(self) -> Rule:
        from_hearing = self.counts_from == HEARING
        if from_hearing != (self.trigger == (HEARING,)):
            raise ValueError("trigger 'hearing' and counts_from 'hearing' go together")
        return self

    @property
    def before(self) -> bool:
        return self.direction == "before"

    def applies_to(self, case_kind: CaseKind) -> bool:
        return not self.kinds or case_kind in self.kinds


def parse_rules(text: str, *, source: str = "rules.toml") -> tuple[Rule, ...]:
    """Read and check a rules file; a mistake in it is named, not discovered at counting time."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{source}: {error}") from None
    entries = raw.get("rule", [])
    if not isinstance(entries, list):
        raise ValueError(f"{source}: rules are [[rule]] tables")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        try:
            rule = Rule.model_validate(entry)
        except ValidationError as error:
            name = entry.get("id", f"#{index}") if isinstance(entry, dict) else f"#{index}"
            raise ValueError(f"{source}: rule {name}: {error}") from None
        if rule.id in seen:
            raise ValueError(f"{source}: rule id {rule.id!r} appears twice")
        seen.add(rule.id)
        rules.append(rule)
    return tuple(rules)


@cache
def load_rules() -> tuple[Rule, ...]:
    """The rules shipped with docket, read once."""
    text = resources.files("docket").joinpath("rules.toml").read_text("utf-8")
    return parse_rules(text)


def rule_by_id(rule_id: str) -> Rule:
    """The rule a stored deadline names; NotFound if the rules no longer have it."""
    for rule in load_rules():
        if rule.id == rule_id:
            return rule
    raise NotFound(f"no rule {rule_id!r}", field="rule")


def rules_triggered_by(doc_type: DocType, case_kind: CaseKind) -> list[Rule]:
    """Rules a new filing of `doc_type` starts in a case of `case_kind`, in file order."""
    return list(_rules_triggered_by(doc_type, case_kind))


@cache
def _rules_triggered_by(doc_type: DocType, case_kind: CaseKind) -> tuple[Rule, ...]:
    # Asked once for every entry of an imported docket; the rules never change in a run.
    return tuple(
        rule
        for rule in load_rules()
        if doc_type.value in rule.trigger and rule.applies_to(case_kind)
    )


def hearing_rules(case_kind: CaseKind) -> list[Rule]:
    """Rules counted back from a hearing in a case of `case_kind`."""
    return [rule for rule in load_rules() if HEARING in rule.trigger and rule.applies_to(case_kind)]


def compute_rule_deadline(
    rule: Rule,
    *,
    filed_on: date,
    served_on: date | None,
    service: ServiceMethod | None,
    calendar: CourtCalendar,
) -> DueDate:
    """Count a rule's deadline from its trigger.

    For hearing rules pass the hearing day as `filed_on`. A period that counts from service
    falls back to the filing date while service is unknown, and says so, so that the deadline
    shows up at once and is recomputed when the service date is entered. Mail service adds
    days only to periods that count from service, as FRCP 6(d) reads.
    """
    steps = [f"Rule: {rule.title} ({rule.citation})"]
    start = filed_on
    counted_service: ServiceMethod | None = None
    if rule.counts_from == "served":
        if rule.mail_extension:
            counted_service = service
        if served_on is not None:
            start = served_on
            steps.append(f"Counted from service on {format_day(served_on)}")
            if not rule.mail_extension and service is ServiceMethod.MAIL:
                steps.append("Service by mail adds no days under this rule")
        else:
            steps.append(
                f"Service date not entered: counted from filing on {format_day(filed_on)}; "
                "enter the service date to recount"
            )
    elif rule.counts_from == "filed":
        steps.append(f"Counted from filing or entry on {format_day(filed_on)}")
    else:
        steps.append(f"Counted back from the hearing on {format_day(filed_on)}")

    counted = compute_due_date(
        start,
        rule.days,
        before=rule.before,
        service=counted_service,
        calendar=calendar,
        court_day_adjust=rule.court_day_adjust,
    )
    notes = [f"Note: {rule.note}"] if rule.note else []
    return counted.model_copy(update={"steps": [*steps, *counted.steps, *notes]})
