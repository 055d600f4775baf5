"""Pleading rules in a real case: what an amended complaint, a returned waiver, a Rule 12
motion and order, a United States party and a court's local rule do to the calendar.

Dates are counted by hand in the comments (FRCP 6(a)(1); D.N.M. also skips New Mexico's
holidays, 6(a)(6)(C)).
"""

from __future__ import annotations

from datetime import date

from db.store import Store
from docket.models import DeadlineStatus, Filing, PartyKind, PartyRole, ServiceMethod
from tests.db.builders import add_case, add_hearing, case_id


def rules_of(store: Store, cid: int) -> dict[str, tuple[date, DeadlineStatus]]:
    return {d.rule: (d.due_on, d.status) for d in store.deadlines(cid) if d.rule}


def complaint(store: Store, cid: int, *, served_on: date | None) -> Filing:
    saved, _ = store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 10, 1),
            served_on=served_on,
            service=ServiceMethod.PERSONAL if served_on else None,
            doc_type="complaint",
            title="Complaint",
        ),
    )
    return saved


def test_an_amended_complaint_keeps_4m_and_answers_14_days_after_service(store: Store) -> None:
    cid = case_id(add_case(store))
    # Complaint filed Thu 1 Oct 2026, served Mon 5 Oct: answer + 21 = Mon 26 Oct;
    # 4(m): filed + 90 = Wed 30 Dec (Oct 1->31: 30, Nov: 60, Dec 1->30: 90).
    complaint(store, cid, served_on=date(2026, 10, 5))
    saved, created = store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 10, 20),
            served_on=date(2026, 10, 20),
            service=ServiceMethod.ELECTRONIC,
            doc_type="amended complaint",
            title="First amended complaint",
        ),
    )
    # FRCP 15(a)(3): served Tue 20 Oct + 14 = Tue 3 Nov, later than what remained of the
    # original period (26 Oct): Tue 3 Nov. No new 4(m) deadline.
    assert [(d.rule, d.due_on) for d in created] == [
        ("frcp-15a3-amended-response", date(2026, 11, 3))
    ]
    rules = rules_of(store, cid)
    assert rules["frcp-4m-service"] == (date(2026, 12, 30), DeadlineStatus.OPEN)
    assert rules["frcp-12a-answer"] == (date(2026, 10, 26), DeadlineStatus.SATISFIED)
    assert sum(1 for d in store.deadlines(cid) if d.rule == "frcp-4m-service") == 1


def test_an_amended_complaint_served_early_keeps_the_original_answer_date(store: Store) -> None:
    cid = case_id(add_case(store))
    complaint(store, cid, served_on=date(2026, 10, 5))  # answer Mon 26 Oct, as above
    amended, created = store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 10, 7),
            served_on=date(2026, 10, 7),
            service=ServiceMethod.ELECTRONIC,
            doc_type="amended_complaint",
            title="Amended complaint",
        ),
    )
    # Served Wed 7 Oct + 14 = Wed 21 Oct, earlier than the 26 Oct left on the original:
    # the later date, Mon 26 Oct, governs.
    (response,) = created
    assert response.due_on == date(2026, 10, 26)
    assert any("the later date governs" in step for step in response.computation)
    assert response.computation[-3] == "Due: Mon 26 Oct 2026"
    assert response.computation[-2].startswith("Note: Within the time remaining")
    assert response.computation[-1].startswith("Counted under the Federal rules")
    # Corrected: served Tue 20 Oct instead + 14 = Tue 3 Nov, now the later date.
    _, moved = store.update_filing(amended.model_copy(update={"served_on": date(2026, 10, 20)}))
    assert [(d.rule, d.due_on) for d in moved] == [
        ("frcp-15a3-amended-response", date(2026, 11, 3))
    ]


def test_a_returned_waiver_closes_service_and_answers_60_days_after_the_request(
    store: Store,
) -> None:
    cid = case_id(add_case(store))
    complaint(store, cid, served_on=None)
    _, created = store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 9, 1),
            served_on=date(2026, 8, 13),
            doc_type="waiver of service",
            title="Waiver of service returned executed",
        ),
    )
    # Request sent Thu 13 Aug 2026 + 60 = Mon 12 Oct, Columbus Day -> Tue 13 Oct.
    assert [(d.rule, d.due_on) for d in created] == [
        ("frcp-12a1aii-waiver-answer", date(2026, 10, 13))
    ]
    rules = rules_of(store, cid)
    assert rules["frcp-4m-service"][1] == DeadlineStatus.SATISFIED
    assert rules["frcp-12a-answer"][1] == DeadlineStatus.SATISFIED


def test_a_rule_12_motion_puts_off_the_answer_until_14_days_after_the_order(store: Store) -> None:
    cid = case_id(add_case(store))
    complaint(store, cid, served_on=date(2026, 10, 5))
    store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 10, 26),
            served_on=date(2026, 10, 26),
            service=ServiceMethod.ELECTRONIC,
            doc_type="rule 12 motion",
            title="Motion to dismiss for failure to state a claim",
        ),
    )
    assert rules_of(store, cid)["frcp-12a-answer"][1] == DeadlineStatus.SATISFIED
    _, created = store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 11, 13),
            served_on=date(2026, 11, 13),
            service=ServiceMethod.ELECTRONIC,
            doc_type="rule_12_order",
            title="Order denying motion to dismiss",
        ),
    )
    # Fri 13 Nov 2026 + 14 = Fri 27 Nov, New Mexico's Presidents' Day in D.N.M.; Sat, Sun
    # -> Mon 30 Nov.
    assert [(d.rule, d.due_on) for d in created] == [
        ("frcp-12a4a-answer-after-order", date(2026, 11, 30))
    ]


def test_the_united_states_as_a_party_gives_every_party_60_days_to_appeal(store: Store) -> None:
    cid = case_id(add_case(store))
    store.add_party(
        cid, "United States of America", PartyRole.DEFENDANT, kind=PartyKind.UNITED_STATES
    )
    _, created = store.add_filing(
        cid, Filing(filed_on=date(2026, 9, 11), doc_type="judgment", title="Judgment")
    )
    appeal = {d.rule: d.due_on for d in created if d.rule and d.rule.startswith("frap")}
    # Entered Fri 11 Sep 2026 + 60 = Tue 10 Nov (Sep 11->30: 19, Oct: 50, Nov 1->10: 60).
    assert appeal == {"frap-4a1b-united-states-party": date(2026, 11, 10)}


def test_counsel_for_the_united_states_alone_does_not_make_it_a_party(store: Store) -> None:
    cid = case_id(add_case(store))
    store.add_party(cid, "U.S. Attorney's Office", PartyRole.COUNSEL, kind=PartyKind.UNITED_STATES)
    _, created = store.add_filing(
        cid, Filing(filed_on=date(2026, 9, 11), doc_type="judgment", title="Judgment")
    )
    # + 30 = Sun 11 Oct; Mon 12 Oct Columbus Day -> Tue 13 Oct (FRAP 4(a)(1)(A)).
    appeal = {d.rule: d.due_on for d in created if d.rule and d.rule.startswith("frap")}
    assert appeal == {"frap-4a-notice-of-appeal": date(2026, 10, 13)}


def test_dnm_counts_a_motion_response_under_its_local_rule_and_cites_it(store: Store) -> None:
    cid = case_id(add_case(store, court="nmd"))
    _, created = store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 11, 4),
            served_on=date(2026, 11, 4),
            service=ServiceMethod.ELECTRONIC,
            doc_type="motion",
            title="Motion to compel",
        ),
    )
    # Wed 4 Nov 2026 + 14 = Wed 18 Nov (D.N.M.LR-Civ. 7.4(a)).
    assert [(d.rule, d.citation, d.due_on) for d in created] == [
        ("frcp-response-motion", "D.N.M.LR-Civ. 7.4(a)", date(2026, 11, 18))
    ]


def test_a_court_without_a_local_rule_cites_none_and_says_to_check(store: Store) -> None:
    cid = case_id(add_case(store, "1:26-cv-1", court="nysd"))
    _, created = store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 11, 12),
            served_on=date(2026, 11, 12),
            doc_type="response",
            title="Opposition",
        ),
    )
    # Thu 12 Nov 2026 + 7 = Thu 19 Nov, the common default, said to be no federal rule's.
    (reply,) = created
    assert (reply.due_on, reply.citation) == (
        date(2026, 11, 19),
        "Local rule (no federal rule sets this period)",
    )
    assert any("No federal rule sets the time to reply" in step for step in reply.computation)


def test_a_trial_date_sets_the_disclosures_before_it(store: Store) -> None:
    case = add_case(store)
    # Trial Thu 25 Mar 2027: - 90 = Fri 25 Dec 2026, Christmas -> back to Thu 24 Dec;
    # - 30 = Tue 23 Feb 2027.
    add_hearing(store, case, date(2027, 3, 25), kind="Jury trial")
    rules = rules_of(store, case_id(case))
    assert rules["frcp-26a2d-expert-disclosures"][0] == date(2026, 12, 24)
    assert rules["frcp-26a3b-pretrial-disclosures"][0] == date(2027, 2, 23)
    assert "frcp-6c-opposition" not in rules


def test_a_new_mexico_amended_complaint_answers_in_10_court_days_or_the_time_left(
    store: Store,
) -> None:
    cid = case_id(add_case(store, "D-101-CV-2026-9", court="nm-dist-1"))
    store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 10, 30),
            served_on=date(2026, 11, 2),
            doc_type="complaint",
            title="Complaint",
        ),
    )
    # NMRA 1-012(A): served Mon 2 Nov 2026 + 30 = Wed 2 Dec.
    _, created = store.add_filing(
        cid,
        Filing(
            filed_on=date(2026, 11, 20),
            served_on=date(2026, 11, 20),
            service=ServiceMethod.ELECTRONIC,
            doc_type="amended complaint",
            title="First amended complaint",
        ),
    )
    # NMRA 1-015(A), 10 days counted without weekends and legal holidays (1-006(A)(2)) from
    # Fri 20 Nov: Mon 23 (1), Tue 24 (2), Wed 25 (3), Thu 26 Thanksgiving and Fri 27
    # Presidents' Day skipped, Mon 30 (4), Tue 1 Dec (5), Wed 2 (6), Thu 3 (7), Fri 4 (8),
    # Mon 7 (9), Tue 8 Dec (10): later than Wed 2 Dec, so Tue 8 Dec.
    assert [(d.rule, d.due_on) for d in created] == [
        ("nm-1-015a-amended-response", date(2026, 12, 8))
    ]
    assert rules_of(store, cid)["nm-1-012a-answer"] == (date(2026, 12, 2), DeadlineStatus.SATISFIED)
