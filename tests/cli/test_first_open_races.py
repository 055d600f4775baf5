"""First opens at once: several processes creating one new database, or reading one that
another process is upgrading from an older schema. Each once failed now and then ("not a
docket database", "database is locked"); now the others wait for the one setting it up."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from db.migrations import migrations
from db.store import Store
from docket.clock import Clock
from tests.conftest import TODAY
from tests.db.builders import add_case

PROCESSES = 6
ROUNDS = 4


def _start_all(env: dict[str, str], commands: list[list[str]]) -> list[tuple[int, str, str]]:
    """Start every command before waiting for any, so their opens overlap."""
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "docket", *command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for command in commands
    ]
    results = []
    for process in started:
        out, err = process.communicate(timeout=240)
        results.append((process.returncode, out, err))
    return results


def _fully_migrated(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        applied = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")}
        assert applied == {migration.name for migration in migrations._migrations}
        assert conn.execute("SELECT count(*) FROM docket_meta").fetchone() == (1,)
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_six_inits_of_one_new_database_all_succeed(cli_env: dict[str, str], tmp_path: Path) -> None:
    for round_no in range(ROUNDS):
        path = tmp_path / f"round-{round_no}" / "n.db"
        results = _start_all(cli_env, [["init", "--db", str(path)]] * PROCESSES)
        failures = [err for code, _, err in results if code != 0]
        assert failures == [], f"round {round_no}: {failures}"
        created = [out for _, out, _ in results if out.startswith("Created")]
        assert len(created) == 1, [out for _, out, _ in results]
        _fully_migrated(path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _older_database(path: Path) -> None:
    """A database as an older docket left it: the last three migrations not yet applied."""
    with Store.open(path, clock=Clock(TODAY), user="tester") as store:
        for n in range(40):
            case = add_case(store, f"1:26-cv-{n:05d}", title=f"Party {n} v. Acme")
            assert case.id is not None
            store.add_party(case.id, f"Witness Number {n}", "witness")
        store.conn.executescript(
            """
            ALTER TABLE filings DROP COLUMN version;
            ALTER TABLE hearings DROP COLUMN version;
            DROP TABLE docket_meta;
            DELETE FROM _sqlite_migrations WHERE name IN (
                'm003_accent_and_order_blind_name_keys',
                'm004_database_identity',
                'm005_entry_and_hearing_versions'
            );
            """
        )


@pytest.mark.slow
def test_reads_while_another_process_upgrades_an_older_schema_all_succeed(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    template = tmp_path / "older.db"
    _older_database(template)
    for round_no in range(ROUNDS):
        path = tmp_path / f"round-{round_no}" / "docket.db"
        path.parent.mkdir()
        shutil.copy(template, path)
        commands = [["case", "list", "--db", str(path)]] * (PROCESSES - 1)
        commands.insert(PROCESSES // 2, ["init", "--db", str(path)])
        results = _start_all(cli_env, commands)
        failures = [err for code, _, err in results if code != 0]
        assert failures == [], f"round {round_no}: {failures}"
        listings = [out for (_, out, _), command in zip(results, commands, strict=True)
                    if command[0] == "case"]  # fmt: skip
        assert all("1:26-cv-00039" in out for out in listings)
        _fully_migrated(path)
