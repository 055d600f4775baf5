"""Palette commands "Import PACER docket…" (a saved docket report file and its court id) and
"Import ECF notices…" (a saved notice email, an mbox file or a maildir folder)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input

from tui.forms.base import FormErrors, FormScreen, field_row
from tui.host import docket_app

if TYPE_CHECKING:
    from db.reports import ImportReport, NoticeReport


class ImportPacerForm(FormScreen["ImportReport"]):
    form_title = "Import PACER docket"
    # The importer names its arguments; the form shows them as its own fields.
    form_fields = {"court": ("court", "court id"), "path": ("path", "file")}

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

        report = import_pacer(docket_app(self).store, path, court)
        self.app.notify(
            f"Imported: {report.entries_added} new entries, {report.entries_updated} updated, "
            f"{report.entries_unchanged} unchanged; parties {report.parties_added} new",
            title="PACER",
            markup=False,
        )
        return report


#: Cases created and messages skipped shown one notification each; the rest are counted.
NOTES_SHOWN = 5


class ImportNoticesForm(FormScreen["NoticeReport"]):
    form_title = "Import ECF notices"
    form_fields = {"path": ("path", "file")}

    def fields(self) -> ComposeResult:
        yield field_row(
            "File or folder",
            Input(placeholder="~/Mail/notice.eml, an mbox file or a maildir", id="path"),
            "path",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#path", Input).focus()

    def submit(self) -> NoticeReport:
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            raise FormErrors({"path": "file: is required (for example: ~/Mail/notice.eml)"})
        from db.pacer import import_notices

        report = import_notices(docket_app(self).store, [Path(typed).expanduser()])
        self.app.notify(report.summary(), title="ECF notices", markup=False)
        shown = report.warnings[:NOTES_SHOWN]
        if len(report.warnings) > NOTES_SHOWN:
            shown.append(f"and {len(report.warnings) - NOTES_SHOWN} more")
        for line in shown:
            self.app.notify(line, title="ECF notices", markup=False)
        return report
