"""Imports do not stop on a date that can hardly be right: the row or entry is imported as its
source has it, and the report names it for the paralegal to check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from db.csv_io import QUESTIONED_NAMED, import_filings_csv
from db.pacer import import_pacer
from db.store import Store
from docket.clock import Clock
from tests.conftest import PACER_SAMPLES
from tests.db.builders import add_case, case_id


def test_a_csv_row_with_a_questioned_date_is_imported_and_named(
    store: Store, tmp_path: Path
) -> None:
    case = add_case(store)
    sheet = tmp_path / "filings.csv"
    # Today is Wed 25 Nov 2026.
    sheet.write_text(
        "date,type,title,served_on\n"
        "2026-11-02,motion,Motion to compel,2026-10-30\n"
        "2026-12-01,notice,Notice of hearing,\n"
        "2026-11-03,answer,Answer,2026-11-04\n",
        encoding="utf-8",
    )
    report = import_filings_csv(store, sheet, case_id(case))
    assert report.entries_added == 3
    assert report.warnings == [
        "line 2: check the date, imported as written: served_on: 2026-10-30 is before the "
        "filing date (2026-11-02)",
        "line 3: check the date, imported as written: date: 2026-12-01 is in the future "
        "(today is 2026-11-25)",
    ]


def test_a_file_of_many_questioned_rows_names_some_and_counts_the_rest(
    store: Store, tmp_path: Path
) -> None:
    case = add_case(store)
    rows = [f"2026-11-02,motion,Motion {n},2026-10-30" for n in range(QUESTIONED_NAMED + 5)]
    sheet = tmp_path / "filings.csv"
    sheet.write_text("date,type,title,served_on\n" + "\n".join(rows) + "\n", encoding="utf-8")
    report = import_filings_csv(store, sheet, case_id(case))
    assert report.entries_added == QUESTIONED_NAMED + 5
    assert len(report.warnings) == QUESTIONED_NAMED + 1
    assert report.warnings[-1] == "5 more rows with a questioned date"


def test_a_pacer_entry_dated_after_today_is_imported_and_named(tmp_path: Path) -> None:
    # A clock set before the docket's first entry: every entry is "in the future".
    with Store.open(tmp_path / "d.db", clock=Clock(date(1990, 1, 2)), user="t") as store:
        report = import_pacer(store, PACER_SAMPLES / "nysd.html")
    assert report.entries_added > 0
    questioned = [w for w in report.warnings if "check the date" in w]
    assert len(questioned) == report.entries_added
    assert "is in the future (today is 1990-01-02)" in questioned[0]
