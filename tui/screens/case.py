"""One matter: where it stands, and its docket, parties, hearings, deadlines and history.

Every form opened from here writes through the store and the tabs reload from it afterwards,
so what is on screen is always what is in the database. The reading happens in a worker that
posts what it read back (`CaseLoaded`, `DocketPage`), so a keystroke never waits on it; what
each row shows is built in tui/screens/case_rows.py. Keys that act on a row (void, edit,
waive, explain) work on the tab they belong to and are hidden on the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from db.rows import PAGE_SIZE
from docket.dates import format_day
from docket.errors import DocketError
from docket.models import DeadlineStatus, PartyRole, trigger_text
from tui import bindings
from tui.host import docket_app
from tui.messages import CaseLoaded, DocketPage, LinksChanged
from tui.screens import case_rows
from tui.verbatim import shown
from tui.widgets.columns import set_columns
from tui.widgets.footer import DocketFooter
from tui.widgets.links_pane import LinksPane
from tui.widgets.rows import PREFETCH, cursor_key, hold_place, move_to_key

if TYPE_CHECKING:
    from db.changes import Changes
    from db.hearings import HearingChange
    from docket.models import Case, CaseParty, Filing, Hearing, Note, StatusChange
    from tui.forms.case_form import CaseFormResult
    from tui.forms.filing_form import FilingFormResult
    from tui.forms.void_form import VoidResult
    from tui.screens.row_detail import Fields

#: Actions that only make sense on one tab, and that tab.
TAB_ACTIONS = {
    "void_filing": "tab-docket",
    "edit_filing": "tab-docket",
    "edit_hearing": "tab-hearings",
    "deadline_done": "tab-deadlines",
    "waive_deadline": "tab-deadlines",
    "explain_deadline": "tab-deadlines",
}


#: Notes listed on the Status & notes tab, newest first; older ones are counted, not listed.
NOTES_SHOWN = 500


def _table(table_id: str) -> DataTable[Any]:
    return DataTable(id=table_id, cursor_type="row", zebra_stripes=True)


class CaseScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.CASE
    help_title = "Case"

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.first_tab = "tab-docket"
        """The tab the case opens on: where its content is."""
        self._hearings: dict[str, Hearing] = {}
        self._history: dict[str, Note | StatusChange] = {}
        self._shown_case: Case | None = None
        self._generation = 0
        self._last_entry = 0
        self._docket_done = False
        self._docket_loading = False
        self._after_load: list[Callable[[], object]] = []
        self._width = 0
        self._parties: dict[str, CaseParty] = {}
        self._reading = False
        self._reread = False
        """Someone changed the case while it was being read: read it again once shown."""
        self._stale = False
        """Someone changed the case while another place was shown: read it on return."""

    @property
    def case(self) -> Case:
        return docket_app(self).store.get_case(self.case_id)

    def compose(self) -> ComposeResult:
        yield Static("", id="case-header")
        host = docket_app(self)
        titles = {
            pane: f"{host.key_for(f'case.{pane}')} {label}" for pane, label in bindings.CASE_TABS
        }
        self.first_tab = self._opening_tab()
        with TabbedContent(id="tabs", initial=self.first_tab):
            with TabPane(titles["tab-docket"], id="tab-docket"):
                yield from self._list("docket")
            with TabPane(titles["tab-parties"], id="tab-parties"):
                yield from self._list("parties")
                yield Static("", id="party-detail", markup=False)
            with TabPane(titles["tab-hearings"], id="tab-hearings"):
                yield from self._list("hearings")
            with TabPane(titles["tab-deadlines"], id="tab-deadlines"):
                yield from self._list("deadlines")
            with TabPane(titles["tab-status"], id="tab-status"):
                yield from self._list("history")
            with TabPane(titles["tab-links"], id="tab-links"):
                yield LinksPane(self.case_id)
        yield DocketFooter()

    def _list(self, table_id: str) -> ComposeResult:
        words, binding_id, does = case_rows.EMPTY[table_id]
        key = docket_app(self).key_for(binding_id)
        yield Static(f"{words} · {key} {does}", id=f"{table_id}-empty", classes="empty-note")
        yield _table(table_id)

    def _empty_notes(self) -> None:
        for table_id in case_rows.TABLES:
            rows = self.query_one(f"#{table_id}", DataTable).row_count
            self.query_one(f"#{table_id}-empty", Static).display = rows == 0

    def on_mount(self) -> None:
        self._width = self.app.size.width
        self._fit_columns()
        self.reload()
        table = "#history" if self.first_tab == "tab-status" else "#docket"
        self.query_one(table, DataTable).focus()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        docket_app(self).changes_signal.subscribe(self, self._changes_arrived, immediate=True)

    def _changes_arrived(self, changes: Changes) -> None:
        """Someone changed this case: read it again in place (see `reread`)."""
        if not changes.touches(self.case_id):
            return
        if self not in self.app.screen_stack:
            self._stale = True
        elif self._reading:
            self._reread = True  # the read on its way may have missed the change
        else:
            self.reread()

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.reread()

    def reread(self) -> None:
        """Read the case again where the paralegal is: the same tab, and every list's cursor
        on the record it was on, at the same height in the view."""
        tables = [*case_rows.TABLES, "links"]
        put_back = [hold_place(self.query_one(f"#{table}", DataTable)) for table in tables]
        self.reload(
            select_entry=self._selected_key("docket"),
            then=lambda: [each() for each in put_back],
        )

    def _theme_changed(self, theme: Theme) -> None:
        # Cell colours are read from the theme when rows are built.
        if self.is_mounted:
            self.reload()

    def _fit_columns(self) -> None:
        for table_id, (columns, flex) in case_rows.TABLES.items():
            table = self.query_one(f"#{table_id}", DataTable)
            set_columns(table, columns, flex, self._width, grow=case_rows.GROW.get(table_id))

    def on_resize(self, event: events.Resize) -> None:
        if not self.is_mounted or event.size.width == self._width:
            return
        self._width = event.size.width
        self._fit_columns()
        self.reload(select_entry=self._selected_key("docket"))

    # ------------------------------------------------------------------ loading

    def reload(
        self, *, select_entry: int | None = None, then: Callable[[], object] | None = None
    ) -> None:
        """Read the case again in a worker; the tables are refilled when it posts back.

        `select_entry` puts the docket's cursor on that entry (the worker reads pages until it
        has it); `then` runs once the tables show what was read, to put a cursor back.
        """
        self._generation += 1
        self._docket_loading = True
        self._reading = True
        if then is not None:
            self._after_load.append(then)
        self._read_case(self._generation, select_entry)

    @work(thread=True, exclusive=True, group="case-read")
    def _read_case(self, generation: int, select_entry: int | None) -> None:
        store = docket_app(self).store
        try:
            case = store.get_case(self.case_id)
            row = store.case_row(self.case_id)
        except DocketError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        docket = store.filings(self.case_id)
        done = len(docket) < PAGE_SIZE
        while select_entry is not None and not done and (docket[-1].entry_no or 0) < select_entry:
            page = store.filings(self.case_id, after_entry=docket[-1].entry_no or 0)
            docket += page
            done = len(page) < PAGE_SIZE
        notes = store.notes(self.case_id, limit=NOTES_SHOWN)
        people = store.responsible(self.case_id)
        older = store.count_notes(self.case_id) - NOTES_SHOWN if len(notes) == NOTES_SHOWN else 0
        self.post_message(
            CaseLoaded(
                generation=generation,
                case=case,
                row=row,
                docket=docket,
                docket_done=done,
                select_entry=select_entry,
                parties=store.case_parties(self.case_id),
                hearings=store.hearings(self.case_id),
                deadlines=store.deadlines(self.case_id),
                history=store.status_history(self.case_id),
                reported=store.reported_status(self.case_id),
                notes=notes,
                older_notes=max(0, older),
                court_registered=not case.court or store.court_of(case) is not None,
                zone=store.court_zone(case),
                links=store.case_links(self.case_id),
                attorney=people.attorney.name if people.attorney else None,
                paralegal=people.paralegal.name if people.paralegal else None,
            )
        )

    def on_case_loaded(self, message: CaseLoaded) -> None:
        if message.generation != self._generation:
            return  # reloaded since: a newer read is on its way
        host = docket_app(self)
        today = host.store.clock.today()
        self._shown_case = message.case
        self.query_one("#case-header", Static).update(
            case_rows.header(
                message.case,
                message.row,
                today,
                court_registered=message.court_registered,
                court_name=host.court_name(message.case.court),
                zone=message.zone,
                reported=message.reported,
                defendants=[p for p in message.parties if p.role == PartyRole.DEFENDANT],
                people=(message.attorney, message.paralegal),
            )
        )
        docket = self.query_one("#docket", DataTable)
        docket.clear()
        self._last_entry = 0
        self._add_entries(message.docket, message.docket_done)
        if message.select_entry is not None:
            move_to_key(docket, str(message.select_entry))
        parties = self.query_one("#parties", DataTable)
        parties.clear()
        self._parties = {str(party.id): party for party in message.parties}
        clients = {str(party.id): party.name for party in message.parties}
        for party in message.parties:
            client = clients.get(str(party.represents_id), "")
            parties.add_row(*case_rows.party_cells(party, client), key=str(party.id))
        self._show_party(self._selected_key("parties"))
        hearings = self.query_one("#hearings", DataTable)
        hearings.clear()
        self._hearings = {str(hearing.id): hearing for hearing in message.hearings}
        for hearing in message.hearings:
            hearings.add_row(*case_rows.hearing_cells(hearing, message.zone), key=str(hearing.id))
        deadlines = self.query_one("#deadlines", DataTable)
        deadlines.clear()
        for deadline in message.deadlines:
            cells = case_rows.deadline_cells(deadline, today, self.app)
            deadlines.add_row(*cells, key=str(deadline.id))
        history = self.query_one("#history", DataTable)
        history.clear()
        self._history = {f"change:{change.id}": change for change in message.history}
        self._history.update({f"note:{note.id}": note for note in message.notes})
        if message.case.summary:
            history.add_row(*case_rows.summary_cells(message.case), key="summary")
        for key, cells in case_rows.history_rows(message.history, message.notes):
            history.add_row(*cells, key=key)
        if message.older_notes:
            history.add_row(*case_rows.older_notes_cells(message.older_notes, message.case.number))
        self.query_one(LinksPane).show(message.links, today)
        self._empty_notes()
        self._reading = False
        after, self._after_load = self._after_load, []
        for then in after:
            then()
        if self._reread:
            self._reread = False
            self.reread()

    def _opening_tab(self) -> str:
        """A matter with no docket entries but notes or a summary (an investigation, most
        often) opens on Status & notes, where its substance is; any other on its docket.

        Asked before the screen is composed (two index probes), so the case opens on its tab
        rather than switching to it after it is drawn."""
        store = docket_app(self).store
        try:
            if store.has_filings(self.case_id):
                return "tab-docket"
            if store.has_notes(self.case_id) or self.case.summary:
                return "tab-status"
        except DocketError:
            pass  # the read that fills the screen says what is wrong
        return "tab-docket"

    def _add_entries(self, filings: list[Filing], done: bool) -> None:
        table = self.query_one("#docket", DataTable)
        for filing in filings:
            table.add_row(*case_rows.docket_cells(filing, self.app), key=str(filing.entry_no))
            self._last_entry = filing.entry_no or self._last_entry
        self._docket_done = done
        self._docket_loading = False
        self._empty_notes()

    @on(DataTable.RowHighlighted, "#parties")
    def _party_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_party(event.row_key.value)

    def _show_party(self, key: object) -> None:
        """Under the table, what the court says of the highlighted party: counsel's firm and
        contact block, who they act for, and when either was terminated."""
        party = self._parties.get(str(key)) if key is not None else None
        clients = {str(p.id): p.name for p in self._parties.values()}
        detail = self.query_one("#party-detail", Static)
        detail.update(shown(case_rows.party_detail(party, clients)) if party else "")

    def action_linked_group(self) -> None:
        docket_app(self).show_linked_group(self.case_id)

    def action_new_link(self) -> None:
        self.query_one(LinksPane).add_link(self.case.number)

    def on_links_changed(self, message: LinksChanged) -> None:
        self.query_one("#tabs", TabbedContent).active = "tab-links"
        links = self.query_one("#links", DataTable)
        key = None if message.select is None else str(message.select)
        self.reload(then=None if key is None else lambda: move_to_key(links, key))

    def action_responsible(self) -> None:
        from tui.forms.responsible_form import ResponsibleForm

        self.app.push_screen(
            ResponsibleForm(docket_app(self).store, self.case), self._saved("Who answers")
        )

    @on(DataTable.RowHighlighted, "#docket")
    def _docket_paging(self, event: DataTable.RowHighlighted) -> None:
        if self._docket_done or self._docket_loading:
            return
        if event.cursor_row >= event.data_table.row_count - PREFETCH:
            self._docket_loading = True
            self._read_docket_page(self._generation, self._last_entry)

    @work(thread=True, exclusive=True, group="case-docket")
    def _read_docket_page(self, generation: int, after_entry: int) -> None:
        filings = docket_app(self).store.filings(self.case_id, after_entry=after_entry)
        self.post_message(DocketPage(generation, filings, len(filings) < PAGE_SIZE))

    def on_docket_page(self, message: DocketPage) -> None:
        if message.generation == self._generation:
            self._add_entries(message.filings, message.done)

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tab = TAB_ACTIONS.get(action)
        if tab is not None:
            return self.query_one("#tabs", TabbedContent).active == tab
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        # The tab active now, not the event's: the first tab's own activation can arrive
        # after the case has been opened on another one.
        pane = self.query_one("#tabs", TabbedContent).active_pane or event.pane
        tables = pane.query(DataTable)
        if tables:
            tables.first().focus()

    def action_back(self) -> None:
        self.dismiss()

    def action_show_tab(self, pane: str) -> None:
        self.query_one("#tabs", TabbedContent).active = pane

    # ------------------------------------------------------------------ a row in full

    @on(DataTable.RowSelected, "#docket, #parties, #hearings, #history")
    def _row_chosen(self) -> None:
        self.action_read_row()

    def action_read_row(self) -> None:
        """The selected row of the tab in view, every field and the whole text."""
        from tui.screens import details
        from tui.screens.row_detail import RowDetailScreen

        tab = self.query_one("#tabs", TabbedContent).active
        shown_row: tuple[str, Fields] | None = None
        if tab == "tab-deadlines":
            self.action_explain_deadline()
            return
        if tab == "tab-docket":
            filing = self._selected_filing()
            if filing is not None:
                shown_row = (f"Entry {filing.entry_no}", details.filing_fields(filing))
        elif tab == "tab-parties":
            party = self._parties.get(str(self._selected_key("parties")))
            if party is not None:
                client = self._parties.get(str(party.represents_id))
                fields = details.party_fields(party, client.name if client else "")
                shown_row = (party.name, fields)
        elif tab == "tab-hearings":
            hearing = self._hearings.get(str(self._selected_key("hearings")))
            if hearing is not None:
                shown_row = (f"Hearing: {hearing.kind}", details.hearing_fields(hearing))
        elif self._shown_case is not None:
            key = cursor_key(self.query_one("#history", DataTable))
            court = docket_app(self).court_name(self._shown_case.court)
            shown_row = details.history_detail(key, self._shown_case, self._history, court)
        if shown_row is not None:
            self.app.push_screen(RowDetailScreen(*shown_row))

    def action_new_filing(self, date_text: str = "", type_text: str = "") -> None:
        from tui.forms.filing_form import FilingForm

        self.app.push_screen(
            FilingForm(
                docket_app(self).store,
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
            for deadline in result.met:
                message += f"\nMet: {deadline.title} · was due {format_day(deadline.due_on)}"
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
        from tui.forms.hearing_form import HearingForm

        self.app.push_screen(
            HearingForm(docket_app(self).store, self.case_id), self._saved("Hearing")
        )

    def action_new_deadline(self) -> None:
        from tui.forms.deadline_form import DeadlineForm

        self.app.push_screen(
            DeadlineForm(docket_app(self).store, self.case_id), self._saved("Deadline")
        )

    def action_new_party(self) -> None:
        from tui.forms.party_form import PartyForm

        self.app.push_screen(PartyForm(docket_app(self).store, self.case_id), self._saved("Party"))

    def action_change_status(self) -> None:
        from tui.forms.status_form import StatusForm

        def done(result: object | None) -> None:
            if result is None:
                return
            self.reload()
            count = getattr(result, "withdrawn_deadlines", 0)
            said = f"; {count} open deadline{'s' if count != 1 else ''} withdrawn" if count else ""
            if getattr(result, "event", "") == "reopen":
                back = getattr(result, "restored_deadlines", 0)
                said = f"; {back} deadline{'s' if back != 1 else ''} the close withdrew open again"
            self.notify(f"Status change saved{said}", markup=False)

        self.app.push_screen(StatusForm(docket_app(self).store, self.case_id), done)

    def action_new_limitation(self) -> None:
        from tui.forms.limitation_form import LimitationForm, LimitationResult

        def done(result: LimitationResult | None) -> None:
            if result is None:
                return
            deadline = result.deadline
            self.query_one("#tabs", TabbedContent).active = "tab-deadlines"
            self.reload()
            self.notify(
                f"{deadline.title} · {format_day(deadline.due_on)} ({deadline.citation})\n"
                "Reminders 90, 30 and 7 days ahead",
                title="Limitation period",
                markup=False,
            )

        self.app.push_screen(LimitationForm(docket_app(self).store, self.case_id), done)

    def action_add_note(self) -> None:
        from tui.forms.note_form import NoteForm

        self.app.push_screen(NoteForm(docket_app(self).store, self.case_id), self._saved("Note"))

    def _selected_key(self, table_id: str) -> int | None:
        key = cursor_key(self.query_one(f"#{table_id}", DataTable))
        return None if key is None or not key.isdigit() else int(key)

    def _close_deadline(self, status: DeadlineStatus) -> None:
        table = self.query_one("#deadlines", DataTable)
        deadline_id = self._selected_key("deadlines")
        if deadline_id is None:
            return
        store = docket_app(self).store
        try:
            if status == DeadlineStatus.WAIVED:
                closed = store.waive_deadline(deadline_id, case_id=self.case_id)
            else:
                closed = store.complete_deadline(deadline_id, case_id=self.case_id, status=status)
        except DocketError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        row = table.cursor_row
        self.reload(then=lambda: table.move_cursor(row=row))
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
        store = docket_app(self).store
        deadline = store.get_deadline(deadline_id)
        trigger = store.trigger_of(deadline)
        text = "" if trigger is None else trigger_text(trigger)
        given_to = store.deadline_assignees(self.case_id).get(deadline_id, "")
        self.app.push_screen(
            DeadlineInfoScreen(deadline, text, store.deadline_story(deadline_id), given_to)
        )

    # ------------------------------------------------------------------ docket entries

    def _selected_filing(self) -> Filing | None:
        entry_no = self._selected_key("docket")
        if entry_no is None:
            return None
        try:
            return docket_app(self).store.filing_by_entry(self.case_id, entry_no)
        except DocketError as error:
            self.notify(str(error), severity="warning", markup=False)
            return None

    def _changeable(self, filing: Filing, *, voiding: bool = False) -> bool:
        """Asked before a form opens, with the store's own rule, so no form is typed in vain."""
        try:
            filing.refuse_if_voided(voiding=voiding)
        except DocketError as error:
            self.notify(
                error.problem[:1].upper() + error.problem[1:], severity="warning", markup=False
            )
            return False
        return True

    def action_void_filing(self) -> None:
        from tui.forms.void_form import VoidForm

        filing = self._selected_filing()
        if filing is None:
            return
        if not self._changeable(filing, voiding=True):
            return
        self.app.push_screen(VoidForm(docket_app(self).store, filing), self._voided)

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
        for deadline in result.reopened:
            if deadline.status.value == "satisfied":
                message += f"\nStill met by another entry: {deadline.title}"
                continue
            again = {"withdrawn": "withdrawn (matter closed)", "lapsed": "past at import"}.get(
                deadline.status.value, "open"
            )
            message += f"\nNo longer met, {again}: {deadline.title} · due "
            message += format_day(deadline.due_on)
        self.notify(message, title="Docket", markup=False)

    def action_edit_filing(self) -> None:
        from tui.forms.filing_form import FilingForm

        filing = self._selected_filing()
        if filing is None:
            return
        if not self._changeable(filing):
            return
        self.app.push_screen(
            FilingForm(docket_app(self).store, self.case_id, self.case.number, filing=filing),
            self._filing_saved,
        )

    # ------------------------------------------------------------------ hearings and follow-up

    def action_edit_hearing(self) -> None:
        from tui.forms.hearing_form import HearingUpdateForm

        hearing_id = self._selected_key("hearings")
        if hearing_id is None:
            return
        hearing = docket_app(self).store.get_hearing(hearing_id)
        self.app.push_screen(
            HearingUpdateForm(docket_app(self).store, hearing), self._hearing_saved
        )

    def _hearing_saved(self, result: HearingChange | None) -> None:
        if result is None:
            return
        hearing = result.hearing
        message = f"Hearing updated: {hearing.kind} · {hearing.status.label}"
        for deadline in result.recounted:
            message += f"\nDeadline moved: {deadline.title} · {format_day(deadline.due_on)}"
        for deadline in result.withdrawn:
            message += f"\nWithdrawn: {deadline.title} · was due {format_day(deadline.due_on)}"
        if result.scheduled is not None:
            when = result.scheduled.starts_at.strftime("%Y-%m-%d %H:%M")
            message += f"\nScheduled the continued hearing: {when}"
        self.notify(message, title="Hearings", markup=False)
        hearings = self.query_one("#hearings", DataTable)
        new_key = str(result.scheduled.id) if result.scheduled is not None else None
        # The continued hearing's new date is the row the paralegal looks at next.
        self.reload(then=None if new_key is None else lambda: move_to_key(hearings, new_key))

    def action_edit_case(self) -> None:
        from tui.forms.case_form import CaseForm

        self.app.push_screen(CaseForm(self.case), self._case_edited)

    def _case_edited(self, result: CaseFormResult | None) -> None:
        if result is None or result.edit is None:
            return
        self.reload()
        edit = result.edit
        if not edit.changed:
            self.notify("Nothing changed", title="Case", markup=False)
            return
        message = f"Case updated: {edit.saved.number} · {edit.saved.title}"
        for moved in edit.moved:
            old, new = moved.before, moved.after
            cite = f" ({new.citation})" if new.citation else ""
            message += (
                f"\nDeadline moved: {new.title}{cite} · {format_day(old.due_on)} → "
                f"{format_day(new.due_on)}"
            )
        for deadline in edit.withdrawn:
            message += f"\nWithdrawn (no such rule in the new court): {deadline.title}"
        for deadline in edit.added:
            message += f"\nDeadline added: {deadline.title} · {format_day(deadline.due_on)}"
        self.notify(message, title="Case", markup=False)

    def action_follow_up(self) -> None:
        from tui.forms.follow_up_form import FollowUpForm

        def saved(case: Case | None) -> None:
            if case is None:
                return
            self.reload()
            if case.follow_up_on:
                self.notify(f"Follow up on {format_day(case.follow_up_on)}", markup=False)
            else:
                self.notify("Follow-up date cleared", markup=False)

        self.app.push_screen(FollowUpForm(docket_app(self).store, self.case), saved)
