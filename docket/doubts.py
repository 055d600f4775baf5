"""Dates that can be typed but can hardly be right: questioned, never refused, never let by.

A paper served before it was filed, or more than a year after; a filing dated tomorrow; a
hearing thirty years out: each is most often a slip of the keyboard (`1/5/62` for `1/5/26`),
and now and then true. The front ends ask the same question from here (the CLI wants `--yes`,
a form a second ctrl+s) so that a deadline counted from a wrong date is never counted in
silence; imports, which cannot ask, name what they would have asked in their report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from docket.dates import years_before
from docket.models import Case, Filing

#: A paper served this many years after it was filed is questioned.
SERVED_YEARS_AFTER_FILING = 1
#: A hearing more than this many years ahead, or this many years back, is questioned.
HEARING_YEARS_AHEAD = 5
HEARING_YEARS_BACK = 10
#: A deadline typed by hand more than this many years from today, either way.
DEADLINE_YEARS = 10


@dataclass(frozen=True)
class Doubt:
    """One question about a date: the field it is asked of, and why."""

    field: str
    """The model field (`served_on`): the CLI names its flag, a form marks its field."""
    problem: str
    """What is odd, with the dates: `2026-01-02 is before the filing date (2026-02-01)`."""
    involves: tuple[str, ...]
    """Every field whose value makes the doubt: an edit asks only when it changes one."""


def filing_doubts(filing: Filing, today: date) -> list[Doubt]:
    """A filing dated in the future; a service date before the filing or a year after it."""
    doubts: list[Doubt] = []
    filed = filing.filed_on
    if filed > today:
        doubts.append(
            Doubt(
                "filed_on",
                f"{filed.isoformat()} is in the future (today is {today.isoformat()})",
                ("filed_on",),
            )
        )
    served = filing.served_on
    if served is not None:
        pair = ("served_on", "filed_on")
        if served < filed:
            doubts.append(
                Doubt(
                    "served_on",
                    f"{served.isoformat()} is before the filing date ({filed.isoformat()})",
                    pair,
                )
            )
        elif served > years_before(filed, -SERVED_YEARS_AFTER_FILING):
            doubts.append(
                Doubt(
                    "served_on",
                    f"{served.isoformat()} is more than a year after the filing date "
                    f"({filed.isoformat()})",
                    pair,
                )
            )
    return doubts


def hearing_doubts(starts_at: datetime, today: date, field: str = "starts_at") -> list[Doubt]:
    """A hearing set decades away: five years ahead is past any court's calendar, and ten
    years back is older than any matter still being followed."""
    day = starts_at.date()
    return _far(
        day,
        field,
        latest=years_before(today, -HEARING_YEARS_AHEAD),
        earliest=years_before(today, HEARING_YEARS_BACK),
        ahead=HEARING_YEARS_AHEAD,
        back=HEARING_YEARS_BACK,
        today=today,
    )


def deadline_doubts(due_on: date, today: date) -> list[Doubt]:
    """A deadline typed by hand ten years or more from today, either way."""
    return _far(
        due_on,
        "due_on",
        latest=years_before(today, -DEADLINE_YEARS),
        earliest=years_before(today, DEADLINE_YEARS),
        ahead=DEADLINE_YEARS,
        back=DEADLINE_YEARS,
        today=today,
    )


def case_doubts(case: Case, today: date) -> list[Doubt]:
    """A matter opened in the future."""
    opened = case.opened_on
    if opened is not None and opened > today:
        return [
            Doubt(
                "opened_on",
                f"{opened.isoformat()} is in the future (today is {today.isoformat()})",
                ("opened_on",),
            )
        ]
    return []


def touching(doubts: Iterable[Doubt], changed: Iterable[str]) -> list[Doubt]:
    """The doubts an edit of `changed` fields raises: an old oddity already saved (and so
    already confirmed) is not asked about again when only the title changes."""
    fields = set(changed)
    return [doubt for doubt in doubts if fields & set(doubt.involves)]


def doubts_text(doubts: Iterable[Doubt], name: Callable[[str], str]) -> str:
    """The doubts in one line, each field named by `name` (a flag, a form's word)."""
    return "; ".join(f"{name(doubt.field)}: {doubt.problem}" for doubt in doubts)


def _far(
    day: date,
    field: str,
    *,
    latest: date,
    earliest: date,
    ahead: int,
    back: int,
    today: date,
) -> list[Doubt]:
    if day > latest:
        problem = f"{day.isoformat()} is more than {ahead} years from today ({today.isoformat()})"
    elif day < earliest:
        problem = f"{day.isoformat()} is more than {back} years ago (today is {today.isoformat()})"
    else:
        return []
    return [Doubt(field, problem, (field,))]
