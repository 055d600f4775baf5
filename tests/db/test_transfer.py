"""Moving a docket between databases: into a firm's PostgreSQL database and back to a SQLite
file with every row as it was, into a database that already holds one only when told to
merge, and never half-way.

Every test runs on real databases: SQLite files in the test's folder and databases on the
PostgreSQL server the tests start.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from db.table_copy import TABLES
from db.transfer import copy_database, copy_into_new_file
from docket.clock import Clock
from docket.errors import InputError, Refused
from docket.links import LinkRelation
from docket.models import Filing
from docket.team import Person, PersonRole
from fixtures.demo import ANCHOR_NUMBER, load_demo
from tests.conftest import TODAY
from tests.db.builders import add_case, add_deadline, add_filing, add_hearing, case_id
from tests.pg_server import PostgresCluster

#: Every table a copy carries, and the database's own settings (its identity).
TABLE_NAMES = [spec.name for spec in TABLES]
ALL_TABLES = [*TABLE_NAMES, "docket_meta"]


def _open(target: Path | str) -> Store:
    return Store.open(target, clock=Clock(TODAY), user="tester")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Store]:
    """The demo docket in a SQLite file."""
    with _open(tmp_path / "demo.db") as store:
        load_demo(store)
        yield store


@pytest.fixture
def empty_pg(postgres: PostgresCluster) -> Iterator[str]:
    """A PostgreSQL database with nothing in it, not even the schema."""
    url = postgres.new_database(empty=True)
    yield url
    postgres.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def target_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """A second database, on either backend, set up and empty."""
    if request.param == "sqlite":
        yield tmp_path / "target.db"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    url = cluster.new_database()
    yield url
    cluster.drop_database(url)


def _busiest_case(store: Store) -> int:
    """The case with the most docket entries."""
    return int(
        store.query_rows(
            "SELECT case_id FROM filings GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT 1"
        )[0][0]
    )


def _rows(store: Store, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    order = "key" if table == "docket_meta" else "id"
    listed = ", ".join(f'"{name}"' for name in columns)
    return store.query_rows(f"SELECT {listed} FROM {table} ORDER BY {order}")


def _columns(store: Store, table: str) -> list[str]:
    return [
        column[0] for column in store.conn.execute(f"SELECT * FROM {table} LIMIT 0").description
    ]


def _counts(store: Store) -> dict[str, int]:
    return {
        table: int(store.query_rows(f"SELECT count(*) FROM {table}")[0][0]) for table in ALL_TABLES
    }


def test_the_demo_migrated_to_postgresql_and_back_has_identical_rows(
    demo: Store, empty_pg: str, tmp_path: Path
) -> None:
    with _open(empty_pg) as pg:
        report = copy_database(demo, pg)
        counts = {copy.table: (copy.source_rows, copy.target_rows) for copy in report.tables}
        assert counts == {
            table: (n, n) for table, n in _counts(demo).items() if table in TABLE_NAMES
        }
        for table in ALL_TABLES:
            columns = _columns(demo, table)  # PostgreSQL's audit log adds db_role
            assert _rows(pg, table, columns) == _rows(demo, table, columns), table
        back = tmp_path / "back.db"
        copy_into_new_file(pg, back)
    with _open(back) as copy:
        for table in ALL_TABLES:
            assert _columns(copy, table) == _columns(demo, table)
            assert _rows(copy, table, _columns(demo, table)) == _rows(
                demo, table, _columns(demo, table)
            ), table
        assert copy.database_id == demo.database_id
        busiest = _busiest_case(demo)
        entries = [(f.entry_no, f.title) for f in demo.all_filings(busiest)]
        assert len(entries) > 3
        assert [(f.entry_no, f.title) for f in copy.all_filings(busiest)] == entries
        assert copy.audit_log(limit=10_000) == demo.audit_log(limit=10_000)
        assert ANCHOR_NUMBER in {hit.case_number for hit in copy.search("Hutchins")}


def test_after_moving_into_postgresql_new_rows_get_the_next_entry_number_and_fresh_ids(
    demo: Store, empty_pg: str
) -> None:
    busiest = _busiest_case(demo)
    last_entry = max(f.entry_no or 0 for f in demo.all_filings(busiest))
    largest = {
        table: int(demo.query_rows(f"SELECT max(id) FROM {table}")[0][0])
        for table in ("cases", "filings", "audit_log")
    }
    with _open(empty_pg) as pg:
        copy_database(demo, pg)
        filing, _ = pg.add_filing(
            busiest, Filing(filed_on=date(2026, 11, 20), doc_type="notice", title="Notice")
        )
        case = add_case(pg, "NEW-1")
        assert filing.entry_no == last_entry + 1 > 1
        assert filing.id == largest["filings"] + 1
        assert case.id == largest["cases"] + 1
        [case_added] = pg.audit_log(entity="cases", entity_id=case.id)
        assert case_added.id == largest["audit_log"] + 2  # after the new entry's


def test_a_target_that_holds_data_is_refused_naming_it_and_nothing_is_written(
    demo: Store, target_url: Path | str
) -> None:
    with _open(target_url) as target:
        add_case(target, "HELD-1")
        before = {table: _rows(target, table, _columns(target, table)) for table in ALL_TABLES}
        with pytest.raises(Refused) as refused:
            copy_database(demo, target)
        assert "already holds cases (1)" in str(refused.value)
        assert "audit log rows (2)" in str(refused.value)  # the case and its first stage
        assert refused.value.field == "target"
        after = {table: _rows(target, table, _columns(target, table)) for table in ALL_TABLES}
        assert after == before


def test_a_database_is_not_copied_into_itself(demo: Store) -> None:
    assert demo.path is not None
    with _open(demo.path) as again, pytest.raises(InputError, match="being copied from"):
        copy_database(demo, again, merge=True)


def test_the_same_postgresql_database_by_another_url_is_not_copied_into_itself(
    empty_pg: str,
) -> None:
    other_spelling = empty_pg.replace("postgresql://", "postgres://", 1)
    with _open(empty_pg) as first, _open(other_spelling) as second:
        add_case(first, "ONE-1")
        with pytest.raises(InputError, match="being copied from"):
            copy_database(first, second, merge=True)
        assert second.count_cases() == 1


def _second_docket(path: Path) -> Store:
    """A small firm's docket to merge into the demo's: its own cases, a colleague both firms
    share, counsel for a party, entries that set deadlines, a hearing and a link."""
    store = _open(path)
    store.add_person(Person(name="Rosalind Ashby", role=PersonRole.ATTORNEY))  # in the demo too
    store.add_person(Person(name="Wren Castellano", role=PersonRole.PARALEGAL))
    first = add_case(store, "MRG-1", title="Ortiz v. Pell Freight")
    second = add_case(store, "MRG-2", title="Pell Freight v. Ortiz")
    for case in (first, second):
        add_filing(store, case, "Complaint", filed_on=date(2026, 11, 2), doc_type="complaint")
        add_filing(store, case, "Motion to dismiss", filed_on=date(2026, 11, 9), doc_type="motion")
        add_deadline(store, case, date(2026, 12, 4), "Exchange exhibits")
        add_hearing(store, case, date(2026, 12, 10))
    client, _ = store.add_party(case_id(first), "Ana Ortiz", "plaintiff")
    store.add_party(case_id(first), "Lee Counsel", "counsel", represents_id=client.id)
    store.assign_case(case_id(first), attorney="Rosalind Ashby", paralegal="Wren Castellano")
    store.link_cases(case_id(first), case_id(second), LinkRelation.RELATED)
    return store


def _shape(store: Store, number: str) -> dict[str, Any]:
    """A case as a person reads it, by numbers and names rather than ids."""
    case = store.find_case(number)
    cid = case_id(case)
    return {
        "entries": [(f.entry_no, f.title) for f in store.all_filings(cid)],
        "deadlines": sorted(
            (
                str(d.due_on),
                d.title,
                None
                if d.trigger_filing_id is None
                else store.get_filing(d.trigger_filing_id).entry_no,
            )
            for d in store.deadlines(cid)
        ),
        "counsel": sorted(
            (
                p.name,
                None if p.represents_id is None else store.get_case_party(p.represents_id).name,
            )
            for p in store.case_parties(cid)
        ),
        "team": store.query_rows(
            "SELECT a.name, p.name FROM cases c JOIN people a ON a.id = c.attorney_id "
            "JOIN people p ON p.id = c.paralegal_id WHERE c.id = ?",
            (cid,),
        ),
        "links": [link.number for link in store.linked_group(cid)],
        "audit": sorted(
            (entry.action, entry.entity) for entry in store.audit_log(case_id=cid, limit=10_000)
        ),
    }


def test_a_merge_keeps_every_row_with_its_references_renumbered(
    demo: Store, target_url: Path | str, tmp_path: Path
) -> None:
    with _open(target_url) as target:
        copy_database(demo, target)
        with _second_docket(tmp_path / "second.db") as second:
            expected = {number: _shape(second, number) for number in ("MRG-1", "MRG-2")}
            before, adding = _counts(target), _counts(second)
            report = copy_database(second, target, merge=True)
        after = _counts(target)
        matched = {copy.table: copy.matched for copy in report.tables}
        assert matched["people"] == 1  # Rosalind Ashby works for both
        for table in TABLE_NAMES:
            assert after[table] == before[table] + adding[table] - matched[table] + (
                table == "audit_log"  # the merge's own audit row
            ), table
        assert after["docket_meta"] == before["docket_meta"]
        assert target.database_id == demo.database_id
        for number, shape in expected.items():
            assert _shape(target, number) == shape
        strays = target.query_rows(
            "SELECT d.id FROM deadlines d JOIN filings f ON f.id = d.trigger_filing_id "
            "WHERE f.case_id <> d.case_id"
        )
        assert strays == []
        assert [p.name for p in target.people()].count("Rosalind Ashby") == 1
        assert {"MRG-1", "MRG-2"} <= {hit.case_number for hit in target.search("Pell Freight")}
        merged = target.audit_log(limit=1)[0]
        assert (merged.action, merged.entity) == ("merge", "database")
        first = case_id(target.find_case("MRG-1"))
        filing, _ = target.add_filing(
            first, Filing(filed_on=date(2026, 11, 20), doc_type="notice", title="Notice")
        )
        assert filing.entry_no == 3


def test_a_merge_refuses_a_case_both_databases_hold_and_writes_nothing(
    demo: Store, target_url: Path | str, tmp_path: Path
) -> None:
    with _open(target_url) as target, _second_docket(tmp_path / "second.db") as second:
        add_case(target, "MRG-2", title="Already here")
        before = _counts(target)
        with pytest.raises(Refused, match="case MRG-2 \\(nmd\\) is in both") as refused:
            copy_database(second, target, merge=True)
        assert "nothing was merged" in str(refused.value)
        assert _counts(target) == before


def test_a_copy_into_a_new_file_that_fails_leaves_nothing_there(
    demo: Store, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(Refused) as refused:
        copy_into_new_file(demo, blocker / "copy.db")
    assert str(blocker) in str(refused.value)
    taken = tmp_path / "taken.db"
    taken.write_text("keep me")
    with pytest.raises(Refused, match="exists"):
        copy_into_new_file(demo, taken)
    assert taken.read_text() == "keep me"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_a_postgresql_backup_is_a_sqlite_file_with_the_same_rows(
    demo: Store, empty_pg: str, tmp_path: Path
) -> None:
    with _open(empty_pg) as pg:
        copy_database(demo, pg)
        (tmp_path / "backups").mkdir()
        copy = pg.backup(tmp_path / "backups")
        assert copy.parent == tmp_path / "backups" and copy.name.startswith("docket-2026")
        assert [path.name for path in copy.parent.iterdir()] == [copy.name]
    conn = sqlite3.connect(copy)
    try:
        for table in ALL_TABLES:
            columns = _columns(demo, table)
            listed = ", ".join(f'"{name}"' for name in columns)
            order = "key" if table == "docket_meta" else "id"
            rows = conn.execute(f"SELECT {listed} FROM {table} ORDER BY {order}").fetchall()
            assert rows == _rows(demo, table, columns), table
    finally:
        conn.close()


def test_every_docket_table_is_copied_with_every_reference_it_holds(demo: Store) -> None:
    """A table or a reference added to the schema later must be added to the copy too, or a
    migration would drop it, or a merge point it at another firm's rows."""
    tables = {
        name
        for (name,) in demo.query_rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'"
        )
    }
    assert tables == set(ALL_TABLES)
    for spec in TABLES:
        declared = {
            (row[3], row[2]) for row in demo.query_rows(f"PRAGMA foreign_key_list({spec.name})")
        }
        assert declared == {
            (column, table)
            for column, table in spec.references.items()
            if (column, table) != ("case_id", "cases") or spec.name != "audit_log"
        }, spec.name
