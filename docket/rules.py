"""Court rules that create deadlines, kept as data in `rules.toml`.

A rule says which filing starts a period, from which of its dates, how long the period is and
which way it runs. Keeping rules as data lets a firm read and check them against the rule
books without reading code; the counting itself is `docket.deadlines`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from docket.calendars import CourtCalendar
from docket.dates import format_day
from docket.deadlines import FEDERAL_COUNTING, Counting, DueDate, compute_due_date
from docket.errors import NotFound
from docket.models import CaseKind, DocType, ServiceMethod

HEARING = "hearing"
"""The trigger of rules counted from a hearing date rather than from a filing."""


class Rule(BaseModel):
    """One deadline rule: what is due, counted from which event, how many days which way."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_set: str = "federal"
    """The rule set the rule belongs to: it fires only in courts counting under that set."""
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    title: str = Field(min_length=1)
    citation: str = Field(min_length=1)
    trigger: tuple[str, ...]
    """Doc type values (`complaint`) of the filings that start the period, or `hearing`."""
    counts_from: Literal["served", "sent", "filed", "hearing"]
    """`sent` is for a waiver of service: the entry's served date holds the day the waiver
    request was sent (FRCP 4(d)(1)(F)), which the answer period runs from."""
    days: int = Field(ge=0, le=3650)
    direction: Literal["after", "before"]
    kinds: tuple[CaseKind, ...] = ()
    """Case kinds the rule applies to; empty means every kind."""
    note: str | None = None
    court_day_adjust: bool = True
    """False for statutory clocks that FRCP 6(a)(1)(C) does not extend to the next court day."""
    mail_extension: bool = True
    """Whether service by mail adds 3 days (FRCP 6(d)); only for periods counted from service."""
    satisfied_by: tuple[DocType, ...] = ()
    """Doc types of the entries that meet the deadline; empty means only a person can close it."""
    hearing_kind: str | None = None
    """For rules counted back from a hearing: a pattern the hearing's kind must contain
    (`motion`, `\\btrial\\b`), matched ignoring case; none means every hearing."""
    united_states_party: bool | None = None
    """True: fires only when the United States, its agency or officer is a party to the case;
    False: only when none is; None: either way (FRAP 4(a)(1)(A) against (B))."""
    later_of: tuple[str, ...] = ()
    """Rule ids of deadlines this entry closes whose date wins when later: FRCP 15(a)(3)'s
    "time remaining to respond to the original pleading ... whichever is later"."""

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

    @field_validator("satisfied_by", mode="before")
    @classmethod
    def _one_or_many_satisfying(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @field_validator("later_of", mode="before")
    @classmethod
    def _one_or_many_later(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @field_validator("hearing_kind")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"hearing_kind {value!r} is not a pattern: {error}") from None
        return value

    @model_validator(mode="after")
    def _hearing_rules_count_from_hearings(self) -> Rule:
        from_hearing = self.counts_from == HEARING
        if from_hearing != (self.trigger == (HEARING,)):
            raise ValueError("trigger 'hearing' and counts_from 'hearing' go together")
        if self.hearing_kind is not None and not from_hearing:
            raise ValueError("hearing_kind is for rules counted from a hearing")
        return self

    @property
    def before(self) -> bool:
        return self.direction == "before"

    def applies_to(self, case_kind: CaseKind) -> bool:
        return not self.kinds or case_kind in self.kinds

    def fits_parties(self, united_states_party: bool) -> bool:
        return self.united_states_party is None or self.united_states_party == united_states_party

    def fits_hearing(self, hearing_kind: str) -> bool:
        return self.hearing_kind is None or bool(
            re.search(self.hearing_kind, hearing_kind, re.IGNORECASE)
        )


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


class RuleSet(BaseModel):
    """The rules one system of courts counts deadlines under, and how it counts them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    system: Literal["federal", "state"]
    counting: str
    """The counting rule's id for every case kind `counting_for` does not name."""
    counting_for: dict[CaseKind, str] = Field(default_factory=dict)
    note: str | None = None


class LocalRule(BaseModel):
    """A court's own period for a rule whose default no federal or state rule sets (the time
    to respond to a motion): it replaces the default's days and citation in that court."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    court: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")
    """The court id (`nmd`) whose local rules set the period."""
    rule: str
    """The id of the rule whose default it replaces."""
    days: int = Field(ge=0, le=3650)
    citation: str = Field(min_length=1)
    note: str | None = None


@dataclass(frozen=True)
class RuleBook:
    """The shipped rules file: counting rules, rule sets, the deadline rules and courts'
    local rules."""

    counting: Mapping[str, Counting]
    rule_sets: Mapping[str, RuleSet]
    rules: tuple[Rule, ...]
    local_rules: Mapping[tuple[str, str], LocalRule] = field(default_factory=dict)
    """By (court id, rule id)."""


def parse_rule_book(text: str, *, source: str = "rules.toml") -> RuleBook:
    """Read the whole rules file; a rule set naming a missing counting rule, or a rule naming
    a missing rule set, is an error here rather than when a deadline is counted."""
    rules = parse_rules(text, source=source)
    raw = tomllib.loads(text)
    try:
        counting = {c.id: c for c in (Counting.model_validate(e) for e in raw.get("counting", []))}
        sets = {s.id: s for s in (RuleSet.model_validate(e) for e in raw.get("rule_set", []))}
    except ValidationError as error:
        raise ValueError(f"{source}: {error}") from None
    for rule_set in sets.values():
        for used in (rule_set.counting, *rule_set.counting_for.values()):
            if used not in counting:
                raise ValueError(f"{source}: rule set {rule_set.id}: no counting rule {used!r}")
    by_id = {rule.id: rule for rule in rules}
    for rule in rules:
        if rule.rule_set not in sets:
            raise ValueError(f"{source}: rule {rule.id}: no rule set {rule.rule_set!r}")
        for other in rule.later_of:
            if other not in by_id:
                raise ValueError(f"{source}: rule {rule.id}: later_of names no rule {other!r}")
    local: dict[tuple[str, str], LocalRule] = {}
    for entry in raw.get("local_rule", []):
        try:
            local_rule = LocalRule.model_validate(entry)
        except ValidationError as error:
            raise ValueError(f"{source}: local rule: {error}") from None
        if local_rule.rule not in by_id:
            raise ValueError(
                f"{source}: local rule of {local_rule.court}: no rule {local_rule.rule!r}"
            )
        key = (local_rule.court, local_rule.rule)
        if key in local:
            raise ValueError(
                f"{source}: {local_rule.court} has two local rules for {local_rule.rule}"
            )
        local[key] = local_rule
    return RuleBook(counting=counting, rule_sets=sets, rules=rules, local_rules=local)


@cache
def load_rule_book() -> RuleBook:
    """The rules shipped with docket, read once."""
    text = resources.files("docket").joinpath("rules.toml").read_text("utf-8")
    return parse_rule_book(text)


def load_rules() -> tuple[Rule, ...]:
    """The deadline rules shipped with docket."""
    return load_rule_book().rules


def rule_set_ids() -> frozenset[str]:
    return frozenset(load_rule_book().rule_sets)


def rule_set(rule_set_id: str) -> RuleSet:
    try:
        return load_rule_book().rule_sets[rule_set_id]
    except KeyError:
        raise NotFound(f"no rule set {rule_set_id!r}", field="rules") from None


def counting_for(rule_set_id: str, kind: CaseKind | None) -> Counting:
    """The counting rule a rule set uses for a case of `kind` (its default without one)."""
    chosen = rule_set(rule_set_id)
    counting_id = chosen.counting_for.get(kind, chosen.counting) if kind else chosen.counting
    return load_rule_book().counting[counting_id]


@dataclass(frozen=True)
class CourtRules:
    """What counts a case's deadlines: its court's rule set, counting rule and calendar.

    `assumed` is set when the case's stored court is not registered: it is then counted under
    the federal rules, as before courts were registered, and every deadline says so.
    """

    rule_set: RuleSet
    counting: Counting
    calendar: CourtCalendar
    court: str | None = None
    """The court as steps name it: `nmd (U.S. District Court for the District of New Mexico)`."""
    assumed: bool = False
    court_id: str | None = None
    """The registered court's id, whose local rules replace default periods."""
    united_states_party: bool = False
    """Whether the United States, its agency or officer is a party (FRAP 4(a)(1)(B))."""

    def summary(self) -> str:
        """The last step of every deadline counted under these rules."""
        if self.assumed:
            return (
                f"Court {self.court} is not in the registry: counted under the "
                f"{self.rule_set.name}, {self.counting.name} (assumed); edit the case's court "
                "to count under its own rules"
            )
        where = f" in {self.court}" if self.court else ""
        return f"Counted under the {self.rule_set.name}{where}; counting rule {self.counting.name}"


def local_rule(rule: Rule, court_id: str | None) -> Rule:
    """The rule as the court's local rules have it: the default's days and citation are
    replaced where the court has its own (D.N.M.LR-Civ. 7.4(a) for a motion response)."""
    if court_id is None:
        return rule
    found = load_rule_book().local_rules.get((court_id, rule.id))
    if found is None:
        return rule
    return rule.model_copy(
        update={
            "days": found.days,
            "citation": found.citation,
            "note": found.note if found.note is not None else rule.note,
        }
    )


def local_rules_of(court_id: str) -> list[LocalRule]:
    """The local rules encoded for a court, in file order."""
    return [lr for (court, _), lr in load_rule_book().local_rules.items() if court == court_id]


def rule_by_id(rule_id: str) -> Rule:
    """The rule a stored deadline names; NotFound if the rules no longer have it."""
    for rule in load_rules():
        if rule.id == rule_id:
            return rule
    raise NotFound(f"no rule {rule_id!r}", field="rule")


def rules_triggered_by(
    doc_type: DocType,
    case_kind: CaseKind,
    rule_set_id: str = "federal",
    *,
    united_states_party: bool = False,
) -> list[Rule]:
    """Rules a new filing of `doc_type` starts in a case of `case_kind`, in file order, in a
    court counting under `rule_set_id` (a federal rule never fires in a state court)."""
    return list(_rules_triggered_by(doc_type, case_kind, rule_set_id, united_states_party))


@cache
def _rules_triggered_by(
    doc_type: DocType, case_kind: CaseKind, rule_set_id: str, united_states_party: bool
) -> tuple[Rule, ...]:
    # Asked once for every entry of an imported docket; the rules never change in a run.
    return tuple(
        rule
        for rule in load_rules()
        if rule.rule_set == rule_set_id
        and doc_type.value in rule.trigger
        and rule.applies_to(case_kind)
        and rule.fits_parties(united_states_party)
    )


def hearing_rules(
    case_kind: CaseKind, rule_set_id: str = "federal", hearing_kind: str | None = None
) -> list[Rule]:
    """Rules counted back from a hearing in a case of `case_kind`; with `hearing_kind`, only
    those for that kind of hearing (a motion hearing, a trial)."""
    return [
        rule
        for rule in load_rules()
        if rule.rule_set == rule_set_id
        and HEARING in rule.trigger
        and rule.applies_to(case_kind)
        and (hearing_kind is None or rule.fits_hearing(hearing_kind))
    ]


def compute_rule_deadline(
    rule: Rule,
    *,
    filed_on: date,
    served_on: date | None,
    service: ServiceMethod | None,
    calendar: CourtCalendar | CourtRules,
) -> DueDate:
    """Count a rule's deadline from its trigger.

    For hearing rules pass the hearing day as `filed_on`. A period that counts from service
    falls back to the filing date while service is unknown, and says so, so that the deadline
    shows up at once and is recomputed when the service date is entered. Mail service adds
    days only to periods that count from service, as FRCP 6(d) reads.
    """
    court_rules = calendar if isinstance(calendar, CourtRules) else None
    cal = calendar.calendar if isinstance(calendar, CourtRules) else calendar
    counting = court_rules.counting if court_rules is not None else FEDERAL_COUNTING
    if court_rules is not None:
        rule = local_rule(rule, court_rules.court_id)
    steps = [f"Rule: {rule.title} ({rule.citation})"]
    start = filed_on
    counted_service: ServiceMethod | None = None
    if rule.counts_from == "served":
        if rule.mail_extension:
            counted_service = service
        if served_on is not None:
            start = served_on
            steps.append(f"Counted from service on {format_day(served_on)}")
            if (
                not rule.mail_extension
                and service is not None
                and service in counting.adds_days_for
            ):
                steps.append(f"Service by {service.label} adds no days under this rule")
        else:
            steps.append(
                f"Service date not entered: counted from filing on {format_day(filed_on)}; "
                "enter the service date to recount"
            )
    elif rule.counts_from == "sent":
        if served_on is not None:
            start = served_on
            steps.append(
                f"Counted from the day the waiver request was sent, {format_day(served_on)} "
                "(the entry's served date)"
            )
        else:
            steps.append(
                "Day the waiver request was sent not entered: counted from the waiver's "
                f"filing on {format_day(filed_on)}, which is later than the request, so the "
                "real deadline is earlier; enter the day the request was sent as the served "
                "date to recount"
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
        calendar=cal,
        court_day_adjust=rule.court_day_adjust,
        counting=counting,
    )
    notes = [f"Note: {rule.note}"] if rule.note else []
    update: dict[str, object] = {"steps": [*steps, *counted.steps, *notes]}
    if court_rules is not None:
        update["steps"] = [*steps, *counted.steps, *notes, court_rules.summary()]
        update["court"] = court_rules.court
        update["rule_set"] = court_rules.rule_set.id
    return counted.model_copy(update=update)
