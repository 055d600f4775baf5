"""Search everything on PostgreSQL: the same six kinds of record, words and order as on SQLite.

Each table's text is matched in its document table (`filings_search` beside `filings`, see
`db.postgres.schema`), newest first by id: the planner walks the newest documents for a common
word and reads the GIN index for a rare one, as its statistics say. Typed words stay
literal (each quoted as a lexeme, never read as tsquery syntax) and the last matches as a
prefix, as `db.search.literal_query` makes them for FTS5; results come newest first.
"""

from __future__ import annotations

#: What `ts_headline` marks: the words found, as FTS5's `snippet` marks them here.
_HEADLINE = "StartSel=«, StopSel=», MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1"


def tsquery(words: list[str]) -> str:
    """`words` as a tsquery: each a quoted lexeme, all required, the last a prefix."""
    quoted = [f"'{word}'" for word in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)


def _source(kind: str, columns: str, table: str, alias: str, joins: str, shown: str) -> str:
    # The query is written out twice, not joined in once: as a constant (the parameter is
    # bound before planning) the planner can weigh the word against the column's statistics.
    query = "to_tsquery('simple', docket_fold(:query))"
    return (
        f"SELECT {columns}, ts_headline('simple', {shown}, {query}, '{_HEADLINE}') "
        f"FROM {table}_search s JOIN {table} {alias} ON {alias}.id = s.id {joins} "
        f"WHERE s.document @@ {query} ORDER BY s.id DESC LIMIT :limit"
    )


SOURCES = (
    (
        "case",
        _source(
            "case",
            "c.id, c.id, c.number, c.title, c.title",
            "cases",
            "c",
            "",
            "concat_ws(' ', c.number, c.title, c.summary)",
        ),
    ),
    (
        "filing",
        _source(
            "filing",
            "f.id, c.id, c.number, c.title, f.title",
            "filings",
            "f",
            "JOIN cases c ON c.id = f.case_id",
            "concat_ws(' ', f.title, f.description)",
        ),
    ),
    (
        "party",
        _source(
            "party",
            "p.id, c.id, c.number, c.title, p.name",
            "parties",
            "p",
            "LEFT JOIN case_parties cp ON cp.party_id = p.id "
            "LEFT JOIN cases c ON c.id = cp.case_id",
            "p.name",
        ),
    ),
    (
        "note",
        _source(
            "note",
            "n.id, c.id, c.number, c.title, n.text",
            "notes",
            "n",
            "JOIN cases c ON c.id = n.case_id",
            "n.text",
        ),
    ),
    (
        "deadline",
        _source(
            "deadline",
            "d.id, c.id, c.number, c.title, d.title || ' · due ' || d.due_on",
            "deadlines",
            "d",
            "JOIN cases c ON c.id = d.case_id",
            "concat_ws(' ', d.title, d.rule, d.citation)",
        ),
    ),
    (
        "hearing",
        _source(
            "hearing",
            "h.id, c.id, c.number, c.title, "
            "h.kind || ' · ' || replace(substr(h.starts_at, 1, 16), 'T', ' ')",
            "hearings",
            "h",
            "JOIN cases c ON c.id = h.case_id",
            "concat_ws(' ', h.kind, h.location, h.outcome)",
        ),
    ),
)
