"""What happened to each deadline after it was set: met, withdrawn, reopened.

The status column says where a deadline stands; this history says how it got there, so a
reopened matter gets back exactly the deadlines its close withdrew (not those a void or a
waiver closed), and `deadline show` can name the entry that met one or the close that
withdrew it. Every history row is written in the same transaction as the status it explains.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from db.cases import CaseStore
from db.mapping import deadline_from_row, filing_from_row, without_timestamps

if TYPE_CHECKING:
    from docket.models import Deadline, DeadlineEvent, DeadlineHistory, DeadlineStatus, Filing


class DeadlineHistoryStore(CaseStore):
    def record_deadline_event(
        self,
        deadline_id: int,
        case_id: int,
        event: DeadlineEvent,
        on: date,
        *,
        filing_id: int | None = None,
        status_change_id: int | None = None,
        detail: str | None = None,
        from_status: DeadlineStatus | None = None,
    ) -> DeadlineHistory:
        """One step of a deadline's history, audited, inside the caller's write."""
        row = self.insert(
            "deadline_history",
            {
                "deadline_id": deadline_id,
                "case_id": case_id,
                "happened_on": on.isoformat(),
                "event": event.value,
                "filing_id": filing_id,
                "status_change_id": status_change_id,
                "detail": detail,
                "from_status": None if from_status is None else from_status.value,
                "created_at": self.timestamp(),
            },
            case_id=case_id,
        )
        return _history_from_row(row)

    def deadline_history(self, deadline_id: int) -> list[DeadlineHistory]:
        """A deadline's steps after it was set, oldest first."""
        rows = self.query_dicts(
            "SELECT * FROM deadline_history WHERE deadline_id = ? ORDER BY id", (deadline_id,)
        )
        return [_history_from_row(row) for row in rows]

    def deadline_story(self, deadline_id: int) -> list[str]:
        """The history in words (`docket.history`), with each entry named by its number."""
        from docket.history import history_line

        lines = []
        for step in self.deadline_history(deadline_id):
            entry_no = None
            if step.filing_id is not None:
                found = self.query_rows(
                    "SELECT entry_no FROM filings WHERE id = ?", (step.filing_id,)
                )
                entry_no = int(found[0][0]) if found else None
            lines.append(history_line(step, entry_no))
        return lines

    def deadlines_met_by(self, filing_id: int) -> list[Deadline]:
        """The deadlines a docket entry met (and still counts as meeting), by due date: what
        adding it announces, and what voiding it would reopen."""
        from docket.models import DeadlineStatus

        rows = self.query_dicts(
            "SELECT * FROM deadlines WHERE satisfied_by_filing_id = ? AND status = ? "
            "ORDER BY due_on, id",
            (filing_id, DeadlineStatus.SATISFIED.value),
        )
        return [deadline_from_row(row) for row in rows]

    def withdrawn_by_close(self, case_id: int) -> list[Deadline]:
        """The case's deadlines still withdrawn by a close: withdrawn, and the last step of
        their history is a close's withdrawal. Deadlines withdrawn otherwise (their entry
        voided, their hearing vacated, their rule no longer applying) are not among them."""
        from docket.models import DeadlineEvent, DeadlineStatus

        rows = self.query_dicts(
            "SELECT d.* FROM deadlines d WHERE d.case_id = ? AND d.status = ? AND ("
            "  SELECT h.event = ? AND h.status_change_id IS NOT NULL FROM deadline_history h"
            "  WHERE h.deadline_id = d.id ORDER BY h.id DESC LIMIT 1"
            ") ORDER BY d.due_on, d.id",
            (case_id, DeadlineStatus.WITHDRAWN.value, DeadlineEvent.WITHDRAWN.value),
        )
        return [deadline_from_row(row) for row in rows]

    def entry_meeting(self, deadline: Deadline, *, not_id: int | None = None) -> Filing | None:
        """A live entry on the deadline's case that meets it (`docket.triggers` decides),
        other than entry `not_id`: what keeps a deadline met when the entry that met it is
        voided, or meets a deadline a reopening brings back."""
        from docket import triggers
        from docket.errors import NotFound
        from docket.rules import rule_by_id

        if deadline.rule is None or deadline.case_id is None:
            return None
        try:
            kinds = [kind.value for kind in rule_by_id(deadline.rule).satisfied_by]
        except NotFound:
            return None
        if not kinds:
            return None
        after = 0
        if deadline.trigger_filing_id is not None:
            found = self.query_rows(
                "SELECT entry_no FROM filings WHERE id = ?", (deadline.trigger_filing_id,)
            )
            after = int(found[0][0]) if found else 0
        marks = ", ".join("?" for _ in kinds)
        rows = self.query_dicts(
            "SELECT * FROM filings WHERE case_id = ? AND voided_at IS NULL AND entry_no > ? "
            f"AND id != ? AND doc_type IN ({marks}) ORDER BY entry_no LIMIT 20",
            (deadline.case_id, after, -1 if not_id is None else not_id, *kinds),
        )
        entries = [filing_from_row(row) for row in rows]
        return triggers.meeting_entry(deadline, entries, after_entry=after)

    def mark_satisfied(
        self, deadline_id: int, case_id: int, entry: Filing, *, detail: str | None = None
    ) -> Deadline:
        """Record that `entry` met the deadline: its status, day and entry, audited, and a
        step in its history (with where it stood before); inside the caller's write."""
        from docket.models import DeadlineEvent, DeadlineStatus

        was = DeadlineStatus(self.row_by_id("deadlines", deadline_id)["status"])
        row = self.update(
            "deadlines",
            deadline_id,
            {
                "status": DeadlineStatus.SATISFIED.value,
                "done_on": entry.filed_on.isoformat(),
                "satisfied_by_filing_id": entry.id,
                "updated_at": self.timestamp(),
            },
            case_id=case_id,
        )
        self.record_deadline_event(
            deadline_id,
            case_id,
            DeadlineEvent.SATISFIED,
            entry.filed_on,
            filing_id=entry.id,
            detail=detail,
            from_status=was,
        )
        return deadline_from_row(row)

    def status_before_met(self, deadline_id: int, filing_id: int) -> DeadlineStatus:
        """Where a deadline stood before entry `filing_id` met it: open, or past at import."""
        from docket.models import DeadlineEvent, DeadlineStatus

        rows = self.query_rows(
            "SELECT from_status FROM deadline_history WHERE deadline_id = ? AND filing_id = ? "
            "AND event = ? ORDER BY id DESC LIMIT 1",
            (deadline_id, filing_id, DeadlineEvent.SATISFIED.value),
        )
        if rows and rows[0][0] == DeadlineStatus.LAPSED.value:
            return DeadlineStatus.LAPSED
        return DeadlineStatus.OPEN


def _history_from_row(row: dict[str, object]) -> DeadlineHistory:
    from docket.models import DeadlineHistory

    data = without_timestamps(dict(row))
    data.pop("case_id", None)
    return DeadlineHistory.model_validate(data)
