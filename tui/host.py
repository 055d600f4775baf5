"""What a screen, a form or a palette provider may ask of the app, without importing the app.

The app module imports the screens it starts on; a screen that imported the app back would close
an import loop. So the app's class is split: `DocketHost` holds what the rest of the TUI relies
on (the store, opening a case, going to a place), `tui.app.DocketApp` builds on it with the
modes, keys and commands. Everything reaches the running app through `docket_app(self)`, one
checked, typed door.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from textual.app import App
from textual.notifications import SeverityLevel
from textual.signal import Signal

from tui.verbatim import shown

if TYPE_CHECKING:
    from db.changes import Changes
    from db.store import Store


class DocketHost(App[None]):
    """The app as the screens see it."""

    def __init__(self, store: Store, *, new_database: bool = False) -> None:
        super().__init__()
        self.store = store
        self.new_database = new_database
        """True when opening the app created the database (the first run on this machine)."""
        self.own_keys: dict[str, str] = {}
        """The person's keys by binding id, from their keymap file (empty: the standard keys)."""
        self.changes_signal: Signal[Changes] = Signal(self, "changes")
        """Published when someone (another window, process or colleague) committed a change:
        screens that show what changed subscribe and read it again."""

    def key_for(self, binding_id: str) -> str:
        """The key that runs a binding, as the footer draws it: the person's own when their
        keymap moved it (`^n`), else the standard one (`f`)."""
        from dataclasses import replace

        from textual.binding import Binding

        from tui.bindings import REGISTRY

        for group in REGISTRY.values():
            for binding in group:
                if isinstance(binding, Binding) and binding.id == binding_id:
                    own = self.own_keys.get(binding_id)
                    if own is not None:
                        return self.get_key_display(replace(binding, key=own.split(",")[0]))
                    return binding.key_display or self.get_key_display(binding)
        raise KeyError(binding_id)

    def court_name(self, court_id: str | None) -> str:
        """The court's name as a paralegal knows it ("U.S. District Court for the District of
        New Mexico"), for an id such as `nmd`; an id the registry lacks is shown as stored."""
        if not court_id:
            return ""
        # Looked up without the registry's models: the Cases list names the court of every
        # row the cursor lands on, from its first screen.
        court = self.store.court_facts(court_id)
        return court.name if court is not None else court_id

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, with user text in it (a title, a case number) shown inert."""
        super().notify(
            shown(message), title=shown(title), severity=severity, timeout=timeout, markup=markup
        )

    def my_person_id(self) -> int | None:
        """The current user's id on the team, for the Mine views; when they are not on it,
        a notice says how to join and the answer is None."""
        person = self.store.current_person()
        if person is not None and person.id is not None:
            return person.id
        self.notify(
            f"You are {self.store.user!r}, and no one on the team has that login or name. "
            'Add yourself: docket person add "Your Name" --role paralegal '
            f"--login {self.store.user}",
            title="Mine",
            severity="warning",
            markup=False,
        )
        return None

    def open_case(self, case_id: int) -> None:
        """Push the case's screen on the current place's stack."""
        raise NotImplementedError

    def show_linked_group(self, case_id: int) -> None:
        """The Cases list narrowed to the matter and every matter linked to it."""
        raise NotImplementedError

    def action_goto(self, mode: str) -> None:
        """Go to a place (`cases`, `agenda`, `search`)."""
        raise NotImplementedError


class _InApp(Protocol):
    """A widget, a screen or a command provider: anything that knows its app."""

    @property
    def app(self) -> App[Any]: ...


def docket_app(node: _InApp) -> DocketHost:
    """The running docket app of `node`; an error names the mistake if it runs elsewhere."""
    app = node.app
    if not isinstance(app, DocketHost):
        raise TypeError(f"{type(node).__name__} runs only inside the docket app, not {app!r}")
    return app
