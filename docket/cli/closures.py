"""`docket closure add | list`: days the court was closed, counted as legal holidays."""

from __future__ import annotations

import argparse

from docket.cli.arguments import DATE_FORMS, Subparsers, add_json, command, day, group
from docket.cli.context import Context
from docket.cli.output import print_json, say


def cmd_closure_add(args: argparse.Namespace, ctx: Context) -> int:
    closed_on = day(args.day, "DATE", ctx.today)
    store = ctx.store
    closure = store.add_closure(closed_on, args.name, args.calendar or "")
    name, calendar = closure.name, closure.calendar
    applies = f"the {calendar} calendar" if calendar else "every calendar"
    say(f"Closure on {closed_on} for {applies}: {name}")
    count = store.open_deadlines_on(closed_on, calendar)
    if count:
        what = "deadline falls" if count == 1 else "deadlines fall"
        moved = "it was" if count == 1 else "they were"
        say(
            f"  {count} open {what} on {closed_on}; {moved} not moved. Review "
            "(docket remind, docket deadline show NUMBER ID) and correct by hand."
        )
    else:
        say(f"  No open deadline falls on {closed_on}; new counts skip the day from now on.")
    return 0


def cmd_closure_list(args: argparse.Namespace, ctx: Context) -> int:
    closures = ctx.store.closures()
    if args.json:
        print_json(
            [
                {"day": c.day.isoformat(), "calendar": c.calendar or None, "name": c.name}
                for c in closures
            ]
        )
        return 0
    for closure in closures:
        say(f"  {closure.day}  {closure.calendar or 'all':<7} {closure.name}")
    if not closures:
        say("  No closures (add one: docket closure add 2026-12-24 --name 'Court closed')")
    return 0


def register(sub: Subparsers) -> None:
    closures = group(sub, "closure", "days the court was closed (count as legal holidays)")
    add = command(closures, "add", cmd_closure_add, "add a closure day", numbered=False)
    add.add_argument("day", metavar="DATE", help=f"the day the court was closed: {DATE_FORMS}")
    add.add_argument(
        "--name",
        required=True,
        metavar="TEXT",
        help="why the court was closed, one line of at most 200 characters (required)",
    )
    add.add_argument(
        "--calendar",
        metavar="CODE",
        help="only this holiday calendar, e.g. US-NM (default: every calendar)",
    )
    listing = command(closures, "list", cmd_closure_list, "list closure days", numbered=False)
    add_json(listing, "the closure days")
