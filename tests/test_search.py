"""Full-text search: finds what people typed anywhere, and never chokes on what they type."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.search import literal_query
from db.store import Store
from docket.clock import Clock
from tests.conftest import TODAY
from tests.store_conftest import add_case, case_id


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


def test_a_rollup_refresh_does_not_touch_the_index(filled: Store) -> None:
    """Rollups update cases on every write; the text index must stay as it was."""
    before = filled.conn.execute("SELECT count(*) FROM cases_fts").fetchone()
    filled.refresh_rollups()
    assert filled.conn.execute("SELECT count(*) FROM cases_fts").fetchone() == before
    assert kinds_found(filled, "warehouse") == [("case", "1:24-cv-01234")]


@pytest.mark.parametrize(
    "query", ['"', "AND (", "*", "NEAR(", "-", "", "   ", "OR", "(", ")", "^", "a:b", "'", "\\"]
)
def test_queries_fts5_cannot_parse_do_not_raise(filled: Store, query: str) -> None:
    assert isinstance(filled.search(query), list)


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


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text())
def test_search_never_raises_for_any_text(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    store = _shared_store(tmp_path_factory)
    hits = store.search(text)
    assert isinstance(hits, list)


_STORES: dict[str, Store] = {}


def _shared_store(factory: pytest.TempPathFactory) -> Store:
    """One filled database for all examples: the property is about queries, not data."""
    if "s" not in _STORES:
        path: Path = factory.mktemp("search") / "docket.db"
        store = Store.open(path, clock=Clock(TODAY), user="tester")
        case = add_case(store, title="Smith v. Acme Corp", summary="Ünïcode café naïve 東京")
        store.add_note(case_id(case), 'Quoted "text" with * and NEAR(a b) and AND ( -x')
        _STORES["s"] = store
    return _STORES["s"]
