"""What the commands print: plain text a person reads, or JSON a script reads.

Text is printed as it was stored, never as markup; JSON uses the models' snake_case field
names and ISO dates. The printers several commands share live here so a hearing or a
deadline reads the same in `case show`, `hearing set` and `filing add`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docket.errors import InputError
from docket.models import Deadline, DeadlineStatus, Hearing, StatusChange

if TYPE_CHECKING:
    from collections.abc import Callable

    from db.reports import ImportReport, NoticeReport


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def print_steps(lines: list[str], indent: str = "      ") -> None:
    """How a deadline was counted, one step a line."""
    for line in lines:
        print(f"{indent}{line}")


def print_history(history: list[StatusChange], indent: str) -> None:
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


def print_created_deadlines(created: list[Deadline]) -> None:
    for deadline in created:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        print(f"  Deadline {deadline.due_on}: {deadline.title}{cite}")
        print_steps(deadline.computation, "      ")


def print_recounted_deadlines(recounted: list[Deadline]) -> None:
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
        print_steps(deadline.computation, "      ")


def hearing_line(hearing: Hearing) -> str:
    where = f"  at {hearing.location}" if hearing.location else ""
    starts = hearing.starts_at.strftime("%Y-%m-%d %H:%M %z")
    return f"#{hearing.id:<4} {starts}  {hearing.kind}  [{hearing.status.value}]{where}"


def print_hearing_details(hearing: Hearing, indent: str) -> None:
    if hearing.continued_to is not None:
        print(f"{indent}continued to {hearing.continued_to:%Y-%m-%d %H:%M %z}")
    if hearing.outcome:
        print(f"{indent}outcome: {hearing.outcome}")


def print_hearings(hearings: list[Hearing]) -> None:
    for hearing in hearings:
        print("  " + hearing_line(hearing))
        print_hearing_details(hearing, "        ")
    if not hearings:
        print("  none")


def print_report(report: ImportReport | NoticeReport, as_json: bool) -> None:
    if as_json:
        print_json(report.model_dump(mode="json"))
        return
    print(report.summary())
    for warning in report.warnings:
        print(f"  note: {warning}")


def progress_line(what: str, after: float = 1.0) -> Callable[[int, int], None]:
    """A progress line on stderr (`412/500 messages read`) for work that has taken more than
    `after` seconds: a quick import prints nothing but its report."""
    import time

    started = time.monotonic()
    shown = False

    def show(done: int, total: int) -> None:
        nonlocal shown
        if not shown and time.monotonic() - started < after:
            return
        if not sys.stderr.isatty() and done != total and done % 50:
            return  # a log gets a line every 50, not one per message
        shown = True
        live = sys.stderr.isatty()
        end = "\n" if done == total or not live else ""
        print(
            f"{chr(13) if live else ''}{done}/{total} {what}", end=end, file=sys.stderr, flush=True
        )

    return show


def write_out(text: str | bytes, out: str | None, what: str) -> None:
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
