"""`docket limitation add | list | kinds`: the last day to bring a claim, from the incident."""

from __future__ import annotations

import argparse

from docket.cli.arguments import DATE_FORMS, Subparsers, add_json, command, day, group
from docket.cli.context import Context
from docket.cli.output import print_json, print_steps, say

_FLAGS = {"claim": "--claim", "jurisdiction": "--jurisdiction", "start": "--from"}


def cmd_limitation_add(args: argparse.Namespace, ctx: Context) -> int:
    from docket.limitations import require_claim, require_jurisdiction

    start = day(args.start, "--from", ctx.today)
    if args.jurisdiction is not None:
        # Refused before the case is looked up: a typo is named whatever the case.
        require_claim(args.claim, require_jurisdiction(args.jurisdiction))
    case, case_id = ctx.case_id(args.number)
    deadline, counted = ctx.store.add_limitation(case_id, args.claim, start, args.jurisdiction)
    say(f"{case.number}: {deadline.title} on {deadline.due_on} ({deadline.citation})")
    length = counted.claim.length or "the state's period"
    say(
        f"  {counted.claim.title}, {counted.jurisdiction.name}: {length}"
        f" from {start} (the date of {counted.claim.counted_from})"
    )
    print_steps(deadline.computation, "    ")
    leads = ", ".join(str(d) for d in deadline.remind_days)
    say(f"  Reminders {leads} days ahead; source: {counted.claim.source}")
    return 0


def cmd_limitation_list(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    case_id = None
    if args.number is not None:
        _, case_id = ctx.case_id(args.number)
    today = store.clock.today()
    rows = store.limitations(case_id, open_only=not args.all)
    numbers = {cid: store.get_case(cid).number for cid in {d.case_id for d in rows} if cid}
    if args.json:
        print_json(
            [
                {
                    "number": numbers.get(d.case_id or 0),
                    "days_left": (d.due_on - today).days,
                    **d.model_dump(mode="json", exclude={"computation"}),
                }
                for d in rows
            ]
        )
        return 0
    if not rows:
        say(
            "No limitation periods open (add one: docket limitation add NUMBER --claim KIND "
            "--from DATE)"
        )
        return 0
    for deadline in rows:
        left = (deadline.due_on - today).days
        when = (
            f"ran {-left} day{'s' if left != -1 else ''} ago"
            if left < 0
            else "ends today"
            if left == 0
            else f"{left} day{'s' if left != 1 else ''} left"
        )
        say(f"  {deadline.due_on}  {numbers.get(deadline.case_id or 0, '?'):<20} {when}")
        say(f"  {'':<10}  {deadline.title} ({deadline.citation})")
    return 0


def cmd_limitation_kinds(args: argparse.Namespace, ctx: Context) -> int:
    from docket.limitations import claim_periods, jurisdictions, require_jurisdiction

    code = None if args.jurisdiction is None else require_jurisdiction(args.jurisdiction).code
    claims = claim_periods(code)
    if args.json:
        print_json(
            [
                {
                    "kind": c.kind,
                    "jurisdiction": c.jurisdiction,
                    "title": c.title,
                    "years": c.years,
                    "months": c.months,
                    "days": c.days,
                    "borrows": c.borrows,
                    "from": c.counted_from,
                    "citation": c.citation,
                    "source": c.source,
                }
                for c in claims
            ]
        )
        return 0
    names = jurisdictions()
    for claim in claims:
        length = claim.length or f"the state's {claim.borrows} period"
        say(f"  {claim.kind:<26} {names[claim.jurisdiction].name}: {claim.title}")
        say(f"  {'':<26} {length} from {claim.counted_from}; {claim.citation}")
    return 0


def register(sub: Subparsers) -> None:
    limitations = group(sub, "limitation", "limitation periods: the last day to bring a claim")
    add = command(
        limitations,
        "add",
        cmd_limitation_add,
        "count a limitation period from the incident and add it as a deadline",
        field_flags=_FLAGS,
    )
    add.add_argument(
        "--claim",
        required=True,
        metavar="KIND",
        help="the kind of claim, e.g. wrongful-death (docket limitation kinds lists them) "
        "(required)",
    )
    add.add_argument(
        "--from",
        dest="start",
        required=True,
        metavar="DATE",
        help=f"the incident's date (or its discovery, or the denial), {DATE_FORMS} (required)",
    )
    add.add_argument(
        "--jurisdiction",
        metavar="CODE",
        help="whose statute applies, e.g. NM or US (default: the state of the case's court)",
    )

    listing = command(
        limitations,
        "list",
        cmd_limitation_list,
        "limitation periods on record, the soonest to run first",
        numbered=False,
    )
    listing.add_argument(
        "number", nargs="?", metavar="NUMBER", help="one case's (default: every case's)"
    )
    listing.add_argument(
        "--court",
        metavar="COURT_ID",
        help="with NUMBER: the court id, when two courts use the number (default: none)",
    )
    listing.add_argument(
        "--all", action="store_true", help="include those done or withdrawn (default: open)"
    )
    add_json(listing, "one object per limitation period")

    kinds = command(
        limitations,
        "kinds",
        cmd_limitation_kinds,
        "the claim kinds and their periods, with citations",
        numbered=False,
    )
    kinds.add_argument(
        "--jurisdiction", metavar="CODE", help="one jurisdiction's, e.g. NM (default: all)"
    )
    add_json(kinds, "one object per claim kind")
