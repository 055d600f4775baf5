"""Keys typed ahead of the screen: each flow is handed to the app as one burst, every key at
once, without waiting for the app between keys (as `pilot.press` does), the way a fast typist,
a paste or a slow SSH link delivers them. What is saved and the screen the app ends on must be
what the same keys typed slowly give."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from textual import events
from textual.screen import Screen
from textual.widgets import Input

from db.store import Store
from docket.models import Deadline, Filing
from tests.conftest import NEF_SAMPLES, PACER_SAMPLES
from tests.tui.helpers import (
    add_case,
    messages,
    post_burst,
    settle,
    settle_burst,
    type_burst,
)
from tui.app import DocketApp
from tui.screens.agenda import AgendaScreen
from tui.screens.case import CaseScreen
from tui.screens.cases import CasesScreen
from tui.screens.search import SearchScreen
from tui.typeahead import HOLD_LIMIT

pytestmark = pytest.mark.anyio

SIZE = (120, 36)
FIRST = "1:26-cv-00042"
SECOND = "1:26-cv-00077"


@pytest.fixture
def cases(store: Store) -> Store:
    """Two matters; the first has a deadline this week, so it heads the Cases list."""
    first = add_case(store, FIRST, "Smith v. Jones")
    assert first.id is not None
    store.add_deadline(first.id, Deadline(due_on=date(2026, 11, 27), title="Answer due"))
    add_case(store, SECOND, "Doe v. Roe")
    return store


def case_id(store: Store, number: str) -> int:
    found = store.find_case(number)
    assert found.id is not None
    return found.id


@dataclass
class Ended:
    """Where the app was once it had taken in the burst (read before it closed)."""

    app: DocketApp
    screen: Screen[Any]
    depth: int
    filter_text: str | None


def on_cases_list(ended: Ended) -> bool:
    return isinstance(ended.screen, CasesScreen) and ended.depth == 1


async def burst_from_cases(store: Store, *keys: str | events.Paste) -> Ended:
    """Start the app, let the Cases list load, then hand it every key at once."""
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_burst(pilot, *keys)
        screen = app.screen
        filters = screen.query("#filter")
        text = filters.first(Input).value if filters else None
        return Ended(app, screen, len(app.screen_stack), text)


def filings(store: Store, number: str = FIRST) -> list[tuple[int | None, str, str]]:
    return [(f.entry_no, f.doc_type.value, f.title) for f in store.filings(case_id(store, number))]


# ---------------------------------------------------------------------------------- forms


async def test_a_filing_typed_in_one_burst_from_the_cases_list(cases: Store) -> None:
    # The issue's own keys: open the top case, a filing, its type and title, save, back.
    app = await burst_from_cases(
        cases, "enter", "f", "tab", "motion", "tab", "Motion to dismiss", "ctrl+s", "escape"
    )
    assert filings(cases) == [(1, "motion", "Motion to dismiss")]
    assert on_cases_list(app)


async def test_two_filings_chained_with_ctrl_n(cases: Store) -> None:
    app = await burst_from_cases(
        cases,
        "enter",
        "f",
        "tab",
        "motion",
        "tab",
        "Motion to dismiss",
        "ctrl+n",  # saves, and the next form keeps date and type, the title focused
        "Brief in support",
        "ctrl+s",
        "escape",
    )
    assert filings(cases) == [(1, "motion", "Motion to dismiss"), (2, "motion", "Brief in support")]
    assert on_cases_list(app)


async def test_a_hearing(cases: Store) -> None:
    app = await burst_from_cases(
        cases,
        "enter",
        "h",
        "12/10/26 9:30am",
        "tab",
        "status conference",
        "tab",
        "Courtroom 3",
        "ctrl+s",
        "escape",
    )
    [hearing] = cases.hearings(case_id(cases, FIRST))
    assert (hearing.kind, hearing.location) == ("status conference", "Courtroom 3")
    assert hearing.starts_at.astimezone().strftime("%Y-%m-%d %H:%M") == "2026-12-10 09:30"
    assert on_cases_list(app)


async def test_a_deadline(cases: Store) -> None:
    app = await burst_from_cases(
        cases, "enter", "d", "2026-12-15", "tab", "Reply brief due", "ctrl+s", "escape"
    )
    added = [d for d in cases.deadlines(case_id(cases, FIRST)) if d.title != "Answer due"]
    assert [(d.title, d.due_on) for d in added] == [("Reply brief due", date(2026, 12, 15))]
    assert on_cases_list(app)


async def test_a_note_with_its_source(cases: Store) -> None:
    app = await burst_from_cases(
        cases, "enter", "u", "Clerk says the order is coming", "tab", "phone call", "ctrl+s"
    )
    [note] = cases.notes(case_id(cases, FIRST))
    assert (note.text, note.source) == ("Clerk says the order is coming", "phone call")
    assert isinstance(app.screen, CaseScreen)


async def test_a_party_with_a_role_chosen_from_the_list(cases: Store) -> None:
    # The name's conflict check runs in a worker at every letter; the role list opens with
    # enter, `down` moves from plaintiff to defendant, enter picks it.
    app = await burst_from_cases(
        cases, "enter", "p", "Acme Corp.", "tab", "enter", "down", "enter", "ctrl+s", "escape"
    )
    parties = cases.case_parties(case_id(cases, FIRST))
    assert [(p.name, p.role.value) for p in parties] == [("Acme Corp.", "defendant")]
    assert on_cases_list(app)


async def test_a_status_change(cases: Store) -> None:
    # The moves offered a civil matter just filed: served, pleadings, closed, stay; the list
    # opens on its prompt, so the stay is four down. A stay needs a note; the disposition
    # field is skipped (it is for closing).
    app = await burst_from_cases(
        cases,
        "enter",
        "t",
        "enter",
        "down",
        "down",
        "down",
        "down",
        "enter",
        "tab",
        "pending appeal",
        "ctrl+s",
        "escape",
    )
    case = cases.get_case(case_id(cases, FIRST))
    assert case.stay_reason == "pending appeal"
    assert on_cases_list(app)


async def test_a_follow_up_date(cases: Store) -> None:
    app = await burst_from_cases(cases, "enter", "o", "2026-12-01", "ctrl+s", "escape")
    assert cases.get_case(case_id(cases, FIRST)).follow_up_on == date(2026, 12, 1)
    assert on_cases_list(app)


async def test_voiding_the_entry_the_case_opens_on(cases: Store) -> None:
    # `v` acts on the docket's selected row, which exists only once the case's entries are
    # read (in a worker): the key waits for them.
    first = case_id(cases, FIRST)
    cases.add_filing(first, Filing(filed_on=date(2026, 11, 20), title="Answer"))
    app = await burst_from_cases(cases, "enter", "v", "entered twice", "ctrl+s", "escape")
    [filing] = cases.filings(first)
    assert filing.void_reason == "entered twice"
    assert on_cases_list(app)


async def test_a_new_case_then_a_note_on_it(store: Store) -> None:
    # Saving the case form opens the new case: the note typed after it lands there.
    app = await burst_from_cases(
        store,
        "n",
        SECOND,
        "tab",
        "Doe v. Roe",
        "ctrl+s",
        "u",
        "Opened today",
        "ctrl+s",
        "escape",
    )
    assert [n.text for n in store.notes(case_id(store, SECOND))] == ["Opened today"]
    assert on_cases_list(app)


async def test_a_pacer_import_through_the_palette(store: Store) -> None:
    # The palette finds the command as it is typed (in a worker); enter waits for it.
    sample = PACER_SAMPLES / "akd.html"
    app = await burst_from_cases(
        store, "ctrl+p", "Import PACER", "enter", str(sample), "tab", "akd", "ctrl+s"
    )
    assert store.count_cases() == 1
    [case] = [store.get_case(row.id) for row in store.list_cases()]
    assert [f.entry_no for f in store.filings(case.id or 0)] == [1, 2, 3]
    assert isinstance(app.screen, CaseScreen) and app.screen.case_id == case.id


async def test_a_notice_import_then_a_note_on_its_case(store: Store) -> None:
    # The notice import runs in a worker and then opens the case; the note typed after
    # ctrl+s waits for both and lands on that case.
    sample = NEF_SAMPLES / "nysd_1.eml"
    app = await burst_from_cases(
        store, "ctrl+p", "Import ECF", "enter", str(sample), "ctrl+s", "u", "Read it", "ctrl+s"
    )
    [row] = store.list_cases()
    assert [n.text for n in store.notes(row.id)] == ["Read it"]
    assert isinstance(app.screen, CaseScreen)


# ---------------------------------------------------------------------------------- escape


async def test_escape_and_yes_drop_the_form(cases: Store) -> None:
    app = await burst_from_cases(cases, "enter", "f", "tab", "motion", "escape", "y", "escape")
    assert filings(cases) == []
    assert on_cases_list(app)


async def test_escape_and_no_go_back_to_the_form(cases: Store) -> None:
    app = await burst_from_cases(
        cases,
        "enter",
        "f",
        "tab",
        "motion",
        "escape",
        "n",  # back to the form, the Type field focused again
        "tab",
        "Motion to dismiss",
        "ctrl+s",
        "escape",
    )
    assert filings(cases) == [(1, "motion", "Motion to dismiss")]
    assert on_cases_list(app)


# ---------------------------------------------------------------------------------- finding


async def test_the_filter_then_enter_opens_the_case_it_found(cases: Store) -> None:
    # Each letter starts a new read of the list; the enters wait for the last one, so the
    # case opened is the one the filter found, not the one at the top before it.
    app = await burst_from_cases(
        cases, "slash", "00077", "enter", "enter", "u", "Called the clerk", "ctrl+s", "escape"
    )
    assert [n.text for n in cases.notes(case_id(cases, SECOND))] == ["Called the clerk"]
    assert cases.notes(case_id(cases, FIRST)) == []
    assert on_cases_list(app)
    assert app.filter_text == "00077"


async def test_the_palette_opens_the_case_typed(cases: Store) -> None:
    app = await burst_from_cases(
        cases, "ctrl+p", "00077", "enter", "u", "Found it", "ctrl+s", "escape"
    )
    assert [n.text for n in cases.notes(case_id(cases, SECOND))] == ["Found it"]
    assert on_cases_list(app)


async def test_a_paste_stays_in_order_with_the_keys(cases: Store) -> None:
    app = await burst_from_cases(
        cases,
        "enter",
        "u",
        events.Paste("Clerk says"),
        " the order",
        events.Paste(" is coming"),
        "ctrl+s",
        "escape",
    )
    assert [n.text for n in cases.notes(case_id(cases, FIRST))] == [
        "Clerk says the order is coming"
    ]
    assert on_cases_list(app)


async def test_keys_typed_while_the_app_starts_wait_for_the_cases_list(cases: Store) -> None:
    app = DocketApp(cases)
    async with app.run_test(size=SIZE) as pilot:
        post_burst(app, "enter", "u", "Before the list was up", "ctrl+s", "escape")
        await settle_burst(pilot)
        assert isinstance(app.screen, CasesScreen)
    assert [n.text for n in cases.notes(case_id(cases, FIRST))] == ["Before the list was up"]


# ---------------------------------------------------------------------------------- places


async def test_f_keys_switch_places_even_while_typing_in_a_field(cases: Store) -> None:
    app = DocketApp(cases)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # In the search box `c` is a letter; F2 still goes to the Cases list.
        await type_burst(pilot, "s", "motion", "c")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "motionc"
        await type_burst(pilot, "f2")
        assert isinstance(app.screen, CasesScreen)
        # From the filter, F3 goes to the agenda; from inside a case, F4 to search.
        await type_burst(pilot, "slash", "smith", "f3")
        assert isinstance(app.screen, AgendaScreen)
        await type_burst(pilot, "f2", "escape", "enter", "f4")
        assert isinstance(app.screen, SearchScreen)
        # Where no field has focus the letters still switch.
        await type_burst(pilot, "escape", "a")
        assert isinstance(app.screen, AgendaScreen)


async def test_help_says_how_to_switch_places_from_a_field(cases: Store) -> None:
    app = DocketApp(cases)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_burst(pilot, "question_mark")
        line = str(app.screen.query_one("#help-anywhere").render())
        assert line.startswith("f2 / f3 / f4: Cases / Agenda / Search from any screen, even")


# ---------------------------------------------------------------------------------- limits


def block(app: DocketApp) -> threading.Event:
    """A worker that keeps the app busy until the returned event is set."""
    done = threading.Event()
    app.run_worker(lambda: done.wait(30), thread=True, group="test-block")
    return done


async def test_keys_typed_at_a_screen_closed_by_something_else_are_dropped(cases: Store) -> None:
    app = DocketApp(cases)
    async with app.run_test(size=SIZE) as pilot:
        await type_burst(pilot, "enter")
        assert isinstance(app.screen, CaseScreen)
        done = block(app)
        post_burst(app, "u", "n")  # a note, for the case; `n` on the Cases list: a new case
        await pilot.pause()
        assert app.type_ahead.waiting == 2
        app.pop_screen()  # closed by no key of theirs (as a mouse click on Back would)
        done.set()
        await settle_burst(pilot)
        assert isinstance(app.screen, CasesScreen) and len(app.screen_stack) == 1
        assert "2 keys typed at Case dropped: that screen closed first." in messages(app)


async def test_more_keys_than_the_queue_holds_are_dropped_and_the_person_told(
    cases: Store,
) -> None:
    app = DocketApp(cases)
    async with app.run_test(size=SIZE) as pilot:
        await type_burst(pilot, "enter")
        done = block(app)
        post_burst(app, "u", "x" * HOLD_LIMIT)  # one key more than the queue holds
        await pilot.pause()
        assert app.type_ahead.waiting == HOLD_LIMIT
        done.set()
        await settle_burst(pilot)
        await type_burst(pilot, "ctrl+s")
        [note] = cases.notes(case_id(cases, FIRST))
        assert note.text == "x" * (HOLD_LIMIT - 1)
        assert f"More than {HOLD_LIMIT} keys are waiting" in messages(app)
        assert f"1 key dropped: typed while {HOLD_LIMIT} were already waiting." in messages(app)


async def test_quit_acts_at_once_while_keys_wait(cases: Store) -> None:
    app = DocketApp(cases)
    done = threading.Event()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await type_burst(pilot, "enter")
            done = block(app)
            post_burst(app, "u", "held", "ctrl+q")
            await pilot.pause()
            assert app.return_code == 0
    finally:
        done.set()
    assert cases.notes(case_id(cases, FIRST)) == []


def test_escape_then_a_key_in_one_read_is_two_keys() -> None:
    """A burst reaches the terminal driver in one read: ESC then `y` must be escape and y
    (the answer to "Drop what you typed?"), not alt+y; ESC then CSI is still a key."""
    from tui.driver import EscapeFirstParser

    def keys(data: str) -> list[str]:
        parser = EscapeFirstParser()
        return [e.key for e in [*parser.feed(data), *parser.feed("")] if isinstance(e, events.Key)]

    assert keys("\x1by") == ["escape", "y"]
    assert keys("\x1b\r") == ["escape", "enter"]
    assert keys("\x1bu") == ["escape", "u"]
    # The alt keys of a text field keep their meaning (a word back, a word deleted).
    assert keys("\x1bb\x1b\x7f") == ["ctrl+left", "ctrl+w"]
    assert keys("\x1b\x13") == ["escape", "ctrl+s"]
    assert keys("\x1b[A\x1bOQ\x1b") == ["up", "f2", "escape"]
