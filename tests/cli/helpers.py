"""What more than one CLI test file asks of a database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("cases", "filings", "deadlines", "notes", "audit_log", "status_changes")
        }
    finally:
        conn.close()
