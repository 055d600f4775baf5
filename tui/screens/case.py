"""One matter: where it stands, and its docket, parties, hearings, deadlines and history.

Every form opened from here writes through the store and the tabs reload from it afterwards,
so what is on screen is always what is in the database. Keys that act on a row (void, edit,
waive, explain) work on the tab they belong to and are hidden on the others.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from db.rows import PAGE_SIZE
from docket.dates import format_day
from docket.errors import DocketError
from docket.models import DeadlineStatus
from tui.screens.cases import PREFETCH
from tui.theme import tone
from tui.verbatim import cell, content
from tui.widgets.columns import ColumnSpec, set_columns
from tui.widgets.footer import DocketFooter
from tui.widgets.rows import cursor_key, move_to_key

if TYPE_CHECKING:
    from docket.models import Case, Deadline, Filing
    from tui.app import DocketApp
    from tui.screens.filing_form import FilingFormResult
    from tui.screens.hearing_form import HearingUpdate
    from tui.screens.void_form import VoidResult

#: Actions that only make sense on one tab, and that tab.
TAB_ACTIONS = {
    "void_filing": "tab-docket",
    "edit_filing": "tab-docket",
    "edit_hearing": "tab-hearings",
    "deadline_done": "tab-deadlines",
    "waive_deadline": "tab-deadlines",
    "explain_deadline": "tab-deadlines",
}


#: Each table's columns, the column that gives up width on a narrow terminal, and the most
#: that column takes on a wide one.
TABLES: dict[str, tuple[list[ColumnSpec], str, int]] = {
    "docket": (
        [("#", "entry", 4), ("Filed", "filed", 10), ("Type", "type", 12)]
        + [("Title", "title", None), ("By", "by", 16)],
        "title",
        44,
    ),
    "parties": ([("Name", "name", None), ("Role", "role", 16), ("Kind", "kind", 12)], "name", 36),
    "hearings": (
        [("When", "when", 22), ("Kind", "kind", 22), ("Where", "where", None)]
        + [("Status", "status", 10)],
        "where",
        20,
    ),
    "deadlines": (
        [("Due", "due", 16), ("Title", "title", None), ("Status", "status", 9)]
        + [("Rule", "rule", 20)],
        "title",
        40,
    ),
    "history": ([("On", "on", 10), ("What", "what", 24), ("Note", "note", None)], "note", 50),
}


#: Notes listed on the Status & notes tab, newest first; older ones are counted, not listed.
NOTES_SHOWN = 500


def _table(table_id: str) -> DataTable[Any]:
    return DataTable(id=table_id, cursor_type="row", zebra_stripes=True)


class CaseScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="case.back", tooltip="Back to the list"),
        Binding("f", "new_filing", "Filing", id="case.filing", tooltip="Enter a docket entry"),
        Binding("h", "new_hearing", "Hearing", id="case.hearing", tooltip="Schedule a hearing"),
        Binding("d", "new_deadline", "Deadline", id="case.deadline", tooltip="Add a deadline"),
        Binding("p", "new_party", "Party", id="case.party", tooltip="Add a party"),
        Binding(
            "t",
            "change_status",
            "Status",
            id="case.status",
            tooltip="Change stage, stay, lift or reopen",
        ),
        Binding("u", "add_note", "Note", id="case.note", tooltip="Add a dated note"),
        Binding(
            "o",
            "follow_up",
            "Follow up",
            id="case.follow_up",
            tooltip="Set or clear the day to look at this matter again",
        ),
        Binding(
            "e",
            "edit_filing",
            "Edit",
            id="case.edit_filing",
            tooltip="Docket tab: edit the selected entry",
        ),
        Binding(
            "v",
            "void_filing",
            "Void",
            id="case.void",
            tooltip="Docket tab: void the selected entry (it stays, marked)",
        ),
        Binding(
            "e",
            "edit_hearing",
            "Update",
            id="case.edit_hearing",
            tooltip="Hearings tab: change time, status, outcome, continuance",
        ),
        Binding(
            "x",
            "deadline_done",
            "Done",
            id="case.done",
            tooltip="Deadlines tab: mark the selected deadline done",
        ),
        Binding(
            "w",
            "waive_deadline",
            "Waive",
            id="case.waive",
            tooltip="Deadlines tab: mark the selected deadline waived",
        ),
        Binding(
            "i",
            "explain_deadline",
            "How counted",
            id="case.explain",
            tooltip="Deadlines tab: the rule and counting steps (also enter)",
        ),
    ]
    help_title = "Case"

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self._last_entry = 0
        self._docket_done = False
        self._width = 0

    @property
    def docket_app(self) -> DocketApp:
        return self.app  # type: ignore[return-value]

    @property
    def case(self) -> Case:
        return self.docket_app.store.get_case(self.case_id)

    def compose(self) -> ComposeResult:
        yield Static("", id="case-header")
        with TabbedContent(id="tabs"):
            with TabPane("Docket", id="tab-docket"):
                yield _table("docket")
            with TabPane("Parties", id="tab-parties"):
                yield _table("parties")
            with TabPane("Hearings", id="tab-hearings"):
                yield _table("hearings")
            with TabPane("Deadlines", id="tab-deadlines"):
                yield _table("deadlines")
            with TabPane("Status & notes", id="tab-status"):
                yield _table("history")
        yield DocketFooter()

    def on_mount(self) -> None:
        self._width = self.app.size.width
        self._fit_columns()
        self.reload()
        self.query_one("#docket", DataTable).focus()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        # Cell colours are read from the theme when rows are built.
        if self.is_mounted:
            self.reload()

    def _fit_columns(self) -> None:
        for table_id, (columns, flex, most) in TABLES.items():
            table = self.query_one(f"#{table_id}", DataTable)
            set_columns(table, columns, flex, self._width, most=most)

    def on_resize(self, event: events.Resize) -> None:
        if not self.is_mounted or event.size.width == self._width:
            return
        self._width = event.size.width
        self._fit_columns()
        self.reload(select_entry=self._selected_key("docket"))

    # ------------------------------------------------------------------ loading

    def reload(self, *, select_entry: int | None = None) -> None:
        store = self.docket_app.store
        try:
            case = store.get_case(self.case_id)
        except DocketError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._show_header(case)
        self._load_docket(select_entry)
        parties = self.query_one("#parties", DataTable)
        parties.clear()
        for party in store.case_parties(self.case_id):
            parties.add_row(
                cell(party.name),
                cell(party.raw_role or party.role.label),
                cell(party.party_kind.label),
                key=str(party.id),
            )
        hearings = self.query_one("#hearings", DataTable)
        hearings.clear()
        for hearing in store.hearings(self.case_id):
            hearings.add_row(
                cell(hearing.starts_at.strftime("%Y-%m-%d %H:%M %Z").strip()),
                cell(hearing.kind),
                cell(hearing.location or ""),
                cell(hearing.status.label),
                key=str(hearing.id),
            )
        self._load_deadlines()
        history = self.query_one("#history", DataTable)
        history.clear()
        # Newest first; on one day, the later change above the earlier (by id: the store
        # gives both lists in their own order).
        entries: list[tuple[str, int, int, list[object]]] = []
        for change in store.status_history(self.case_id):
            what = {
                "open": f"opened as {change.to_stage}",
                "stay": "stayed",
                "lift": "stay lifted",
                "reopen": f"reopened to {change.to_stage}",
            }.get(change.event, f"{change.from_stage or ''} → {change.to_stage}")
            if change.disposition:
                what += f" ({change.disposition})"
            entries.append(
                (
                    change.changed_on.isoformat(),
                    0,
                    change.id or 0,
                    [
                        cell(change.changed_on.isoformat()),
                        cell(what, style="bold"),
                        cell(change.note or ""),
                    ],
                )
            )
        notes = store.notes(self.case_id, limit=NOTES_SHOWN)
        for note in notes:
            text = note.text + (f" [{note.source}]" if note.source else "")
            entries.append(
                (
                    note.noted_on.isoformat(),
                    1,
                    note.id or 0,
                    [cell(note.noted_on.isoformat()), cell("note"), cell(text)],
                )
            )
        entries.sort(key=lambda e: (e[0], e[1], e[2]), reverse=True)
        for *_, cells in entries:
            history.add_row(*cells)
        if len(notes) == NOTES_SHOWN:
            older = store.count_notes(self.case_id) - NOTES_SHOWN
            if older > 0:
                history.add_row(
                    cell(""),
                    cell(f"{older} older notes", style="bold"),
                    cell(f"not listed here; docket case show {case.number} lists them all"),
                )

    def _show_header(self, case: Case) -> None:
        today = self.docket_app.store.clock.today()
        row = self.docket_app.store.case_row(self.case_id)
        stage = case.stage + (f" · {case.disposition}" if case.disposition else "")
        lines: list[str | tuple[str, str]] = [
            (case.number, "bold"),
            "  ",
            (case.title, "bold"),
            f"  ({case.kind.label}" + (f", {case.court}" if case.court else "") + ")\n",
            "Stage: ",
            (stage, "bold"),
        ]
        if case.stay_reason:
            lines += ["  ", ("STAYED: ", "bold $error"), case.stay_reason]
        lines.append("\nNext deadline: ")
        if row.next_deadline_on:
            due = date.fromisoformat(row.next_deadline_on)
            if due < today:
                lines.append((f"{format_day(due)} (overdue)", "bold $error"))
            else:
                lines.append((format_day(due), "bold"))
        else:
            lines.append("none")
        lines.append("   Next hearing: ")
        lines.append(row.next_hearing_at[:16].replace("T", " ") if row.next_hearing_at else "none")
        lines.append("   Follow up: ")
        if case.follow_up_on:
            due_now = case.follow_up_on <= today
            lines.append((format_day(case.follow_up_on), "bold $warning" if due_now else "bold"))
        else:
            lines.append("not set")
        if row.attention:
            lines += ["\n", ("! needs attention: ", "bold $warning"), row.attention]
        self.query_one("#case-header", Static).update(content(*lines))

    def _load_docket(self, select_entry: int | None = None) -> None:
        """First page of entries; more are fetched as the cursor reaches the end."""
        table = self.query_one("#docket", DataTable)
        table.clear()
        self._last_entry = 0
        self._docket_done = False
        self._more_docket()
        if select_entry is not None:
            while not move_to_key(table, str(select_entry)) and not self._docket_done:
                self._more_docket()

    def _more_docket(self) -> None:
        table = self.query_one("#docket", DataTable)
        filings = self.docket_app.store.filings(self.case_id, after_entry=self._last_entry)
        for filing in filings:
            voided = filing.voided
            style = "strike dim" if voided else ""
            if voided:
                title = Text(no_wrap=True, overflow="ellipsis", end="")
                title.append(f"VOID: {filing.void_reason or ''}", style=tone(self.app, "error"))
                title.append("  ")
                title.append(filing.title, style=style)
            else:
                title = cell(filing.title)
            table.add_row(
                cell(filing.entry_no),
                cell(filing.filed_on.isoformat(), style=style),
                cell(filing.doc_type.label, style=style),
                title,
                cell(filing.filed_by or "", style=style),
                key=str(filing.entry_no),
            )
            self._last_entry = filing.entry_no or self._last_entry
        self._docket_done = len(filings) < PAGE_SIZE

    @on(DataTable.RowHighlighted, "#docket")
    def _docket_paging(self, event: DataTable.RowHighlighted) -> None:
        if not self._docket_done and event.cursor_row >= event.data_table.row_count - PREFETCH:
            self._more_docket()

    def _load_deadlines(self) -> None:
        today = self.docket_app.store.clock.today()
        table = self.query_one("#deadlines", DataTable)
        table.clear()
        for deadline in self.docket_app.store.deadlines(self.case_id):
            is_open = deadline.status == DeadlineStatus.OPEN
            if is_open and deadline.due_on < today:
                status, style = "OVERDUE", tone(self.app, "error", "bold")
            elif is_open and deadline.due_on == today:
                status, style = "TODAY", tone(self.app, "warning", "bold")
            else:
                status, style = deadline.status.label, "" if is_open else "dim"
            table.add_row(
                cell(format_day(deadline.due_on), style=style),
                cell(deadline.title, style="dim" if not is_open else ""),
                cell(status, style=style),
                cell(deadline.citation or deadline.rule or "", style="dim" if not is_open else ""),
                key=str(deadline.id),
            )

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tab = TAB_ACTIONS.get(action)
        if tab is not None:
            return self.query_one("#tabs", TabbedContent).active == tab
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        pane = event.pane
        tables = pane.query(DataTable)
        if tables:
            tables.first().focus()

    def action_back(self) -> None:
        self.dismiss()

    def action_new_filing(self, date_text: str = "", type_text: str = "") -> None:
        from tui.screens.filing_form import FilingForm

        self.app.push_screen(
            FilingForm(
                self.docket_app.store,
                self.case_id,
                self.case.number,
                date_text=date_text,
                type_text=type_text,
            ),
            self._filing_saved,
        )

    def _filing_saved(self, result: FilingFormResult | None) -> None:
        if result is None:
            return
        filing = result.filing
        self.query_one("#tabs", TabbedContent).active = "tab-docket"
        self.reload(select_entry=filing.entry_no)
        self.query_one("#docket", DataTable).focus()
        if result.edited:
            message = f"Entry {filing.entry_no} updated: {filing.title}"
            for deadline in result.deadlines:
                message += f"\nDeadline recomputed: {deadline.title} · now due "
                message += format_day(deadline.due_on)
        else:
            message = f"Entry {filing.entry_no} saved: {filing.title}"
            for deadline in result.deadlines:
                message += f"\nDeadline: {deadline.title} · {format_day(deadline.due_on)}"
        self.notify(message, title="Docket", markup=False)
        if result.again:
            self.action_new_filing(result.keep_date, result.keep_type)

    def _saved(self, what: str) -> Any:
        def done(result: object | None) -> None:
            if result is not None:
                self.reload()
                self.notify(f"{what} saved", markup=False)

        return done

    def action_new_hearing(self) -> None:
        from tui.screens.hearing_form import HearingForm

        self.app.push_screen(
            HearingForm(self.docket_app.store, self.case_id), self._saved("Hearing")
        )

    def action_new_deadline(self) -> None:
        from tui.screens.deadline_form import DeadlineForm

        self.app.push_screen(
            DeadlineForm(self.docket_app.store, self.case_id), self._saved("Deadline")
        )

    def action_new_party(self) -> None:
        from tui.screens.party_form import PartyForm

        self.app.push_screen(PartyForm(self.docket_app.store, self.case_id), self._saved("Party"))

    def action_change_status(self) -> None:
        from tui.screens.status_form import StatusForm

        self.app.push_screen(
            StatusForm(self.docket_app.store, self.case_id), self._saved("Status change")
        )

    def action_add_note(self) -> None:
        from tui.screens.note_form import NoteForm

        self.app.push_screen(NoteForm(self.docket_app.store, self.case_id), self._saved("Note"))

    def _selected_key(self, table_id: str) -> int | None:
        key = cursor_key(self.query_one(f"#{table_id}", DataTable))
        return None if key is None else int(key)

    def _close_deadline(self, status: DeadlineStatus) -> None:
        table = self.query_one("#deadlines", DataTable)
        deadline_id = self._selected_key("deadlines")
        if deadline_id is None:
            return
        try:
            closed = self.docket_app.store.complete_deadline(
                deadline_id, case_id=self.case_id, status=status
            )
        except DocketError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        row = table.cursor_row
        self.reload()
        table.move_cursor(row=row)
        verb = "Done" if status == DeadlineStatus.DONE else "Waived"
        self.notify(f"{verb}: {closed.title}", markup=False)

    def action_deadline_done(self) -> None:
        self._close_deadline(DeadlineStatus.DONE)

    def action_waive_deadline(self) -> None:
        self._close_deadline(DeadlineStatus.WAIVED)

    @on(DataTable.RowSelected, "#deadlines")
    def _deadline_chosen(self) -> None:
        self.action_explain_deadline()

    def action_explain_deadline(self) -> None:
        from tui.screens.deadline_info import DeadlineInfoScreen

        deadline_id = self._selected_key("deadlines")
        if deadline_id is None:
            return
        store = self.docket_app.store
        deadline = store.get_deadline(deadline_id)
        self.app.push_screen(DeadlineInfoScreen(deadline, self._trigger_of(deadline)))

    def _trigger_of(self, deadline: Deadline) -> str:
        store = self.docket_app.store
        try:
            if deadline.trigger_filing_id is not None:
                filing = store.get_filing(deadline.trigger_filing_id)
                return f"entry {filing.entry_no}, {filing.title} ({format_day(filing.filed_on)})"
            if deadline.trigger_hearing_id is not None:
                hearing = store.get_hearing(deadline.trigger_hearing_id)
                when = hearing.starts_at.strftime("%Y-%m-%d %H:%M")
                return f"{hearing.kind} on {when}"
        except DocketError:
            pass
        return ""

    # ------------------------------------------------------------------ docket entries

    def _selected_filing(self) -> Filing | None:
        entry_no = self._selected_key("docket")
        if entry_no is None:
            return None
        try:
            return self.docket_app.store.filing_by_entry(self.case_id, entry_no)
        except DocketError as error:
            self.notify(str(error), severity="warning", markup=False)
            return None

    def action_void_filing(self) -> None:
        from tui.screens.void_form import VoidForm

        filing = self._selected_filing()
        if filing is None:
            return
        if filing.voided:
            self.notify(
                f"Entry {filing.entry_no} is already voided ({filing.void_reason}); "
                "a voided entry stays as it is",
                severity="warning",
                markup=False,
            )
            return
        self.app.push_screen(VoidForm(self.docket_app.store, filing), self._voided)

    def _voided(self, result: VoidResult | None) -> None:
        if result is None:
            return
        filing = result.filing
        self.reload(select_entry=filing.entry_no)
        message = f"Entry {filing.entry_no} voided: {filing.void_reason}"
        if result.withdrawn:
            for deadline in result.withdrawn:
                message += f"\nWithdrawn: {deadline.title} · was due {format_day(deadline.due_on)}"
        else:
            message += "\nIt had set no open deadlines."
        self.notify(message, title="Docket", markup=False)

    def action_edit_filing(self) -> None:
        from tui.screens.filing_form import FilingForm

        filing = self._selected_filing()
        if filing is None:
            return
        if filing.voided:
            self.notify(
                f"Entry {filing.entry_no} is voided ({filing.void_reason}); "
                "it can no longer be edited",
                severity="warning",
                markup=False,
            )
            return
        self.app.push_screen(
            FilingForm(self.docket_app.store, self.case_id, self.case.number, filing=filing),
            self._filing_saved,
        )

    # ------------------------------------------------------------------ hearings and follow-up

    def action_edit_hearing(self) -> None:
        from tui.screens.hearing_form import HearingUpdateForm

        hearing_id = self._selected_key("hearings")
        if hearing_id is None:
            return
        hearing = self.docket_app.store.get_hearing(hearing_id)
        self.app.push_screen(HearingUpdateForm(self.docket_app.store, hearing), self._hearing_saved)

    def _hearing_saved(self, result: HearingUpdate | None) -> None:
        if result is None:
            return
        hearing = result.hearing
        self.reload()
        message = f"Hearing updated: {hearing.kind} · {hearing.status.label}"
        for deadline in result.moved:
            message += f"\nDeadline moved: {deadline.title} · {format_day(deadline.due_on)}"
        for deadline in result.withdrawn:
            message += f"\nWithdrawn: {deadline.title} · was due {format_day(deadline.due_on)}"
        if result.scheduled is not None:
            when = result.scheduled.starts_at.strftime("%Y-%m-%d %H:%M")
            message += f"\nScheduled the continued hearing: {when}"
        self.notify(message, title="Hearings", markup=False)
        if result.scheduled is not None and result.scheduled.id is not None:
            move_to_key(self.query_one("#hearings", DataTable), str(result.scheduled.id))

    def action_follow_up(self) -> None:
        from tui.screens.follow_up_form import FollowUpForm

        def saved(case: Case | None) -> None:
            if case is None:
                return
            self.reload()
            if case.follow_up_on:
                self.notify(f"Follow up on {format_day(case.follow_up_on)}", markup=False)
            else:
                self.notify("Follow-up date cleared", markup=False)

        self.app.push_screen(FollowUpForm(self.docket_app.store, self.case), saved)
