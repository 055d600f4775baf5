"""`docket deadline add | done | waive | show | compute`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docket.cli import team
from docket.cli.arguments import (
    DATE_FORMS,
    Subparsers,
    add_date,
    add_json,
    add_yes,
    build,
    choice,
    command,
    confirm_dates,
    day,
    group,
    lead_times,
    optional_day,
    record_number,
)
from docket.cli.context import Context
from docket.cli.output import print_json, print_steps, say
from docket.doubts import deadline_doubts
from docket.history import closed_by_close, history_line
from docket.models import (
    Case,
    Deadline,
    DeadlineHistory,
    Filing,
    Hearing,
    ServiceMethod,
    trigger_text,
)

if TYPE_CHECKING:
    from db.store import Store
    from docket.calendars import CourtCalendar


def cmd_deadline_add(args: argparse.Namespace, ctx: Context) -> int:
    due = day(args.due, "--due", ctx.today)
    remind = {} if args.remind is None else {"remind_days": lead_times(args.remind)}
    deadline = build(Deadline, due_on=due, title=args.title, **remind)
    confirm_dates(deadline_doubts(due, ctx.today), args)
    case, case_id = ctx.case_id(args.number)
    saved = ctx.store.add_deadline(case_id, deadline)
    leads = ", ".join(str(d) for d in saved.remind_days)
    say(f"Deadline #{saved.id} on {case.number}: {saved.title}, due {saved.due_on}")
    say(f"  reminders {leads} {'day' if saved.remind_days == [1] else 'days'} before")
    return 0


def cmd_deadline_done(args: argparse.Namespace, ctx: Context) -> int:
    done_on = optional_day(args.on, "--on", ctx.today)
    case, case_id = ctx.case_id(args.number)
    ctx.deadline(case, args.id)
    saved = ctx.store.complete_deadline(args.id, done_on=done_on, case_id=case_id)
    say(f"Deadline #{saved.id} on {case.number} done on {saved.done_on}: {saved.title}")
    return 0


def cmd_deadline_compute(args: argparse.Namespace, ctx: Context) -> int:
    from docket.calendars import validate_calendar_code
    from docket.courts import CourtRegistry
    from docket.deadlines import FEDERAL_COUNTING, compute_due_date
    from docket.errors import InputError
    from docket.rules import counting_for, rule_set

    trigger = day(getattr(args, "from"), "--from", ctx.today)
    service = None if args.service is None else choice(ServiceMethod, args.service, "--service")
    path = ctx.db_path
    has_db = not isinstance(path, Path) or (path.is_file() and path.stat().st_size > 0)
    store = ctx.store if has_db or ctx.given_db else None
    counting = FEDERAL_COUNTING
    if args.court is None:
        code = validate_calendar_code(args.calendar or "US", field="--calendar")
        calendar = _closure_calendar(store, code)
        under = f"{counting.name} (federal rules, holiday calendar {code})"
        court_id = rules_id = None
    else:
        if args.calendar is not None:
            raise InputError(
                "--calendar", "the court decides the calendar; give one or the other", "--court nmd"
            )
        registry = store.court_registry() if store is not None else CourtRegistry()
        court = registry.require(args.court, field="--court")
        if court.rules is None:
            raise InputError(
                "--court", f"{court.id} is an agency: it has no court rules to count by", "nmd"
            )
        chosen = rule_set(court.rules)
        counting = counting_for(court.rules, None)
        calendar = _closure_calendar(store, court.holidays, state_court=court.system == "state")
        under = f"{counting.name} ({chosen.name}, {court.label()}, holidays {court.holidays})"
        court_id, rules_id = court.id, chosen.id
    due = compute_due_date(
        trigger,
        args.days,
        before=args.before,
        service=service,
        calendar=calendar,
        counting=counting,
    )
    due = due.model_copy(
        update={
            "court": court_id,
            "rule_set": rules_id,
            "steps": [f"Counting rule: {under}", *due.steps],
        }
    )
    if args.json:
        print_json(due.model_dump(mode="json", by_alias=True))
    else:
        say(due.due.isoformat())
        print_steps(due.steps, "  ")
    return 0


def _closure_calendar(
    store: Store | None, code: str, *, state_court: bool = False
) -> CourtCalendar:
    """The counting calendar for `deadline compute`: holidays, plus the database's closures
    when there is a database (compute never creates one)."""
    from docket.calendars import CourtCalendar

    if store is None:
        return CourtCalendar(code, state_court=state_court)
    closed = {c.day: c.name for c in store.closures(code)}
    return CourtCalendar(code, closures=closed, state_court=state_court)


def cmd_deadline_waive(args: argparse.Namespace, ctx: Context) -> int:
    case, case_id = ctx.case_id(args.number)
    ctx.deadline(case, args.id)
    saved = ctx.store.waive_deadline(args.id, case_id=case_id, note=args.note)
    say(f"Deadline #{saved.id} on {case.number} waived on {saved.done_on}: {saved.title}")
    return 0


def _trigger_json(trigger: Filing | Hearing | None) -> dict[str, Any] | None:
    """What the deadline was counted from, for `deadline show --json`."""
    if isinstance(trigger, Filing):
        return {
            "kind": "filing",
            "entry_no": trigger.entry_no,
            "title": trigger.title,
            "filed_on": trigger.filed_on.isoformat(),
            "served_on": None if trigger.served_on is None else trigger.served_on.isoformat(),
            "service": None if trigger.service is None else trigger.service.value,
            "voided": trigger.voided,
        }
    if isinstance(trigger, Hearing):
        return {
            "kind": "hearing",
            "id": trigger.id,
            "title": trigger.kind,
            "starts_at": trigger.starts_at.isoformat(),
            "status": trigger.status.value,
        }
    return None


def _counted_under(ctx: Context, case: Case, deadline: Deadline) -> dict[str, str | None]:
    """The court, rule set and counting rule a deadline names, for `deadline show`."""
    from docket.errors import NotFound
    from docket.rules import counting_for, rule_by_id, rule_set

    court = ctx.store.court_of(case)
    if court is not None:
        court_text: str | None = court.label()
    elif case.court:
        court_text = f"{case.court!r} (not in the registry: federal rules assumed)"
    else:
        court_text = None
    names: dict[str, str | None] = {"court": court_text, "rule_set": None, "counting": None}
    if deadline.rule:
        try:
            set_id = rule_by_id(deadline.rule).rule_set
        except NotFound:
            return names
        names["rule_set"] = rule_set(set_id).name
        names["counting"] = counting_for(set_id, case.kind).name
    return names


def cmd_deadline_show(args: argparse.Namespace, ctx: Context) -> int:
    case = ctx.case(args.number)
    deadline = ctx.deadline(case, args.id)
    trigger = ctx.store.trigger_of(deadline)
    under = _counted_under(ctx, case, deadline)
    history = [_history_json(ctx, step) for step in ctx.store.deadline_history(args.id)]
    if args.json:
        data = deadline.model_dump(mode="json")
        data["trigger"] = _trigger_json(trigger)
        data.update(under)
        data["history"] = history
        print_json(data)
        return 0
    say(f"Deadline #{deadline.id} on {case.number}: {deadline.title}")
    say(f"  Court: {under['court'] or 'none given'}")
    if under["rule_set"]:
        say(f"  Rule set: {under['rule_set']}   Counting rule: {under['counting']}")
    done = f" on {deadline.done_on}" if deadline.done_on else ""
    say(f"  Due: {deadline.due_on}   Status: {deadline.status.label}{done}")
    if deadline.satisfied_by_filing_id is not None:
        met_by = ctx.store.get_filing(deadline.satisfied_by_filing_id)
        say(f"  Met by: entry {met_by.entry_no}: {met_by.title}")
    if deadline.rule:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        say(f"  Rule: {deadline.rule}{cite}")
    else:
        say("  Entered by hand (no rule)")
    if trigger is not None:
        say(f"  Trigger: {trigger_text(trigger)}")
    if deadline.computation:
        say("  How it was counted:")
        print_steps(deadline.computation, "    ")
    leads = ", ".join(str(d) for d in deadline.remind_days)
    unit = "day" if deadline.remind_days == [1] else "days"
    say(f"  Reminders: {leads} {unit} before" if leads else "  Reminders: none")
    if history:
        say("  History:")
        for step in history:
            say(f"    {step['text']}")
    return 0


def _history_json(ctx: Context, step: DeadlineHistory) -> dict[str, object]:
    """A history step with the entry it names as its docket number, as people cite it."""
    entry_no = None
    if step.filing_id is not None:
        entry_no = ctx.store.get_filing(step.filing_id).entry_no
    return {
        "on": step.happened_on.isoformat(),
        "event": step.event.value,
        "entry_no": entry_no,
        "by_close": closed_by_close(step),
        "detail": step.detail,
        "text": history_line(step, entry_no),
    }


def _deadline_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "id",
        metavar="ID",
        type=record_number,
        help="the deadline's id, as `docket case show` shows it",
    )


def register(sub: Subparsers) -> None:
    deadlines = group(sub, "deadline", "deadlines")
    add = command(deadlines, "add", cmd_deadline_add, "add a deadline by hand")
    add.add_argument(
        "--due", required=True, metavar="DATE", help=f"the day it is due: {DATE_FORMS} (required)"
    )
    add.add_argument("--title", required=True, help="what is due, e.g. 'Reply brief' (required)")
    add.add_argument(
        "--remind",
        metavar="DAYS",
        help="lead times in days before the due date, e.g. 7,3,1 (default: 7,3,1)",
    )
    add_yes(add)

    done = command(deadlines, "done", cmd_deadline_done, "mark a deadline done")
    _deadline_id(done)
    add_date(done, "--on", "the day it was done", "today")

    waive = command(deadlines, "waive", cmd_deadline_waive, "waive a deadline (kept, not done)")
    _deadline_id(waive)
    waive.add_argument(
        "--note",
        metavar="TEXT",
        help="why; the note the waiver leaves on the case says it (default: no reason given)",
    )

    team.register_deadline_assign(deadlines)

    show = command(deadlines, "show", cmd_deadline_show, "how a deadline was counted")
    _deadline_id(show)
    add_json(show, "the deadline and its trigger")

    compute = command(
        deadlines,
        "compute",
        cmd_deadline_compute,
        "count a period under FRCP 6",
        numbered=False,
    )
    compute.add_argument(
        "--from",
        required=True,
        metavar="DATE",
        help=f"the trigger day, which is not counted: {DATE_FORMS} (required)",
    )
    compute.add_argument(
        "--days", required=True, type=int, metavar="N", help="the period in days (required)"
    )
    compute.add_argument(
        "--before",
        action="store_true",
        help="count backward, e.g. 14 days before a hearing (default: forward)",
    )
    compute.add_argument(
        "--service",
        help="electronic, mail, personal, left with clerk or consented means; all but "
        "electronic and personal add 3 days under FRCP 6(d) (default: none)",
    )
    compute.add_argument(
        "--court",
        metavar="COURT_ID",
        help="count under this court's rules and holidays, e.g. nmd or nm-dist-1 "
        "(default: FRCP 6(a) with --calendar)",
    )
    compute.add_argument(
        "--calendar",
        metavar="CODE",
        help="holiday calendar, e.g. US or US-NM; the database's closure days count too "
        "(default: US)",
    )
    add_json(compute, "the due date and each counting step")
