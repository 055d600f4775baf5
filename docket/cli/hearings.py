"""`docket hearing add | set | list`."""

from __future__ import annotations

import argparse

from docket.cli.arguments import (
    Subparsers,
    add_json,
    add_yes,
    build,
    choice,
    command,
    confirm_dates,
    group,
    record_number,
)
from docket.cli.context import Context
from docket.cli.output import (
    hearing_line,
    print_created_deadlines,
    print_hearing_details,
    print_hearings,
    print_json,
    print_recounted_deadlines,
    say,
)
from docket.doubts import hearing_doubts
from docket.errors import InputError
from docket.models import Hearing, HearingStatus

#: Said once for every flag that takes a date and a time of day.
DATETIME_FORMS = (
    "e.g. '1/5/22 9:30am', '2026-01-05 14:00' or 'tomorrow 9:30am', in the court's time zone"
)


def cmd_hearing_add(args: argparse.Namespace, ctx: Context) -> int:
    from docket.dates import parse_datetime

    case, case_id = ctx.case_id(args.number)
    zone = ctx.store.court_zone(case)
    starts = parse_datetime(args.at, field="--at", today=ctx.today, zone=zone)
    hearing = build(
        Hearing, starts_at=starts, kind=args.kind, location=args.where, judge=args.judge
    )
    confirm_dates(hearing_doubts(starts, ctx.today), args)
    saved, created = ctx.store.add_hearing(case_id, hearing)
    where = f" at {saved.location}" if saved.location else ""
    say(f"Hearing on {case.number}: {saved.kind}, {saved.starts_at:%Y-%m-%d %H:%M}{where}")
    print_created_deadlines(created)
    return 0


def cmd_hearing_set(args: argparse.Namespace, ctx: Context) -> int:
    from db.hearings import UNCHANGED
    from docket.dates import parse_datetime

    status = None if args.status is None else choice(HearingStatus, args.status, "--status")
    case, case_id = ctx.case_id(args.number)
    zone = ctx.store.court_zone(case)
    starts = (
        None
        if args.at is None
        else parse_datetime(args.at, field="--at", today=ctx.today, zone=zone)
    )
    to = (
        None
        if args.to is None
        else parse_datetime(args.to, field="--to", today=ctx.today, zone=zone)
    )
    if args.outcome is not None and not args.outcome.strip():
        raise InputError("--outcome", "is empty", '--outcome "continued at defense request"')
    if to is not None:
        if status not in (None, HearingStatus.CONTINUED):
            raise InputError("--to", "goes with --status continued", "--status continued --to +14")
        if starts is not None:
            raise InputError("--at", "cannot go with --to; --to sets the new time", "--to +14")
        status = HearingStatus.CONTINUED
    if status is None and starts is None and args.outcome is None:
        raise InputError(
            "--status",
            "nothing to change; give --status, --at, --outcome or --to",
            "docket hearing set NUMBER ID --status held --outcome 'motion granted'",
        )
    doubts = [] if starts is None else hearing_doubts(starts, ctx.today)
    if to is not None:
        doubts += hearing_doubts(to, ctx.today, field="continued_to")
    confirm_dates(doubts, args)
    ctx.hearing(case, args.id)
    change = ctx.store.change_hearing(
        args.id,
        case_id=case_id,
        status=status,
        starts_at=starts,
        outcome=UNCHANGED if args.outcome is None else args.outcome,
        continued_to=to,
    )
    if change.scheduled is not None:
        assert to is not None
        say(f"Hearing #{change.hearing.id} on {case.number} continued to {to:%Y-%m-%d %H:%M}")
        say(f"  new hearing {hearing_line(change.scheduled)}")
        print_created_deadlines(change.created)
        return 0
    say(f"Hearing on {case.number} updated: {hearing_line(change.hearing)}")
    print_hearing_details(change.hearing, "  ")
    print_recounted_deadlines(change.recounted + change.withdrawn)
    return 0


def cmd_hearing_list(args: argparse.Namespace, ctx: Context) -> int:
    _case, case_id = ctx.case_id(args.number)
    hearings = ctx.store.hearings(case_id, limit=10_000)
    if args.json:
        print_json([h.model_dump(mode="json") for h in hearings])
        return 0
    print_hearings(hearings)
    return 0


def register(sub: Subparsers) -> None:
    hearings = group(sub, "hearing", "hearings")
    add = command(hearings, "add", cmd_hearing_add, "schedule a hearing")
    add.add_argument(
        "--at",
        required=True,
        metavar="DATETIME",
        help=f"when it starts, {DATETIME_FORMS} (required)",
    )
    add.add_argument(
        "--kind", required=True, help="motion hearing, status conference, trial, ... (required)"
    )
    add.add_argument("--where", metavar="TEXT", help="courtroom or address (default: none)")
    add.add_argument(
        "--judge", metavar="NAME", help="the presiding judge, e.g. 'Hon. A. Judge' (default: none)"
    )
    add_yes(add)

    change = command(hearings, "set", cmd_hearing_set, "record an outcome, move or continue")
    change.add_argument(
        "id",
        metavar="ID",
        type=record_number,
        help="the hearing's id, as `docket hearing list` shows it",
    )
    change.add_argument(
        "--status", help=", ".join(HearingStatus.choices()) + " (default: unchanged)"
    )
    change.add_argument(
        "--at",
        metavar="DATETIME",
        help=f"a new time for the same hearing, {DATETIME_FORMS} (default: unchanged)",
    )
    change.add_argument(
        "--outcome", metavar="TEXT", help="what happened, e.g. 'motion granted' (default: none)"
    )
    change.add_argument(
        "--to",
        metavar="DATETIME",
        help=f"continued to: a new hearing is set at this time, {DATETIME_FORMS} "
        "(default: not continued)",
    )
    add_yes(change)

    listing = command(hearings, "list", cmd_hearing_list, "a case's hearings with their ids")
    add_json(listing, "the hearings")
