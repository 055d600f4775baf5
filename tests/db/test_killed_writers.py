"""A writer killed at any moment (SIGKILL: a crash, a pulled plug, `kill -9`) loses only the
write it was in: the file stays whole, entry numbers stay gapless, every row keeps its audit
row and its full-text index entry, and an import is there entirely or not at all."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from db.store import Store
from docket.clock import Clock
from tests.conftest import PACER_SAMPLES, REPO, TODAY
from tests.db.builders import add_case

ROUNDS = 6

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    from db.store import Store
    from docket.clock import Clock
    from docket.models import Filing

    store = Store.open(Path(sys.argv[1]), clock=Clock(date(2026, 11, 25)), user="writer")
    case = store.find_case("1:24-cv-01234")
    Path(sys.argv[2]).touch()
    i = 0
    while True:
        i += 1
        # A motion sets a rule deadline in the same write: three tables and the index at once.
        store.add_filing(
            case.id, Filing(filed_on=date(2026, 11, 20), doc_type="motion", title=f"Motion {i}")
        )
        store.add_note(case.id, f"Note {i}")
    """
)

IMPORTER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    from db.pacer import import_pacer
    from db.store import Store
    from docket.clock import Clock

    store = Store.open(Path(sys.argv[1]), clock=Clock(date(2026, 11, 25)), user="importer")
    Path(sys.argv[3]).touch()
    import_pacer(store, Path(sys.argv[2]), "njd")
    store.close()
    """
)

#: About the SQLite file itself.
pytestmark = pytest.mark.sqlite_only


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(flag: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not flag.exists():
        if process.poll() is not None:
            raise AssertionError(f"the process ended early: {process.communicate()[1]}")
        if time.monotonic() > deadline:
            raise AssertionError("the process never got ready")
        time.sleep(0.005)


def _kill(process: subprocess.Popen[str]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL


def _invariants(path: Path) -> dict[str, int]:
    """Open the file as the next user would (recovering its journal) and check it whole."""
    with Store.open(path, clock=Clock(TODAY), user="tester") as store:
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for case_id, numbers in conn.execute(
            "SELECT case_id, group_concat(entry_no) FROM "
            "(SELECT case_id, entry_no FROM filings ORDER BY case_id, entry_no) GROUP BY case_id"
        ).fetchall():
            got = [int(n) for n in numbers.split(",")]
            assert got == list(range(1, len(got) + 1)), f"case {case_id}: {got}"
        counts: dict[str, int] = {}
        for table in ("filings", "notes", "deadlines"):
            rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            audited = conn.execute(
                "SELECT count(*) FROM audit_log WHERE entity = ? AND action = 'insert'", (table,)
            ).fetchone()[0]
            assert rows == audited, f"{table}: {rows} rows, {audited} audited"
            counts[table] = rows
        for table in ("filings", "notes"):
            indexed = conn.execute(f'SELECT count(*) FROM "{table}_fts"').fetchone()[0]
            assert indexed == counts[table], f"{table}: {indexed} indexed of {counts[table]}"
            conn.execute(f'INSERT INTO "{table}_fts" ("{table}_fts") VALUES (\'integrity-check\')')
        return counts


@pytest.mark.slow
def test_a_writer_killed_mid_write_leaves_a_whole_database(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path, clock=Clock(TODAY), user="tester") as store:
        add_case(store)
    chance = random.Random(20261201)
    seen = 0
    for round_no in range(ROUNDS):
        ready = tmp_path / f"ready-{round_no}"
        writer = _start(WRITER, str(db_path), str(ready))
        try:
            _wait_for(ready, writer)
            time.sleep(chance.uniform(0.05, 0.6))
        finally:
            _kill(writer)
        counts = _invariants(db_path)
        # Each motion's rule deadline was written with it, or neither was.
        assert counts["deadlines"] == counts["filings"]
        assert counts["filings"] >= seen
        seen = counts["filings"]
    assert seen > 0  # the writers got some work done between the kills


@pytest.mark.slow
def test_an_import_killed_part_way_is_all_or_nothing(tmp_path: Path) -> None:
    page = PACER_SAMPLES / "njd_509180.html"
    whole = 161  # entries on the page (juriscraper's expected parse)
    chance = random.Random(509180)
    for round_no in range(ROUNDS):
        path = tmp_path / f"import-{round_no}.db"
        Store.open(path, clock=Clock(TODAY), user="tester").close()
        ready = tmp_path / f"import-ready-{round_no}"
        importer = _start(IMPORTER, str(path), str(page), str(ready))
        try:
            _wait_for(ready, importer)
            time.sleep(chance.uniform(0.0, 0.4))
        finally:
            if importer.poll() is None:
                _kill(importer)
            else:
                importer.communicate(timeout=60)
        counts = _invariants(path)
        assert counts["filings"] in (0, whole), counts
        conn = sqlite3.connect(path)
        try:
            cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        finally:
            conn.close()
        assert cases == (1 if counts["filings"] else 0)
