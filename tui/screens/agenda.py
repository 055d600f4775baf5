"""What is due: overdue first, then today, this week and later; deadlines and hearings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from db.rows import AgendaItem
from docket.court_time import court_and_local
from docket.errors import DocketError
from tui import bindings
from tui.host import docket_app
from tui.messages import AgendaLoaded
from tui.theme import tone
from tui.verbatim import cell, content
from tui.widgets.columns import ColumnSpec, set_columns
from tui.widgets.footer import DocketFooter
from tui.widgets.rows import cursor_key, move_to_key

if TYPE_CHECKING:
    from db.changes import Changes


def section(day: date, today: date) -> str:
    if day < today:
        return "Overdue"
    if day == today:
        return "Today"
    if day <= today + timedelta(days=7):
        return "This week"
    return "Later"


#: (theme colour, extra style) of each section's label.
_SECTION_STYLE = {
    "Overdue": ("error", "bold"),
    "Today": ("warning", "bold"),
    "This week": ("", "bold"),
    "Later": ("", ""),
}


#: From this terminal width the Case column has room for the case title after its number;
#: below it, the number alone (the one thing that tells the cases apart).
WIDE_FROM = 110
CASE_WIDE = 30
CASE_NARROW = 18
#: The What column: "deadline", "hearing 09:30 MST"; wider when a local time is beside it.
WHAT_WIDTH = 13


class AgendaScreen(Screen[None]):
    help_title = "Agenda"
    BINDINGS: ClassVar[list[BindingType]] = bindings.AGENDA

    def __init__(self) -> None:
        super().__init__()
        self._items: dict[str, AgendaItem] = {}
        self._courts: dict[int, str] = {}
        self._width = 0
        self._what_width = WHAT_WIDTH
        self._mine: int | None = None
        """The current user's person id while the agenda shows only what they answer for."""
        self._reading = False
        self._reread = False
        """Someone committed while the agenda was being read: read it again once shown."""

    def compose(self) -> ComposeResult:
        yield Static("Agenda", id="agenda-title", classes="screen-title")
        yield Static("", id="agenda-empty", classes="empty-note", markup=False)
        yield DataTable(id="agenda-table", cursor_type="row")
        yield Static("", id="agenda-hint", classes="row-hint")
        yield DocketFooter()

    def on_mount(self) -> None:
        table = self.query_one("#agenda-table", DataTable)
        self._fit_columns(self.app.size.width)
        table.focus()
        # No load here: the screen is resumed as soon as it is shown, and that loads it.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.reload())
        docket_app(self).changes_signal.subscribe(self, self._changes_arrived, immediate=True)

    def _changes_arrived(self, changes: Changes) -> None:
        """Someone committed: read the agenda again, the cursor kept on its item. Shown in
        another place, it waits: coming back reloads it."""
        if self not in self.app.screen_stack:
            return
        if self._reading:
            self._reread = True  # the read on its way may have missed the change
            return
        self.reload()

    def _fit_columns(self, width: int, what_width: int = WHAT_WIDTH) -> None:
        self._width = width
        self._what_width = what_width
        case_width = CASE_WIDE if width >= WIDE_FROM else CASE_NARROW
        columns: list[ColumnSpec] = [
            ("When", "when", 9),
            ("Day", "day", 10),
            # "hearing 09:30 MST": the time is what a paralegal needs from a hearing row.
            ("What", "what", what_width),
            ("Title", "title", None),
            ("Case", "case", case_width),
        ]
        table = self.query_one("#agenda-table", DataTable)
        grow = {"case": 44} if width >= WIDE_FROM else None
        set_columns(table, columns, "title", width, grow=grow)

    def on_resize(self, event: events.Resize) -> None:
        if self.is_mounted and event.size.width != self._width:
            self._fit_columns(event.size.width)
            self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._reading = True
        self._load()

    @work(thread=True, exclusive=True, group="agenda")
    def _load(self) -> None:
        store = docket_app(self).store
        items = store.agenda(mine=self._mine)
        courts = store.courts_of_cases([item.case_id for item in items])
        self.post_message(AgendaLoaded(items, courts, store.court_zones(courts)))

    def on_agenda_loaded(self, message: AgendaLoaded) -> None:
        today = docket_app(self).store.clock.today()
        self._reading = False
        table = self.query_one("#agenda-table", DataTable)
        row = table.cursor_row
        kept = cursor_key(table)
        whats = [self._what(item, message.court_zones) for item in message.items]
        # Wide enough for "hearing 09:00 MST (11:00 EST here)" when the reader's clock differs.
        what_width = max([WHAT_WIDTH, *(len(what) for what in whats)])
        if what_width != self._what_width:
            self._fit_columns(self._width, what_width)
        table.clear()
        self._items.clear()
        self._courts = message.courts
        counts: dict[str, int] = {}
        for item, what in zip(message.items, whats, strict=True):
            when = section(item.day, today)
            counts[when] = counts.get(when, 0) + 1
            key = f"{item.kind}:{item.id}"
            case = f"{item.case_number} {item.case_title}"
            self._items[key] = item
            table.add_row(
                cell(when, style=tone(self.app, *_SECTION_STYLE[when])),
                cell(item.day.isoformat()),
                cell(what),
                cell(item.title),
                cell(case if self._width >= WIDE_FROM else item.case_number),
                key=key,
            )
        # The item under the cursor stays under it; when it is gone (done, waived), the row
        # that took its place.
        if table.row_count and (kept is None or not move_to_key(table, kept)):
            table.move_cursor(row=min(row, table.row_count - 1))
        summary = " · ".join(f"{name} {counts[name]}" for name in _SECTION_STYLE if name in counts)
        view = " · mine" if self._mine is not None else ""
        self.query_one("#agenda-title", Static).update(
            f"Agenda{view} · {summary or 'nothing open'}"
        )
        empty = self.query_one("#agenda-empty", Static)
        empty.display = not table.row_count
        host = docket_app(self)
        empty.update(
            "Nothing due yet: no open deadlines or scheduled hearings · open a case "
            f"({host.key_for('app.cases')}, then {host.key_for('cases.open')}) and press "
            f"{host.key_for('case.deadline')} or {host.key_for('case.hearing')} to add one"
        )
        self._show_hint()
        if self._reread:
            self._reread = False
            self.reload()

    @staticmethod
    def _what(item: AgendaItem, zones: dict[int, tzinfo | None]) -> str:
        """`deadline`, or `hearing 09:00 MST` with the reader's time beside it if it differs."""
        if not item.at:
            return item.kind
        starts = datetime.fromisoformat(item.at)
        return f"{item.kind} {court_and_local(starts, zones.get(item.case_id))}"

    @on(DataTable.RowHighlighted, "#agenda-table")
    def _highlighted(self) -> None:
        self._show_hint()

    def _show_hint(self) -> None:
        """Under the list, the highlighted item whole: its title, case and court by name."""
        item = self._selected()
        hint = self.query_one("#agenda-hint", Static)
        if item is None:
            hint.update("")
            return
        court = docket_app(self).court_name(self._courts.get(item.case_id))
        hint.update(
            content(item.title, " · ", (item.case_number, "bold"), " ", item.case_title)
            + (content(" · ", court) if court else content())
        )

    def action_read_row(self) -> None:
        from tui.screens import details
        from tui.screens.row_detail import RowDetailScreen

        item = self._selected()
        if item is None:
            return
        court = docket_app(self).court_name(self._courts.get(item.case_id))
        self.app.push_screen(RowDetailScreen(item.title, details.agenda_fields(item, court)))

    def _selected(self) -> AgendaItem | None:
        key = cursor_key(self.query_one("#agenda-table", DataTable))
        return None if key is None else self._items.get(key)

    @on(DataTable.RowSelected, "#agenda-table")
    def _selected_row(self) -> None:
        self.action_open_case()

    def action_open_case(self) -> None:
        item = self._selected()
        if item is not None:
            docket_app(self).open_case(item.case_id)

    def action_done(self) -> None:
        item = self._selected()
        if item is None:
            return
        if item.kind != "deadline":
            self.notify("x marks deadlines done; this is a hearing", severity="warning")
            return
        try:
            done = docket_app(self).store.complete_deadline(item.id)
        except DocketError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.notify(f"Done: {done.title} ({item.case_number})", markup=False)
        self.reload()

    def action_toggle_mine(self) -> None:
        """Only what the current user answers for, or everything again."""
        self._mine = None if self._mine is not None else docket_app(self).my_person_id()
        self.reload()
