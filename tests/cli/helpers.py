"""What more than one CLI test file asks of a database file."""

from __future__ import annotations

from pathlib import Path

from db.store import Store


def table_counts(database: Path | str | Store) -> dict[str, int]:
    """Rows in each table a command writes, read by a connection of the test's own (or the
    open `Store` given): on either backend."""
    store = database if isinstance(database, Store) else Store.open(database)
    try:
        return {
            table: store.query_rows(f"SELECT count(*) FROM {table}")[0][0]
            for table in ("cases", "filings", "deadlines", "notes", "audit_log", "status_changes")
        }
    finally:
        if store is not database:
            store.close()
