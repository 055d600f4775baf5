"""Palette command "Import PACER docket…": a saved docket report file and its court id."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input

from docket.errors import InputError
from tui.forms.base import FormErrors, FormScreen, field_row
from tui.host import docket_app

if TYPE_CHECKING:
    from db.reports import ImportReport

#: The importer names the command line's flags; the form names its own fields.
_FIELD_OF = {"--court": ("court", "court id"), "FILE": ("path", "file")}


class ImportPacerForm(FormScreen["ImportReport"]):
    form_title = "Import PACER docket"

    def fields(self) -> ComposeResult:
        yield field_row("File", Input(placeholder="~/Downloads/docket.html", id="path"), "path")
        yield field_row("Court id", Input(placeholder="nmd", id="court"), "court")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#path", Input).focus()

    def submit(self) -> ImportReport:
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        court = self.query_one("#court", Input).value.strip()
        errors: dict[str, str] = {}
        if not path.is_file():
            errors["path"] = f"file: {path} is not a file (for example: ~/Downloads/docket.html)"
        if not court:
            errors["court"] = "court id: is required (for example: nmd)"
        if errors:
            raise FormErrors(errors)
        from db.pacer import import_pacer

        try:
            report = import_pacer(docket_app(self).store, path, court)
        except InputError as error:
            field_id, label = _FIELD_OF.get(error.field, ("form", error.field))
            message = f"{label}: {error.problem}"
            example = (error.example or "").removeprefix("--court ")
            if example:
                message += f" (for example: {example})"
            raise FormErrors({field_id: message}) from None
        self.app.notify(
            f"Imported: {report.entries_added} new entries, {report.entries_updated} updated, "
            f"{report.entries_unchanged} unchanged; parties {report.parties_added} new",
            title="PACER",
            markup=False,
        )
        return report
