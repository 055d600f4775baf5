"""The start screen: every matter, unresolved and most urgent first, filtered as you type.

The table never holds the whole docket: it holds pages of 100 rows fetched by keyset from the
urgency index, and asks for the next page when the cursor nears the end. Two narrower views
share it: "mine" (`m`: the matters the current user answers for) and a linked group (from a
Case screen's `g`: one matter and everything linked to it, which is small and read whole).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import DataTable, Input, Static

from db.rows import PAGE_SIZE, CaseRow
from tui import bindings
from tui.host import docket_app
from tui.messages import CasesLoaded
from tui.theme import tone
from tui.verbatim import cell, content
from tui.widgets.columns import ColumnSpec, set_columns
from tui.widgets.footer import DocketFooter
from tui.widgets.rows import PREFETCH, cursor_key, hold_place, move_to_key
from tui.widgets.table import QuickTable

if TYPE_CHECKING:
    from db.changes import Changes

#: Columns by terminal width. Below WIDE_FROM columns the list keeps what a paralegal scans
#: first (number, title, next event, stage); Kind and Active are on the Case screen.
WIDE_FROM = 110
WIDE = ("flag", "number", "title", "kind", "stage", "next", "activity")
NARROW = ("flag", "number", "title", "next", "stage")
LABELS = {
    "flag": "",
    "number": "Number",
    "title": "Title",
    "kind": "Kind",
    "stage": "Stage",
    "next": "Next",
    "activity": "Active",
}
WIDTHS = {"flag": 1, "number": 18, "kind": 14, "stage": 18, "next": 18, "activity": 10}
NARROW_STAGE = 10


class CasesScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.CASES

    def __init__(self) -> None:
        super().__init__()
        self._generation = 0
        self._last_row: CaseRow | None = None
        self._exhausted = False
        self._loading = False
        self._first_page = PAGE_SIZE
        self._keep_id: int | None = None
        self._loaded: dict[int, CaseRow] = {}
        self._columns: tuple[str, ...] = WIDE
        self._width = 0
        self._mine: int | None = None
        """The current user's person id while the list shows only theirs."""
        self._group: tuple[int, str] | None = None
        """(case id, number) while the list shows that matter's linked group."""
        self._away = False
        self._asked = ""
        self._reread = False
        """Someone committed while a page was being read: read it again once it is shown."""
        self._put_back: Callable[[], None] | None = None
        """Puts the cursor's row back at its height in the view after a reread."""

    def compose(self) -> ComposeResult:
        yield Static("Cases", id="title", classes="screen-title")
        yield Input(placeholder="/ filter by number or title", id="filter")
        yield Static("", id="cases-empty", classes="empty-note", markup=False)
        table = QuickTable(id="cases", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="hint")
        yield DocketFooter()

    def on_mount(self) -> None:
        table = self.query_one("#cases", DataTable)
        self._width = self.app.size.width
        self._columns = self._layout(self._width)
        self._add_columns(table, self._width)
        table.focus()
        self._read_first_page()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        docket_app(self).changes_signal.subscribe(self, self._changes_arrived, immediate=True)

    def _read_first_page(self) -> None:
        """The first page, read here rather than in a worker: from the urgency index it takes
        a millisecond or two, and read before the screen is first drawn, the list is drawn
        once, with its rows, instead of empty and then again as the app starts."""
        self._generation += 1
        self._exhausted = False
        self._loading = True
        self._first_page = PAGE_SIZE
        self._keep_id = None
        self._asked = self.query_one("#filter", Input).value
        rows = docket_app(self).store.list_cases(text=self._asked, limit=PAGE_SIZE)
        self.on_cases_loaded(CasesLoaded(rows, self._generation, False))

    def _theme_changed(self, theme: Theme) -> None:
        # Row colours are read from the theme as rows are built: rebuild them.
        if self.is_mounted:
            self.reload(keep_cursor=True)

    def _changes_arrived(self, changes: Changes) -> None:
        """Someone committed: read the rows shown again, the cursor kept on its case.

        Any change may move a case (urgency is the order) or add one, so the page is read
        whatever changed. Shown in another place, the list waits: coming back reloads it.
        """
        if self not in self.app.screen_stack:
            return
        if self._loading:
            self._reread = True  # the read on its way may have missed the change
            return
        put_back = hold_place(self.query_one("#cases", DataTable))
        self.reload(keep_cursor=True)
        self._put_back = put_back

    def _layout(self, width: int) -> tuple[str, ...]:
        return WIDE if width >= WIDE_FROM else NARROW

    def _add_columns(self, table: DataTable[object], width: int) -> None:
        widths = dict(WIDTHS)
        if self._columns is NARROW:
            widths["stage"] = NARROW_STAGE
        columns: list[ColumnSpec] = [
            (LABELS[key], key, None if key == "title" else widths[key]) for key in self._columns
        ]
        set_columns(table, columns, "title", width)

    def on_resize(self, event: events.Resize) -> None:
        if not self.is_mounted or event.size.width == self._width:
            return
        self._width = event.size.width
        # The reload notes the selected row and how far the list was paged before the new
        # columns empty the table; its rows arrive after.
        self.reload(keep_cursor=True)
        self._columns = self._layout(self._width)
        self._add_columns(self.query_one("#cases", DataTable), self._width)

    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self) -> None:
        # Back from a case or another place, the list may have changed. A screen is also
        # resumed (twice) as the app starts, when the first page is already on its way: a
        # reload then would throw it away and ask again.
        if self.is_mounted and self._away:
            self._away = False
            self.reload(keep_cursor=True)

    # ------------------------------------------------------------------ loading

    def reload(self, *, keep_cursor: bool = False) -> None:
        self._generation += 1
        self._exhausted = False
        self._loading = True
        self._put_back = None
        # Keeping the cursor means keeping the rows down to it: a paralegal who paged far
        # down, opened a case and came back is still where they were.
        rows = self.query_one("#cases", DataTable).row_count if keep_cursor else 0
        self._first_page = max(PAGE_SIZE, rows)
        self._keep_id = self._selected_id() if keep_cursor else None
        self._asked = self.query_one("#filter", Input).value
        self._load(
            self._asked,
            None,
            self._generation,
            False,
            self._first_page,
        )

    @work(thread=True, exclusive=True, group="cases-page")
    def _load(
        self,
        text: str,
        after: tuple[int, str, int] | None,
        generation: int,
        append: bool,
        limit: int = PAGE_SIZE,
    ) -> None:
        store = docket_app(self).store
        if self._group is not None:
            typed = text.strip().casefold()
            rows = [
                row
                for row in store.linked_group(self._group[0])
                if typed in row.number.casefold() or typed in row.title.casefold()
            ]
            self.post_message(CasesLoaded(rows, generation, append, whole=True))
            return
        rows = store.list_cases(text=text, mine=self._mine, after=after, limit=limit)
        self.post_message(CasesLoaded(rows, generation, append))

    def on_cases_loaded(self, message: CasesLoaded) -> None:
        if message.generation != self._generation:
            return  # typed on since: a newer page is on its way
        if self.query_one("#filter", Input).value != self._asked:
            # The filter has taken a key whose change has not reached this screen yet: its
            # page is on its way, and laying out this one would only hold it up.
            return
        table = self.query_one("#cases", QuickTable)
        self._loading = False
        if not message.append:
            table.clear()
            self._loaded.clear()
        table.append_rows((str(row.id), self._cells(row)) for row in message.rows)
        self._loaded.update((row.id, row) for row in message.rows)
        if message.rows:
            self._last_row = message.rows[-1]
        self._exhausted = message.whole or len(message.rows) < (
            PAGE_SIZE if message.append else self._first_page
        )
        if not message.append:
            kept = self._keep_id is not None and move_to_key(table, str(self._keep_id))
            if not kept and table.row_count:
                table.move_cursor(row=0)
            if self._put_back is not None:
                put_back, self._put_back = self._put_back, None
                put_back()
        count = table.row_count
        more = "" if self._exhausted else "+"
        view = ""
        if self._group is not None:
            view = f" · linked to {self._group[1]}"
        elif self._mine is not None:
            view = " · mine"
        # One line tall whatever it says (docket.tcss): no new layout for a new count.
        self.query_one("#title", Static).update(
            content(f"Cases{view} · {count}{more}"), layout=False
        )
        self._say_if_empty(count)
        if self._reread:
            self._reread = False
            self.reload(keep_cursor=True)

    def _say_if_empty(self, count: int) -> None:
        """An empty list says why, and what to do: on a new database, how to begin."""
        note = self.query_one("#cases-empty", Static)
        note.display = count == 0
        if count:
            return
        host = docket_app(self)
        typed = self.query_one("#filter", Input).value
        if typed:
            note.update(
                f"No case number or title contains {typed!r} · "
                f"{host.key_for('cases.back')} back to the list, or search everything with "
                f"{host.key_for('app.search')}"
            )
            return
        note.update(
            "No cases yet. To begin:\n"
            f"  {host.key_for('cases.new')}  enter a new case\n"
            f"  {host.key_for('app.palette')}  then Import PACER docket… or Import ECF notices…\n"
            "  docket --demo  (in a shell) opens a copy of the demo data to try things on\n"
            f"This database: {host.store.where}"
        )

    def _cells(self, row: CaseRow) -> list[object]:
        style = tone(self.app, "warning", "bold") if row.attention else ""
        flag = cell(
            "!" if row.attention else ("‖" if row.stayed else ""),
            style=tone(self.app, "warning" if row.attention else "error", "bold"),
        )
        stayed = " (stayed)" if row.stayed and self._columns is WIDE else ""
        cells: dict[str, object] = {
            "flag": flag,
            "number": cell(row.number, style="bold"),
            "title": cell(row.title),
            "kind": cell(row.kind),
            "stage": cell(row.stage + stayed, style="dim" if row.resolved else ""),
            "next": self._next_cell(row),
            "activity": cell(row.last_activity_on or "", style=style),
        }
        return [cells[key] for key in self._columns]

    def _next_cell(self, row: CaseRow) -> object:
        """The next date; a deadline already past is marked overdue, in the error colour."""
        today = docket_app(self).store.clock.today().isoformat()
        if row.next_deadline_on and row.next_deadline_on < today and not row.resolved:
            return cell(f"{row.next_deadline_on} overdue", style=tone(self.app, "error", "bold"))
        if row.next_event_on == today:
            return cell(f"{today} today", style=tone(self.app, "warning", "bold"))
        return cell(row.next_event_on or "")

    def _selected_id(self) -> int | None:
        key = cursor_key(self.query_one("#cases", DataTable))
        return None if key is None else int(key)

    @on(DataTable.RowHighlighted, "#cases")
    def _maybe_next_page(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        row = self._row_for(event.cursor_row)
        # The hint is one line tall (docket.tcss): a new text needs no new layout, which on
        # every cursor move would measure the whole screen again.
        hint = self.query_one("#hint", Static)
        if row is not None and row.attention:
            hint.update(content(("! needs attention: ", "bold"), row.attention), layout=False)
        elif row is not None:
            court = docket_app(self).court_name(row.court)
            said = content(court, " · ", row.title) if court else content(row.title)
            hint.update(said, layout=False)
        else:
            hint.update("", layout=False)
        if self._exhausted or self._loading or self._last_row is None:
            return
        if event.cursor_row >= table.row_count - PREFETCH:
            self._loading = True
            self._load(
                self.query_one("#filter", Input).value,
                self._last_row.sort_key,
                self._generation,
                True,
            )

    def _row_for(self, index: int) -> CaseRow | None:
        table = self.query_one("#cases", DataTable)
        if not 0 <= index < table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(index, 0)).row_key
        return self._loaded.get(int(str(key.value)))

    @on(DataTable.RowSelected, "#cases")
    def _open(self, event: DataTable.RowSelected) -> None:
        docket_app(self).open_case(int(str(event.row_key.value)))

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self.reload()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one("#cases", DataTable).focus()

    # ------------------------------------------------------------------ actions

    def action_open_case(self) -> None:
        case_id = self._selected_id()
        if case_id is not None:
            docket_app(self).open_case(case_id)

    def action_read_row(self) -> None:
        """The selected case in full (court by name, whole title, summary), without opening it."""
        from tui.screens import details
        from tui.screens.row_detail import RowDetailScreen

        case_id = self._selected_id()
        if case_id is None:
            return
        host = docket_app(self)
        case = host.store.get_case(case_id)
        row = self._loaded.get(case_id)
        fields = details.case_fields(case, host.court_name(case.court))
        if row is not None:
            fields[4:4] = details.case_row_fields(row, "")[4:]
        self.app.push_screen(RowDetailScreen(case.number, fields))

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        table = self.query_one("#cases", DataTable)
        if table.has_focus and self._group is not None:
            self._group = None
            self.reload()
        table.focus()

    def show_group(self, case_id: int) -> None:
        """Narrow the list to the matter and every matter linked to it (escape: all again)."""
        number = docket_app(self).store.get_case(case_id).number
        self._group = (case_id, number)
        self._mine = None
        self._keep_id = case_id
        filter_box = self.query_one("#filter", Input)
        with filter_box.prevent(Input.Changed):
            filter_box.value = ""
        self._generation += 1
        self._exhausted = False
        self._loading = True
        self._put_back = None
        self._first_page = PAGE_SIZE
        self._load("", None, self._generation, False)
        self.query_one("#cases", DataTable).focus()

    def action_toggle_mine(self) -> None:
        """Only the matters the current user answers for, or every matter again."""
        if self._mine is None:
            self._mine = docket_app(self).my_person_id()
            if self._mine is None:
                return
        else:
            self._mine = None
        self._group = None
        self.reload()

    def action_new_case(self) -> None:
        from tui.forms.case_form import CaseForm, CaseFormResult

        def opened(result: CaseFormResult | None) -> None:
            if result is not None:
                self.reload()
                docket_app(self).open_case(result.case_id)

        self.app.push_screen(CaseForm(), opened)
