"""Which deadlines a docket entry or a hearing sets, and when: decided here, written by the store.

Given the case's kind, the trigger (a saved entry or hearing), the court calendar with its
closures and, when the trigger changes, the deadlines it has already set, these functions say
what to create, what to recount and what to withdraw. They read and write nothing, so the store
applies their answer inside one transaction and a test checks it against dates counted by hand.

The store asks in two steps (which rules, then their dates) so that a filing that starts no
period never builds a calendar: a state calendar's first use loads the `holidays` package.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import partial

from docket.calendars import CourtCalendar
from docket.dates import format_day
from docket.deadlines import DueDate
from docket.errors import NotFound
from docket.models import CaseKind, Deadline, DeadlineStatus, Filing, Hearing, HearingStatus
from docket.rules import (
    CourtRules,
    Rule,
    compute_rule_deadline,
    hearing_rules,
    load_rules,
    local_rule,
    rule_by_id,
    rules_triggered_by,
)


class TriggerChange(StrEnum):
    """What an edit to a docket entry or a hearing does to the deadlines it set."""

    NONE = "none"
    """Nothing that counts them changed (a new title, a new outcome)."""
    RECOUNT = "recount"
    """A date, the service or the type changed: count them again."""
    WITHDRAW = "withdraw"
    """The entry was voided or the hearing is off the calendar: withdraw the open ones."""


@dataclass(frozen=True)
class Recount:
    """An open deadline whose trigger moved: its new due date and how it was counted."""

    deadline_id: int
    due: DueDate
    rule: Rule | None = None
    """The rule it is counted under from now on, when that is another rule than before (the
    case moved to a court with other rules): its id, title and citation replace the old."""


@dataclass(frozen=True)
class DeadlinePlan:
    """What a changed trigger does to its deadlines; withdrawn ones stay, for the history."""

    create: tuple[Deadline, ...] = ()
    recount: tuple[Recount, ...] = ()
    withdraw: tuple[int, ...] = ()
    """Ids of open deadlines to withdraw."""


# ---------------------------------------------------------------------- new triggers


Counted = CourtCalendar | CourtRules
"""What a count runs under: a court's rules, or a bare calendar (the federal rules, no court)."""


def _rule_set_of(counted: Counted) -> str:
    return counted.rule_set.id if isinstance(counted, CourtRules) else "federal"


def _as_in_court(rule: Rule, counted: Counted) -> Rule:
    """The rule with the court's local period and citation, where it has one."""
    return local_rule(rule, counted.court_id) if isinstance(counted, CourtRules) else rule


def filing_rules(
    filing: Filing,
    kind: CaseKind,
    rule_set: str = "federal",
    *,
    united_states_party: bool = False,
) -> list[Rule]:
    """The rules a docket entry starts in a case of `kind` in a court counting under
    `rule_set`; a voided entry starts none."""
    if filing.voided:
        return []
    return rules_triggered_by(
        filing.doc_type, kind, rule_set, united_states_party=united_states_party
    )


def hearing_rules_for(hearing: Hearing, kind: CaseKind, rule_set: str = "federal") -> list[Rule]:
    """The periods counted back from this kind of hearing: FRCP 6(c) from a motion hearing,
    26(a)(2)(D) and 26(a)(3) from a trial, 26(f) from a scheduling conference."""
    return hearing_rules(kind, rule_set, hearing.kind)


def count_filing_rule(
    rule: Rule, filing: Filing, calendar: Counted, replaced: Sequence[Deadline] = ()
) -> DueDate:
    """One rule's due date counted from the entry's filing or service date.

    `replaced` are the deadlines the entry closed when it was docketed: under a rule with
    `later_of` (FRCP 15(a)(3)) the later of its own count and theirs is due.
    """
    due = compute_rule_deadline(
        rule,
        filed_on=filing.filed_on,
        served_on=filing.served_on,
        service=filing.service,
        calendar=calendar,
    )
    return _later_of_replaced(rule, due, replaced)


def _later_of_replaced(rule: Rule, due: DueDate, replaced: Sequence[Deadline]) -> DueDate:
    earlier = [d for d in replaced if d.rule in rule.later_of]
    if not earlier:
        return due
    latest = max(earlier, key=lambda d: d.due_on)
    original = f"deadline #{latest.id}, {latest.title}" + (
        f" ({latest.citation})" if latest.citation else ""
    )
    if latest.due_on <= due.due:
        step = (
            f"The time left to respond to the original pleading ran to "
            f"{format_day(latest.due_on)} ({original}): not later, so the count above governs"
        )
        last_due = max(i for i, s in enumerate(due.steps) if s.startswith("Due: "))
        return due.model_copy(
            update={"steps": [*due.steps[:last_due], step, *due.steps[last_due:]]}
        )
    # The later date replaces the count's own "Due:" step; the court's summary stays last.
    last_due = max(i for i, step in enumerate(due.steps) if step.startswith("Due: "))
    steps = [
        *due.steps[:last_due],
        f"The time left to respond to the original pleading runs to "
        f"{format_day(latest.due_on)} ({original}), later than {format_day(due.due)}: "
        f"the later date governs ({rule.citation})",
        f"Due: {format_day(latest.due_on)}",
        *due.steps[last_due + 1 :],
    ]
    return due.model_copy(update={"due": latest.due_on, "steps": steps})


def count_hearing_rule(rule: Rule, hearing: Hearing, calendar: Counted) -> DueDate:
    """One rule's due date counted back from the hearing day.

    The rule engine counts hearing rules too, so the steps name the rule and carry its note and
    court-day setting, as filing rules' do.
    """
    return compute_rule_deadline(
        rule,
        filed_on=hearing.starts_at.date(),
        served_on=None,
        service=None,
        calendar=calendar,
    )


def filing_deadlines(
    filing: Filing,
    rules: Sequence[Rule],
    calendar: Counted,
    *,
    due_from: date | None = None,
    replaced: Sequence[Deadline] = (),
) -> list[Deadline]:
    """The deadlines a saved entry sets under `rules` (see `filing_rules`).

    With `due_from` (an import), those due before that day are set as past at import
    (`LAPSED`), not open: a docket saved years after the fact must not flood the agenda with
    long-past overdue deadlines, nor drop them without a word. The import's report names them.
    `replaced`: the deadlines the entry closed (see `count_filing_rule`).
    """
    case_id, filing_id = _saved(filing.case_id, filing.id, "filing")
    created = []
    for rule in rules:
        due = count_filing_rule(rule, filing, calendar, replaced)
        deadline = _deadline(case_id, _as_in_court(rule, calendar), due, filing_id=filing_id)
        if due_from is not None and due.due < due_from:
            deadline = deadline.model_copy(update={"status": DeadlineStatus.LAPSED})
        created.append(deadline)
    return created


def hearing_deadlines(hearing: Hearing, rules: Sequence[Rule], calendar: Counted) -> list[Deadline]:
    """The deadlines a saved hearing sets under `rules` (see `hearing_rules_for`)."""
    case_id, hearing_id = _saved(hearing.case_id, hearing.id, "hearing")
    return [
        _deadline(
            case_id,
            _as_in_court(rule, calendar),
            count_hearing_rule(rule, hearing, calendar),
            hearing_id=hearing_id,
        )
        for rule in rules
    ]


# ---------------------------------------------------------------------- changed triggers


def filing_change(before: Filing, after: Filing) -> TriggerChange:
    """Only the dates, the service and the type count an entry's deadlines."""
    if after.voided and not before.voided:
        return TriggerChange.WITHDRAW
    counted = (before.filed_on, before.served_on, before.service, before.doc_type)
    if counted != (after.filed_on, after.served_on, after.service, after.doc_type):
        return TriggerChange.RECOUNT
    return TriggerChange.NONE


def hearing_change(before: Hearing, after: Hearing) -> TriggerChange:
    """A hearing off the calendar withdraws its deadlines; a moved one recounts them."""
    if after.status != HearingStatus.SCHEDULED:
        return TriggerChange.WITHDRAW
    if after.starts_at != before.starts_at:
        return TriggerChange.RECOUNT
    return TriggerChange.NONE


def withdraw_open_deadlines(existing: Sequence[Deadline]) -> DeadlinePlan:
    """Every open deadline the trigger set is withdrawn, computed or entered by hand."""
    return DeadlinePlan(
        withdraw=tuple(
            d.id for d in existing if d.id is not None and d.status == DeadlineStatus.OPEN
        )
    )


def recount_filing_deadlines(
    filing: Filing,
    kind: CaseKind,
    calendar: Counted,
    existing: Sequence[Deadline],
    replaced: Sequence[Deadline] = (),
) -> DeadlinePlan:
    """Bring an entry's rule deadlines in line with its current dates, service and type.

    `existing` is every deadline the entry set. Open ones are recounted; those whose rule no
    longer applies (the type changed) are withdrawn; rules that now apply and have no deadline
    yet get one. Done and waived deadlines are history: left alone, and their rule gets no
    second deadline. A rule since removed from the rules file keeps its date as counted.
    """
    case_id, filing_id = _saved(filing.case_id, filing.id, "filing")
    us_party = isinstance(calendar, CourtRules) and calendar.united_states_party
    applicable = {
        rule.id: rule
        for rule in filing_rules(filing, kind, _rule_set_of(calendar), united_states_party=us_party)
    }
    known = {rule.id for rule in load_rules()}
    kept: set[str] = set()
    recount: list[Recount] = []
    withdraw: list[int] = []
    for deadline in existing:
        if deadline.rule is None or deadline.status == DeadlineStatus.WITHDRAWN:
            continue
        rule = applicable.get(deadline.rule)
        if rule is not None:
            kept.add(rule.id)
        if deadline.status != DeadlineStatus.OPEN or deadline.rule not in known:
            continue
        assert deadline.id is not None
        if rule is None:
            withdraw.append(deadline.id)
        else:
            recount.append(
                Recount(deadline.id, count_filing_rule(rule, filing, calendar, replaced))
            )
    create = tuple(
        _deadline(
            case_id,
            _as_in_court(rule, calendar),
            count_filing_rule(rule, filing, calendar, replaced),
            filing_id=filing_id,
        )
        for rule_id, rule in applicable.items()
        if rule_id not in kept
    )
    return DeadlinePlan(create=create, recount=tuple(recount), withdraw=tuple(withdraw))


def recount_hearing_deadlines(
    hearing: Hearing, calendar: Counted, existing: Sequence[Deadline]
) -> DeadlinePlan:
    """Recount the open rule deadlines a moved hearing set, from its new day.

    A rule since removed from the rules file keeps its date as counted.
    """
    recount = []
    for deadline in existing:
        if deadline.rule is None or deadline.status != DeadlineStatus.OPEN:
            continue
        try:
            rule = rule_by_id(deadline.rule)
        except NotFound:
            continue
        assert deadline.id is not None
        recount.append(Recount(deadline.id, count_hearing_rule(rule, hearing, calendar)))
    return DeadlinePlan(recount=tuple(recount))


# ---------------------------------------------------------------------- a new court or kind


def recount_for_court(
    kind: CaseKind,
    counted: Counted,
    filings: Sequence[tuple[Filing, Sequence[Deadline]]],
    hearings: Sequence[tuple[Hearing, Sequence[Deadline]]] = (),
) -> DeadlinePlan:
    """A case's rule deadlines once its court (or its kind) changed: counted again under the
    rules `counted` stands for, each trigger with every deadline it set.

    Only triggers with an open rule deadline are looked at: one whose deadlines were all met,
    waived or withdrawn is history. For those, an open deadline is recounted under the rule
    of the same id, else under the new rule set's rule for the same thing (the same title:
    "Answer to complaint due" is FRCP 12(a) in a federal court and NMRA 1-012(A) in a New
    Mexico one), else withdrawn: nothing in the new court's rules sets it (the Speedy Trial
    Act in a state court). A rule of the new set that has no deadline yet gets one, unless a
    closed deadline of the trigger already stands for it. Deadlines entered by hand, and rules
    since removed from the rules file, are left as they are.
    """
    rule_set_id = _rule_set_of(counted)
    recount: list[Recount] = []
    withdraw: list[int] = []
    create: list[Deadline] = []
    for filing, existing in filings:
        if filing.voided:
            continue
        case_id, filing_id = _saved(filing.case_id, filing.id, "filing")
        moved = _rematch(
            existing,
            filing_rules(filing, kind, rule_set_id),
            partial(count_filing_rule, filing=filing, calendar=counted),
        )
        recount += moved.recount
        withdraw += moved.withdraw
        create += [
            _deadline(case_id, rule, count_filing_rule(rule, filing, counted), filing_id=filing_id)
            for rule in moved.new_rules
        ]
    for hearing, existing in hearings:
        if hearing.status != HearingStatus.SCHEDULED:
            continue
        case_id, hearing_id = _saved(hearing.case_id, hearing.id, "hearing")
        moved = _rematch(
            existing,
            hearing_rules_for(hearing, kind, rule_set_id),
            partial(count_hearing_rule, hearing=hearing, calendar=counted),
        )
        recount += moved.recount
        withdraw += moved.withdraw
        create += [
            _deadline(
                case_id, rule, count_hearing_rule(rule, hearing, counted), hearing_id=hearing_id
            )
            for rule in moved.new_rules
        ]
    return DeadlinePlan(create=tuple(create), recount=tuple(recount), withdraw=tuple(withdraw))


@dataclass(frozen=True)
class _Rematched:
    recount: list[Recount]
    withdraw: list[int]
    new_rules: list[Rule]


def _rematch(
    existing: Sequence[Deadline], applicable: Sequence[Rule], count: Callable[[Rule], DueDate]
) -> _Rematched:
    """One trigger's deadlines matched to the rules that now apply to it (see
    `recount_for_court`)."""
    open_ones = [
        d for d in existing if d.rule is not None and d.status == DeadlineStatus.OPEN and d.id
    ]
    if not open_ones:
        return _Rematched([], [], [])
    by_id = {rule.id: rule for rule in applicable}
    by_title: dict[str, Rule] = {}
    for each in applicable:
        by_title.setdefault(each.title.casefold(), each)
    known = {rule.id for rule in load_rules()}
    used: set[str] = set()

    def match(deadline: Deadline) -> Rule | None:
        for rule in (by_id.get(deadline.rule or ""), by_title.get(deadline.title.casefold())):
            if rule is not None and rule.id not in used:
                return rule
        return None

    for deadline in existing:
        if deadline.rule is None or deadline.status in (
            DeadlineStatus.OPEN,
            DeadlineStatus.WITHDRAWN,
        ):
            continue
        closed = match(deadline)
        if closed is not None:
            used.add(closed.id)
    recount: list[Recount] = []
    withdraw: list[int] = []
    for deadline in open_ones:
        assert deadline.id is not None
        rule = match(deadline)
        if rule is None:
            if deadline.rule in known:
                withdraw.append(deadline.id)
            continue
        used.add(rule.id)
        recount.append(
            Recount(deadline.id, count(rule), rule=None if rule.id == deadline.rule else rule)
        )
    return _Rematched(recount, withdraw, [rule for rule in applicable if rule.id not in used])


# ---------------------------------------------------------------------- helpers


def _saved(case_id: int | None, trigger_id: int | None, what: str) -> tuple[int, int]:
    if case_id is None or trigger_id is None:
        raise ValueError(f"the {what} must be saved before it can set deadlines")
    return case_id, trigger_id


def _deadline(
    case_id: int,
    rule: Rule,
    due: DueDate,
    *,
    filing_id: int | None = None,
    hearing_id: int | None = None,
) -> Deadline:
    return Deadline(
        case_id=case_id,
        due_on=due.due,
        title=rule.title,
        rule=rule.id,
        citation=rule.citation,
        trigger_filing_id=filing_id,
        trigger_hearing_id=hearing_id,
        computation=due.steps,
    )


def satisfied_deadlines(
    filing: Filing, open_deadlines: Sequence[Deadline], rules: Sequence[Rule] | None = None
) -> tuple[int, ...]:
    """Ids of the case's open rule deadlines that a new entry meets, so docketing it closes them.

    Deadlines found already past at import count too: the entry shows they were met. An entry
    never meets a deadline it set itself (a response starts the reply period and meets the
    response one), and deadlines entered by hand are closed by hand: nothing says which entry
    would meet them.
    """
    by_id = {rule.id: rule for rule in (load_rules() if rules is None else rules)}
    met: list[int] = []
    for deadline in open_deadlines:
        if deadline.id is None or not deadline.status.is_pending:
            continue
        if filing.id is not None and deadline.trigger_filing_id == filing.id:
            continue
        rule = by_id.get(deadline.rule or "")
        if rule is not None and filing.doc_type in rule.satisfied_by:
            met.append(deadline.id)
    return tuple(met)


def meeting_entry(
    deadline: Deadline,
    entries: Sequence[Filing],
    *,
    after_entry: int = 0,
    rules: Sequence[Rule] | None = None,
) -> Filing | None:
    """The first live entry among `entries` that meets `deadline`, if any: asked when the
    entry that met it is voided (a duplicate answer still answers) and when a matter is
    reopened (an answer docketed while it was closed). Only entries after `after_entry` (the
    one that set the deadline) count, as they would have when docketed."""
    by_id = {rule.id: rule for rule in (load_rules() if rules is None else rules)}
    rule = by_id.get(deadline.rule or "")
    if rule is None:
        return None
    for entry in sorted(entries, key=lambda e: e.entry_no or 0):
        if entry.voided or (entry.entry_no or 0) <= after_entry:
            continue
        if entry.id is not None and entry.id == deadline.trigger_filing_id:
            continue
        if entry.doc_type in rule.satisfied_by:
            return entry
    return None
