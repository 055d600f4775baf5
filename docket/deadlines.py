"""Counting deadlines under FRCP 6, step by step in words.

The engine is pure: a trigger day, a number of days and a calendar in, a due date and the
reasoning out. The reasoning is kept because a paralegal must be able to check a computed
deadline against the rule before relying on it, and because a docketing error is far worse
than a moment spent reading.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from docket.calendars import UNNAMED_CLOSURE, CourtCalendar
from docket.dates import format_day, weekday_name
from docket.errors import InputError
from docket.models import ServiceMethod

MAX_DAYS = 3650
MAIL_DAYS = 3
"""FRCP 6(d): days added when a paper is served by mail (and the other means it names)."""

_ONE_DAY = timedelta(days=1)
FRCP_6D_METHODS: tuple[ServiceMethod, ...] = (
    ServiceMethod.MAIL,
    ServiceMethod.LEFT_WITH_CLERK,
    ServiceMethod.CONSENTED_MEANS,
)
"""The means FRCP 6(d) adds 3 days after: Rule 5(b)(2)(C) mail, (D) leaving it with the
clerk and (F) other means consented to. Electronic service lost the days in 2016; handing
a paper over (5(b)(2)(A)) never had them."""


class Counting(BaseModel):
    """How a rule book counts a period in days: the rule's citations and its one variation.

    FRCP 6(a), FRCrP 45(a), FRAP 26(a) and New Mexico's 1-006 / 5-104 / 12-308 all exclude the
    trigger day, include the last and move it off weekends and legal holidays. New Mexico's
    rules (since 31 December 2014) also skip weekends and holidays inside a period of 10 days
    or less (NMRA 1-006(A)(2)); the federal rules dropped that in 2009.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    """How steps and listings name it: `FRCP 6(a)`."""
    trigger_day: str = "FRCP 6(a)(1)(A)"
    every_day: str = "FRCP 6(a)(1)(B)"
    last_day: str = "FRCP 6(a)(1)(C)"
    backward: str = "6(a)(5)"
    short_period_days: int | None = None
    """Periods of this many days or fewer skip weekends and legal holidays inside them."""
    short_period: str | None = None
    extra_days: str = "FRCP 6(d)"
    """The rule that adds days after service by mail."""
    mail_days: int = 3
    adds_days_for: tuple[ServiceMethod, ...] = FRCP_6D_METHODS
    """The service methods after which `extra_days` adds `mail_days`."""
    state_holidays: Literal["forward", "always"] = "forward"
    """`forward`: a state's holidays count only for periods measured after an event (FRCP
    6(a)(6)(C)); `always`: a state court's own holidays count both ways."""
    note: str | None = None


FEDERAL_COUNTING = Counting(id="frcp-6a", name="FRCP 6(a)")
"""The counting every period used before courts had their own rules; the default."""


class DueDate(BaseModel):
    """A computed deadline with the derivation a person can check against the rule."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    due: date
    trigger: date = Field(
        validation_alias=AliasChoices("trigger", "from"), serialization_alias="from"
    )
    """The day of the event the period runs from (itself excluded from the count)."""
    days: int
    before: bool = False
    service: ServiceMethod | None = None
    calendar: str = "US"
    counting: str = FEDERAL_COUNTING.name
    """The counting rule used (`FRCP 6(a)`, `NMRA 1-006`)."""
    court: str | None = None
    """The court whose rules were used, when one was named."""
    rule_set: str | None = None
    """The rule set that produced the deadline (`federal`, `nm`)."""
    steps: list[str] = Field(default_factory=list)


def compute_due_date(
    trigger: date,
    days: int,
    *,
    before: bool = False,
    service: ServiceMethod | None = None,
    calendar: CourtCalendar | None = None,
    court_day_adjust: bool = True,
    counting: Counting = FEDERAL_COUNTING,
) -> DueDate:
    """Count a period of days under FRCP 6(a)(1), 6(a)(5) and 6(d).

    The trigger day is excluded and every day after it counts, weekends and holidays included;
    a last day that is a weekend or legal holiday moves to the next day that is neither
    (backward counts move to the previous one). Mail service adds 3 days after that, and the
    result moves off a weekend or holiday again. `court_day_adjust=False` leaves the last day
    where it falls, for statutory clocks that FRCP 6 does not govern.
    """
    if days < 0:
        raise InputError(
            "days", f"{days} is negative; count a positive number of days before instead", "21"
        )
    if days > MAX_DAYS:
        raise InputError("days", f"{days} is more than {MAX_DAYS} days", "21")
    cal = calendar if calendar is not None else CourtCalendar("US")
    forward = not before
    steps = [f"Trigger: {format_day(trigger)} (day excluded, {counting.trigger_day})"]

    plural = "day" if days == 1 else "days"
    way = "forward" if forward else "backward"
    short = counting.short_period_days
    if short is not None and days <= short and court_day_adjust:
        end = _count_court_days(trigger, days, forward, cal, steps, counting)
    else:
        end = trigger + timedelta(days=days) if forward else trigger - timedelta(days=days)
        steps.append(
            f"Counted {days} {plural} {way}, weekends and holidays included "
            f"({counting.every_day}): {format_day(end)}"
        )
    if court_day_adjust:
        end = _off_closed_days(end, forward, cal, steps, counting.last_day, counting.backward)
    else:
        steps.append(
            f"{format_day(end)} is kept as counted: this period does not move to the next court day"
        )

    if service is not None:
        end = _service_days(end, forward, service, cal, steps, court_day_adjust, counting)
        if counting.note and service not in counting.adds_days_for:
            steps.append(f"Note: {counting.note}")

    steps.append(f"Due: {format_day(end)}")
    return DueDate(
        due=end,
        trigger=trigger,
        days=days,
        before=before,
        service=service,
        calendar=cal.code,
        counting=counting.name,
        steps=steps,
    )


def _count_court_days(
    trigger: date,
    days: int,
    forward: bool,
    cal: CourtCalendar,
    steps: list[str],
    counting: Counting,
) -> date:
    """Count only days that are not weekends or legal holidays (NMRA 1-006(A)(2))."""
    step = _ONE_DAY if forward else -_ONE_DAY
    end = trigger
    counted = 0
    skipped: list[str] = []
    while counted < days:
        end += step
        if cal.is_excluded(end, counting_forward=forward):
            skipped.append(f"{format_day(end)} ({_why_closed(end, forward, cal)})")
        else:
            counted += 1
    plural = "day" if days == 1 else "days"
    way = "forward" if forward else "backward"
    passed = f"; skipped {', '.join(skipped)}" if skipped else "; none to skip"
    steps.append(
        f"Counted {days} {plural} {way}, leaving out Saturdays, Sundays and legal holidays "
        f"because the period is {counting.short_period_days} days or less "
        f"({counting.short_period}){passed}: {format_day(end)}"
    )
    return end


def _service_days(
    end: date,
    forward: bool,
    service: ServiceMethod,
    cal: CourtCalendar,
    steps: list[str],
    court_day_adjust: bool,
    counting: Counting,
) -> date:
    rule = counting.extra_days
    how = _served_how(service)
    if service not in counting.adds_days_for:
        why = {
            ServiceMethod.ELECTRONIC: "Served electronically: nothing added "
            f"({rule} leaves out electronic service)",
            ServiceMethod.PERSONAL: f"Served personally: nothing added ({rule} does not apply)",
        }
        steps.append(
            why.get(
                service,
                f"{how}: nothing added; {rule} is not counted here as adding days for this "
                "means: check the rule",
            )
        )
        return end
    if not forward:
        steps.append(
            f"{how}: nothing added, since {rule} adds days only to a period that runs after service"
        )
        return end
    end += timedelta(days=counting.mail_days)
    steps.append(f"{how}: {counting.mail_days} days added ({rule}): {format_day(end)}")
    if court_day_adjust:
        short_rule = rule.rsplit(" ", 1)[-1]
        end = _off_closed_days(
            end, True, cal, steps, f"{counting.last_day}, {short_rule}", counting.backward
        )
    return end


def _served_how(service: ServiceMethod) -> str:
    return {
        ServiceMethod.MAIL: "Served by mail",
        ServiceMethod.LEFT_WITH_CLERK: "Left with the court clerk",
        ServiceMethod.CONSENTED_MEANS: "Served by other means consented to in writing",
    }.get(service, f"Served by {service.label}")


def _off_closed_days(
    end: date,
    forward: bool,
    cal: CourtCalendar,
    steps: list[str],
    citation: str,
    backward_citation: str = FEDERAL_COUNTING.backward,
) -> date:
    """Move the last day off weekends and legal holidays, saying why for each day passed."""
    passed: list[str] = []
    step = _ONE_DAY if forward else -_ONE_DAY
    while cal.is_excluded(end, counting_forward=forward):
        passed.append(f"{format_day(end)} is {_why_closed(end, forward, cal)}")
        end += step
    if not passed:
        steps.append(f"{format_day(end)} is a court day: the period ends on it")
        return end
    moved = "moved to" if forward else "moved back to"
    if not forward:
        citation += f", {backward_citation}"
    steps.append(f"{'; '.join(passed)}: {moved} {format_day(end)} ({citation})")
    return end


def _why_closed(day: date, forward: bool, cal: CourtCalendar) -> str:
    if day in cal.closures and not cal.is_weekend(day):
        name = cal.closures[day]
        return "a day the court is closed" + ("" if name == UNNAMED_CLOSURE else f": {name}")
    holiday = cal.legal_holiday(day, counting_forward=forward)
    if cal.is_weekend(day):
        text = f"a {weekday_name(day)}"
        return f"{text} ({holiday})" if holiday else text
    return holiday or "a legal holiday"
