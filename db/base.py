"""The connection, the write transaction and the audited row writes every part of the store uses.

Rules that hold for every write:
- it runs in one transaction, started with BEGIN IMMEDIATE so that two processes writing at
  once queue on the busy timeout instead of failing half-way;
- it leaves an audit row (who, when, before, after as JSON);
- it refreshes the case's rollups (last activity, next deadline, next hearing, attention date)
  so that lists sort and flag from indexed columns instead of loading cases into Python.

Everything here is public because the aggregate modules, the importers and exporters and the
synthetic loader all build on it; only this class talks to the connection's transaction state.
"""

from __future__ import annotations

import getpass
import itertools
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self, cast

from db.connection import is_writable, open_database
from db.mapping import json_text
from db.postgres import CHANNEL
from docket.clock import Clock
from docket.errors import InputError, NotFound, Refused, StaleRecord

if TYPE_CHECKING:
    from db.changes import ChangeFeed
    from db.postgres.connection import ReadPool

#: A case with no upcoming event and no activity for this many days needs attention.
QUIET_AFTER_DAYS = 30

#: The advisory lock a PostgreSQL write transaction holds (see `write()`).
WRITER_LOCK = 0x646F636B

#: Which SQL the database speaks.
Dialect = Literal["sqlite", "postgresql"]

#: Parameters for a query: positional or named.
Params = Sequence[Any] | dict[str, Any]


class StoreBase:
    """One open docket database. Safe to share between threads (calls are serialized)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path | None = None,
        clock: Clock | None = None,
        user: str | None = None,
        quiet_after_days: int = QUIET_AFTER_DAYS,
        read_only: bool = False,
        created: bool = False,
        url: str | None = None,
    ) -> None:
        self._conn = conn
        self.path = path
        """The SQLite file; None on PostgreSQL."""
        self.url = url
        """The PostgreSQL database's URL; None on SQLite."""
        self.dialect: Dialect = "postgresql" if url is not None else "sqlite"
        """Which SQL the connection speaks underneath (the store writes SQLite's; see
        `db.postgres`): only search, the Cases filter and the schema ask."""
        self.read_only = read_only
        """Opened read-only (the file cannot be written here): reads work, writes are refused."""
        self.created = created
        """This open set the database up: it was new or empty."""
        self.clock = clock or Clock()
        """Today and now, pinned in tests and demos."""
        self.user = user or os.environ.get("DOCKET_USER") or _os_user()
        """Who the audit log names for every write."""
        self.quiet_after_days = quiet_after_days
        self.lock = threading.RLock()
        """Serializes every use of the one connection; hold it around direct use of `conn`."""
        self._writing = threading.local()
        """Whether this thread is inside `write()` (its reads must see its own writes)."""
        self._read_pool: ReadPool | None = None
        self._savepoints = itertools.count(1)

    @classmethod
    def open(cls, path: Path | str, *, clock: Clock | None = None, user: str | None = None) -> Self:
        """Open the SQLite file at `path`, or the PostgreSQL database a `postgresql://` URL
        names; either is created or upgraded first."""
        from db.postgres import is_postgres_url

        if is_postgres_url(path):
            from db.postgres.connection import connect

            pg = connect(str(path))
            return cls(
                cast("sqlite3.Connection", pg),  # the subset of it the store uses
                clock=clock,
                user=user,
                url=str(path),
                created=pg.created,
            )
        path = Path(path)
        try:
            opened = open_database(path)
        except sqlite3.DatabaseError as error:
            if "readonly" in str(error) or (path.exists() and not is_writable(path)):
                raise Refused(
                    f"{path} is read-only and {_read_only_reason(error)}", field="database"
                ) from None
            raise InputError("database", f"{path} is not a docket database ({error})") from None
        return cls(
            opened.conn,
            path=path,
            clock=clock,
            user=user,
            read_only=opened.read_only,
            created=opened.created,
        )

    def close(self) -> None:
        if self._read_pool is not None:
            self._read_pool.close()
        self._conn.close()

    def pool_reads(self, size: int = 4) -> None:
        """Let reads from other threads run at once, each on a pooled connection of its own.

        The app reads from several workers (a page of cases, a case's docket, the agenda);
        on one connection they wait for each other, and on a server a round trip is not free.
        SQLite has nothing to gain (its reads are local and brief): there this does nothing.
        A read from inside `write()` stays on the writing connection, which alone sees what
        the transaction has written so far.
        """
        if self.dialect == "postgresql" and self._read_pool is None and self.url is not None:
            from db.postgres.connection import ReadPool

            self._read_pool = ReadPool(self.url, size)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change_feed(self) -> ChangeFeed:
        """What other writers commit to this database, for screens that show it live.

        The caller closes it. A backend with its own notification channel returns its own
        feed (see db/changes.py)."""
        from db.changes import QuietFeed, SqliteChangeFeed

        if self.url is not None:
            from db.postgres.changes import PostgresChangeFeed

            return PostgresChangeFeed(self.url)
        if self.path is None:
            return QuietFeed(self.query_rows)
        return SqliteChangeFeed(self.path, read_only=self.read_only)

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @property
    def target(self) -> Path | str:
        """What `open()` takes to open this database again: the file, or the URL."""
        if self.url is not None:
            return self.url
        assert self.path is not None, "an in-memory database cannot be opened again"
        return self.path

    @property
    def where(self) -> str:
        """The database as a person names it: the file's path, or the URL without a password."""
        if self.url is not None:
            from db.postgres.connection import shown_url

            return shown_url(self.url)
        return str(self.path)

    @property
    def database_id(self) -> str:
        """This database's own random id (set when it was created; copies keep it)."""
        return str(self.query_rows("SELECT value FROM docket_meta WHERE key = 'database_id'")[0][0])

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one (as savepoints).

        Savepoints are named by a counter: sqlite-utils' `atomic()` names each with fresh
        random bytes, which cost more than the insert inside when an import nests hundreds.
        """
        if self.read_only:
            raise Refused(
                f"{self.path} is read-only here (a read-only disk, folder or file): it can be "
                "read, not changed; to change it, work on a copy you can write to",
                field="database",
            )
        with self.lock:
            if self.conn.in_transaction:
                savepoint = f"docket_{next(self._savepoints)}"
                self.conn.execute(f"SAVEPOINT {savepoint}")
                try:
                    yield
                except BaseException:
                    # An error may already have ended the whole transaction.
                    if self.conn.in_transaction:
                        self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                        self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                    raise
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._writing.active = True
            try:
                if self.dialect == "postgresql":
                    # Writers take turns, as SQLite's BEGIN IMMEDIATE makes them: entry
                    # numbers, stale checks and rollups read then write, and the audit log's
                    # ids then commit in order (which the change feed reads by). The
                    # notification reaches every open app's change feed when, and only if,
                    # this commits (db/postgres/changes.py). One round trip for both.
                    self.conn.execute(
                        "SELECT pg_advisory_xact_lock(?), pg_notify(?, '')", (WRITER_LOCK, CHANNEL)
                    )
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._writing.active = False

    # ------------------------------------------------------------------ reads

    def query_rows(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        """Rows as tuples: what lists use, since a model per row costs more than the fetch."""
        if self._read_pool is not None and not getattr(self._writing, "active", False):
            return self._read_pool.rows(sql, params)[1]
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def query_dicts(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        """Rows as column-name dicts, ready for the `db.mapping` converters."""
        if self._read_pool is not None and not getattr(self._writing, "active", False):
            names, rows = self._read_pool.rows(sql, params)
            return [dict(zip(names, row, strict=True)) for row in rows]
        with self.lock:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def row_by_id(self, table: str, row_id: int) -> dict[str, Any]:
        """One row of `table` as a dict; NotFound names the table and id."""
        rows = self.query_dicts(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        if not rows:
            raise NotFound(f"no record in {table} has id {row_id}", field="id")
        return rows[0]

    def timestamp(self) -> str:
        """The current time as stored in `created_at`, `updated_at` and the audit log (UTC)."""
        return self.clock.utcnow_iso()

    # ------------------------------------------------------------------ audited writes
    # Call these inside `write()`: they neither begin nor commit.

    def record_audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        *,
        case_id: int | None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """One audit log row: who did `action` to which record, and the record before and after."""
        self.conn.execute(
            "INSERT INTO audit_log (at, who, action, entity, entity_id, case_id, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.timestamp(),
                self.user,
                action,
                entity,
                entity_id,
                case_id,
                None if before is None else json_text(before),
                None if after is None else json_text(after),
            ),
        )

    def insert(self, table: str, values: dict[str, Any], *, case_id: int | None) -> dict[str, Any]:
        """Insert a row, audit it, and return it as stored (read once, for both)."""
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values())
        )
        row_id = int(cursor.lastrowid or 0)
        row = self.row_by_id(table, row_id)
        self.record_audit(
            "insert", table, row_id, case_id=row_id if table == "cases" else case_id, after=row
        )
        return row

    def update(
        self,
        table: str,
        row_id: int,
        changes: dict[str, Any],
        *,
        case_id: int | None,
        action: str = "update",
        bump_version: bool = False,
    ) -> dict[str, Any]:
        """Update a row, audit it with before and after, and return it as stored.

        An update that changes nothing leaves no audit row.
        """
        before = self.row_by_id(table, row_id)
        if bump_version:
            changes = {**changes, "version": before["version"] + 1}
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", (*changes.values(), row_id)
        )
        after = self.row_by_id(table, row_id)
        if before != after:
            self.record_audit(action, table, row_id, case_id=case_id, before=before, after=after)
        return after

    # ------------------------------------------------------------------ optimistic locking

    def changed_since(self, table: str, row_id: int, version: int) -> tuple[str, ...]:
        """The columns other writes changed on a row since it was at `version`, in the order
        they were first changed: read from the audit log, which holds every update's before
        and after."""
        rows = self.query_rows(
            "SELECT before, after FROM audit_log INDEXED BY audit_by_entity "
            "WHERE entity = ? AND entity_id = ? AND before IS NOT NULL "
            "AND CAST(json_extract(before, '$.version') AS INTEGER) >= ? ORDER BY id",
            (table, row_id, version),
        )
        changed: dict[str, None] = {}
        for before_text, after_text in rows:
            before, after = json.loads(before_text), json.loads(after_text or "{}")
            for column in after:
                if column not in _BOOKKEEPING and before.get(column) != after[column]:
                    changed[column] = None
        return tuple(changed)

    def refuse_if_stale(
        self, table: str, row_id: int, *, read_version: int, saved_version: int, what: str
    ) -> None:
        """Refuse to save a copy read at `read_version` over a row now at `saved_version`:
        writing every field of the old copy back would undo the other writer's change.

        Call inside `write()`, after reading the row there, so nothing can slip in between.
        """
        if read_version == saved_version:
            return
        changed = self.changed_since(table, row_id, read_version)
        fields = f" ({', '.join(changed)})" if changed else ""
        raise StaleRecord(
            f"{what} was changed by someone else since it was read{fields}; "
            "nothing was saved: reload it and edit again",
            changed=changed,
        )


#: Columns every write sets, which say nothing about what a person changed.
_BOOKKEEPING = frozenset({"updated_at", "version"})


def _read_only_reason(error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if "upgrade" in text:
        return "needs an upgrade by this version of docket, which only a writable copy can take"
    return f"cannot be set up here ({text})"


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
