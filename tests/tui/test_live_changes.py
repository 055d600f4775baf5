"""Colleagues' changes appear live: another process or window commits, and the open Cases
list, Case screen and Agenda show it by themselves, the cursor still on the record it was on;
a form being typed in is left exactly as it was.

Each wait polls the app until what a person would see is there (with a generous limit for a
busy machine); how fast it appears is measured by bench/bench_live.py, not asserted here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Static, TabbedContent

from db.store import Store
from docket.models import Deadline, DocType, Filing
from tests.conftest import run
from tests.tui.helpers import add_case, row_text, settle
from tui.app import DocketApp
from tui.forms.filing_form import FilingForm
from tui.screens.agenda import AgendaScreen
from tui.screens.case import CaseScreen
from tui.screens.cases import CasesScreen
from tui.widgets.rows import cursor_key

# Colleagues share a database on either backend: on PostgreSQL the server's notifications
# wake the feed, on SQLite the file's version counter.
pytestmark = [pytest.mark.anyio, pytest.mark.both_backends]

SIZE = (120, 36)
#: Seconds a wait gives up after: far past the second it takes, for a loaded 2-core machine.
PATIENCE = 20.0


async def until(pilot: Any, what: str, holds: Callable[[], bool]) -> None:
    """Let the app run until `holds()` is true, looking every few hundredths of a second."""
    loop = asyncio.get_running_loop()
    give_up = loop.time() + PATIENCE
    while not holds():
        if loop.time() > give_up:
            raise AssertionError(f"never saw {what} within {PATIENCE:.0f} s")
        await pilot.pause(0.02)


def colleague(store: Store) -> Store:
    """A second connection to the same file, as another window or machine has."""
    return Store.open(store.target, clock=store.clock, user="colleague")


def keys(table: DataTable[Any]) -> list[str]:
    return [str(row.value) for row in table.rows]


async def open_case(pilot: Any, case_id: int) -> CaseScreen:
    await settle(pilot)
    pilot.app.open_case(case_id)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen) and screen.case_id == case_id
    return screen


def motion(title: str) -> Filing:
    return Filing(filed_on=date(2026, 11, 20), doc_type=DocType.MOTION, title=title)


@pytest.fixture
def three_cases(store: Store) -> dict[str, int]:
    ids = {}
    for number, title in [
        ("1:26-cv-00041", "Adams v. Baker"),
        ("1:26-cv-00042", "Smith v. Jones"),
        ("1:26-cv-00043", "Young v. Zed"),
    ]:
        case_id = add_case(store, number, title).id
        assert case_id is not None
        ids[number] = case_id
    return ids


async def test_a_case_another_process_adds_appears_in_the_open_list_with_the_cursor_kept(
    store: Store, three_cases: dict[str, int], cli_env: dict[str, str]
) -> None:
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CasesScreen)
        table = screen.query_one("#cases", DataTable)
        await pilot.press("down")
        chosen = cursor_key(table)
        assert chosen is not None and len(keys(table)) == 3

        # Opened long ago with nothing since, it needs attention and sorts to the top,
        # above the case under the cursor: the cursor follows the case, not the row number.
        done = await asyncio.to_thread(
            run, cli_env, "case", "add", "--number", "1:26-cv-00077", "--title",
            "Quinn v. Roe", "--kind", "civil", "--opened", "2026-09-01",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        new_id = str(store.find_case("1:26-cv-00077").id)

        await until(pilot, "the new case in the list", lambda: new_id in keys(table))
        assert keys(table)[0] == new_id
        assert len(keys(table)) == 4
        assert cursor_key(table) == chosen, "the cursor stays on the case it was on"
        assert app.focused is table
        title = str(screen.query_one("#title", Static).render())
        assert "4" in title


async def test_the_filter_typed_stays_while_another_process_adds_a_matching_case(
    store: Store, three_cases: dict[str, int], cli_env: dict[str, str]
) -> None:
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#cases", DataTable)
        await pilot.press("/", *"Smith")
        await settle(pilot)
        box = screen.query_one("#filter", Input)
        assert keys(table) == [str(three_cases["1:26-cv-00042"])]

        done = await asyncio.to_thread(
            run, cli_env, "case", "add", "--number", "2:26-cv-00001", "--title",
            "Smith v. Allen", "--kind", "civil",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr

        await until(pilot, "the second Smith case", lambda: len(keys(table)) == 2)
        assert box.value == "Smith" and box.cursor_position == 5
        assert app.focused is box, "the filter box keeps the keyboard"


async def test_the_open_case_shows_another_processes_entry_and_status_change(
    store: Store, three_cases: dict[str, int], cli_env: dict[str, str]
) -> None:
    case_id = three_cases["1:26-cv-00041"]
    store.add_filing(case_id, motion("Motion to compel"))
    store.add_filing(case_id, motion("Motion to seal"))
    store.add_note(case_id, "Called the clerk", on=date(2026, 11, 20))
    store.add_note(case_id, "Client meeting set", on=date(2026, 11, 23))
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, case_id)
        docket = screen.query_one("#docket", DataTable)
        await pilot.press("down")
        assert cursor_key(docket) == "2"

        entry = await asyncio.to_thread(
            run, cli_env, "filing", "add", "1:26-cv-00041", "--type", "answer",
            "--title", "Answer to the complaint", "--date", "2026-11-24",
        )  # fmt: skip
        assert entry.returncode == 0, entry.stderr
        await until(pilot, "entry 3 on the docket", lambda: "3" in keys(docket))
        row = row_text(docket, keys(docket).index("3"))
        assert "Answer to the complaint" in " ".join(row)
        assert cursor_key(docket) == "2", "the cursor stays on entry 2"
        assert app.focused is docket

        # On Status & notes, newest first, with the cursor on the older note.
        await pilot.press("5", "down")
        await settle(pilot)
        history = screen.query_one("#history", DataTable)
        chosen = cursor_key(history)
        assert chosen is not None and chosen.startswith("note:")
        assert "Called the clerk" in " ".join(row_text(history, history.cursor_row))
        header = screen.query_one("#case-header", Static)
        assert "served" not in str(header.render())
        status = await asyncio.to_thread(
            run, cli_env, "status", "1:26-cv-00041", "set", "served", "--note", "Summons served"
        )
        assert status.returncode == 0, status.stderr
        await until(pilot, "the new stage", lambda: "served" in str(header.render()))
        await until(pilot, "the status change listed", lambda: len(keys(history)) == 4)
        # The change is newest, on top: the cursor moved down with its note, not by index.
        assert "Summons served" in " ".join(row_text(history, 0))
        assert cursor_key(history) == chosen
        assert screen.query_one("#tabs", TabbedContent).active == "tab-status"
        assert app.focused is history
        assert cursor_key(docket) == "2"


async def test_the_agenda_shows_a_deadline_a_colleague_adds(
    store: Store, three_cases: dict[str, int]
) -> None:
    case_id = three_cases["1:26-cv-00042"]
    for due, title in [
        (date(2026, 12, 1), "Reply brief"),
        (date(2026, 12, 8), "Expert report"),
        (date(2026, 12, 15), "Pretrial statement"),
    ]:
        store.add_deadline(case_id, Deadline(due_on=due, title=title))
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        table = agenda.query_one("#agenda-table", DataTable)
        await pilot.press("down")
        chosen = cursor_key(table)
        assert len(keys(table)) == 3
        assert "Expert report" in " ".join(row_text(table, table.cursor_row))

        with colleague(store) as other:
            # Due before all three: the new row goes on top, and the rest move down one.
            other.add_deadline(case_id, Deadline(due_on=date(2026, 11, 27), title="Disclosures"))

        def shown() -> bool:
            return any("Disclosures" in " ".join(row_text(table, i)) for i in range(4))

        await until(pilot, "the colleague's deadline", lambda: len(keys(table)) == 4 and shown())
        assert cursor_key(table) == chosen, "the cursor stays on the item it was on"
        assert "Expert report" in " ".join(row_text(table, table.cursor_row))
        assert table.cursor_row == 2


async def test_typing_in_a_filing_form_is_untouched_by_a_colleagues_entry(
    store: Store, three_cases: dict[str, int]
) -> None:
    case_id = three_cases["1:26-cv-00041"]
    store.add_filing(case_id, motion("Motion to compel"))
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_case(pilot, case_id)
        await pilot.press("f")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FilingForm)
        await pilot.press("tab", *"order", "tab", *"Order granting mo")
        title = form.query_one("#title", Input)
        await pilot.press("left", "left")  # the cursor mid-word, where a person fixes a typo
        assert (title.value, title.cursor_position) == ("Order granting mo", 15)

        with colleague(store) as other:
            other.add_filing(case_id, motion("Colleague's motion"))
        docket = case_screen.query_one("#docket", DataTable)
        await until(pilot, "the colleague's entry under the form", lambda: "2" in keys(docket))

        assert app.screen is form
        assert app.focused is title
        assert (title.value, title.cursor_position) == ("Order granting mo", 15)
        await pilot.press("end", *"tion", "ctrl+s")
        await settle(pilot)
        assert app.screen is case_screen
        saved = store.filing_by_entry(case_id, 3)
        assert saved.title == "Order granting motion"
        assert store.filing_by_entry(case_id, 2).title == "Colleague's motion"


async def test_an_entry_saved_in_one_app_appears_in_another_on_the_same_database(
    store: Store, three_cases: dict[str, int]
) -> None:
    case_id = three_cases["1:26-cv-00041"]
    store.add_filing(case_id, motion("Motion to compel"))
    with colleague(store) as second:
        app_a, app_b = DocketApp(store), DocketApp(second)
        async with app_a.run_test(size=SIZE) as pilot_a, app_b.run_test(size=SIZE) as pilot_b:
            await open_case(pilot_a, case_id)
            screen_b = await open_case(pilot_b, case_id)
            docket_b = screen_b.query_one("#docket", DataTable)
            assert keys(docket_b) == ["1"]

            await pilot_a.press("f")
            await settle(pilot_a)
            assert isinstance(app_a.screen, FilingForm)
            await pilot_a.press("tab", *"notice", "tab", *"Notice of appearance", "ctrl+s")
            await settle(pilot_a)
            assert isinstance(app_a.screen, CaseScreen)

            await until(pilot_b, "the entry in the other app", lambda: "2" in keys(docket_b))
            row = row_text(docket_b, keys(docket_b).index("2"))
            assert "Notice of appearance" in " ".join(row)


async def test_a_long_list_read_again_keeps_the_cursors_row_where_it_was_on_screen(
    store: Store,
) -> None:
    for number in range(60):
        add_case(store, f"1:26-cv-{number + 100:05d}", f"Matter {number}")
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#cases", DataTable)
        await pilot.press(*["down"] * 40, *["up"] * 10)
        await settle(pilot)
        assert table.scroll_y > 0, "the list has scrolled"
        assert table.cursor_row - round(table.scroll_y) > 5, "the cursor is mid-screen"
        chosen = cursor_key(table)
        height = table.cursor_row - round(table.scroll_y)

        with colleague(store) as other:
            # Opened long ago with nothing since: it needs attention and sorts to the top.
            add_case(other, "1:26-cv-00001", "Quinn v. Roe", opened_on=date(2026, 9, 1))
        await until(pilot, "the colleague's case", lambda: len(keys(table)) == 61)
        assert keys(table)[0] == str(store.find_case("1:26-cv-00001").id)
        assert cursor_key(table) == chosen
        await until(
            pilot,
            "the cursor's row at its height on screen",
            lambda: table.cursor_row - round(table.scroll_y) == height,
        )
