"""A DataTable that draws its one-line text cells without Rich's general layout machinery.

Every page flip in a long list brings a screenful of rows no one has drawn yet: some 250 cells,
each drawn by DataTable through Rich's `Padding` and `render_lines` (measure, wrap, crop, pad),
about a quarter of a millisecond a cell, most of a flip. The cells docket puts in its lists are
single-line `Text` that never wraps (`tui.verbatim.cell`), so the same segments come from
cutting the text to the column and padding it: four times quicker. Anything else (a cell
that could wrap or holds a tab or a line break, a header, a fixed column) is drawn by
DataTable itself. A test checks that both draw the same segments.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._types import SegmentLines
from textual.widgets import DataTable

_NULL = Style()


def quick_cell_line(
    cell: Text, width: int, padding: int, pre_style: Style, post_style: Style, console: Console
) -> list[Segment] | None:
    """One line of `width` cells, as DataTable draws `cell` in a one-line row; None when the
    cell is not one this shortcut draws the same way."""
    plain = cell.plain
    inner = width - 2 * padding
    if inner < 1 or cell.justify is not None or "\n" in plain or "\t" in plain:
        return None
    # An empty cell (DataTable's own blank Text) has nothing to wrap or cut.
    if plain and (not cell.no_wrap or cell.overflow is None):
        return None
    text = cell.copy()
    text.truncate(inner, overflow=cell.overflow or "fold")
    # Rich joins a cell's lines into one Text before drawing, which turns its own style
    # into a span over its characters; the padding that fills the column has no style.
    joined = Text("\n").join([text])
    drawn = Segment.adjust_line_length(list(joined.render(console, end="")), inner, style=_NULL)
    pad = [Segment(" " * padding, _NULL)] if padding else []
    return list(Segment.apply_style([*pad, *drawn, *pad], pre_style, post_style))


class QuickTable(DataTable[Any]):
    """DataTable, drawing one-line text cells by `quick_cell_line`."""

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        if row_index < 0 or column_index < 0 or self.fixed_rows or self.fixed_columns:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        # DataTable's own cache key, so either way of drawing fills and reads the same cache.
        cache_key = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(cache_key)
        if cached is not None:
            return cached
        cell = self._get_row_renderables(row_index)[1][column_index]
        if self.rows[row_key].height != 1 or not isinstance(cell, Text):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre_style = (
            base_style + Style.from_meta({"row": row_index, "column": column_index})
        ) + component_style
        line = quick_cell_line(
            cell, width, self.cell_padding, pre_style, post_style, self.app.console
        )
        if line is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        lines: SegmentLines = [line]
        self._cell_render_cache[cache_key] = lines
        return lines
