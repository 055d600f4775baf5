"""The docket app: three places to work (Cases, Agenda, Search), each its own screen stack.

`c`, `a` and `s` switch between them where no text field has focus (an `Input` takes the
letters, so typing a title never jumps away), and F2, F3 and F4 from any screen, even while
typing in a field; a case opened from any of them is pushed on that stack and `escape` walks
back. An open form or question keeps the keyboard until it is answered. Keys can be remapped
by binding id in a keymap file (tui/keymap.py); every key is declared in tui/bindings.py.

Keys typed faster than the screens follow wait in `tui.typeahead.TypeAhead` until the app has
settled, so they reach the screen they were typed for; Python's full garbage collections wait
for a pause in the typing (`tui.collector`).

What others commit shows up by itself: four times a second the app asks the store's change feed
(db/changes.py) whether anything was committed, which costs microseconds when nothing was, and
publishes what changed on `changes_signal`; the Cases list, the open Case screens and the Agenda
read themselves again through their own reload, keeping their cursors. Forms are screens of
their own on top, so what is being typed into one is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, log
from textual._context import active_app
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.driver import Driver
from textual.screen import ModalScreen, Screen

from tui import bindings
from tui.collector import QuietCollector
from tui.commands import CaseCommands
from tui.host import DocketHost
from tui.screens.cases import CasesScreen
from tui.typeahead import TypeAhead

#: Seconds between looks at the change feed: what others commit shows within a second.
CHANGES_EVERY = 0.25

if TYPE_CHECKING:
    from db.changes import ChangeFeed
    from db.reports import ImportReport, NoticeReport
    from db.store import Store


S = TypeVar("S", bound=Screen[None])


def _styled(screen: S) -> S:
    """A place's screen, marked as made under the style sheet in force.

    It is styled as it mounts; unmarked, Textual takes a screen new to a mode for one whose
    styles are out of date and parses every style sheet of the app twice more before showing
    it (a tenth of the start of the app)."""
    screen._css_update_count = active_app.get()._css_update_count
    return screen


def _cases() -> Screen[None]:
    return _styled(CasesScreen())


def _agenda() -> Screen[None]:
    """The Agenda, imported when it is first shown: the app starts on the Cases list."""
    from tui.screens.agenda import AgendaScreen

    return _styled(AgendaScreen())


def _search() -> Screen[None]:
    from tui.screens.search import SearchScreen

    return _styled(SearchScreen())


class DocketApp(DocketHost):
    CSS_PATH = "docket.tcss"
    TITLE = "docket"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {CaseCommands}
    MODES: ClassVar = {"cases": _cases, "agenda": _agenda, "search": _search}
    BINDINGS: ClassVar[list[BindingType]] = bindings.APP

    def __init__(self, store: Store, *, new_database: bool = False) -> None:
        super().__init__(store, new_database=new_database)
        store.pool_reads()  # the screens' workers read at once on a shared server
        self.type_ahead = TypeAhead(self)
        """Keys and pastes wait here until the app has settled (tui/typeahead.py)."""
        self.collector = QuietCollector()
        """Full garbage collections wait for a pause in the typing (tui/collector.py)."""
        self.change_feed: ChangeFeed | None = None
        """What others commit to the database; None when it cannot be followed."""

    async def on_event(self, event: events.Event) -> None:
        # A key or paste from the terminal (not one on its way down to a widget) may wait.
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self.collector.typed()
            if self.type_ahead.take(event):
                return
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.type_ahead.stop()
        self.collector.stop()
        if self.change_feed is not None:
            self.change_feed.close()
            self.change_feed = None

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        # By name: importing the Linux driver to compare would fail on Windows.
        if driver.__name__ == "LinuxDriver":
            from tui.driver import DocketDriver

            return DocketDriver
        return driver

    def on_mount(self) -> None:
        self.collector.start(self)
        self.apply_keymap_file()
        self.follow_changes()
        self.switch_mode("cases")
        if self.new_database:
            self.notify(
                f"Created an empty docket database at {self.store.where}. "
                "docket --db FILE or $DOCKET_DB opens another.",
                title="New database",
                markup=False,
                timeout=15,
            )
        else:
            self.announce_counts()

    def follow_changes(self) -> None:
        """Start looking for what others commit. Opened before the first screen reads, so
        nothing committed after that read can be missed."""
        try:
            self.change_feed = self.store.change_feed()
        except Exception as error:  # the app works without it; say why it is not live
            self._stop_following(error)
            return
        self.set_interval(CHANGES_EVERY, self._look_for_changes, name="changes")

    def _look_for_changes(self) -> None:
        feed = self.change_feed
        if feed is None:
            return
        try:
            changes = feed.poll()
        except Exception as error:  # a feed that fails must not take the app down
            self._stop_following(error)
            return
        if changes is None:
            return
        log.debug("changes committed", changes=changes)
        before = set(self.workers)
        self.changes_signal.publish(changes)
        # The screens' reads that follow are for what is on screen, not for where the next
        # character typed goes: typing into a field does not wait for them.
        self.type_ahead.not_in_the_way_of_typing(set(self.workers) - before)

    def _stop_following(self, error: Exception) -> None:
        if self.change_feed is not None:
            self.change_feed.close()
            self.change_feed = None
        self.notify(
            f"Changes others make will show only when a screen is opened again ({error}).",
            title="Not live",
            severity="warning",
            markup=False,
        )

    def apply_keymap_file(self) -> None:
        """The person's own keys, when they have a keymap file; a bad file changes nothing."""
        from tui.keymap import KeymapError, keymap_path, load_keymap

        try:
            keymap = load_keymap(keymap_path())
        except KeymapError as error:
            self.notify(
                f"{error}. Using the standard keys.",
                title="Keymap ignored",
                severity="error",
                markup=False,
                timeout=15,
            )
            return
        if keymap:
            self.own_keys = keymap
            self.set_keymap(keymap)

    def announce_counts(self) -> None:
        """Start of day: how much is overdue and what comes due within the week."""
        overdue = self.store.overdue_count()
        soon = self.store.due_soon_count(7)
        if overdue:
            message = f"{overdue} overdue, {soon} due within 7 days"
            self.notify(message, title="Today", severity="warning", markup=False)
        else:
            message = f"Nothing overdue, {soon} due within 7 days"
            self.notify(message, title="Today", markup=False)

    # ------------------------------------------------------------------ navigation

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A form or a question has the keyboard to itself until it is answered.
        return not (action in {"goto", "help"} and isinstance(self.screen, ModalScreen))

    def action_goto(self, mode: str) -> None:
        if self.current_mode == mode:
            # Pressing the key again returns to that place's own list.
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return
        self.switch_mode(mode)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def open_case(self, case_id: int) -> None:
        from tui.screens.case import CaseScreen

        self.push_screen(CaseScreen(case_id))

    def show_linked_group(self, case_id: int) -> None:
        self.action_goto("cases")
        while len(self.screen_stack) > 1:
            self.pop_screen()
        screen = self.screen
        if isinstance(screen, CasesScreen):
            screen.show_group(case_id)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Cases", "Go to the list of cases", lambda: self.action_goto("cases"))
        yield SystemCommand(
            "Agenda", "Overdue, today, this week, later", lambda: self.action_goto("agenda")
        )
        yield SystemCommand("Search", "Search everything", lambda: self.action_goto("search"))
        yield SystemCommand("Help", "Every key of this screen", self.action_help)
        yield SystemCommand(
            "Import PACER docket…",
            "Read a saved PACER docket report into its case",
            self.action_import_pacer,
        )
        yield SystemCommand(
            "Import ECF notices…",
            "Read saved notice emails (.eml, mbox, maildir) onto their cases",
            self.action_import_notices,
        )
        yield from self._screen_commands(screen)

    def _screen_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action the screen offers by key, by name too (`New filing`, `Void entry`).

        Only what is enabled right now is offered (the Deadlines tab's keys on that tab), and
        the action runs on the node that declared it, exactly as its key would.
        """
        offered: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if (
                not active.enabled
                or active.node is self
                or not binding.description
                or binding.action in offered
                or binding.action.startswith("app.")
            ):
                continue
            offered.add(binding.action)
            title = binding.description
            if binding.tooltip:
                title = f"{title}: {binding.tooltip}"
            key = binding.key_display or self.get_key_display(binding)
            yield SystemCommand(
                title,
                f"key {key}",
                partial(self.call_next, self.run_action, binding.action, active.node),
            )

    def action_import_pacer(self) -> None:
        from tui.forms.import_form import ImportPacerForm

        def imported(report: ImportReport | None) -> None:
            if report is not None and report.case_id is not None:
                self.open_case(report.case_id)

        self.push_screen(ImportPacerForm(), imported)

    def action_import_notices(self) -> None:
        from tui.forms.import_form import ImportNoticesForm

        def imported(report: NoticeReport | None) -> None:
            if report is not None and len(report.case_ids) == 1:
                self.open_case(report.case_ids[0])
            # Several cases: the notifications name them and the Cases list shows them.

        self.push_screen(ImportNoticesForm(), imported)
