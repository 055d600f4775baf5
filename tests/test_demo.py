"""The demo database: the anchor investigation as reported, and fictional matters that always
show every kind of urgency whatever day the demo is loaded on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.clock import Clock
from docket.models import CaseKind, PartyRole
from fixtures.demo import ANCHOR_NUMBER, load_demo
from tests.store_conftest import count


@pytest.fixture(params=[date(2026, 11, 25), date(2027, 2, 14)], ids=["wednesday", "sunday"])
def demo(request: pytest.FixtureRequest, tmp_path: Path):
    with Store.open(tmp_path / "demo.db", clock=Clock(request.param), user="tester") as store:
        load_demo(store)
        yield store


def test_anchor_investigation_is_unresolved_with_its_people_and_sourced_notes(demo: Store) -> None:
    case = demo.find_case(ANCHOR_NUMBER)
    assert case.id is not None
    assert case.kind == CaseKind.INVESTIGATION
    assert case.stage == "active" and case.closed_on is None
    assert case.calendar == "US-NM"
    assert case.opened_on == date(2021, 10, 21)
    assert "illustrative" in (case.summary or "")
    roles = {(p.name, p.role) for p in demo.case_parties(case.id)}
    assert ("Halyna Hutchins", PartyRole.DECEDENT) in roles
    assert ("Alec Baldwin", PartyRole.INVOLVED_PERSON) in roles
    notes = demo.notes(case.id)
    assert len(notes) >= 4
    assert all("Mike Reyes" in (n.source or "") for n in notes)
    assert any("Schneider" in n.text for n in notes)
    assert any("far from a definitive conclusion" in n.text for n in notes)
    history = demo.status_history(case.id)
    assert [h.to_stage for h in history] == ["open", "active"]
    flagged = {row.number: row.reason for row in demo.cases_needing_attention()}
    assert flagged[ANCHOR_NUMBER].startswith("follow-up due")


def test_agenda_always_has_overdue_today_this_week_and_later(demo: Store) -> None:
    today = demo.clock.today()
    days = [(item.day - today).days for item in demo.agenda()]
    assert any(d < 0 for d in days), "something overdue"
    assert any(d == 0 for d in days), "something today"
    assert any(1 <= d <= 7 for d in days), "something this week"
    assert any(d > 7 for d in days), "something later"
    assert demo.overdue_count() >= 1


def test_at_least_21_cases_of_all_five_kinds_open_closed_and_stayed(demo: Store) -> None:
    assert demo.count_cases() >= 21
    rows = demo.list_cases(limit=1000)
    assert {row.kind for row in rows} == set(CaseKind.choices())
    assert any(row.resolved for row in rows)
    assert sum(1 for row in rows if row.stayed) == 1
    assert len(demo.cases_needing_attention()) >= 3


def test_conflict_check_voided_entry_counsel_and_computed_deadlines(demo: Store) -> None:
    assert len({c.case_id for c in demo.party_conflicts("Quillfeather Holdings, Inc.")}) == 2
    case = demo.find_case("1:26-cv-00388")
    assert case.id is not None
    assert any(f.voided and f.void_reason for f in demo.filings(case.id))
    parties = demo.case_parties(case.id)
    clients = {p.id: p.name for p in parties}
    counsel = [(p.name, clients[p.represents_id]) for p in parties if p.represents_id]
    assert ("Tobias Inkwell", "Harrowgate Textiles LLC") in counsel
    computed = [d for d in demo.deadlines(case.id) if d.rule]
    assert computed and all(d.computation for d in computed)


def test_every_demo_write_is_audited(demo: Store) -> None:
    for table in ("cases", "filings", "notes", "deadlines", "hearings"):
        rows = count(demo, f"SELECT count(*) FROM {table}")
        audited = count(
            demo, "SELECT count(*) FROM audit_log WHERE entity = ? AND action = 'insert'", table
        )
        assert rows == audited > 0, table
