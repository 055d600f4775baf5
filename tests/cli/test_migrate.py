"""`docket migrate` as a firm's administrator runs it: the test's database copied to the other
backend (a SQLite file into PostgreSQL, a PostgreSQL database into a new SQLite file) by a real
process, and each bad input refused in one line, exit 2, nothing written.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from tests.cli.helpers import table_counts
from tests.conftest import run
from tests.db.builders import add_case
from tests.pg_server import PostgresCluster


@pytest.fixture
def other_side(
    db_path: Path | str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Path | str]:
    """Where the test's database moves to: a new PostgreSQL database (empty, no schema) for a
    SQLite file, a new SQLite file for a PostgreSQL database."""
    if isinstance(db_path, str):
        yield tmp_path / "moved.db"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    url = cluster.new_database(empty=True)
    yield url
    cluster.drop_database(url)


def test_migrate_moves_the_demo_to_the_other_backend_with_every_row(
    cli_env: dict[str, str], db_path: Path | str, other_side: Path | str
) -> None:
    assert run(cli_env, "demo").returncode == 0
    before = table_counts(db_path)
    moved = run(cli_env, "migrate", "--from", str(db_path), "--to", str(other_side))
    assert moved.returncode == 0, moved.stderr
    assert moved.stderr == ""
    assert f"cases {before['cases']} -> {before['cases']}\n" in moved.stdout
    assert f"audit_log {before['audit_log']} -> {before['audit_log']}\n" in moved.stdout
    assert "***" in moved.stdout if isinstance(other_side, str) else str(other_side) in moved.stdout
    assert table_counts(other_side) == before
    with Store.open(db_path) as source, Store.open(other_side) as copy:
        assert copy.database_id == source.database_id
        shown = run(cli_env, "case", "list", "--json")
        listed = run({**cli_env, "DOCKET_DB": str(other_side)}, "case", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout) == json.loads(shown.stdout)
        busiest = source.query_rows(
            "SELECT c.number, max(f.entry_no) FROM filings f JOIN cases c ON c.id = f.case_id "
            "GROUP BY c.number ORDER BY count(*) DESC, c.number LIMIT 1"
        )[0]
    added = run(
        {**cli_env, "DOCKET_DB": str(other_side)},
        "filing",
        "add",
        busiest[0],
        "--type",
        "notice",
        "--title",
        "Notice after the move",
        "--json",
    )
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["filing"]["entry_no"] == busiest[1] + 1
    again = run(cli_env, "migrate", "--from", str(db_path), "--to", str(other_side), "--json")
    assert again.returncode == 2
    assert again.stdout == ""
    [line] = again.stderr.splitlines()
    assert line.startswith("docket: --to: ") and "already holds" in line
    assert f"cases ({before['cases']})" in line
    assert "Traceback" not in again.stderr


def test_migrate_merges_when_told_and_prints_what_it_added(
    cli_env: dict[str, str], db_path: Path | str, tmp_path: Path
) -> None:
    second = tmp_path / "second.db"
    env = {**cli_env, "DOCKET_DB": str(second)}
    added = run(
        env, "case", "add", "--number", "MRG-1", "--title", "Ortiz v. Pell", "--kind", "civil"
    )
    assert added.returncode == 0, added.stderr
    assert (
        run(env, "filing", "add", "MRG-1", "--type", "motion", "--title", "Motion").returncode == 0
    )
    assert run(cli_env, "demo").returncode == 0
    before = table_counts(db_path)
    merged = run(cli_env, "migrate", "--from", str(second), "--to", str(db_path), "--merge")
    assert merged.returncode == 0, merged.stderr
    assert f"cases 1 -> {before['cases'] + 1} (1 added)\n" in merged.stdout
    shown = run(cli_env, "case", "show", "MRG-1", "--json")
    assert [f["title"] for f in json.loads(shown.stdout)["filings"]] == ["Motion"]
    twice = run(cli_env, "migrate", "--from", str(second), "--to", str(db_path), "--merge")
    assert twice.returncode == 2
    assert twice.stderr.count("\n") == 1 and "case MRG-1 is in both" in twice.stderr


def _refuses(argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"docket: {flag}: "), lines[0]
    assert "Traceback" not in captured.err
    assert captured.out == ""
    return lines[0]


def test_bad_sources_and_targets_are_refused_in_one_line_and_nothing_is_written(
    in_process: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(in_process) as store:
        add_case(store, "CV-1")
    database = str(in_process)
    before = table_counts(database)
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n")
    fresh = tmp_path / "fresh.db"
    nowhere = "postgresql://docket@127.0.0.1:1/firm"
    line = _refuses(["migrate", "--from", database, "--to", database], "--to", capsys)
    assert "is also the source" in line
    line = _refuses(
        ["migrate", "--from", str(tmp_path / "missing.db"), "--to", database], "--from", capsys
    )
    assert "does not exist" in line
    line = _refuses(["migrate", "--from", str(notes), "--to", str(fresh)], "--from", capsys)
    assert "not a docket database" in line
    line = _refuses(["migrate", "--from", database, "--to", str(notes)], "--to", capsys)
    assert "not a docket database" in line
    line = _refuses(["migrate", "--from", database, "--to", str(tmp_path)], "--to", capsys)
    assert "is a folder" in line
    line = _refuses(["migrate", "--from", database, "--to", nowhere], "--to", capsys)
    assert "cannot connect" in line
    line = _refuses(["migrate", "--from", nowhere, "--to", str(fresh)], "--from", capsys)
    assert "cannot connect" in line
    with Store.open(fresh) as other:
        add_case(other, "HELD-1")
    line = _refuses(["migrate", "--from", database, "--to", str(fresh)], "--to", capsys)
    assert "already holds cases (1)" in line and "--merge" in line
    assert notes.read_text() == "shopping list\n"
    assert table_counts(database) == before
    assert table_counts(fresh)["cases"] == 1
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []
