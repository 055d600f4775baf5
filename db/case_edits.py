"""Editing a case: its number, caption, kind, court, judge, summary and dates, in one write.

A case's court decides the rules its deadlines are counted under, so moving it to another
court (or correcting its kind) recounts its open rule deadlines in the same transaction:
`docket.triggers.recount_for_court` decides what moves, what no longer applies and what the
new court's rules add; this module writes it and says what it did, for both front ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from db.filings import FilingStore
from db.hearings import HearingStore
from docket.errors import InputError, Refused

if TYPE_CHECKING:
    from docket.models import Case, Deadline, Filing, Hearing

#: The fields a person edits; stage, disposition and stays change through the status actions.
EDITABLE_CASE_FIELDS = (
    "number",
    "title",
    "kind",
    "court",
    "judge",
    "summary",
    "opened_on",
    "calendar",
    "follow_up_on",
)

#: Fields whose change recounts the open rule deadlines: they pick the rules and the calendar.
_COUNTING_FIELDS = frozenset({"court", "kind", "calendar"})


@dataclass(frozen=True)
class MovedDeadline:
    """An open deadline counted again: as it was, and as it is now."""

    before: Deadline
    after: Deadline


@dataclass(frozen=True)
class CaseEdit:
    """What `edit_case` did: the case before and after, and what happened to its deadlines."""

    before: Case
    saved: Case
    moved: list[MovedDeadline] = field(default_factory=list)
    """Open deadlines whose due date or rule changed."""
    withdrawn: list[Deadline] = field(default_factory=list)
    """Open deadlines no rule of the new court sets (kept, withdrawn, for the history)."""
    added: list[Deadline] = field(default_factory=list)
    """Deadlines the new court's rules set that the old ones did not."""

    @property
    def changed(self) -> list[str]:
        """The fields whose value this edit changed, in the order they are edited."""
        return [
            name
            for name in (*EDITABLE_CASE_FIELDS, "stage")
            if getattr(self.before, name) != getattr(self.saved, name)
        ]


class CaseEditStore(FilingStore, HearingStore):
    def edit_case(
        self, case_id: int, changes: Mapping[str, Any], *, version: int | None = None
    ) -> CaseEdit:
        """Change the named fields of a case, reading it in the transaction that writes it.

        `version`, when given, is the version of the copy a form showed: a case saved since is
        refused (`StaleRecord`). A court must be registered (refused with the closest ids
        otherwise); a new court brings its holiday calendar unless `calendar` is given too. A
        new kind keeps the stage when the new kind's lifecycle has it, and moves a case still
        at its first stage to the new lifecycle's first stage; any other is refused.
        """
        from docket.models import Case, StatusChange

        unknown = sorted(set(changes) - set(EDITABLE_CASE_FIELDS))
        if unknown:
            raise InputError(unknown[0], "is not a field a case edit changes", "title")
        with self.write():
            current = self.get_case(case_id)
            if version is not None:
                self.refuse_if_stale(
                    "cases",
                    case_id,
                    read_version=version,
                    saved_version=current.version,
                    what=f"case {current.number}",
                )
            merged = {**current.model_dump(), **changes}
            merged.update(self._court_change(current, changes))
            edited = Case.model_validate(merged)
            stage = self._stage_for_kind(current, edited)
            edited = edited.model_copy(update={"stage": stage})
            self._refuse_taken_number(current, edited)
            values = edited.model_dump(mode="json", include={*EDITABLE_CASE_FIELDS, "stage"})
            values["court"] = edited.court or ""
            before_values = current.model_dump(mode="json", include=set(values))
            before_values["court"] = current.court or ""
            diff = {k: v for k, v in values.items() if before_values.get(k) != v}
            if not diff:
                return CaseEdit(current, current)
            if "stage" in diff:
                self.record_status(
                    case_id,
                    StatusChange(
                        changed_on=self.clock.today(),
                        from_stage=current.stage,
                        to_stage=stage,
                        note=f"Kind changed from {current.kind.value} to {edited.kind.value}",
                    ),
                )
            self.update(
                "cases",
                case_id,
                {**diff, "updated_at": self.timestamp()},
                case_id=case_id,
                bump_version=True,
            )
            saved = self.get_case(case_id)
            edit = CaseEdit(current, saved)
            if _COUNTING_FIELDS & set(diff):
                edit = self._recount(edit)
            self.refresh_rollups(case_id)
        return edit

    def _court_change(self, current: Case, changes: Mapping[str, Any]) -> dict[str, Any]:
        """The court as registered, and its calendar, when the edit names another court."""
        if "court" not in changes:
            return {}
        text = changes["court"]
        if text is None or not str(text).strip():
            return {"court": None}
        if current.court and str(text).strip() == current.court:
            return {"court": current.court}  # unchanged, registered or not
        court = self.court_registry().require(str(text))
        update: dict[str, Any] = {"court": court.id}
        if "calendar" not in changes:
            update["calendar"] = court.holidays
        return update

    def _stage_for_kind(self, current: Case, edited: Case) -> str:
        from docket.lifecycle import lifecycle_for

        if edited.kind == current.kind:
            return current.stage
        old, new = lifecycle_for(current.kind), lifecycle_for(edited.kind)
        if current.stage in new.stages:
            return current.stage
        if current.stage == old.initial:
            return new.initial
        raise Refused(
            f"a {current.kind.value} matter at stage {current.stage!r} cannot become "
            f"{edited.kind.value}: that lifecycle has no such stage (stages: "
            f"{', '.join(new.stages)}); only a matter at its first stage changes kind freely",
            field="kind",
        )

    def _refuse_taken_number(self, current: Case, edited: Case) -> None:
        if (edited.number, edited.court) == (current.number, current.court):
            return
        taken = self.query_rows(
            "SELECT 1 FROM cases WHERE court = ? AND number = ? AND id != ?",
            (edited.court or "", edited.number, current.id),
        )
        if taken:
            where = f" in court {edited.court}" if edited.court else ""
            raise Refused(f"case {edited.number}{where} already exists", field="number")

    def _recount(self, edit: CaseEdit) -> CaseEdit:
        """Count the case's open rule deadlines again under its rules as they now are."""
        from docket import triggers
        from docket.models import DeadlineStatus

        case = edit.saved
        assert case.id is not None
        filings: list[tuple[Filing, list[Deadline]]] = []
        hearings: list[tuple[Hearing, list[Deadline]]] = []
        rows = self.query_rows(
            "SELECT DISTINCT trigger_filing_id, trigger_hearing_id FROM deadlines "
            "WHERE case_id = ? AND status = 'open' AND rule IS NOT NULL "
            "ORDER BY trigger_filing_id, trigger_hearing_id",
            (case.id,),
        )
        for filing_id, hearing_id in rows:
            if filing_id is not None:
                filings.append(
                    (self.get_filing(filing_id), self.deadlines_set_by(filing_id=filing_id))
                )
            elif hearing_id is not None:
                hearings.append(
                    (self.get_hearing(hearing_id), self.deadlines_set_by(hearing_id=hearing_id))
                )
        before = {d.id: d for _, set_by in (*filings, *hearings) for d in set_by}
        plan = triggers.recount_for_court(case.kind, self.rules_for(case), filings, hearings)
        touched = self.apply_deadline_plan(case.id, plan)
        moved: list[MovedDeadline] = []
        withdrawn: list[Deadline] = []
        added: list[Deadline] = []
        for deadline in touched:
            old = before.get(deadline.id)
            if old is None:
                added.append(deadline)
            elif deadline.status == DeadlineStatus.WITHDRAWN:
                withdrawn.append(deadline)
            elif (old.due_on, old.rule) != (deadline.due_on, deadline.rule):
                moved.append(MovedDeadline(old, deadline))
        return CaseEdit(edit.before, edit.saved, moved, withdrawn, added)
