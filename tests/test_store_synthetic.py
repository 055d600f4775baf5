"""The synthetic generator: deterministic, lifecycle-valid, indexed and rolled up."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.clock import Clock
from docket.lifecycle import lifecycle_for
from fixtures.synthetic import SyntheticStats, generate
from tests.conftest import TODAY
from tests.store_conftest import add_case, case_id, count

TABLES = (
    "cases",
    "parties",
    "case_parties",
    "filings",
    "hearings",
    "deadlines",
    "status_changes",
    "notes",
)


@pytest.fixture
def generated(store: Store) -> tuple[Store, SyntheticStats]:
    return store, generate(store, 50)


def _content(path: Path, seed: int) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(path, clock=Clock(TODAY), user="tester") as store:
        generate(store, 50, seed=seed)
        content = {}
        for table in TABLES:
            cursor = store.conn.execute(f"SELECT * FROM {table} ORDER BY id")
            names = [d[0] for d in cursor.description]
            keep = [i for i, n in enumerate(names) if n not in {"created_at", "updated_at"}]
            content[table] = [tuple(row[i] for i in keep) for row in cursor]
        return content


def test_same_seed_gives_the_same_rows(tmp_path: Path) -> None:
    assert _content(tmp_path / "a.db", 7) == _content(tmp_path / "b.db", 7)


def test_another_seed_gives_other_rows(tmp_path: Path) -> None:
    a, b = _content(tmp_path / "a.db", 7), _content(tmp_path / "b.db", 8)
    assert a["cases"] != b["cases"]


def test_counts_match_the_stats(generated: tuple[Store, SyntheticStats]) -> None:
    store, stats = generated
    assert stats.cases == 50 == count(store, "SELECT count(*) FROM cases")
    assert stats.filings == count(store, "SELECT count(*) FROM filings")
    assert 5 * 50 <= stats.filings <= 15 * 50
    assert stats.parties == count(store, "SELECT count(*) FROM parties")
    assert stats.hearings == count(store, "SELECT count(*) FROM hearings") > 0
    assert stats.deadlines == count(store, "SELECT count(*) FROM deadlines") > 0
    assert stats.notes == count(store, "SELECT count(*) FROM notes") > 0


def test_filings_per_case_sets_the_average(store: Store) -> None:
    stats = generate(store, 40, filings_per_case=4)
    assert 2 * 40 <= stats.filings <= 6 * 40


def test_stages_are_valid_for_each_kind(generated: tuple[Store, SyntheticStats]) -> None:
    store, _ = generated
    rows = store.conn.execute("SELECT kind, stage, resolved, disposition FROM cases").fetchall()
    for kind, stage, resolved, disposition in rows:
        cycle = lifecycle_for(kind)
        assert stage in cycle.stages
        assert bool(resolved) == cycle.is_resolved(stage)
        assert (disposition in cycle.dispositions) if resolved else disposition is None
    assert len({kind for kind, *_ in rows}) >= 3


def test_status_history_follows_allowed_moves(generated: tuple[Store, SyntheticStats]) -> None:
    store, _ = generated
    for kind, from_stage, to_stage in store.conn.execute(
        "SELECT c.kind, s.from_stage, s.to_stage FROM status_changes s "
        "JOIN cases c ON c.id = s.case_id WHERE s.event = 'stage'"
    ):
        assert to_stage in lifecycle_for(kind).allowed_from(from_stage)


def test_entry_numbers_run_from_one_without_gaps(generated: tuple[Store, SyntheticStats]) -> None:
    store, _ = generated
    for cid, n, low, high in store.conn.execute(
        "SELECT case_id, count(*), min(entry_no), max(entry_no) FROM filings GROUP BY case_id"
    ):
        assert (low, high) == (1, n), cid


def test_rows_hold_together(generated: tuple[Store, SyntheticStats]) -> None:
    store, _ = generated
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert store.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_case_numbers_look_like_court_numbers(generated: tuple[Store, SyntheticStats]) -> None:
    store, _ = generated
    numbers = [n for (n,) in store.conn.execute("SELECT number FROM cases WHERE kind = 'civil'")]
    assert numbers and all("-cv-" in n and n[1] == ":" for n in numbers)


def test_events_sit_on_both_sides_of_today(generated: tuple[Store, SyntheticStats]) -> None:
    store, _ = generated
    today = TODAY.isoformat()
    assert count(store, "SELECT count(*) FROM hearings WHERE status = 'held'") > 0
    assert count(store, "SELECT count(*) FROM hearings WHERE starts_at >= ?", today) > 0
    assert count(store, "SELECT count(*) FROM deadlines WHERE status='open' AND due_on < ?", today)
    assert count(store, "SELECT count(*) FROM deadlines WHERE status='open' AND due_on >= ?", today)


def test_search_finds_generated_text(generated: tuple[Store, SyntheticStats]) -> None:
    store, _ = generated
    title, number = store.conn.execute(
        "SELECT title, (SELECT number FROM cases WHERE id = case_id) FROM filings "
        "WHERE doc_type = 'motion' LIMIT 1"
    ).fetchone()
    hits = store.search(title, limit=1000)
    assert any(h.kind == "filing" and h.text == title and h.case_number == number for h in hits)
    [(party,)] = store.conn.execute("SELECT name FROM parties LIMIT 1").fetchall()
    assert any(h.kind == "party" and h.text == party for h in store.search(party, limit=1000))


def test_text_triggers_are_back_as_they_were(store: Store) -> None:
    sql = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    before = store.conn.execute(sql).fetchall()
    generate(store, 10)
    assert store.conn.execute(sql).fetchall() == before
    case = store.find_case(store.conn.execute("SELECT number FROM cases LIMIT 1").fetchone()[0])
    store.add_note(case_id(case), "Zyzzogeton sighting reported")
    assert [h.kind for h in store.search("zyzzogeton")] == ["note"]


def test_rollups_are_set(generated: tuple[Store, SyntheticStats]) -> None:
    store, _ = generated
    assert count(store, "SELECT count(*) FROM cases WHERE last_activity_on IS NULL") == 0
    mismatched = count(
        store,
        "SELECT count(*) FROM cases c WHERE c.next_deadline_on IS NOT (SELECT min(due_on) "
        "FROM deadlines d WHERE d.case_id = c.id AND d.status = 'open')",
    )
    assert mismatched == 0
    page = store.list_cases(limit=5)
    assert page[0].attention_on <= page[-1].attention_on


def test_one_audit_row_records_the_load(generated: tuple[Store, SyntheticStats]) -> None:
    store, stats = generated
    rows = store.conn.execute(
        "SELECT action, entity, who, after FROM audit_log ORDER BY id"
    ).fetchall()
    assert [(a, e, w) for a, e, w, _ in rows] == [("bulk_insert", "cases", "tester")]
    assert json.loads(rows[0][3]) == {"cases": 50, "filings": stats.filings, "seed": 2021}


def test_generating_into_a_database_with_cases_keeps_them(store: Store) -> None:
    mine = add_case(store, "1:18-cv-00001", court="nmd", opened_on=date(2026, 1, 5))
    generate(store, 30)
    generate(store, 30, seed=99)
    assert store.count_cases() == 61
    assert store.get_case(case_id(mine)).title == "Smith v. Acme Corp"
    duplicates = count(
        store,
        "SELECT count(*) FROM (SELECT 1 FROM cases GROUP BY court, number HAVING count(*) > 1)",
    )
    assert duplicates == 0
