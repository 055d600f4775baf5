"""The TUI shows terminal controls and bidi overrides in user text as `<U+XXXX>`.

Textual passes a C1 control or a bidi override in a cell straight to the terminal, where it
can move the cursor or reverse the line; the TUI shows them spelled out, as the CLI does, and
the stored text is left as it came.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from db.store import Store
from docket.inert import UNSAFE
from docket.models import Deadline, Filing, Hearing
from tests.tui.helpers import add_case, messages, open_first_case, row_text, screen_lines, settle
from tui.app import DocketApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.deadline_info import DeadlineInfoScreen
from tui.verbatim import cell, content, shorten

pytestmark = pytest.mark.anyio

SIZE = (160, 40)
HOSTILE = "\x9b2J\x9d0;t\x9c\u202eR\u2066\u200f\x85end"
SPELLED = "<U+009B>2J<U+009D>0;t<U+009C><U+202E>R<U+2066><U+200F><U+0085>end"


def hostile(word: str) -> str:
    return f"{word} {HOSTILE}"


def test_the_helpers_every_screen_uses_spell_the_controls() -> None:
    assert cell(hostile("A")).plain == f"A {SPELLED}"
    assert content("x ", (hostile("B"), "bold")).plain == f"x B {SPELLED}"
    assert shorten(hostile("C"), 200) == f"C {SPELLED}"


@pytest.fixture
def hostile_store(store: Store) -> Store:
    case = add_case(store, f"1:26-{HOSTILE}", hostile("Caption"), judge=hostile("Judge"))
    assert case.id is not None
    store.add_party(case.id, hostile("Party"), "plaintiff")
    store.add_filing(
        case.id,
        Filing(
            filed_on=date(2026, 11, 20),
            doc_type="motion",
            title=hostile("Motion"),
            filed_by=hostile("Filer"),
        ),
    )
    store.add_filing(
        case.id, Filing(filed_on=date(2026, 11, 21), doc_type="other", title=hostile("Void"))
    )
    store.void_filing(case.id, 2, hostile("Reason"))
    starts = datetime.combine(date(2026, 12, 1), time(10), ZoneInfo("America/Denver"))
    store.add_hearing(
        case.id, Hearing(starts_at=starts, kind=hostile("Hearing"), location=hostile("Room"))
    )
    store.add_deadline(case.id, Deadline(due_on=date(2026, 11, 30), title=hostile("Deadline")))
    store.add_note(case.id, hostile("Noted"))
    return store


def _inert(lines: list[str]) -> str:
    text = "\n".join(lines)
    found = UNSAFE.search(text)
    assert found is None, f"raw U+{ord(found.group()):04X} on screen"
    return text


async def test_every_tab_and_list_shows_the_controls_spelled_out(hostile_store: Store) -> None:
    app = DocketApp(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cases = app.screen.query_one("#cases", DataTable)
        assert any(SPELLED in value for value in row_text(cases, 0))
        assert SPELLED in _inert(screen_lines(app))
        screen = await open_first_case(pilot)
        header = str(screen.query_one("#case-header", Static).render())
        assert SPELLED in header and UNSAFE.search(header) is None
        tabs = screen.query_one("#tabs", TabbedContent)
        for tab, table_id in (
            ("tab-docket", "#docket"),
            ("tab-parties", "#parties"),
            ("tab-hearings", "#hearings"),
            ("tab-deadlines", "#deadlines"),
            ("tab-status", "#history"),
        ):
            tabs.active = tab
            await settle(pilot)
            table = screen.query_one(table_id, DataTable)
            shown = [value for row in range(table.row_count) for value in row_text(table, row)]
            assert any(SPELLED in value for value in shown), tab
            assert all(UNSAFE.search(value) is None for value in shown), tab
            _inert(screen_lines(app))


async def test_dialogs_and_notices_show_the_controls_spelled_out(hostile_store: Store) -> None:
    app = DocketApp(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        deadline = hostile_store.deadlines(hostile_store.find_case(f"1:26-{HOSTILE}").id or 0)[0]
        app.push_screen(DeadlineInfoScreen(deadline, hostile("Trigger")))
        await settle(pilot)
        assert SPELLED in _inert(screen_lines(app))
        app.pop_screen()
        app.push_screen(ConfirmScreen(hostile("Drop?"), hostile("Detail")))
        await settle(pilot)
        assert SPELLED in _inert(screen_lines(app))
        app.pop_screen()
        app.notify(hostile("Saved"), title=hostile("Docket"), markup=False)
        await settle(pilot)
        assert SPELLED in messages(app)
        assert UNSAFE.search(messages(app)) is None


async def test_the_stored_text_is_untouched(hostile_store: Store) -> None:
    case = hostile_store.find_case(f"1:26-{HOSTILE}")
    assert case.title == hostile("Caption")


async def test_an_edit_form_draws_stored_controls_inert_and_saves_them_back(
    hostile_store: Store,
) -> None:
    from textual.widgets import Input

    from tui.forms.filing_form import FilingForm

    app = DocketApp(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        screen.query_one("#tabs", TabbedContent).active = "tab-docket"
        await settle(pilot)
        docket = screen.query_one("#docket", DataTable)
        docket.focus()
        docket.move_cursor(row=0)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FilingForm)
        title = form.query_one("#title", Input)
        assert title.value == hostile("Motion")  # the field holds what is stored
        drawn_lines = "\n".join(screen_lines(app))
        assert UNSAFE.search(drawn_lines) is None
        assert "Motion \ufffd2J" in drawn_lines  # each control drawn as one mark
        await pilot.press("ctrl+s")
        await settle(pilot)
        case = hostile_store.find_case(f"1:26-{HOSTILE}")
        assert case.id is not None
        assert hostile_store.filing_by_entry(case.id, 1).title == hostile("Motion")
