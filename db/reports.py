"""What an import did, in counts a paralegal can check against the source."""

from __future__ import annotations

from pydantic import BaseModel, Field

from docket.wording import plural


class ImportReport(BaseModel):
    """The outcome of one import (PACER page, CSV file or JSON export).

    Counts let a person check a refresh at a glance: importing the same file twice reports
    nothing added and nothing updated.
    """

    case_id: int | None = None
    """The case written to (for a JSON import of several cases: the last one)."""
    case_number: str = ""
    case_created: bool = False
    """True when the import opened a new case rather than refreshing a known one."""
    cases_added: int = 0
    entries_added: int = 0
    entries_updated: int = 0
    entries_unchanged: int = 0
    parties_added: int = 0
    """Parties (not counsel) newly linked to the case."""
    parties_updated: int = 0
    parties_unchanged: int = 0
    counsel_added: int = 0
    """Counsel links (one per attorney and client represented) newly made."""
    counsel_updated: int = 0
    """Counsel whose roles, firm, contact block or termination date changed on the page."""
    counsel_unchanged: int = 0
    deadlines_added: int = 0
    """Rule deadlines created for new entries whose due date is today or later."""
    warnings: list[str] = Field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI and the TUI notification."""
        if self.cases_added > 1:
            # A JSON export holds many cases; naming only the last would read as if the
            # totals that follow were that one case's.
            subject = f"{self.cases_added} cases created"
        else:
            verb = "created" if self.case_created else "refreshed"
            subject = f"{self.case_number}: case {verb}"
        text = (
            f"{subject}; entries {self.entries_added} added, "
            f"{self.entries_updated} updated, {self.entries_unchanged} unchanged; "
            f"parties {self.parties_added} added, {self.parties_updated} updated, "
            f"{self.parties_unchanged} unchanged; counsel {self.counsel_added} added"
        )
        if self.counsel_updated:
            text += f", {self.counsel_updated} updated"
        if self.deadlines_added:
            text += f"; {plural(self.deadlines_added, 'deadline')} created"
        return text


class SkippedMessage(BaseModel):
    """A message in a folder or mbox that was not imported, and why."""

    message: str
    """The file name, or the mbox file and the message's place in it (`inbox.mbox #3`)."""
    reason: str


class NoticeReport(BaseModel):
    """The outcome of importing ECF notice emails (NEFs).

    One notice may name several cases (a bankruptcy case and its adversary proceeding, the
    cases of an MDL), so the counts are over every case the messages named; a second import
    of the same messages adds nothing and says so.
    """

    messages: int = 0
    """Messages read, NEF or not."""
    notices: int = 0
    """Messages imported as NEFs (including those whose entries were all already there)."""
    skipped: list[SkippedMessage] = Field(default_factory=list)
    cases: list[str] = Field(default_factory=list)
    """Every case the notices named, as `court number`, in the order first met."""
    case_ids: list[int] = Field(default_factory=list)
    """Their ids, in the same order."""
    cases_created: list[str] = Field(default_factory=list)
    """The cases opened from a notice, as `court number: title`."""
    entries_added: int = 0
    entries_unchanged: int = 0
    """Entries already on the docket (from an earlier notice or a PACER import)."""
    deadlines_added: int = 0
    """Rule deadlines the new entries set."""

    @property
    def warnings(self) -> list[str]:
        """The lines under the summary: cases opened and messages skipped."""
        lines = [f"case created: {case}" for case in self.cases_created]
        lines += [f"skipped {skip.message}: {skip.reason}" for skip in self.skipped]
        return lines

    def summary(self) -> str:
        """One line for the CLI and the TUI notification."""
        text = (
            f"{self.notices} of {self.messages} messages imported"
            f" ({len(self.skipped)} skipped); {plural(len(self.cases), 'case')}, "
            f"{len(self.cases_created)} created; entries {self.entries_added} added, "
            f"{self.entries_unchanged} already on the docket"
        )
        if self.deadlines_added:
            text += f"; {plural(self.deadlines_added, 'deadline')} created"
        return text
