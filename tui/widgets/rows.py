"""A DataTable's rows: the one under the cursor, moving the cursor onto one, and when to page.

Lists are filled a page at a time (`db.rows.PAGE_SIZE` rows, fetched by keyset); the next page is
asked for when the cursor comes within PREFETCH rows of the last one loaded, so scrolling on
rarely waits for it.
"""

from __future__ import annotations

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
