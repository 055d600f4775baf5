"""The Case screen's Links tab: the matters linked to this one, each in this one's words.

`enter` opens the highlighted matter on top of this one (escape comes back); `x` removes the
link, after asking; `l` on the screen adds one. Under the table: the highlighted matter's court,
caption and the note on the link. After any change the pane posts `LinksChanged` and the
screen reads the case again.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from docket.errors import DocketError
from tui import bindings
from tui.host import docket_app
from tui.messages import LinksChanged
from tui.screens import case_rows
from tui.verbatim import shown
from tui.widgets.rows import cursor_key

if TYPE_CHECKING:
    from db.rows import LinkRow


class LinksPane(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = bindings.LINKS

    def __init__(self, case_id: int) -> None:
        super().__init__(id="links-pane")
        self.case_id = case_id
        self._links: dict[str, LinkRow] = {}

    def compose(self) -> ComposeResult:
        words, binding_id, does = case_rows.EMPTY["links"]
        key = docket_app(self).key_for(binding_id)
        yield Static(f"{words} · {key} {does}", id="links-empty", classes="empty-note")
        yield DataTable(id="links", cursor_type="row", zebra_stripes=True)
        yield Static("", id="link-detail", markup=False)

    def show(self, links: list[LinkRow], today: date) -> None:
        table = self.query_one("#links", DataTable)
        table.clear()
        self._links = {str(link.case_id): link for link in links}
        for link in links:
            table.add_row(*case_rows.link_cells(link, today), key=str(link.case_id))
        self._show_detail(cursor_key(table))

    def _selected(self) -> LinkRow | None:
        key = cursor_key(self.query_one("#links", DataTable))
        return None if key is None else self._links.get(key)

    @on(DataTable.RowHighlighted, "#links")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.row_key.value)

    def _show_detail(self, key: object) -> None:
        link = self._links.get(str(key)) if key is not None else None
        detail = self.query_one("#link-detail", Static)
        detail.update(shown(case_rows.link_detail(link)) if link else "")

    @on(DataTable.RowSelected, "#links")
    def _follow(self, event: DataTable.RowSelected) -> None:
        """Enter opens the linked matter on top of this one."""
        docket_app(self).open_case(int(str(event.row_key.value)))

    def add_link(self, number: str) -> None:
        """Ask which matter to link this one to, and how."""
        from tui.forms.link_form import LinkForm

        def linked(link: LinkRow | None) -> None:
            if link is not None:
                self.notify(f"Linked: {link.words} {link.number}", markup=False)
                self.post_message(LinksChanged(select=link.case_id))

        self.app.push_screen(LinkForm(docket_app(self).store, self.case_id, number), linked)

    def action_unlink(self) -> None:
        from tui.screens.confirm import ConfirmScreen

        link = self._selected()
        if link is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                docket_app(self).store.unlink_cases(self.case_id, link.case_id)
            except DocketError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            self.notify(f"Unlinked: no longer {link.words} {link.number}", markup=False)
            self.post_message(LinksChanged())

        question = f"Remove the link: {link.words} {link.number}?"
        self.app.push_screen(ConfirmScreen(question, "y removes it from both matters"), answered)
