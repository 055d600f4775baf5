"""Docket entries to and from CSV: the spreadsheet a paralegal already keeps.

Import file: UTF-8 (a spreadsheet's byte-order mark is fine), comma separated (semicolons or
tabs when the header has no comma), a header row.
Header names (any order, case and surrounding spaces ignored):

=================  ========  ==============================================================
column             required  what it holds
=================  ========  ==============================================================
date               yes       filing date, as a person types it: `2026-01-05`, `1/5/26`,
                             `Jan 5 2026`
type               yes       complaint, answer, motion, order, notice of appeal, other, ...
title              yes       one line
description        no        free text, may span lines
filed_by           no        who filed it
served_on          no        date of service (same forms as `date`)
service            no        electronic, mail or personal
document_number    no        the court's document number
document_ref       no        where the document is: a path, URL or DMS number
case_number        no        written by the export; when present it must be the case imported to
entry_no           no        written by the export; ignored (entry numbers are assigned in order)
=================  ========  ==============================================================

A bad row stops the import with its line number and field (`line 7, date: ...`) and nothing
is written. A date that is possible but hardly right (`docket.doubts`: served before the
filing or more than a year after it, filed in the future) does not stop it: the row is
imported as written and named in the report's notes, for the paralegal to check.
Each row gets `source='csv'` and a `source_id` made from its content, so
importing the same file again adds nothing; a row whose text was edited comes in as a new
entry (the old one stays: entries are voided by a person, never deleted by an import).
New entries set their rule deadlines as PACER imports do: open when due today or later, and
recorded as past at import (not open, never overdue) when already past; the report names
every one, with its case, rule and date.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from db.reports import ImportReport
from db.store import Store
from docket.errors import InputError
from docket.models import DocType, EntrySource, Filing, ServiceMethod

REQUIRED = ("date", "type", "title")
OPTIONAL = (
    "description",
    "filed_by",
    "served_on",
    "service",
    "document_number",
    "document_ref",
)
#: Columns the export adds in front; import reads `case_number` as a check, skips `entry_no`.
EXPORT_ONLY = ("case_number", "entry_no")
EXPORT_HEADER = (*EXPORT_ONLY, *REQUIRED, *OPTIONAL)
EXAMPLE_HEADER = "date,type,title,description"


def _delimiter(text: str) -> str:
    """Commas, unless the header uses none and semicolons or tabs instead.

    Spreadsheets set to a locale with a decimal comma save "CSV" with semicolons; refusing
    their header as one unknown column would leave the paralegal guessing why.
    """
    header = text.split("\n", 1)[0]
    if "," in header:
        return ","
    for other in (";", "\t"):
        if other in header:
            return other
    return ","


#: Rows validated before they are written (inside the one transaction): enough to write in
#: bulk, few enough that memory stays flat whatever the file's size.
CHUNK_ROWS = 500

#: A physical line longer than this is no spreadsheet's row (a field holds at most 128 KiB).
MAX_LINE_CHARS = 4 * 1024 * 1024

#: Called with the number of rows read so far, after each chunk: the front end shows progress.
Progress = Callable[[int], None]


def _lines(handle: TextIO, first: str, name: str) -> Iterator[str]:
    """The file's lines, read one at a time; binary data or a runaway line stops the import."""
    line = first
    while line:
        if "\x00" in line:
            raise InputError("path", f"{name} is not a CSV file (binary data)", EXAMPLE_HEADER)
        if len(line) >= MAX_LINE_CHARS and not line.endswith("\n"):
            raise InputError(
                "path", f"{name} has a line longer than 4 MiB; it is not a CSV file", EXAMPLE_HEADER
            )
        yield line
        line = handle.readline(MAX_LINE_CHARS)


def _header(reader: Iterator[list[str]], name: str) -> list[str]:
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(
            "path", f"{name} is empty; it needs a header row", EXAMPLE_HEADER
        ) from None
    except csv.Error as error:
        raise InputError("path", f"line 1: {error}", EXAMPLE_HEADER) from None
    names = [name.strip().lower().replace(" ", "_") for name in header]
    known = set(REQUIRED) | set(OPTIONAL) | set(EXPORT_ONLY)
    unknown = [name for name in names if name not in known]
    if unknown:
        raise InputError(
            "path",
            f"line 1: unknown column {unknown[0]!r} (columns: {', '.join((*REQUIRED, *OPTIONAL))})",
            EXAMPLE_HEADER,
        )
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise InputError("path", f"line 1: the header has no {missing[0]!r} column", EXAMPLE_HEADER)
    return names


@contextmanager
def _open_text(path: Path) -> Iterator[TextIO]:
    if not path.exists():
        raise InputError("path", f"{path} does not exist", "filings.csv")
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError("path", f"cannot read {path} ({error.strerror})") from None
    with handle:
        try:
            yield handle
        except UnicodeDecodeError:
            raise InputError(
                "path", f"{path.name} is not UTF-8 text", "save the sheet as 'CSV UTF-8'"
            ) from None
        except OSError as error:
            raise InputError("path", f"cannot read {path} ({error.strerror})") from None


def _read_rows(handle: TextIO, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Each record with the line it starts on, read as the file is: never the whole file."""
    first = handle.readline(MAX_LINE_CHARS)
    reader = csv.reader(_lines(handle, first, name), delimiter=_delimiter(first))
    names = _header(reader, name)
    try:
        while True:
            # A quoted value may span lines: a record is named by the line it starts on.
            line = reader.line_num + 1
            values = next(reader, None)
            if values is None:
                return
            if not any(value.strip() for value in values):
                continue
            if len(values) > len(names):
                raise InputError(
                    f"line {line}",
                    f"{len(values)} values for {len(names)} columns (a comma inside a value "
                    "needs quotes)",
                    '2026-01-05,motion,"Motion to dismiss, with brief"',
                )
            values = values + [""] * (len(names) - len(values))
            yield line, dict(zip(names, values, strict=True))
    except csv.Error as error:
        raise InputError(f"line {reader.line_num}", str(error), EXAMPLE_HEADER) from None


def _filing_from_row(line: int, row: dict[str, str], today: date) -> Filing:
    from docket.dates import parse_date

    def need(name: str) -> str:
        value = row.get(name, "").strip()
        if not value:
            raise InputError(f"line {line}, {name}", "is empty; it is required", _EXAMPLES[name])
        return value

    def day(name: str, text: str) -> Any:
        try:
            return parse_date(text, field=f"line {line}, {name}", today=today)
        except InputError as error:
            raise InputError(error.field, error.problem, "2026-01-05 or 1/5/26") from None

    filed_on = day("date", need("date"))
    try:
        doc_type = DocType.parse(need("type"))
    except ValueError as error:
        raise InputError(f"line {line}, type", str(error), "motion") from None
    served_text = row.get("served_on", "").strip()
    service_text = row.get("service", "").strip()
    try:
        service = ServiceMethod.parse(service_text) if service_text else None
    except ValueError as error:
        raise InputError(f"line {line}, service", str(error), "mail") from None
    values: dict[str, Any] = {
        "filed_on": filed_on,
        "doc_type": doc_type,
        "title": need("title"),
        "description": row.get("description") or None,
        "filed_by": row.get("filed_by") or None,
        "served_on": day("served_on", served_text) if served_text else None,
        "service": service,
        "document_number": row.get("document_number") or None,
        "document_ref": row.get("document_ref") or None,
        "source": EntrySource.CSV,
    }
    try:
        return Filing(**values)
    except ValidationError as error:
        problem = error.errors()[0]
        field = str(problem["loc"][0]) if problem["loc"] else "row"
        field = {"filed_on": "date", "doc_type": "type"}.get(field, field)
        raise InputError(
            f"line {line}, {field}", problem["msg"], _EXAMPLES.get(field, "plain text")
        ) from None


_EXAMPLES = {
    "date": "2026-01-05",
    "type": "motion",
    "title": "Motion to dismiss",
    "served_on": "2026-01-07",
    "description": "plain text",
    "filed_by": "Jane Smith",
    "document_number": "12",
    "document_ref": "S:/cases/smith/12.pdf",
}


def _row_values(filing: Filing) -> list[str]:
    """The entry as the import columns read it (`REQUIRED`, then `OPTIONAL`)."""
    return [
        filing.filed_on.isoformat(),
        filing.doc_type.value,
        filing.title,
        filing.description or "",
        filing.filed_by or "",
        filing.served_on.isoformat() if filing.served_on else "",
        filing.service.value if filing.service else "",
        filing.document_number or "",
        filing.document_ref or "",
    ]


def row_source_id(filing: Filing) -> str:
    """A content hash of what the row says, so the same row imports once."""
    digest = hashlib.sha256("\x1f".join(_row_values(filing)).encode("utf-8")).hexdigest()[:20]
    return f"csv:{digest}"


def import_filings_csv(
    store: Store, path: Path, case_id: int, progress: Progress | None = None
) -> ImportReport:
    """Add the file's rows to the case's docket; refuses the whole file on one bad row.

    The file is read as it is written: each row is checked, and every `CHUNK_ROWS` checked
    rows are written, all inside one transaction that a bad row rolls back. Memory stays the
    same for ten rows or a million; what grows (the rows, the count of repeated rows) lives in
    the database.
    """
    path = Path(path)
    case = store.get_case(case_id)
    today = store.clock.today()
    report = ImportReport(case_id=case_id, case_number=case.number)
    questioned = _questioned_dates(report, today)
    with _open_text(path) as handle, store.write(), _repeats(store) as repeat:
        chunk: list[Filing] = []
        for read, (line, row) in enumerate(_read_rows(handle, path.name), start=1):
            number = row.get("case_number", "").strip()
            if number and number != case.number:
                raise InputError(
                    f"line {line}, case_number",
                    f"{number!r} is not the case being imported to ({case.number})",
                    case.number,
                )
            filing = _filing_from_row(line, row, today)
            questioned(line, filing)
            base = row_source_id(filing)
            times = repeat(base)
            source_id = base if times == 1 else f"{base}#{times}"
            chunk.append(filing.model_copy(update={"source_id": source_id}))
            if len(chunk) >= CHUNK_ROWS:
                _write_chunk(store, case_id, chunk, today, report)
                chunk.clear()
                if progress is not None:
                    progress(read)
        _write_chunk(store, case_id, chunk, today, report)
        report.settle_deadlines(store)
        store.refresh_rollups(case_id)
    questioned(0, None)
    return report


#: Rows with a questioned date named one by one in the report; the rest are counted.
QUESTIONED_NAMED = 20


def _questioned_dates(report: ImportReport, today: date) -> Callable[[int, Filing | None], None]:
    """Notes in the report for rows whose dates are hardly right, named up to a limit (a file
    of a million odd rows must not make a million notes); called with no filing at the end,
    to count the rest."""
    from docket.doubts import filing_doubts

    named = more = 0

    def note(line: int, filing: Filing | None) -> None:
        nonlocal named, more
        if filing is None:
            if more:
                report.warnings.append(f"{more} more rows with a questioned date")
            return
        doubts = filing_doubts(filing, today)
        if not doubts:
            return
        if named >= QUESTIONED_NAMED:
            more += 1
            return
        named += 1
        words = {"filed_on": "date", "served_on": "served_on"}
        text = "; ".join(f"{words.get(d.field, d.field)}: {d.problem}" for d in doubts)
        report.warnings.append(f"line {line}: check the date, imported as written: {text}")

    return note


@contextmanager
def _repeats(store: Store) -> Iterator[Callable[[str], int]]:
    """A counter of how often each row's content came up in this file, kept in a temporary
    table so a file of a million distinct rows does not hold a million keys in memory."""
    store.conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS csv_import_rows (source_id TEXT PRIMARY KEY, times INT)"
    )
    store.conn.execute("DELETE FROM csv_import_rows")

    def repeat(source_id: str) -> int:
        row = store.conn.execute(
            "INSERT INTO csv_import_rows (source_id, times) VALUES (?, 1) "
            "ON CONFLICT (source_id) DO UPDATE SET times = csv_import_rows.times + 1 "
            "RETURNING times",
            (source_id,),
        ).fetchone()
        return int(row[0])

    try:
        yield repeat
    finally:
        store.conn.execute("DELETE FROM csv_import_rows")


def _write_chunk(
    store: Store, case_id: int, filings: list[Filing], today: date, report: ImportReport
) -> None:
    if not filings:
        return
    marks = ", ".join("?" for _ in filings)
    # The unique index on (case_id, source, source_id) answers this from the disk.
    known = {
        row[0]
        for row in store.query_rows(
            "SELECT source_id FROM filings WHERE case_id = ? AND source = 'csv' "
            f"AND source_id IN ({marks})",
            (case_id, *(filing.source_id for filing in filings)),
        )
    }
    new = [filing for filing in filings if filing.source_id not in known]
    report.entries_unchanged += len(filings) - len(new)
    for _, deadlines in store.import_filings(case_id, new, deadlines_due_from=today):
        report.entries_added += 1
        report.count_deadlines(deadlines)


def _case_ids(store: Store, case_ids: list[int] | None) -> Iterator[tuple[int, str]]:
    if case_ids is not None:
        for case_id in case_ids:
            yield case_id, store.get_case(case_id).number
        return
    last = 0
    while True:
        page = store.query_rows(
            "SELECT id, number FROM cases WHERE id > ? ORDER BY id LIMIT 100", (last,)
        )
        if not page:
            return
        for case_id, number in page:
            yield int(case_id), str(number)
        last = int(page[-1][0])


def export_filings_csv(store: Store, out: TextIO, case_ids: list[int] | None = None) -> int:
    """Write the docket entries (voided ones left out) as CSV that `import_filings_csv`
    reads back; returns the number of rows written. Cases are read a page at a time."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_HEADER)
    written = 0
    for case_id, number in _case_ids(store, case_ids):
        for filing in store.all_filings(case_id, include_voided=False):
            writer.writerow([number, filing.entry_no, *_row_values(filing)])
            written += 1
    return written
