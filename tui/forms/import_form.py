"""Palette commands "Import PACER docket…" (a saved docket report file and, unless the page
names it, its court id) and
"Import ECF notices…" (a saved notice email, an mbox file or a maildir folder)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.widgets import Input, ProgressBar

from docket.errors import DocketError
from tui.forms.base import FormErrors, FormScreen, field_row
from tui.host import docket_app

if TYPE_CHECKING:
    from db.reports import DeadlineTally, ImportReport, NoticeReport


class ImportPacerForm(FormScreen["ImportReport"]):
    form_title = "Import PACER docket"
    # The importer names its arguments; the form shows them as its own fields.
    form_fields = {"court": ("court", "court id"), "path": ("path", "file")}

    def fields(self) -> ComposeResult:
        yield field_row("File", Input(placeholder="~/Downloads/docket.html", id="path"), "path")
        yield field_row(
            "Court id",
            Input(placeholder="nmd (blank: the court the page names)", id="court"),
            "court",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#path", Input).focus()

    def submit(self) -> ImportReport:
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        court = self.query_one("#court", Input).value.strip()
        errors: dict[str, str] = {}
        if not path.is_file():
            errors["path"] = f"file: {path} is not a file (for example: ~/Downloads/docket.html)"
        if errors:
            raise FormErrors(errors)
        from db.pacer import import_pacer

        report = import_pacer(docket_app(self).store, path, court or None)
        self.app.notify(
            f"Imported: {report.entries_added} new entries, {report.entries_updated} updated, "
            f"{report.entries_unchanged} unchanged; parties {report.parties_added} new"
            + report.deadline_summary(),
            title="PACER",
            markup=False,
        )
        notify_past_deadlines(self, report, "PACER")
        return report


def notify_past_deadlines(form: FormScreen[Any], report: DeadlineTally, title: str) -> None:
    """One notification per deadline the import found already past and not met (the first
    few; the rest counted): what was not calendared, with its case, rule and date."""
    missed = [deadline.line() for deadline in report.not_calendared]
    shown = missed[:NOTES_SHOWN]
    if len(missed) > NOTES_SHOWN:
        shown.append(f"and {len(missed) - NOTES_SHOWN} more deadlines past at import")
    for line in shown:
        form.app.notify(line, title=title, severity="warning", markup=False)


#: Cases created and messages skipped shown one notification each; the rest are counted.
NOTES_SHOWN = 5
#: How many times the progress bar moves over a whole import (each move waits for the screen).
PROGRESS_STEPS = 100


class ImportNoticesForm(FormScreen["NoticeReport"]):
    """A file, an mbox or a maildir; the import runs in a worker, with a progress bar, so a
    mailbox of hundreds of notices never freezes the screen."""

    form_title = "Import ECF notices"
    form_fields = {"path": ("path", "file")}

    def __init__(self) -> None:
        super().__init__()
        self._importing = False

    def fields(self) -> ComposeResult:
        yield field_row(
            "File or folder",
            Input(placeholder="~/Mail/notice.eml, an mbox file or a maildir", id="path"),
            "path",
        )
        bar = ProgressBar(id="progress", show_eta=False)
        bar.display = False
        yield bar

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#path", Input).focus()

    def action_save(self) -> None:
        if self._importing:
            return
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            self.show_errors({"path": "file: is required (for example: ~/Mail/notice.eml)"})
            return
        self.show_errors({})
        self._importing = True
        self.query_one("#progress", ProgressBar).display = True
        self._import(Path(typed).expanduser())

    def action_cancel(self) -> None:
        if not self._importing:  # an import under way finishes: each message is whole or absent
            super().action_cancel()

    @work(thread=True, exclusive=True, group="import-notices")
    def _import(self, path: Path) -> None:
        from db.pacer import import_notices

        def progress(done: int, total: int) -> None:
            if done == total or done % max(1, total // PROGRESS_STEPS) == 0:
                self.app.call_from_thread(self._progress, done, total)

        try:
            report = import_notices(docket_app(self).store, [path], progress)
        except DocketError as error:
            self.app.call_from_thread(self._failed, error)
            return
        self.app.call_from_thread(self._imported, report)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)

    def _failed(self, error: DocketError) -> None:
        self._importing = False
        self.query_one("#progress", ProgressBar).display = False
        self.show_errors(self.field_error(error))

    def _imported(self, report: NoticeReport) -> None:
        self.app.notify(report.summary(), title="ECF notices", markup=False)
        shown = report.warnings[:NOTES_SHOWN]
        if len(report.warnings) > NOTES_SHOWN:
            shown.append(f"and {len(report.warnings) - NOTES_SHOWN} more")
        for line in shown:
            self.app.notify(line, title="ECF notices", markup=False)
        notify_past_deadlines(self, report, "ECF notices")
        self.dismiss(report)
