"""Opening an up-to-date database reads the migration names from `db.schema` alone (without
loading sqlite-utils and the migrations): the two lists must agree, or a new migration would
never run on an existing database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.migrations import migrations
from db.schema import MIGRATION_NAMES, pending_migrations
from db.store import Store
from tests.db.builders import add_case


def test_the_schema_names_every_migration_in_order() -> None:
    names = [migration.name for migration in migrations.pending(Database(memory=True))]
    assert names == list(MIGRATION_NAMES)


@pytest.mark.sqlite_only
def test_a_new_database_has_nothing_pending_and_an_old_one_is_upgraded(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        assert pending_migrations(conn) == []
        last = MIGRATION_NAMES[-1]
        with conn:
            conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (last,))
            # What the last migration made, undone, as a database from before it would be.
            conn.execute("DROP TABLE cases_filter_fts")
            for trigger in ("cases_filter_ai", "cases_filter_ad", "cases_filter_au"):
                conn.execute(f"DROP TRIGGER {trigger}")
        assert pending_migrations(conn) == [last]
    finally:
        conn.close()
    with Store.open(db_path) as store:
        assert pending_migrations(store.conn) == []
        case_number = "1:26-cv-00042"
        add_case(store, case_number, title="Pinon v. Juniper Holdings")
        assert [row.number for row in store.list_cases(text="juniper hold")] == [case_number]
