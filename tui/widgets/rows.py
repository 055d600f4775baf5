"""A DataTable's rows by key: the one under the cursor, and moving the cursor onto one."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable


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
