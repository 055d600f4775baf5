"""A PostgreSQL database's change feed: LISTEN on a connection of its own.

Every write transaction on PostgreSQL sends one notification on `CHANNEL` (`db.base.write`),
which the server delivers to every listener when, and only if, the transaction commits: a
colleague's entry wakes this feed on every machine pointed at the database, and a rolled-back
write wakes nobody. What changed is then read from the audit log, as on SQLite
(`db.changes.ChangeFeed`). Writers take turns (`db.base.WRITER_LOCK`), so audit ids commit in
the order they were handed out and the feed needs no read-back for late commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from db.changes import ChangeFeed, FeedBusy
from db.postgres import CHANNEL
from db.postgres.connection import CONNECT_TIMEOUT_SECONDS, PgConnection


class PostgresChangeFeed(ChangeFeed):
    """Woken by the server's notifications; reads the audit log on the same connection."""

    def __init__(self, url: str) -> None:
        import psycopg

        raw = psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS, prepare_threshold=None
        )
        try:
            raw.execute(f"LISTEN {CHANNEL}")
            self._conn = PgConnection(raw, url)
            super().__init__(self._rows)
        except BaseException:
            raw.close()
            raise

    def _rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        import sqlite3

        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:  # the server is away for a moment
            raise FeedBusy(str(error)) from error

    def woken(self) -> bool:
        # Notifications already received, without waiting for more: a poll never blocks.
        arrived = list(self._conn.raw.notifies(timeout=0, stop_after=1000))
        return bool(arrived)

    def close(self) -> None:
        self._conn.close()
        super().close()
