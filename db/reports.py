"""What an import did, in counts a paralegal can check against the source."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, PrivateAttr

from docket.models import Deadline, DeadlineStatus

if TYPE_CHECKING:
    from db.base import StoreBase

from docket.wording import plural


class ImportedDeadline(BaseModel):
    """A rule deadline an imported entry set, as it stands when the import ends."""

    id: int
    case_number: str
    entry_no: int | None
    """The imported entry that set it."""
    rule: str | None
    title: str
    citation: str | None
    due_on: date
    status: DeadlineStatus
    """`open` (calendared), `lapsed` (already past at import, not calendared) or
    `satisfied` (a later entry of the same import met it)."""
    met_by_entry: int | None = None

    def line(self) -> str:
        """One line of the report: which case, which rule, which date, and where it stands."""
        rule = ", ".join(part for part in (self.rule, self.citation) if part)
        where = f"{self.case_number} entry {self.entry_no}" if self.entry_no else self.case_number
        if self.status == DeadlineStatus.LAPSED:
            state = "past at import, not calendared"
        elif self.status == DeadlineStatus.SATISFIED:
            met = f" by entry {self.met_by_entry}" if self.met_by_entry else ""
            state = f"met{met}"
        else:
            state = self.status.label
        return f"deadline {self.due_on.isoformat()} {state}: {self.title} ({rule}) from {where}"


#: Deadline ids read back per query when an import ends (well under SQLite's variable limit).
_READ_BACK = 500


class DeadlineTally(BaseModel):
    """Every rule deadline an import's new entries set: none is dropped without a word.

    Those already past when the import ran are recorded as past at import (`lapsed`): not
    open, never overdue, but named here with their case, rule and date so the paralegal sees
    what was not calendared and why."""

    deadlines_added: int = 0
    """Rule deadlines set open (due today or later): calendared."""
    deadlines_past: int = 0
    """Rule deadlines already past at import: recorded as `lapsed`, not calendared."""
    deadlines: list[ImportedDeadline] = Field(default_factory=list)
    """Every rule deadline the import set, as it stands when the import ends."""
    _ids: list[int] = PrivateAttr(default_factory=list)

    def count_deadlines(self, created: Iterable[Deadline]) -> None:
        """Tally the deadlines one or more new entries set (call inside the import)."""
        for deadline in created:
            assert deadline.id is not None
            self._ids.append(deadline.id)
            if deadline.status == DeadlineStatus.LAPSED:
                self.deadlines_past += 1
            else:
                self.deadlines_added += 1

    def take_deadlines(self, other: DeadlineTally) -> None:
        """Add another part's tally (one notice of many) to this one."""
        self.deadlines_added += other.deadlines_added
        self.deadlines_past += other.deadlines_past
        self.deadlines += other.deadlines

    def settle_deadlines(self, store: StoreBase) -> None:
        """Read back every tallied deadline as it now stands (a later entry of the same
        import may have met one), at the end of the import, inside its write."""
        ids, self._ids = self._ids, []
        for start in range(0, len(ids), _READ_BACK):
            chunk = ids[start : start + _READ_BACK]
            marks = ", ".join("?" for _ in chunk)
            for row in store.query_rows(
                "SELECT d.id, c.number, f.entry_no, d.rule, d.title, d.citation, d.due_on, "
                "d.status, m.entry_no FROM deadlines d JOIN cases c ON c.id = d.case_id "
                "LEFT JOIN filings f ON f.id = d.trigger_filing_id "
                "LEFT JOIN filings m ON m.id = d.satisfied_by_filing_id "
                f"WHERE d.id IN ({marks}) ORDER BY d.id",
                chunk,
            ):
                self.deadlines.append(
                    ImportedDeadline(
                        id=row[0],
                        case_number=row[1],
                        entry_no=row[2],
                        rule=row[3],
                        title=row[4],
                        citation=row[5],
                        due_on=date.fromisoformat(row[6]),
                        status=DeadlineStatus(row[7]),
                        met_by_entry=row[8],
                    )
                )

    @property
    def not_calendared(self) -> list[ImportedDeadline]:
        """The deadlines past at import that no entry met: what the paralegal must check."""
        return [d for d in self.deadlines if d.status == DeadlineStatus.LAPSED]

    def deadline_summary(self) -> str:
        """The deadlines' part of the one-line summary ("" when the import set none)."""
        parts = []
        if self.deadlines_added:
            parts.append(f"{plural(self.deadlines_added, 'deadline')} created")
        if self.deadlines_past:
            missed = len(self.not_calendared)
            parts.append(f"{self.deadlines_past} already past at import ({missed} not calendared)")
        return "; " + "; ".join(parts) if parts else ""


class ImportReport(DeadlineTally):
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
        return text + self.deadline_summary()


class SkippedMessage(BaseModel):
    """A message in a folder or mbox that was not imported, and why."""

    message: str
    """The file name, or the mbox file and the message's place in it (`inbox.mbox #3`)."""
    reason: str


class NoticeReport(DeadlineTally):
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
        return text + self.deadline_summary()
