"""What a paralegal sees at 80x24 and after the terminal is resized: every column of every
list on screen, nothing pushed off the right edge; and a case's history in the order it
happened."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, TabbedContent

from db.store import Store
from docket.models import Case, CaseKind, Deadline, DocType, Filing, Hearing
from tests.tui.helpers import (
    open_first_case,
    row_text,
    settle,
)
from tui.app import DocketApp
from tui.forms.status_form import REOPEN, STAY, StatusForm
from tui.screens.case import CaseScreen

pytestmark = pytest.mark.anyio

CASE_TABLES = ("docket", "parties", "hearings", "deadlines", "history")
TAB_OF = {
    "docket": "tab-docket",
    "parties": "tab-parties",
    "hearings": "tab-hearings",
    "deadlines": "tab-deadlines",
    "history": "tab-status",
}


@pytest.fixture
def busy_case(store: Store) -> Store:
    """A criminal case with an entry, a party, a hearing at 09:30 and a deadline."""
    case = store.add_case(
        Case(
            number="D-101-CR-2026-0442",
            title="State v. Ignatius Puddlefoot",
            kind=CaseKind.CRIMINAL,
            opened_on=date(2026, 11, 2),
        )
    )
    assert case.id is not None
    store.add_party(case.id, "Ignatius Puddlefoot", "defendant")
    store.add_filing(
        case.id,
        Filing(
            filed_on=date(2026, 11, 2),
            doc_type=DocType.OTHER,
            title="Criminal information",
            filed_by="District Attorney",
        ),
    )
    store.add_hearing(
        case.id,
        Hearing(starts_at=datetime(2026, 11, 27, 9, 30).astimezone(), kind="motion hearing"),
    )
    store.add_deadline(case.id, Deadline(due_on=date(2026, 11, 30), title="Witness list"))
    return store


def hidden_sideways(table: DataTable[Any]) -> int:
    """How many cells of the table lie beyond its right edge (0: every column is in view)."""
    return int(table.max_scroll_x)


async def assert_case_tables_fit(pilot: Any, screen: CaseScreen) -> None:
    for table_id in CASE_TABLES:
        screen.query_one("#tabs", TabbedContent).active = TAB_OF[table_id]
        await settle(pilot)
        table = screen.query_one(f"#{table_id}", DataTable)
        assert hidden_sideways(table) == 0, table_id


async def test_case_tabs_show_every_column_at_80_columns(busy_case: Store) -> None:
    app = DocketApp(busy_case)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first_case(pilot)
        await assert_case_tables_fit(pilot, screen)
        docket = screen.query_one("#docket", DataTable)
        assert row_text(docket, 0)[-1] == "District Attorney"


async def test_case_tabs_refit_when_the_terminal_narrows(busy_case: Store) -> None:
    app = DocketApp(busy_case)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_case(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await assert_case_tables_fit(pilot, screen)
        # The rows came back with the columns.
        assert screen.query_one("#docket", DataTable).row_count == 1
        assert screen.query_one("#deadlines", DataTable).row_count == 1


async def open_agenda(pilot: Any) -> DataTable[Any]:
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    return pilot.app.screen.query_one("#agenda-table", DataTable)


async def test_agenda_shows_hearing_time_and_case_number_at_80_columns(busy_case: Store) -> None:
    app = DocketApp(busy_case)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_agenda(pilot)
        assert hidden_sideways(table) == 0
        rows = [row_text(table, index) for index in range(table.row_count)]
        hearing = next(row for row in rows if row[2].startswith("hearing"))
        assert hearing[2] == "hearing 09:30"
        assert hearing[4] == "D-101-CR-2026-0442"
        widths = [column.width for column in table.columns.values()]
        # What the paralegal reads (time, case number) is not cut by its column.
        assert widths[2] >= len("hearing 09:30")
        assert widths[4] >= len("D-101-CR-2026-0442")


async def test_agenda_hearing_time_is_not_cut_on_a_wide_terminal(busy_case: Store) -> None:
    app = DocketApp(busy_case)
    async with app.run_test(size=(120, 36)) as pilot:
        table = await open_agenda(pilot)
        widths = {str(key.value): column.width for key, column in table.columns.items()}
        assert widths["what"] >= len("hearing 09:30")
        rows = [row_text(table, index) for index in range(table.row_count)]
        assert [row[4] for row in rows if row[2].startswith("hearing")] == [
            "D-101-CR-2026-0442 State v. Ignatius Puddlefoot"
        ]
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        table = app.screen.query_one("#agenda-table", DataTable)
        assert hidden_sideways(table) == 0
        assert table.row_count == len(rows)


async def test_search_results_fit_at_80_columns(busy_case: Store) -> None:
    app = DocketApp(busy_case)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.press(*"criminal", "enter")
        await settle(pilot)
        table = app.screen.query_one("#results", DataTable)
        assert table.row_count >= 1
        assert hidden_sideways(table) == 0


async def test_same_day_status_moves_list_the_latest_first(busy_case: Store) -> None:
    case_id = busy_case.find_case("D-101-CR-2026-0442").id
    assert case_id is not None
    app = DocketApp(busy_case)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_first_case(pilot)
        # Close, reopen and stay the matter, all today, through the status form.
        for move, disposition in (("closed", "dismissed"), (REOPEN, ""), (STAY, "")):
            await pilot.press("t")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, StatusForm)
            form.query_one("#move", Select).value = move
            await settle(pilot)
            form.query_one("#disposition", Input).value = disposition
            form.query_one("#note", Input).value = f"step {move}"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is screen, move
        reopened_to = busy_case.status_history(case_id)[-2].to_stage
        history = screen.query_one("#history", DataTable)
        whats = [row_text(history, index)[1] for index in range(3)]
        assert whats[0] == "stayed"
        assert whats[1] == f"reopened to {reopened_to}"
        assert whats[2].endswith("→ closed (dismissed)")


@pytest.fixture
def many_cases(store: Store) -> Store:
    with store.write():
        for n in range(250):
            store.add_case(
                Case(
                    number=f"26-{n:04d}",
                    title=f"Matter {n}",
                    kind=CaseKind.CIVIL,
                    opened_on=date(2026, 11, 2),
                )
            )
    return store


#: More pagedowns than reaching any row of these lists takes (a page of the table is ~30 rows).
MOST_PAGEDOWNS = 25


async def page_down_to(pilot: Any, table: DataTable[Any], row: int) -> None:
    """Press pagedown until the cursor reaches `row`; fail, not hang, if paging stops short."""
    for _ in range(MOST_PAGEDOWNS):
        if table.cursor_row >= row:
            return
        await pilot.press("pagedown")
        await settle(pilot)
    pytest.fail(
        f"{MOST_PAGEDOWNS} pagedowns left the cursor on row {table.cursor_row} of "
        f"{table.row_count} loaded, short of row {row}: the next page never came"
    )


def selected_number(table: DataTable[Any]) -> str:
    return row_text(table, table.cursor_row)[1]


async def test_back_from_a_case_far_down_the_list_keeps_the_place(many_cases: Store) -> None:
    app = DocketApp(many_cases)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#cases", DataTable)
        await page_down_to(pilot, table, 150)
        row, number = table.cursor_row, selected_number(table)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case.number == number
        await pilot.press("escape")
        await settle(pilot)
        table = app.screen.query_one("#cases", DataTable)
        assert (table.cursor_row, selected_number(table)) == (row, number)
        # Paging on from there still works.
        await page_down_to(pilot, table, 240)
        assert table.row_count == 250


async def test_resizing_keeps_the_selected_case(many_cases: Store) -> None:
    app = DocketApp(many_cases)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#cases", DataTable)
        await page_down_to(pilot, table, 130)
        number = selected_number(table)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert selected_number(table) == number
        assert hidden_sideways(table) == 0


async def test_pacer_import_errors_name_the_forms_fields(store: Store, tmp_path: Path) -> None:
    from tests.conftest import PACER_SAMPLES
    from tui.forms.import_form import ImportPacerForm

    not_a_docket = tmp_path / "notes.html"
    not_a_docket.write_text("<html><body>lunch order</body></html>")
    app = DocketApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for path, court, field_id, start in (
            (PACER_SAMPLES / "akd.html", "n m d", "court", "court id: 'n m d'"),
            (PACER_SAMPLES / "akd.html", "nysd", "court", "court id: akd.html is a docket of akd"),
            (not_a_docket, "nmd", "path", "file: notes.html"),
        ):
            app.push_screen(ImportPacerForm())
            await settle(pilot)
            await pilot.press(*str(path), "tab", *court, "ctrl+s")
            await settle(pilot)
            form = app.screen
            assert isinstance(form, ImportPacerForm)
            shown = str(form.query_one(f"#{field_id}-error").render())
            assert shown.startswith(start), shown
            assert "--court" not in shown and "FILE" not in shown
            form.dismiss(None)
            await settle(pilot)
        assert store.count_cases() == 0


async def test_a_store_error_is_shown_under_the_forms_field_in_its_words(store: Store) -> None:
    """The store names `changed_on`; the status form marks its On field, with no flag."""
    from textual.widgets import Static

    from tui.widgets.date_input import DateField

    case = store.add_case(
        Case(number="CV-9", title="Able v. Baker", kind=CaseKind.CIVIL, opened_on=date(2026, 11, 2))
    )
    assert case.id is not None
    app = DocketApp(store)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        app.push_screen(StatusForm(store, case.id))
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StatusForm)
        form.query_one("#move", Select).value = "closed"
        await pilot.pause()
        form.query_one("#disposition", Input).value = "settled"
        form.query_one("#on", DateField).input.value = "10/30/26"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#on-row").has_class("-invalid")
        shown = str(form.query_one("#on-error", Static).render())
        assert shown == (
            "on: CV-9 was opened on 2026-11-02; it cannot close before that "
            "(for example: 2026-11-02)"
        )
        assert str(form.query_one("#form-message", Static).render()) == ""
    assert store.get_case(case.id).stage == "filed"
