"""The Cases list draws its cells by a shortcut (tui.widgets.table); every cell must come out
exactly as DataTable itself draws it: same characters, same colours, cut at the same place."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from db.store import Store
from docket.models import CaseKind, Deadline
from tests.tui.helpers import add_case, settle
from tui.app import DocketApp
from tui.widgets.table import QuickTable, quick_cell_line

pytestmark = pytest.mark.anyio

TODAY = date(2026, 11, 25)


def _fill(store: Store) -> None:
    """Cells of every kind the list shows: flags, overdue and today, empty dates, titles cut
    with an ellipsis, wide characters, brackets, a resolved and a stayed matter."""
    overdue = add_case(store, "1:26-cv-00001", "Smith v. Acme [Doc 12] Corporation and Others")
    assert overdue.id is not None
    store.add_deadline(overdue.id, Deadline(due_on=TODAY - timedelta(days=3), title="Answer"))
    today = add_case(store, "1:26-cv-00002", "東京海上 v. 山田太郎 — 損害賠償請求事件")
    assert today.id is not None
    store.add_deadline(today.id, Deadline(due_on=TODAY, title="Reply"))
    add_case(store, "2026-000031", "Burglary at 5 Elm St", kind=CaseKind.INVESTIGATION)
    closed = add_case(store, "1:26-cv-00004", "Jones v. Orchard Farms")
    assert closed.id is not None
    store.change_stage(closed.id, "closed", disposition="settled")
    stayed = add_case(store, "1:26-cv-00005", "Able v. Baker")
    assert stayed.id is not None
    store.stay(stayed.id, "bankruptcy of the defendant")


@pytest.mark.parametrize("size", [(120, 30), (80, 24), (60, 20)])
async def test_every_cell_is_drawn_as_the_data_table_draws_it(
    store: Store, size: tuple[int, int]
) -> None:
    _fill(store)
    app = DocketApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#cases", QuickTable)
        assert table.row_count == 5
        style = table.rich_style
        compared = 0
        for row in range(table.row_count):
            for column, spec in enumerate(table.ordered_columns):
                width = spec.get_render_width(table)
                cell = table._get_row_renderables(row)[1][column]
                assert isinstance(cell, Text)
                # The shortcut draws every cell of this list (else the comparison is idle).
                assert quick_cell_line(cell, width, 1, Style(), Style(), app.console) is not None
                for cursor in (False, True):
                    table._cell_render_cache.clear()
                    quick = table._render_cell(row, column, style, width, cursor=cursor)
                    table._cell_render_cache.clear()
                    plain = DataTable._render_cell(table, row, column, style, width, cursor=cursor)
                    assert [list(line) for line in quick] == [list(line) for line in plain]
                    compared += 1
        assert compared == table.row_count * len(table.ordered_columns) * 2


@pytest.mark.parametrize("size", [(120, 30), (80, 24)])
async def test_every_row_is_drawn_as_the_data_table_draws_it(
    store: Store, size: tuple[int, int]
) -> None:
    """A whole row of the list, with the cursor on it, the mouse on it, or neither, comes
    out as DataTable draws it: the cells, and the row's colour carried to the edge."""
    _fill(store)
    app = DocketApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#cases", QuickTable)
        assert table.row_count == 5
        style = table.rich_style
        compared = 0
        for row in range(table.row_count):
            key = table._row_locations.get_key(row)
            assert key is not None
            for cursor, hover in ((row, -1), (-1, row), (-1, -1), (row, row)):
                at, mouse = Coordinate(cursor, 0), Coordinate(hover, 0)
                table._clear_caches()
                quick = table._quick_row(row, style, cursor == row, hover)
                assert quick is not None  # every row of this list takes the shortcut
                table._clear_caches()
                plain = DataTable._render_line_in_row(table, key, 0, style, at, mouse)
                assert [[list(line) for line in part] for part in quick] == [
                    [list(line) for line in part] for part in plain
                ]
                compared += 1
        assert compared == table.row_count * 4
