"""Full-text search: finds what people typed anywhere, and never chokes on what they type."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.rows import SearchHit
from db.search import literal_query
from db.store import Store
from docket.clock import Clock
from tests.conftest import TODAY
from tests.db.builders import add_case, case_id


@pytest.fixture
def filled(store: Store) -> Store:
    case = add_case(
        store,
        "1:24-cv-01234",
        title="Smith v. Acme Corp",
        summary="Breach of a warehouse lease in Albuquerque",
    )
    store.add_party(case_id(case), "Maria Smith", "plaintiff")
    store.add_party(case_id(case), "Acme Corp", "defendant", kind="organization")
    store.add_note(case_id(case), "Clerk says the courtroom moved to Gallup")
    other = add_case(
        store, "2021-0537", court="Sheriff", title="Burglary at Oak St", kind="investigation"
    )
    store.add_note(case_id(other), "Witness Ortiz recanted on Tuesday")
    return store


def kinds_found(store: Store, query: str) -> list[tuple[str, str | None]]:
    return [(hit.kind, hit.case_number) for hit in store.search(query)]


def test_finds_a_case_by_a_word_of_its_title(filled: Store) -> None:
    assert ("case", "1:24-cv-01234") in kinds_found(filled, "acme")


def test_finds_a_case_by_its_summary(filled: Store) -> None:
    assert kinds_found(filled, "warehouse") == [("case", "1:24-cv-01234")]


def test_finds_a_case_by_its_number(filled: Store) -> None:
    assert ("case", "2021-0537") in kinds_found(filled, "2021-0537")


def test_finds_a_party_and_names_its_case(filled: Store) -> None:
    hits = [h for h in filled.search("maria") if h.kind == "party"]
    assert [(h.text, h.case_number) for h in hits] == [("Maria Smith", "1:24-cv-01234")]


def test_finds_a_note_and_names_its_case(filled: Store) -> None:
    assert kinds_found(filled, "gallup") == [("note", "1:24-cv-01234")]


def test_last_word_matches_as_a_prefix_while_typing(filled: Store) -> None:
    assert kinds_found(filled, "recan") == [("note", "2021-0537")]


def test_every_word_must_match(filled: Store) -> None:
    assert kinds_found(filled, "witness tuesday") == [("note", "2021-0537")]
    assert kinds_found(filled, "witness gallup") == []


def test_snippet_marks_the_match(filled: Store) -> None:
    [hit] = filled.search("gallup")
    assert "«Gallup»" in hit.snippet


def test_an_edited_case_title_is_found_by_its_new_words(filled: Store) -> None:
    case = filled.find_case("2021-0537")
    filled.update_case(case.model_copy(update={"title": "Burglary at Juniper Lane"}))
    assert kinds_found(filled, "juniper") == [("case", "2021-0537")]
    assert ("case", "2021-0537") not in kinds_found(filled, "oak")


@pytest.mark.sqlite_only
def test_a_rollup_refresh_does_not_touch_the_index(filled: Store) -> None:
    """Rollups update cases on every write; the text index must stay as it was."""
    before = filled.conn.execute("SELECT count(*) FROM cases_fts").fetchone()
    filled.refresh_rollups()
    assert filled.conn.execute("SELECT count(*) FROM cases_fts").fetchone() == before
    assert kinds_found(filled, "warehouse") == [("case", "1:24-cv-01234")]


#: Text people type that FTS5 reads as syntax; the note below holds every one of these characters.
HOSTILE = ['"', "AND (", "*", "NEAR(", "-", "", "   ", "OR", "(", ")", "^", "a:b", "'", "\\"]
HOSTILE_NOTE = 'Quillon wrote "AND (" or NEAR(a:b) ^ - * \' \\ on the form'
#: A word that is in the note and nowhere else, for the hostile text to surround.
WORD = "quillon"


@pytest.fixture
def hostile(filled: Store) -> Store:
    filled.add_note(case_id(filled.find_case("2021-0537")), HOSTILE_NOTE)
    return filled


#: Full-text lookups per kind of row when the hits are few: SQLite's FTS5 reads its index once;
#: PostgreSQL walks the newest documents, then reads the index (db/postgres/search.py).
LOOKS = {"sqlite": 1, "postgresql": 2}


def fts_queries(store: Store, query: str) -> tuple[list[SearchHit], list[str]]:
    """What a search finds, and every full-text match the database ran to find it (FTS5's
    MATCH on SQLite, a tsquery's @@ on PostgreSQL)."""
    ran: list[str] = []
    store.conn.set_trace_callback(ran.append)
    try:
        hits = store.search(query)
    finally:
        store.conn.set_trace_callback(None)
    # On PostgreSQL a lookup reads a document table; the excerpt's own tests come after.
    return hits, [sql for sql in ran if " MATCH " in sql or "document @@ " in sql]


def _around(word: str) -> list[str]:
    glued = [f"{h}{word}{h}" for h in HOSTILE if not any(c.isalnum() for c in h)]
    return [f"{word} {h}" for h in HOSTILE] + [f"{h} {word}" for h in HOSTILE] + glued


@pytest.mark.parametrize("query", _around(WORD))
def test_fts5_syntax_typed_around_a_word_reaches_sqlite_and_finds_it(
    hostile: Store, query: str
) -> None:
    hits, matched = fts_queries(hostile, query)
    assert [(h.kind, h.case_number, h.text) for h in hits] == [("note", "2021-0537", HOSTILE_NOTE)]
    assert "«Quillon»" in hits[0].snippet
    # One MATCH per kind of row (cases, entries, parties, notes, deadlines, hearings), each
    # with the hostile text turned into quoted words.
    assert len(matched) == 6 * LOOKS[hostile.dialect]
    # FTS5 quotes a literal word with double quotes, a tsquery with single ones.
    assert all(f'"{WORD}"' in sql or f"'{WORD}'" in sql for sql in matched)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("AND (", [("note", "2021-0537")]),
        ("NEAR(", [("note", "2021-0537")]),
        # The last word is a prefix: `or` and `Ortiz`.
        ("OR", [("note", "2021-0537"), ("note", "2021-0537")]),
        # `a` and a word starting with `b`: the note's `a:b`, the summary's "Breach of a".
        ("a:b", [("case", "1:24-cv-01234"), ("note", "2021-0537")]),
    ],
)
def test_operators_typed_alone_are_searched_as_words(
    hostile: Store, query: str, found: list[tuple[str, str]]
) -> None:
    hits, matched = fts_queries(hostile, query)
    assert [(h.kind, h.case_number) for h in hits] == found
    assert len(matched) == 6 * LOOKS[hostile.dialect]  # per kind of row searched


@pytest.mark.parametrize("query", [h for h in HOSTILE if not any(c.isalnum() for c in h)])
def test_punctuation_alone_finds_nothing_without_asking_sqlite(hostile: Store, query: str) -> None:
    """No word typed, nothing to look for: an empty list, neither an error nor every row."""
    assert fts_queries(hostile, query) == ([], [])


@pytest.mark.parametrize("query", ['"acme', '"acme"', "acme*", "(acme", "-acme", "acme)", "acme:"])
def test_syntax_around_a_word_still_finds_the_word(filled: Store, query: str) -> None:
    assert ("case", "1:24-cv-01234") in kinds_found(filled, query)


def test_operator_words_are_searched_as_words(store: Store) -> None:
    case = add_case(store, title="Near v. Andrews", summary="or not")
    assert case.id is not None
    assert ("case", "1:24-cv-01234") in kinds_found(store, "near")
    assert ("case", "1:24-cv-01234") in kinds_found(store, "NOT OR")


def test_literal_query_quotes_each_word() -> None:
    assert literal_query('acme" AND (lease') == '"acme" "AND" "lease"*'


_TITLE = "Smith v. Acme Corp"
_NOTE = 'Quoted "text" with * and NEAR(a b) and AND ( -x'
#: Every row the shared database holds, as a hit shows it.
_STORED = {("case", _TITLE), ("note", _NOTE)}
#: Text that is no word to FTS5 nor to the search: punctuation, symbols, spaces, control codes.
_NOISE = st.text(st.characters(categories=["P", "S", "Z", "Cc"]), max_size=6)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text())
def test_any_text_finds_only_stored_rows_and_the_same_as_its_words(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    store = _shared_store(tmp_path_factory)
    hits = store.search(text)
    assert {(h.kind, h.text) for h in hits} <= _STORED
    assert hits == store.search(" ".join(re.findall(r"\w+", text)))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    before=_NOISE,
    found=st.sampled_from(
        [("acme", "case"), ("café", "case"), ("東京", "case"), ("quoted", "note"), ("near", "note")]
    ),
    after=_NOISE,
)
def test_punctuation_typed_around_a_word_never_hides_it(
    tmp_path_factory: pytest.TempPathFactory, before: str, found: tuple[str, str], after: str
) -> None:
    word, kind = found
    store = _shared_store(tmp_path_factory)
    assert [h.kind for h in store.search(f"{before}{word}{after}")] == [kind]


_STORES: dict[str, Store] = {}


def _shared_store(factory: pytest.TempPathFactory) -> Store:
    """One filled database for all examples: the property is about queries, not data."""
    if "s" not in _STORES:
        path: Path = factory.mktemp("search") / "docket.db"
        store = Store.open(path, clock=Clock(TODAY), user="tester")
        case = add_case(store, title=_TITLE, summary="Ünïcode café naïve 東京")
        store.add_note(case_id(case), _NOTE)
        _STORES["s"] = store
    return _STORES["s"]


@pytest.fixture
def calendar(filled: Store) -> Store:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from docket.models import Deadline, Hearing

    smith = case_id(filled.find_case("1:24-cv-01234"))
    filled.add_deadline(smith, Deadline(due_on=TODAY, title="Response to motion due"))
    filled.add_hearing(
        smith,
        Hearing(
            starts_at=datetime(2026, 12, 3, 9, 30, tzinfo=ZoneInfo("America/Denver")),
            kind="status conference",
            location="Courtroom 4B, Pete V. Domenici Courthouse",
        ),
    )
    return filled


def test_finds_a_deadline_by_a_word_of_its_title(calendar: Store) -> None:
    [hit] = calendar.search("motion")
    assert (hit.kind, hit.case_number) == ("deadline", "1:24-cv-01234")
    assert hit.text == "Response to motion due · due 2026-11-25"
    assert "«motion»" in hit.snippet


def test_finds_a_hearing_by_its_kind_or_its_place(calendar: Store) -> None:
    assert kinds_found(calendar, "conference") == [("hearing", "1:24-cv-01234")]
    [hit] = calendar.search("domenici court")
    assert (hit.kind, hit.text) == ("hearing", "status conference · 2026-12-03 09:30")


@pytest.mark.sqlite_only
def test_an_older_database_gains_the_calendar_index_with_its_rows(
    tmp_path: Path, clock: Clock
) -> None:
    """A database made before deadlines were searched finds its old deadlines once opened."""
    import sqlite3

    path = tmp_path / "old.db"
    with Store.open(path, clock=clock, user="tester") as store:
        smith = case_id(add_case(store))
        from docket.models import Deadline

        store.add_deadline(smith, Deadline(due_on=TODAY, title="Response to motion due"))
    conn = sqlite3.connect(path)
    for table in ("deadlines", "hearings"):
        for suffix in ("ai", "ad", "au"):
            conn.execute(f'DROP TRIGGER "{table}_{suffix}"')
        conn.execute(f'DROP TABLE "{table}_fts"')
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm012_search_deadlines_and_hearings'")
    conn.commit()
    conn.close()
    with Store.open(path, clock=clock, user="tester") as store:
        assert kinds_found(store, "motion") == [("deadline", "1:24-cv-01234")]
