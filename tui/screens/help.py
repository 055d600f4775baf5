"""`?`: the keys of the screen underneath, read from its bindings (so remapped keys show).

Every binding of the screen is listed, including those that act only on another tab (their
description says which), so the list does not change under the reader as tabs change; the id
column is what a keymap file names.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from tui import bindings
from tui.host import docket_app
from tui.verbatim import cell


def declared_bindings(node_class: type[object]) -> list[Binding]:
    """The bindings docket's own classes declare for `node_class`, base classes first, as
    Textual merges them; Textual's built-in keys are not ours to explain."""
    found: list[Binding] = []
    for cls in reversed(node_class.__mro__):
        if not cls.__module__.startswith("tui."):
            continue
        found += [b for b in vars(cls).get("BINDINGS", []) if isinstance(b, Binding)]
    return found


def screen_keys(screen: Screen[object]) -> list[tuple[str, str, str, str]]:
    """(key, description, tooltip, binding id) for every binding of the screen and the app,
    with the person's own keys where their keymap file moved one."""
    host = docket_app(screen)
    rows: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for node in (screen, host):
        for binding in declared_bindings(type(node)):
            if not binding.description:
                continue
            own = host.own_keys.get(binding.id or "")
            if own is None:
                display = binding.key_display or host.get_key_display(binding)
            else:
                display = host.get_key_display(replace(binding, key=own.split(",")[0]))
            mark = (display, binding.description)
            if mark in seen:
                continue
            seen.add(mark)
            rows.append((display, binding.description, binding.tooltip, binding.id or ""))
    return rows


#: The keys that switch places from any screen, even while a text field has focus.
ANYWHERE = ("app.cases_anywhere", "app.agenda_anywhere", "app.search_anywhere")


def anywhere_line(screen: Screen[object]) -> str:
    """`f2 / f3 / f4: Cases / Agenda / Search from any screen, even while typing in a field`,
    with the person's own keys where their keymap moved them."""
    host = docket_app(screen)
    by_id = {b.id: b for b in bindings.APP if isinstance(b, Binding) and b.id}
    keys, places = [], []
    for binding_id in ANYWHERE:
        binding = by_id[binding_id]
        own = host.own_keys.get(binding_id)
        shown = binding if own is None else replace(binding, key=own.split(",")[0])
        keys.append(host.get_key_display(shown))
        places.append(binding.description)
    return (
        f"{' / '.join(keys)}: {' / '.join(places)} from any screen, even while typing in a "
        "field (c / a / s where no field has focus)"
    )


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.HELP

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under
        # Read now, while the screen underneath is still the active one.
        self.keys = screen_keys(under)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            title = getattr(
                self.under, "help_title", type(self.under).__name__.removesuffix("Screen")
            )
            yield Static(f"Keys · {title}", classes="form-title", markup=False)
            table: DataTable[object] = DataTable(id="help-table", cursor_type="row")
            table.add_column("Key", key="key", width=8)
            table.add_column("Does", key="does", width=12)
            table.add_column("", key="more", width=32)
            table.add_column("Id", key="id", width=18)
            for key, description, tooltip, binding_id in self.keys:
                table.add_row(
                    cell(key, style="bold"),
                    cell(description),
                    cell(tooltip),
                    cell(binding_id, style="dim"),
                )
            yield table
            from tui.keymap import keymap_path

            yield Static(
                f"Change keys by binding id in {keymap_path()}",
                id="help-keymap",
                classes="dialog-keys",
                markup=False,
            )
            yield Static(anywhere_line(self.under), id="help-anywhere", classes="dialog-keys")
            yield Static("ctrl+p opens the command palette · escape closes", classes="dialog-keys")

    def action_close(self) -> None:
        self.dismiss()
