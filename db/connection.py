"""Opening the database file the way every part of docket expects it.

WAL so the TUI can read while a CLI import writes; foreign keys on; a busy timeout so two
writers wait for each other instead of failing; a new file readable by its owner only
(case files hold names of victims and witnesses).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from db.migrations import migrations

BUSY_TIMEOUT_MS = 10_000


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists; SQLite gives -wal/-shm the same."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, 0o600)


def connect(path: Path | str) -> Database:
    """Open (creating if needed) and migrate the database at `path`."""
    path = Path(path)
    create_private_file(path)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    db = Database(conn)
    if migrations.pending(db):
        # One transaction for every pending step: a new database is written (and synced)
        # once, and a second process opening it at the same moment waits, then finds the
        # steps applied.
        conn.execute("BEGIN IMMEDIATE")
        try:
            migrations.apply(db)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return db


def is_docket_database(path: Path) -> bool:
    """True when the file is a SQLite database that docket has set up."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return False
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='cases'"
            ).fetchone()
        finally:
            conn.close()
        return row is not None
    except (OSError, sqlite3.Error):
        return False
