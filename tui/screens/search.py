"""Full-text search over cases, docket entries, parties, notes, deadlines and hearings.

The query runs when typing pauses (250 ms) in a worker, so a keystroke never waits on it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Static

from db.rows import SearchHit
from tui import bindings
from tui.host import docket_app
from tui.messages import SearchResults
from tui.verbatim import cell, content
from tui.widgets.columns import ColumnSpec, set_columns
from tui.widgets.footer import DocketFooter
from tui.widgets.rows import cursor_key

DEBOUNCE = 0.25
COLUMNS: list[ColumnSpec] = [
    ("Found in", "kind", 8),
    ("Case", "case", 20),
    ("Match", "match", None),
]


class SearchScreen(Screen[None]):
    help_title = "Search"
    BINDINGS: ClassVar[list[BindingType]] = bindings.SEARCH

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None
        self._hits: dict[str, SearchHit] = {}
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Static("Search", id="search-title", classes="screen-title")
        yield Input(
            placeholder="words from titles, entries, parties, notes, deadlines, hearings",
            id="query",
        )
        yield Static("", id="results-empty", classes="empty-note", markup=False)
        yield DataTable(id="results", cursor_type="row")
        yield Static("", id="results-hint", classes="row-hint")
        yield DocketFooter()

    def on_mount(self) -> None:
        self._fit_columns(self.app.size.width)
        self.query_one("#query", Input).focus()

    def _fit_columns(self, width: int) -> None:
        self._width = width
        set_columns(self.query_one("#results", DataTable), COLUMNS, "match", width)

    def on_resize(self, event: events.Resize) -> None:
        if self.is_mounted and event.size.width != self._width:
            self._fit_columns(event.size.width)
            self._run()

    @on(Input.Changed, "#query")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._run)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._run()
        self.query_one("#results", DataTable).focus()

    def _run(self) -> None:
        self._search(self.query_one("#query", Input).value)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        self.post_message(SearchResults(query, docket_app(self).store.search(query)))

    def on_search_results(self, message: SearchResults) -> None:
        if message.query != self.query_one("#query", Input).value:
            return
        table = self.query_one("#results", DataTable)
        table.clear()
        self._hits.clear()
        for index, hit in enumerate(message.hits):
            key = f"{hit.kind}:{hit.ref_id}:{index}"
            self._hits[key] = hit
            table.add_row(
                cell(hit.kind),
                cell(hit.case_number or "", style="bold"),
                cell(hit.snippet.replace("\n", " ")),
                key=key,
            )
        if table.row_count:
            table.move_cursor(row=0)
        found = len(message.hits)
        self.query_one("#search-title", Static).update(
            f"Search · {found} found" if message.query.strip() else "Search"
        )
        empty = self.query_one("#results-empty", Static)
        empty.display = not found and bool(message.query.strip())
        empty.update(
            f"Nothing found for {message.query.strip()!r}: every word must appear (the last "
            "may be the start of a word)"
        )
        self._show_hint()

    @on(DataTable.RowHighlighted, "#results")
    def _highlighted(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        """Under the list, the highlighted hit whole: what matched and its case's title."""
        hit = self._selected()
        hint = self.query_one("#results-hint", Static)
        if hit is None:
            hint.update("")
            return
        hint.update(
            content(hit.text, " · ", (hit.case_number or "", "bold"), " ", hit.case_title or "")
        )

    def action_read_row(self) -> None:
        from tui.screens import details
        from tui.screens.row_detail import RowDetailScreen

        hit = self._selected()
        if hit is not None:
            self.app.push_screen(RowDetailScreen(hit.text, details.hit_fields(hit)))

    def _selected(self) -> SearchHit | None:
        key = cursor_key(self.query_one("#results", DataTable))
        return None if key is None else self._hits.get(key)

    @on(DataTable.RowSelected, "#results")
    def _chosen(self) -> None:
        self.action_open_case()

    def action_open_case(self) -> None:
        hit = self._selected()
        if hit is not None and hit.case_id is not None:
            docket_app(self).open_case(hit.case_id)

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_back(self) -> None:
        docket_app(self).action_goto("cases")
