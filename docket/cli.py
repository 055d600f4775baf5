"""The `docket` command: the composition root that wires the domain, the store and the TUI.

Scripts and paralegals at a shell rely on three promises kept here: every date typed goes
through the one date parser (so `1/5/22` means the same everywhere), a bad input is refused
with ONE line naming the flag, the problem and an accepted form (exit 2, nothing written),
and output is plain text or JSON, never a traceback and never markup.

Each command is one `cmd_*` function taking the parsed arguments and a `Context`; each group
of commands is added by one `_add_*` function listed in `PARSER_SECTIONS`, so a new command
(an importer, an exporter) is one function plus one line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar

from pydantic import BaseModel, ValidationError

from docket.clock import Clock
from docket.errors import DocketError, InputError, NotFound, Refused
from docket.models import (
    Case,
    CaseKind,
    CaseParty,
    Deadline,
    DeadlineStatus,
    DocType,
    Filing,
    Hearing,
    HearingStatus,
    PartyKind,
    PartyRole,
    ServiceMethod,
    StatusChange,
    parse_lead_times,
)

if TYPE_CHECKING:
    from db.reports import ImportReport
    from db.store import Store

M = TypeVar("M", bound=BaseModel)

#: Model field → the flag a person typed it with, so a validation error names the flag.
FLAG_FOR_FIELD: dict[str, str] = {
    "number": "--number",
    "title": "--title",
    "kind": "--kind",
    "court": "--court",
    "calendar": "--calendar",
    "judge": "--judge",
    "summary": "--summary",
    "opened_on": "--opened",
    "follow_up_on": "DATE",
    "name": "--name",
    "role": "--role",
    "filed_on": "--date",
    "doc_type": "--type",
    "description": "--desc",
    "filed_by": "--by",
    "served_on": "--served",
    "service": "--service",
    "document_number": "--doc-no",
    "starts_at": "--at",
    "location": "--where",
    "due_on": "--due",
    "remind_days": "--remind",
    "text": "TEXT",
    "note": "--note",
    "source": "--source",
    "disposition": "--disposition",
    "stay_reason": "--note",
    "void_reason": "--reason",
}

EXAMPLES: dict[str, str] = {
    "--number": "--number 1:22-cv-00012",
    "--title": '--title "Smith v. Jones"',
    "--name": '--name "Jane Roe"',
    "--desc": '--desc "with exhibits A-C"',
    "--by": '--by "Acme Corp."',
    "--where": '--where "Courtroom 4"',
    "--note": '--note "scheduling order entered"',
    "--source": '--source "https://example.org/report"',
    "--disposition": '--disposition "settled"',
    "--summary": '--summary "Breach of a supply contract"',
    "--court": "--court nmd",
    "--kind": '--kind "status conference"',
    "--reason": '--reason "entered twice"',
    "--judge": '--judge "Hon. A. Judge"',
    "--remind": "--remind 7,3,1",
    "TEXT": 'docket note 2021-0537 "Called the clerk; hearing moved"',
}


class UsageError(Exception):
    """A command line argparse could not read; shown as one line with the usage."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        usage = " ".join(self.format_usage().split())
        raise UsageError(f"{message} ({usage})")


# ---------------------------------------------------------------------------- context


@dataclass
class Context:
    """What a command needs besides its arguments: today, and the store opened on demand.

    The store opens only when a command first asks for it, after its input has been read, so
    a typo is refused before any file is touched.
    """

    args: argparse.Namespace
    opens: Literal["existing", "create"]
    today: date
    _store: Store | None = None

    @property
    def db_path(self) -> Path:
        return resolve_db_path(self.args)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db_path, create=self.opens == "create")
        return self._store

    def case(self, number: str) -> Case:
        return self.store.find_case(number, getattr(self.args, "court", None))

    def case_id(self, number: str) -> tuple[Case, int]:
        case = self.case(number)
        assert case.id is not None
        return case, case.id

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _given_db(args: argparse.Namespace) -> str | None:
    """The `--db` typed after the command or before it, if any."""
    return getattr(args, "db", None) or getattr(args, "top_db", None)


def resolve_db_path(args: argparse.Namespace) -> Path:
    """`--db`, else `$DOCKET_DB`, else the user's data folder."""
    given = _given_db(args)
    if given:
        return Path(given).expanduser()
    env = os.environ.get("DOCKET_DB", "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("docket")) / "docket.db"


def open_store(path: Path, *, create: bool) -> Store:
    """Open the docket database, refusing a folder, an unrelated file or a missing file
    (unless the command is one that creates it)."""
    from db.connection import is_docket_database
    from db.store import Store

    if path.is_dir():
        raise InputError("--db", f"{path} is a folder, not a database file", "--db ~/docket.db")
    if not path.exists():
        if not create:
            raise InputError("--db", f"no docket database at {path}", f"docket init --db {path}")
    elif path.stat().st_size > 0 and not is_docket_database(path):
        raise InputError("--db", f"{path} is not a docket database", "a file made by docket init")
    return Store.open(path)


# ---------------------------------------------------------------------------- input helpers


def _date(text: str, flag: str, ctx: Context) -> date:
    from docket.dates import parse_date

    return parse_date(text, field=flag, today=ctx.today)


#: What a person types to clear an optional value (`follow-up none`, `--served none`).
_CLEAR = frozenset({"none", "clear", "-"})


def _is_clear(text: str) -> bool:
    return text.strip().lower() in _CLEAR


def _opt_date(text: str | None, flag: str, ctx: Context) -> date | None:
    return None if text is None else _date(text, flag, ctx)


E = TypeVar("E", CaseKind, PartyRole, PartyKind, DocType, ServiceMethod, HearingStatus)


def _choice(enum: type[E], text: str, flag: str) -> E:
    return enum.choose(text, flag)


def _build(model: type[M], **values: Any) -> M:
    """Validate a model from typed values; a failure names the flag it came from."""
    try:
        return model(**values)
    except ValidationError as error:
        raise _validation_input_error(error) from None


def _validation_input_error(error: ValidationError) -> InputError:
    first = error.errors()[0]
    loc = first.get("loc", ())
    field = str(loc[0]) if loc else ""
    flag = FLAG_FOR_FIELD.get(field, field or error.title)
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    return InputError(flag, message, EXAMPLES.get(flag))


def _non_negative(text: str, flag: str, example: str, unit: str = "days") -> int:
    try:
        value = int(text)
    except ValueError:
        raise InputError(flag, f"{text!r} is not a whole number of {unit}", example) from None
    if value < 0:
        raise InputError(flag, f"{value} is negative", example)
    return value


R = TypeVar("R", Hearing, Deadline)


def _on_case(fetch: Callable[[int], R], item_id: int, case: Case, what: str, example: str) -> R:
    """The hearing or deadline `item_id` when it belongs to `case`; otherwise refused as ID."""
    try:
        item = fetch(item_id)
    except NotFound:
        item = None
    if item is None or item.case_id != case.id:
        raise InputError("ID", f"no {what} #{item_id} on {case.number}", example)
    return item


def _case_hearing(ctx: Context, case: Case, hearing_id: int) -> Hearing:
    example = f"docket hearing list {case.number}"
    return _on_case(ctx.store.get_hearing, hearing_id, case, "hearing", example)


def _case_deadline(ctx: Context, case: Case, deadline_id: int) -> Deadline:
    example = f"docket case show {case.number}"
    return _on_case(ctx.store.get_deadline, deadline_id, case, "deadline", example)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _print_history(history: list[StatusChange], indent: str) -> None:
    """The dated status history, one change a line, its note and source below it."""
    for change in history:
        move = change.to_stage
        if change.from_stage and change.from_stage != change.to_stage:
            move = f"{change.from_stage} -> {change.to_stage}"
        extra = f" ({change.disposition})" if change.disposition else ""
        print(f"{indent}{change.changed_on}  {change.event:<6} {move}{extra}")
        if change.note:
            print(f"{indent}    {change.note}")
        if change.source:
            print(f"{indent}    source: {change.source}")


def _steps(lines: list[str], indent: str = "      ") -> None:
    for line in lines:
        print(f"{indent}{line}")


# ---------------------------------------------------------------------------- commands: setup


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    path = ctx.db_path
    existed = path.exists() and path.stat().st_size > 0
    store = ctx.store
    if existed:
        print(f"Docket database ready at {path} ({store.count_cases()} cases); nothing changed")
    else:
        print(f"Created an empty docket database at {path}")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    count = (
        None if args.cases is None else _non_negative(args.cases, "--cases", "--cases 500", "cases")
    )
    if count == 0:
        raise InputError("--cases", "must be at least 1", "--cases 500")
    store = ctx.store
    existing = store.count_cases()
    if existing:
        raise Refused(
            f"--db: {ctx.db_path} already holds {existing} case(s); the demo goes into a new "
            "database (for example: docket demo --db demo.db)"
        )
    if count is None:
        from fixtures.demo import load_demo

        load_demo(store)
        print(f"Wrote {store.count_cases()} cases to {ctx.db_path}")
        return 0
    from fixtures.synthetic import generate

    stats = generate(store, count)
    print(
        f"Wrote {stats.cases} synthetic cases with {stats.filings} docket entries to "
        f"{ctx.db_path} in {stats.seconds:.1f} s"
    )
    return 0


# ---------------------------------------------------------------------------- commands: cases


def cmd_case_add(args: argparse.Namespace, ctx: Context) -> int:
    kind = _choice(CaseKind, args.kind, "--kind")
    opened = _opt_date(args.opened, "--opened", ctx)
    follow_up = _opt_date(args.follow_up, "--follow-up", ctx)
    calendar = "US"
    if args.calendar is not None:
        from docket.calendars import validate_calendar_code

        calendar = validate_calendar_code(args.calendar, field="--calendar")
    case = _build(
        Case,
        number=args.number,
        title=args.title,
        kind=kind,
        court=args.court,
        opened_on=opened,
        calendar=calendar,
        judge=args.judge,
        summary=args.summary,
        follow_up_on=follow_up,
    )
    saved = ctx.store.add_case(case)
    court = f" in {saved.court}" if saved.court else ""
    print(
        f"Added {saved.number}{court}: {saved.title} "
        f"({saved.kind.value}, {saved.stage}, opened {saved.opened_on})"
    )
    return 0


def _case_row_json(row: Any) -> dict[str, Any]:
    data: dict[str, Any] = row._asdict()
    data["next_event_on"] = row.next_event_on
    return data


def cmd_case_list(args: argparse.Namespace, ctx: Context) -> int:
    from db.rows import PAGE_SIZE

    store = ctx.store
    after: tuple[int, str, int] | None = None
    printed = 0
    in_resolved = False
    if args.json:
        print("[")
    else:
        print(f"  {'NUMBER':<22} {'KIND':<14} {'STAGE':<18} {'NEXT':<10}  TITLE")
    while True:
        rows = store.list_cases(open_only=args.open, after=after)
        for row in rows:
            if args.json:
                text = json.dumps(_case_row_json(row), ensure_ascii=False)
                print(("  " if printed == 0 else ", ") + text)
            else:
                if row.resolved and not in_resolved:
                    in_resolved = True
                    print("\nResolved")
                stage = row.stage + (" (stayed)" if row.stayed else "")
                flag = "!" if row.attention else " "
                print(
                    f"{flag} {row.number:<22} {row.kind:<14} {stage:<18} "
                    f"{row.next_event_on or '-':<10}  {row.title}"
                )
                if row.attention:
                    print(f"  {'':<22} needs attention: {row.attention}")
            printed += 1
        if len(rows) < PAGE_SIZE:
            break
        after = rows[-1].sort_key
    if args.json:
        print("]")
    elif printed == 0:
        print("No cases yet (add one: docket case add --number N --title T --kind civil)")
    return 0


def _client_names(parties: list[CaseParty]) -> dict[int, str]:
    return {p.id: p.name for p in parties if p.id is not None}


def cmd_case_show(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    case, case_id = ctx.case_id(args.number)
    parties = store.case_parties(case_id)
    hearings = store.hearings(case_id, limit=10_000)
    deadlines = store.deadlines(case_id, limit=10_000)
    history = store.status_history(case_id)
    notes = store.notes(case_id, limit=10_000)
    if args.json:
        _print_json(
            {
                "case": case.model_dump(mode="json"),
                "parties": [p.model_dump(mode="json") for p in parties],
                "filings": [f.model_dump(mode="json") for f in store.all_filings(case_id)],
                "hearings": [h.model_dump(mode="json") for h in hearings],
                "deadlines": [d.model_dump(mode="json") for d in deadlines],
                "status_history": [s.model_dump(mode="json") for s in history],
                "notes": [n.model_dump(mode="json") for n in notes],
            }
        )
        return 0
    court = f"  ({case.court})" if case.court else ""
    print(f"{case.number}{court}")
    print(f"  {case.title}")
    print(f"  Kind: {case.kind.value}   Stage: {case.stage}   Calendar: {case.calendar}")
    print(
        f"  Opened: {case.opened_on}" + (f"   Closed: {case.closed_on}" if case.closed_on else "")
    )
    if case.disposition:
        print(f"  Disposition: {case.disposition}")
    if case.judge:
        print(f"  Judge: {case.judge}")
    if case.stay_reason:
        until = f" until {case.stay_until}" if case.stay_until else ""
        print(f"  Stayed since {case.stayed_on}{until}: {case.stay_reason}")
    if case.follow_up_on:
        print(f"  Follow up on: {case.follow_up_on}")
    print(f"  Last activity: {case.last_activity_on or '-'}")
    if case.summary:
        print("  Summary:")
        for line in case.summary.splitlines():
            print(f"    {line}")

    print("\nParties")
    names = _client_names(parties)
    for party in parties:
        client = ""
        if party.represents_id is not None:
            client = f"  (for {names.get(party.represents_id, '?')})"
        print(f"  {party.role.label:<16} {party.name}{client}")
    if not parties:
        print("  none")

    print("\nDocket")
    any_filing = False
    for filing in store.all_filings(case_id):
        any_filing = True
        void = f"  [VOIDED: {filing.void_reason}]" if filing.voided else ""
        print(
            f"  {filing.entry_no:>3}  {filing.filed_on}  {filing.doc_type.label:<16} "
            f"{filing.title}{void}"
        )
        details = []
        if filing.filed_by:
            details.append(f"by {filing.filed_by}")
        if filing.served_on:
            how = f" ({filing.service.value})" if filing.service else ""
            details.append(f"served {filing.served_on}{how}")
        if details:
            print(f"       {'; '.join(details)}")
        if filing.description:
            print(f"       {filing.description}")
    if not any_filing:
        print("  none")

    print("\nHearings")
    _print_hearings(hearings)

    print("\nDeadlines")
    for deadline in deadlines:
        cite = f"  ({deadline.citation})" if deadline.citation else ""
        print(
            f"  #{deadline.id:<4} {deadline.due_on}  {deadline.status.value:<9} "
            f"{deadline.title}{cite}"
        )
        _steps(deadline.computation, "         ")
    if not deadlines:
        print("  none")

    print("\nStatus history")
    _print_history(history, "  ")

    print("\nNotes")
    for note in notes:
        print(f"  {note.noted_on}  {note.text}")
        if note.source:
            print(f"      source: {note.source}")
    if not notes:
        print("  none")
    return 0


def cmd_case_follow_up(args: argparse.Namespace, ctx: Context) -> int:
    day = None if _is_clear(args.date) else _date(args.date, "DATE", ctx)
    case, case_id = ctx.case_id(args.number)
    ctx.store.set_follow_up(case_id, day)
    if day is None:
        print(f"{case.number}: follow-up date cleared")
    else:
        print(f"{case.number}: follow up on {day}")
    return 0


# ---------------------------------------------------------------------------- parties, filings


def cmd_party_add(args: argparse.Namespace, ctx: Context) -> int:
    role = _choice(PartyRole, args.role, "--role")
    kind = _choice(PartyKind, args.kind, "--kind")
    if args.represents is not None and role != PartyRole.COUNSEL:
        raise InputError("--for", "only counsel represent a party", '--role counsel --for "Acme"')
    case, case_id = ctx.case_id(args.number)
    represents_id = None
    client_name = ""
    if args.represents is not None:
        wanted = args.represents.strip().casefold()
        matches = [
            p for p in ctx.store.case_parties(case_id) if p.name.casefold() == wanted and p.id
        ]
        if not matches:
            raise InputError(
                "--for",
                f"no party named {args.represents.strip()!r} on {case.number}",
                "add the client first: docket party add NUMBER --name NAME --role plaintiff",
            )
        represents_id = matches[0].id
        client_name = f" for {matches[0].name}"
    link, conflicts = ctx.store.add_party(
        case_id, args.name, role, kind=kind, represents_id=represents_id
    )
    print(f"Added {link.name} as {link.role.label}{client_name} on {case.number}")
    for conflict in conflicts:
        print(
            f"Conflict check: {conflict.name} also appears on {conflict.case_number} "
            f"{conflict.case_title} ({conflict.role.replace('_', ' ')})"
        )
    return 0


def _print_created_deadlines(created: list[Deadline]) -> None:
    for deadline in created:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        print(f"  Deadline {deadline.due_on}: {deadline.title}{cite}")
        _steps(deadline.computation, "      ")


def _print_recounted_deadlines(recounted: list[Deadline]) -> None:
    """After an edit: each deadline's new due date and count, or that it was withdrawn."""
    for deadline in recounted:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        if deadline.status == DeadlineStatus.WITHDRAWN:
            print(
                f"  Deadline #{deadline.id} withdrawn, its rule no longer applies: "
                f"{deadline.title}{cite}"
            )
            continue
        print(f"  Deadline #{deadline.id} now due {deadline.due_on}: {deadline.title}{cite}")
        _steps(deadline.computation, "      ")


def cmd_filing_add(args: argparse.Namespace, ctx: Context) -> int:
    doc_type = _choice(DocType, args.type, "--type")
    filed_on = _date(args.date, "--date", ctx)
    served_on = _opt_date(args.served, "--served", ctx)
    service = None if args.service is None else _choice(ServiceMethod, args.service, "--service")
    filing = _build(
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
    case, case_id = ctx.case_id(args.number)
    saved, created = ctx.store.add_filing(case_id, filing)
    print(f"Entry {saved.entry_no} on {case.number}, filed {saved.filed_on}: {saved.title}")
    _print_created_deadlines(created)
    return 0


def cmd_filing_void(args: argparse.Namespace, ctx: Context) -> int:
    if not args.reason.strip():
        raise InputError("--reason", "a void needs a reason", '--reason "entered twice"')
    case, case_id = ctx.case_id(args.number)
    filing = ctx.store.void_filing(case_id, args.entry_no, args.reason)
    print(f"Entry {filing.entry_no} on {case.number} voided: {filing.void_reason}")
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
        changes["filed_on"] = _date(args.date, "--date", ctx)
    if args.type is not None:
        changes["doc_type"] = _choice(DocType, args.type, "--type")
    for flag, field in _FILING_EDIT_TEXT:
        value = getattr(args, flag)
        if value is not None:
            changes[field] = value
    if args.served is not None:
        served = args.served
        changes["served_on"] = None if _is_clear(served) else _date(served, "--served", ctx)
    if args.service is not None:
        service = args.service
        changes["service"] = (
            None if _is_clear(service) else _choice(ServiceMethod, service, "--service")
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
    if current.voided:
        raise Refused(
            f"ENTRY_NO: entry {current.entry_no} is voided ({current.void_reason}); "
            "it can no longer be edited"
        )
    edited = _build(Filing, **{**current.model_dump(), **changes})
    saved, recomputed = ctx.store.update_filing(edited)
    changed = [field for field in changes if getattr(current, field) != getattr(saved, field)]
    if not changed:
        print(f"Entry {saved.entry_no} on {case.number}: nothing changed")
        return 0
    names = ", ".join(FLAG_FOR_FIELD.get(field, field) for field in changed)
    print(f"Entry {saved.entry_no} on {case.number} updated ({names}): {saved.title}")
    _print_recounted_deadlines(recomputed)
    return 0


def cmd_hearing_add(args: argparse.Namespace, ctx: Context) -> int:
    from docket.dates import parse_datetime

    starts = parse_datetime(args.at, field="--at", today=ctx.today)
    hearing = _build(
        Hearing, starts_at=starts, kind=args.kind, location=args.where, judge=args.judge
    )
    case, case_id = ctx.case_id(args.number)
    saved, created = ctx.store.add_hearing(case_id, hearing)
    where = f" at {saved.location}" if saved.location else ""
    print(f"Hearing on {case.number}: {saved.kind}, {saved.starts_at:%Y-%m-%d %H:%M}{where}")
    _print_created_deadlines(created)
    return 0


def _hearing_line(hearing: Hearing) -> str:
    where = f"  at {hearing.location}" if hearing.location else ""
    starts = hearing.starts_at.strftime("%Y-%m-%d %H:%M %z")
    return f"#{hearing.id:<4} {starts}  {hearing.kind}  [{hearing.status.value}]{where}"


def _print_hearing_details(hearing: Hearing, indent: str) -> None:
    if hearing.continued_to is not None:
        print(f"{indent}continued to {hearing.continued_to:%Y-%m-%d %H:%M %z}")
    if hearing.outcome:
        print(f"{indent}outcome: {hearing.outcome}")


def _print_hearings(hearings: list[Hearing]) -> None:
    for hearing in hearings:
        print("  " + _hearing_line(hearing))
        _print_hearing_details(hearing, "        ")
    if not hearings:
        print("  none")


def cmd_hearing_set(args: argparse.Namespace, ctx: Context) -> int:
    from docket.dates import parse_datetime

    status = None if args.status is None else _choice(HearingStatus, args.status, "--status")
    starts = None if args.at is None else parse_datetime(args.at, field="--at", today=ctx.today)
    to = None if args.to is None else parse_datetime(args.to, field="--to", today=ctx.today)
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
    case = ctx.case(args.number)
    current = _case_hearing(ctx, case, args.id)
    store = ctx.store
    if to is not None:
        old, new = store.continue_hearing(args.id, to, args.outcome)
        print(f"Hearing #{old.id} on {case.number} continued to {to:%Y-%m-%d %H:%M}")
        print(f"  new hearing {_hearing_line(new)}")
        assert new.id is not None
        _print_created_deadlines(store.triggered_deadlines(hearing_id=new.id))
        return 0
    updates: dict[str, Any] = {}
    if status is not None:
        updates["status"] = status
    if starts is not None:
        updates["starts_at"] = starts
        if current.ends_at is not None:
            updates["ends_at"] = starts + (current.ends_at - current.starts_at)
    if args.outcome is not None:
        updates["outcome"] = args.outcome
    edited = _build(Hearing, **{**current.model_dump(), **updates})
    saved, moved = store.update_hearing(edited)
    print(f"Hearing on {case.number} updated: {_hearing_line(saved)}")
    _print_hearing_details(saved, "  ")
    _print_recounted_deadlines(moved)
    return 0


def cmd_hearing_list(args: argparse.Namespace, ctx: Context) -> int:
    _case, case_id = ctx.case_id(args.number)
    hearings = ctx.store.hearings(case_id, limit=10_000)
    if args.json:
        _print_json([h.model_dump(mode="json") for h in hearings])
        return 0
    _print_hearings(hearings)
    return 0


# ---------------------------------------------------------------------------- deadlines


def _lead_times(text: str) -> list[int]:
    days = parse_lead_times(text, field="--remind")
    if not days:
        raise InputError("--remind", "names no lead times", EXAMPLES["--remind"])
    return days


def cmd_deadline_add(args: argparse.Namespace, ctx: Context) -> int:
    due = _date(args.due, "--due", ctx)
    remind = {} if args.remind is None else {"remind_days": _lead_times(args.remind)}
    deadline = _build(Deadline, due_on=due, title=args.title, **remind)
    case, case_id = ctx.case_id(args.number)
    saved = ctx.store.add_deadline(case_id, deadline)
    leads = ", ".join(str(d) for d in saved.remind_days)
    print(f"Deadline #{saved.id} on {case.number}: {saved.title}, due {saved.due_on}")
    print(f"  reminders {leads} days before")
    return 0


def cmd_deadline_done(args: argparse.Namespace, ctx: Context) -> int:
    done_on = _opt_date(args.on, "--on", ctx)
    case, case_id = ctx.case_id(args.number)
    _case_deadline(ctx, case, args.id)
    saved = ctx.store.complete_deadline(args.id, done_on=done_on, case_id=case_id)
    print(f"Deadline #{saved.id} on {case.number} done on {saved.done_on}: {saved.title}")
    return 0


def cmd_deadline_compute(args: argparse.Namespace, ctx: Context) -> int:
    from docket.calendars import validate_calendar_code
    from docket.deadlines import compute_due_date

    trigger = _date(getattr(args, "from"), "--from", ctx)
    service = None if args.service is None else _choice(ServiceMethod, args.service, "--service")
    code = validate_calendar_code(args.calendar or "US", field="--calendar")
    path = ctx.db_path
    has_db = path.is_file() and path.stat().st_size > 0
    store = ctx.store if has_db or _given_db(args) else None
    due = compute_due_date(
        trigger,
        args.days,
        before=args.before,
        service=service,
        calendar=_closure_calendar(store, code),
    )
    if args.json:
        _print_json(due.model_dump(mode="json", by_alias=True))
    else:
        print(due.due.isoformat())
        _steps(due.steps, "  ")
    return 0


def cmd_deadline_waive(args: argparse.Namespace, ctx: Context) -> int:
    if args.note is not None and not args.note.strip():
        raise InputError("--note", "is empty", '--note "opposing counsel agreed"')
    case, case_id = ctx.case_id(args.number)
    _case_deadline(ctx, case, args.id)
    saved = ctx.store.waive_deadline(args.id, case_id=case_id, note=args.note)
    print(f"Deadline #{saved.id} on {case.number} waived on {saved.done_on}: {saved.title}")
    return 0


def _deadline_trigger(store: Store, deadline: Deadline) -> dict[str, Any] | None:
    """What the deadline was counted from, as a person finds it on the docket."""
    if deadline.trigger_filing_id is not None:
        filing = store.get_filing(deadline.trigger_filing_id)
        return {
            "kind": "filing",
            "entry_no": filing.entry_no,
            "title": filing.title,
            "filed_on": filing.filed_on.isoformat(),
            "served_on": None if filing.served_on is None else filing.served_on.isoformat(),
            "service": None if filing.service is None else filing.service.value,
            "voided": filing.voided,
        }
    if deadline.trigger_hearing_id is not None:
        hearing = store.get_hearing(deadline.trigger_hearing_id)
        return {
            "kind": "hearing",
            "id": hearing.id,
            "title": hearing.kind,
            "starts_at": hearing.starts_at.isoformat(),
            "status": hearing.status.value,
        }
    return None


def cmd_deadline_show(args: argparse.Namespace, ctx: Context) -> int:
    case = ctx.case(args.number)
    deadline = _case_deadline(ctx, case, args.id)
    trigger = _deadline_trigger(ctx.store, deadline)
    if args.json:
        data = deadline.model_dump(mode="json")
        data["trigger"] = trigger
        _print_json(data)
        return 0
    print(f"Deadline #{deadline.id} on {case.number}: {deadline.title}")
    done = f" on {deadline.done_on}" if deadline.done_on else ""
    print(f"  Due: {deadline.due_on}   Status: {deadline.status.value}{done}")
    if deadline.rule:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        print(f"  Rule: {deadline.rule}{cite}")
    else:
        print("  Entered by hand (no rule)")
    if trigger is not None and trigger["kind"] == "filing":
        served = ""
        if trigger["served_on"]:
            how = f" ({trigger['service']})" if trigger["service"] else ""
            served = f", served {trigger['served_on']}{how}"
        void = " [VOIDED]" if trigger["voided"] else ""
        print(
            f"  Trigger: entry {trigger['entry_no']}, {trigger['title']}, "
            f"filed {trigger['filed_on']}{served}{void}"
        )
    elif trigger is not None:
        print(
            f"  Trigger: hearing #{trigger['id']}, {trigger['title']} at {trigger['starts_at']} "
            f"[{trigger['status']}]"
        )
    if deadline.computation:
        print("  How it was counted:")
        _steps(deadline.computation, "    ")
    leads = ", ".join(str(d) for d in deadline.remind_days)
    print(f"  Reminders: {leads or 'none'} days before")
    return 0


def _closure_calendar(store: Store | None, code: str) -> Any:
    """The counting calendar for `deadline compute`: holidays, plus the database's closures
    when there is a database (compute never creates one)."""
    from docket.calendars import CourtCalendar

    if store is None:
        return CourtCalendar(code)
    return CourtCalendar(code, closures={c.day: c.name for c in store.closures(code)})


# ---------------------------------------------------------------------------- status and notes


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
    if args.json:
        _print_json(
            {
                **_status_json(case),
                "resolved": resolved,
                "allowed_stages": allowed,
                "history": [change.model_dump(mode="json") for change in history],
                "attention": attention,
            }
        )
        return 0
    print(f"{case.number}: {case.title}")
    state = "resolved" if resolved else "unresolved"
    print(
        f"  Stage: {case.stage} ({state})" + (f", {case.disposition}" if case.disposition else "")
    )
    if case.stay_reason:
        until = f" until {case.stay_until}" if case.stay_until else ""
        print(f"  Stayed since {case.stayed_on}{until}: {case.stay_reason}")
    print(f"  Follow up on: {case.follow_up_on or '-'}")
    print(f"  Last activity: {case.last_activity_on or '-'}")
    if attention:
        print(f"  Needs attention: {attention}")
    if allowed:
        stay_moves = "lift" if case.stay_reason else "stay"
        print(f"  Can move to: {', '.join(allowed)} (or: {stay_moves})")
    else:
        print("  Closed; reopen with: docket status NUMBER set reopen --note TEXT")
    print("  History:")
    _print_history(history, "    ")
    return 0


def _status_set(args: argparse.Namespace, ctx: Context) -> int:
    if args.verb != "set":
        raise InputError(
            "set", f"{args.verb!r} is not a status action", "docket status N set active"
        )
    if args.stage is None:
        raise InputError("STAGE", "is missing", "docket status N set active")
    target = args.stage.strip().lower()
    on = _opt_date(args.on, "--on", ctx)
    until = _opt_date(args.until, "--until", ctx)
    if until is not None and target != "stay":
        raise InputError("--until", "goes with 'set stay'", "set stay --note REASON --until +30")
    for flag, value in (("--note", args.note), ("--source", args.source)):
        if value is not None and not value.strip():
            raise InputError(flag, "is empty", EXAMPLES[flag])
    case, case_id = ctx.case_id(args.number)
    store = ctx.store
    if target == "stay":
        if not args.note:
            raise InputError("--note", "a stay needs a reason", '--note "stayed pending appeal"')
        change = store.stay(case_id, args.note, on=on, until=until, source=args.source)
        print(f"{case.number}: stayed from {change.changed_on} ({args.note.strip()})")
        return 0
    if target == "lift":
        change = store.lift_stay(case_id, on=on, note=args.note, source=args.source)
        print(f"{case.number}: stay lifted on {change.changed_on}")
        return 0
    change = store.change_stage(
        case_id,
        target,
        on=on,
        note=args.note,
        disposition=args.disposition,
        source=args.source,
    )
    extra = f" ({change.disposition})" if change.disposition else ""
    print(f"{case.number}: {change.from_stage} -> {change.to_stage}{extra} on {change.changed_on}")
    return 0


def cmd_note(args: argparse.Namespace, ctx: Context) -> int:
    on = _opt_date(args.on, "--on", ctx)
    if not args.text.strip():
        raise InputError("TEXT", "the note is empty", EXAMPLES["TEXT"])
    case, case_id = ctx.case_id(args.number)
    note = ctx.store.add_note(case_id, args.text, on=on, source=args.source)
    print(f"Note added to {case.number} on {note.noted_on}")
    return 0


# ---------------------------------------------------------------------------- closures, audit


def cmd_closure_add(args: argparse.Namespace, ctx: Context) -> int:
    day = _date(args.date, "DATE", ctx)
    name = args.name.strip()
    if not name:
        raise InputError("--name", "is empty", '--name "Court closed: snow"')
    if len(name) > 200 or any(ord(ch) < 32 for ch in name):
        raise InputError("--name", "must be one line of at most 200 characters", "--name 'Snow'")
    calendar = ""
    if args.calendar is not None:
        from docket.calendars import validate_calendar_code

        calendar = validate_calendar_code(args.calendar, field="--calendar")
    store = ctx.store
    if any(c.day == day and c.calendar == calendar for c in store.closures(calendar or None)):
        where = calendar or "every calendar"
        raise Refused(f"DATE: {day} is already a closure for {where}; see docket closure list")
    store.add_closure(day, name, calendar)
    applies = f"the {calendar} calendar" if calendar else "every calendar"
    print(f"Closure on {day} for {applies}: {name}")
    count = store.open_deadlines_on(day, calendar)
    if count:
        what = "deadline falls" if count == 1 else "deadlines fall"
        moved = "it was" if count == 1 else "they were"
        print(
            f"  {count} open {what} on {day}; {moved} not moved. Review "
            "(docket remind, docket deadline show NUMBER ID) and correct by hand."
        )
    else:
        print(f"  No open deadline falls on {day}; new counts skip the day from now on.")
    return 0


def cmd_closure_list(args: argparse.Namespace, ctx: Context) -> int:
    closures = ctx.store.closures()
    if args.json:
        _print_json(
            [
                {"day": c.day.isoformat(), "calendar": c.calendar or None, "name": c.name}
                for c in closures
            ]
        )
        return 0
    for closure in closures:
        print(f"  {closure.day}  {closure.calendar or 'all':<7} {closure.name}")
    if not closures:
        print("  No closures (add one: docket closure add 2026-12-24 --name 'Court closed')")
    return 0


#: Columns the store maintains itself; an edit that only touches these is not shown as a diff.
_AUDIT_QUIET = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "version",
        "last_activity_on",
        "next_deadline_on",
        "next_hearing_at",
        "attention_on",
        "starts_utc",
    }
)


#: Fields an insert's one-line summary leaves out (the JSON output keeps them).
_AUDIT_INSERT_SKIP = frozenset({"case_id", "computation", "remind_days", "created_by", "name_key"})


def _audit_changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, Any]:
    """Field → [before, after] for what a write changed (every set field for an insert)."""
    old = before or {}
    new = after or {}
    changes: dict[str, Any] = {}
    for field in list(old) + [f for f in new if f not in old]:
        if field in _AUDIT_QUIET:
            continue
        was, now = old.get(field), new.get(field)
        if was != now:
            changes[field] = [was, now]
    return changes


def _short(value: Any, width: int = 40) -> str:
    text = "-" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_audit(args: argparse.Namespace, ctx: Context) -> int:
    limit = _non_negative(args.limit, "--limit", "--limit 50", "entries")
    if limit == 0:
        raise InputError("--limit", "must be at least 1", "--limit 50")
    case_id = None
    if args.number is not None:
        _case, case_id = ctx.case_id(args.number)
    entries = ctx.store.audit_log(case_id=case_id, limit=limit)
    if args.json:
        _print_json(
            [
                {
                    **entry.model_dump(mode="json"),
                    "changes": _audit_changes(entry.before, entry.after),
                }
                for entry in entries
            ]
        )
        return 0
    for entry in entries:
        changes = _audit_changes(entry.before, entry.after)
        what = f"{entry.entity} #{entry.entity_id}" if entry.entity_id is not None else entry.entity
        print(f"  {entry.at}  {entry.who:<12} {entry.action:<7} {what}")
        if entry.before is None:
            shown = [
                f"{f}={_short(v[1])}"
                for f, v in changes.items()
                if v[1] is not None and f not in _AUDIT_INSERT_SKIP
            ]
        else:
            shown = [f"{f}: {_short(v[0])} -> {_short(v[1])}" for f, v in changes.items()]
        if shown:
            print("      " + "; ".join(shown))
    if not entries:
        print("  No changes recorded")
    return 0


# ---------------------------------------------------------------------------- remind, search

_SECTION_TITLES = {
    "overdue": "Overdue",
    "today": "Today",
    "upcoming": "Coming up",
    "attention": "Needs attention",
}


def cmd_remind(args: argparse.Namespace, ctx: Context) -> int:
    from docket.reminders import build_reminders, horizon, overdue_count

    within = _non_negative(args.within, "--within", "--within 14")
    store = ctx.store
    today = store.clock.today()
    agenda = store.agenda(until=today + timedelta(days=horizon(within)), limit=5000)
    reminders = build_reminders(agenda, store.cases_needing_attention(), today=today, within=within)
    overdue = overdue_count(reminders)
    if args.json:
        _print_json(
            {
                "today": today.isoformat(),
                "within": within,
                "overdue": overdue,
                "reminders": [r.to_json() for r in reminders],
            }
        )
        return 1 if overdue else 0
    if not reminders:
        print(f"Nothing due in the next {within} days and no matter needs attention.")
    section = ""
    for reminder in reminders:
        if reminder.urgency != section:
            section = reminder.urgency
            print(("\n" if reminder is not reminders[0] else "") + _SECTION_TITLES[section])
        if reminder.kind == "case":
            print(f"  {reminder.case_number:<20} {reminder.case_title}")
            print(f"  {'':<20} {reminder.why} (stage {reminder.title})")
            continue
        when = str(reminder.day)
        if reminder.at:
            when += " " + reminder.at[11:16]
        print(f"  {when:<16} {reminder.kind:<8} {reminder.case_number:<20} {reminder.title}")
        print(f"  {'':<16} {reminder.why}; {reminder.case_title}")
    return 1 if overdue else 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    if not re.search(r"\w", args.query):
        raise InputError("QUERY", "has no words to search for", "docket search Baldwin")
    hits = ctx.store.search(args.query)
    if args.json:
        _print_json([hit._asdict() for hit in hits])
        return 0
    if not hits:
        print(f"No matches for {args.query}")
    for hit in hits:
        print(f"  {hit.kind:<7} {hit.case_number or '-':<20} {hit.text}")
        if hit.snippet and hit.snippet != hit.text:
            print(f"  {'':<7} {'':<20} {hit.snippet}")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    target = ctx.store.backup(Path(args.dest).expanduser())
    print(f"Backed up {ctx.db_path} to {target}")
    return 0


# ---------------------------------------------------------------------------- import and export


def _input_file(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        problem = "is a folder" if path.is_dir() else "does not exist"
        raise InputError("FILE", f"{path} {problem}", "docket import pacer ~/Downloads/docket.html")
    return path


def _print_report(report: ImportReport, as_json: bool) -> None:
    if as_json:
        _print_json(report.model_dump(mode="json"))
        return
    print(report.summary())
    for warning in report.warnings:
        print(f"  note: {warning}")


def cmd_import_pacer(args: argparse.Namespace, ctx: Context) -> int:
    from db.pacer import import_pacer

    path = _input_file(args.file)
    court = args.court.strip().lower()
    if not re.fullmatch(r"[a-z]{2,6}", court):
        raise InputError("--court", f"{args.court!r} is not a PACER court id", "--court nysd")
    _print_report(import_pacer(ctx.store, path, court), args.json)
    return 0


def cmd_import_csv(args: argparse.Namespace, ctx: Context) -> int:
    from db.csv_io import import_filings_csv

    path = _input_file(args.file)
    _case, case_id = ctx.case_id(args.case)
    _print_report(import_filings_csv(ctx.store, path, case_id), args.json)
    return 0


def cmd_import_json(args: argparse.Namespace, ctx: Context) -> int:
    from db.export import import_json

    path = _input_file(args.file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            "FILE", f"{path} is not a JSON export ({error})", "a file from docket export json"
        ) from None
    if not isinstance(data, dict):
        raise InputError("FILE", f"{path} is not a docket JSON export", "docket export json")
    _print_report(import_json(ctx.store, data), args.json)
    return 0


def _export_case_ids(args: argparse.Namespace, ctx: Context) -> list[int] | None:
    if not args.case:
        return None
    _case, case_id = ctx.case_id(args.case)
    return [case_id]


def _write_out(text: str | bytes, out: str | None, what: str) -> None:
    """Write to --out (a new file is created 0600, as the database is) or to stdout."""
    if out is None or out == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
        return
    from db.connection import create_private_file

    target = Path(out).expanduser()
    if target.is_dir():
        raise InputError("--out", f"{target} is a folder", f"--out {what}")
    create_private_file(target)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    print(f"Wrote {target}", file=sys.stderr)


def cmd_export_json(args: argparse.Namespace, ctx: Context) -> int:
    from db.export import dumps, export_json

    _write_out(
        dumps(export_json(ctx.store, _export_case_ids(args, ctx))) + "\n", args.out, "docket.json"
    )
    return 0


def cmd_export_csv(args: argparse.Namespace, ctx: Context) -> int:
    import io

    from db.csv_io import export_filings_csv

    buffer = io.StringIO(newline="")
    export_filings_csv(ctx.store, buffer, _export_case_ids(args, ctx))
    _write_out(buffer.getvalue(), args.out, "filings.csv")
    return 0


def cmd_export_ics(args: argparse.Namespace, ctx: Context) -> int:
    from db.ics import export_ics

    _write_out(export_ics(ctx.store, _export_case_ids(args, ctx)), args.out, "docket.ics")
    return 0


def cmd_export_sheet(args: argparse.Namespace, ctx: Context) -> int:
    from db.sheet import render_docket_sheet

    _case, case_id = ctx.case_id(args.number)
    _write_out(render_docket_sheet(ctx.store, case_id), args.out, "sheet.html")
    return 0


# ---------------------------------------------------------------------------- the TUI


def _run_tui(store: Store) -> int:
    try:
        from tui.app import DocketApp  # type: ignore[import-not-found,unused-ignore]
    except ModuleNotFoundError:
        raise Refused(
            "the TUI is not installed with this copy of docket; use the commands"
        ) from None

    DocketApp(store).run()
    return 0


def open_tui(args: argparse.Namespace) -> int:
    """`docket` alone opens the TUI; `docket --demo` opens it on a fresh copy of the demo."""
    from fixtures.demo import load_demo

    if not args.demo:
        with open_store(resolve_db_path(args), create=True) as store:
            return _run_tui(store)
    if args.top_db:
        path = Path(args.top_db).expanduser()
        if path.is_dir():
            raise InputError("--db", f"{path} is a folder, not a database file", "--db demo.db")
        if path.exists() and path.stat().st_size > 0:
            raise Refused(
                f"--db: {path} exists and is not empty; --demo writes a fresh copy "
                "(for example: docket --demo --db /tmp/docket-demo.db)"
            )
        with open_store(path, create=True) as store:
            load_demo(store)
            return _run_tui(store)
    with (
        tempfile.TemporaryDirectory(prefix="docket-demo-") as folder,
        open_store(Path(folder) / "demo.db", create=True) as store,
    ):
        load_demo(store)
        return _run_tui(store)


# ---------------------------------------------------------------------------- the parser

Handler = Callable[[argparse.Namespace, Context], int]
Subparsers = Any  # argparse's _SubParsersAction is private


def _command(
    sub: Subparsers,
    name: str,
    handler: Handler,
    help_text: str,
    *,
    opens: Literal["existing", "create"] = "existing",
    numbered: bool = True,
) -> argparse.ArgumentParser:
    """One subcommand with the options every command takes: --db (and --court with a NUMBER)."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--db", metavar="PATH", help="database file (default: $DOCKET_DB)")
    if numbered:
        parser.add_argument("number", metavar="NUMBER", help="case number")
        parser.add_argument("--court", help="court id, when two courts use the number")
    parser.set_defaults(handler=handler, opens=opens)
    return parser


def _group(sub: Subparsers, name: str, help_text: str) -> Subparsers:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(dest=f"{name}_command", required=True, metavar="COMMAND")


def _add_setup(sub: Subparsers) -> None:
    _command(sub, "init", cmd_init, "create an empty database", opens="create", numbered=False)
    demo = _command(
        sub,
        "demo",
        cmd_demo,
        "write the demo data (or N synthetic cases)",
        opens="create",
        numbered=False,
    )
    demo.add_argument("--cases", metavar="N", help="write N synthetic cases instead")


def _add_cases(sub: Subparsers) -> None:
    cases = _group(sub, "case", "add, list and show cases")
    add = _command(cases, "add", cmd_case_add, "add a case", opens="create", numbered=False)
    add.add_argument("--number", required=True, help="number as the court writes it")
    add.add_argument("--title", required=True, help="caption, e.g. 'Smith v. Jones'")
    add.add_argument("--kind", required=True, help=", ".join(CaseKind.choices()))
    add.add_argument("--court", help="court id or agency")
    add.add_argument("--opened", metavar="DATE")
    add.add_argument("--calendar", metavar="CODE", help="holiday calendar, e.g. US or US-NM")
    add.add_argument("--judge")
    add.add_argument("--summary")
    add.add_argument("--follow-up", metavar="DATE")

    listing = _command(
        cases, "list", cmd_case_list, "list cases, most urgent first", numbered=False
    )
    listing.add_argument("--open", action="store_true", help="unresolved cases only")
    listing.add_argument("--json", action="store_true")

    show = _command(cases, "show", cmd_case_show, "everything about one case")
    show.add_argument("--json", action="store_true")

    follow = _command(cases, "follow-up", cmd_case_follow_up, "set or clear the follow-up date")
    follow.add_argument("date", metavar="DATE", help="a date, or 'none' to clear it")


def _add_parties(sub: Subparsers) -> None:
    parties = _group(sub, "party", "add parties to a case")
    add = _command(parties, "add", cmd_party_add, "add a party to a case")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, help=", ".join(PartyRole.choices()))
    add.add_argument("--kind", default="person", help="person, organization or agency")
    add.add_argument("--for", dest="represents", metavar="CLIENT", help="counsel: the client")


def _add_filings(sub: Subparsers) -> None:
    filings = _group(sub, "filing", "docket entries")
    add = _command(filings, "add", cmd_filing_add, "add a docket entry")
    add.add_argument("--type", required=True, help="complaint, motion, order, ...")
    add.add_argument("--title", required=True)
    add.add_argument("--date", default="today", metavar="DATE", help="filed on (default today)")
    add.add_argument("--desc")
    add.add_argument("--by", help="filed by")
    add.add_argument("--served", metavar="DATE", help="served on")
    add.add_argument("--service", help="electronic, mail or personal")
    add.add_argument("--doc-no", help="the court's document number")

    edit = _command(
        filings, "edit", cmd_filing_edit, "correct an entry; its deadlines are recounted"
    )
    edit.add_argument("entry_no", metavar="ENTRY_NO", type=int)
    edit.add_argument("--date", metavar="DATE", help="filed on")
    edit.add_argument("--type", help="complaint, motion, order, ...")
    edit.add_argument("--title")
    edit.add_argument("--desc")
    edit.add_argument("--by", help="filed by")
    edit.add_argument("--served", metavar="DATE", help="served on, or 'none'")
    edit.add_argument("--service", help="electronic, mail, personal or none")
    edit.add_argument("--doc-no", help="the court's document number")

    void = _command(filings, "void", cmd_filing_void, "void an entry (never deleted)")
    void.add_argument("entry_no", metavar="ENTRY_NO", type=int)
    void.add_argument("--reason", required=True)


def _add_hearings(sub: Subparsers) -> None:
    hearings = _group(sub, "hearing", "hearings")
    add = _command(hearings, "add", cmd_hearing_add, "schedule a hearing")
    add.add_argument("--at", required=True, metavar="DATETIME", help="e.g. '1/5/22 9:30am'")
    add.add_argument("--kind", required=True, help="motion hearing, status conference, ...")
    add.add_argument("--where")
    add.add_argument("--judge")

    change = _command(hearings, "set", cmd_hearing_set, "record an outcome, move or continue")
    change.add_argument("id", metavar="ID", type=int)
    change.add_argument("--status", help=", ".join(HearingStatus.choices()))
    change.add_argument("--at", metavar="DATETIME", help="a new time for the same hearing")
    change.add_argument("--outcome")
    change.add_argument(
        "--to", metavar="DATETIME", help="continued to: a new hearing is set at this time"
    )

    listing = _command(hearings, "list", cmd_hearing_list, "a case's hearings with their ids")
    listing.add_argument("--json", action="store_true")


def _add_deadlines(sub: Subparsers) -> None:
    deadlines = _group(sub, "deadline", "deadlines")
    add = _command(deadlines, "add", cmd_deadline_add, "add a deadline by hand")
    add.add_argument("--due", required=True, metavar="DATE")
    add.add_argument("--title", required=True)
    add.add_argument("--remind", metavar="DAYS", help="lead times, default 7,3,1")

    done = _command(deadlines, "done", cmd_deadline_done, "mark a deadline done")
    done.add_argument("id", metavar="ID", type=int)
    done.add_argument("--on", metavar="DATE")

    waive = _command(deadlines, "waive", cmd_deadline_waive, "waive a deadline (kept, not done)")
    waive.add_argument("id", metavar="ID", type=int)
    waive.add_argument("--note", help="why; saved as a note on the case")

    show = _command(deadlines, "show", cmd_deadline_show, "how a deadline was counted")
    show.add_argument("id", metavar="ID", type=int)
    show.add_argument("--json", action="store_true")

    compute = _command(
        deadlines,
        "compute",
        cmd_deadline_compute,
        "count a period under FRCP 6",
        numbered=False,
    )
    compute.add_argument("--from", required=True, metavar="DATE", help="the trigger day")
    compute.add_argument("--days", required=True, type=int)
    compute.add_argument("--before", action="store_true", help="count backward")
    compute.add_argument("--service", help="electronic, mail or personal")
    compute.add_argument("--calendar", metavar="CODE")
    compute.add_argument("--json", action="store_true")


def _add_status(sub: Subparsers) -> None:
    status = _command(sub, "status", cmd_status, "show or change a case's status")
    status.add_argument("verb", nargs="?", metavar="set", help="'set' to change the stage")
    status.add_argument("stage", nargs="?", metavar="STAGE", help="a stage, stay, lift or reopen")
    status.add_argument("--on", metavar="DATE")
    status.add_argument("--note")
    status.add_argument("--disposition")
    status.add_argument("--source")
    status.add_argument("--until", metavar="DATE", help="with 'set stay'")
    status.add_argument("--json", action="store_true")

    note = _command(sub, "note", cmd_note, "add a dated note to a case")
    note.add_argument("text", metavar="TEXT")
    note.add_argument("--source")
    note.add_argument("--on", metavar="DATE")


def _add_closures(sub: Subparsers) -> None:
    closures = _group(sub, "closure", "days the court was closed (count as legal holidays)")
    add = _command(closures, "add", cmd_closure_add, "add a closure day", numbered=False)
    add.add_argument("date", metavar="DATE")
    add.add_argument("--name", required=True, help="why the court was closed")
    add.add_argument("--calendar", metavar="CODE", help="only this calendar (default: all)")
    listing = _command(closures, "list", cmd_closure_list, "list closure days", numbered=False)
    listing.add_argument("--json", action="store_true")


def _add_audit(sub: Subparsers) -> None:
    audit = _command(sub, "audit", cmd_audit, "who changed what, newest first", numbered=False)
    audit.add_argument("number", metavar="NUMBER", nargs="?", help="one case (default: all)")
    audit.add_argument("--court", help="court id, when two courts use the number")
    audit.add_argument("--limit", default="50", metavar="N")
    audit.add_argument("--json", action="store_true")


def _add_reports(sub: Subparsers) -> None:
    remind = _command(
        sub, "remind", cmd_remind, "what needs doing, most urgent first", numbered=False
    )
    remind.add_argument("--within", default="14", metavar="DAYS")
    remind.add_argument("--json", action="store_true")

    search = _command(sub, "search", cmd_search, "full-text search", numbered=False)
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true")

    backup = _command(sub, "backup", cmd_backup, "copy the database safely", numbered=False)
    backup.add_argument("dest", metavar="DEST", help="a new file or a folder")


def _add_transfer(sub: Subparsers) -> None:
    imports = _group(sub, "import", "bring dockets in: PACER pages, CSV, JSON exports")
    pacer = _command(
        imports,
        "pacer",
        cmd_import_pacer,
        "import or refresh a saved PACER docket report",
        opens="create",
        numbered=False,
    )
    pacer.add_argument("file", metavar="FILE.html")
    pacer.add_argument("--court", required=True, metavar="COURT_ID", help="e.g. nysd, njd")
    pacer.add_argument("--json", action="store_true")
    csv_import = _command(
        imports, "csv", cmd_import_csv, "import docket entries for one case", numbered=False
    )
    csv_import.add_argument("file", metavar="FILE")
    csv_import.add_argument("--case", required=True, metavar="NUMBER")
    csv_import.add_argument("--court", help="court id, when two courts use the number")
    csv_import.add_argument("--json", action="store_true")
    json_import = _command(
        imports,
        "json",
        cmd_import_json,
        "import cases from docket export json",
        opens="create",
        numbered=False,
    )
    json_import.add_argument("file", metavar="FILE")
    json_import.add_argument("--json", action="store_true")

    exports = _group(sub, "export", "take dockets out: JSON, CSV, calendar, docket sheet")
    for name, handler, help_text in (
        ("json", cmd_export_json, "everything about the case(s), re-importable"),
        ("csv", cmd_export_csv, "docket entries as CSV"),
        ("ics", cmd_export_ics, "hearings and deadlines as an iCalendar file"),
    ):
        export = _command(exports, name, handler, help_text, numbered=False)
        export.add_argument("--case", metavar="NUMBER", help="one case (default: all)")
        export.add_argument("--court", help="court id, when two courts use the number")
        export.add_argument("--out", metavar="FILE", help="write here (default: stdout)")
    sheet = _command(exports, "sheet", cmd_export_sheet, "a printable HTML docket sheet")
    sheet.add_argument("--out", required=True, metavar="FILE.html")


#: One function per group of commands; add a line here to add a group (import, export...).
PARSER_SECTIONS: list[Callable[[Subparsers], None]] = [
    _add_setup,
    _add_cases,
    _add_parties,
    _add_filings,
    _add_hearings,
    _add_deadlines,
    _add_status,
    _add_closures,
    _add_audit,
    _add_reports,
    _add_transfer,
]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="docket",
        description="Case and investigation docket tracker. With no command, opens the TUI.",
    )
    parser.add_argument("--db", dest="top_db", metavar="PATH", help="database file")
    parser.add_argument("--demo", action="store_true", help="open the TUI on the demo data")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for section in PARSER_SECTIONS:
        section(sub)
    return parser


# ---------------------------------------------------------------------------- main


def _use_utf8() -> None:
    """Titles such as `Smith v. Jones — “quoted”` must survive any locale."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(encoding="utf-8")


def _fail(message: str) -> int:
    print("docket: " + " ".join(message.split()), file=sys.stderr)
    return 2


def _sqlite_message(error: sqlite3.Error, path: Path | None) -> str:
    text = str(error)
    where = str(path) if path is not None else "the database"
    if "locked" in text or "busy" in text:
        return (
            f"--db: {where} is locked by another writer; try again in a moment "
            "(for example: finish the import running in another window)"
        )
    if "not a database" in text or "malformed" in text or "no such table" in text:
        return (
            f"--db: {where} is not a docket database ({text}) "
            "(for example: docket init --db new.db)"
        )
    if "readonly" in text:
        return f"--db: {where} is read-only (for example: a copy you can write to)"
    return f"--db: database error at {where}: {text}"


@contextmanager
def _quiet_broken_pipe() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        # `docket case list | head`: the reader left; nothing is wrong.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> int:
    _use_utf8()
    ctx: Context | None = None
    try:
        with _quiet_broken_pipe():
            args = build_parser().parse_args(argv)
            if args.command is None:
                return open_tui(args)
            if args.demo:
                raise UsageError("--demo opens the TUI; it takes no command (usage: docket --demo)")
            ctx = Context(args=args, opens=args.opens, today=Clock().today())
            code: int = args.handler(args, ctx)
            return code
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    except (UsageError, DocketError) as error:
        return _fail(str(error))
    except ValidationError as error:
        return _fail(str(_validation_input_error(error)))
    except sqlite3.Error as error:
        return _fail(_sqlite_message(error, None if ctx is None else ctx.db_path))
    except OSError as error:
        name = error.filename or "file"
        return _fail(f"{name}: {error.strerror or error} (for example: a path you can write to)")
    finally:
        if ctx is not None:
            ctx.close()
