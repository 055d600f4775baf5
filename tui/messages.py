"""Messages that carry database results from worker threads back to the screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from db.rows import AgendaItem, CaseRow, SearchHit


@dataclass
class CasesLoaded(Message):
    """A page of the Cases list; `generation` tells stale pages (older filter text) apart."""

    rows: list[CaseRow]
    generation: int
    append: bool


@dataclass
class AgendaLoaded(Message):
    items: list[AgendaItem]


@dataclass
class SearchResults(Message):
    query: str
    hits: list[SearchHit]


@dataclass
class CaseChanged(Message):
    """Something was written to a case: screens showing it reload."""

    case_id: int
