"""The change feed: a poll says nothing when nothing was committed, and names the cases
another connection's writes touched, so an open screen knows what to read again."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

import db.changes as changes_module
from db.changes import ChangeFeed, Changes, SqliteChangeFeed
from db.store import Store
from docket.models import Case, CaseKind, DocType, Filing


def _next(feed: ChangeFeed) -> Changes | None:
    """The next poll that finds something, within a few seconds: SQLite's feed sees a commit
    at once, PostgreSQL's when the server's notification has crossed the socket."""
    waited = time.monotonic() + 5
    while (changes := feed.poll()) is None and time.monotonic() < waited:
        time.sleep(0.01)
    return changes


def _case(store: Store, number: str) -> int:
    case = store.add_case(
        Case(
            number=number,
            title=f"{number} matter",
            kind=CaseKind.CIVIL,
            opened_on=date(2026, 11, 2),
        )
    )
    assert case.id is not None
    return case.id


def test_nothing_committed_is_none_and_another_writers_entry_names_its_case(
    store: Store, db_path: Path
) -> None:
    quiet = _case(store, "1:26-cv-00001")
    busy = _case(store, "1:26-cv-00002")
    feed = store.change_feed()
    try:
        assert feed.poll() is None, "what was there before the feed opened is not news"
        assert feed.poll() is None
        with Store.open(db_path, clock=store.clock, user="colleague") as colleague:
            colleague.add_filing(
                busy,
                Filing(filed_on=date(2026, 11, 20), doc_type=DocType.MOTION, title="Motion"),
            )
        changes = _next(feed)
        assert changes is not None
        assert changes.touches(busy)
        assert not changes.touches(quiet)
        assert not changes.other
        assert feed.poll() is None, "a change is announced once"
    finally:
        feed.close()


def test_this_stores_own_write_and_a_new_case_are_announced(store: Store) -> None:
    feed = store.change_feed()
    try:
        case_id = _case(store, "1:26-cv-00003")
        changes = _next(feed)
        assert changes is not None
        assert changes.case_ids == frozenset({case_id})
    finally:
        feed.close()


def test_a_change_tied_to_no_case_is_announced_as_other(store: Store) -> None:
    feed = store.change_feed()
    try:
        with store.write():
            store.record_audit("insert", "people", 1, case_id=None, after={"name": "Ann"})
        changes = _next(feed)
        assert changes is not None
        assert changes.other
        assert changes.case_ids == frozenset()
    finally:
        feed.close()


def test_a_bulk_change_too_large_to_name_counts_as_everything(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes_module, "MOST_ROWS", 2)
    feed = store.change_feed()
    try:
        for number in range(3):
            _case(store, f"1:26-cv-0001{number}")
        changes = _next(feed)
        assert changes is not None
        assert changes.everything and changes.touches(999_999)
        assert feed.poll() is None, "the feed moved past every row it skipped"
    finally:
        feed.close()


class LateCommits(SqliteChangeFeed):
    """The feed as a server backend sets it up, where ids can commit out of order."""

    late_commit_seconds = 30.0


def _audit_row(store: Store, row_id: int, case_id: int) -> None:
    with store.write():
        store.conn.execute(
            "INSERT INTO audit_log (id, at, who, action, entity, entity_id, case_id) "
            "VALUES (?, ?, 'colleague', 'insert', 'notes', 1, ?)",
            (row_id, store.timestamp(), case_id),
        )


@pytest.mark.sqlite_only  # a feed over SQLite made to see late commits; PostgreSQL has none
def test_an_id_committed_after_a_later_one_is_still_announced_where_commits_can_be_late(
    store: Store,
) -> None:
    first = _case(store, "1:26-cv-00021")
    second = _case(store, "1:26-cv-00022")
    assert store.path is not None
    feed = LateCommits(store.path)
    try:
        top = feed.last_id
        # Two writers took ids top+1 and top+2; the one with top+2 committed first.
        _audit_row(store, top + 2, second)
        changes = _next(feed)
        assert changes is not None and changes.case_ids == frozenset({second})
        _audit_row(store, top + 1, first)
        changes = _next(feed)
        assert changes is not None and changes.case_ids == frozenset({first})
        assert feed.poll() is None, "neither is announced twice"
    finally:
        feed.close()
