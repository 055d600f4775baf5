"""Small builders shared by the store tests: real rows through the Store's own methods."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from db.store import Store
from docket.models import Case, CaseKind, Deadline, Filing, Hearing


def add_case(
    store: Store,
    number: str = "1:24-cv-01234",
    *,
    court: str | None = "nmd",
    title: str = "Smith v. Acme Corp",
    kind: CaseKind | str = CaseKind.CIVIL,
    opened_on: date | None = None,
    **fields: Any,
) -> Case:
    return store.add_case(
        Case(
            number=number,
            court=court,
            title=title,
            kind=CaseKind(kind),
            opened_on=opened_on,
            **fields,
        )
    )


def case_id(case: Case) -> int:
    assert case.id is not None
    return case.id


def add_filing(
    store: Store,
    case: Case,
    title: str = "Notice of appearance",
    *,
    filed_on: date,
    doc_type: str = "notice",
    **fields: Any,
) -> Filing:
    saved, _ = store.add_filing(
        case_id(case), Filing(filed_on=filed_on, doc_type=doc_type, title=title, **fields)
    )
    return saved


def add_deadline(
    store: Store, case: Case, due_on: date, title: str = "Exchange exhibits"
) -> Deadline:
    return store.add_deadline(case_id(case), Deadline(due_on=due_on, title=title))


def at(day: date, hour: int = 9) -> datetime:
    """An aware local time on `day`, as a person typing a hearing time means it."""
    return datetime.combine(day, time(hour, 0)).astimezone()


def add_hearing(
    store: Store, case: Case, day: date, *, kind: str = "Status conference", **fields: Any
) -> Hearing:
    saved, _ = store.add_hearing(case_id(case), Hearing(starts_at=at(day), kind=kind, **fields))
    return saved


def count(store: Store, sql: str, *params: Any) -> int:
    return int(store.conn.execute(sql, params).fetchone()[0])
