"""Search everything on PostgreSQL: the same six kinds of record, words and order as on SQLite.

Each table's text is matched in its document table (`filings_search` beside `filings`, see
`db.postgres.schema`), newest first by id, in two looks as SQLite's Cases filter does: the
newest documents walked for a common word, the GIN index read for a rarer one (a prefix
query's estimate is too rough for the planner to choose between them itself). Typed words stay
literal (each quoted as a lexeme, never read as tsquery syntax) and the last matches as a
prefix, as `db.search.literal_query` makes them for FTS5; results come newest first.
"""

from __future__ import annotations

import sqlite3
from typing import Any, NamedTuple

from db.postgres.schema import SEARCH_COLUMNS

#: What `ts_headline` marks: the words found, as FTS5's `snippet` marks them here.
_HEADLINE = "StartSel=«, StopSel=», MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1"


def tsquery(words: list[str]) -> str:
    """`words` as a tsquery: each a quoted lexeme, all required, the last a prefix."""
    quoted = [f"'{word}'" for word in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)


#: How many of a table's newest documents the first look walks: a word found 50 times among
#: them is common, and the walk finds it at once; a rarer one is looked up in the GIN index,
#: which costs what its few matches cost.
RECENT = 5_000

#: A constant to the planner: the parameter is bound before planning, so the planner weighs the
#: word against the column's statistics.
_QUERY = "to_tsquery('simple', docket_fold(:query))"


def _newest_ids(table: str) -> str:
    return (
        f"SELECT id FROM (SELECT id, document FROM {table}_search ORDER BY id DESC "
        f"LIMIT {RECENT}) AS recent WHERE document @@ {_QUERY} ORDER BY id DESC LIMIT :limit"
    )


def _matching_ids(table: str) -> str:
    # `id + 0`: ordered by a value the primary key cannot give, the planner reads the matches
    # from the GIN index and sorts them, instead of walking every document newest first.
    return (
        f"SELECT id FROM {table}_search WHERE document @@ {_QUERY} "
        "ORDER BY id + 0 DESC LIMIT :limit"
    )


def _snippet(alias: str, table: str) -> str:
    """The excerpt shown: from the first column that matches alone (as FTS5's `snippet`
    picks the column that matched), else from all of them together (words matched across
    columns)."""
    columns = [f"{alias}.{column}" for column in SEARCH_COLUMNS[table]]
    if len(columns) == 1:
        return f"ts_headline('simple', {columns[0]}, {_QUERY}, '{_HEADLINE}')"
    alone = [
        f"CASE WHEN docket_search_text({column}) @@ {_QUERY} "
        f"THEN ts_headline('simple', {column}, {_QUERY}, '{_HEADLINE}') END"
        for column in columns
    ]
    together = (
        f"ts_headline('simple', concat_ws(' ', {', '.join(columns)}), {_QUERY}, '{_HEADLINE}')"
    )
    return f"coalesce({', '.join([*alone, together])})"


def _source(kind: str, columns: str, table: str, alias: str, joins: str) -> Source:
    rows = (
        f"SELECT {columns}, {_snippet(alias, table)} "
        f"FROM {table} {alias} {joins} WHERE {alias}.id = ANY(:ids) "
        f"ORDER BY {alias}.id DESC LIMIT :limit"
    )
    return Source(kind, _newest_ids(table), _matching_ids(table), rows)


class Source(NamedTuple):
    kind: str
    newest: str
    """The matches among the newest documents."""
    matching: str
    """The newest matches of all, through the index."""
    rows: str
    """The hits' rows, by id."""


def search(conn: sqlite3.Connection, words: list[str], limit: int) -> list[tuple[str, Any]]:
    """(kind, row) for up to `limit` hits of each kind, newest first, in `SOURCES` order."""
    params: dict[str, Any] = {"query": tsquery(words), "limit": limit}
    found: list[tuple[str, Any]] = []
    for source in SOURCES:
        ids = [row[0] for row in conn.execute(source.newest, params).fetchall()]
        if len(ids) < limit:
            ids = [row[0] for row in conn.execute(source.matching, params).fetchall()]
        if ids:
            rows = conn.execute(source.rows, {**params, "ids": ids}).fetchall()
            found.extend((source.kind, row) for row in rows)
    return found


SOURCES: tuple[Source, ...] = (
    _source(
        "case",
        "c.id, c.id, c.number, c.title, c.title",
        "cases",
        "c",
        "",
    ),
    _source(
        "filing",
        "f.id, c.id, c.number, c.title, f.title",
        "filings",
        "f",
        "JOIN cases c ON c.id = f.case_id",
    ),
    _source(
        "party",
        "p.id, c.id, c.number, c.title, p.name",
        "parties",
        "p",
        "LEFT JOIN case_parties cp ON cp.party_id = p.id LEFT JOIN cases c ON c.id = cp.case_id",
    ),
    _source(
        "note",
        "n.id, c.id, c.number, c.title, n.text",
        "notes",
        "n",
        "JOIN cases c ON c.id = n.case_id",
    ),
    _source(
        "deadline",
        "d.id, c.id, c.number, c.title, d.title || ' · due ' || d.due_on",
        "deadlines",
        "d",
        "JOIN cases c ON c.id = d.case_id",
    ),
    _source(
        "hearing",
        "h.id, c.id, c.number, c.title, "
        "h.kind || ' · ' || replace(substr(h.starts_at, 1, 16), 'T', ' ')",
        "hearings",
        "h",
        "JOIN cases c ON c.id = h.case_id",
    ),
)
