"""Hearings: scheduled, moved, held, continued; a motion hearing sets before-hearing deadlines
(`docket.triggers` decides which and when; imported where used, as db.filings explains)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING

from db.closures import ClosureStore
from db.deadlines import DeadlineStore
from db.mapping import hearing_from_row, hearing_values
from db.rows import PAGE_SIZE
from docket.errors import InputError, NotFound, Refused

if TYPE_CHECKING:
    from docket.models import Deadline, Hearing, HearingStatus


class Unchanged(Enum):
    """Marks an optional field the caller leaves as it is (None would clear it)."""

    KEEP = "keep"


UNCHANGED = Unchanged.KEEP


@dataclass(frozen=True)
class HearingChange:
    """What one change to a hearing did, for the front end to report."""

    hearing: Hearing
    """The hearing as saved; after a continuance, the old row, now `continued`."""
    recounted: list[Deadline]
    """Before-hearing deadlines that moved with it."""
    withdrawn: list[Deadline]
    """Deadlines it no longer sets (it was held, vacated, cancelled or continued)."""
    scheduled: Hearing | None = None
    """The new hearing a continuance scheduled."""
    created: list[Deadline] = field(default_factory=list)
    """The deadlines the new hearing set."""


class HearingStore(DeadlineStore, ClosureStore):
    def add_hearing(self, case_id: int, hearing: Hearing) -> tuple[Hearing, list[Deadline]]:
        from docket import triggers

        values = hearing_values(hearing)
        now = self.timestamp()
        values.update(case_id=case_id, created_at=now, updated_at=now)
        with self.write():
            case = self.get_case(case_id)
            saved = hearing_from_row(self.insert("hearings", values, case_id=case_id))
            court_rules = self.rules_for(case)
            rules = triggers.hearing_rules_for(saved, case.kind, court_rules.rule_set.id)
            deadlines = triggers.hearing_deadlines(saved, rules, court_rules) if rules else []
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
        status says so) when it is no longer scheduled. A copy read before someone else saved
        the hearing is refused (`StaleRecord`), as `update_filing` explains."""
        from docket import triggers
        from docket.models import Hearing

        # model_copy(update=...) skips validation: check what is about to be saved.
        hearing = Hearing.model_validate(dict(hearing))
        if hearing.id is None:
            raise NotFound("the hearing has not been saved yet", field="id")
        values = hearing_values(hearing)
        with self.write():
            current = self.get_hearing(hearing.id)
            assert current.case_id is not None
            self.refuse_if_stale(
                "hearings",
                hearing.id,
                read_version=hearing.version,
                saved_version=current.version,
                what=f"the hearing of {_when(current)}",
            )
            values["updated_at"] = self.timestamp()
            saved = hearing_from_row(
                self.update(
                    "hearings", hearing.id, values, case_id=current.case_id, bump_version=True
                )
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
                    self.rules_for(self.get_case(current.case_id)),
                    self.deadlines_set_by(hearing_id=hearing.id),
                )
            changed = self.apply_deadline_plan(current.case_id, plan)
            self.refresh_rollups(current.case_id)
        return saved, changed

    def change_hearing(
        self,
        hearing_id: int,
        *,
        case_id: int | None = None,
        status: HearingStatus | None = None,
        starts_at: datetime | None = None,
        kind: str | None = None,
        location: str | None | Unchanged = UNCHANGED,
        outcome: str | None | Unchanged = UNCHANGED,
        continued_to: datetime | None = None,
        version: int | None = None,
    ) -> HearingChange:
        """Record what happened to a hearing, in one transaction: a new time, a status, an
        outcome, or a continuance to a new time. The one way both front ends change a hearing.

        A continuance keeps the old row (status `continued`, `continued_to` set, its
        before-hearing deadlines withdrawn) so the docket still shows what was set and why it
        moved, and schedules a new hearing at `continued_to` with the kind, place and judge
        carried forward and deadlines of its own. Moving a hearing moves its end with it and
        recounts its deadlines; a hearing no longer scheduled withdraws them.

        The hearing is read in the transaction that writes it and only the fields given are
        changed, so a change to other fields made meanwhile is kept. `version`, when given, is
        the version of the copy a form showed: a hearing saved since is refused
        (`StaleRecord`), since what the form shows for it is no longer what is saved.
        """
        from docket.models import DeadlineStatus

        edits: dict[str, object] = {}
        if kind is not None:
            edits["kind"] = kind
        if not isinstance(location, Unchanged):
            edits["location"] = location
        if not isinstance(outcome, Unchanged):
            edits["outcome"] = outcome
        with self.write():
            current = self.get_hearing(hearing_id)
            if case_id is not None and current.case_id != case_id:
                raise NotFound(f"hearing {hearing_id} is not on this case", field="id")
            if version is not None:
                self.refuse_if_stale(
                    "hearings",
                    hearing_id,
                    read_version=version,
                    saved_version=current.version,
                    what=f"the hearing of {_when(current)}",
                )
            if continued_to is not None:
                return self._continue(current, continued_to, status, starts_at, edits)
            if status is not None:
                edits["status"] = status
            if starts_at is not None:
                edits["starts_at"] = starts_at
                if current.ends_at is not None:
                    edits["ends_at"] = starts_at + (current.ends_at - current.starts_at)
            saved, touched = self.update_hearing(current.model_copy(update=edits))
        withdrawn = [d for d in touched if d.status == DeadlineStatus.WITHDRAWN]
        recounted = [d for d in touched if d.status != DeadlineStatus.WITHDRAWN]
        return HearingChange(saved, recounted, withdrawn)

    def _continue(
        self,
        current: Hearing,
        to: datetime,
        status: HearingStatus | None,
        starts_at: datetime | None,
        edits: dict[str, object],
    ) -> HearingChange:
        from docket.models import Hearing, HearingStatus

        if status not in (None, HearingStatus.CONTINUED):
            raise InputError("continued_to", "goes with the status continued", "2027-01-12 9:30am")
        if starts_at is not None:
            raise InputError(
                "starts_at",
                "cannot change with a continuance; the continuance sets the new time",
                "2027-01-12 9:30am",
            )
        if current.status != HearingStatus.SCHEDULED:
            raise Refused(
                f"hearing {current.id} is {current.status.value}; "
                "only a scheduled hearing is continued",
                field="id",
            )
        if to.tzinfo is None:
            to = to.astimezone()
        if to == current.starts_at:
            raise InputError("continued_to", "is the hearing's present time", "2027-01-12 9:30am")
        assert current.case_id is not None
        kept = current.model_copy(update=edits)
        ends_at = None
        if current.ends_at is not None:
            ends_at = to + (current.ends_at - current.starts_at)
        old, withdrawn = self.update_hearing(
            kept.model_copy(update={"status": HearingStatus.CONTINUED, "continued_to": to})
        )
        new, created = self.add_hearing(
            current.case_id,
            Hearing(
                starts_at=to,
                ends_at=ends_at,
                kind=kept.kind,
                location=kept.location,
                judge=kept.judge,
            ),
        )
        return HearingChange(old, [], withdrawn, new, created)


def _when(hearing: Hearing) -> str:
    return hearing.starts_at.strftime("%Y-%m-%d %H:%M")
