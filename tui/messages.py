"""Messages that carry database results from worker threads back to the screens.

A screen's worker reads; the message brings what it read to the UI thread, which lays it out.
`generation` tells a stale answer (to an older filter, or a reload since superseded) apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from typing import TYPE_CHECKING

from textual.message import Message

from db.rows import AgendaItem, CaseRow, LinkRow, SearchHit

if TYPE_CHECKING:
    # Only the Case screen sends these; the app starts without loading the models.
    from docket.models import Case, CaseParty, Deadline, Filing, Hearing, Note, StatusChange


@dataclass
class CasesLoaded(Message):
    """A page of the Cases list."""

    rows: list[CaseRow]
    generation: int
    append: bool
    whole: bool = False
    """The rows are the whole list (a linked group): there is no next page to ask for."""


@dataclass
class AgendaLoaded(Message):
    items: list[AgendaItem]
    courts: dict[int, str]
    """Each listed case's court id."""
    court_zones: dict[int, tzinfo | None] = field(default_factory=dict)
    """Each hearing's case's court zone, by case id, to name the court's time."""


@dataclass
class SearchResults(Message):
    query: str
    hits: list[SearchHit]


@dataclass
class CaseLoaded(Message):
    """Everything the Case screen shows, read in one go."""

    generation: int
    case: Case
    row: CaseRow
    docket: list[Filing]
    """The first page of entries, or as many pages as it took to reach the one to select."""
    docket_done: bool
    """No entries after the last one in `docket`."""
    select_entry: int | None
    parties: list[CaseParty]
    hearings: list[Hearing]
    deadlines: list[Deadline]
    history: list[StatusChange]
    notes: list[Note]
    older_notes: int
    """Notes left off the list (older than the last one listed)."""
    court_registered: bool = True
    """False when the case's stored court is not in the registry (its rules were assumed)."""
    zone: tzinfo | None = None
    """The court's time zone, which hearing times are shown in (None: as stored)."""
    reported: StatusChange | None = None
    """The step that put the case at its stage, when a report is what it is known from."""
    links: list[LinkRow] = field(default_factory=list)
    """The matters linked to it, with the relation as this one sees it."""
    attorney: str | None = None
    paralegal: str | None = None


@dataclass
class DocketPage(Message):
    """The next page of a case's docket entries, asked for as the cursor nears the end."""

    generation: int
    filings: list[Filing]
    done: bool


@dataclass
class LinksChanged(Message):
    """A link was added or removed on the Case screen's Links tab; `select` is the matter to
    put the cursor on once the case is read again."""

    select: int | None = None
