"""Editing a case in the store: one audited write, and a new court recounts the open rule
deadlines under its own rules (dates counted by hand in each test)."""

from __future__ import annotations

from datetime import date

import pytest

from db.store import Store
from docket.errors import InputError, Refused, StaleRecord
from docket.models import Case, CaseKind, DeadlineStatus, Filing, ServiceMethod
from tests.cli.helpers import table_counts
from tests.db.builders import add_case, add_deadline, case_id


def _complaint(store: Store, case: Case) -> Filing:
    saved, _ = store.add_filing(
        case_id(case),
        Filing(
            filed_on=date(2026, 11, 2),
            doc_type="complaint",
            title="Complaint",
            served_on=date(2026, 11, 4),
            service=ServiceMethod.PERSONAL,
        ),
    )
    return saved


def _open_deadlines(store: Store, case: Case) -> dict[str, tuple[str, str, str]]:
    return {
        d.title: (d.due_on.isoformat(), d.rule or "", d.citation or "")
        for d in store.deadlines(case_id(case), include_closed=False)
    }


def test_moving_a_federal_complaint_to_a_state_court_recounts_the_answer(store: Store) -> None:
    case = add_case(store, "1:26-cv-00071", court="nmd")
    _complaint(store, case)
    # Served Wed 4 Nov 2026; FRCP 12(a)(1)(A)(i): 21 days later is Wed 25 Nov, a court day.
    assert _open_deadlines(store, case)["Answer to complaint due"] == (
        "2026-11-25",
        "frcp-12a-answer",
        "FRCP 12(a)(1)(A)(i)",
    )

    edit = store.edit_case(case_id(case), {"court": "nm-dist-1"})

    assert edit.changed == ["court"]
    assert (edit.saved.court, edit.saved.calendar) == ("nm-dist-1", "US-NM")
    # NMRA 1-012(A): 30 days after service on Wed 4 Nov: Nov 5..30 are 26 days, Dec 1..4 the
    # other 4: Fri 4 Dec 2026, a court day in New Mexico.
    answer = _open_deadlines(store, case)["Answer to complaint due"]
    assert answer == ("2026-12-04", "nm-1-012a-answer", "NMRA 1-012(A)")
    [moved] = edit.moved
    assert (moved.before.due_on, moved.after.due_on) == (date(2026, 11, 25), date(2026, 12, 4))
    assert moved.before.id == moved.after.id
    assert "NMRA 1-012(A)" in moved.after.computation[0]
    # FRCP 4(m) has no New Mexico counterpart among the rules: withdrawn, kept for the record.
    assert [d.rule for d in edit.withdrawn] == ["frcp-4m-service"]
    # New in a state court: the time to remove (28 U.S.C. 1446(b)), 30 days after service on
    # Wed 4 Nov 2026: Fri 4 Dec 2026.
    assert [(d.rule, d.due_on) for d in edit.added] == [("usc-1446b-removal", date(2026, 12, 4))]


def test_the_edit_is_audited_before_and_after_with_its_deadlines(store: Store) -> None:
    case = add_case(store, "1:26-cv-00071", court="nmd")
    _complaint(store, case)
    audited = store.conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    store.edit_case(case_id(case), {"court": "nm-dist-1", "judge": "Hon. R. Vega"})
    rows = store.conn.execute(
        "SELECT entity, json_extract(before, '$.court'), json_extract(after, '$.court'), "
        "json_extract(before, '$.due_on'), json_extract(after, '$.due_on') "
        "FROM audit_log WHERE id > ? ORDER BY id",
        (audited,),
    ).fetchall()
    assert rows[0] == ("cases", "nmd", "nm-dist-1", None, None)
    assert ("deadlines", None, None, "2026-11-25", "2026-12-04") in rows
    assert store.get_case(case_id(case)).version == case.version + 1
    assert store.get_case(case_id(case)).judge == "Hon. R. Vega"


def test_closed_and_hand_entered_deadlines_are_not_recounted(store: Store) -> None:
    case = add_case(store, "1:26-cv-00071", court="nmd")
    _complaint(store, case)
    by_rule = {d.rule: d for d in store.deadlines(case_id(case))}
    answer = by_rule["frcp-12a-answer"]
    assert answer.id is not None
    store.waive_deadline(answer.id, case_id=case_id(case))
    typed = add_deadline(store, case, date(2026, 12, 10), "Exchange exhibits")

    edit = store.edit_case(case_id(case), {"court": "nm-dist-1"})

    assert edit.moved == []
    waived = store.get_deadline(answer.id)
    assert (waived.status, waived.due_on, waived.rule) == (
        DeadlineStatus.WAIVED,
        date(2026, 11, 25),
        "frcp-12a-answer",
    )
    assert typed.id is not None
    assert store.get_deadline(typed.id) == typed
    # The waived answer stands for New Mexico's answer rule too: no second answer deadline.
    assert "Answer to complaint due" not in _open_deadlines(store, case)


def test_a_state_criminal_case_loses_the_speedy_trial_act_clock(store: Store) -> None:
    case = add_case(store, "1:26-cr-00010", court="nmd", kind=CaseKind.CRIMINAL)
    store.add_filing(
        case_id(case), Filing(filed_on=date(2026, 11, 2), doc_type="indictment", title="Indictment")
    )
    assert "Trial must begin (Speedy Trial Act)" in _open_deadlines(store, case)
    edit = store.edit_case(case_id(case), {"court": "nm-dist-1"})
    assert [d.title for d in edit.withdrawn] == ["Trial must begin (Speedy Trial Act)"]
    assert not any("Speedy" in title for title in _open_deadlines(store, case))


def test_an_unknown_court_is_refused_with_the_closest_ids_and_nothing_changes(
    store: Store,
) -> None:
    case = add_case(store, "1:26-cv-00071", court="nmd")
    _complaint(store, case)
    before, stored = table_counts(store), store.get_case(case_id(case))
    with pytest.raises(InputError) as refused:
        store.edit_case(case_id(case), {"court": "nmx", "title": "Other v. Caption"})
    assert refused.value.field == "court"
    assert "nmd" in refused.value.problem and "nmb" in refused.value.problem
    assert table_counts(store) == before
    assert store.get_case(case_id(case)) == stored


def test_a_case_in_an_unregistered_court_stops_being_flagged_once_edited(store: Store) -> None:
    case = add_case(store, "T-1", court="Tumbleweed Municipal Court")
    assert [row[1] for row in store.cases_in_unregistered_courts()] == ["T-1"]
    # Editing something else keeps the court as stored (and the flag).
    store.edit_case(case_id(case), {"title": "Able v. Baker"})
    assert [row[1] for row in store.cases_in_unregistered_courts()] == ["T-1"]
    store.edit_case(case_id(case), {"court": "nm-metro"})
    assert store.cases_in_unregistered_courts() == []
    assert store.court_of(store.get_case(case_id(case))) is not None


def test_an_edit_from_a_stale_copy_is_refused(store: Store) -> None:
    case = add_case(store)
    store.edit_case(case_id(case), {"judge": "Hon. R. Vega"})
    with pytest.raises(StaleRecord) as stale:
        store.edit_case(case_id(case), {"title": "Mine"}, version=case.version)
    assert stale.value.changed == ("judge",)
    assert store.get_case(case_id(case)).title == case.title


def test_a_number_taken_in_the_court_is_refused(store: Store) -> None:
    add_case(store, "1:26-cv-1", court="nmd")
    other = add_case(store, "1:26-cv-2", court="nmd")
    with pytest.raises(Refused, match="already exists"):
        store.edit_case(case_id(other), {"number": "1:26-cv-1"})
    # The same number in another court is another case.
    moved = store.edit_case(case_id(other), {"number": "1:26-cv-1", "court": "nysd"})
    assert (moved.saved.number, moved.saved.court) == ("1:26-cv-1", "nysd")


def test_a_kind_corrected_at_the_first_stage_takes_the_new_first_stage(store: Store) -> None:
    case = add_case(store, "2026-0537", court="nm-sfcso", kind=CaseKind.CIVIL)
    edit = store.edit_case(case_id(case), {"kind": "investigation"})
    assert (edit.saved.kind, edit.saved.stage) == (CaseKind.INVESTIGATION, "intake")
    assert edit.changed == ["kind", "stage"]
    assert store.status_history(case_id(case))[-1].to_stage == "intake"


def test_a_kind_change_the_stage_cannot_follow_is_refused(store: Store) -> None:
    case = add_case(store, kind=CaseKind.CIVIL)
    store.change_stage(case_id(case), "served")
    store.change_stage(case_id(case), "pleadings")
    with pytest.raises(Refused) as refused:
        store.edit_case(case_id(case), {"kind": "criminal"})
    assert refused.value.field == "kind"
    assert store.get_case(case_id(case)).kind == CaseKind.CIVIL


def test_an_edit_that_changes_nothing_writes_nothing(store: Store) -> None:
    case = add_case(store)
    before = table_counts(store)
    edit = store.edit_case(case_id(case), {"title": case.title})
    assert edit.changed == []
    assert table_counts(store) == before
