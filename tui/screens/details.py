"""What the full view of each kind of row says (see tui/screens/row_detail.py).

Functions of the models and rows the screens already hold: no reading of the database, so a
row opens in full at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docket.dates import format_day
from docket.models import Note
from tui.screens.case_rows import change_words
from tui.screens.row_detail import Fields

if TYPE_CHECKING:
    from db.rows import AgendaItem, CaseRow, SearchHit
    from docket.models import Case, CaseParty, Filing, Hearing, StatusChange


def _day(value: object) -> str:
    return "" if value is None else format_day(value)  # type: ignore[arg-type]


def case_fields(case: Case, court: str) -> Fields:
    return [
        ("Court", court),
        ("Title", case.title),
        ("Kind", case.kind.label),
        ("Stage", case.stage + (f" · {case.disposition}" if case.disposition else "")),
        ("Stayed", case.stay_reason or ""),
        ("Judge", case.judge or ""),
        ("Opened", _day(case.opened_on)),
        ("Closed", _day(case.closed_on)),
        ("Follow up", _day(case.follow_up_on)),
        ("Summary", case.summary or ""),
    ]


def case_row_fields(row: CaseRow, court: str) -> Fields:
    """What the Cases list knows of a case, for `space` on it."""
    return [
        ("Court", court),
        ("Title", row.title),
        ("Kind", row.kind),
        ("Stage", row.stage + (" (stayed)" if row.stayed else "")),
        ("Next deadline", row.next_deadline_on or ""),
        ("Next hearing", (row.next_hearing_at or "")[:16].replace("T", " ")),
        ("Last activity", row.last_activity_on or ""),
        ("Needs attention", row.attention or ""),
    ]


def filing_fields(filing: Filing) -> Fields:
    served = _day(filing.served_on)
    if served and filing.service:
        served += f" ({filing.service.label})"
    return [
        ("Voided", filing.void_reason or "" if filing.voided else ""),
        ("Filed", _day(filing.filed_on)),
        ("Type", filing.doc_type.label),
        ("Title", filing.title),
        ("Description", filing.description or ""),
        ("Filed by", filing.filed_by or ""),
        ("Served", served),
        ("Court's document number", filing.document_number or ""),
        ("Document", filing.document_ref or ""),
        ("Source", filing.source.value if filing.source.value != "manual" else ""),
    ]


def hearing_fields(hearing: Hearing) -> Fields:
    return [
        ("When", hearing.starts_at.strftime("%a %d %b %Y %H:%M %Z").strip()),
        ("Ends", hearing.ends_at.strftime("%H:%M") if hearing.ends_at else ""),
        ("Kind", hearing.kind),
        ("Where", hearing.location or ""),
        ("Judge", hearing.judge or ""),
        ("Status", hearing.status.label),
        ("Outcome", hearing.outcome or ""),
        (
            "Continued to",
            hearing.continued_to.strftime("%a %d %b %Y %H:%M") if hearing.continued_to else "",
        ),
    ]


def party_fields(party: CaseParty, client: str) -> Fields:
    return [
        ("Role", party.raw_role or party.role.label),
        ("For", client),
        ("Kind", party.party_kind.label),
        ("Firm", party.firm or ""),
        ("Contact", party.contact or ""),
        ("Terminated", _day(party.terminated_on)),
    ]


def note_fields(note: Note) -> Fields:
    return [
        ("On", _day(note.noted_on)),
        ("Note", note.text),
        ("Source", note.source or ""),
        ("By", note.created_by or ""),
    ]


def change_fields(change: StatusChange, what: str) -> Fields:
    return [
        ("On", _day(change.changed_on)),
        ("What", what),
        ("Note", change.note or ""),
        ("Source", change.source or ""),
        ("By", change.created_by or ""),
    ]


def agenda_fields(item: AgendaItem, court: str) -> Fields:
    when = _day(item.day) + (f" {item.at[11:16]}" if item.at else "")
    return [
        ("When", when),
        ("What", item.kind),
        ("Title", item.title),
        ("Status", item.status),
        ("Case", f"{item.case_number}  {item.case_title}"),
        ("Court", court),
        ("Rule" if item.kind == "deadline" else "Where", item.detail or ""),
    ]


def hit_fields(hit: SearchHit) -> Fields:
    return [
        ("Found in", hit.kind),
        ("Text", hit.text),
        ("Match", hit.snippet),
        ("Case", f"{hit.case_number or ''}  {hit.case_title or ''}".strip()),
    ]


def history_detail(
    key: str | None, case: Case, history: dict[str, Note | StatusChange], court: str
) -> tuple[str, Fields] | None:
    """The Status & notes row under the cursor in full: the case's summary, a note (with its
    source) or a status change."""
    if key == "summary":
        return (f"{case.number}  {case.title}", case_fields(case, court))
    item = history.get(key or "")
    if isinstance(item, Note):
        return ("Note", note_fields(item))
    if item is not None:
        return ("Status change", change_fields(item, change_words(item)))
    return None
