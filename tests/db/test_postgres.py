"""What only the PostgreSQL backend has: its statement rewrites, pooled reads for the app's
workers, and writers on many connections taking turns."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from db.postgres.sql import translate
from db.store import Store
from docket.models import Filing
from tests.db.builders import add_case, case_id
from tests.pg_server import PostgresCluster


@pytest.mark.parametrize(
    ("sqlite", "postgresql"),
    [
        ("SELECT 1 FROM t WHERE a = ? AND b = :b", "SELECT 1 FROM t WHERE a = %s AND b = %(b)s"),
        ("SELECT 1 FROM t WHERE a LIKE 'x%'", "SELECT 1 FROM t WHERE a ILIKE 'x%%'"),
        ("SELECT * FROM c INDEXED BY c_by_x WHERE x = 1", "SELECT * FROM c WHERE x = 1"),
        ("SELECT min(a, b), max(x) FROM t", "SELECT LEAST(a, b), max(x) FROM t"),
        (
            "SELECT min(coalesce(x, 'a,b'), max(y, (1 + 2))) FROM t",
            "SELECT LEAST(coalesce(x, 'a,b'), GREATEST(y, (1 + 2))) FROM t",
        ),
        (
            "SELECT date(d, :quiet) FROM t",
            "SELECT to_char((d)::date + (%(quiet)s)::interval, 'YYYY-MM-DD') FROM t",
        ),
        ("SELECT 1 FROM t WHERE r IS ?", "SELECT 1 FROM t WHERE r IS NOT DISTINCT FROM %s"),
        (
            "SELECT 1 FROM c WHERE number = ? COLLATE NOCASE",
            "SELECT 1 FROM c WHERE lower(number) = lower(%s)",
        ),
        ("SELECT '?', 'a:b' FROM t WHERE x = ?", "SELECT '?', 'a:b' FROM t WHERE x = %s"),
    ],
)
def test_the_store_sql_is_rewritten_for_postgresql(sqlite: str, postgresql: str) -> None:
    assert translate(sqlite).sql == postgresql


def test_an_insert_into_a_table_with_an_id_returns_it() -> None:
    translated = translate("INSERT INTO notes (case_id, text) VALUES (?, ?)")
    assert translated.returns_id and translated.sql.endswith(" RETURNING id")
    assert not translate("INSERT INTO docket_meta (key, value) VALUES (?, ?)").returns_id


def test_pooled_reads_see_what_is_committed_while_a_write_is_open(
    postgres: PostgresCluster,
) -> None:
    url = postgres.new_database()
    try:
        with Store.open(url) as store:
            store.pool_reads()
            case = add_case(store)
            seen_inside: list[int] = []
            seen_elsewhere: list[int] = []
            with store.write():
                store.add_note(case_id(case), "Called the clerk")
                # This thread reads its own write; another thread, on a pooled connection,
                # reads what is committed, and does not wait for the write to end.
                seen_inside.append(store.query_rows("SELECT count(*) FROM notes")[0][0])
                reader = threading.Thread(
                    target=lambda: seen_elsewhere.append(
                        store.query_rows("SELECT count(*) FROM notes")[0][0]
                    )
                )
                reader.start()
                reader.join(timeout=10)
                assert not reader.is_alive()
            assert (seen_inside, seen_elsewhere) == ([1], [0])
            assert store.query_rows("SELECT count(*) FROM notes")[0][0] == 1
    finally:
        postgres.drop_database(url)


def test_writers_on_four_connections_number_entries_without_gaps(
    postgres: PostgresCluster,
) -> None:
    url = postgres.new_database()
    try:
        stores = [Store.open(url, user=f"writer-{n}") for n in range(4)]
        case = add_case(stores[0])
        errors: list[BaseException] = []

        def write(store: Store, who: int) -> None:
            try:
                for i in range(10):
                    store.add_filing(
                        case_id(case),
                        Filing(filed_on=date(2026, 11, 20), doc_type="exhibit", title=f"{who}-{i}"),
                    )
            except BaseException as error:  # reported below, with the numbers
                errors.append(error)

        threads = [threading.Thread(target=write, args=(s, n)) for n, s in enumerate(stores)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        numbers = [
            row[0]
            for row in stores[0].query_rows(
                "SELECT entry_no FROM filings WHERE case_id = ? ORDER BY entry_no", (case_id(case),)
            )
        ]
        assert errors == []
        assert numbers == list(range(1, 41))
        for store in stores:
            store.close()
    finally:
        postgres.drop_database(url)
