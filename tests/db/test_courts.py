"""Courts in the store: added courts, the registry check on new cases, the migration of old
free-text courts, and the flag on cases whose court is still unknown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.migrations import migrations
from db.store import Store
from docket.clock import Clock
from docket.courts import Court
from docket.errors import InputError, Refused
from docket.models import Case, CaseKind, Filing
from tests.conftest import TODAY
from tests.db.builders import add_case, case_id


def test_a_new_case_in_an_unknown_court_is_refused_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(InputError) as caught:
        store.add_case(
            Case(number="1", title="A v. B", kind=CaseKind.CIVIL, court="nmx"),
            registered_court=True,
        )
    assert caught.value.field == "court"
    assert store.count_cases() == 0
    assert store.conn.execute("SELECT count(*) FROM audit_log").fetchone() == (0,)


def test_a_case_takes_its_courts_id_and_holidays(store: Store) -> None:
    case = store.add_case(
        Case(number="D-101-CV-2026-1", title="A v. B", kind=CaseKind.CIVIL, court="NM-DIST-1"),
        registered_court=True,
    )
    assert (case.court, case.calendar) == ("nm-dist-1", "US-NM")


def test_an_added_court_is_listed_and_can_hold_cases(store: Store) -> None:
    court = Court(
        id="nm-tribal-1",
        name="Example Tribal Court",
        system="state",
        kind="trial",
        state="NM",
        tz="America/Denver",
        rules="nm",
        holidays="US-NM",
    )
    saved = store.add_court(court)
    assert saved.added
    listed = store.court_registry().get("nm-tribal-1")
    assert listed is not None and listed.added and listed.name == "Example Tribal Court"
    store.add_case(
        Case(number="T-1", title="A v. B", kind=CaseKind.CIVIL, court="nm-tribal-1"),
        registered_court=True,
    )
    with pytest.raises(Refused):
        store.add_court(court)
    with pytest.raises(Refused):
        store.add_court(court.model_copy(update={"id": "nmd"}))


def test_a_case_in_an_unregistered_court_is_flagged_and_its_deadlines_say_so(
    store: Store,
) -> None:
    case = add_case(store, court="Tumbleweed Municipal Court")
    _, created = store.add_filing(
        case_id(case),
        Filing(
            filed_on=date(2026, 11, 2),
            served_on=date(2026, 11, 2),
            doc_type="complaint",
            title="Complaint",
        ),
    )
    assert [row[1:3] for row in store.cases_in_unregistered_courts()] == [
        ("1:24-cv-01234", "Tumbleweed Municipal Court")
    ]
    answer = next(d for d in created if d.rule == "frcp-12a-answer")
    assert "is not in the registry" in answer.computation[-1]
    assert "(assumed)" in answer.computation[-1]


def test_a_registered_courts_deadlines_name_the_court_and_rule_set(store: Store) -> None:
    case = add_case(store, court="nmd")
    _, created = store.add_filing(
        case_id(case),
        Filing(filed_on=date(2026, 11, 2), doc_type="complaint", title="Complaint"),
    )
    assert store.cases_in_unregistered_courts() == []
    last = created[0].computation[-1]
    assert "Federal rules" in last and "nmd" in last and "FRCP 6(a)" in last


def _old_database(path: Path, courts: list[tuple[str, str]]) -> None:
    """A database as it was before the registry: courts stored as typed."""
    db = Database(path)
    migrations.apply(db, stop_before="m006_court_registry")
    for number, court in courts:
        db.execute(
            "INSERT INTO cases (number, court, title, kind, stage, created_at, updated_at) "
            "VALUES (?, ?, 'A v. B', 'civil', 'filed', 'now', 'now')",
            [number, court],
        )
    db.conn.commit()
    db.close()


def test_migration_moves_old_courts_onto_registered_ids(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(
        path,
        [
            ("1:26-cv-1", "NMD"),
            ("D-101-CR-2026-0442", "First Judicial District (fictional division)"),
            ("26-0455", "nm-app (fictional)"),
            ("SFCSO-1", "Santa Fe County Sheriff's Office"),
            ("INV-1", "Tumbleweed Precinct Internal Affairs (fictional)"),
        ],
    )
    with Store.open(path, clock=Clock(TODAY), user="tester") as store:
        rows = store.query_rows("SELECT number, court, calendar FROM cases ORDER BY id")
        assert rows == [
            ("1:26-cv-1", "nmd", "US-NM"),
            ("D-101-CR-2026-0442", "nm-dist-1", "US-NM"),
            ("26-0455", "nmctapp", "US-NM"),
            ("SFCSO-1", "nm-sfcso", "US-NM"),
            ("INV-1", "Tumbleweed Precinct Internal Affairs (fictional)", "US"),
        ]
        flagged = [row[1] for row in store.cases_in_unregistered_courts()]
        assert flagged == ["INV-1"]


def test_a_state_prosecution_gets_no_speedy_trial_act_clock(store: Store) -> None:
    state = add_case(store, "D-101-CR-2026-1", court="nm-dist-1", kind=CaseKind.CRIMINAL)
    federal = add_case(store, "2:26-cr-1", court="nmd", kind=CaseKind.CRIMINAL)
    information = Filing(filed_on=date(2026, 11, 2), doc_type="information", title="Information")
    _, state_created = store.add_filing(case_id(state), information)
    _, federal_created = store.add_filing(case_id(federal), information)
    assert state_created == []
    assert [d.rule for d in federal_created] == ["speedy-trial"]


def test_a_complaint_in_a_new_mexico_district_court_answers_in_30_days(store: Store) -> None:
    case = add_case(store, "D-101-CV-2026-1", court="nm-dist-1")
    _, created = store.add_filing(
        case_id(case),
        Filing(
            filed_on=date(2026, 11, 2),
            served_on=date(2026, 11, 4),
            doc_type="complaint",
            title="Complaint",
        ),
    )
    # NMRA 1-012(A): served Wed 4 Nov 2026 + 30 = Fri 4 Dec 2026, a court day. No 4(m)
    # service deadline: that is a federal rule. The defendant's time to remove to federal
    # court (28 U.S.C. 1446(b)) is the same 30 days.
    assert [(d.rule, d.due_on) for d in created] == [
        ("nm-1-012a-answer", date(2026, 12, 4)),
        ("usc-1446b-removal", date(2026, 12, 4)),
    ]
    assert created[0].citation == "NMRA 1-012(A)"
