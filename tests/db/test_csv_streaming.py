"""A CSV import reads the file as it goes, writes in chunks, and is still all or nothing.

A file of half a million rows with one bad last row used to be read whole, held as rows and
then as models (1.24 GB) before it was refused. Now memory stays flat whatever the size: each
chunk of checked rows is written inside the one transaction, and a bad row rolls it all back.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import csv_io
from db.csv_io import import_filings_csv
from db.store import Store
from docket.cli import main
from docket.errors import InputError
from tests.conftest import REPO
from tests.db.builders import add_case, case_id

HEADER = "date,type,title,description\n"


def rows(count: int, start: int = 0) -> str:
    return "".join(
        f"2019-{i % 12 + 1:02d}-{i % 28 + 1:02d},other,Entry {i},Text of entry {i}\n"
        for i in range(start, start + count)
    )


def counts(store: Store) -> tuple[int, ...]:
    # SQLite's search index is a table of its own; PostgreSQL's is an index on the filings.
    tables = ("filings", "deadlines", "audit_log")
    if store.dialect == "sqlite":
        tables += ("filings_fts",)
    return tuple(int(store.query_rows(f"SELECT count(*) FROM {table}")[0][0]) for table in tables)


#: The import's temporary tables still there, on each backend.
TEMPORARY_TABLES = {
    "sqlite": "SELECT name FROM temp.sqlite_master WHERE name LIKE 'csv%'",
    "postgresql": "SELECT tablename FROM pg_tables "
    "WHERE schemaname LIKE 'pg_temp%' AND tablename LIKE 'csv%'",
}


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three rows a chunk, so a dozen rows already cross several chunk writes."""
    monkeypatch.setattr(csv_io, "CHUNK_ROWS", 3)


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize(
    ("tail", "where"),
    [
        ("2019-02-30,other,Bad day,\n", "line 12, date"),
        ("2019-01-01,napkin,Bad type,\n", "line 12, type"),
        ("2019-01-01,other,a,b,c,d\n", "line 12"),
        ("2019-01-01,other,,\n", "line 12, title"),
    ],
)
def test_a_bad_row_after_written_chunks_rolls_every_chunk_back(
    store: Store, tmp_path: Path, tail: str, where: str
) -> None:
    case = add_case(store)
    before = counts(store)
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + rows(10) + tail, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        import_filings_csv(store, path, case_id(case))
    assert str(raised.value).startswith(where)
    assert counts(store) == before
    assert store.query_rows(TEMPORARY_TABLES[store.dialect]) == []


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize(
    ("tail", "problem"),
    [(b"2019-01-01,other,nul\x00here,\n", "binary data"), (b"2019-01-01,other,\xff,\n", "UTF-8")],
)
def test_bytes_that_are_no_text_late_in_the_file_roll_back(
    store: Store, tmp_path: Path, tail: bytes, problem: str
) -> None:
    case = add_case(store)
    before = counts(store)
    path = tmp_path / "bad.csv"
    path.write_bytes((HEADER + rows(2000)).encode() + tail)
    with pytest.raises(InputError, match=problem):
        import_filings_csv(store, path, case_id(case))
    assert counts(store) == before


@pytest.mark.usefixtures("small_chunks")
def test_repeated_rows_across_chunks_import_once_each_and_again_as_unchanged(
    store: Store, tmp_path: Path
) -> None:
    case = add_case(store)
    path = tmp_path / "repeats.csv"
    path.write_text(HEADER + rows(4) * 3 + rows(2), encoding="utf-8")
    first = import_filings_csv(store, path, case_id(case))
    assert (first.entries_added, first.entries_unchanged) == (14, 0)
    again = import_filings_csv(store, path, case_id(case))
    assert (again.entries_added, again.entries_unchanged) == (0, 14)
    numbers = [row[0] for row in store.query_rows("SELECT entry_no FROM filings ORDER BY id")]
    assert numbers == list(range(1, 15))


@pytest.mark.usefixtures("small_chunks")
def test_progress_is_reported_as_chunks_are_written(store: Store, tmp_path: Path) -> None:
    case = add_case(store)
    path = tmp_path / "ten.csv"
    path.write_text(HEADER + rows(10), encoding="utf-8")
    seen: list[int] = []
    import_filings_csv(store, path, case_id(case), seen.append)
    assert seen == [3, 6, 9]


@pytest.mark.usefixtures("small_chunks")
def test_the_cli_shows_a_progress_line_once_an_import_runs_past_a_second(
    in_process: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["case", "add", "--number", "CV-1", "--title", "A v. B", "--kind", "civil"]) == 0
    path = tmp_path / "entries.csv"
    path.write_text(HEADER + rows(30), encoding="utf-8")
    ticks = itertools.count(step=0.4)  # each look at the clock is 0.4 s later
    monkeypatch.setattr("docket.cli.output.time.monotonic", lambda: next(ticks))
    capsys.readouterr()
    assert main(["import", "csv", str(path), "--case", "CV-1"]) == 0
    out, err = capsys.readouterr()
    assert "30 added" in out
    lines = err.splitlines()
    assert lines and all(line.startswith("docket: importing entries.csv: ") for line in lines)
    assert lines[0].endswith("rows read")


def test_a_quick_import_prints_no_progress(
    in_process: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "add", "--number", "CV-1", "--title", "A v. B", "--kind", "civil"]) == 0
    path = tmp_path / "entries.csv"
    path.write_text(HEADER + rows(5), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "csv", str(path), "--case", "CV-1"]) == 0
    assert capsys.readouterr().err == ""


#: Rows in the measured file: enough that reading it whole (as the import did) needs more
#: than the limit, few enough that writing them and rolling back takes well under a minute.
MEASURED_ROWS = 60_000
LIMIT_MIB = 150

_MEASURE = """
import sys
from pathlib import Path
from db.csv_io import import_filings_csv
from db.store import Store
from docket.clock import Clock
from docket.errors import InputError
from docket.models import Case
from datetime import date

def status_kib(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise SystemExit(f"no {field} in /proc/self/status")

store = Store.open(sys.argv[1], clock=Clock(date(2026, 11, 25)))
case = store.add_case(Case(number="1:22-cv-1", title="Smith v. Jones", kind="civil"))
# The peak (VmHWM) starts from here: a process started by fork can inherit its parent's peak,
# so ru_maxrss would measure the test runner, not the import.
Path("/proc/self/clear_refs").write_text("5")
ready = status_kib("VmRSS")
try:
    import_filings_csv(store, Path(sys.argv[2]), case.id)
    outcome = "imported"
except InputError as error:
    outcome = str(error).split(":")[0]
filings = store.query_rows("SELECT count(*) FROM filings")[0][0]
peak = status_kib("VmHWM")
print(outcome, filings, ready // 1024, peak // 1024, sep="|")
"""


@pytest.mark.slow
def test_peak_memory_stays_flat_for_a_large_file_with_a_bad_last_row(tmp_path: Path) -> None:
    path = tmp_path / "large.csv"
    filler = "with a description a paralegal might paste from the order itself; " * 4
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(MEASURED_ROWS):
            out.write(f"2019-{i % 12 + 1:02d}-{i % 28 + 1:02d},other,Entry {i},{i} {filler}\n")
        out.write("2019-02-30,other,Bad last row,\n")
    assert path.stat().st_size > 15 * 1024 * 1024
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(tmp_path / "large.db"), str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    outcome, filings, ready_mib, peak_mib = done.stdout.strip().split("|")
    assert outcome == f"line {MEASURED_ROWS + 2}, date"
    assert filings == "0"
    assert int(peak_mib) < LIMIT_MIB, f"peak {peak_mib} MiB (ready at {ready_mib} MiB)"
