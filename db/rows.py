"""Light row types for lists and screens.

Lists stay tuples (no model validation per row): a page of 100 cases must cost microseconds.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

#: Rows in one page of any list: what a screen shows at once, fetched by a keyset query.
PAGE_SIZE = 100


class CaseRow(NamedTuple):
    """One line of the Cases list."""

    id: int
    number: str
    court: str
    title: str
    kind: str
    stage: str
    resolved: bool
    next_deadline_on: str | None
    next_hearing_at: str | None
    follow_up_on: str | None
    last_activity_on: str | None
    attention_on: str
    stayed: bool
    attention: str | None
    """Why the matter needs attention now, or None."""

    @property
    def next_event_on(self) -> str | None:
        candidates = [d for d in (self.next_deadline_on, (self.next_hearing_at or "")[:10]) if d]
        return min(candidates) if candidates else None

    @property
    def sort_key(self) -> tuple[int, str, int]:
        return (int(self.resolved), self.attention_on, self.id)


class AgendaItem(NamedTuple):
    """A deadline or hearing on the agenda or in reminders."""

    kind: str
    """`deadline` or `hearing`."""
    id: int
    case_id: int
    case_number: str
    case_title: str
    day: date
    at: str | None
    """For hearings: the aware start time as stored (ISO 8601)."""
    title: str
    status: str
    remind_days: tuple[int, ...]
    detail: str | None


class AttentionRow(NamedTuple):
    case_id: int
    number: str
    court: str
    title: str
    stage: str
    last_activity_on: str | None
    follow_up_on: str | None
    reason: str


class SearchHit(NamedTuple):
    """One full-text match: what matched, in which case, and a highlighted excerpt."""

    kind: str
    """`case`, `filing`, `party`, `note`, `deadline` or `hearing`."""
    ref_id: int
    case_id: int | None
    case_number: str | None
    case_title: str | None
    text: str
    snippet: str


class PartyConflict(NamedTuple):
    """The same (normalized) name already appears on another case."""

    party_id: int
    name: str
    case_id: int
    case_number: str
    case_title: str
    role: str


class Closure(NamedTuple):
    """A day a court was closed or declared a holiday, entered by the user."""

    id: int
    day: date
    calendar: str
    """The calendar code it applies to; empty for every calendar."""
    name: str


class LinkRow(NamedTuple):
    """A matter linked to the one being looked at, and how the two are connected."""

    id: int
    """The link's own id."""
    case_id: int
    """The linked (far) matter."""
    number: str
    court: str
    title: str
    kind: str
    stage: str
    resolved: bool
    relation: str
    """As the near matter sees it: `appeal_of` on the appeal, `appealed_in` on the original."""
    note: str | None
    next_deadline_on: str | None
    next_hearing_at: str | None

    @property
    def words(self) -> str:
        """The relation as a person reads it (`appealed in`)."""
        from docket.links import WORDS_FOR

        return WORDS_FOR.get(self.relation, self.relation.replace("_", " "))

    @property
    def next_event_on(self) -> str | None:
        candidates = [d for d in (self.next_deadline_on, (self.next_hearing_at or "")[:10]) if d]
        return min(candidates) if candidates else None
