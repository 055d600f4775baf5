"""Hearings: scheduled, moved, held, continued; a motion hearing sets before-hearing deadlines
(`docket.triggers` decides which and when; imported where used, as db.filings explains)."""

from __future__ import annotations

from datetime import datetime

from db.closures import ClosureStore
from db.deadlines import DeadlineStore
from db.mapping import hearing_from_row, hearing_values
from db.rows import PAGE_SIZE
from docket.errors import InputError, NotFound, Refused
from docket.models import Deadline, Hearing, HearingStatus


class HearingStore(DeadlineStore, ClosureStore):
    def add_hearing(self, case_id: int, hearing: Hearing) -> tuple[Hearing, list[Deadline]]:
        from docket import triggers

        values = hearing_values(hearing)
        now = self.timestamp()
        values.update(case_id=case_id, created_at=now, updated_at=now)
        with self.write():
            case = self.get_case(case_id)
            saved = hearing_from_row(self.insert("hearings", values, case_id=case_id))
            rules = triggers.hearing_rules_for(saved, case.kind)
            deadlines = (
                triggers.hearing_deadlines(saved, rules, self.calendar_for(case)) if rules else []
            )
            created = [self.insert_deadline(case_id, deadline) for deadline in deadlines]
            self.refresh_rollups(case_id)
        return saved, created

    def get_hearing(self, hearing_id: int) -> Hearing:
        return hearing_from_row(self.row_by_id("hearings", hearing_id))

    def hearings(self, case_id: int, *, limit: int = PAGE_SIZE) -> list[Hearing]:
        rows = self.query_dicts(
            "SELECT * FROM hearings WHERE case_id = ? ORDER BY starts_utc, id LIMIT ?",
            (case_id, limit),
        )
        return [hearing_from_row(row) for row in rows]

    def update_hearing(self, hearing: Hearing) -> tuple[Hearing, list[Deadline]]:
        """Save a hearing's new time, status or outcome; its before-hearing deadlines follow.

        Returns the hearing and the deadlines touched: recounted when it moved, withdrawn (their
        status says so) when it is no longer scheduled."""
        from docket import triggers

        # model_copy(update=...) skips validation: check what is about to be saved.
        hearing = Hearing.model_validate(dict(hearing))
        if hearing.id is None:
            raise NotFound("the hearing has not been saved yet", field="id")
        values = hearing_values(hearing)
        with self.write():
            current = self.get_hearing(hearing.id)
            assert current.case_id is not None
            values["updated_at"] = self.timestamp()
            saved = hearing_from_row(
                self.update("hearings", hearing.id, values, case_id=current.case_id)
            )
            change = triggers.hearing_change(current, saved)
            plan = triggers.DeadlinePlan()
            if change == triggers.TriggerChange.WITHDRAW:
                plan = triggers.withdraw_open_deadlines(
                    self.deadlines_set_by(hearing_id=hearing.id)
                )
            elif change == triggers.TriggerChange.RECOUNT:
                plan = triggers.recount_hearing_deadlines(
                    saved,
                    self.calendar_for(self.get_case(current.case_id)),
                    self.deadlines_set_by(hearing_id=hearing.id),
                )
            changed = self.apply_deadline_plan(current.case_id, plan)
            self.refresh_rollups(current.case_id)
        return saved, changed

    def continue_hearing(
        self, hearing_id: int, to: datetime, outcome: str | None = None
    ) -> tuple[Hearing, Hearing]:
        """Continue a scheduled hearing to a new time, in one transaction.

        The continued hearing keeps its row (status `continued`, `continued_to` set, its
        before-hearing deadlines withdrawn) so the docket still shows what was set and why it
        moved; a new scheduled hearing at `to` carries the kind, place and judge forward and
        gets its own deadlines. Returns (the continued hearing, the new one).
        """
        if to.tzinfo is None:
            to = to.astimezone()
        with self.write():
            current = self.get_hearing(hearing_id)
            if current.status != HearingStatus.SCHEDULED:
                raise Refused(
                    f"hearing {hearing_id} is {current.status.value}; "
                    "only a scheduled hearing is continued",
                    field="id",
                )
            if to == current.starts_at:
                raise InputError(
                    "continued_to", "is the hearing's present time", "2027-01-12 9:30am"
                )
            assert current.case_id is not None
            ends_at = None
            if current.ends_at is not None:
                ends_at = to + (current.ends_at - current.starts_at)
            old, _withdrawn = self.update_hearing(
                current.model_copy(
                    update={
                        "status": HearingStatus.CONTINUED,
                        "continued_to": to,
                        "outcome": outcome if outcome is not None else current.outcome,
                    }
                )
            )
            new, _created = self.add_hearing(
                current.case_id,
                Hearing(
                    starts_at=to,
                    ends_at=ends_at,
                    kind=current.kind,
                    location=current.location,
                    judge=current.judge,
                ),
            )
        return old, new
