"""A DataTable that draws its one-line text cells without Rich's general layout machinery.

Every page flip in a long list brings a screenful of rows no one has drawn yet: some 250 cells,
each drawn by DataTable through Rich's `Padding` and `render_lines` (measure, wrap, crop, pad),
about a quarter of a millisecond a cell, most of a flip. The cells docket puts in its lists are
single-line `Text` that never wraps (`tui.verbatim.cell`), so the same segments come from
cutting the text to the column and padding it: four times quicker. Anything else (a cell
that could wrap or holds a tab or a line break, a header, a fixed column) is drawn by
DataTable itself. A test checks that both draw the same segments.

Three more things DataTable does for any table cost a long list dearly, and are skipped where
they cannot change what is drawn:

- a row's line is cached by where the cursor is, so moving the cursor one page drew every
  visible row again; here it is cached by whether the cursor (or the mouse) is on that row,
  so a page flip draws only the rows new to the screen;
- each added row set the cursor again (a reactive, with its watchers) and asked for an idle
  check: `append_rows` adds a page of rows and does those once;
- every new row was measured cell by cell to size its columns, which a column of fixed width
  never reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import PseudoClasses
from textual.widgets import DataTable
from textual.widgets.data_table import DuplicateKey, Row, RowKey

_NULL = Style()
#: DataTable's blank cell (`_EMPTY_TEXT`), which it draws for an empty or missing one.
_BLANK = Text(no_wrap=True, end="")


def _drawn_plainly(cell: Text, inner: int, console: Console) -> list[Segment] | None:
    """What Rich draws for a one-style cell cut or padded to `inner` cells, without building
    Texts to draw it (the list's cells are all such); None for a cell with spans."""
    overflow = cell.overflow or "fold"
    if cell.spans or overflow == "ignore":
        return None
    plain = cell.plain
    length = cell_len(plain)
    if length > inner:
        cut = inner - 1 if overflow == "ellipsis" else inner
        plain = set_cell_size(plain, cut) + ("…" if overflow == "ellipsis" else "")
        length = inner
    style = console.get_style(cell.style) if isinstance(cell.style, str) else cell.style
    # Rich draws an empty cell as one empty segment, or none when it has a style.
    drawn = [Segment(plain, style)] if plain else ([] if cell.style else [Segment("", _NULL)])
    if length < inner:
        drawn.append(Segment(" " * (inner - length), _NULL))
    return drawn


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
    drawn = _drawn_plainly(cell, inner, console)
    if drawn is None:
        text = cell.copy()
        text.truncate(inner, overflow=cell.overflow or "fold")
        # Rich joins a cell's lines into one Text before drawing, which turns its own style
        # into a span over its characters; the padding that fills the column has no style.
        joined = Text("\n").join([text])
        drawn = Segment.adjust_line_length(list(joined.render(console, end="")), inner, style=_NULL)
    pad = [Segment(" " * padding, _NULL)] if padding else []
    return _applied([*pad, *drawn, *pad], pre_style, post_style)


def _applied(segments: list[Segment], style: Style, post_style: Style) -> list[Segment]:
    """`Segment.apply_style(segments, style, post_style)`, as a list, each distinct segment
    style combined once (a cell's padding and its fill share theirs)."""
    done: dict[Style | None, Style | None] = {}
    out = []
    for text, own, control in segments:
        if control:
            out.append(Segment(text, None, control))
            continue
        if own in done:
            combined = done[own]
        else:
            combined = style + own if style else own
            if post_style:
                combined = combined + post_style if combined else post_style
            done[own] = combined
        out.append(Segment(text, combined))
    return out


#: A row's drawn line: the row, its line, the base style, whether the cursor and the mouse are
#: on it, and what else DataTable's own row cache keys on.
_RowKey = tuple[RowKey, int, Style, bool, bool, bool, bool, int, int, PseudoClasses]


class QuickTable(DataTable[Any]):
    """DataTable, drawing one-line text cells by `quick_cell_line`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Before DataTable's own set-up, which already clears the caches.
        self._quick_rows: LRUCache[_RowKey, tuple[SegmentLines, SegmentLines]] = LRUCache(1000)
        super().__init__(*args, **kwargs)

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._quick_rows.clear()

    def append_rows(self, rows: Iterable[tuple[str, Sequence[object]]]) -> None:
        """Add (key, cells) rows at the bottom, as `add_row` adds each, its bookkeeping
        done once for them all."""
        columns = self.ordered_columns
        before = self.row_count
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = self.row_count
            self._data[row_key] = {column.key: cell for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
        if self.row_count == before:
            return
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        # As add_row does for the first row: the cursor now has a row to highlight.
        if before == 0 and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # A new row is measured only to widen a column that sizes itself to its content, or
        # when it has a label or sets its own height; with neither, measuring is skipped.
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
            return
        rows = self.rows
        super()._update_dimensions(
            [
                key
                for key in new_rows
                if key in rows and (rows[key].label is not None or rows[key].auto_height)
            ]
        )

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        if self.cursor_type != "row" or self.fixed_columns or self._labelled_row_exists:
            return super()._render_line_in_row(
                row_key, line_no, base_style, cursor_location, hover_location
            )
        found = self._row_locations.get(row_key)
        row_index = -1 if found is None else found
        # With a row cursor, a row is drawn one way with the cursor (or the mouse) on it and
        # one way without, wherever the cursor is otherwise.
        cache_key: _RowKey = (
            row_key,
            line_no,
            base_style,
            cursor_location.row == row_index,
            hover_location.row == row_index,
            self.show_cursor,
            self._show_hover_cursor,
            self._update_count,
            self.size.width,
            self._pseudo_class_state,
        )
        cached = self._quick_rows.get(cache_key)
        if cached is not None:
            return cached
        quick = None
        if row_index >= 0 and line_no == 0 and not self.fixed_rows:
            quick = self._quick_row(
                row_index, base_style, cursor_location.row == row_index, hover_location.row
            )
        drawn = quick or super()._render_line_in_row(
            row_key, line_no, base_style, cursor_location, hover_location
        )
        self._quick_rows[cache_key] = drawn
        return drawn

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of one paint shares, looked up once for the paint: the table's own
        # style (DataTable asks for it again at every line) and the zebra stripes' colours.
        self._pass_styles: dict[tuple[int, Style], Style] = {}
        self._pass_base: Style | None = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._pass_base = None

    def render_line(self, y: int) -> Strip:
        base = getattr(self, "_pass_base", None)
        if base is None or self.fixed_rows:
            return super().render_line(y)
        # DataTable's render_line, for a table with no fixed rows, with the paint's style.
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        if y >= (self.header_height if self.show_header else 0):
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + width, base)

    def _quick_row(
        self, row_index: int, base_style: Style, cursor: bool, hover_row: int
    ) -> tuple[SegmentLines, SegmentLines] | None:
        """A one-line row whose cells are all one-line text, drawn as DataTable draws it (its
        `_render_line_in_row`, for a row cursor and no fixed columns or labels): each cell by
        `quick_cell_line` with the row's styles worked out once, not once a cell. None for any
        other row."""
        row_key = self._row_locations.get_key(row_index)
        if row_key is None or self.rows[row_key].height != 1:
            return None
        # The row's colours (zebra stripes) read the style sheet: once a parity a paint.
        styles = getattr(self, "_pass_styles", {})
        row_style = styles.get((row_index % 2, base_style))
        if row_style is None:
            row_style = styles[(row_index % 2, base_style)] = self._get_row_style(
                row_index, base_style
            )
        hover = hover_row == row_index
        component_style, post_style = self._cell_styles(hover, cursor)
        cells = self._cells_of(row_key)
        if cells is None:
            return None
        console = self.app.console
        padding = self.cell_padding
        scrollable: SegmentLines = []
        table_width = 0
        for column_index, (column, cell) in enumerate(
            zip(self.ordered_columns, cells, strict=True)
        ):
            width = column.get_render_width(self)
            table_width += width
            if not isinstance(cell, Text):
                return None
            pre_style = (
                row_style + Style.from_meta({"row": row_index, "column": column_index})
            ) + component_style
            line = quick_cell_line(cell, width, padding, pre_style, post_style, console)
            if line is None:
                return None
            scrollable.append(line)
        # DataTable's own last segment: the row's colours carried to the widget's edge.
        extend_style, _ = self._get_styles_to_render_cell(
            False,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            False,
            False,
        )
        extend_style = row_style + extend_style
        extend_style += Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
        remaining = max(0, self.size.width - table_width - self._row_label_column_width)
        scrollable.append([Segment(" " * remaining, extend_style)])
        return [], scrollable

    def _cell_styles(self, hover: bool, cursor: bool) -> tuple[Style, Style]:
        """A body cell's styles as DataTable works them out, for a row drawn whole and for
        one cell drawn alone."""
        return self._get_styles_to_render_cell(
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

    def _cells_of(self, row_key: RowKey) -> list[Text] | None:
        """The row's cells in column order when every one is a one-line `Text` (what
        `_get_row_renderables` gives such a row, read without formatting each cell again);
        None for any other row."""
        data = self._data.get(row_key)
        if data is None:
            return None
        cells: list[Text] = []
        for column in self.ordered_columns:
            cell = data.get(column.key)
            if cell is not None and not isinstance(cell, Text):
                return None
            # As DataTable formats them: a missing or empty cell is its own blank Text.
            cells.append(cell or _BLANK)
        return cells

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
        component_style, post_style = self._cell_styles(hover, cursor)
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
