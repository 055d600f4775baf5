"""Opening the database file the way every part of docket expects it.

WAL so the TUI can read while a CLI import writes; foreign keys on; a busy timeout so two
writers wait for each other instead of failing; a new file readable by its owner only
(case files hold names of victims and witnesses).

Creating and upgrading a file happen under `opening()`, an exclusive lock shared by every
docket process: six `docket init` at once, or a `case list` while another process upgrades an
old schema, would otherwise see a file half set up ("not a docket database") or meet a
schema change in progress ("database is locked"). The others wait, then find it ready.

A file that cannot be written (a read-only mount, a file marked immutable, a folder the user
may not write to) is opened read-only rather than refused: reads work, and a write is refused
by the store as read-only, never as "not a docket database".
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from db.schema import pending_migrations

BUSY_TIMEOUT_MS = 10_000

#: How long an open waits for another process to finish creating or upgrading the file.
OPENING_WAIT_SECONDS = 120.0


class ReadOnlyDatabase(sqlite3.OperationalError):
    """The file cannot be written and needs what only a write can do (creating, upgrading)."""


@dataclass(frozen=True)
class Opened:
    """A connection and what opening it found."""

    conn: sqlite3.Connection
    read_only: bool
    """Opened read-only because the file or its folder cannot be written."""
    created: bool
    """This open set the file up (it was empty or new)."""


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists; SQLite gives -wal/-shm the same."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, 0o600)


def is_writable(path: Path) -> bool:
    """Whether SQLite can write the file: the file itself, and its folder for the -wal and
    -shm files beside it (unless both are already there and writable).

    os.access answers for this process: the file's mode, but also a read-only mount and an
    immutable file, which stop even root.
    """
    if not os.access(path, os.W_OK):
        return False
    if os.access(path.parent, os.W_OK):
        return True
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    return all(os.access(sidecar, os.W_OK) for sidecar in sidecars)


def read_only_uri(path: Path) -> str:
    """The URI that opens the file without writing anything.

    `mode=ro` still creates the -shm file a WAL database needs, which a folder that cannot be
    written refuses; there, `immutable=1` reads the file as it is, with no locks (nothing can
    change a file on a read-only mount).
    """
    uri = path.resolve().as_uri()
    if os.access(path.parent, os.W_OK):
        return uri + "?mode=ro"
    return uri + "?immutable=1"


_held: dict[Path, int] = {}
_held_lock = threading.Lock()


@contextmanager
def opening(path: Path) -> Iterator[None]:
    """Hold the exclusive lock under which a database file is created, checked and upgraded.

    The lock is an flock on the folder holding the file: it leaves no file of its own, and it
    cannot disturb SQLite's own locks on the database (POSIX locks, which closing any handle
    on the database file would drop). It is re-entrant within a process. Where flock does not
    exist (Windows) opening is not serialized.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the platforms docket runs on
        yield
        return
    folder = path.expanduser().absolute().parent
    with _held_lock:
        if folder in _held:
            _held[folder] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_lock:
                _held[folder] -= 1
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + OPENING_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise sqlite3.OperationalError(
                        "database is locked: another process has been setting it up for "
                        f"{OPENING_WAIT_SECONDS:.0f} s"
                    ) from None
                time.sleep(0.02)
        with _held_lock:
            _held[folder] = 1
        try:
            yield
        finally:
            with _held_lock:
                del _held[folder]
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def open_database(path: Path | str) -> Opened:
    """Open (creating if needed) and migrate the database at `path`; read-only when it
    cannot be written, provided it needs no upgrade."""
    path = Path(path)
    with opening(path):
        if path.exists() and not is_writable(path):
            return Opened(_open_read_only(path), read_only=True, created=False)
        create_private_file(path)
        created = path.stat().st_size == 0
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            # What sqlite-utils sets on every connection it wraps, which the schema has
            # always been written and tested under.
            conn.execute("PRAGMA recursive_triggers = ON")
            if pending_migrations(conn):
                _migrate(conn)
        except BaseException:
            conn.close()
            raise
    return Opened(conn, read_only=False, created=created)


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply the pending migrations: one transaction for every step, so a new database is
    written (and synced) once. The migrations and sqlite-utils load only here."""
    from sqlite_utils import Database

    from db.migrations import migrations

    db = Database(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def connect(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`."""
    return open_database(path).conn


def _open_read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA recursive_triggers = ON")
        if pending_migrations(conn):
            raise ReadOnlyDatabase(
                "attempt to write a readonly database: it needs an upgrade by this version of "
                "docket, which only a writable copy can take"
            )
    except BaseException:
        conn.close()
        raise
    return conn


def is_docket_database(path: Path) -> bool:
    """True when the file is a SQLite database that docket has set up."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return False
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            row = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='cases'"
            ).fetchone()
        finally:
            conn.close()
        return row is not None
    except (OSError, sqlite3.Error):
        return False
