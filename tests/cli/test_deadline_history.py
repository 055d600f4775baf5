"""What the CLI says about deadlines that are met, reopened, withdrawn and restored, and about
the deadlines an import set. Today is Wed 25 Nov 2026.

A complaint filed Mon 2 Nov 2026 sets the answer (21 days: Mon 23 Nov) and service (90 days:
28 left in Nov, 31 in Dec, 31 more is Sun 31 Jan 2027, which runs to Mon 1 Feb).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run


def _ok(env: dict[str, str], *args: str) -> str:
    result = run(env, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def case_with_complaint(env: dict[str, str], number: str = "CV-1") -> None:
    _ok(env, "case", "add", "--number", number, "--title", "A v. B", "--kind", "civil")
    _ok(env, "filing", "add", number, "--type", "complaint", "--title", "Complaint",
        "--date", "11/2/26")  # fmt: skip


def deadline_ids(env: dict[str, str], number: str = "CV-1") -> dict[str, int]:
    shown = json.loads(_ok(env, "case", "show", number, "--json"))
    return {d["rule"] or d["title"]: d["id"] for d in shown["deadlines"]}


def test_filing_add_names_the_deadline_the_entry_met(cli_env: dict[str, str]) -> None:
    case_with_complaint(cli_env)
    said = _ok(cli_env, "filing", "add", "CV-1", "--type", "answer", "--title", "Answer",
               "--date", "11/20/26")  # fmt: skip
    answer_id = deadline_ids(cli_env)["frcp-12a-answer"]
    assert (
        f"Met deadline #{answer_id}, due 2026-11-23: Answer to complaint due (FRCP 12(a)(1)(A)(i))"
    ) in said


def test_filing_add_json_carries_the_deadlines_met_and_set(cli_env: dict[str, str]) -> None:
    case_with_complaint(cli_env)
    data = json.loads(
        _ok(
            cli_env,
            "filing",
            "add",
            "CV-1",
            "--type",
            "answer",
            "--title",
            "Answer",
            "--date",
            "11/20/26",
            "--json",
        )  # fmt: skip
    )
    assert data["filing"]["entry_no"] == 2
    # The answer, Fri 20 Nov 2026, sets its own two: 38(b) jury demand, + 14 days = Fri 4 Dec;
    # 15(a)(1)(B) amendment as of course, + 21 days = Fri 11 Dec.
    assert sorted((d["rule"], d["due_on"]) for d in data["deadlines_created"]) == [
        ("frcp-15a1b-amend-as-of-course", "2026-12-11"),
        ("frcp-38b-jury-demand", "2026-12-04"),
    ]
    assert [(d["rule"], d["due_on"], d["status"], d["done_on"]) for d in data["deadlines_met"]] == [
        ("frcp-12a-answer", "2026-11-23", "satisfied", "2026-11-20")
    ]


def test_voiding_the_answer_reopens_its_deadline_and_says_so(cli_env: dict[str, str]) -> None:
    case_with_complaint(cli_env)
    _ok(cli_env, "filing", "add", "CV-1", "--type", "answer", "--title", "Answer",
        "--date", "11/20/26")  # fmt: skip
    assert run(cli_env, "remind").returncode == 0
    said = _ok(cli_env, "filing", "void", "CV-1", "2", "--reason", "wrong case")
    answer_id = deadline_ids(cli_env)["frcp-12a-answer"]
    assert (
        f"Deadline #{answer_id} reopened, overdue since 2026-11-23: Answer to complaint due" in said
    )
    late = run(cli_env, "remind")
    assert late.returncode == 1 and "Answer to complaint due" in late.stdout
    shown = _ok(cli_env, "deadline", "show", "CV-1", str(answer_id))
    assert "2026-11-20  satisfied by entry 2" in shown
    assert "2026-11-25  reopened (entry 2 voided)" in shown


def test_reopening_a_matter_restores_what_its_close_withdrew(cli_env: dict[str, str]) -> None:
    case_with_complaint(cli_env)
    _ok(cli_env, "deadline", "add", "CV-1", "--due", "12/4/26", "--title", "Exhibits")
    ids = deadline_ids(cli_env)
    _ok(cli_env, "deadline", "waive", "CV-1", str(ids["Exhibits"]), "--note", "agreed")
    closed = _ok(cli_env, "status", "CV-1", "set", "closed", "--disposition", "settled")
    assert "2 open deadlines withdrawn" in closed
    reopened = _ok(cli_env, "status", "CV-1", "set", "reopen", "--note", "fell through")
    # The waived one was not the close's doing: it stays waived.
    assert "2 deadlines the close withdrew are open again" in reopened
    shown = json.loads(_ok(cli_env, "case", "show", "CV-1", "--json"))
    assert sorted((d["title"], d["status"]) for d in shown["deadlines"]) == [
        ("Answer to complaint due", "open"),
        ("Exhibits", "waived"),
        ("Serve summons and complaint", "open"),
    ]
    service = _ok(cli_env, "deadline", "show", "CV-1", str(ids["frcp-4m-service"]))
    assert "Due: 2027-02-01   Status: open" in service
    assert "2026-11-25  withdrawn by the close on 2026-11-25 (matter closed (settled))" in service
    assert "2026-11-25  reopened (matter reopened)" in service
    history = json.loads(
        _ok(cli_env, "deadline", "show", "CV-1", str(ids["frcp-4m-service"]), "--json")
    )["history"]
    assert [(h["event"], h["by_close"]) for h in history] == [
        ("withdrawn", True),
        ("reopened", False),
    ]


def test_an_import_report_names_the_deadlines_past_at_import(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    _ok(cli_env, "case", "add", "--number", "CV-2", "--title", "C v. D", "--kind", "civil")
    path = tmp_path / "filings.csv"
    # Complaint Thu 1 Oct 2026: answer due Thu 22 Oct, past; service due Wed 30 Dec
    # (90 days: 30 to 31 Oct, 60 to 30 Nov, 90 to 30 Dec).
    path.write_text("date,type,title\n2026-10-01,complaint,Complaint\n", "utf-8")
    said = _ok(cli_env, "import", "csv", str(path), "--case", "CV-2")
    assert "1 deadline created; 1 already past at import (1 not calendared)" in said
    assert (
        "deadline 2026-10-22 past at import, not calendared: Answer to complaint due "
        "(frcp-12a-answer, FRCP 12(a)(1)(A)(i)) from CV-2 entry 1"
    ) in said
    assert "deadline 2026-12-30 open: Serve summons and complaint" in said
    # Past at import is not overdue: nothing to remind.
    assert run(cli_env, "remind").returncode == 0
    shown = _ok(cli_env, "deadline", "show", "CV-2", str(deadline_ids(cli_env, "CV-2")[
        "frcp-12a-answer"]))  # fmt: skip
    assert "Status: past at import" in shown

    path.write_text("date,type,title\n2026-10-02,complaint,Amended complaint\n", "utf-8")
    data = json.loads(_ok(cli_env, "import", "csv", str(path), "--case", "CV-2", "--json"))
    assert (data["deadlines_added"], data["deadlines_past"]) == (1, 1)
    # Fri 2 Oct + 21 days is Fri 23 Oct; + 90 days (29 to 31 Oct, 59 to 30 Nov, 90 to
    # 31 Dec) is Thu 31 Dec.
    assert [(d["entry_no"], d["rule"], d["due_on"], d["status"]) for d in data["deadlines"]] == [
        (2, "frcp-12a-answer", "2026-10-23", "lapsed"),
        (2, "frcp-4m-service", "2026-12-31", "open"),
    ]


def test_voiding_a_duplicate_answer_says_the_other_still_meets_it(
    cli_env: dict[str, str],
) -> None:
    case_with_complaint(cli_env)
    for day in ("11/20/26", "11/21/26"):
        _ok(cli_env, "filing", "add", "CV-1", "--type", "answer", "--title", "Answer",
            "--date", day)  # fmt: skip
    said = _ok(cli_env, "filing", "void", "CV-1", "2", "--reason", "entered twice")
    answer_id = deadline_ids(cli_env)["frcp-12a-answer"]
    assert f"Deadline #{answer_id} still met, by entry 3: Answer to complaint due" in said
    assert run(cli_env, "remind").returncode == 0
