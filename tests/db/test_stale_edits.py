"""Optimistic locking on docket entries and hearings, as on cases.

Saving a whole copy read before someone else's save would write their change back: such a
save is refused, naming what they changed. Changing named fields (`edit_filing`,
`change_hearing`) reads the record in its own write and merges field by field.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from db.store import Store
from docket.clock import Clock
from docket.errors import Refused, StaleRecord
from docket.models import Filing, Hearing, HearingStatus
from tests.db.builders import add_case, add_filing, case_id


@pytest.fixture
def entry(store: Store) -> Filing:
    return add_filing(store, add_case(store), "Motion to compel", filed_on=date(2026, 11, 20))


@pytest.fixture
def hearing(store: Store) -> Hearing:
    case = add_case(store, "1:26-cv-00099", title="Jones v. Acme")
    saved, _ = store.add_hearing(
        case_id(case),
        Hearing(starts_at=datetime(2026, 12, 15, 10).astimezone(), kind="motion hearing"),
    )
    return saved


def test_entries_and_hearings_start_at_version_1_and_every_save_bumps_it(
    store: Store, entry: Filing, hearing: Hearing
) -> None:
    assert entry.version == 1 and hearing.version == 1
    saved, _ = store.update_filing(entry.model_copy(update={"title": "Amended motion"}))
    assert saved.version == 2
    moved, _ = store.update_hearing(hearing.model_copy(update={"location": "Courtroom 3"}))
    assert moved.version == 2
    assert entry.case_id is not None and entry.entry_no is not None
    voided = store.void_filing(entry.case_id, entry.entry_no, "entered twice")
    assert voided.version == 3


def test_a_stale_entry_is_refused_naming_what_changed(store: Store, entry: Filing) -> None:
    store.update_filing(entry.model_copy(update={"description": "with exhibits A-C"}))
    with pytest.raises(StaleRecord) as stale:
        store.update_filing(entry.model_copy(update={"title": "Amended motion"}))
    assert stale.value.changed == ("description",)
    assert "entry 1 was changed by someone else" in str(stale.value)
    assert "(description)" in str(stale.value)
    assert entry.id is not None
    kept = store.get_filing(entry.id)
    assert (kept.title, kept.description, kept.version) == (
        "Motion to compel",
        "with exhibits A-C",
        2,
    )


def test_stale_names_every_field_changed_since_the_copy_was_read(
    store: Store, entry: Filing
) -> None:
    second, _ = store.update_filing(entry.model_copy(update={"description": "exhibits"}))
    store.update_filing(second.model_copy(update={"filed_by": "Jones", "title": "Renewed"}))
    with pytest.raises(StaleRecord) as stale:
        store.update_filing(entry.model_copy(update={"title": "Amended motion"}))
    assert set(stale.value.changed) == {"description", "filed_by", "title"}
    with pytest.raises(StaleRecord) as newer:
        store.update_filing(second.model_copy(update={"title": "Amended motion"}))
    assert set(newer.value.changed) == {"filed_by", "title"}


def test_edit_filing_merges_edits_of_different_fields(store: Store, entry: Filing) -> None:
    assert entry.case_id is not None and entry.entry_no is not None
    first = store.edit_filing(entry.case_id, entry.entry_no, {"title": "Amended motion"})
    second = store.edit_filing(entry.case_id, entry.entry_no, {"description": "exhibits"})
    assert first.changed == ["title"] and second.changed == ["description"]
    assert (second.saved.title, second.saved.description) == ("Amended motion", "exhibits")
    assert second.before.title == "Amended motion"
    assert second.saved.version == 3


def test_edit_filing_refuses_a_voided_entry(store: Store, entry: Filing) -> None:
    assert entry.case_id is not None and entry.entry_no is not None
    store.void_filing(entry.case_id, entry.entry_no, "entered twice")
    with pytest.raises(Refused, match="voided"):
        store.edit_filing(entry.case_id, entry.entry_no, {"title": "Amended motion"})


def test_a_voided_copy_is_refused_as_voided_not_saved_over(store: Store, entry: Filing) -> None:
    assert entry.case_id is not None and entry.entry_no is not None
    store.void_filing(entry.case_id, entry.entry_no, "entered twice")
    with pytest.raises(Refused, match="voided"):
        store.update_filing(entry.model_copy(update={"title": "Amended motion"}))


def test_a_stale_hearing_is_refused_naming_what_changed(store: Store, hearing: Hearing) -> None:
    store.update_hearing(hearing.model_copy(update={"location": "Courtroom 3"}))
    with pytest.raises(StaleRecord) as stale:
        store.update_hearing(hearing.model_copy(update={"outcome": "taken under advisement"}))
    assert stale.value.changed == ("location",)
    assert hearing.id is not None
    assert store.get_hearing(hearing.id).location == "Courtroom 3"
    assert store.get_hearing(hearing.id).outcome is None


def test_change_hearing_refuses_the_version_a_form_showed_once_it_is_stale(
    store: Store, hearing: Hearing
) -> None:
    assert hearing.id is not None
    store.change_hearing(hearing.id, location="Courtroom 3")
    with pytest.raises(StaleRecord) as stale:
        store.change_hearing(hearing.id, status=HearingStatus.HELD, version=hearing.version)
    assert stale.value.changed == ("location",)
    assert store.get_hearing(hearing.id).status == HearingStatus.SCHEDULED
    done = store.change_hearing(hearing.id, status=HearingStatus.HELD, version=2)
    assert done.hearing.version == 3


def test_change_hearing_without_a_version_merges_field_by_field(
    store: Store, hearing: Hearing
) -> None:
    assert hearing.id is not None
    store.change_hearing(hearing.id, location="Courtroom 3")
    change = store.change_hearing(hearing.id, outcome="granted", status=HearingStatus.HELD)
    assert (change.hearing.location, change.hearing.outcome) == ("Courtroom 3", "granted")


def test_a_continuance_of_a_stale_hearing_is_refused_and_schedules_nothing(
    store: Store, hearing: Hearing
) -> None:
    assert hearing.id is not None and hearing.case_id is not None
    store.change_hearing(hearing.id, location="Courtroom 3")
    with pytest.raises(StaleRecord):
        store.change_hearing(
            hearing.id,
            continued_to=datetime(2027, 1, 12, 9, 30).astimezone(),
            version=hearing.version,
        )
    assert len(store.hearings(hearing.case_id)) == 1


@pytest.mark.sqlite_only
def test_an_older_database_gets_versions_on_entries_and_hearings(
    db_path: Path, clock: Clock
) -> None:
    with Store.open(db_path, clock=clock, user="tester") as older:
        case = add_case(older)
        add_filing(older, case, "Answer", filed_on=date(2026, 11, 2))
        older.add_hearing(
            case_id(case),
            Hearing(starts_at=datetime(2026, 12, 15, 10).astimezone(), kind="status conference"),
        )
        older.conn.executescript(
            "ALTER TABLE filings DROP COLUMN version; ALTER TABLE hearings DROP COLUMN version; "
            "DELETE FROM _sqlite_migrations WHERE name = 'm005_entry_and_hearing_versions';"
        )
    with Store.open(db_path, clock=clock, user="tester") as upgraded:
        assert upgraded.query_rows("SELECT title, version FROM filings") == [("Answer", 1)]
        assert upgraded.query_rows("SELECT kind, version FROM hearings") == [
            ("status conference", 1)
        ]
        filing = upgraded.filing_by_entry(case_id(case), 1)
        saved, _ = upgraded.update_filing(filing.model_copy(update={"title": "Amended answer"}))
        assert saved.version == 2
