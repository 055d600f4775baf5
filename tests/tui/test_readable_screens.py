"""What a new user met on the demo data, tried the way they tried it: the help, the footers,
long text, the Case tabs, empty lists, court names, the first run and searching the calendar.

Keys are pressed through Pilot; what is asserted is what is drawn (`screen_lines`) or what the
screen holds, as a person would read it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import ContentSwitcher, DataTable, Static, TabbedContent

from db.store import Store
from docket.clock import Clock
from fixtures.demo import ANCHOR_NUMBER, ANCHOR_SOURCE, load_demo
from tests.conftest import TODAY
from tests.tui.helpers import add_case, drawn, notices, row_text, screen_lines, settle
from tui.app import DocketApp
from tui.forms.filing_form import FilingForm
from tui.screens.case import CaseScreen
from tui.screens.help import HelpScreen
from tui.screens.row_detail import RowDetailScreen
from tui.widgets.footer import DocketFooter

pytestmark = pytest.mark.anyio

SMALL = (80, 24)
LARGE = (140, 40)
FULL_CASE = "1:26-cv-00388"
"""The demo matter with something on every tab."""


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store)
    return store


def case_id(store: Store, number: str) -> int:
    found = store.find_case(number).id
    assert found is not None
    return found


async def tab_shown(pilot: Any, pane: str | None = None) -> None:
    """Settled, with `pane` (by default the tab the case opened on) drawn and its list
    focused: switching a tab takes Textual a few turns of its message loop."""
    for _ in range(50):
        await settle(pilot)
        screen = pilot.app.screen
        tabs = screen.query_one("#tabs", TabbedContent)
        wanted = pane or screen.first_tab
        shown = tabs.query_one(ContentSwitcher).current
        focused = pilot.app.focused
        if (
            wanted
            and tabs.active == shown == wanted
            and focused in tabs.get_pane(wanted).query("*")
        ):
            return
    raise AssertionError(f"tab {pane or 'opened on'} not shown")


async def open_case(pilot: Any, store: Store, number: str) -> CaseScreen:
    await settle(pilot)
    pilot.app.open_case(case_id(store, number))
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    await tab_shown(pilot)
    return screen


def footer_lines(app: DocketApp) -> list[str]:
    return drawn(app, app.screen.query_one(DocketFooter))


def detail_text(app: DocketApp) -> str:
    screen = app.screen
    assert isinstance(screen, RowDetailScreen)
    return "\n".join(str(s.render()) for s in screen.query(Static))


# ---------------------------------------------------------------------- help


async def test_help_at_80x24_wraps_every_line_and_scrolls_to_the_last_key(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        await open_case(pilot, demo, FULL_CASE)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(screen_lines(app))
        assert "…" not in shown
        assert "scroll for more keys" in shown
        table = app.screen.query_one("#help-table", DataTable)
        assert table.max_scroll_y > 0
        for _ in range(20):  # as many pages as it takes
            if table.scroll_y == table.max_scroll_y:
                break
            await pilot.press("pagedown")
            await settle(pilot)
        assert table.scroll_y == table.max_scroll_y
        bottom = "\n".join(screen_lines(app))
        assert "Copy the text selected with the mouse" in bottom  # the last row, reached
        assert "Next / previous" in bottom


async def test_help_tells_done_from_waive_and_explains_textuals_own_keys(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=LARGE) as pilot:
        await open_case(pilot, demo, FULL_CASE)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one("#help-table", DataTable)
        rows = [row_text(table, i) for i in range(table.row_count)]
        by_id = {row[3]: row for row in rows if row[3]}
        assert "was met" in by_id["case.done"][2]
        assert "no longer applies" in by_id["case.waive"][2]
        assert by_id["case.done"][2] != by_id["case.waive"][2]
        built_in = [row for row in rows if row[3] == "built in"]
        assert {row[1] for row in built_in} >= {"Next / previous", "Move", "Copy", "Quit"}
        assert all(row[2] for row in built_in)  # each says what it does
        assert [row[1] for row in rows].count("Quit") == 1
        shown = "\n".join(screen_lines(app))
        assert "Focus Previ" not in shown and "…" not in shown
        for _ in range(10):  # the palette's row is in the Anywhere part, further down
            if "Jump to a case by number or title, or run any action" in shown:
                break
            await pilot.press("pagedown")
            await settle(pilot)
            shown = "\n".join(screen_lines(app))
        assert "Jump to a case by number or title, or run any action" in shown
        assert "…" not in shown


async def test_help_on_the_cases_list_has_no_back_and_one_quit(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one("#help-table", DataTable)
        rows = [row_text(table, i) for i in range(table.row_count)]
        assert "Back" not in [row[1] for row in rows]
        [quit_row] = [row for row in rows if row[1] == "Quit"]
        assert quit_row[0] == "q / ctrl+q"
        escape = next(row for row in rows if row[3] == "cases.back")
        assert "filter box" in escape[2]


# ---------------------------------------------------------------------- footers


@pytest.mark.parametrize("size", [SMALL, LARGE])
async def test_case_footer_shows_every_key_whole_with_nothing_stray(
    demo: Store, size: tuple[int, int]
) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=size) as pilot:
        await open_case(pilot, demo, FULL_CASE)
        lines = footer_lines(app)
        text = " ".join(lines)
        for shown in (
            "esc Back",
            "1-6 Tabs",
            "f Filing",
            "o Follow up",
            "e Edit",
            "v Void",
            "? Help",
            "c Cases",
            "a Agenda",
            "s Search",
        ):
            assert shown in text, (shown, lines)
        words = text.split()
        assert "Commandsi" not in words and not any(w.endswith("▏") for w in words)
        assert len(lines) <= 2


async def test_footer_keys_follow_the_tab_and_a_click_presses_the_key(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_case(pilot, demo, FULL_CASE)
        await pilot.press("4")
        await tab_shown(pilot, "tab-deadlines")
        text = " ".join(footer_lines(app))
        assert "x Done" in text and "w Waive" in text and "v Void" not in text
        footer = screen.query_one(DocketFooter)
        line, start = next(
            (y, row.index("? Help")) for y, row in enumerate(footer_lines(app)) if "? Help" in row
        )
        await pilot.click(DocketFooter, offset=(start, line))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert footer.compact


# ---------------------------------------------------------------------- long text


async def test_a_note_opens_in_full_with_its_source(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_case(pilot, demo, ANCHOR_NUMBER)
        history = screen.query_one("#history", DataTable)
        assert row_text(history, 0)[1] == "summary"
        note = next(i for i in range(history.row_count) if row_text(history, i)[1] == "note")
        history.move_cursor(row=note)
        await pilot.press("enter")
        await settle(pilot)
        text = detail_text(app)
        assert "Keep monitoring for the investigation's findings." in text
        assert ANCHOR_SOURCE in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        history.move_cursor(row=0)  # the summary row
        await pilot.press("enter")
        await settle(pilot)
        text = detail_text(app)
        assert "far from a definitive conclusion" in text
        assert "Santa Fe County Sheriff's Office" in text


async def test_note_column_takes_the_width_of_a_wide_terminal(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=LARGE) as pilot:
        screen = await open_case(pilot, demo, ANCHOR_NUMBER)
        history = screen.query_one("#history", DataTable)
        widths = [column.width for column in history.columns.values()]
        # 140 columns, less the date (10), what (22, widened to 30 on a wide terminal),
        # padding (2 a column) and scrollbar (2): 92 for the note, not 50.
        assert widths[2] == 140 - 10 - 30 - 6 - 2
        assert sum(widths) + 6 + 2 == 140


async def test_enter_on_a_docket_entry_shows_it_whole(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_case(pilot, demo, FULL_CASE)
        docket = screen.query_one("#docket", DataTable)
        docket.move_cursor(row=3)
        await pilot.press("enter")
        await settle(pilot)
        text = detail_text(app)
        assert "Motion to dismiss amended claims" in text
        assert "electronic" in text


async def test_agenda_titles_are_whole_under_the_list_and_with_space(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        for _ in range(30):  # down to the answer's row, wherever the demo's dates put it
            hint = " ".join(drawn(app, app.screen.query_one("#agenda-hint")))
            if "Answer to complaint due" in hint:
                break
            await pilot.press("down")
            await settle(pilot)
        lines = screen_lines(app)
        # Cut in the column (how much shows depends on the width the When column needs)...
        assert any("Answer to comp" in line and "…" in line for line in lines)
        assert "Answer to complaint due" in hint  # ...whole under the list
        assert "U.S. District Court for the District of New Mexico" in hint
        await pilot.press("space")
        await settle(pilot)
        text = detail_text(app)
        assert "Answer to complaint due" in text
        assert "Pemberton v. Quillfeather Holdings, Inc." in text


async def test_space_on_the_cases_list_shows_the_case_with_its_summary(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        text = detail_text(app)
        assert "Death of Halyna Hutchins on the set of Rust" in text
        assert "Investigation into the death of cinematographer Halyna Hutchins" in text
        assert "Santa Fe County Sheriff's Office" in text


# ---------------------------------------------------------------------- tabs


async def test_digits_go_straight_to_each_tab(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_case(pilot, demo, FULL_CASE)
        tabs = screen.query_one("#tabs", TabbedContent)
        for key, pane in [
            ("4", "tab-deadlines"),
            ("2", "tab-parties"),
            ("5", "tab-status"),
            ("3", "tab-hearings"),
            ("1", "tab-docket"),
        ]:
            await pilot.press(key)
            await tab_shown(pilot, pane)
            assert tabs.active == pane
            assert app.focused is not None and app.focused.parent is not None
            assert tabs.active_pane is not None and app.focused in tabs.active_pane.query("*")


async def test_digits_typed_in_a_form_stay_in_the_form(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_case(pilot, demo, FULL_CASE)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilingForm)
        await pilot.press("tab", *"motion", "tab", *"Motion 2 of 3", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#tabs", TabbedContent).active == "tab-docket"
        titles = [f.title for f in demo.filings(case_id(demo, FULL_CASE))]
        assert titles[-1] == "Motion 2 of 3"


# ---------------------------------------------------------------------- where a case opens


async def test_the_investigation_opens_on_its_notes_and_empty_tabs_say_so(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the most urgent: the anchor investigation
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        await tab_shown(pilot)
        assert screen.case.number == ANCHOR_NUMBER
        assert screen.query_one("#tabs", TabbedContent).active == "tab-status"
        await pilot.press("1")
        await tab_shown(pilot, "tab-docket")
        assert "No docket entries yet · f adds one" in "\n".join(screen_lines(app))
        await pilot.press("3")
        await tab_shown(pilot, "tab-hearings")
        assert "No hearings yet · h schedules one" in "\n".join(screen_lines(app))
        await pilot.press("4")
        await tab_shown(pilot, "tab-deadlines")
        assert "No deadlines yet · d adds one" in "\n".join(screen_lines(app))


async def test_a_case_with_entries_opens_on_its_docket(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_case(pilot, demo, FULL_CASE)
        assert screen.query_one("#tabs", TabbedContent).active == "tab-docket"
        assert not screen.query_one("#docket-empty", Static).display


# ---------------------------------------------------------------------- court names


async def test_court_names_on_the_case_header_and_the_cases_list(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        hint = " ".join(drawn(app, app.screen.query_one("#hint")))
        # The anchor needs attention, so its hint says why; the next row names its court.
        assert "needs attention" in hint
        for _ in range(30):  # down to the first case in D.N.M., wherever urgency puts it
            await pilot.press("down")
            await settle(pilot)
            hint = " ".join(drawn(app, app.screen.query_one("#hint")))
            if "District of New Mexico" in hint:
                break
        assert "U.S. District Court for the District of New Mexico" in hint
        await pilot.press("enter")
        await settle(pilot)
        header = "\n".join(drawn(app, app.screen.query_one("#case-header")))
        assert "U.S. District Court for the District of New Mexico · civil" in header
        assert "nmd" not in header


# ---------------------------------------------------------------------- first run


async def test_a_new_database_says_where_it_is_and_how_to_begin(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with Store.open(path, clock=Clock(TODAY), user="tester") as store:
        app = DocketApp(store, new_database=True)
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            said = [n for n in notices(app) if n.title == "New database"]
            assert len(said) == 1 and str(path) in said[0].message
            shown = "\n".join(screen_lines(app))
            for _ in range(20):  # the note is laid out a frame after the count is drawn
                if "No cases yet" in shown:
                    break
                await pilot.pause(0.05)
                shown = "\n".join(screen_lines(app))
            assert "Cases · 0" in shown
            assert "No cases yet. To begin:" in shown
            assert "n  enter a new case" in shown
            assert "Import PACER docket" in shown
            assert "docket --demo" in shown
            await pilot.press("n")
            await settle(pilot)
            assert type(app.screen).__name__ == "CaseForm"


async def test_a_filter_that_matches_nothing_says_so(store: Store) -> None:
    add_case(store, "1:26-cv-00042", "Smith v. Jones")
    app = DocketApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zebra")
        await settle(pilot)
        shown = "\n".join(screen_lines(app))
        assert "No case number or title contains 'zebra'" in shown
        assert "No cases yet" not in shown


# ---------------------------------------------------------------------- search


async def test_search_finds_deadlines_and_hearings(demo: Store) -> None:
    app = DocketApp(demo)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"motion", "enter")
        await settle(pilot)
        results = app.screen.query_one("#results", DataTable)
        found = [row_text(results, i) for i in range(results.row_count)]
        assert ["deadline", "1:26-cv-00388", "Response to «motion» due"] in found
        results.move_cursor(
            row=found.index(["deadline", "1:26-cv-00388", "Response to «motion» due"])
        )
        await pilot.press("space")
        await settle(pilot)
        assert "Response to motion due · due 2026-11-27" in detail_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", "ctrl+u", *"oral argument", "enter")
        await settle(pilot)
        found = [row_text(results, i)[0] for i in range(results.row_count)]
        assert "hearing" in found
