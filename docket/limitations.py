"""Limitation periods: the last day to bring a claim, counted from the incident, as data.

The periods live in `limitations.toml`, each with its statute and a source, like the court
rules. Counting follows the jurisdiction's rule for computing time: the event's day is left
out; a period in years or months ends on the same-numbered day of the last month (the last
day of that month when it has no such day); a last day that is a Saturday, Sunday or legal
holiday moves to the next day that is none of those. In New Mexico that is NMSA 1978,
§ 12-2A-7(C), (D) and (F); federal periods follow Fed. R. Civ. P. 6(a)(1). Tolling is a
lawyer's call and is not counted.
"""

from __future__ import annotations

import calendar as month_lengths
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from docket.dates import format_day
from docket.errors import InputError
from docket.models import Deadline

#: Reminders for a limitation period start far ahead: missing one ends the claim.
LIMITATION_REMIND_DAYS = (90, 30, 7)
#: Every limitation deadline's rule starts with this, so they can be listed apart.
RULE_PREFIX = "limitation/"
FEDERAL = "US"


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    calendar: str
    counting: str
    """The rule for counting a period (its citation)."""
    last_day: str
    """The rule that moves a last day off a weekend or holiday (its citation)."""
    source: str


@dataclass(frozen=True)
class ClaimPeriod:
    kind: str
    jurisdiction: str
    title: str
    deadline: str
    """What must be filed by the last day (`Wrongful death complaint`)."""
    counted_from: str
    """What the start date is the date of: `death`, `occurrence`, `accrual`..."""
    citation: str
    source: str
    years: int = 0
    months: int = 0
    days: int = 0
    borrows: str | None = None
    """The forum state's claim kind whose period applies (42 U.S.C. § 1983)."""
    note: str | None = None

    @property
    def length(self) -> str:
        parts = [(self.years, "year"), (self.months, "month"), (self.days, "day")]
        return ", ".join(f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n)


@dataclass(frozen=True)
class Limitation:
    """A counted limitation period: its claim, its last day, and how it was counted."""

    claim: ClaimPeriod
    jurisdiction: Jurisdiction
    start: date
    due: date
    citation: str
    steps: tuple[str, ...]

    def deadline(self) -> Deadline:
        """The deadline the store writes for it: reminders 90, 30 and 7 days ahead."""
        return Deadline(
            due_on=self.due,
            title=f"{self.claim.deadline}: limitation period ends",
            rule=f"{RULE_PREFIX}{self.jurisdiction.code.lower()}/{self.claim.kind}",
            citation=self.citation[:200],
            computation=list(self.steps),
            remind_days=list(LIMITATION_REMIND_DAYS),
        )


@cache
def _data() -> tuple[dict[str, Jurisdiction], tuple[ClaimPeriod, ...]]:
    raw = tomllib.loads(resources.files("docket").joinpath("limitations.toml").read_text("utf-8"))
    jurisdictions = {
        code: Jurisdiction(code=code, **spec) for code, spec in raw["jurisdictions"].items()
    }
    claims = []
    for spec in raw["claims"]:
        values = dict(spec)
        values["counted_from"] = values.pop("from")
        claim = ClaimPeriod(**values)
        if claim.jurisdiction not in jurisdictions:
            raise ValueError(f"limitations.toml: {claim.kind} names no jurisdiction")
        if not (claim.years or claim.months or claim.days or claim.borrows):
            raise ValueError(f"limitations.toml: {claim.kind} has no period")
        claims.append(claim)
    return jurisdictions, tuple(claims)


def jurisdictions() -> dict[str, Jurisdiction]:
    return _data()[0]


def claim_periods(jurisdiction: str | None = None) -> list[ClaimPeriod]:
    """The claim kinds, a jurisdiction's own then the federal ones (which apply anywhere)."""
    claims = _data()[1]
    if jurisdiction is None:
        return list(claims)
    return [c for c in claims if c.jurisdiction == jurisdiction] + [
        c for c in claims if c.jurisdiction == FEDERAL and jurisdiction != FEDERAL
    ]


def require_jurisdiction(text: str, *, field: str = "jurisdiction") -> Jurisdiction:
    code = text.strip().upper()
    found = jurisdictions().get(code)
    if found is None:
        raise InputError(
            field,
            f"{text.strip()!r} is not a jurisdiction with limitation periods "
            f"(known: {', '.join(jurisdictions())})",
            "NM",
        )
    return found


def require_claim(kind: str, jurisdiction: Jurisdiction, *, field: str = "claim") -> ClaimPeriod:
    key = kind.strip().lower().replace("_", "-").replace(" ", "-")
    known = claim_periods(jurisdiction.code)
    for claim in known:
        if claim.kind == key:
            return claim
    raise InputError(
        field,
        f"{kind.strip()!r} is not a claim kind in {jurisdiction.name} "
        f"(kinds: {', '.join(c.kind for c in known)})",
        known[0].kind if known else "wrongful-death",
    )


def _add_months(day: date, months: int) -> date:
    """The same-numbered day `months` later, or the last day of that month if it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, month_lengths.monthrange(year, month)[1]))


def count_limitation(
    claim: ClaimPeriod,
    start: date,
    jurisdiction: Jurisdiction,
    *,
    closures: dict[date, str] | None = None,
) -> Limitation:
    """The last day to bring `claim`, counted from `start` under `jurisdiction`'s rules."""
    period, citation = claim, claim.citation
    steps = [f"{claim.title}: {claim.citation}"]
    if claim.borrows is not None:
        if jurisdiction.code == FEDERAL:
            raise InputError(
                "jurisdiction",
                f"a {claim.kind} claim borrows a state's {claim.borrows} period; "
                "name the state where it is brought",
                "NM",
            )
        period = require_claim(claim.borrows, jurisdiction)
        citation = f"42 U.S.C. § 1983; period of {period.citation}"
        steps.append(
            f"Federal law borrows {jurisdiction.name}'s period for {period.title.lower()}: "
            f"{period.length} ({period.citation})"
        )
    home = jurisdictions()[claim.jurisdiction]
    rules = jurisdiction if claim.borrows is not None else home
    steps.append(f"From: {format_day(start)}, the date of {claim.counted_from} (day excluded)")
    end = start
    if period.years or period.months:
        end = _add_months(start, 12 * period.years + period.months)
        steps.append(
            f"{period.length.capitalize()} later, on the same-numbered day "
            f"({rules.counting}): {format_day(end)}"
        )
    if period.days:
        end = end + timedelta(days=period.days)
        steps.append(
            f"Counted {period.length}, weekends and holidays included ({rules.counting}): "
            f"{format_day(end)}"
        )
    from docket.calendars import CourtCalendar  # holidays load only when a period is counted

    cal = CourtCalendar(rules.calendar, closures or {})
    moved = end
    skipped = []
    while cal.is_excluded(moved):
        skipped.append(f"{format_day(moved)} ({cal.reason(moved)})")
        moved += timedelta(days=1)
    if skipped:
        steps.append(
            f"{'; '.join(skipped)} is not a day to file: the period runs to the next day "
            f"that is not a Saturday, Sunday or legal holiday ({rules.last_day}): "
            f"{format_day(moved)}"
        )
    else:
        steps.append(
            f"{format_day(end)} is not a Saturday, Sunday or legal holiday: the period ends "
            f"that day ({rules.last_day} moves only a last day that is one)"
        )
    if claim.note:
        steps.append(f"Note: {claim.note}")
    steps.append("Not counted: tolling (minority, incapacity, discovery); confirm with counsel")
    steps.append(f"Last day: {format_day(moved)}")
    return Limitation(
        claim=claim,
        jurisdiction=jurisdiction,
        start=start,
        due=moved,
        citation=citation,
        steps=tuple(steps),
    )
