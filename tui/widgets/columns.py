"""Table columns that fit the terminal.

A DataTable wider than the screen scrolls sideways, and at 80 columns that hides the columns a
paralegal reads last (who filed, the rule, the case number) without any sign that they are
there. Each table names one column that gives up width (a title, a note) so the others stay
whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.widgets import DataTable

#: (label, key, width); one column's width may be None: it takes what the others leave.
ColumnSpec = tuple[str, str, int | None]

#: The flexible column never gets narrower than this, even on a tiny terminal.
MIN_FLEX = 16


#: Other columns widen (see `grow`) only while the flexible one keeps at least this much.
ROOMY_FLEX = 48


def fit_widths(
    columns: Sequence[ColumnSpec],
    flex: str,
    available: int,
    *,
    most: int | None = None,
    grow: Mapping[str, int] | None = None,
) -> list[tuple[str, str, int]]:
    """Widths for `available` cells: the `flex` column gets what is left, up to `most`.

    On a wide terminal the columns in `grow` widen towards the width given there, in order,
    as long as the flexible column keeps ROOMY_FLEX cells: room goes to the text that was
    cut, not to empty space at the end of a title. Each column has one cell of padding
    either side and the scrollbar takes two.
    """
    widths = {key: width or 0 for _label, key, width in columns if key != flex}
    room = max(MIN_FLEX, available - sum(widths.values()) - 2 * len(columns) - 2)
    for key, wanted in (grow or {}).items():
        spare = room - ROOMY_FLEX
        if key not in widths or spare <= 0:
            continue
        extra = min(spare, max(0, wanted - widths[key]))
        widths[key] += extra
        room -= extra
    if most is not None:
        room = min(room, most)
    return [(label, key, room if key == flex else widths[key]) for label, key, _ in columns]


def set_columns(
    table: DataTable[Any],
    columns: Sequence[ColumnSpec],
    flex: str,
    available: int,
    *,
    most: int | None = None,
    grow: Mapping[str, int] | None = None,
) -> None:
    """Replace the table's columns (and rows: the caller reloads them) with fitted ones."""
    table.clear(columns=True)
    for label, key, width in fit_widths(columns, flex, available, most=most, grow=grow):
        table.add_column(label, key=key, width=width)
