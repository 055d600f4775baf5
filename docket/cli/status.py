"""`docket status` (show, or `set STAGE`) and `docket note`: where a matter stands."""

from __future__ import annotations

import argparse
from typing import Any

from docket.cli.arguments import Subparsers, add_date, add_json, command, optional_day
from docket.cli.context import Context
from docket.cli.errors import EXAMPLES
from docket.cli.output import defendant_json, print_defendants, print_history, print_json, say
from docket.errors import InputError, Refused
from docket.models import Case


def _status_json(case: Case) -> dict[str, Any]:
    """The case fields `docket status --json` shows."""
    return case.model_dump(
        mode="json",
        include={
            "number",
            "court",
            "title",
            "kind",
            "stage",
            "disposition",
            "opened_on",
            "closed_on",
            "stay_reason",
            "stayed_on",
            "stay_until",
            "follow_up_on",
            "last_activity_on",
        },
    )


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    if args.verb is not None:
        return _status_set(args, ctx)
    for flag, value in (
        ("--on", args.on),
        ("--note", args.note),
        ("--disposition", args.disposition),
        ("--source", args.source),
        ("--until", args.until),
        ("--reported", args.reported),
        ("--party", args.party),
    ):
        if value is not None:
            raise InputError(
                flag, "goes with 'set STAGE'", f"docket status NUMBER set active {flag} ..."
            )
    from docket.lifecycle import lifecycle_for

    case, case_id = ctx.case_id(args.number)
    cycle = lifecycle_for(case.kind)
    allowed = cycle.allowed_from(case.stage)
    resolved = cycle.is_resolved(case.stage)
    attention = ctx.store.case_row(case_id).attention
    history = ctx.store.status_history(case_id)
    defendants = ctx.store.defendants(case_id)
    reported = ctx.store.reported_status(case_id)
    if args.json:
        print_json(
            {
                **_status_json(case),
                "reported_on": None if reported is None else str(reported.reported_on),
                "defendants": [defendant_json(d) for d in defendants],
                "resolved": resolved,
                "allowed_stages": allowed,
                "history": [change.model_dump(mode="json") for change in history],
                "attention": attention,
            }
        )
        return 0
    say(f"{case.number}: {case.title}")
    state = "resolved" if resolved else "unresolved"
    as_reported = f", as reported {reported.reported_on}" if reported is not None else ""
    say(
        f"  Stage: {case.stage} ({state}{as_reported})"
        + (f", {case.disposition}" if case.disposition else "")
    )
    if any(d.stage for d in defendants):
        say("  Defendants:")
        print_defendants(defendants, case.stage)
    if case.stay_reason:
        until = f" until {case.stay_until}" if case.stay_until else ""
        say(f"  Stayed since {case.stayed_on}{until}: {case.stay_reason}")
    say(f"  Follow up on: {case.follow_up_on or '-'}")
    say(f"  Last activity: {case.last_activity_on or '-'}")
    if attention:
        say(f"  Needs attention: {attention}")
    if allowed:
        stay_moves = "lift" if case.stay_reason else "stay"
        say(f"  Can move to: {', '.join(allowed)} (or: {stay_moves})")
    else:
        say("  Closed; reopen with: docket status NUMBER set reopen --note TEXT")
    say("  History:")
    print_history(history, "    ")
    return 0


def _status_set(args: argparse.Namespace, ctx: Context) -> int:
    if args.verb != "set":
        # Named by its dest, so the error line shows the positional as its usage does.
        raise InputError(
            "verb", f"{args.verb!r} is not a status action", "docket status N set active"
        )
    if args.stage is None:
        raise InputError("STAGE", "is missing", "docket status N set active")
    target = args.stage.strip().lower()
    on = optional_day(args.on, "--on", ctx.today)
    until = optional_day(args.until, "--until", ctx.today)
    reported = optional_day(args.reported, "--reported", ctx.today)
    if args.party is not None and target in ("stay", "lift"):
        raise InputError(
            "--party", "a stay holds the whole case, not one defendant", "set stay --note REASON"
        )
    if args.party is not None and not args.party.strip():
        raise InputError("--party", "is empty", "--party 'Alma Quince'")
    if until is not None and target != "stay":
        raise InputError("--until", "goes with 'set stay'", "set stay --note REASON --until +30")
    for flag, value in (("--note", args.note), ("--source", args.source)):
        if value is not None and not value.strip():
            raise InputError(flag, "is empty", EXAMPLES[flag])
    case, case_id = ctx.case_id(args.number)
    store = ctx.store
    if args.party is not None:
        defendant = store.find_defendant(case_id, args.party)
        assert defendant.id is not None
        change = store.change_party_stage(
            case_id,
            defendant.id,
            target,
            on=on,
            note=args.note,
            disposition=args.disposition,
            source=args.source,
            reported_on=reported,
        )
        extra = f" ({change.disposition})" if change.disposition else ""
        say(
            f"{case.number}, {defendant.name}: {change.from_stage} -> {change.to_stage}{extra} "
            f"on {change.changed_on}"
        )
        after = store.get_case(case_id)
        if after.closed_on is not None and not case.closed_on:
            say(f"  Every defendant is resolved: {case.number} closed ({after.disposition})")
        return 0
    if target == "stay":
        if not args.note:
            raise InputError("--note", "a stay needs a reason", '--note "stayed pending appeal"')
        change = store.stay(case_id, args.note, on=on, until=until, source=args.source)
        say(f"{case.number}: stayed from {change.changed_on} ({args.note.strip()})")
        return 0
    if target == "lift":
        change = store.lift_stay(case_id, on=on, note=args.note, source=args.source)
        say(f"{case.number}: stay lifted on {change.changed_on}")
        return 0
    try:
        change = store.change_stage(
            case_id,
            target,
            on=on,
            note=args.note,
            disposition=args.disposition,
            source=args.source,
            reported_on=reported,
        )
    except Refused as refused:
        from docket.lifecycle import REOPEN

        if refused.field != "stage" or refused.example != REOPEN:
            raise
        # The domain names the move; the shell shows the command that makes it.
        court = f" --court {args.court}" if args.court else ""
        raise Refused(
            refused.problem,
            field=refused.field,
            example=f"docket status {case.number}{court} set {REOPEN} --note TEXT",
        ) from None
    extra = f" ({change.disposition})" if change.disposition else ""
    say(f"{case.number}: {change.from_stage} -> {change.to_stage}{extra} on {change.changed_on}")
    if change.withdrawn_deadlines:
        count = change.withdrawn_deadlines
        say(f"  {count} open deadline{'s' if count != 1 else ''} withdrawn")
    if change.event == "reopen":
        count = change.restored_deadlines
        say(
            f"  {count} deadline{'s' if count != 1 else ''} the close withdrew "
            f"{'is' if count == 1 else 'are'} open again"
        )
    return 0


def cmd_note(args: argparse.Namespace, ctx: Context) -> int:
    on = optional_day(args.on, "--on", ctx.today)
    if not args.text.strip():
        raise InputError("TEXT", "the note is empty", EXAMPLES["TEXT"])
    case, case_id = ctx.case_id(args.number)
    note = ctx.store.add_note(case_id, args.text, on=on, source=args.source)
    say(f"Note added to {case.number} on {note.noted_on}")
    return 0


def register(sub: Subparsers) -> None:
    status = command(
        sub,
        "status",
        cmd_status,
        "show or change a case's status",
        # A stay's reason is typed as --note here.
        field_flags={"reason": "--note", "party": "--party"},
    )
    status.set_defaults(late_positionals=("verb", "stage"))
    status.add_argument(
        "verb", nargs="?", metavar="set", help="'set' to change the stage (default: show it)"
    )
    status.add_argument(
        "stage",
        nargs="?",
        metavar="STAGE",
        help="with 'set': a stage of the case's kind, or stay, lift or reopen",
    )
    add_date(status, "--on", "the day the change took effect", "today")
    status.add_argument(
        "--note",
        metavar="TEXT",
        help="why; required for stay and reopen (default: none)",
    )
    status.add_argument(
        "--disposition",
        metavar="TEXT",
        help="how the matter ended, e.g. settled; required when closing (default: none)",
    )
    status.add_argument(
        "--source",
        metavar="TEXT",
        help="where the change is recorded: a citation or URL (default: none)",
    )
    add_date(status, "--until", "with 'set stay': the day the stay ends", "open-ended")
    status.add_argument(
        "--party",
        metavar="NAME",
        help="with 'set': move this defendant only, in a case against several (default: the "
        "whole case)",
    )
    add_date(
        status,
        "--reported",
        "with 'set': the date of the report the change is known from (shown 'as reported')",
        "none",
    )
    add_json(status, "the stage, the stages it can move to and the history")

    note = command(sub, "note", cmd_note, "add a dated note to a case")
    note.add_argument("text", metavar="TEXT", help="the note, as one argument (quote it)")
    note.add_argument(
        "--source",
        metavar="TEXT",
        help="where it came from: a citation, URL or 'phone' (default: none)",
    )
    add_date(note, "--on", "the day the note is about", "today")
