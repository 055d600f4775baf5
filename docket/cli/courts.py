"""`docket court list | add`: the courts and agencies a case can be in."""

from __future__ import annotations

import argparse

from docket.cli.arguments import Subparsers, add_json, build, command, group
from docket.cli.context import Context
from docket.cli.output import print_json, say
from docket.errors import InputError


def cmd_court_list(args: argparse.Namespace, ctx: Context) -> int:
    courts = sorted(ctx.store.court_registry(), key=lambda c: (c.system, c.kind, c.id))
    if args.json:
        print_json([court.model_dump(mode="json") for court in courts])
        return 0
    for court in courts:
        rules = court.rules or "no court rules"
        added = "  (added)" if court.added else ""
        say(f"{court.id:<14} {court.system:<8} {court.state}  {court.tz:<28} {rules}{added}")
        say(f"{'':<14} {court.name}; holidays {court.holidays}")
    return 0


def cmd_court_add(args: argparse.Namespace, ctx: Context) -> int:
    from docket.calendars import validate_calendar_code
    from docket.courts import COURT_KINDS, Court, validate_court_id
    from docket.rules import rule_set_ids

    court_id = validate_court_id(args.id, field="--id")
    kind = args.kind.strip().lower()
    if kind not in COURT_KINDS:
        raise InputError("--kind", f"{args.kind!r} is not a kind of court", ", ".join(COURT_KINDS))
    state = args.state.strip().upper()
    holidays = validate_calendar_code(args.holidays or f"US-{state}", field="--holidays")
    rules = None if kind == "agency" else (args.rules or "").strip() or None
    if kind != "agency":
        if rules is None:
            raise InputError("--rules", "a court needs the rule set it counts under", "federal")
        if rules not in rule_set_ids():
            raise InputError(
                "--rules", f"{rules!r} is not a rule set", ", ".join(sorted(rule_set_ids()))
            )
    court = build(
        Court,
        id=court_id,
        name=args.name,
        system=args.system.strip().lower(),
        kind=kind,
        state=state,
        tz=args.tz.strip(),
        rules=rules,
        holidays=holidays,
    )
    saved = ctx.store.add_court(court)
    what = "agency" if saved.is_agency else "court"
    say(f"Added {what} {saved.id}: {saved.name} ({saved.state}, {saved.tz})")
    return 0


def register(sub: Subparsers) -> None:
    courts = group(sub, "court", "the courts and agencies a case can be in")
    listing = command(
        courts, "list", cmd_court_list, "list registered courts and agencies", numbered=False
    )
    add_json(listing, "the courts")
    add = command(
        courts,
        "add",
        cmd_court_add,
        "register a court or agency that is missing",
        numbered=False,
        opens="create",
        field_flags={"id": "--id", "name": "--name", "tz": "--tz", "state": "--state"},
    )
    add.add_argument("--id", required=True, help="the court's id, e.g. nm-dist-14 (required)")
    add.add_argument("--name", required=True, help="the court's name (required)")
    add.add_argument(
        "--system", required=True, help="federal or state (for an agency: whose) (required)"
    )
    add.add_argument(
        "--kind",
        default="trial",
        help="district, bankruptcy, appellate, supreme, trial, limited or agency (default: trial)",
    )
    add.add_argument("--state", required=True, help="two-letter state code, e.g. NM (required)")
    add.add_argument("--tz", required=True, help="IANA time zone, e.g. America/Denver (required)")
    add.add_argument(
        "--rules",
        help="rule set its deadlines count under, e.g. federal or nm; required for a court "
        "(default: none, for an agency)",
    )
    add.add_argument("--holidays", metavar="CODE", help="holiday calendar (default: US-<state>)")
