"""Ongoing status and deadlines end to end through the real `docket` command.

Every step runs `python -m docket` as a separate process on a real database file, as a
paralegal at a shell or a cron job would.
"""

from __future__ import annotations

import json

from tests.conftest import run


def _ok(env: dict[str, str], *args: str) -> str:
    result = run(env, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_mail_service_adds_3_days_and_moves_off_weekends_and_holidays(
    cli_env: dict[str, str],
) -> None:
    _ok(
        cli_env,
        "case",
        "add",
        "--number",
        "1:26-cv-300",
        "--title",
        "Mail v. Box",
        "--kind",
        "civil",
    )
    # Served by mail Wed 4 Nov 2026: 14 days is Wed 18 Nov (a court day); FRCP 6(d) adds 3,
    # giving Sat 21 Nov; the weekend moves it to Mon 23 Nov.
    weekend = _ok(
        cli_env,
        "filing",
        "add",
        "1:26-cv-300",
        "--type",
        "motion",
        "--title",
        "Motion to compel",
        "--date",
        "11/4/26",
        "--served",
        "11/4/26",
        "--service",
        "mail",
    )
    assert "Deadline 2026-11-23: Response to motion due" in weekend
    # Served by mail Mon 9 Nov 2026: 14 days is Mon 23 Nov (a court day); 3 more is
    # Thu 26 Nov, Thanksgiving (fourth Thursday of November), so Fri 27 Nov.
    holiday = _ok(
        cli_env,
        "filing",
        "add",
        "1:26-cv-300",
        "--type",
        "motion",
        "--title",
        "Motion to dismiss",
        "--date",
        "11/9/26",
        "--served",
        "11/9/26",
        "--service",
        "mail",
    )
    assert "Deadline 2026-11-27: Response to motion due" in holiday

    shown = _ok(cli_env, "case", "show", "1:26-cv-300")
    deadlines = shown[shown.index("\nDeadlines") : shown.index("\nStatus history")]
    assert "2026-11-23  open      Response to motion due" in deadlines
    assert "2026-11-27  open      Response to motion due" in deadlines
    assert "Counted from service on Wed 4 Nov 2026" in deadlines
    assert "Served by mail: 3 days added (FRCP 6(d)): Sat 21 Nov 2026" in deadlines
    assert "Sat 21 Nov 2026 is a Saturday; Sun 22 Nov 2026 is a Sunday" in deadlines
    assert "Thu 26 Nov 2026 is Thanksgiving Day: moved to Fri 27 Nov 2026" in deadlines
    as_json = json.loads(_ok(cli_env, "case", "show", "1:26-cv-300", "--json"))
    assert sorted(d["due_on"] for d in as_json["deadlines"]) == ["2026-11-23", "2026-11-27"]


def test_demo_then_remind_lists_overdue_items_first_and_exits_1(cli_env: dict[str, str]) -> None:
    _ok(cli_env, "demo")
    text = run(cli_env, "remind")
    assert text.returncode == 1, text.stderr
    assert text.stdout.startswith("Overdue\n")
    assert "overdue by" in text.stdout
    as_json = run(cli_env, "remind", "--json")
    assert as_json.returncode == 1
    data = json.loads(as_json.stdout)
    reminders = data["reminders"]
    assert data["overdue"] >= 1 and reminders
    rank = {"overdue": 0, "today": 1, "upcoming": 2, "attention": 3}
    order = [(rank[r["urgency"]], r["day"] or "") for r in reminders if r["kind"] != "case"]
    assert order == sorted(order)
    assert reminders[0]["urgency"] == "overdue"
    assert [r["urgency"] for r in reminders].count("overdue") == data["overdue"]


def test_deadline_compute_matches_the_advisory_committee_example(
    cli_env: dict[str, str],
) -> None:
    # The 2009 Committee Note: a 30-day period ending Saturday 1 September 2007 runs to
    # Tuesday 4 September (Monday 3 September was Labor Day).
    forward = _ok(cli_env, "deadline", "compute", "--from", "2007-08-02", "--days", "30")
    assert forward.splitlines()[0] == "2007-09-04"
    assert "Labor Day" in forward
    # Counted backward, the same Saturday moves back to Friday 31 August (FRCP 6(a)(5)).
    backward = _ok(
        cli_env, "deadline", "compute", "--from", "2007-10-01", "--days", "30", "--before"
    )
    assert backward.splitlines()[0] == "2007-08-31"
    bad = run(cli_env, "deadline", "compute", "--from", "9/31/07", "--days", "30")
    assert bad.returncode == 2 and bad.stdout == ""
    lines = bad.stderr.strip().splitlines()
    assert len(lines) == 1 and "--from" in lines[0] and "Traceback" not in bad.stderr


def test_status_set_refuses_a_disallowed_move_and_closing_needs_a_disposition(
    cli_env: dict[str, str],
) -> None:
    _ok(cli_env, "case", "add", "--number", "CV-9", "--title", "Stage v. Step", "--kind", "civil")
    skipped = run(cli_env, "status", "CV-9", "set", "trial")
    assert skipped.returncode == 2
    line = skipped.stderr.strip()
    assert "\n" not in line and "trial" in line
    for allowed in ("served", "pleadings", "closed"):
        assert allowed in line
    closing = run(cli_env, "status", "CV-9", "set", "closed")
    assert closing.returncode == 2 and "--disposition" in closing.stderr
    assert json.loads(_ok(cli_env, "status", "CV-9", "--json"))["stage"] == "filed"
    closed = _ok(cli_env, "status", "CV-9", "set", "closed", "--disposition", "settled")
    assert "filed -> closed (settled)" in closed


def test_an_answer_meets_its_deadline_and_closing_withdraws_the_rest(
    cli_env: dict[str, str],
) -> None:
    _ok(cli_env, "case", "add", "--number", "CV-MET", "--title", "Met v. Due", "--kind", "civil")
    # Complaint filed Thu 1 Oct 2026: answer due Thu 22 Oct (21 days), service due Wed 30 Dec
    # (90 days: 30 to 31 Oct, 60 to 30 Nov, 90 to 30 Dec).
    _ok(
        cli_env,
        "filing",
        "add",
        "CV-MET",
        "--type",
        "complaint",
        "--title",
        "Complaint",
        "--date",
        "10/1/26",
    )
    late = run(cli_env, "remind")
    assert late.returncode == 1
    assert "Answer to complaint due" in late.stdout
    _ok(
        cli_env,
        "filing",
        "add",
        "CV-MET",
        "--type",
        "answer",
        "--title",
        "Answer",
        "--date",
        "11/20/26",
    )
    met = run(cli_env, "remind")
    assert met.returncode == 0, met.stdout
    assert "Answer to complaint due" not in met.stdout
    shown = json.loads(_ok(cli_env, "case", "show", "CV-MET", "--json"))
    # The answer also starts the time to demand a jury (FRCP 38(b)) and to amend once as a
    # matter of course (FRCP 15(a)(1)(B)).
    assert sorted((d["title"], d["status"]) for d in shown["deadlines"]) == [
        ("Answer to complaint due", "satisfied"),
        ("Jury demand due", "open"),
        ("Last day to amend the pleading once as a matter of course", "open"),
        ("Serve summons and complaint", "open"),
    ]
    _ok(cli_env, "deadline", "add", "CV-MET", "--due", "11/23/26", "--title", "Missed filing")
    assert run(cli_env, "remind").returncode == 1
    closed = _ok(cli_env, "status", "CV-MET", "set", "closed", "--disposition", "settled")
    # Open then: service (4(m)), the two the answer started and the one entered by hand; the
    # answer's was already met.
    assert "4 open deadlines withdrawn" in closed
    after = run(cli_env, "remind")
    assert after.returncode == 0, after.stdout
    assert "Missed filing" not in after.stdout
