"""`docket court`, `case add --court`, `deadline compute --court`, `deadline show` and
`remind` as a paralegal uses them: the court decides the rules, and says so."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from docket.models import Case, CaseKind, Filing
from tests.cli.helpers import table_counts


def _out(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> str:
    assert main(list(argv)) == code
    captured = capsys.readouterr()
    return captured.out if code == 0 else captured.err


def test_court_list_json_has_the_contract_fields(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    courts = json.loads(_out(capsys, "court", "list", "--json"))
    by_id = {court["id"]: court for court in courts}
    assert {"id", "name", "system", "state", "tz", "rules", "holidays"} <= set(by_id["nmd"])
    assert by_id["nmd"]["system"] == "federal" and by_id["nmd"]["tz"] == "America/Denver"
    assert by_id["nm-dist-1"]["system"] == "state" and by_id["nm-dist-1"]["rules"] == "nm"
    assert by_id["nm-sfcso"]["rules"] is None


def test_court_add_then_a_case_in_it(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = _out(
        capsys,
        "court",
        "add",
        "--id",
        "nm-dist-14",
        "--name",
        "Example District Court",
        "--system",
        "state",
        "--state",
        "NM",
        "--tz",
        "America/Denver",
        "--rules",
        "nm",
    )
    assert "Added court nm-dist-14" in added
    err = _out(
        capsys,
        "court",
        "add",
        "--id",
        "nm-x",
        "--name",
        "X",
        "--system",
        "state",
        "--state",
        "NM",
        "--tz",
        "America/Denver",
        "--rules",
        "zz",
        code=2,
    )
    assert err.startswith("docket: --rules:") and len(err.strip().splitlines()) == 1
    _out(capsys, "case", "add", "--number", "1", "--title", "A v. B", "--kind", "civil",
         "--court", "nm-dist-14")  # fmt: skip
    shown = _out(capsys, "case", "show", "1")
    assert "Court: Example District Court (state, rules: nm" in shown


def test_case_add_refuses_an_unknown_court_with_the_closest_ids(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = table_counts(in_process)
    err = _out(
        capsys,
        "case",
        "add",
        "--number",
        "1:26-cv-1",
        "--title",
        "A v. B",
        "--kind",
        "civil",
        "--court",
        "nmx",
        code=2,
    )
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("docket: --court: 'nmx' is not a registered")
    assert "nmd" in lines[0] and "nmb" in lines[0]
    assert table_counts(in_process) == before


@pytest.mark.sqlite_only  # it checks that no database file is created
@pytest.mark.parametrize(
    ("start", "days", "court", "due"),
    [
        # Wed 28 Oct + 30 = Fri 27 Nov 2026. New Mexico keeps Presidents' Day that Friday,
        # a legal holiday in D.N.M. by FRCP 6(a)(6)(C); then the weekend: Mon 30 Nov.
        ("2026-10-28", "30", "nmd", "2026-11-30"),
        # New York keeps no holiday on Fri 27 Nov: the period ends on it.
        ("2026-10-28", "30", "nysd", "2026-11-27"),
        # Mon 2 Mar + 10 under NMRA 1-006(A)(2): ten court days, skipping 7-8 and 14-15 Mar:
        # Tue 3, Wed 4, Thu 5, Fri 6, Mon 9, Tue 10, Wed 11, Thu 12, Fri 13, Mon 16 Mar.
        ("2026-03-02", "10", "nm-dist-1", "2026-03-16"),
        # FRCP 6(a) counts every day: Mon 2 Mar + 10 = Thu 12 Mar, a court day.
        ("2026-03-02", "10", "nmd", "2026-03-12"),
        # An 11-day period is counted in calendar days in New Mexico too: Mon 2 Mar + 11 =
        # Fri 13 Mar (NMRA 1-006(A)(1)).
        ("2026-03-02", "11", "nm-dist-1", "2026-03-13"),
        # Fri 20 Nov + 5 court days in New Mexico: Mon 23, Tue 24, Wed 25 Nov, then
        # Thanksgiving (26), Presidents' Day (27) and the weekend are skipped: Mon 30 Nov,
        # Tue 1 Dec.
        ("2026-11-20", "5", "nm-dist-2", "2026-12-01"),
        # Mon 9 Feb + 7 = Mon 16 Feb, Washington's Birthday, a federal holiday: Tue 17 Feb.
        ("2026-02-09", "7", "nmd", "2026-02-17"),
        # New Mexico's courts sit on the federal Washington's Birthday (the state keeps the
        # day after Thanksgiving instead): 7 court days from Mon 9 Feb are Tue 10 ... Fri 13,
        # Mon 16, Tue 17, Wed 18 Feb.
        ("2026-02-09", "7", "nm-dist-1", "2026-02-18"),
    ],
)
def test_compute_counts_under_the_courts_rules(
    in_process: Path,
    capsys: pytest.CaptureFixture[str],
    start: str,
    days: str,
    court: str,
    due: str,
) -> None:
    out = _out(capsys, "deadline", "compute", "--from", start, "--days", days, "--court", court)
    lines = out.splitlines()
    assert lines[0] == due
    assert lines[1].strip().startswith("Counting rule: ")
    expected_rule = "NMRA 1-006" if court.startswith("nm-") else "FRCP 6(a)"
    assert expected_rule in lines[1]
    assert not in_process.exists()


def test_compute_json_names_court_rule_set_and_counting(
    in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(
        _out(
            capsys,
            "deadline",
            "compute",
            "--from",
            "2026-03-02",
            "--days",
            "10",
            "--court",
            "nm-dist-1",
            "--json",
        )
    )
    assert (data["due"], data["court"], data["rule_set"], data["counting"]) == (
        "2026-03-16",
        "nm-dist-1",
        "nm",
        "NMRA 1-006",
    )


def test_compute_refuses_an_agency_and_an_unknown_court(
    in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["deadline", "compute", "--from", "2026-03-02", "--days", "10", "--court"]
    assert "agency" in _out(capsys, *args, "nm-sfcso", code=2)
    assert "closest ids" in _out(capsys, *args, "nmx", code=2)


def test_deadline_show_names_court_rule_set_counting_and_steps(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = store.add_case(
        Case(number="D-101-CV-2026-7", title="A v. B", kind=CaseKind.CIVIL, court="nm-dist-1")
    )
    assert case.id is not None
    _, created = store.add_filing(
        case.id,
        Filing(
            filed_on=date(2026, 11, 2),
            served_on=date(2026, 11, 4),
            doc_type="complaint",
            title="Complaint",
        ),
    )
    # The answer, and beside it the defendant's time to remove (28 U.S.C. 1446(b)).
    answer, removal = created
    assert (answer.rule, removal.rule) == ("nm-1-012a-answer", "usc-1446b-removal")
    shown = _out(capsys, "deadline", "show", "D-101-CV-2026-7", str(answer.id))
    assert "Court: nm-dist-1 (First Judicial District Court" in shown
    assert "Rule set: New Mexico district court rules" in shown
    assert "Counting rule: NMRA 1-006" in shown
    # Served Wed 4 Nov + 30 (NMRA 1-012(A)) = Fri 4 Dec 2026, a court day.
    assert "Due: Fri 4 Dec 2026" in shown
    data = json.loads(_out(capsys, "deadline", "show", "D-101-CV-2026-7", str(answer.id), "--json"))
    assert data["counting"] == "NMRA 1-006" and data["due_on"] == "2026-12-04"


def test_remind_and_case_show_flag_a_court_not_in_the_registry(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_case(Case(number="X-1", title="Old v. Row", kind=CaseKind.CIVIL, court="Police"))
    text = _out(capsys, "remind")
    assert "Court not in the registry" in text and "X-1" in text
    data = json.loads(_out(capsys, "remind", "--json"))
    assert data["unregistered_courts"] == [
        {"number": "X-1", "court": "Police", "title": "Old v. Row"}
    ]
    assert "is not in the registry" in _out(capsys, "case", "show", "X-1")
