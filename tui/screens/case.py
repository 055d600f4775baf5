"""One matter: where it stands, and its docket, parties, hearings, deadlines and history.

Every form opened from here writes through the store and the tabs reload from it afterwards,
so what is on screen is always what is in the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from db.store import PAGE_SIZE
from docket.dates import format_day
from docket.errors import DocketError
from tui.verbatim import cell, content

if TYPE_CHECKING:
    from docket.models import Case
    from tui.app import DocketApp
    from tui.screens.filing_form import FilingFormResult


def _table(table_id: str, *columns: tuple[str, str, int | None]) -> DataTable[Any]:
    table: DataTable[Any] = DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
    for label, key, width in columns:
        table.add_column(label, key=key, width=width)
    return table


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
            "x", "deadline_done", "Done", id="case.done", tooltip="Mark the selected deadline done"
        ),
    ]

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self._last_entry = 0
        self._docket_done = False

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
                yield _table(
                    "docket",
                    ("#", "entry", 4),
                    ("Filed", "filed", 10),
                    ("Type", "type", 12),
                    ("Title", "title", 44),
                    ("By", "by", 16),
                )
            with TabPane("Parties", id="tab-parties"):
                yield _table(
                    "parties", ("Name", "name", 36), ("Role", "role", 16), ("Kind", "kind", 12)
                )
            with TabPane("Hearings", id="tab-hearings"):
                yield _table(
                    "hearings",
                    ("When", "when", 22),
                    ("Kind", "kind", 22),
                    ("Where", "where", 20),
                    ("Status", "status", 10),
                )
            with TabPane("Deadlines", id="tab-deadlines"):
                yield _table(
                    "deadlines",
                    ("Due", "due", 16),
                    ("Title", "title", 40),
                    ("Status", "status", 8),
                    ("Rule", "rule", 20),
                )
            with TabPane("Status & notes", id="tab-status"):
                yield _table(
                    "history", ("On", "on", 10), ("What", "what", 24), ("Note", "note", 50)
                )
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#docket", DataTable).focus()

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
        entries: list[tuple[str, int, list[object]]] = []
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
                    [
                        cell(change.changed_on.isoformat()),
                        cell(what, style="bold"),
                        cell(change.note or ""),
                    ],
                )
            )
        for note in store.notes(self.case_id):
            text = note.text + (f" [{note.source}]" if note.source else "")
            entries.append(
                (
                    note.noted_on.isoformat(),
                    1,
                    [cell(note.noted_on.isoformat()), cell("note"), cell(text)],
                )
            )
        entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
        for _, _, cells in entries:
            history.add_row(*cells)

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
            lines += ["  ", ("STAYED: ", "bold red"), case.stay_reason]
        lines.append("\nNext deadline: ")
        if row.next_deadline_on:
            from datetime import date

            due = date.fromisoformat(row.next_deadline_on)
            style = "bold red" if due < today else "bold"
            lines.append((format_day(due), style))
        else:
            lines.append("none")
        lines.append("   Next hearing: ")
        lines.append(row.next_hearing_at[:16].replace("T", " ") if row.next_hearing_at else "none")
        if row.attention:
            lines += ["\n", ("! needs attention: ", "bold yellow"), row.attention]
        self.query_one("#case-header", Static).update(content(*lines))

    def _load_docket(self, select_entry: int | None = None) -> None:
        """First page of entries; more are fetched as the cursor reaches the end."""
        table = self.query_one("#docket", DataTable)
        table.clear()
        self._last_entry = 0
        self._docket_done = False
        self._more_docket()
        if select_entry is not None:
            while True:
                key = str(select_entry)
                if key in table.rows:
                    table.move_cursor(row=table.get_row_index(key))
                    break
                if self._docket_done:
                    break
                self._more_docket()

    def _more_docket(self) -> None:
        table = self.query_one("#docket", DataTable)
        filings = self.docket_app.store.filings(self.case_id, after_entry=self._last_entry)
        for filing in filings:
            voided = filing.voided
            style = "strike dim" if voided else ""
            table.add_row(
                cell(filing.entry_no),
                cell(filing.filed_on.isoformat(), style=style),
                cell(filing.doc_type.label, style=style),
                cell(filing.title, style=style),
                cell(filing.filed_by or "", style=style),
                key=str(filing.entry_no),
            )
            self._last_entry = filing.entry_no or self._last_entry
        self._docket_done = len(filings) < PAGE_SIZE

    @on(DataTable.RowHighlighted, "#docket")
    def _docket_paging(self, event: DataTable.RowHighlighted) -> None:
        if not self._docket_done and event.cursor_row >= event.data_table.row_count - 20:
            self._more_docket()

    def _load_deadlines(self) -> None:
        today = self.docket_app.store.clock.today()
        table = self.query_one("#deadlines", DataTable)
        table.clear()
        for deadline in self.docket_app.store.deadlines(self.case_id):
            overdue = deadline.status.value == "open" and deadline.due_on < today
            table.add_row(
                cell(format_day(deadline.due_on), style="bold red" if overdue else ""),
                cell(deadline.title),
                cell(deadline.status.label),
                cell(deadline.citation or deadline.rule or ""),
                key=str(deadline.id),
            )

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "deadline_done":
            return self.query_one("#tabs", TabbedContent).active == "tab-deadlines"
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

    def _case_number(self) -> str:
        return self.case.number

    def action_new_filing(self, date_text: str = "", type_text: str = "") -> None:
        from tui.screens.filing_form import FilingForm

        self.app.push_screen(
            FilingForm(
                self.docket_app.store,
                self.case_id,
                self._case_number(),
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

    def action_deadline_done(self) -> None:
        table = self.query_one("#deadlines", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        deadline_id = int(str(key.value))
        try:
            done = self.docket_app.store.complete_deadline(deadline_id, case_id=self.case_id)
        except DocketError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        row = table.cursor_row
        self.reload()
        table.move_cursor(row=row)
        self.notify(f"Done: {done.title}", markup=False)
