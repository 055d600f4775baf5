"""Deadlines: entered by hand, or set by an entry or a hearing under the rules.

Which deadlines a trigger sets, and when, is `docket.triggers`' decision; this module writes
the plan it is given and answers which deadlines a trigger has set.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from db.mapping import deadline_from_row, deadline_values, json_text
from db.rows import PAGE_SIZE
from db.status import StatusStore
from docket.errors import InputError, NotFound, Refused

if TYPE_CHECKING:
    from docket.models import Deadline, DeadlineStatus, Filing
    from docket.triggers import DeadlinePlan


class DeadlineStore(StatusStore):
    def add_deadline(self, case_id: int, deadline: Deadline) -> Deadline:
        with self.write():
            self.get_case(case_id)
            saved = self.insert_deadline(case_id, deadline)
            self.refresh_rollups(case_id)
        return saved

    def insert_deadline(self, case_id: int, deadline: Deadline) -> Deadline:
        """Write a deadline as given, inside the caller's write; the caller refreshes the
        case's rollups (once, after an import of many)."""
        values = deadline_values(deadline)
        now = self.timestamp()
        values.update(case_id=case_id, created_at=now, updated_at=now)
        return deadline_from_row(self.insert("deadlines", values, case_id=case_id))

    def get_deadline(self, deadline_id: int) -> Deadline:
        return deadline_from_row(self.row_by_id("deadlines", deadline_id))

    def deadlines(
        self, case_id: int, *, include_closed: bool = True, limit: int = PAGE_SIZE
    ) -> list[Deadline]:
        status = "" if include_closed else " AND status = 'open'"
        rows = self.query_dicts(
            f"SELECT * FROM deadlines WHERE case_id = ?{status} ORDER BY status != 'open', "
            "due_on, id LIMIT ?",
            (case_id, limit),
        )
        return [deadline_from_row(row) for row in rows]

    def complete_deadline(
        self,
        deadline_id: int,
        *,
        done_on: date | None = None,
        status: DeadlineStatus | str = "done",
        case_id: int | None = None,
    ) -> Deadline:
        """Mark a deadline done (or waived). `case_id`, when given, must be its case."""
        from docket.models import DeadlineStatus

        status = DeadlineStatus(status)
        with self.write():
            current = self.get_deadline(deadline_id)
            if case_id is not None and current.case_id != case_id:
                raise NotFound(f"deadline {deadline_id} is not on this case", field="id")
            if current.status != DeadlineStatus.OPEN:
                raise Refused(
                    f"deadline {deadline_id} is already {current.status.value}", field="id"
                )
            assert current.case_id is not None
            day = done_on or self.clock.today()
            completed = self.update(
                "deadlines",
                deadline_id,
                {
                    "status": status.value,
                    "done_on": day.isoformat(),
                    "updated_at": self.timestamp(),
                },
                case_id=current.case_id,
            )
            self.refresh_rollups(current.case_id)
        return deadline_from_row(completed)

    def waive_deadline(
        self, deadline_id: int, *, case_id: int | None = None, note: str | None = None
    ) -> Deadline:
        """Mark an open deadline waived, and say so in the case's notes in the same write.

        A waived deadline is one the firm decided not to meet: the notes keep that decision
        beside the status history, with the reason when one is given, whichever front end
        waived it."""
        from docket.models import DeadlineStatus

        if note is not None and not note.strip():
            raise InputError(
                "note", "is empty; say why, or leave it out", "opposing counsel agreed"
            )
        with self.write():
            waived = self.complete_deadline(
                deadline_id, status=DeadlineStatus.WAIVED, case_id=case_id
            )
            assert waived.case_id is not None
            why = f": {note.strip()}" if note is not None else ""
            self.add_note(waived.case_id, f"Deadline #{deadline_id} waived ({waived.title}){why}")
        return waived

    def satisfy_deadlines(self, case_id: int, filing: Filing) -> list[Deadline]:
        """Close the open rule deadlines a new entry meets, inside the caller's write.

        `docket.triggers` decides which; each is marked satisfied on the entry's filing day,
        with the entry's id, and audited like any other update."""
        from docket import triggers
        from docket.models import DeadlineStatus

        rows = self.query_dicts(
            "SELECT * FROM deadlines WHERE case_id = ? AND status = 'open' AND rule IS NOT NULL "
            "ORDER BY due_on, id",
            (case_id,),
        )
        if not rows:
            return []
        met = triggers.satisfied_deadlines(filing, [deadline_from_row(row) for row in rows])
        changes = {
            "status": DeadlineStatus.SATISFIED.value,
            "done_on": filing.filed_on.isoformat(),
            "satisfied_by_filing_id": filing.id,
        }
        return [
            deadline_from_row(
                self.update(
                    "deadlines",
                    deadline_id,
                    {**changes, "updated_at": self.timestamp()},
                    case_id=case_id,
                )
            )
            for deadline_id in met
        ]

    # ------------------------------------------------------------------ set by a trigger

    def triggered_deadlines(
        self,
        *,
        filing_id: int | None = None,
        hearing_id: int | None = None,
        open_only: bool = True,
    ) -> list[Deadline]:
        """The deadlines a docket entry or a hearing set, so a screen can say which ones a
        void or a change of hearing withdraws before it happens."""
        column, value = _trigger(filing_id, hearing_id)
        status = " AND status = 'open'" if open_only else ""
        rows = self.query_dicts(
            f"SELECT * FROM deadlines WHERE {column} = ?{status} ORDER BY due_on, id LIMIT ?",
            (value, PAGE_SIZE),
        )
        return [deadline_from_row(row) for row in rows]

    def deadlines_set_by(
        self, *, filing_id: int | None = None, hearing_id: int | None = None
    ) -> list[Deadline]:
        """Every deadline an entry or a hearing set, whatever its status, in the order they
        were set: what the rules need to recount or withdraw them."""
        column, value = _trigger(filing_id, hearing_id)
        rows = self.query_dicts(f"SELECT * FROM deadlines WHERE {column} = ? ORDER BY id", (value,))
        return [deadline_from_row(row) for row in rows]

    def apply_deadline_plan(self, case_id: int, plan: DeadlinePlan) -> list[Deadline]:
        """Write what the rules decided, inside the caller's write.

        Returns every deadline touched: the withdrawn and recounted ones in the order they were
        set, then the new ones, so the change can be announced.
        """
        from docket.models import DeadlineStatus

        changed: list[Deadline] = []
        recount = {item.deadline_id: item.due for item in plan.recount}
        for deadline_id in sorted({*plan.withdraw, *recount}):
            if deadline_id in recount:
                due = recount[deadline_id]
                changes = {
                    "due_on": due.due.isoformat(),
                    "computation": json_text(due.steps),
                    "updated_at": self.timestamp(),
                }
            else:
                changes = {"status": DeadlineStatus.WITHDRAWN.value, "updated_at": self.timestamp()}
            changed.append(
                deadline_from_row(self.update("deadlines", deadline_id, changes, case_id=case_id))
            )
        changed += [self.insert_deadline(case_id, deadline) for deadline in plan.create]
        return changed


def _trigger(filing_id: int | None, hearing_id: int | None) -> tuple[str, int]:
    if filing_id is not None and hearing_id is None:
        return "trigger_filing_id", filing_id
    if hearing_id is not None and filing_id is None:
        return "trigger_hearing_id", hearing_id
    raise ValueError("give exactly one of filing_id and hearing_id")
