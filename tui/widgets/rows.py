"""A DataTable's rows: the one under the cursor, moving the cursor onto one, and when to page.

Lists are filled a page at a time (`db.rows.PAGE_SIZE` rows, fetched by keyset); the next page is
asked for when the cursor comes within PREFETCH rows of the last one loaded, so scrolling on
rarely waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import DataTable

#: Ask for the next page when the cursor is this close to the last loaded row.
PREFETCH = 20


def cursor_key(table: DataTable[Any]) -> str | None:
    """The key of the row under the cursor; None for an empty table."""
    if not table.row_count:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def move_to_key(table: DataTable[Any], key: str) -> bool:
    """Put the cursor on the row with `key`; False (cursor left alone) when it is not loaded."""
    if key not in table.rows:
        return False
    table.move_cursor(row=table.get_row_index(key))
    return True


def hold_place(table: DataTable[Any]) -> Callable[[], None]:
    """Note the row under the cursor and how far down the view it sits, before the table is
    emptied and filled again; the function returned, called once it is filled, puts the
    cursor back on that row (by key; where it is gone, on the row that took its place) at the
    same height in the view, so a list read again under a paralegal's eyes does not jump."""
    key = cursor_key(table)
    index = table.cursor_row
    height = index - round(table.scroll_y)

    def put_back() -> None:
        if not table.row_count:
            return
        if key is None or not move_to_key(table, key):
            table.move_cursor(row=min(index, table.row_count - 1))
        top = max(0, table.cursor_row - height)
        table.call_after_refresh(table.scroll_to, y=top, animate=False)

    return put_back
