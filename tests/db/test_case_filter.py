"""The Cases list's filter finds the same cases, in the same order, whichever index answers it.

A filter few cases match is looked up in the trigram index; one under three characters, or
one many cases match, walks the urgency index. Each test checks the pages against the rule a
paralegal reads in the help: the number or the title holds the text (ASCII letters in either
case), unresolved and most urgent first.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from db.cases import FEW_MATCHES
from db.rows import CaseRow
from db.store import Store
from docket.clock import Clock
from fixtures.synthetic import generate
from tests.conftest import TODAY
from tests.db.builders import add_case, add_deadline, case_id


def holds(row: CaseRow, text: str) -> bool:
    """The filter's rule, as `LIKE '%text%'` reads it: ASCII letters match in either case."""
    fold = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
    needle = text.strip().translate(fold)
    return needle in row.number.translate(fold) or needle in row.title.translate(fold)


def every_page(store: Store, text: str, size: int) -> list[str]:
    numbers: list[str] = []
    after = None
    for _ in range(5000):
        page = store.list_cases(text=text, after=after, limit=size)
        if not page:
            return numbers
        numbers += [row.number for row in page]
        after = page[-1].sort_key
    pytest.fail("the pages never ended")


def expected(store: Store, text: str) -> list[str]:
    return [row.number for row in store.list_cases(limit=100_000) if holds(row, text)]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """More cases than FEW_MATCHES, so a common filter takes the walk and a rare one the
    trigram index."""
    path: Path = tmp_path_factory.mktemp("filter") / "docket.db"
    with Store.open(path, clock=Clock(TODAY), user="tester") as store:
        generate(store, 1500, filings_per_case=1)
        yield store


def test_a_rare_case_number_finds_its_case_alone(generated: Store) -> None:
    last = generated.list_cases(limit=100_000)[-1]
    rows = generated.list_cases(text=last.number)
    assert [row.number for row in rows] == expected(generated, last.number)
    assert last.number in [row.number for row in rows]


@pytest.mark.parametrize("text", ["v. ", " V. ", "-00"])
def test_a_common_filter_pages_through_every_match_in_urgency_order(
    generated: Store, text: str
) -> None:
    want = expected(generated, text)
    assert len(want) > FEW_MATCHES  # the walk answers these
    assert every_page(generated, text, 100) == want


@pytest.mark.parametrize("text", ["1", "v", "ZZ", "a.", "-1"])
def test_a_filter_under_three_characters_finds_what_it_did(generated: Store, text: str) -> None:
    assert every_page(generated, text, 100) == expected(generated, text)


def test_rarer_filters_page_like_the_walk(generated: Store) -> None:
    """Names and numbers few cases hold, in either case, typed with spaces around them."""
    rows = generated.list_cases(limit=100_000)
    samples = [rows[7].title.split()[-1], rows[-3].number.upper(), f"  {rows[40].number}  "]
    for text in samples:
        want = expected(generated, text)
        assert 0 < len(want) <= FEW_MATCHES, text
        assert every_page(generated, text, 7) == want, text


def test_open_only_with_a_filter_leaves_resolved_cases_out(generated: Store) -> None:
    resolved = next(row for row in generated.list_cases(limit=100_000) if row.resolved)
    assert generated.list_cases(text=resolved.number, open_only=True) == []
    assert [r.number for r in generated.list_cases(text=resolved.number)] == [resolved.number]


def test_a_renamed_case_is_found_by_its_new_title_only(store: Store) -> None:
    case = add_case(store, "C-1", title="Smith v. Acme Corp")
    store.update_case(case.model_copy(update={"title": "Smith v. Zenith Holdings"}))
    assert [r.number for r in store.list_cases(text="zenith")] == ["C-1"]
    assert store.list_cases(text="acme") == []


def test_a_filter_of_quotes_and_fts_words_is_literal(store: Store) -> None:
    add_case(store, "C-1", title='In re "Quoted" Trust')
    add_case(store, "C-2", title="Able NEAR Baker OR Charlie")
    add_case(store, "C-3", title="Quoted Trust")
    assert [r.number for r in store.list_cases(text='"quoted"')] == ["C-1"]
    assert [r.number for r in store.list_cases(text="near baker or")] == ["C-2"]
    assert [r.number for r in store.list_cases(text="*")] == []


def test_a_trigram_page_keeps_urgency_order(store: Store) -> None:
    later = add_case(store, "C-1", title="Jones v. Orchard Later")
    add_deadline(store, later, TODAY + timedelta(days=20))
    sooner = add_case(store, "C-2", title="Jones v. Orchard Sooner")
    add_deadline(store, sooner, TODAY + timedelta(days=2))
    closed = add_case(store, "C-3", title="Jones v. Orchard Closed")
    store.change_stage(case_id(closed), "closed", disposition="settled")
    assert [r.number for r in store.list_cases(text="orchard")] == ["C-2", "C-1", "C-3"]
    first = store.list_cases(text="orchard", limit=1)
    rest = store.list_cases(text="orchard", after=first[0].sort_key)
    assert [r.number for r in rest] == ["C-1", "C-3"]
