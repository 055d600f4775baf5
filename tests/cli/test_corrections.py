"""Correcting the record from the shell: entry edits, hearing outcomes and continuances,
waivers, court closures, the audit trail and the status page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from docket.models import Case, CaseKind, Deadline, Filing
from fixtures.demo import ANCHOR_NUMBER, ANCHOR_SOURCE, load_demo
from tests.cli.helpers import table_counts
from tests.conftest import run


@pytest.fixture
def civil(store: Store) -> Case:
    case = store.add_case(Case(number="CV-7", title="Able v. Baker", kind=CaseKind.CIVIL))
    assert case.id is not None
    return case


def test_changing_service_to_mail_recounts_the_response_and_audits_it(
    cli_env: dict[str, str],
) -> None:
    case = run(cli_env, "case", "add", "--number", "CV-7", "--title", "A v. B", "--kind", "civil")
    assert case.returncode == 0, case.stderr
    filed = run(
        cli_env,
        "filing",
        "add",
        "CV-7",
        "--type",
        "motion",
        "--title",
        "Motion to dismiss",
        "--date",
        "11/9/26",
        "--served",
        "11/9/26",
        "--service",
        "electronic",
    )
    assert filed.returncode == 0, filed.stderr
    # Served electronically Mon 9 Nov: 14 days is Mon 23 Nov, a court day.
    assert "Deadline 2026-11-23: Response to motion due" in filed.stdout

    edited = run(cli_env, "filing", "edit", "CV-7", "1", "--service", "mail")
    assert edited.returncode == 0, edited.stderr
    # By mail 3 days more: Thu 26 Nov, Thanksgiving, so Fri 27 Nov.
    assert "Entry 1 on CV-7 updated (--service)" in edited.stdout
    assert "now due 2026-11-27: Response to motion due" in edited.stdout

    shown = run(cli_env, "case", "show", "CV-7")
    assert "2026-11-27  open      Response to motion due" in shown.stdout
    assert "served 2026-11-09 (mail)" in shown.stdout
    assert "Served by mail: 3 days added (FRCP 6(d)): Thu 26 Nov 2026" in shown.stdout
    assert "Thanksgiving Day: moved to Fri 27 Nov 2026" in shown.stdout

    audit = run(cli_env, "audit", "CV-7", "--json")
    entries = json.loads(audit.stdout)
    filing_edit = next(e for e in entries if e["entity"] == "filings" and e["action"] == "update")
    assert filing_edit["changes"]["service"] == ["electronic", "mail"]
    assert filing_edit["before"]["service"] == "electronic"
    recount = next(e for e in entries if e["entity"] == "deadlines" and e["action"] == "update")
    assert recount["changes"]["due_on"] == ["2026-11-23", "2026-11-27"]
    text = run(cli_env, "audit", "CV-7")
    assert "service: electronic -> mail" in text.stdout
    assert "due_on: 2026-11-23 -> 2026-11-27" in text.stdout
    # Newest first: the recount comes before the filing it followed from.
    assert text.stdout.index("due_on: 2026-11-23") < text.stdout.index("insert  filings")


def test_a_voided_entry_cannot_be_edited(
    store: Store, civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert civil.id is not None
    store.add_filing(civil.id, Filing(filed_on=date(2026, 11, 2), doc_type="notice", title="N"))
    store.void_filing(civil.id, 1, "wrong case")
    before = table_counts(in_process)
    assert main(["filing", "edit", "CV-7", "1", "--title", "Fixed"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("docket: ENTRY_NO: entry 1 is voided (wrong case)")
    assert table_counts(in_process) == before
    assert store.filing_by_entry(civil.id, 1).title == "N"


def test_clearing_the_service_date_counts_from_filing_again(
    store: Store, civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert civil.id is not None
    store.add_filing(
        civil.id,
        Filing(
            filed_on=date(2026, 11, 2),
            doc_type="motion",
            title="Motion",
            served_on=date(2026, 11, 9),
            service="electronic",
        ),
    )
    assert main(["filing", "edit", "CV-7", "1", "--served", "none", "--service", "none"]) == 0
    out = capsys.readouterr().out
    # From filing on Mon 2 Nov: 14 days is Mon 16 Nov.
    assert "now due 2026-11-16: Response to motion due" in out
    assert "Service date not entered" in out
    saved = store.filing_by_entry(civil.id, 1)
    assert saved.served_on is None and saved.service is None


def test_continuing_a_motion_hearing_keeps_it_and_sets_the_new_one(
    store: Store, civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = ["hearing", "add", "CV-7", "--at", "12/10/26 9:30am", "--kind", "motion hearing"]
    assert main(added) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "hearing",
                "set",
                "CV-7",
                "1",
                "--to",
                "12/17/26 10am",
                "--outcome",
                "continued at [b]plaintiff's[/b] request",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Hearing #1 on CV-7 continued to 2026-12-17 10:00" in out
    # 7 days before Thu 17 Dec is Thu 10 Dec.
    assert "Deadline 2026-12-10: Opposing affidavits due" in out
    assert main(["hearing", "list", "CV-7", "--json"]) == 0
    hearings = json.loads(capsys.readouterr().out)
    assert [(h["id"], h["status"]) for h in hearings] == [(1, "continued"), (2, "scheduled")]
    assert hearings[0]["continued_to"].startswith("2026-12-17T10:00")
    assert hearings[0]["outcome"] == "continued at [b]plaintiff's[/b] request"
    assert civil.id is not None
    by_trigger = {
        (d.trigger_hearing_id, d.status.value) for d in store.deadlines(civil.id, limit=50)
    }
    assert by_trigger == {(1, "withdrawn"), (2, "open")}
    assert main(["hearing", "set", "CV-7", "1", "--to", "12/20/26 9am"]) == 2
    assert "only a scheduled hearing is continued" in capsys.readouterr().err


def test_hearing_held_with_outcome_shows_on_the_case(
    civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = ["hearing", "add", "CV-7", "--at", "11/20/26 9am", "--kind", "status conference"]
    assert main(added) == 0
    assert main(["hearing", "set", "CV-7", "1", "--status", "held", "--outcome", "Trial set"]) == 0
    capsys.readouterr()
    assert main(["case", "show", "CV-7"]) == 0
    out = capsys.readouterr().out
    assert "#1    2026-11-20 09:00" in out and "[held]" in out
    assert "outcome: Trial set" in out


def test_waive_and_show_a_deadline(
    store: Store, civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert civil.id is not None
    store.add_filing(
        civil.id,
        Filing(filed_on=date(2026, 11, 20), doc_type="complaint", title="Complaint"),
    )
    deadline = store.deadlines(civil.id)[0]
    assert main(["deadline", "show", "CV-7", str(deadline.id)]) == 0
    out = capsys.readouterr().out
    assert f"Deadline #{deadline.id} on CV-7: {deadline.title}" in out
    assert f"Rule: {deadline.rule} ({deadline.citation})" in out
    assert "Trigger: entry 1, Complaint, filed 2026-11-20" in out
    assert "How it was counted:" in out and deadline.computation[-1] in out
    assert main(["deadline", "waive", "CV-7", str(deadline.id), "--note", "Stipulated"]) == 0
    assert "waived on 2026-11-25" in capsys.readouterr().out
    assert main(["deadline", "show", "CV-7", str(deadline.id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "waived" and data["trigger"]["entry_no"] == 1
    assert "Stipulated" in store.notes(civil.id)[0].text
    assert main(["deadline", "waive", "CV-7", str(deadline.id)]) == 2
    assert "already waived" in capsys.readouterr().err


def test_closure_counts_deadlines_on_that_day_and_compute_uses_it(
    store: Store, civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert civil.id is not None
    store.add_deadline(civil.id, Deadline(due_on=date(2026, 11, 27), title="Brief"))
    args = ["deadline", "compute", "--from", "2026-11-13", "--days", "14"]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2026-11-27"
    assert main(["closure", "add", "11/27/26", "--name", "Court closed: power outage"]) == 0
    out = capsys.readouterr().out
    assert "Closure on 2026-11-27 for every calendar: Court closed: power outage" in out
    assert "1 open deadline falls on 2026-11-27; it was not moved" in out
    assert store.deadlines(civil.id)[0].due_on == date(2026, 11, 27)
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    # Fri 27 Nov closed, then the weekend: Mon 30 Nov.
    assert lines[0] == "2026-11-30"
    assert any("Court closed: power outage" in line for line in lines)
    assert main(["closure", "add", "2026-11-27", "--name", "Again"]) == 2
    assert "already a closure" in capsys.readouterr().err
    assert main(["closure", "add", "2026-12-24", "--name", "Snow", "--calendar", "us-nm"]) == 0
    capsys.readouterr()
    assert main(["closure", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"day": "2026-11-27", "calendar": None, "name": "Court closed: power outage"},
        {"day": "2026-12-24", "calendar": "US-NM", "name": "Snow"},
    ]


def test_compute_without_a_database_creates_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    monkeypatch.setenv("DOCKET_DB", str(missing))
    assert main(["deadline", "compute", "--from", "2026-11-13", "--days", "14"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2026-11-27"
    assert not missing.exists()


def test_audit_of_everything_is_newest_first_and_limited(
    civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["closure", "add", "2026-12-24", "--name", "Closed"]) == 0
    assert main(["note", "CV-7", "Called the clerk"]) == 0
    capsys.readouterr()
    assert main(["audit", "--limit", "2", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["action"], e["entity"]) for e in entries] == [
        ("insert", "notes"),
        ("insert", "court_closures"),
    ]
    assert entries[0]["who"] == "tester"
    assert entries[0]["changes"]["text"] == [None, "Called the clerk"]


def test_status_page_of_the_demo_anchor_case(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_demo(store)
    assert main(["status", ANCHOR_NUMBER]) == 0
    out = capsys.readouterr().out
    assert "Stage: active (unresolved, as reported 2022-01-06)" in out
    assert "Follow up on: 2026-11-24" in out
    assert "Last activity: 2022-01-" in out
    assert "Needs attention: follow-up due 2026-11-24" in out
    assert "Can move to: " in out and "(or: stay)" in out
    history = out[out.index("History:") :]
    assert "  open   intake\n        Opened in docket" in history
    assert "2022-01-03  stage  intake -> active" in history
    assert f"source: {ANCHOR_SOURCE}, as reported 2022-01-06" in history


def test_moving_a_motion_hearing_recounts_its_deadlines(
    civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = ["hearing", "add", "CV-7", "--at", "12/10/26 9:30am", "--kind", "motion hearing"]
    assert main(added) == 0
    capsys.readouterr()
    assert main(["hearing", "set", "CV-7", "1", "--at", "12/17/26 9:30am"]) == 0
    out = capsys.readouterr().out
    assert "Hearing on CV-7 updated: #1    2026-12-17 09:30" in out
    # 7 days before Thu 17 Dec is Thu 10 Dec; 14 days before is Thu 3 Dec.
    assert "now due 2026-12-10: Opposing affidavits due (FRCP 6(c)(2))" in out
    assert "now due 2026-12-03: Written motion and notice of hearing must be served" in out


def test_retyping_an_entry_says_which_deadlines_were_withdrawn(
    store: Store, civil: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert civil.id is not None
    store.add_filing(civil.id, Filing(filed_on=date(2026, 11, 9), doc_type="motion", title="M"))
    assert main(["filing", "edit", "CV-7", "1", "--type", "judgment"]) == 0
    out = capsys.readouterr().out
    assert "withdrawn, its rule no longer applies: Response to motion due" in out
    assert "now due 2026-12-09: Notice of appeal due" in out
