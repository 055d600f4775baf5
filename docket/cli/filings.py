"""`docket filing add | edit | void`: docket entries, and the deadlines they set off."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

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
    is_clear,
    optional_day,
    record_number,
)
from docket.cli.context import Context
from docket.cli.errors import flag_for
from docket.cli.output import (
    print_created_deadlines,
    print_json,
    print_recounted_deadlines,
    say,
)
from docket.doubts import filing_doubts, touching
from docket.errors import InputError
from docket.models import Deadline, DeadlineStatus, DocType, Filing, ServiceMethod

_TYPES = (
    "complaint, amended complaint, waiver of service, answer, motion, rule 12 motion, "
    "response, reply, order, rule 12 order, notice, ... (docket filing add --help lists all)"
)
_SERVICE = (
    "electronic, mail, personal, left with clerk or consented means; mail, leaving it with "
    "the clerk and other consented means add 3 days to a period after service (FRCP 6(d)), "
    "electronic service none"
)


def cmd_filing_add(args: argparse.Namespace, ctx: Context) -> int:
    doc_type = choice(DocType, args.type, "--type")
    filed_on = day(args.date, "--date", ctx.today)
    served_on = optional_day(args.served, "--served", ctx.today)
    service = None if args.service is None else choice(ServiceMethod, args.service, "--service")
    filing = build(
        Filing,
        filed_on=filed_on,
        doc_type=doc_type,
        title=args.title,
        description=args.desc,
        filed_by=args.by,
        served_on=served_on,
        service=service,
        document_number=args.doc_no,
    )
    confirm_dates(filing_doubts(filing, ctx.today), args)
    case, case_id = ctx.case_id(args.number)
    saved, created = ctx.store.add_filing(case_id, filing)
    assert saved.id is not None
    met = ctx.store.deadlines_met_by(saved.id)
    if args.json:
        print_json(
            {
                "filing": saved.model_dump(mode="json"),
                "deadlines_created": [d.model_dump(mode="json") for d in created],
                "deadlines_met": [d.model_dump(mode="json") for d in met],
            }
        )
        return 0
    say(f"Entry {saved.entry_no} on {case.number}, filed {saved.filed_on}: {saved.title}")
    for deadline in met:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        say(f"  Met deadline #{deadline.id}, due {deadline.due_on}: {deadline.title}{cite}")
    print_created_deadlines(created)
    return 0


def cmd_filing_void(args: argparse.Namespace, ctx: Context) -> int:
    if not args.reason.strip():
        raise InputError("--reason", "a void needs a reason", '--reason "entered twice"')
    case, case_id = ctx.case_id(args.number)
    store = ctx.store
    with store.write():
        # Read in the void's own transaction: the deadlines it reopens are exactly these.
        met = store.deadlines_met_by(store.filing_by_entry(case_id, args.entry_no).id or 0)
        filing = store.void_filing(case_id, args.entry_no, args.reason)
    say(f"Entry {filing.entry_no} on {case.number} voided: {filing.void_reason}")
    for before in met:
        assert before.id is not None
        now = store.get_deadline(before.id)
        other = now.satisfied_by_filing_id
        entry_no = store.get_filing(other).entry_no if other is not None else None
        say("  " + reopened_line(now, ctx.today, entry_no))
    return 0


def reopened_line(deadline: Deadline, today: date, met_by_entry: int | None = None) -> str:
    """A deadline a void no longer counts as met: open again (overdue by its date), still met
    by another entry, or withdrawn with the matter that is closed."""
    if deadline.status == DeadlineStatus.SATISFIED:
        state = f"still met, by entry {met_by_entry}"
    elif deadline.status == DeadlineStatus.LAPSED:
        state = "no longer met; past at import, not calendared"
    elif deadline.status == DeadlineStatus.WITHDRAWN:
        state = "no longer met; withdrawn, as the matter is closed"
    elif deadline.due_on < today:
        state = f"reopened, overdue since {deadline.due_on}"
    else:
        state = f"reopened, due {deadline.due_on}"
    return f"Deadline #{deadline.id} {state}: {deadline.title}"


#: `filing edit`'s plain-text flags (as argparse names them) → the Filing field each sets.
_FILING_EDIT_TEXT = (
    ("title", "title"),
    ("desc", "description"),
    ("by", "filed_by"),
    ("doc_no", "document_number"),
)


def _filing_changes(args: argparse.Namespace, ctx: Context) -> dict[str, Any]:
    """The fields `filing edit` sets, each read and checked before the store is opened."""
    changes: dict[str, Any] = {}
    if args.date is not None:
        changes["filed_on"] = day(args.date, "--date", ctx.today)
    if args.type is not None:
        changes["doc_type"] = choice(DocType, args.type, "--type")
    for flag, field in _FILING_EDIT_TEXT:
        value = getattr(args, flag)
        if value is not None:
            changes[field] = value
    if args.served is not None:
        served = args.served
        changes["served_on"] = None if is_clear(served) else day(served, "--served", ctx.today)
    if args.service is not None:
        service = args.service
        changes["service"] = (
            None if is_clear(service) else choice(ServiceMethod, service, "--service")
        )
    if not changes:
        raise InputError(
            "filing edit",
            "nothing to change; give at least one of --date, --type, --title, --desc, --by, "
            "--served, --service, --doc-no",
            "docket filing edit 1:22-cv-00012 3 --service mail",
        )
    return changes


def cmd_filing_edit(args: argparse.Namespace, ctx: Context) -> int:
    changes = _filing_changes(args, ctx)
    case, case_id = ctx.case_id(args.number)
    current = ctx.store.filing_by_entry(case_id, args.entry_no)
    # Checked before the model is built, so a voided entry is named before a bad new value,
    # and a bad value is named by its flag before anything is written.
    current.refuse_if_voided()
    edited = build(Filing, **{**current.model_dump(), **changes})
    confirm_dates(touching(filing_doubts(edited, ctx.today), changes), args)
    # The store reads the entry again inside its write and changes only these fields, so an
    # edit saved meanwhile by someone else (another field) is kept, not written back over.
    edit = ctx.store.edit_filing(case_id, args.entry_no, changes)
    saved = edit.saved
    changed = [field for field in changes if field in edit.changed]
    if not changed:
        say(f"Entry {saved.entry_no} on {case.number}: nothing changed")
        return 0
    names = ", ".join(flag_for(field) for field in changed)
    say(f"Entry {saved.entry_no} on {case.number} updated ({names}): {saved.title}")
    print_recounted_deadlines(edit.recomputed)
    return 0


def _entry_no(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "entry_no", metavar="ENTRY_NO", type=record_number, help=f"the docket entry number {what}"
    )


def register(sub: Subparsers) -> None:
    filings = group(sub, "filing", "docket entries")
    add = command(filings, "add", cmd_filing_add, "add a docket entry")
    add.add_argument(
        "--type",
        required=True,
        help=f"one of: {', '.join(t.label for t in DocType)} (required)",
    )
    add.add_argument(
        "--title", required=True, help="the entry's title as docketed, e.g. 'Answer' (required)"
    )
    add.add_argument(
        "--date", default="today", metavar="DATE", help=f"filed on: {DATE_FORMS} (default: today)"
    )
    add.add_argument("--desc", metavar="TEXT", help="a longer description (default: none)")
    add.add_argument("--by", metavar="NAME", help="who filed it (default: none)")
    add_date(
        add,
        "--served",
        "the day it was served; deadlines count from it (for a waiver of service: the day "
        "the waiver request was sent)",
        "none",
    )
    add.add_argument("--service", help=f"how it was served: {_SERVICE} (default: none)")
    add.add_argument(
        "--doc-no", metavar="NO", help="the court's document number, if it has one (default: none)"
    )
    add_json(add, "the entry, the deadlines it set and the deadlines it met")
    add_yes(add)

    edit = command(
        filings, "edit", cmd_filing_edit, "correct an entry; its deadlines are recounted"
    )
    _entry_no(edit, "to correct")
    add_date(edit, "--date", "filed on", "unchanged")
    edit.add_argument("--type", help=f"{_TYPES} (default: unchanged)")
    edit.add_argument("--title", help="the entry's title (default: unchanged)")
    edit.add_argument("--desc", metavar="TEXT", help="a longer description (default: unchanged)")
    edit.add_argument("--by", metavar="NAME", help="who filed it (default: unchanged)")
    edit.add_argument(
        "--served",
        metavar="DATE",
        help=f"served on: {DATE_FORMS}, or 'none' to clear it (default: unchanged)",
    )
    edit.add_argument("--service", help=f"{_SERVICE}, or none (default: unchanged)")
    edit.add_argument(
        "--doc-no", metavar="NO", help="the court's document number (default: unchanged)"
    )
    add_yes(edit)

    void = command(filings, "void", cmd_filing_void, "void an entry (never deleted)")
    _entry_no(void, "to void")
    void.add_argument(
        "--reason",
        required=True,
        metavar="TEXT",
        help="why it is voided, e.g. 'entered twice' (required)",
    )
