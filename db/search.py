"""Full-text search across cases, docket entries, parties, notes, deadlines and hearings.

People type searches, not FTS5 syntax: `"`, `AND (` or a lone `*` would make SQLite raise a
syntax error. So every word typed is quoted as a literal term (all must match), and the last
word matches as a prefix so results follow typing.
Results come newest first by rowid (instant even for common words); ranking by bm25 over a
million rows would take most of a second.
"""

from __future__ import annotations

import re
import sqlite3

from db.base import StoreBase
from db.rows import SearchHit

_TOKEN = re.compile(r"\w+", re.UNICODE)


def literal_query(text: str) -> str:
    """Words of `text` as quoted FTS5 terms, the last one a prefix; empty if no words."""
    return _fts5_terms(_TOKEN.findall(text))


def _fts5_terms(words: list[str]) -> str:
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


_SOURCES = (
    (
        "case",
        "SELECT c.id, c.id, c.number, c.title, c.title, "
        "snippet(cases_fts, -1, '«', '»', '…', 12) FROM cases_fts "
        "JOIN cases c ON c.id = cases_fts.rowid WHERE cases_fts MATCH ? "
        "ORDER BY cases_fts.rowid DESC LIMIT ?",
    ),
    (
        "filing",
        "SELECT f.id, c.id, c.number, c.title, f.title, "
        "snippet(filings_fts, -1, '«', '»', '…', 12) FROM filings_fts "
        "JOIN filings f ON f.id = filings_fts.rowid JOIN cases c ON c.id = f.case_id "
        "WHERE filings_fts MATCH ? ORDER BY filings_fts.rowid DESC LIMIT ?",
    ),
    (
        "party",
        "SELECT p.id, c.id, c.number, c.title, p.name, "
        "snippet(parties_fts, -1, '«', '»', '…', 12) FROM parties_fts "
        "JOIN parties p ON p.id = parties_fts.rowid "
        "LEFT JOIN case_parties cp ON cp.party_id = p.id LEFT JOIN cases c ON c.id = cp.case_id "
        "WHERE parties_fts MATCH ? ORDER BY parties_fts.rowid DESC LIMIT ?",
    ),
    (
        "note",
        "SELECT n.id, c.id, c.number, c.title, n.text, "
        "snippet(notes_fts, -1, '«', '»', '…', 12) FROM notes_fts "
        "JOIN notes n ON n.id = notes_fts.rowid JOIN cases c ON c.id = n.case_id "
        "WHERE notes_fts MATCH ? ORDER BY notes_fts.rowid DESC LIMIT ?",
    ),
    (
        "deadline",
        "SELECT d.id, c.id, c.number, c.title, d.title || ' · due ' || d.due_on, "
        "snippet(deadlines_fts, -1, '«', '»', '…', 12) FROM deadlines_fts "
        "JOIN deadlines d ON d.id = deadlines_fts.rowid JOIN cases c ON c.id = d.case_id "
        "WHERE deadlines_fts MATCH ? ORDER BY deadlines_fts.rowid DESC LIMIT ?",
    ),
    (
        "hearing",
        "SELECT h.id, c.id, c.number, c.title, "
        "h.kind || ' · ' || replace(substr(h.starts_at, 1, 16), 'T', ' '), "
        "snippet(hearings_fts, -1, '«', '»', '…', 12) FROM hearings_fts "
        "JOIN hearings h ON h.id = hearings_fts.rowid JOIN cases c ON c.id = h.case_id "
        "WHERE hearings_fts MATCH ? ORDER BY hearings_fts.rowid DESC LIMIT ?",
    ),
)


def search_everything(
    conn: sqlite3.Connection, text: str, *, limit: int = 50, dialect: str = "sqlite"
) -> list[SearchHit]:
    """Up to `limit` hits of each kind: cases first, then entries, parties, notes, deadlines
    and hearings."""
    words = _TOKEN.findall(text)
    if not words:
        return []
    if dialect == "postgresql":
        from db.postgres.search import search

        found = search(conn, words, limit)
    else:
        query = _fts5_terms(words)
        found = [(kind, row) for kind, sql in _SOURCES for row in conn.execute(sql, (query, limit))]
    return [SearchHit(kind, r[0], r[1], r[2], r[3], r[4], r[5]) for kind, r in found]


class SearchStore(StoreBase):
    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """Everything that matches what was typed; see `search_everything`."""
        with self.lock:
            return search_everything(self.conn, query, limit=limit, dialect=self.dialect)
