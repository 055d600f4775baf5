"""The ongoing status of a matter: stage changes along its lifecycle, stays, and notes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from db.deadline_history import DeadlineHistoryStore
from db.mapping import note_from_row, status_from_row, status_values
from db.parties import PartyStore
from db.rows import PAGE_SIZE
from docket.errors import InputError, Refused

if TYPE_CHECKING:
    from docket.models import (
        Case,
        CaseParty,
        Note,
        StatusChange,
    )

#: The longest a combined disposition may be (the column holds one line of text).
_DISPOSITION_MOST = 500


class StatusStore(DeadlineHistoryStore, PartyStore):
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
        reported_on: date | None = None,
    ) -> StatusChange:
        """Move a matter along its lifecycle; refused (with the allowed moves) if not allowed.

        `reported_on` is the date of the source that reported the change, when a report is
        what it is known from. Closing the case closes each defendant still moving on their
        own with the same disposition, in the same write.
        """
        from docket.lifecycle import REOPEN, lifecycle_for
        from docket.models import StatusChange

        day = on or self.clock.today()
        with self.write():
            case = self.get_case(case_id)
            cycle = lifecycle_for(case.kind)
            to_stage = cycle.stage_named(to_stage)
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
            if resolved:
                assert disposition is not None
                change = self._close(
                    case,
                    to_stage,
                    day,
                    disposition=disposition,
                    note=note,
                    source=source,
                    reported_on=reported_on,
                )
            else:
                change = self.record_status(
                    case_id,
                    StatusChange(
                        changed_on=day,
                        from_stage=case.stage,
                        to_stage=to_stage,
                        note=note,
                        source=source,
                        reported_on=reported_on,
                    ),
                )
                self.touch_case(case_id, stage=to_stage, resolved=0)
            self.refresh_rollups(case_id)
            return change

    def _close(
        self,
        case: Case,
        to_stage: str,
        day: date,
        *,
        disposition: str,
        note: str | None,
        source: str | None,
        reported_on: date | None = None,
    ) -> StatusChange:
        """Close a matter, inside its write: a stay it was under ends in the history, the
        defendants still moving close with it, and its open deadlines are withdrawn (the
        returned change says how many). The one way a matter closes, whether a person closes
        it or its last defendant's resolution does."""
        from docket.models import StatusChange

        assert case.id is not None
        if case.stay_reason:
            # The history must show the stay ending, not just stop mentioning it.
            self._record_lift(case, day, f"Stay ended by closing ({case.stay_reason})", source)
        change = self.record_status(
            case.id,
            StatusChange(
                changed_on=day,
                from_stage=case.stage,
                to_stage=to_stage,
                disposition=disposition,
                note=note,
                source=source,
                reported_on=reported_on,
            ),
        )
        self.touch_case(
            case.id,
            stage=to_stage,
            resolved=1,
            disposition=disposition,
            closed_on=max(day, case.opened_on or day).isoformat(),
            stay_reason=None,
            stayed_on=None,
            stay_until=None,
        )
        self._close_moving_defendants(case, to_stage, day, disposition, source)
        withdrawn = self._withdraw_open_deadlines(case.id, change)
        return change.model_copy(update={"withdrawn_deadlines": withdrawn})

    def _withdraw_open_deadlines(self, case_id: int, close: StatusChange) -> int:
        """A closed matter has nothing left to meet: its open deadlines are withdrawn, each
        audited and kept for the history (which names the close, so reopening the matter
        restores them), inside the closing write. Returns how many."""
        from docket.models import DeadlineEvent, DeadlineStatus

        assert close.id is not None
        why = f"matter closed ({close.disposition})" if close.disposition else "matter closed"
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
            self.record_deadline_event(
                deadline_id,
                case_id,
                DeadlineEvent.WITHDRAWN,
                close.changed_on,
                status_change_id=close.id,
                detail=why,
            )
        return len(ids)

    def _restore_withdrawn_by_close(self, case_id: int, reopening: StatusChange) -> int:
        """Reopening a matter puts back the deadlines its close withdrew, open again (overdue
        when their day has passed), each audited with a history step; returns how many. One
        met by an entry docketed while the matter was closed comes back met by it.

        A deadline whose entry was voided, or whose hearing came off the calendar, while the
        matter was closed stays withdrawn: it would have been withdrawn anyway."""
        from docket.models import DeadlineEvent, DeadlineStatus

        assert reopening.id is not None
        restored = 0
        for deadline in self.withdrawn_by_close(case_id):
            assert deadline.id is not None
            if not self._trigger_stands(deadline.trigger_filing_id, deadline.trigger_hearing_id):
                continue
            restored += 1
            entry = self.entry_meeting(deadline)
            if entry is not None:  # docketed while the matter was closed
                self.mark_satisfied(
                    deadline.id, case_id, entry, detail="matter reopened; met while closed"
                )
                continue
            self.update(
                "deadlines",
                deadline.id,
                {"status": DeadlineStatus.OPEN.value, "updated_at": self.timestamp()},
                case_id=case_id,
            )
            self.record_deadline_event(
                deadline.id,
                case_id,
                DeadlineEvent.REOPENED,
                reopening.changed_on,
                status_change_id=reopening.id,
                detail="matter reopened",
            )
        return restored

    def _trigger_stands(self, filing_id: int | None, hearing_id: int | None) -> bool:
        """Whether the entry or hearing a deadline was counted from still sets it."""
        if filing_id is not None:
            rows = self.query_rows("SELECT voided_at FROM filings WHERE id = ?", (filing_id,))
            return bool(rows) and rows[0][0] is None
        if hearing_id is not None:
            rows = self.query_rows("SELECT status FROM hearings WHERE id = ?", (hearing_id,))
            return bool(rows) and rows[0][0] == "scheduled"
        return True

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
        restored = self._restore_withdrawn_by_close(case.id, change)
        self.refresh_rollups(case.id)
        return change.model_copy(update={"restored_deadlines": restored})

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
        """The case's dated history, its defendants' steps among its own (each naming them)."""
        rows = self.query_dicts(
            "SELECT s.*, p.name AS party FROM status_changes s "
            "LEFT JOIN case_parties cp ON cp.id = s.case_party_id "
            "LEFT JOIN parties p ON p.id = cp.party_id "
            "WHERE s.case_id = ? ORDER BY s.changed_on, s.id",
            (case_id,),
        )
        return [status_from_row(row) for row in rows]

    def reported_status(self, case_id: int) -> StatusChange | None:
        """The step that put the case at its current stage, when a source reported it: the
        screens and the sheet say the stage is "as reported" on that source's date."""
        rows = self.query_dicts(
            "SELECT * FROM status_changes WHERE case_id = ? AND case_party_id IS NULL "
            "AND event IN ('open', 'stage', 'reopen') ORDER BY changed_on DESC, id DESC LIMIT 1",
            (case_id,),
        )
        if not rows or rows[0]["reported_on"] is None:
            return None
        return status_from_row(rows[0])

    # ------------------------------------------------------------------ defendants

    def defendants(self, case_id: int) -> list[CaseParty]:
        """The case's defendants, each with their own stage when they have one."""
        from docket.models import PartyRole

        return [p for p in self.case_parties(case_id) if p.role == PartyRole.DEFENDANT]

    def find_defendant(self, case_id: int, name: str) -> CaseParty:
        """The defendant a person named: the exact name, else one whose name contains what was
        typed (`Doe` for `Alpha Doe`) when only one does."""
        wanted = name.strip().casefold()
        found = self.defendants(case_id)
        if not found:
            raise Refused(
                "this case has no defendants yet; add each as a party with the role defendant",
                field="party",
            )
        exact = [p for p in found if p.name.casefold() == wanted]
        near = exact or [p for p in found if wanted and wanted in p.name.casefold()]
        if len(near) == 1:
            return near[0]
        names = ", ".join(p.name for p in found)
        if not near:
            raise InputError("party", f"{name.strip()!r} is not a defendant here", names)
        raise InputError("party", f"{name.strip()!r} matches several defendants", names)

    def change_party_stage(
        self,
        case_id: int,
        link_id: int,
        to_stage: str,
        *,
        on: date | None = None,
        note: str | None = None,
        disposition: str | None = None,
        source: str | None = None,
        reported_on: date | None = None,
    ) -> StatusChange:
        """Move one defendant along the case's lifecycle, from their own stage (or the case's,
        until they have one). When the last defendant is resolved, the case is too: it
        closes with their dispositions, in the same write."""
        from docket.lifecycle import REOPEN, lifecycle_for
        from docket.models import PartyRole, StatusChange

        day = on or self.clock.today()
        with self.write():
            case = self.get_case(case_id)
            link = self.get_case_party(link_id)
            if link.case_id != case_id or link.role != PartyRole.DEFENDANT:
                raise Refused(f"{link.name} is not a defendant in {case.number}", field="party")
            cycle = lifecycle_for(case.kind)
            to_stage = cycle.stage_named(to_stage)
            current = link.stage or case.stage
            if to_stage == REOPEN:
                if cycle.is_resolved(case.stage):
                    raise Refused(f"{case.number} is closed; reopen the case first", field="stage")
                if not cycle.is_resolved(current):
                    raise Refused(
                        f"{link.name} is at stage {current}, not closed; "
                        "only a closed defendant is reopened",
                        field="stage",
                    )
                if not (note and note.strip()):
                    raise InputError("note", "reopening needs a note saying why", "plea withdrawn")
                to_stage, event, disposition = cycle.reopen_to, "reopen", None
            else:
                if cycle.is_resolved(case.stage) and not cycle.is_resolved(current):
                    current = case.stage  # the whole case closed with them in it
                cycle.check_move(current, to_stage, disposition)
                event = "stage"
            resolved = cycle.is_resolved(to_stage)
            change = self.record_status(
                case_id,
                StatusChange(
                    changed_on=day,
                    from_stage=current,
                    to_stage=to_stage,
                    event=event,
                    disposition=disposition if resolved else None,
                    note=note,
                    source=source,
                    reported_on=reported_on,
                    case_party_id=link_id,
                ),
            )
            self.update(
                "case_parties",
                link_id,
                {
                    "stage": to_stage,
                    "disposition": disposition if resolved else None,
                    "stage_on": day.isoformat(),
                },
                case_id=case_id,
            )
            self.touch_case(case_id)
            if resolved:
                self._close_if_every_defendant_is(case, day, source)
            self.refresh_rollups(case_id)
            return change.model_copy(update={"party": link.name})

    def _close_if_every_defendant_is(self, case: Case, day: date, source: str | None) -> None:
        from docket.lifecycle import lifecycle_for

        assert case.id is not None
        cycle = lifecycle_for(case.kind)
        if cycle.is_resolved(case.stage):
            return
        defendants = self.defendants(case.id)
        if not all(d.stage and cycle.is_resolved(d.stage) for d in defendants):
            return
        dispositions = {d.disposition for d in defendants}
        if len(dispositions) == 1:
            combined = str(dispositions.pop())
        else:
            combined = "; ".join(f"{d.name}: {d.disposition}" for d in defendants)
        if len(combined) > _DISPOSITION_MOST:
            combined = combined[: _DISPOSITION_MOST - 1] + "…"
        self._close(
            case,
            sorted(cycle.terminal)[0],
            day,
            disposition=combined,
            note="Every defendant's part of the case is resolved",
            source=source,
        )

    def _close_moving_defendants(
        self, case: Case, closing: str, day: date, disposition: str, source: str | None
    ) -> None:
        """Closing a whole case ends it for each defendant still moving on their own."""
        from docket.lifecycle import lifecycle_for
        from docket.models import StatusChange

        assert case.id is not None
        cycle = lifecycle_for(case.kind)
        for defendant in self.defendants(case.id):
            if not defendant.stage or cycle.is_resolved(defendant.stage):
                continue
            assert defendant.id is not None
            self.record_status(
                case.id,
                StatusChange(
                    changed_on=day,
                    from_stage=defendant.stage,
                    to_stage=closing,
                    disposition=disposition,
                    note="Closed with the case",
                    source=source,
                    case_party_id=defendant.id,
                ),
            )
            self.update(
                "case_parties",
                defendant.id,
                {"stage": closing, "disposition": disposition, "stage_on": day.isoformat()},
                case_id=case.id,
            )

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

    def has_notes(self, case_id: int) -> bool:
        """Whether the case has any note: one index probe, however many it has."""
        return bool(self.query_rows("SELECT 1 FROM notes WHERE case_id = ? LIMIT 1", (case_id,)))

    def count_notes(self, case_id: int) -> int:
        return int(
            self.query_rows("SELECT count(*) FROM notes WHERE case_id = ?", (case_id,))[0][0]
        )
