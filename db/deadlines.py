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
    from docket.limitations import Limitation
    from docket.models import Deadline, DeadlineStatus, Filing
    from docket.triggers import DeadlinePlan


class DeadlineStore(StatusStore):
    def add_deadline(self, case_id: int, deadline: Deadline) -> Deadline:
        with self.write():
            self.get_case(case_id)
            saved = self.insert_deadline(case_id, deadline)
            self.refresh_rollups(case_id)
        return saved

    def add_limitation(
        self, case_id: int, claim: str, start: date, jurisdiction: str | None = None
    ) -> tuple[Deadline, Limitation]:
        """A limitation period as a deadline on the case: the domain counts it (with the
        court closures on record), the store writes it. `jurisdiction` defaults to the state
        of the case's court. Refused, with nothing written, when the same period from the
        same day is already open on the case."""
        from docket.limitations import count_limitation, require_claim, require_jurisdiction

        case = self.get_case(case_id)
        if jurisdiction is None:
            court = self.court_of(case)
            if court is None or not court.state:
                raise InputError(
                    "jurisdiction",
                    f"{case.number}'s court does not say which state's periods apply",
                    "NM",
                )
            jurisdiction = court.state
        where = require_jurisdiction(jurisdiction)
        period = require_claim(claim, where)
        closures = {
            date.fromisoformat(day): str(name)
            for day, name in self.query_rows(
                "SELECT day, name FROM court_closures WHERE calendar IN ('', ?)",
                (where.calendar,),
            )
        }
        counted = count_limitation(period, start, where, closures=closures)
        deadline = counted.deadline()
        with self.write():
            if self.query_rows(
                "SELECT 1 FROM deadlines WHERE case_id = ? AND rule = ? AND due_on = ? "
                "AND status = 'open'",
                (case_id, deadline.rule, deadline.due_on.isoformat()),
            ):
                raise Refused(
                    f"{case.number} already has this limitation period open "
                    f"({deadline.title}, {deadline.due_on.isoformat()})",
                    field="claim",
                )
            saved = self.insert_deadline(case_id, deadline)
            self.refresh_rollups(case_id)
        return saved, counted

    def limitations(self, case_id: int | None = None, *, open_only: bool = True) -> list[Deadline]:
        """Limitation periods on record (one case's, or every case's), soonest first."""
        from docket.limitations import RULE_PREFIX

        clauses = ["rule LIKE ?"]
        params: list[object] = [f"{RULE_PREFIX}%"]
        if case_id is not None:
            clauses.append("case_id = ?")
            params.append(case_id)
        if open_only:
            clauses.append("status = 'open'")
        rows = self.query_dicts(
            f"SELECT * FROM deadlines WHERE {' AND '.join(clauses)} ORDER BY due_on, id",
            tuple(params),
        )
        return [deadline_from_row(row) for row in rows]

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
        """Close the rule deadlines a new entry meets, inside the caller's write.

        `docket.triggers` decides which: open ones, and those found past at import (the
        entry shows they were met after all). Each is marked satisfied on the entry's filing
        day, with the entry's id, audited, with a step in its history."""
        from docket import triggers
        from docket.models import DeadlineStatus

        assert filing.id is not None
        rows = self.query_dicts(
            "SELECT * FROM deadlines WHERE case_id = ? AND status IN (?, ?) "
            "AND rule IS NOT NULL ORDER BY due_on, id",
            (case_id, DeadlineStatus.OPEN.value, DeadlineStatus.LAPSED.value),
        )
        if not rows:
            return []
        met = triggers.satisfied_deadlines(filing, [deadline_from_row(row) for row in rows])
        return [self.mark_satisfied(deadline_id, case_id, filing) for deadline_id in met]

    def unmeet_deadlines(self, case_id: int, voided: Filing) -> list[Deadline]:
        """The deadlines a voided entry had met are not met after all: open again (overdue
        when their day has passed; past at import again if that is what they were before the
        entry met them), inside the caller's write, each audited with a step in
        its history. Returns them as they now stand. One that another live entry meets (the
        answer docketed twice, the first voided) is met by that entry instead.

        On a closed matter they go back to withdrawn by its close instead: the close would
        have withdrawn them had the entry never been docketed, and reopening restores them."""
        from docket.models import DeadlineEvent, DeadlineStatus

        assert voided.id is not None
        met = self.deadlines_met_by(voided.id)
        if not met:
            return []
        closing = self._closing_change(case_id)
        reopened = []
        for deadline in met:
            assert deadline.id is not None
            why = f"entry {voided.entry_no} voided"
            other = self.entry_meeting(deadline, not_id=voided.id)
            if other is not None:  # a duplicate answer still answers
                detail = f"{why}; entry {other.entry_no} meets it"
                reopened.append(self.mark_satisfied(deadline.id, case_id, other, detail=detail))
                continue
            status = self.status_before_met(deadline.id, voided.id)
            if closing is not None:
                status = DeadlineStatus.WITHDRAWN
            row = self.update(
                "deadlines",
                deadline.id,
                {
                    "status": status.value,
                    "done_on": None,
                    "satisfied_by_filing_id": None,
                    "updated_at": self.timestamp(),
                },
                case_id=case_id,
            )
            self.record_deadline_event(
                deadline.id,
                case_id,
                DeadlineEvent.REOPENED if closing is None else DeadlineEvent.WITHDRAWN,
                self.clock.today(),
                filing_id=voided.id,
                status_change_id=closing,
                detail=why if closing is None else f"{why}; the matter is closed",
                from_status=DeadlineStatus.SATISFIED,
            )
            reopened.append(deadline_from_row(row))
        return reopened

    def _closing_change(self, case_id: int) -> int | None:
        """The status change that closed the case, when it is closed now."""
        rows = self.query_rows(
            "SELECT s.id FROM cases c JOIN status_changes s ON s.case_id = c.id "
            "WHERE c.id = ? AND c.resolved = 1 AND s.event = 'stage' ORDER BY s.id DESC LIMIT 1",
            (case_id,),
        )
        return int(rows[0][0]) if rows else None

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

    def deadlines_met_by(self, filing_id: int) -> list[Deadline]:
        """The deadlines an entry met when it was docketed: an amended complaint carries the
        original answer date forward when it is later (FRCP 15(a)(3))."""
        rows = self.query_dicts(
            "SELECT * FROM deadlines WHERE satisfied_by_filing_id = ? ORDER BY id", (filing_id,)
        )
        return [deadline_from_row(row) for row in rows]

    def apply_deadline_plan(self, case_id: int, plan: DeadlinePlan) -> list[Deadline]:
        """Write what the rules decided, inside the caller's write.

        Returns every deadline touched: the withdrawn and recounted ones in the order they were
        set, then the new ones, so the change can be announced.
        """
        from docket.models import DeadlineStatus

        changed: list[Deadline] = []
        recount = {item.deadline_id: item for item in plan.recount}
        for deadline_id in sorted({*plan.withdraw, *recount}):
            if deadline_id in recount:
                item = recount[deadline_id]
                changes = {
                    "due_on": item.due.due.isoformat(),
                    "computation": json_text(item.due.steps),
                    "updated_at": self.timestamp(),
                }
                if item.rule is not None:
                    changes.update(
                        rule=item.rule.id, title=item.rule.title, citation=item.rule.citation
                    )
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
