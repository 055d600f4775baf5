"""One case and everything on it, read for printing: plain rows, no models.

`docket case show` prints a case and leaves; building a model of every entry, deadline and
note (and loading pydantic to do it) was most of its time. Here each row is read as an object
whose attributes carry the models' field names and types where printing tells them apart
(dates, aware hearing times, a choice's label, the parsed steps of a deadline), so the same
printers serve both. What edits or exports a case still reads the models.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from docket.choices import (
    CaseKind,
    DeadlineStatus,
    DocType,
    HearingStatus,
    PartyRole,
    ServiceMethod,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from db.rows import LinkRow
    from db.store import Store
    from docket.court_table import CourtFacts

#: Bookkeeping a stored row carries that no printer reads.
_DROPPED = frozenset({"created_at", "updated_at", "starts_utc", "assignee_id"})


def _date(value: object) -> object:
    return date.fromisoformat(value) if isinstance(value, str) and value else value


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    moment = datetime.fromisoformat(value)
    # As the model reads it: a time stored without its offset is the machine's local time.
    return moment if moment.tzinfo is not None else moment.astimezone()


def plain(row: dict[str, Any], **convert: Callable[[Any], object]) -> Any:
    """A row as attributes: `*_on` columns as dates, the columns in `convert` through it.

    Typed `Any` on purpose: it stands where the printers take a model, and reads the same.
    """
    values: dict[str, object] = {}
    for key, value in row.items():
        if key in _DROPPED:
            continue
        if key in convert:
            value = None if value is None else convert[key](value)
        elif key.endswith("_on"):
            value = _date(value)
        values[key] = value
    return SimpleNamespace(**values)


def _or_none(value: object) -> object:
    return value or None


def _filing(row: dict[str, Any]) -> Any:
    filing = plain(row, doc_type=DocType, service=ServiceMethod, voided_at=_moment)
    filing.voided = filing.voided_at is not None
    return filing


def _deadline(row: dict[str, Any]) -> Any:
    return plain(
        {**row, "computation": json.loads(row["computation"] or "[]")}, status=DeadlineStatus
    )


@dataclass(frozen=True)
class CaseFile:
    """Everything `case show` prints about one case."""

    case: Any
    court: CourtFacts | None
    attorney: str | None
    paralegal: str | None
    reported: Any
    links: list[LinkRow]
    parties: list[Any]
    filings: list[Any]
    hearings: list[Any]
    deadlines: list[Any]
    assignees: dict[int, str]
    history: list[Any]
    notes: list[Any]


def read_case_file(store: Store, row: dict[str, Any]) -> CaseFile:
    """The case whose stored row is `row` (`Store.find_case_row`), and all that is on it."""
    from db.parties import SELECT_LINKS

    case_id = int(row["id"])
    case = plain(
        row,
        kind=CaseKind,
        court=_or_none,
        judge=_or_none,
        summary=_or_none,
        disposition=_or_none,
        stay_reason=_or_none,
        matter_no=_or_none,
        client_no=_or_none,
    )
    people = store.query_rows(
        "SELECT a.name, p.name FROM cases c LEFT JOIN people a ON a.id = c.attorney_id "
        "LEFT JOIN people p ON p.id = c.paralegal_id WHERE c.id = ?",
        (case_id,),
    )
    attorney, paralegal = people[0] if people else (None, None)
    reported = store.query_dicts(
        "SELECT * FROM status_changes WHERE case_id = ? AND case_party_id IS NULL "
        "AND event IN ('open', 'stage', 'reopen') ORDER BY changed_on DESC, id DESC LIMIT 1",
        (case_id,),
    )
    filings = store.query_dicts(
        "SELECT * FROM filings WHERE case_id = ? ORDER BY entry_no", (case_id,)
    )
    return CaseFile(
        case=case,
        court=store.court_facts(case.court),
        attorney=attorney,
        paralegal=paralegal,
        reported=plain(reported[0]) if reported and reported[0]["reported_on"] else None,
        links=store.case_links(case_id),
        parties=[
            plain(party, role=PartyRole)
            for party in store.query_dicts(
                SELECT_LINKS + "WHERE cp.case_id = ? ORDER BY cp.id", (case_id,)
            )
        ],
        filings=[_filing(filing) for filing in filings],
        hearings=[
            plain(
                hearing,
                status=HearingStatus,
                starts_at=_moment,
                ends_at=_moment,
                continued_to=_moment,
            )
            for hearing in store.query_dicts(
                "SELECT * FROM hearings WHERE case_id = ? ORDER BY starts_utc, id", (case_id,)
            )
        ],
        deadlines=[
            _deadline(deadline)
            for deadline in store.query_dicts(
                "SELECT * FROM deadlines WHERE case_id = ? ORDER BY status != 'open', due_on, id",
                (case_id,),
            )
        ],
        assignees=store.deadline_assignees(case_id),
        history=[
            plain(change)
            for change in store.query_dicts(
                "SELECT s.*, p.name AS party FROM status_changes s "
                "LEFT JOIN case_parties cp ON cp.id = s.case_party_id "
                "LEFT JOIN parties p ON p.id = cp.party_id "
                "WHERE s.case_id = ? ORDER BY s.changed_on, s.id",
                (case_id,),
            )
        ],
        notes=[
            plain(note)
            for note in store.query_dicts(
                "SELECT * FROM notes WHERE case_id = ? ORDER BY noted_on DESC, id DESC",
                (case_id,),
            )
        ],
    )
