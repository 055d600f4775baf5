"""The `docket` command as a user and a script meet it: real processes on a real database file.

Bad-input cases run `docket.cli.main` in-process (a process start per case would make the
suite slow); everything else runs `python -m docket` as a subprocess.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from docket.models import Case, CaseKind, Deadline, Filing
from tests.cli.helpers import table_counts
from tests.conftest import PACER_SAMPLES, holds_nothing, run

TITLE = "Smith v. Jones [sealed] — “quoted”"


@pytest.fixture
def one_case(store: Store) -> Case:
    case = store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL))
    assert case.id is not None
    store.add_filing(case.id, Filing(filed_on=date(2026, 11, 2), doc_type="notice", title="N"))
    store.add_deadline(case.id, Deadline(due_on=date(2026, 12, 1), title="Brief"))
    return case


def test_title_round_trips_exactly_through_add_filings_and_show(cli_env: dict[str, str]) -> None:
    added = run(
        cli_env, "case", "add", "--number", "1:26-cv-7", "--title", TITLE, "--kind", "civil"
    )
    assert added.returncode == 0, added.stderr
    for title in ("Notice of appearance [sic]", "Letter to chambers — “urgent”"):
        filed = run(cli_env, "filing", "add", "1:26-cv-7", "--type", "notice", "--title", title)
        assert filed.returncode == 0, filed.stderr
    shown = run(cli_env, "case", "show", "1:26-cv-7", "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["case"]["title"] == TITLE
    assert data["case"]["opened_on"] == "2026-11-25"
    assert [(f["entry_no"], f["title"]) for f in data["filings"]] == [
        (1, "Notice of appearance [sic]"),
        (2, "Letter to chambers — “urgent”"),
    ]
    text = run(cli_env, "case", "show", "1:26-cv-7")
    assert TITLE in text.stdout
    assert "[sic]" in text.stdout


def test_impossible_date_exits_2_naming_the_flag_and_writes_nothing(
    cli_env: dict[str, str], one_case: Case, db_path: Path
) -> None:
    before = table_counts(db_path)
    result = run(
        cli_env, "filing", "add", "CV-1", "--type", "motion", "--title", "x", "--date", "2/30/22"
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--date" in lines[0] and "2/30/22" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert table_counts(db_path) == before


BAD_INPUT = [
    (["init", "--db", "{tmp}"], "--db"),
    (["demo", "--cases", "many"], "--cases"),
    (["demo"], "--db"),  # the database already holds cases
    (["case", "add", "--number", "X", "--title", "T", "--kind", "lawsuit"], "--kind"),
    (["case", "add", "--number", "X", "--title", "  ", "--kind", "civil"], "--title"),
    (
        ["case", "add", "--number", "X", "--title", "T", "--kind", "civil", "--opened", "soon"],
        "--opened",
    ),
    (
        ["case", "add", "--number", "X", "--title", "T", "--kind", "civil", "--calendar", "Mars"],
        "--calendar",
    ),
    (["case", "add", "--number", "CV-1", "--title", "T", "--kind", "civil"], "--number"),
    (["case", "add", "--title", "T", "--kind", "civil"], "--number"),
    (["case", "list", "--db", "{tmp}"], "--db"),
    (["case", "show", "NO-SUCH"], "NUMBER"),
    (["case", "follow-up", "CV-1", "13/1/22"], "DATE"),
    (["party", "add", "CV-1", "--name", "Jo", "--role", "wizard"], "--role"),
    (["party", "add", "CV-1", "--name", "Jo", "--role", "plaintiff", "--kind", "robot"], "--kind"),
    (["party", "add", "CV-1", "--name", "Jo", "--role", "counsel", "--for", "Nobody"], "--for"),
    (["party", "add", "CV-1", "--name", "", "--role", "plaintiff"], "--name"),
    (["filing", "add", "CV-1", "--type", "motion", "--title", "x", "--date", "2/30/22"], "--date"),
    (["filing", "add", "CV-1", "--type", "scroll", "--title", "x"], "--type"),
    (
        ["filing", "add", "CV-1", "--type", "motion", "--title", "x", "--service", "pigeon"],
        "--service",
    ),
    (
        ["filing", "add", "CV-1", "--type", "motion", "--title", "x", "--served", "later"],
        "--served",
    ),
    (["filing", "add", "CV-1", "--type", "motion", "--title", "bad\x01char"], "--title"),
    (["filing", "void", "CV-1", "1", "--reason", " "], "--reason"),
    (["filing", "void", "CV-1", "99", "--reason", "typo"], "ENTRY_NO"),
    (["filing", "void", "CV-1", "one", "--reason", "typo"], "ENTRY_NO"),
    (["hearing", "add", "CV-1", "--at", "tomorrow", "--kind", "status"], "--at"),
    (["hearing", "add", "CV-1", "--at", "tomorrow 9am", "--kind", ""], "--kind"),
    (["deadline", "add", "CV-1", "--due", "soon", "--title", "x"], "--due"),
    (["deadline", "add", "CV-1", "--due", "+3", "--title", "x", "--remind", "7,x"], "--remind"),
    (["deadline", "add", "CV-1", "--due", "+3", "--title", "x", "--remind", "7,400"], "--remind"),
    (["deadline", "done", "CV-1", "999"], "ID"),
    (["deadline", "compute", "--from", "2/30/22", "--days", "3"], "--from"),
    (["deadline", "compute", "--from", "today", "--days", "three"], "--days"),
    (["deadline", "compute", "--from", "today", "--days", "3", "--calendar", "ZZ-9"], "--calendar"),
    (["status", "NO-SUCH"], "NUMBER"),
    (["status", "CV-1", "set", "flying"], "stage"),
    (["status", "CV-1", "set", "closed"], "--disposition"),
    (["status", "CV-1", "set", "reopen"], "stage"),
    (["status", "CV-1", "set", "stay"], "--note"),
    (["status", "CV-1", "set", "lift"], "stage"),
    (["status", "CV-1", "set", "served", "--on", "31/31/31"], "--on"),
    (["status", "CV-1", "--note", "x"], "--note"),
    (["note", "CV-1", "   "], "TEXT"),
    (["note", "CV-1", "fine", "--on", "whenever"], "--on"),
    (["remind", "--within", "-2"], "--within"),
    (["search", '"*'], "QUERY"),
    (["backup", "{db}"], "DEST"),
    (["import", "pacer", "{shared}/pacer/nysd_3.html", "--court", "nysd"], "FILE"),
    (["import", "pacer", "{shared}/pacer/akd.html", "--court", "nysd"], "--court"),
    (["import", "pacer", "{shared}/pacer/akd.html", "--court", "a k d"], "--court"),
    (["import", "pacer", "{tmp}/missing.html", "--court", "akd"], "FILE"),
    (["import", "pacer", "{db}", "--court", "akd"], "FILE"),
    (["import", "csv", "{tmp}/missing.csv", "--case", "CV-1"], "FILE"),
    (["import", "csv", "{shared}/pacer/akd.json", "--case", "NO-SUCH"], "NUMBER"),
    (["import", "json", "{shared}/pacer/akd.html"], "FILE"),
    (["export", "json", "--case", "NO-SUCH"], "NUMBER"),
    (["export", "ics", "--out", "{tmp}"], "--out"),
    (["export", "sheet", "CV-1"], "--out"),
    (["export", "sheet", "NO-SUCH", "--out", "{tmp}/s.html"], "NUMBER"),
    (["filing", "edit", "CV-1", "1", "--date", "2/30/22"], "--date"),
    (["filing", "edit", "CV-1", "1", "--service", "pigeon"], "--service"),
    (["filing", "edit", "CV-1", "1", "--served", "later"], "--served"),
    (["filing", "edit", "CV-1", "1", "--type", "scroll"], "--type"),
    (["filing", "edit", "CV-1", "1", "--title", " "], "--title"),
    (["filing", "edit", "CV-1", "99", "--title", "x"], "ENTRY_NO"),
    (["filing", "edit", "CV-1", "1"], "--service"),
    (["hearing", "set", "CV-1", "99", "--status", "held"], "ID"),
    (["hearing", "set", "CV-1", "1", "--status", "postponed"], "--status"),
    (["hearing", "set", "CV-1", "1", "--at", "someday"], "--at"),
    (["hearing", "set", "CV-1", "1", "--to", "2/30/27 9am"], "--to"),
    (["hearing", "set", "CV-1", "1", "--status", "held", "--to", "+7 9am"], "--to"),
    (["hearing", "set", "CV-1", "1"], "--status"),
    (["hearing", "list", "NO-SUCH"], "NUMBER"),
    (["deadline", "waive", "CV-1", "999"], "ID"),
    (["deadline", "waive", "CV-1", "1", "--note", " "], "--note"),
    (["deadline", "show", "CV-1", "999"], "ID"),
    (["deadline", "show", "CV-1", "first"], "ID"),
    (["closure", "add", "31/31/31", "--name", "Snow"], "DATE"),
    (["closure", "add", "2026-12-24", "--name", " "], "--name"),
    (["closure", "add", "2026-12-24"], "--name"),
    (["closure", "add", "2026-12-24", "--name", "Snow", "--calendar", "ZZ-9"], "--calendar"),
    (["closure", "list", "--db", "{tmp}"], "--db"),
    (["audit", "--limit", "many"], "--limit"),
    (["audit", "--limit", "0"], "--limit"),
    (["audit", "NO-SUCH"], "NUMBER"),
    (["no-such-command"], "COMMAND"),
    (["case"], "COMMAND"),
    (["--demo", "case", "list"], "--demo"),
    (["--demo", "--db", "{db}"], "--db"),
]


@pytest.mark.parametrize(
    ("argv", "names"), BAD_INPUT, ids=[" ".join(a[:3]) + f" [{n}]" for a, n in BAD_INPUT]
)
def test_every_command_refuses_bad_input_with_one_clear_line(
    argv: list[str],
    names: str,
    one_case: Case,
    in_process: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = table_counts(in_process)
    shared = str(PACER_SAMPLES.parent)
    argv = [
        a.replace("{tmp}", str(tmp_path))
        .replace("{db}", str(in_process))
        .replace("{shared}", shared)
        for a in argv
    ]
    assert main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert names in lines[0]
    assert "Traceback" not in captured.err
    assert table_counts(in_process) == before


def test_an_unrelated_file_is_not_taken_for_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n")
    assert main(["case", "list", "--db", str(notes)]) == 2
    assert "not a docket database" in capsys.readouterr().err
    assert notes.read_text() == "shopping list\n"


def test_remind_exits_1_only_when_something_is_overdue(cli_env: dict[str, str]) -> None:
    assert (
        run(cli_env, "case", "add", "--number", "R-1", "--title", "R", "--kind", "civil").returncode
        == 0
    )
    run(cli_env, "deadline", "add", "R-1", "--due", "+2", "--title", "Brief due")
    calm = run(cli_env, "remind")
    assert calm.returncode == 0, calm.stderr
    assert "Brief due" in calm.stdout and "3-day reminder" in calm.stdout
    run(cli_env, "deadline", "add", "R-1", "--due", "11/23/26", "--title", "Missed filing")
    late = run(cli_env, "remind", "--json")
    assert late.returncode == 1
    data = json.loads(late.stdout)
    assert data["overdue"] == 1
    first = data["reminders"][0]
    assert (first["title"], first["day"], first["why"]) == (
        "Missed filing",
        "2026-11-23",
        "overdue by 2 days",
    )


def test_deadline_compute_text_then_json(cli_env: dict[str, str]) -> None:
    args = ["deadline", "compute", "--from", "2026-11-20", "--days", "14", "--service", "mail"]
    text = run(cli_env, *args)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    # 14 days from Fri 20 Nov is Fri 4 Dec; mail adds 3 days: Mon 7 Dec.
    assert lines[0] == "2026-12-07"
    assert any("6(d)" in line for line in lines[1:])
    as_json = run(cli_env, *args, "--json")
    data = json.loads(as_json.stdout)
    assert data["due"] == "2026-12-07" and data["from"] == "2026-11-20" and data["days"] == 14
    assert [step.strip() for step in lines[1:]] == data["steps"]
    backward = run(
        cli_env, "deadline", "compute", "--from", "2026-12-04", "--days", "14", "--before"
    )
    assert backward.stdout.splitlines()[0] == "2026-11-20"


def test_two_processes_adding_filings_at_once_get_gapless_entry_numbers(
    cli_env: dict[str, str], one_case: Case, db_path: Path, tmp_path: Path
) -> None:
    script = tmp_path / "add15.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            from docket.cli import main
            for i in range(15):
                code = main(["filing", "add", "CV-1", "--type", "notice",
                             "--title", f"{sys.argv[1]} {i}"])
                if code != 0:
                    sys.exit(code)
            """
        )
    )
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), name],
            env=cli_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    conn = Store.open(db_path).conn
    entries = [
        row[0]
        for row in conn.execute(
            "SELECT entry_no FROM filings WHERE case_id = ? ORDER BY entry_no", (one_case.id,)
        )
    ]
    conn.close()
    assert entries == list(range(1, 32))  # the fixture's entry 1, then 30 more


@pytest.mark.sqlite_only
def test_database_is_wal_intact_and_every_write_is_audited(
    cli_env: dict[str, str], db_path: Path
) -> None:
    run(cli_env, "init")
    run(cli_env, "case", "add", "--number", "A-1", "--title", "Audit v. Trail", "--kind", "civil")
    run(cli_env, "filing", "add", "A-1", "--type", "notice", "--title", "One")
    run(cli_env, "filing", "add", "A-1", "--type", "motion", "--title", "Two")
    run(cli_env, "note", "A-1", "Called the clerk", "--source", "phone")
    run(cli_env, "filing", "void", "A-1", "1", "--reason", "wrong case")
    assert (db_path.stat().st_mode & 0o777) == 0o600
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table in ("cases", "filings", "notes", "deadlines", "status_changes"):
            rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            inserts = conn.execute(
                "SELECT count(*) FROM audit_log WHERE entity = ? AND action = 'insert'", (table,)
            ).fetchone()[0]
            assert rows == inserts > 0, table
        voids = conn.execute(
            "SELECT who, before, after FROM audit_log WHERE action = 'void'"
        ).fetchall()
        assert len(voids) == 1 and voids[0][0] == "tester"
        assert json.loads(voids[0][2])["void_reason"] == "wrong case"
    finally:
        conn.close()


def test_trigger_filing_prints_the_deadlines_it_created_and_how(
    one_case: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "filing",
        "add",
        "CV-1",
        "--type",
        "motion",
        "--title",
        "Motion to compel",
        "--date",
        "11/20/26",
        "--service",
        "electronic",
        "--served",
        "11/20/26",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Entry 2 on CV-1, filed 2026-11-20: Motion to compel" in out
    assert "Deadline 2026-12-04: Response to motion due" in out
    assert "Trigger: Fri 20 Nov 2026" in out


def test_case_list_unresolved_first_with_reasons_and_json(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiet = store.add_case(
        Case(number="Q-1", title="Quiet v. Matter", kind="civil", opened_on=date(2026, 1, 5))
    )
    done = store.add_case(Case(number="D-1", title="Done v. Dusted", kind="civil"))
    assert quiet.id and done.id
    store.change_stage(done.id, "closed", disposition="settled")
    store.add_case(Case(number="N-1", title="New v. Fresh", kind="civil"))
    assert main(["case", "list"]) == 0
    out = capsys.readouterr().out
    assert out.index("Q-1") < out.index("N-1") < out.index("Resolved") < out.index("D-1")
    assert "needs attention: quiet since 2026-01-05, nothing scheduled" in out
    assert main(["case", "list", "--open", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in rows] == ["Q-1", "N-1"]
    assert rows[0]["attention"].startswith("quiet since")


def test_status_moves_stay_lift_close_and_reopen(
    one_case: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "CV-1", "set", "served", "--on", "11/25/26", "--note", "Served"]) == 0
    assert (
        main(["status", "CV-1", "set", "stay", "--note", "Settlement talks", "--until", "+30"]) == 0
    )
    assert main(["status", "CV-1", "set", "lift"]) == 0
    assert main(["status", "CV-1", "set", "closed", "--disposition", "settled"]) == 0
    assert main(["status", "CV-1", "set", "reopen", "--note", "Settlement fell through"]) == 0
    capsys.readouterr()
    assert main(["status", "CV-1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["stage"] == "motions" and data["resolved"] is False
    assert [h["event"] for h in data["history"]] == [
        "open",
        "stage",
        "stay",
        "lift",
        "stage",
        "reopen",
    ]
    assert data["history"][1]["changed_on"] == "2026-11-25"


def test_party_conflict_and_counsel_shown_on_the_case(
    store: Store, one_case: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = store.add_case(Case(number="CV-2", title="Able v. Charlie", kind="civil"))
    assert other.id
    store.add_party(other.id, "Ann Able", "plaintiff")
    assert main(["party", "add", "CV-1", "--name", "Ann Able", "--role", "plaintiff"]) == 0
    assert (
        "Conflict check: Ann Able also appears on CV-2 Able v. Charlie" in capsys.readouterr().out
    )
    assert (
        main(
            [
                "party",
                "add",
                "CV-1",
                "--name",
                "Lou Lawyer",
                "--role",
                "counsel",
                "--for",
                "ann able",
            ]
        )
        == 0
    )
    assert main(["case", "show", "CV-1"]) == 0
    assert "Lou Lawyer  (for Ann Able)" in capsys.readouterr().out


def test_follow_up_search_and_backup(
    one_case: Case, in_process: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "follow-up", "CV-1", "yesterday"]) == 0
    assert main(["remind", "--json"]) == 0
    data = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert data["reminders"][-1]["why"] == "follow-up due 2026-11-24"
    assert main(["search", "baker", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["case_number"] == "CV-1"
    copy = tmp_path / "copies" / "backup.db"
    assert main(["backup", str(copy)]) == 0
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT number FROM cases").fetchall() == [("CV-1",)]
    conn.close()


def test_db_flag_wins_over_environment_and_demo_writes_once(
    in_process: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere.db"
    assert main(["demo", "--db", str(elsewhere)]) == 0
    assert holds_nothing(in_process)
    assert main(["case", "show", "SFCSO-2021-1021", "--db", str(elsewhere)]) == 0
    assert "Halyna Hutchins" in capsys.readouterr().out
