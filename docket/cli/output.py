"""What the commands print: plain text a person reads, or JSON a script reads.

Text is printed as it was stored, never as markup, with every character a terminal would act
on spelled out (`say`, through `docket.inert.visible`): a C1 control or a bidi override in an
imported caption shows as `<U+009B>` instead of driving the terminal. JSON uses the models'
snake_case field names and ISO dates, with those characters as `\\uXXXX` escapes (the same
value to a JSON reader). The printers several commands share live here so a hearing or a
deadline reads the same in `case show`, `hearing set` and `filing add`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docket.choices import DeadlineStatus
from docket.errors import InputError
from docket.inert import json_escaped, visible

if TYPE_CHECKING:
    from collections.abc import Callable

    from db.reports import ImportReport, NoticeReport
    from docket.models import CaseParty, Deadline, Hearing, StatusChange


def say(text: str = "") -> None:
    """Print a line a person reads: the one way commands print, so user text is inert."""
    print(visible(text))


def tell(text: str) -> None:
    """A line on stderr (progress, where a file went), inert as `say` is."""
    print(visible(text), file=sys.stderr, flush=True)


class ProgressLine:
    """How far a long job has got, on stderr, once it has run for a second: a line that
    rewrites itself on a terminal, and one every ten seconds in a log."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.started = time.monotonic()
        self.next_at = self.started + 1.0
        self.shown = False
        self.on_terminal = sys.stderr.isatty()

    def __call__(self, count: int) -> None:
        now = time.monotonic()
        if now < self.next_at:
            return
        self.next_at = now + (1.0 if self.on_terminal else 10.0)
        line = visible(f"docket: {self.what}: {count:,} rows read", one_line=True)
        if self.on_terminal:
            print("\r" + line, end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)
        self.shown = True

    def finish(self) -> None:
        if self.shown and self.on_terminal:
            print(file=sys.stderr, flush=True)


def print_json_text(text: str) -> None:
    """JSON already serialised (a streamed list's item), with the unsafe characters escaped."""
    print(json_escaped(text))


def print_json(data: Any) -> None:
    print_json_text(json.dumps(data, ensure_ascii=False, indent=2))


def print_steps(lines: list[str], indent: str = "      ") -> None:
    """How a deadline was counted, one step a line."""
    for line in lines:
        say(f"{indent}{line}")


def print_history(history: list[StatusChange], indent: str) -> None:
    """The dated status history, one change a line, its note and source below it."""
    for change in history:
        move = change.to_stage
        if change.from_stage and change.from_stage != change.to_stage:
            move = f"{change.from_stage} -> {change.to_stage}"
        extra = f" ({change.disposition})" if change.disposition else ""
        who = f"{change.party}: " if change.party else ""
        say(f"{indent}{change.changed_on}  {change.event:<6} {who}{move}{extra}")
        if change.note:
            say(f"{indent}    {change.note}")
        if change.source:
            reported = f", as reported {change.reported_on}" if change.reported_on else ""
            say(f"{indent}    source: {change.source}{reported}")
        elif change.reported_on:
            say(f"{indent}    as reported {change.reported_on}")


def defendant_json(party: CaseParty) -> dict[str, Any]:
    """A defendant as `status --json` and `case show --json` list them."""
    return {
        "name": party.name,
        "stage": party.stage,
        "disposition": party.disposition,
        "stage_on": None if party.stage_on is None else party.stage_on.isoformat(),
        "follows_case": party.stage is None,
    }


def print_defendants(defendants: list[CaseParty], case_stage: str) -> None:
    """Where each defendant of a case against several stands (their own stage, or the
    case's when they follow it)."""
    for defendant in defendants:
        if defendant.stage is None:
            say(f"  {defendant.name}: {case_stage} (with the case)")
            continue
        extra = f" ({defendant.disposition})" if defendant.disposition else ""
        say(f"  {defendant.name}: {defendant.stage}{extra} since {defendant.stage_on}")


def print_created_deadlines(created: list[Deadline]) -> None:
    for deadline in created:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        say(f"  Deadline {deadline.due_on}: {deadline.title}{cite}")
        print_steps(deadline.computation, "      ")


def print_recounted_deadlines(recounted: list[Deadline]) -> None:
    """After an edit: each deadline's new due date and count, or that it was withdrawn."""
    for deadline in recounted:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        if deadline.status == DeadlineStatus.WITHDRAWN:
            say(
                f"  Deadline #{deadline.id} withdrawn, its rule no longer applies: "
                f"{deadline.title}{cite}"
            )
            continue
        say(f"  Deadline #{deadline.id} now due {deadline.due_on}: {deadline.title}{cite}")
        print_steps(deadline.computation, "      ")


def hearing_line(hearing: Hearing) -> str:
    where = f"  at {hearing.location}" if hearing.location else ""
    starts = hearing.starts_at.strftime("%Y-%m-%d %H:%M %z")
    return f"#{hearing.id:<4} {starts}  {hearing.kind}  [{hearing.status.value}]{where}"


def print_hearing_details(hearing: Hearing, indent: str) -> None:
    if hearing.continued_to is not None:
        say(f"{indent}continued to {hearing.continued_to:%Y-%m-%d %H:%M %z}")
    if hearing.outcome:
        say(f"{indent}outcome: {hearing.outcome}")


def print_hearings(hearings: list[Hearing]) -> None:
    for hearing in hearings:
        say("  " + hearing_line(hearing))
        print_hearing_details(hearing, "        ")
    if not hearings:
        say("  none")


def print_report(report: ImportReport | NoticeReport, as_json: bool) -> None:
    if as_json:
        print_json(report.model_dump(mode="json"))
        return
    say(report.summary())
    for warning in report.warnings:
        say(f"  note: {warning}")
    for deadline in report.deadlines:
        say(f"  {deadline.line()}")


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
        if sys.stdout.isatty():
            # A file's bytes stay verbatim in a pipe or a file; a terminal gets them inert.
            shown = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
            sys.stdout.write(visible(shown))
            return
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
    tell(f"Wrote {target}")
