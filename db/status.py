"""The ongoing status of a matter: stage changes along its lifecycle, stays, and notes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from db.cases import CaseStore
from db.mapping import note_from_row, status_from_row, status_values
from db.rows import PAGE_SIZE
from docket.errors import InputError, Refused

if TYPE_CHECKING:
    from docket.models import Case, Note, StatusChange


class StatusStore(CaseStore):
    def record_status(self, case_id: int, change: StatusChange) -> StatusChange:
        """Add a row to the case's history (inside a write that also moves the case)."""
        values = status_values(change, created_by=self.user)
        values.update(case_id=case_id, created_at=self.timestamp())
        return status_from_row(self.insert("status_changes", values, case_id=case_id))

    def change_stage(
        self,
        case_id: int,
        to_stage: str,
        *,
        on: date | None = None,
        note: str | None = None,
        disposition: str | None = None,
        source: str | None = None,
    ) -> StatusChange:
        """Move a matter along its lifecycle; refused (with the allowed moves) if not allowed."""
        from docket.lifecycle import REOPEN, lifecycle_for
        from docket.models import StatusChange

        day = on or self.clock.today()
        to_stage = to_stage.strip().lower()
        with self.write():
            case = self.get_case(case_id)
            cycle = lifecycle_for(case.kind)
            if to_stage == REOPEN:
                return self._reopen(case, day, note, source)
            cycle.check_move(case.stage, to_stage, disposition)
            resolved = cycle.is_resolved(to_stage)
            if resolved and case.opened_on and day < case.opened_on:
                raise InputError(
                    "changed_on",
                    f"{case.number} was opened on {case.opened_on.isoformat()}; "
                    "it cannot close before that",
                    case.opened_on.isoformat(),
                )
            if resolved and case.stay_reason:
                # The history must show the stay ending, not just stop mentioning it.
                self._record_lift(case, day, f"Stay ended by closing ({case.stay_reason})", source)
            change = self.record_status(
                case_id,
                StatusChange(
                    changed_on=day,
                    from_stage=case.stage,
                    to_stage=to_stage,
                    disposition=disposition if resolved else None,
                    note=note,
                    source=source,
                ),
            )
            changes: dict[str, Any] = {"stage": to_stage, "resolved": int(resolved)}
            if resolved:
                changes.update(
                    disposition=disposition,
                    closed_on=day.isoformat(),
                    stay_reason=None,
                    stayed_on=None,
                    stay_until=None,
                )
            self.touch_case(case_id, **changes)
            if resolved:
                withdrawn = self._withdraw_open_deadlines(case_id)
                change = change.model_copy(update={"withdrawn_deadlines": withdrawn})
            self.refresh_rollups(case_id)
            return change

    def _withdraw_open_deadlines(self, case_id: int) -> int:
        """A closed matter has nothing left to meet: its open deadlines are withdrawn, each
        audited and kept for the history, inside the closing write. Returns how many."""
        from docket.models import DeadlineStatus

        ids = [
            int(row["id"])
            for row in self.query_dicts(
                "SELECT id FROM deadlines WHERE case_id = ? AND status = 'open' ORDER BY id",
                (case_id,),
            )
        ]
        for deadline_id in ids:
            self.update(
                "deadlines",
                deadline_id,
                {"status": DeadlineStatus.WITHDRAWN.value, "updated_at": self.timestamp()},
                case_id=case_id,
            )
        return len(ids)

    def _reopen(self, case: Case, day: date, note: str | None, source: str | None) -> StatusChange:
        from docket.lifecycle import lifecycle_for
        from docket.models import StatusChange

        assert case.id is not None
        cycle = lifecycle_for(case.kind)
        if not cycle.is_resolved(case.stage):
            raise Refused(
                f"{case.number} is at stage {case.stage}, not closed; "
                "only a closed matter is reopened",
                field="stage",
            )
        if not (note and note.strip()):
            raise InputError("note", "reopening needs a note saying why", "new evidence reported")
        change = self.record_status(
            case.id,
            StatusChange(
                changed_on=day,
                from_stage=case.stage,
                to_stage=cycle.reopen_to,
                event="reopen",
                note=note,
                source=source,
            ),
        )
        self.touch_case(
            case.id, stage=cycle.reopen_to, resolved=0, disposition=None, closed_on=None
        )
        self.refresh_rollups(case.id)
        return change

    def stay(
        self,
        case_id: int,
        reason: str,
        *,
        on: date | None = None,
        until: date | None = None,
        source: str | None = None,
    ) -> StatusChange:
        """Put proceedings on hold without leaving the current stage."""
        from docket.lifecycle import lifecycle_for
        from docket.models import StatusChange

        day = on or self.clock.today()
        if not reason.strip():
            raise InputError("reason", "a stay needs a reason", "stayed pending appeal")
        with self.write():
            case = self.get_case(case_id)
            if lifecycle_for(case.kind).is_resolved(case.stage):
                raise Refused(
                    f"{case.number} is at stage {case.stage}; a stay needs an open matter",
                    field="stage",
                )
            if case.stay_reason:
                raise Refused(
                    f"{case.number} is already stayed ({case.stay_reason})", field="stage"
                )
            change = self.record_status(
                case_id,
                StatusChange(
                    changed_on=day,
                    from_stage=case.stage,
                    to_stage=case.stage,
                    event="stay",
                    note=reason,
                    source=source,
                ),
            )
            self.touch_case(
                case_id,
                stay_reason=reason.strip(),
                stayed_on=day.isoformat(),
                stay_until=None if until is None else until.isoformat(),
            )
            self.refresh_rollups(case_id)
            return change

    def lift_stay(
        self,
        case_id: int,
        *,
        on: date | None = None,
        note: str | None = None,
        source: str | None = None,
    ) -> StatusChange:
        day = on or self.clock.today()
        with self.write():
            case = self.get_case(case_id)
            if not case.stay_reason:
                raise Refused(
                    f"{case.number} is not stayed (its stage is {case.stage}); "
                    "there is no stay to lift",
                    field="stage",
                )
            change = self._record_lift(
                case, day, note or f"Stay lifted ({case.stay_reason})", source
            )
            self.touch_case(case_id, stay_reason=None, stayed_on=None, stay_until=None)
            self.refresh_rollups(case_id)
            return change

    def _record_lift(self, case: Case, day: date, note: str, source: str | None) -> StatusChange:
        from docket.models import StatusChange

        assert case.id is not None
        return self.record_status(
            case.id,
            StatusChange(
                changed_on=day,
                from_stage=case.stage,
                to_stage=case.stage,
                event="lift",
                note=note,
                source=source,
            ),
        )

    def status_history(self, case_id: int) -> list[StatusChange]:
        rows = self.query_dicts(
            "SELECT * FROM status_changes WHERE case_id = ? ORDER BY changed_on, id", (case_id,)
        )
        return [status_from_row(row) for row in rows]

    # ------------------------------------------------------------------ notes

    def add_note(
        self, case_id: int, text: str, *, on: date | None = None, source: str | None = None
    ) -> Note:
        from docket.models import Note

        note = Note(
            case_id=case_id,
            noted_on=on or self.clock.today(),
            text=text,
            source=source,
            created_by=self.user,
        )
        values = note.model_dump(mode="json", exclude={"id"})
        values["created_at"] = self.timestamp()
        with self.write():
            self.get_case(case_id)
            row = self.insert("notes", values, case_id=case_id)
            self.refresh_rollups(case_id)
        return note_from_row(row)

    def notes(self, case_id: int, *, limit: int = PAGE_SIZE) -> list[Note]:
        rows = self.query_dicts(
            "SELECT * FROM notes WHERE case_id = ? ORDER BY noted_on DESC, id DESC LIMIT ?",
            (case_id, limit),
        )
        return [note_from_row(row) for row in rows]

    def count_notes(self, case_id: int) -> int:
        return int(
            self.query_rows("SELECT count(*) FROM notes WHERE case_id = ?", (case_id,))[0][0]
        )
