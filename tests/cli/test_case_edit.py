"""`docket case edit`: every editable field, and a new court that recounts the deadlines and
says what moved (dates counted by hand in each test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from tests.cli.helpers import table_counts


def _out(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> str:
    assert main(list(argv)) == code
    captured = capsys.readouterr()
    return captured.out if code == 0 else captured.err


def _federal_complaint(capsys: pytest.CaptureFixture[str]) -> None:
    _out(capsys, "case", "add", "--number", "1:26-cv-00071", "--title", "Able v. Baker",
         "--kind", "civil", "--court", "nmd", "--opened", "2026-11-02")  # fmt: skip
    _out(capsys, "filing", "add", "1:26-cv-00071", "--type", "complaint", "--title", "Complaint",
         "--date", "2026-11-02", "--served", "2026-11-04", "--service", "personal")  # fmt: skip


def test_moving_the_court_prints_each_moved_deadline_old_to_new(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _federal_complaint(capsys)
    out = _out(capsys, "case", "edit", "1:26-cv-00071", "--court", "nm-dist-1")
    lines = out.splitlines()
    assert lines[0] == "1:26-cv-00071 in nm-dist-1 updated (--court): Able v. Baker"
    # Served Wed 4 Nov 2026. FRCP 12(a)(1)(A)(i): + 21 days = Wed 25 Nov. NMRA 1-012(A):
    # + 30 days = Fri 4 Dec (26 days to 30 Nov, 4 more), a court day.
    assert (
        "  Deadline #1 moved 2026-11-25 -> 2026-12-04: Answer to complaint due "
        "(NMRA 1-012(A)), was FRCP 12(a)(1)(A)(i)"
    ) in lines
    assert any("withdrawn" in line and "FRCP 4(m)" in line for line in lines)
    shown = _out(capsys, "case", "show", "1:26-cv-00071")
    assert "Court: " in shown and "(state, rules: nm" in shown
    assert "2026-12-04  open      Answer to complaint due  (NMRA 1-012(A))" in shown


def test_json_carries_what_moved(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _federal_complaint(capsys)
    data = json.loads(
        _out(capsys, "case", "edit", "1:26-cv-00071", "--court", "nm-dist-1", "--json")
    )
    assert data["case"]["court"] == "nm-dist-1" and data["changed"] == ["court"]
    [moved] = data["moved"]
    assert (moved["was_due_on"], moved["due_on"]) == ("2026-11-25", "2026-12-04")
    assert (moved["was_rule"], moved["rule"]) == ("frcp-12a-answer", "nm-1-012a-answer")
    assert [d["rule"] for d in data["withdrawn"]] == ["frcp-4m-service"]


def test_every_field_is_editable_and_none_clears(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _out(capsys, "case", "add", "--number", "2026-0537", "--title", "Set shooting",
         "--kind", "investigation", "--court", "nm-sfcso", "--judge", "Hon. A",
         "--summary", "Old summary", "--opened", "2026-10-01")  # fmt: skip
    out = _out(capsys, "case", "edit", "2026-0537", "--number", "2026-0538", "--title",
               "Set shooting (Rust)", "--kind", "civil", "--court", "nm-dist-1", "--judge",
               "none", "--summary", "New summary", "--opened", "2026-10-02", "--follow-up",
               "2026-12-01", "--calendar", "US")  # fmt: skip
    assert out.startswith("2026-0538 in nm-dist-1 updated (--number, --title, --kind, --court, ")
    data = json.loads(_out(capsys, "case", "show", "2026-0538", "--json"))["case"]
    assert {k: data[k] for k in ("number", "title", "kind", "court", "judge", "summary")} == {
        "number": "2026-0538",
        "title": "Set shooting (Rust)",
        "kind": "civil",
        "court": "nm-dist-1",
        "judge": None,
        "summary": "New summary",
    }
    assert (data["opened_on"], data["follow_up_on"], data["calendar"]) == (
        "2026-10-02",
        "2026-12-01",
        "US",
    )
    # An investigation still at its first stage becomes a civil matter at its first stage.
    assert data["stage"] == "filed"


def test_an_unknown_court_is_refused_like_case_add_and_nothing_is_written(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _federal_complaint(capsys)
    before = table_counts(in_process)
    err = _out(capsys, "case", "edit", "1:26-cv-00071", "--court", "nmx", "--title", "X",
               code=2)  # fmt: skip
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("docket: --court: 'nmx' is not a registered")
    assert "nmd" in lines[0] and "nmb" in lines[0]
    assert table_counts(in_process) == before


def test_editing_the_court_clears_the_unregistered_court_flag(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docket.models import Case, CaseKind

    store.add_case(
        Case(number="X-1", title="Old v. Court", kind=CaseKind.CIVIL, court="Tumbleweed")
    )
    assert "Court not in the registry" in _out(capsys, "remind")
    assert "is not in the registry" in _out(capsys, "case", "show", "X-1")
    _out(capsys, "case", "edit", "X-1", "--court", "nm-dist-1")
    assert "Court not in the registry" not in _out(capsys, "remind")
    assert "is not in the registry" not in _out(capsys, "case", "show", "X-1")
    assert json.loads(_out(capsys, "remind", "--json"))["unregistered_courts"] == []


def test_two_courts_numbers_are_told_apart_with_in(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for court in ("nmd", "nysd"):
        _out(capsys, "case", "add", "--number", "1:26-cv-1", "--title", f"In {court}",
             "--kind", "civil", "--court", court)  # fmt: skip
    err = _out(capsys, "case", "edit", "1:26-cv-1", "--title", "Z", code=2)
    assert err.startswith("docket: --in:") and "--in" in err
    _out(capsys, "case", "edit", "1:26-cv-1", "--in", "nysd", "--title", "Renamed")
    titles = {c.court: c.title for c in (store.find_case("1:26-cv-1", k) for k in ("nmd", "nysd"))}
    assert titles == {"nmd": "In nmd", "nysd": "Renamed"}


def test_nothing_to_change_is_refused(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _federal_complaint(capsys)
    err = _out(capsys, "case", "edit", "1:26-cv-00071", code=2)
    assert "nothing to change" in err


def test_an_opening_date_in_the_future_needs_yes(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _federal_complaint(capsys)
    before = table_counts(in_process)
    # Today is Wed 25 Nov 2026 in the tests.
    err = _out(capsys, "case", "edit", "1:26-cv-00071", "--opened", "2026-12-01", code=2)
    assert err.strip() == (
        "docket: --opened: 2026-12-01 is in the future (today is 2026-11-25); check the date, "
        "or add --yes to save it as typed"
    )
    assert table_counts(in_process) == before
    _out(capsys, "case", "edit", "1:26-cv-00071", "--opened", "2026-12-01", "--yes")
    assert str(store.find_case("1:26-cv-00071").opened_on) == "2026-12-01"
