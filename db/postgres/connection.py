"""A DB-API connection over psycopg 3 that the store can use as it uses `sqlite3`'s.

The store calls `execute`, `executemany`, `in_transaction`, the cursor's `fetchone`,
`fetchall`, `description`, `rowcount` and `lastrowid`, and catches `sqlite3`'s error classes.
This class gives it exactly those: statements go through `sql.translate`, and psycopg's
errors come back as the `sqlite3` class of the same DB-API kind (an integrity error is an
`IntegrityError` on either backend), keeping PostgreSQL's own message.

Transactions are the store's to begin and end (`BEGIN`, `COMMIT`, savepoints), as on SQLite:
the psycopg connection is in autocommit mode, so nothing begins behind the store's back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from db.postgres.schema import EXTENSIONS, MIGRATIONS, MIGRATIONS_TABLE, statements
from db.postgres.sql import translate

if TYPE_CHECKING:
    import psycopg

#: Opening waits this long for a server that is starting or busy, then says so.
CONNECT_TIMEOUT_SECONDS = 10

#: The advisory lock under which a database is set up or upgraded (writers hold the one
#: before it, `db.base.WRITER_LOCK`).
SCHEMA_LOCK = 0x646F636C


class PgCursor:
    """The part of a DB-API cursor the store reads."""

    def __init__(self, cursor: psycopg.Cursor[Any], *, returns_id: bool) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        self._pending: tuple[Any, ...] | None = None
        if returns_id:
            row = cursor.fetchone()
            self.lastrowid = None if row is None else int(row[0])

    @property
    def description(self) -> Sequence[tuple[str, ...]] | None:
        columns = self._cursor.description
        if columns is None:
            return None
        return [(column.name,) for column in columns]

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> tuple[Any, ...] | None:
        with _errors():
            row: tuple[Any, ...] | None = self._cursor.fetchone()
        return row

    def fetchall(self) -> list[tuple[Any, ...]]:
        with _errors():
            rows: list[tuple[Any, ...]] = self._cursor.fetchall()
        return rows

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        with _errors():
            rows: list[tuple[Any, ...]] = self._cursor.fetchmany(size)
        return rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())

    def close(self) -> None:
        self._cursor.close()


class PgConnection:
    """One psycopg connection, spoken to in the store's SQL."""

    dialect = "postgresql"

    def __init__(self, conn: psycopg.Connection[Any], url: str) -> None:
        self._conn = conn
        self.url = url
        self.created = False
        """This open set the database's schema up (it was empty)."""
        self._trace: Callable[[str], object] | None = None

    def set_trace_callback(self, callback: Callable[[str], object] | None) -> None:
        """Call `callback` with every statement run, as `sqlite3`'s connection does (with the
        parameters after it, where SQLite's would show them in place)."""
        self._trace = callback

    @property
    def raw(self) -> psycopg.Connection[Any]:
        """The psycopg connection, for what only PostgreSQL has (LISTEN, COPY)."""
        return self._conn

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> PgCursor:
        translated = translate(sql)
        if self._trace is not None:
            self._trace(f"{translated.sql} -- {params!r}")
        cursor = self._conn.cursor()
        with _errors():
            cursor.execute(translated.sql.encode(), _params(params))
        return PgCursor(cursor, returns_id=translated.returns_id)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict[str, Any]]) -> PgCursor:
        translated = translate(sql, returning=False)
        cursor = self._conn.cursor()
        with _errors():
            cursor.executemany(translated.sql.encode(), [_params(row) for row in rows])
        return PgCursor(cursor, returns_id=False)

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.execute("ROLLBACK")

    def close(self) -> None:
        self._conn.close()


class ReadPool:
    """Connections for reads outside a write, so the app's workers need not take turns."""

    def __init__(self, url: str, size: int) -> None:
        from psycopg_pool import ConnectionPool

        self._pool: ConnectionPool[Any] = ConnectionPool(
            url,
            min_size=1,
            max_size=size,
            kwargs={
                "autocommit": True,
                "connect_timeout": CONNECT_TIMEOUT_SECONDS,
                "prepare_threshold": None,
            },
            name="docket-reads",
            open=True,
        )

    def rows(
        self, sql: str, params: Sequence[Any] | dict[str, Any]
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The column names and rows of one read."""
        statement = translate(sql, returning=False).sql.encode()
        with _errors(), self._pool.connection() as conn, conn.cursor() as cursor:
            cursor.execute(statement, _params(params))
            names = [column.name for column in cursor.description or ()]
            return names, cursor.fetchall()

    def close(self) -> None:
        self._pool.close()


def move_sequences(conn: PgConnection | sqlite3.Connection) -> None:
    """Move every table's id sequence past its largest id: rows inserted with their ids
    given (a migration, a bulk load) leave the sequence behind, and the next insert that
    takes an id from it would collide. `conn` is a PostgreSQL store's (typed as the store
    types it)."""
    from db.postgres.sql import ID_TABLES

    for table in sorted(ID_TABLES):
        conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
        )


def _params(params: Sequence[Any] | dict[str, Any]) -> Sequence[Any] | dict[str, Any]:
    if isinstance(params, dict):
        return params
    return tuple(params)


@contextmanager
def _errors() -> Iterator[None]:
    """Raise psycopg's errors as the `sqlite3` class of the same DB-API kind."""
    import psycopg

    try:
        yield
    except psycopg.Error as error:
        raise _as_sqlite(error) from error


def _as_sqlite(error: Exception) -> sqlite3.Error:
    import psycopg

    for theirs, ours in (
        (psycopg.IntegrityError, sqlite3.IntegrityError),
        (psycopg.OperationalError, sqlite3.OperationalError),
        (psycopg.ProgrammingError, sqlite3.ProgrammingError),
        (psycopg.DataError, sqlite3.DataError),
        (psycopg.InternalError, sqlite3.InternalError),
        (psycopg.NotSupportedError, sqlite3.NotSupportedError),
        (psycopg.DatabaseError, sqlite3.DatabaseError),
    ):
        if isinstance(error, theirs):
            return ours(error.diag.message_primary or str(error))
    return sqlite3.Error(str(error))


def connect(url: str) -> PgConnection:
    """A connection to the database at `url`, its schema set up or upgraded first.

    Errors a person can act on (no server, wrong password, no such database, extensions
    missing) come back as `sqlite3.OperationalError` with a message saying what to do.
    """
    import psycopg

    try:
        # Never prepared: a statement planned once for any parameters (a generic plan) reads
        # search's GIN index for a common word as for a rare one; planned with its parameters
        # each time, it does not.
        raw = psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS, prepare_threshold=None
        )
    except psycopg.Error as error:
        raise sqlite3.OperationalError(_connect_problem(error)) from None
    conn = PgConnection(raw, url)
    try:
        _migrate(conn)
    except BaseException:
        raw.close()
        raise
    return conn


def shown_url(url: str) -> str:
    """`url` with its password hidden: what messages and the app's header may show."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return "the PostgreSQL database"
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _connect_problem(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return f"cannot connect to the PostgreSQL database ({text})"


def applied_migrations(conn: PgConnection) -> set[str]:
    exists = conn.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_name = ?",
        (MIGRATIONS_TABLE,),
    ).fetchone()
    if exists is None:
        return set()
    return {str(row[0]) for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}").fetchall()}


def pending_migrations(conn: PgConnection) -> list[str]:
    applied = applied_migrations(conn)
    return [name for name, _ in MIGRATIONS if name not in applied]


def _migrate(conn: PgConnection) -> None:
    """Apply the pending steps in one transaction, under a lock that other openers wait on."""
    if not pending_migrations(conn):
        return
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
        pending = pending_migrations(conn)  # another opener may have done it meanwhile
        if pending:
            _ensure_extensions(conn)
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
                "(name text PRIMARY KEY, applied_at text NOT NULL)"
            )
            conn.created = MIGRATIONS[0][0] in pending
            for name in pending:
                for statement in statements(name):
                    conn.raw.execute(statement.encode())
                conn.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) "
                    "VALUES (?, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))",
                    (name,),
                )
    except BaseException:
        conn.rollback()
        raise
    conn.execute("COMMIT")


def _ensure_extensions(conn: PgConnection) -> None:
    present = {str(row[0]) for row in conn.execute("SELECT extname FROM pg_extension").fetchall()}
    for extension in EXTENSIONS:
        if extension in present:
            continue
        conn.execute("SAVEPOINT docket_extension")
        try:
            conn.raw.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}".encode())
        except Exception:
            conn.execute("ROLLBACK TO SAVEPOINT docket_extension")
            raise sqlite3.OperationalError(
                f"the database needs the {extension} extension and this role may not create "
                f"it: ask the database's administrator to run CREATE EXTENSION {extension}; "
                'in it (see "A shared docket for a firm" in the README)'
            ) from None
        conn.execute("RELEASE SAVEPOINT docket_extension")
