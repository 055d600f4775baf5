"""`docket filing add | edit | void`: docket entries, and the deadlines they set off."""

from __future__ import annotations

import argparse
from typing import Any

from docket.cli.arguments import (
    DATE_FORMS,
    Subparsers,
    add_date,
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
from docket.cli.output import print_created_deadlines, print_recounted_deadlines, say
from docket.doubts import filing_doubts, touching
from docket.errors import InputError
from docket.models import DocType, Filing, ServiceMethod

_TYPES = "complaint, answer, motion, response, reply, order, notice, ..."


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
    say(f"Entry {saved.entry_no} on {case.number}, filed {saved.filed_on}: {saved.title}")
    print_created_deadlines(created)
    return 0


def cmd_filing_void(args: argparse.Namespace, ctx: Context) -> int:
    if not args.reason.strip():
        raise InputError("--reason", "a void needs a reason", '--reason "entered twice"')
    case, case_id = ctx.case_id(args.number)
    filing = ctx.store.void_filing(case_id, args.entry_no, args.reason)
    say(f"Entry {filing.entry_no} on {case.number} voided: {filing.void_reason}")
    return 0


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
    add.add_argument("--type", required=True, help=f"{_TYPES} (required)")
    add.add_argument(
        "--title", required=True, help="the entry's title as docketed, e.g. 'Answer' (required)"
    )
    add.add_argument(
        "--date", default="today", metavar="DATE", help=f"filed on: {DATE_FORMS} (default: today)"
    )
    add.add_argument("--desc", metavar="TEXT", help="a longer description (default: none)")
    add.add_argument("--by", metavar="NAME", help="who filed it (default: none)")
    add_date(add, "--served", "the day it was served; deadlines count from it", "none")
    add.add_argument(
        "--service",
        help="how it was served: electronic, mail or personal; mail adds 3 days to a "
        "response deadline (default: none)",
    )
    add.add_argument(
        "--doc-no", metavar="NO", help="the court's document number, if it has one (default: none)"
    )
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
    edit.add_argument(
        "--service",
        help="electronic, mail, personal or none (default: unchanged)",
    )
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
