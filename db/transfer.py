"""Copying a whole docket from one database into another: `docket migrate` (a SQLite file into a
firm's PostgreSQL database, and back again, so nobody is locked in), and a PostgreSQL docket's
backup, which is a SQLite file.

A copy keeps everything a person, a court or an auditor relies on: every row with its id,
every entry number, the audit log as it was written, and the database's identity
(`database_id`: copies keep it). It goes into an empty database in one write transaction, so
a failure anywhere leaves the target as it was, and the rows of each table are counted on both
sides before it commits.

A merge adds one docket to a database that already holds another. The target gives each added
row a new id, and every reference follows it (a deadline's case and triggering entry, a
counsel's client, an audit row's case and record); entry numbers are per case, so they stay. A
case both hold (the same court and number) refuses the whole merge. A person with the same
name or login, a party with the same name and kind, a court with the same id and a closure on
the same day and calendar are taken to be the target's own, so the team, the conflict check
and the calendars stay one each.

The source is read in one read transaction (a snapshot: a copy made while colleagues write is
still consistent), a page at a time in id order (keyset paging), so no table is ever held in
memory; the target is written in batches. Only the columns both sides have are copied (the
PostgreSQL audit log's `db_role` has no column on SQLite).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from db.base import StoreBase
from db.connection import open_database
from db.new_file import write_new_file
from db.postgres.connection import move_sequences
from db.table_copy import TABLES, CopiedTable, TableCopier, count_rows, marks, pages
from docket.errors import InputError, Refused

#: Rows read from the source and written to the target at a time.
BATCH_ROWS = 500

#: The database's own settings (its identity); a copy carries them, a merge keeps the target's.
META_TABLE = "docket_meta"


class TargetHoldsData(Refused):
    """The target already holds a docket: a copy goes only into an empty database, so that
    no id can meet another, unless a merge was asked for."""


@dataclass(frozen=True)
class TableCopy:
    """What a copy did to one table."""

    table: str
    source_rows: int
    target_rows: int
    """Rows in the target's table once the copy committed."""
    added: int
    """Rows written to the target."""
    matched: int = 0
    """Rows the target already had (a merge's shared people, parties, courts, closures)."""

    def as_dict(self) -> dict[str, int]:
        return {
            "source": self.source_rows,
            "target": self.target_rows,
            "added": self.added,
            "matched": self.matched,
        }


@dataclass(frozen=True)
class TransferReport:
    """A finished copy: where from, where to, and each table's counts, in copying order."""

    source: str
    target: str
    merged: bool
    tables: tuple[TableCopy, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "to": self.target,
            "merged": self.merged,
            "tables": {copy.table: copy.as_dict() for copy in self.tables},
        }


def copy_database(
    source: StoreBase, target: StoreBase, *, merge: bool = False, batch_rows: int = BATCH_ROWS
) -> TransferReport:
    """Copy every docket table of `source` into `target` in one write transaction.

    Without `merge` the target must hold no data (its schema only): rows keep their ids and
    the target takes the source's identity. With `merge` the rows are added to what the
    target holds, under new ids. Either way nothing is written unless all of it is, and the
    counts of every table agree.
    """
    if target.read_only:
        raise Refused(
            f"{target.where} is read-only here; nothing was copied: name a database you can "
            "write to",
            field="target",
        )
    if _same_database(source, target):
        raise InputError(
            "target",
            f"{target.where} is the database being copied from; name another one",
            "an empty database or a new file",
        )
    try:
        tables = _copy(source, target, merge=merge, batch_rows=batch_rows)
    except sqlite3.Error as error:
        raise Refused(
            f"the copy from {source.where} into {target.where} failed ({error}); "
            "nothing was copied",
            field="target",
        ) from None
    return TransferReport(source.where, target.where, merge, tables)


def _copy(
    source: StoreBase, target: StoreBase, *, merge: bool, batch_rows: int
) -> tuple[TableCopy, ...]:
    """The copy itself, in one write transaction; a database error comes out as it is."""
    with _read_snapshot(source), target.write():
        if merge:
            _refuse_shared_cases(source, target, batch_rows)
        else:
            _refuse_if_holding(target)
        copier = TableCopier(source, target, merge=merge, batch_rows=batch_rows)
        copied = [copier.copy(spec) for spec in TABLES]
        if not merge:
            _copy_settings(source, target)
        if target.dialect == "postgresql":
            move_sequences(target.conn)
        tables = _checked_counts(source, target, copied, merge=merge)
        if merge:
            target.record_audit(
                "merge",
                "database",
                None,
                case_id=None,
                after={
                    "from_database_id": source.database_id,
                    "added": {copy.table: copy.added for copy in tables},
                },
            )
    return tables


def copy_into_file(source: StoreBase, path: Path) -> TransferReport:
    """Copy `source` into the SQLite file at `path` (new, or an empty docket): what a backup
    of a PostgreSQL docket writes into its temporary file. A database error (a full disk)
    comes out as it is, for the caller to name the file it meant."""
    # Opened underneath `StoreBase.open`, which would call a full disk "not a docket database".
    opened = open_database(path)
    with StoreBase(opened.conn, path=path, clock=source.clock, user=source.user) as copy:
        tables = _copy(source, copy, merge=False, batch_rows=BATCH_ROWS)
    return TransferReport(source.where, str(path), False, tables)


def copy_into_new_file(source: StoreBase, path: Path) -> TransferReport:
    """Copy `source` into a new SQLite file at `path`, never leaving half a copy there
    (`db.new_file`)."""
    reports: list[TransferReport] = []
    write_new_file(
        path,
        lambda temporary: reports.append(copy_into_file(source, temporary)),
        what="copy",
        field="target",
        taken=f"{path} exists; name a new file",
    )
    (report,) = reports
    return replace(report, target=str(path))


def holds_docket(url: str) -> bool:
    """Whether the PostgreSQL database at `url` has a docket schema, asked without setting
    one up (opening a store would create it in an empty database)."""
    import psycopg

    from db.postgres.connection import CONNECT_TIMEOUT_SECONDS
    from db.postgres.schema import MIGRATIONS_TABLE

    try:
        with psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_SECONDS) as conn:
            row = conn.execute(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                "AND table_name = %s",
                (MIGRATIONS_TABLE,),
            ).fetchone()
    except psycopg.Error as error:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise sqlite3.OperationalError(
            f"cannot connect to the PostgreSQL database ({text})"
        ) from None
    return row is not None


# ---------------------------------------------------------------------------- the rules


@contextmanager
def _read_snapshot(store: StoreBase) -> Iterator[None]:
    """Read `store` as of one moment, whatever other writers commit meanwhile."""
    with store.lock:
        if store.conn.in_transaction:
            yield
            return
        if store.dialect == "postgresql":
            store.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        else:
            store.conn.execute("BEGIN")
        try:
            yield
        finally:
            if store.conn.in_transaction:
                store.conn.execute("ROLLBACK")


def _same_database(source: StoreBase, target: StoreBase) -> bool:
    """Whether the two stores are one database (a copy of it, elsewhere, is not)."""
    if source is target:
        return True
    if source.dialect != target.dialect or source.database_id != target.database_id:
        return False
    if source.path is not None and target.path is not None:
        try:
            return os.path.samefile(source.path, target.path)
        except OSError:
            return False
    # Two URLs may name one database: the target's server sees the source's own session.
    mine = source.query_rows(
        "SELECT pid, CAST(backend_start AS text), current_database() FROM pg_stat_activity "
        "WHERE pid = pg_backend_pid()"
    )
    if not mine:
        return False
    seen = target.query_rows(
        "SELECT 1 FROM pg_stat_activity WHERE pid = ? AND CAST(backend_start AS text) = ? "
        "AND datname = ?",
        mine[0],
    )
    return bool(seen)


#: What a refusal names first: a table not listed here holds rows only beside these.
_HEADLINE = ("cases", "filings", "people", "courts", "court_closures", "audit_log")


def _refuse_if_holding(target: StoreBase) -> None:
    holding = [spec for spec in TABLES if target.query_rows(f"SELECT 1 FROM {spec.name} LIMIT 1")]
    named = [spec for spec in holding if spec.name in _HEADLINE] or holding
    held = [f"{spec.rows_are} ({count_rows(target, spec.name)})" for spec in named]
    if held:
        listed = ", ".join(held[:-1]) + (" and " if len(held) > 1 else "") + held[-1]
        raise TargetHoldsData(
            f"{target.where} already holds {listed}; nothing was copied: a copy goes into an "
            "empty database, unless it is a merge",
            field="target",
        )


def _refuse_shared_cases(source: StoreBase, target: StoreBase, batch_rows: int) -> None:
    """A merge adds cases; one both databases hold would be two dockets for one matter."""
    for page in pages(source, "cases", ["id", "court", "number"], 0, batch_rows):
        numbers = sorted({number for _id, _court, number in page})
        held = {
            (court, number)
            for court, number in target.query_rows(
                f"SELECT court, number FROM cases WHERE number IN ({marks(len(numbers))})",
                numbers,
            )
        }
        for _id, court, number in page:
            if (court, number) in held:
                where = f" ({court})" if court else ""
                raise Refused(
                    f"case {number}{where} is in both {source.where} and {target.where}; "
                    "nothing was merged: a merge adds only cases the target does not hold",
                    field="target",
                )


def _copy_settings(source: StoreBase, target: StoreBase) -> None:
    rows = source.query_rows(f"SELECT key, value FROM {META_TABLE} ORDER BY key")
    target.conn.executemany(
        f"INSERT INTO {META_TABLE} (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        rows,
    )


def _checked_counts(
    source: StoreBase, target: StoreBase, copied: list[CopiedTable], *, merge: bool
) -> tuple[TableCopy, ...]:
    """Each table's count after the copy, checked against what was read and written."""
    checked = []
    for copy in copied:
        after = count_rows(target, copy.table)
        expected = copy.before + copy.added if merge else copy.source_rows
        read = copy.added + copy.matched
        if after != expected or read != copy.source_rows:
            raise Refused(
                f"{copy.table}: {target.where} would hold {after} rows where {expected} were "
                f"expected ({copy.source_rows} in {source.where}, {read} read); "
                "nothing was copied",
                field="target",
            )
        checked.append(TableCopy(copy.table, copy.source_rows, after, copy.added, copy.matched))
    return tuple(checked)
