"""What other writers committed: the feed an open screen polls to show colleagues' changes.

A paralegal's open Cases list, Case screen or Agenda should show another window's or another
machine's new entry within a second, without being told. Two questions make that up:

1. *Did anyone commit anything since I last looked?* Asked four times a second by an idle
   screen, so it must cost next to nothing, and it is the one part that depends on the
   database: SQLite answers it with `PRAGMA data_version` (`SqliteChangeFeed`); a server
   database answers it with its own notification channel (PostgreSQL's LISTEN/NOTIFY).
2. *What changed?* Every write leaves audit rows naming the case they touched, with ids that
   only grow, so the rows past the last id seen name the cases to reload. That read is plain
   SQL, the same on every backend, and lives in `ChangeFeed`.

A backend adds one subclass of `ChangeFeed` that implements `woken()` (and `close()` for what
it opened), sets `late_commit_seconds` if its audit ids can become visible out of order (a
server with many writers at once), and returns it from its store's `change_feed()`.
"""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from db.connection import read_only_uri

#: Reads rows for a query with `?` placeholders: the feed's own connection, or a store's
#: `query_rows` on a backend that translates placeholders itself.
RowReader = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]

#: Audit rows read at most in one poll. A bulk import past this many is announced as
#: "everything changed" rather than read row by row on the screen's thread.
MOST_ROWS = 5000

#: How long the feed's own connection waits for a lock before giving up until the next poll:
#: a poll runs between keystrokes and must never stall them.
FEED_BUSY_MS = 50


class FeedBusy(Exception):
    """The audit log could not be read just now (locked): the feed reads it on the next poll."""


@dataclass(frozen=True)
class Changes:
    """What was committed since the last poll."""

    case_ids: frozenset[int] = frozenset()
    """The cases whose records changed (their docket, parties, deadlines, status...)."""
    other: bool = False
    """Something tied to no one case changed: a court, a person on the team."""
    everything: bool = False
    """Too much changed to name (a bulk import): every case counts as changed."""

    def touches(self, case_id: int) -> bool:
        """Whether a screen showing `case_id` should read it again."""
        return self.everything or case_id in self.case_ids


class ChangeFeed:
    """The changes since the last poll, read from the audit log once a backend says to look.

    Subclasses implement `woken()`, the cheap test for "something was committed", and free
    what they opened in `close()` (calling this one). The feed starts at the audit log's end:
    what was committed before it was opened is what the screens read when they opened.
    """

    late_commit_seconds: ClassVar[float] = 0.0
    """How long a transaction may hold audit ids before committing them, on this backend.

    The read takes the rows past the last id seen, which is right only if ids become visible
    in the order they were handed out. SQLite makes that so (one writer at a time: an id is
    committed or rolled back before the next one is given), hence 0. On a server database
    many transactions write at once, and one that took id 10 can commit after another's 11
    was read: a subclass there sets this, and the feed reads back over the ids taken that
    long before the newest it saw (twice over, for the poll that sees them late), skipping
    the ones it has already announced."""

    def __init__(self, read: RowReader) -> None:
        self._read = read
        self._pending = False
        last = read("SELECT max(id) FROM audit_log", ())
        self._last_id = int(last[0][0] or 0) if last else 0
        self._marks: deque[tuple[float, int]] = deque([(time.monotonic(), self._last_id)])
        """(when, newest id seen then): how far back to read for late commits."""
        self._seen: set[int] = set()
        """Ids announced that the read-back still covers."""

    @property
    def last_id(self) -> int:
        """The newest audit row this feed has taken into account."""
        return self._last_id

    def woken(self) -> bool:
        """Whether anything may have been committed since the last call, answered at once.

        The contract for a backend:
        - never block: this runs on the screen's thread between keystrokes, four times a
          second; answer from what has already arrived (a version counter, a notification
          queue read with a zero timeout);
        - a false True is harmless (the audit read finds nothing and the poll says None);
          a false False is not: a commit must make some later call return True;
        - count every committed transaction, this process's own writes included (a write
          from a form reloads the screens showing it through the same path);
        - do not consume what a later call needs: once True has been returned for a
          commit, the feed reads the audit log and the commit needs no second wake-up.
        A reader that fails for a moment (a lock held too long) raises `FeedBusy`: the feed
        reads again on the next poll, woken or not.
        """
        raise NotImplementedError

    def poll(self) -> Changes | None:
        """What was committed since the last poll; None when nothing was."""
        if not (self.woken() or self._pending):
            return None
        now = time.monotonic()
        floor = self._floor(now)
        try:
            rows = self._read(
                "SELECT id, case_id FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
                (floor, MOST_ROWS + 1),
            )
            if len(rows) > MOST_ROWS:
                newest = self._read("SELECT max(id) FROM audit_log", ())
        except FeedBusy:
            self._pending = True
            return None
        self._pending = False
        if len(rows) > MOST_ROWS:
            self._last_id = max(self._last_id, int(newest[0][0] or 0))
            self._marks = deque([(now, self._last_id)])
            self._seen.clear()
            return Changes(everything=True, other=True)
        fresh = [(int(row_id), case_id) for row_id, case_id in rows if row_id not in self._seen]
        if not fresh:
            return None  # a commit with no audit row: nothing a screen shows changed
        self._last_id = max(self._last_id, fresh[-1][0])
        if self.late_commit_seconds:
            self._seen.update(row_id for row_id, _ in fresh)
            self._marks.append((now, self._last_id))
        else:
            self._marks = deque([(now, self._last_id)])
        case_ids = frozenset(int(case_id) for _, case_id in fresh if case_id is not None)
        other = any(case_id is None for _, case_id in fresh)
        return Changes(case_ids=case_ids, other=other)

    def _floor(self, now: float) -> int:
        """The id past which to read: the last one seen, or with late commits, the last one
        seen twice `late_commit_seconds` ago (ids at or below it have long been read)."""
        if not self.late_commit_seconds:
            return self._last_id
        horizon = now - 2 * self.late_commit_seconds
        while len(self._marks) > 1 and self._marks[1][0] <= horizon:
            self._marks.popleft()
        floor = self._marks[0][1]
        self._seen = {row_id for row_id in self._seen if row_id > floor}
        return floor

    def close(self) -> None:
        """Free what the feed opened; the base opened nothing."""


class SqliteChangeFeed(ChangeFeed):
    """A SQLite file's feed, on a connection of its own to the file.

    `PRAGMA data_version` changes when any *other* connection commits, so the feed cannot
    ask it on the store's connection and see the store's own writes; its own connection also
    keeps a poll from waiting on the store's lock while a worker holds it for a long query.
    The check reads a counter in shared memory: microseconds, with nothing committed.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        # A file opened read-only (a read-only disk or folder) is read the same way here.
        target, uri = (read_only_uri(path), True) if read_only else (str(path), False)
        self._conn = sqlite3.connect(
            target,
            uri=uri,
            timeout=FEED_BUSY_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {FEED_BUSY_MS}")
            self._conn.execute("PRAGMA query_only = ON")
            self._version = self._data_version()
            super().__init__(self._rows)
        except BaseException:
            self._conn.close()
            raise

    def _rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:
            # Locked for longer than a poll may wait: look again on the next one.
            if "locked" in str(error) or "busy" in str(error):
                raise FeedBusy(str(error)) from error
            raise

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def woken(self) -> bool:
        try:
            version = self._data_version()
        except sqlite3.OperationalError:
            return True  # cannot tell: let the read try, and retry if it is locked too
        if version == self._version:
            return False
        self._version = version
        return True

    def close(self) -> None:
        self._conn.close()
        super().close()


class QuietFeed(ChangeFeed):
    """The feed of a database no one else can reach (in memory): only its own store writes
    it, and the screens reload after their own writes already."""

    def woken(self) -> bool:
        return False
