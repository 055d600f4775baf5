"""How matters move: the investigation and prosecution lifecycles, the migration of stored
stage names, a stage per defendant, and the date a source reported a status."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.migrations import migrations
from db.store import Store
from docket.clock import Clock
from docket.errors import InputError, Refused
from docket.lifecycle import lifecycle_for
from docket.models import CaseKind, PartyRole
from tests.conftest import TODAY
from tests.db.builders import add_case, case_id

OPENED = date(2025, 12, 1)


def _moves(store: Store, number: int, moves: list[tuple[str, date, str | None]]) -> None:
    for stage, day, disposition in moves:
        store.change_stage(number, stage, on=day, disposition=disposition)


def test_an_investigation_goes_from_intake_to_referral_and_a_charging_decision(
    store: Store,
) -> None:
    case = add_case(
        store, "INV-1", court=None, kind="investigation", title="Death at a ranch", opened_on=OPENED
    )
    assert case.stage == "intake"
    _moves(
        store,
        case_id(case),
        [
            ("active", date(2026, 1, 5), None),
            ("suspended", date(2026, 2, 1), None),
            ("active", date(2026, 3, 1), None),
            ("referred", date(2026, 4, 1), None),
            ("charged", date(2026, 5, 1), None),
            ("closed", date(2026, 5, 2), "charges filed"),
        ],
    )
    history = store.status_history(case_id(case))
    assert [(h.changed_on.isoformat(), h.to_stage) for h in history[1:]] == [
        ("2026-01-05", "active"),
        ("2026-02-01", "suspended"),
        ("2026-03-01", "active"),
        ("2026-04-01", "referred"),
        ("2026-05-01", "charged"),
        ("2026-05-02", "closed"),
    ]
    assert store.get_case(case_id(case)).disposition == "charges filed"


def test_a_prosecutor_may_decline_or_find_no_charges_and_a_declined_file_goes_back(
    store: Store,
) -> None:
    declined = add_case(
        store, "INV-2", court=None, kind="investigation", title="A", opened_on=OPENED
    )
    _moves(store, case_id(declined), [("referred", date(2026, 1, 1), None)])
    store.change_stage(case_id(declined), "declined", on=date(2026, 2, 1))
    store.change_stage(case_id(declined), "active", on=date(2026, 2, 2))
    assert store.get_case(case_id(declined)).stage == "active"
    none = add_case(store, "INV-3", court=None, kind="investigation", title="B", opened_on=OPENED)
    store.change_stage(case_id(none), "referred", on=date(2026, 1, 1))
    # Typed as a person types it: the stage is "no charges".
    store.change_stage(case_id(none), "No-Charges", on=date(2026, 1, 9))
    assert store.get_case(case_id(none)).stage == "no charges"


def test_a_prosecution_runs_from_charging_through_verdict_to_appeal(store: Store) -> None:
    case = add_case(
        store, "D-101-CR-1", court="nm-dist-1", kind=CaseKind.CRIMINAL, opened_on=OPENED
    )
    _moves(
        store,
        case_id(case),
        [
            ("preliminary hearing", date(2026, 1, 10), None),
            ("arraigned", date(2026, 1, 20), None),
            ("pretrial", date(2026, 2, 1), None),
            ("trial", date(2026, 6, 1), None),
            ("verdict", date(2026, 6, 5), None),
            ("appeal", date(2026, 7, 1), None),
        ],
    )
    assert store.get_case(case_id(case)).stage == "appeal"


@pytest.mark.parametrize(
    ("path", "why"),
    [
        (["arraigned", "pretrial", "trial", "appeal"], "trial -> appeal"),
        (
            ["grand jury", "arraigned", "pretrial", "trial", "pretrial", "trial"],
            "mistrial, retrial",
        ),
        (["arraigned", "pretrial", "trial", "verdict", "trial"], "new trial granted"),
        (["arraigned", "pretrial", "trial", "verdict", "sentencing", "appeal", "trial"], "remand"),
        (["arraigned", "pretrial", "trial", "verdict", "appeal", "sentencing"], "resentencing"),
        (["arraigned", "plea", "sentencing", "appeal"], "plea, then appeal of the sentence"),
    ],
)
def test_the_moves_real_prosecutions_make_need_no_workaround(
    store: Store, path: list[str], why: str
) -> None:
    case = add_case(store, "CR-9", court=None, kind=CaseKind.CRIMINAL, opened_on=OPENED)
    for stage in path:
        store.change_stage(case_id(case), stage)
    assert store.get_case(case_id(case)).stage == path[-1], why


def test_dismissal_closes_a_prosecution_from_any_stage(store: Store) -> None:
    case = add_case(store, "CR-10", court=None, kind=CaseKind.CRIMINAL, opened_on=OPENED)
    store.change_stage(case_id(case), "grand jury")
    store.change_stage(case_id(case), "closed", disposition="dismissed")
    assert store.get_case(case_id(case)).disposition == "dismissed"


def test_civil_and_appeal_allow_a_new_trial_a_remand_and_a_rehearing(store: Store) -> None:
    civil = add_case(store, "CV-1", court=None, opened_on=OPENED)
    for stage in ["served", "pleadings", "discovery", "trial", "motions", "trial", "judgment"]:
        store.change_stage(case_id(civil), stage)
    for stage in ["appeal", "trial", "judgment", "trial"]:
        store.change_stage(case_id(civil), stage)
    appeal = add_case(store, "26-1", court=None, kind=CaseKind.APPEAL, opened_on=OPENED)
    for stage in ["briefing", "argued", "decided", "rehearing", "decided"]:
        store.change_stage(case_id(appeal), stage)
    store.change_stage(case_id(appeal), "closed", disposition="reversed and remanded")
    assert store.get_case(case_id(appeal)).disposition == "reversed and remanded"


def test_a_move_the_lifecycle_does_not_allow_is_still_refused(store: Store) -> None:
    case = add_case(store, "CR-11", court=None, kind=CaseKind.CRIMINAL, opened_on=OPENED)
    with pytest.raises(Refused, match="cannot move from charged to verdict"):
        store.change_stage(case_id(case), "verdict")


def test_every_stage_of_every_lifecycle_can_reach_closure() -> None:
    for kind in CaseKind:
        cycle = lifecycle_for(kind)
        for stage in cycle.stages:
            if not cycle.is_resolved(stage):
                assert "closed" in cycle.allowed_from(stage), (kind, stage)


# ---------------------------------------------------------------- migration of stored stages


def _database_before_the_rename(path: Path) -> None:
    db = Database(path)
    migrations.apply(db, stop_before="m010_defendant_stages_and_renamed_stages")
    for number, kind, stage in [
        ("INV-OLD", "investigation", "open"),
        ("INV-MOVED", "investigation", "active"),
        ("CV-OLD", "civil", "filed"),
    ]:
        case = db.execute(
            "INSERT INTO cases (number, court, title, kind, stage, created_at, updated_at) "
            "VALUES (?, '', 'A v. B', ?, ?, 'then', 'then')",
            [number, kind, stage],
        ).lastrowid
        db.execute(
            "INSERT INTO status_changes (case_id, changed_on, event, from_stage, to_stage, "
            "note, created_at) VALUES (?, '2025-01-02', 'open', NULL, ?, 'Opened', 'then')",
            [case, "open" if kind == "investigation" else stage],
        )
        if stage == "active":
            db.execute(
                "INSERT INTO status_changes (case_id, changed_on, event, from_stage, to_stage, "
                "note, created_at) VALUES (?, '2025-02-03', 'stage', 'open', 'active', "
                "'Work began', 'then')",
                [case],
            )
    db.conn.commit()
    db.close()


def test_the_migration_renames_old_stages_and_keeps_the_history(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _database_before_the_rename(path)
    with Store.open(path, clock=Clock(TODAY), user="tester") as store:
        stages = store.query_rows("SELECT number, stage FROM cases ORDER BY id")
        assert stages == [("INV-OLD", "intake"), ("INV-MOVED", "active"), ("CV-OLD", "filed")]
        old = store.find_case("INV-MOVED")
        assert old.id is not None
        history = store.status_history(old.id)
        # Both steps are kept, with their dates and notes, in today's stage names.
        assert [(h.changed_on.isoformat(), h.from_stage, h.to_stage, h.note) for h in history] == [
            ("2025-01-02", None, "intake", "Opened"),
            ("2025-02-03", "intake", "active", "Work began"),
        ]
        audit = store.query_rows(
            "SELECT who, before, after FROM audit_log WHERE entity = 'cases' AND action = 'update'"
        )
        assert len(audit) == 1 and audit[0][0] == "migration"
        assert '"open"' in audit[0][1] and '"intake"' in audit[0][2]
        # A stage typed by its old name still means the new one.
        intake = store.find_case("INV-OLD")
        assert intake.id is not None
        store.change_stage(intake.id, "active")
        assert store.get_case(intake.id).stage == "active"


# ---------------------------------------------------------------- one stage per defendant


def _two_defendants(store: Store) -> tuple[int, int, int]:
    case = add_case(
        store, "D-202-CR-7", court="nm-dist-2", kind=CaseKind.CRIMINAL, opened_on=OPENED
    )
    alpha, _ = store.add_party(case_id(case), "Alma Quince", PartyRole.DEFENDANT)
    beta, _ = store.add_party(case_id(case), "Boris Quince", PartyRole.DEFENDANT)
    store.add_party(case_id(case), "Cora Vane", PartyRole.WITNESS)
    store.change_stage(case_id(case), "arraigned", on=date(2026, 1, 5))
    store.change_stage(case_id(case), "pretrial", on=date(2026, 1, 20))
    assert alpha.id is not None and beta.id is not None
    return case_id(case), alpha.id, beta.id


def test_one_defendant_pleads_and_the_other_goes_to_trial(store: Store) -> None:
    case, alma, boris = _two_defendants(store)
    store.change_party_stage(case, alma, "plea", on=date(2026, 3, 2), note="Plea agreement")
    store.change_party_stage(case, alma, "sentencing", on=date(2026, 4, 1))
    store.change_party_stage(case, alma, "closed", on=date(2026, 5, 1), disposition="plea")
    assert not store.case_row(case).resolved, "Boris's part is still open"
    store.change_party_stage(case, boris, "trial", on=date(2026, 6, 1))
    store.change_party_stage(case, boris, "verdict", on=date(2026, 6, 4))
    store.change_party_stage(case, boris, "closed", on=date(2026, 6, 4), disposition="acquitted")

    resolved = store.get_case(case)
    assert resolved.stage == "closed" and resolved.closed_on == date(2026, 6, 4)
    assert resolved.disposition == "Alma Quince: plea; Boris Quince: acquitted"
    defendants = {d.name: (d.stage, d.disposition) for d in store.defendants(case)}
    assert defendants == {
        "Alma Quince": ("closed", "plea"),
        "Boris Quince": ("closed", "acquitted"),
    }
    party_steps = [
        (h.party, h.changed_on.isoformat(), h.from_stage, h.to_stage)
        for h in store.status_history(case)
        if h.case_party_id is not None
    ]
    assert party_steps == [
        ("Alma Quince", "2026-03-02", "pretrial", "plea"),
        ("Alma Quince", "2026-04-01", "plea", "sentencing"),
        ("Alma Quince", "2026-05-01", "sentencing", "closed"),
        ("Boris Quince", "2026-06-01", "pretrial", "trial"),
        ("Boris Quince", "2026-06-04", "trial", "verdict"),
        ("Boris Quince", "2026-06-04", "verdict", "closed"),
    ]
    last = store.status_history(case)[-1]
    assert (last.case_party_id, last.to_stage) == (None, "closed")


def test_a_defendant_move_the_lifecycle_forbids_is_refused_and_nothing_is_written(
    store: Store,
) -> None:
    case, alma, _ = _two_defendants(store)
    before = store.query_rows("SELECT count(*) FROM status_changes")[0][0]
    with pytest.raises(Refused, match="cannot move from pretrial to arraigned"):
        store.change_party_stage(case, alma, "arraigned")
    with pytest.raises(Refused, match="closing needs a disposition"):
        store.change_party_stage(case, alma, "closed")
    assert store.query_rows("SELECT count(*) FROM status_changes")[0][0] == before


def test_a_defendant_is_found_by_part_of_the_name_and_a_witness_is_not_one(store: Store) -> None:
    case, alma, _ = _two_defendants(store)
    assert store.find_defendant(case, "alma").id == alma
    with pytest.raises(InputError, match="matches several defendants"):
        store.find_defendant(case, "Quince")
    with pytest.raises(InputError, match="'Cora Vane' is not a defendant here"):
        store.find_defendant(case, "Cora Vane")


def test_closing_the_whole_case_closes_each_defendant_still_moving(store: Store) -> None:
    case, alma, _ = _two_defendants(store)
    store.change_party_stage(case, alma, "plea", on=date(2026, 3, 2))
    store.change_stage(case, "closed", on=date(2026, 3, 9), disposition="dismissed")
    defendants = {d.name: (d.stage, d.disposition) for d in store.defendants(case)}
    # Boris never moved on his own: he follows the case, which is closed.
    assert defendants == {"Alma Quince": ("closed", "dismissed"), "Boris Quince": (None, None)}


# ---------------------------------------------------------------- as reported


def test_a_status_known_from_a_report_keeps_the_reports_date(store: Store) -> None:
    case = add_case(
        store, "INV-5", court=None, kind="investigation", title="Fire", opened_on=OPENED
    )
    store.change_stage(
        case_id(case),
        "active",
        on=date(2026, 1, 3),
        source="County Gazette",
        reported_on=date(2026, 1, 6),
    )
    reported = store.reported_status(case_id(case))
    assert reported is not None
    assert (reported.changed_on, reported.reported_on) == (date(2026, 1, 3), date(2026, 1, 6))
    row = store.query_rows("SELECT changed_on, reported_on, created_at FROM status_changes")[-1]
    assert row[:2] == ("2026-01-03", "2026-01-06") and row[2].startswith("2026-11-25")
    store.change_stage(case_id(case), "suspended")
    assert store.reported_status(case_id(case)) is None, "the new stage was not reported"
