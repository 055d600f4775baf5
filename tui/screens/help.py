"""`?`: the keys of the screen underneath, read from its bindings (so remapped keys show).

Three parts: the screen's own keys (including those that act only on another tab, whose
description says which, so the list does not change under the reader as tabs change), the
keys that work anywhere, and the keys Textual itself gives every screen (moving between
fields, moving in a list, copying), in words. Long descriptions wrap rather than being cut;
the list scrolls, and says so when it is longer than the terminal. The id column is what a
keymap file names (on a narrow terminal the id is under the description).
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from tui import bindings
from tui.host import docket_app
from tui.verbatim import cell

#: Keys Textual gives every screen and list, described for a paralegal: (key, does, more).
BUILT_IN: list[tuple[str, str, str]] = [
    (
        "tab / ⇧tab",
        "Next / previous",
        "Move to the next or previous field of a form, or between the filter box and the list",
    ),
    ("↑ ↓", "Move", "Move the cursor in a list (PgUp / PgDn a page, Home / End the ends)"),
    ("ctrl+c", "Copy", "Copy the text selected with the mouse"),
]
#: Textual's own quit key: everywhere, with no id of ours.
QUIT_ANYWHERE = "ctrl+q"
#: Below this many cells of table width the id goes under the description.
ID_COLUMN_FROM = 90


class HelpRow(NamedTuple):
    key: str
    description: str
    tooltip: str
    binding_id: str
    """Our binding id (what a keymap names); `built in` for Textual's own keys."""


def declared_bindings(node_class: type[object]) -> list[Binding]:
    """The bindings docket's own classes declare for `node_class`, base classes first, as
    Textual merges them; Textual's built-in keys are described separately (BUILT_IN)."""
    found: list[Binding] = []
    for cls in reversed(node_class.__mro__):
        if not cls.__module__.startswith("tui."):
            continue
        found += [b for b in vars(cls).get("BINDINGS", []) if isinstance(b, Binding)]
    return found


def _rows_of(node: object, screen: Screen[object]) -> list[HelpRow]:
    host = docket_app(screen)
    rows: list[HelpRow] = []
    for binding in declared_bindings(type(node)):
        if not binding.description:
            continue
        own = host.own_keys.get(binding.id or "")
        if own is None:
            display = binding.key_display or host.get_key_display(binding)
        else:
            display = host.get_key_display(replace(binding, key=own.split(",")[0]))
        tooltip = binding.tooltip
        if binding.action in {"app.quit", "quit"}:
            display += f" / {QUIT_ANYWHERE}"
        rows.append(HelpRow(display, binding.description, tooltip, binding.id or ""))
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


def _sections(screen: Screen[object]) -> list[tuple[str, list[HelpRow]]]:
    host = docket_app(screen)
    own = _rows_of(screen, screen)
    seen = {(row.key, row.description) for row in own}
    anywhere = [row for row in _rows_of(host, screen) if (row.key, row.description) not in seen]
    if not any(QUIT_ANYWHERE in row.key for row in own):
        anywhere.append(HelpRow(QUIT_ANYWHERE, "Quit", "Leave docket", "built in"))
    built_in = [HelpRow(key, does, more, "built in") for key, does, more in BUILT_IN]
    return [("This screen", own), ("Anywhere", anywhere), ("Moving around", built_in)]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.HELP

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under
        # Read now, while the screen underneath is still the active one.
        self.sections = _sections(under)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            title = getattr(
                self.under, "help_title", type(self.under).__name__.removesuffix("Screen")
            )
            yield Static(f"Keys · {title}", classes="form-title", markup=False)
            yield DataTable(id="help-table", cursor_type="row", show_cursor=False)
            from tui.keymap import keymap_path

            yield Static(
                f"Change keys by binding id in {keymap_path()}",
                id="help-keymap",
                classes="dialog-keys",
                markup=False,
            )
            yield Static(anywhere_line(self.under), id="help-anywhere", classes="dialog-keys")
            yield Static("escape closes", id="help-more", classes="dialog-keys", markup=False)

    def on_mount(self) -> None:
        self._fill(self.app.size.width)
        table = self.query_one("#help-table", DataTable)
        table.focus()
        self.call_after_refresh(self._say_if_more)

    def on_resize(self) -> None:
        self._fill(self.app.size.width)
        self.call_after_refresh(self._say_if_more)

    def _fill(self, terminal_width: int) -> None:
        table = self.query_one("#help-table", DataTable)
        table.clear(columns=True)
        # The box is at most 114 wide, less its border, padding and the table's scrollbar.
        room = min(114, terminal_width) - 4 - 2
        with_ids = room >= ID_COLUMN_FROM
        key_width, does_width, id_width = 11, 15, 20
        columns = 3 + with_ids
        more_width = room - key_width - does_width - (id_width if with_ids else 0) - 2 * columns
        table.add_column("Key", key="key", width=key_width)
        table.add_column("Does", key="does", width=does_width)
        table.add_column("", key="more", width=max(16, more_width))
        if with_ids:
            table.add_column("Id", key="id", width=id_width)
        for heading, rows in self.sections:
            if not rows:
                continue
            heading_cells = [cell(""), cell(heading, style="bold underline"), cell("")]
            table.add_row(*heading_cells, *([cell("")] if with_ids else []))
            for row in rows:
                more = Text(row.tooltip)
                if not with_ids and row.binding_id:
                    more.append(f"\n{row.binding_id}", style="dim")
                cells: list[object] = [cell(row.key, style="bold"), cell(row.description), more]
                if with_ids:
                    cells.append(cell(row.binding_id, style="dim"))
                table.add_row(*cells, height=None)

    def _say_if_more(self) -> None:
        table = self.query_one("#help-table", DataTable)
        more = table.max_scroll_y > 0
        text = "↑↓ / PgDn scroll for more keys · escape closes" if more else "escape closes"
        self.query_one("#help-more", Static).update(text)

    def action_close(self) -> None:
        self.dismiss()
