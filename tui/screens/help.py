"""`?`: the keys of the screen underneath, read from its bindings (so remapped keys show).

Every binding of the screen is listed, including those that act only on another tab (their
description says which), so the list does not change under the reader as tabs change; the id
column is what a keymap file names.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from tui import bindings
from tui.verbatim import cell


def screen_keys(screen: Screen[object]) -> list[tuple[str, str, str, str]]:
    """(key, description, tooltip, binding id) for every binding of the screen and the app."""
    app = screen.app
    rows: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    # The chain has the keymap applied, so a remapped binding shows its new key.
    for node, node_bindings in screen._modal_binding_chain:
        if node is not screen and node is not app:
            continue
        for _key, binding in node_bindings:
            if not binding.description:
                continue
            display = binding.key_display or app.get_key_display(binding)
            mark = (display, binding.description)
            if mark in seen:
                continue
            seen.add(mark)
            rows.append((display, binding.description, binding.tooltip, binding.id or ""))
    return rows


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
            yield Static("ctrl+p opens the command palette · escape closes", classes="dialog-keys")

    def action_close(self) -> None:
        self.dismiss()
