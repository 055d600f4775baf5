"""The store's case, party, status and file behaviour, asserted on the rows it writes."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from db.store import Store
from docket.clock import Clock
from docket.errors import InputError, NotFound, Refused, StaleRecord
from tests.conftest import TODAY
from tests.db.builders import add_case, case_id, count

# ---------------------------------------------------------------- cases


def test_case_number_is_kept_exactly_as_typed(store: Store) -> None:
    add_case(store, "1:24-CV-01234-ABC", court="nmd")
    row = store.conn.execute("SELECT number, court FROM cases").fetchone()
    assert row == ("1:24-CV-01234-ABC", "nmd")


def test_new_case_starts_at_its_lifecycles_first_stage_and_is_opened_today(store: Store) -> None:
    case = add_case(store, kind="criminal", title="United States v. Doe")
    assert (case.stage, case.opened_on, case.version) == ("charged", TODAY, 1)


def test_same_number_in_same_court_is_refused_and_nothing_written(store: Store) -> None:
    add_case(store, "1:24-cv-01234", court="nmd")
    with pytest.raises(Refused, match="already exists"):
        add_case(store, "1:24-cv-01234", court="nmd", title="Another caption")
    assert count(store, "SELECT count(*) FROM cases") == 1
    assert count(store, "SELECT count(*) FROM status_changes") == 1


def test_same_number_in_two_courts_is_allowed(store: Store) -> None:
    add_case(store, "1:24-cv-01234", court="nmd")
    add_case(store, "1:24-cv-01234", court="nysd", title="Jones v. Beta LLC")
    assert count(store, "SELECT count(*) FROM cases WHERE number = '1:24-cv-01234'") == 2


def test_find_case_by_number(store: Store) -> None:
    made = add_case(store, "2021-0537", court="Santa Fe County Sheriff", kind="investigation")
    assert store.find_case("2021-0537").id == made.id


def test_find_case_ignores_surrounding_space_and_letter_case(store: Store) -> None:
    made = add_case(store, "1:24-CV-01234")
    assert store.find_case("  1:24-cv-01234 ").id == made.id


def test_find_case_used_by_two_courts_is_refused_naming_the_courts(store: Store) -> None:
    add_case(store, "1:24-cv-01234", court="nmd")
    add_case(store, "1:24-cv-01234", court="nysd", title="Jones v. Beta LLC")
    with pytest.raises(Refused) as refused:
        store.find_case("1:24-cv-01234")
    assert refused.value.field == "court"
    assert str(refused.value).startswith("court: ")
    assert "nmd" in str(refused.value) and "nysd" in str(refused.value)


def test_find_case_with_court_picks_that_courts_case(store: Store) -> None:
    add_case(store, "1:24-cv-01234", court="nmd")
    other = add_case(store, "1:24-cv-01234", court="nysd", title="Jones v. Beta LLC")
    found = store.find_case("1:24-cv-01234", court="nysd")
    assert (found.id, found.title) == (other.id, "Jones v. Beta LLC")


def test_find_unknown_case_says_which_number(store: Store) -> None:
    with pytest.raises(NotFound, match="1:99-cv-00001"):
        store.find_case("1:99-cv-00001")


def test_add_case_with_a_stage_not_in_its_lifecycle_is_an_input_error(store: Store) -> None:
    with pytest.raises(InputError) as error:
        add_case(store, stage="arraigned")
    assert error.value.field == "stage"
    assert "pleadings" in str(error.value)
    assert count(store, "SELECT count(*) FROM cases") == 0


# ---------------------------------------------------------------- optimistic locking


def test_update_case_saves_and_bumps_version(store: Store) -> None:
    case = add_case(store)
    saved = store.update_case(case.model_copy(update={"judge": "Hon. Ruth Vega"}))
    assert saved.version == 2
    assert store.conn.execute("SELECT judge, version FROM cases").fetchone() == (
        "Hon. Ruth Vega",
        2,
    )


def test_stale_update_is_refused_and_keeps_the_other_edit(store: Store) -> None:
    read_by_alice = add_case(store)
    read_by_bob = store.get_case(case_id(read_by_alice))
    store.update_case(read_by_alice.model_copy(update={"judge": "Hon. Ruth Vega"}))
    with pytest.raises(StaleRecord, match="changed by someone else"):
        store.update_case(read_by_bob.model_copy(update={"judge": "Hon. Max Ito"}))
    assert store.conn.execute("SELECT judge FROM cases").fetchone() == ("Hon. Ruth Vega",)


def test_a_stage_change_makes_an_earlier_read_stale(store: Store) -> None:
    case = add_case(store)
    store.change_stage(case_id(case), "served")
    with pytest.raises(StaleRecord):
        store.update_case(case.model_copy(update={"judge": "Hon. Max Ito"}))


# ---------------------------------------------------------------- parties


def test_party_conflict_matches_normalized_names(store: Store) -> None:
    first = add_case(store, "1:24-cv-01234")
    second = add_case(store, "1:25-cv-00077", title="Jones v. Acme")
    store.add_party(case_id(first), "ACME, Inc.", "defendant", kind="organization")
    _, conflicts = store.add_party(case_id(second), "Acme Inc", "defendant", kind="organization")
    assert [(c.case_number, c.name, c.role) for c in conflicts] == [
        ("1:24-cv-01234", "ACME, Inc.", "defendant")
    ]


@pytest.mark.parametrize(
    ("known", "added"),
    [
        ("Hans Müller", "Hans Muller"),
        ("Hans Müller", "MÜLLER, HANS"),
        ("The ACME Company, L.L.C.", "Acme LLC"),
        ("O’Brien, Patricia", "Patricia OBrien"),
    ],
)
def test_party_conflict_ignores_accents_abbreviations_and_word_order(
    store: Store, known: str, added: str
) -> None:
    first = add_case(store, "1:24-cv-01234")
    second = add_case(store, "1:25-cv-00077", title="Jones v. Acme")
    store.add_party(case_id(first), known, "defendant")
    _, conflicts = store.add_party(case_id(second), added, "witness")
    assert [(c.case_number, c.name) for c in conflicts] == [("1:24-cv-01234", known)]


@pytest.mark.sqlite_only
def test_opening_an_older_database_recomputes_its_name_keys(db_path: Path, clock: Clock) -> None:
    with Store.open(db_path, clock=clock, user="tester") as older:
        store_case = add_case(older, "1:24-cv-01234")
        older.add_party(case_id(store_case), "Hans Müller", "plaintiff")
        older.conn.execute("UPDATE parties SET name_key = 'hans müller'")
        older.conn.execute(
            "DELETE FROM _sqlite_migrations WHERE name = 'm003_accent_and_order_blind_name_keys'"
        )
        older.conn.commit()
    with Store.open(db_path, clock=clock, user="tester") as reopened:
        other = add_case(reopened, "1:25-cv-00077", title="Jones v. Acme")
        _, conflicts = reopened.add_party(case_id(other), "Muller, Hans", "witness")
    assert [c.name for c in conflicts] == ["Hans Müller"]


def test_party_on_no_other_case_has_no_conflict(store: Store) -> None:
    case = add_case(store)
    store.add_party(case_id(case), "Maria Smith", "plaintiff")
    _, conflicts = store.add_party(case_id(case), "Acme Corp", "defendant")
    assert conflicts == []


def test_same_name_on_the_same_case_is_not_a_conflict(store: Store) -> None:
    case = add_case(store)
    store.add_party(case_id(case), "Maria Smith", "plaintiff")
    _, conflicts = store.add_party(case_id(case), "Maria Smith", "witness")
    assert conflicts == []


def test_party_row_is_reused_across_cases(store: Store) -> None:
    first = add_case(store, "1:24-cv-01234")
    second = add_case(store, "1:25-cv-00077", title="Jones v. Acme")
    a, _ = store.add_party(case_id(first), "Acme Corp", "defendant", kind="organization")
    b, _ = store.add_party(case_id(second), "Acme Corp", "defendant", kind="organization")
    assert a.party_id == b.party_id
    assert count(store, "SELECT count(*) FROM parties") == 1
    assert count(store, "SELECT count(*) FROM case_parties") == 2


def test_party_name_key_is_stored_normalized(store: Store) -> None:
    case = add_case(store)
    store.add_party(case_id(case), "The ACME Company, L.L.C.", "defendant")
    assert store.conn.execute("SELECT name, name_key FROM parties").fetchone() == (
        "The ACME Company, L.L.C.",
        "acme",
    )


def test_counsel_is_linked_to_the_client(store: Store) -> None:
    case = add_case(store)
    client, _ = store.add_party(case_id(case), "Maria Smith", "plaintiff")
    counsel, _ = store.add_party(
        case_id(case), "Dana Lee, Esq.", "counsel", represents_id=client.id
    )
    parties = store.case_parties(case_id(case))
    assert [(p.name, p.role.value, p.represents_id) for p in parties] == [
        ("Maria Smith", "plaintiff", None),
        ("Dana Lee, Esq.", "counsel", client.id),
    ]
    assert counsel.represents_id == client.id


def test_counsel_for_a_client_on_another_case_is_refused(store: Store) -> None:
    first = add_case(store, "1:24-cv-01234")
    second = add_case(store, "1:25-cv-00077", title="Jones v. Acme")
    client, _ = store.add_party(case_id(first), "Maria Smith", "plaintiff")
    with pytest.raises(InputError, match="represents"):
        store.add_party(case_id(second), "Dana Lee", "counsel", represents_id=client.id)
    assert count(store, "SELECT count(*) FROM case_parties") == 1
    assert count(store, "SELECT count(*) FROM parties") == 1


# ---------------------------------------------------------------- status transitions


def test_allowed_stage_change_is_recorded_with_its_note(store: Store) -> None:
    case = add_case(store)
    store.change_stage(case_id(case), "served", on=date(2026, 11, 20), note="Summons returned")
    assert store.conn.execute(
        "SELECT changed_on, from_stage, to_stage, note FROM status_changes WHERE event = 'stage'"
    ).fetchall() == [("2026-11-20", "filed", "served", "Summons returned")]
    assert store.get_case(case_id(case)).stage == "served"


def test_refused_stage_change_lists_the_allowed_moves(store: Store) -> None:
    case = add_case(store)
    with pytest.raises(Refused) as refused:
        store.change_stage(case_id(case), "trial")
    assert "allowed from filed: served, pleadings, closed" in str(refused.value)
    assert store.get_case(case_id(case)).stage == "filed"
    assert count(store, "SELECT count(*) FROM status_changes") == 1


def test_unknown_stage_is_refused_with_the_stages(store: Store) -> None:
    case = add_case(store, kind="investigation", title="Missing person: R. Ortiz")
    stages = "intake, active, suspended, referred, charged, declined, no charges, closed"
    with pytest.raises(Refused, match=f"stages: {stages}"):
        store.change_stage(case_id(case), "trial")


def test_closing_without_a_disposition_is_refused(store: Store) -> None:
    case = add_case(store)
    with pytest.raises(Refused, match="^disposition: closing needs a disposition") as refused:
        store.change_stage(case_id(case), "closed")
    assert refused.value.field == "disposition"
    assert store.get_case(case_id(case)).stage == "filed"


def test_closing_with_a_disposition_resolves_the_case(store: Store) -> None:
    case = add_case(store)
    store.change_stage(case_id(case), "closed", disposition="settled", on=date(2026, 11, 26))
    closed = store.get_case(case_id(case))
    assert (closed.stage, closed.disposition, closed.closed_on) == (
        "closed",
        "settled",
        date(2026, 11, 26),
    )
    assert store.conn.execute("SELECT resolved, attention_on FROM cases").fetchone() == (
        1,
        "9999-12-31",
    )


def test_closing_before_the_case_was_opened_is_an_input_error(store: Store) -> None:
    case = add_case(store, opened_on=date(2026, 11, 1))
    with pytest.raises(InputError) as error:
        store.change_stage(case_id(case), "closed", disposition="settled", on=date(2026, 10, 30))
    assert error.value.field == "changed_on" and "2026-11-01" in str(error.value)
    assert store.get_case(case_id(case)).stage == "filed"


def test_a_closed_case_cannot_move_without_reopening(store: Store) -> None:
    case = add_case(store)
    store.change_stage(case_id(case), "closed", disposition="settled")
    with pytest.raises(Refused, match="reopen it first"):
        store.change_stage(case_id(case), "motions")


def test_reopen_needs_a_note(store: Store) -> None:
    case = add_case(store)
    store.change_stage(case_id(case), "closed", disposition="settled")
    with pytest.raises(InputError) as error:
        store.change_stage(case_id(case), "reopen")
    assert error.value.field == "note"
    assert store.get_case(case_id(case)).stage == "closed"


def test_reopen_with_a_note_returns_to_the_reopen_stage(store: Store) -> None:
    case = add_case(store)
    store.change_stage(case_id(case), "closed", disposition="settled")
    store.change_stage(case_id(case), "reopen", note="Settlement breached")
    reopened = store.get_case(case_id(case))
    assert (reopened.stage, reopened.disposition, reopened.closed_on) == ("motions", None, None)
    assert store.conn.execute(
        "SELECT event, from_stage, to_stage, note FROM status_changes ORDER BY id DESC LIMIT 1"
    ).fetchone() == ("reopen", "closed", "motions", "Settlement breached")


def test_reopening_an_open_case_is_refused(store: Store) -> None:
    case = add_case(store)
    with pytest.raises(Refused, match="not closed"):
        store.change_stage(case_id(case), "reopen", note="why not")


def test_stay_keeps_the_stage_and_records_the_reason(store: Store) -> None:
    case = add_case(store)
    store.stay(case_id(case), "Pending bankruptcy of defendant", until=date(2027, 2, 1))
    stayed = store.get_case(case_id(case))
    assert (stayed.stage, stayed.stay_reason, stayed.stay_until) == (
        "filed",
        "Pending bankruptcy of defendant",
        date(2027, 2, 1),
    )
    assert store.list_cases()[0].stayed is True


def test_stay_needs_a_reason(store: Store) -> None:
    case = add_case(store)
    with pytest.raises(InputError, match="reason"):
        store.stay(case_id(case), "  ")


def test_a_second_stay_is_refused(store: Store) -> None:
    case = add_case(store)
    store.stay(case_id(case), "Pending appeal")
    with pytest.raises(Refused, match="already stayed"):
        store.stay(case_id(case), "Another reason")


def test_lift_stay_clears_it_and_records_the_event(store: Store) -> None:
    case = add_case(store)
    store.stay(case_id(case), "Pending appeal")
    store.lift_stay(case_id(case), note="Appeal decided")
    assert store.get_case(case_id(case)).stay_reason is None
    events = [(c.event, c.note) for c in store.status_history(case_id(case))]
    assert events[-2:] == [("stay", "Pending appeal"), ("lift", "Appeal decided")]


def test_closing_a_stayed_case_ends_the_stay_in_its_history(store: Store) -> None:
    case = add_case(store)
    store.stay(case_id(case), "Pending appeal")
    store.change_stage(case_id(case), "closed", disposition="settled")
    closed = store.get_case(case_id(case))
    assert (closed.stage, closed.stay_reason) == ("closed", None)
    events = [(c.event, c.to_stage) for c in store.status_history(case_id(case))]
    assert events[-3:] == [("stay", "filed"), ("lift", "filed"), ("stage", "closed")]


def test_lifting_when_not_stayed_is_refused(store: Store) -> None:
    case = add_case(store)
    with pytest.raises(Refused, match="not stayed"):
        store.lift_stay(case_id(case))


def test_stay_on_a_closed_case_is_refused(store: Store) -> None:
    case = add_case(store)
    store.change_stage(case_id(case), "closed", disposition="dismissed")
    with pytest.raises(Refused, match="open matter"):
        store.stay(case_id(case), "Pending appeal")


# ---------------------------------------------------------------- audit log


def _audit_rows(store: Store, entity: str) -> list[tuple[str, str, str, str | None, str | None]]:
    return store.conn.execute(
        "SELECT at, who, action, before, after FROM audit_log WHERE entity = ? ORDER BY id",
        (entity,),
    ).fetchall()


def test_case_insert_is_audited_with_who_when_and_the_new_row(store: Store) -> None:
    add_case(store, "1:24-cv-01234", title="Smith v. Acme Corp")
    [(at, who, action, before, after)] = _audit_rows(store, "cases")
    assert (who, action, before) == ("tester", "insert", None)
    assert at.startswith("2026-11-2")
    assert json.loads(after or "")["number"] == "1:24-cv-01234"
    assert json.loads(after or "")["title"] == "Smith v. Acme Corp"


def test_case_update_is_audited_with_before_and_after(store: Store) -> None:
    case = add_case(store)
    store.update_case(case.model_copy(update={"title": "Smith v. Acme Corporation"}))
    _, who, action, before, after = _audit_rows(store, "cases")[-1]
    assert (who, action) == ("tester", "update")
    assert json.loads(before or "")["title"] == "Smith v. Acme Corp"
    assert json.loads(after or "")["title"] == "Smith v. Acme Corporation"
    assert (json.loads(before or "")["version"], json.loads(after or "")["version"]) == (1, 2)


def test_user_from_environment_is_the_audit_who(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKET_USER", "jdoe")
    with Store.open(db_path) as opened:
        add_case(opened)
        assert opened.conn.execute("SELECT DISTINCT who FROM audit_log").fetchall() == [("jdoe",)]


def test_party_and_status_inserts_are_audited(store: Store) -> None:
    case = add_case(store)
    store.add_party(case_id(case), "Maria Smith", "plaintiff")
    store.change_stage(case_id(case), "served")
    entities = {
        row[0] for row in store.conn.execute("SELECT entity FROM audit_log WHERE action = 'insert'")
    }
    assert {"cases", "parties", "case_parties", "status_changes"} <= entities


def test_refused_write_leaves_no_audit_row(store: Store) -> None:
    case = add_case(store)
    before = count(store, "SELECT count(*) FROM audit_log")
    with pytest.raises(Refused):
        store.change_stage(case_id(case), "trial")
    assert count(store, "SELECT count(*) FROM audit_log") == before


# ---------------------------------------------------------------- the file


@pytest.mark.sqlite_only
def test_new_database_file_is_private_to_its_owner(store: Store, db_path: Path) -> None:
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


@pytest.mark.sqlite_only
def test_database_runs_in_wal_mode_with_foreign_keys(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert store.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_foreign_keys_refuse_an_orphan_row(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO notes (case_id, noted_on, text, created_at) VALUES (99, '2026-01-01', "
            "'orphan', '2026-01-01')"
        )


def test_backup_is_an_openable_copy_with_the_same_rows(store: Store, tmp_path: Path) -> None:
    case = add_case(store)
    store.add_party(case_id(case), "Maria Smith", "plaintiff")
    copy_path = store.backup(tmp_path / "copy.db")
    assert stat.S_IMODE(copy_path.stat().st_mode) == 0o600
    with Store.open(copy_path) as copy:
        assert copy.find_case("1:24-cv-01234").title == "Smith v. Acme Corp"
        assert [p.name for p in copy.case_parties(case_id(case))] == ["Maria Smith"]
        for table in ("cases", "parties", "case_parties", "status_changes", "audit_log"):
            sql = f"SELECT count(*) FROM {table}"
            assert count(copy, sql) == count(store, sql)


def test_backup_into_a_folder_names_the_file_by_time(store: Store, tmp_path: Path) -> None:
    add_case(store)
    copy_path = store.backup(tmp_path)
    assert copy_path.parent == tmp_path and copy_path.name.startswith("docket-2026")


def test_backup_never_overwrites(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    target.write_text("keep me")
    with pytest.raises(Refused, match="exists"):
        store.backup(target)
    assert target.read_text() == "keep me"


def test_opening_a_file_that_is_not_a_database_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Call the clerk about the hearing date.\n" * 200)
    with pytest.raises(InputError) as error:
        Store.open(path)
    assert error.value.field == "database"
    assert path.read_text().startswith("Call the clerk")


def test_reopening_the_file_keeps_the_data(db_path: Path) -> None:
    with Store.open(db_path) as first:
        add_case(first)
    with Store.open(db_path) as second:
        assert second.count_cases() == 1
        assert second.find_case("1:24-cv-01234").stage == "filed"


def test_follow_up_date_is_saved(store: Store) -> None:
    case = add_case(store)
    store.set_follow_up(case_id(case), TODAY + timedelta(days=10))
    assert store.get_case(case_id(case)).follow_up_on == TODAY + timedelta(days=10)


def test_a_stage_change_is_audited_with_the_version_before_and_after(store: Store) -> None:
    case = add_case(store)
    store.change_stage(case_id(case), "served", note="Summons served")
    [entry] = store.audit_log(entity="cases", entity_id=case_id(case), limit=1)
    assert entry.before is not None and entry.after is not None
    assert (entry.before["stage"], entry.before["version"]) == ("filed", 1)
    assert (entry.after["stage"], entry.after["version"]) == ("served", 2)
