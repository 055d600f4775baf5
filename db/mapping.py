"""Rows to models and models to rows: the one place that knows how a model is stored.

Stored rows carry bookkeeping the models do not (`created_at`, `updated_at`, a hearing's UTC
sort key) and keep lists as JSON text; these converters add and drop exactly that.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docket.models import Case, Deadline, Filing, Hearing, Note, StatusChange


_TIMESTAMPS = frozenset({"created_at", "updated_at"})


def json_text(value: Any) -> str:
    """JSON as stored: keys sorted so equal values compare equal, accents kept readable."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def utc_iso(moment: datetime) -> str:
    """An aware time as a UTC string that sorts in time order (hearings' `starts_utc`)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def without_timestamps(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in _TIMESTAMPS}


def case_from_row(row: dict[str, Any]) -> Case:
    from docket.models import Case

    data = {k: v for k, v in row.items() if k in Case.model_fields}
    # The court column is never NULL (it is part of the unique key); empty means none.
    data["court"] = row["court"] or None
    return Case.model_validate(data)


def filing_from_row(row: dict[str, Any]) -> Filing:
    from docket.models import Filing

    return Filing.model_validate(without_timestamps(row))


#: Deadline columns the model leaves out: who it was given to is a team matter, read apart
#: (`db.team`), so that an exported deadline never carries another database's person id.
_DEADLINE_TEAM_COLUMNS = frozenset({"assignee_id"})


def deadline_from_row(row: dict[str, Any]) -> Deadline:
    from docket.models import Deadline

    data = {k: v for k, v in without_timestamps(row).items() if k not in _DEADLINE_TEAM_COLUMNS}
    data["computation"] = json.loads(row["computation"] or "[]")
    data["remind_days"] = json.loads(row["remind_days"] or "[]")
    return Deadline.model_validate(data)


def deadline_values(deadline: Deadline) -> dict[str, Any]:
    """A deadline's columns, without its id and case (the caller sets the case)."""
    values = deadline.model_dump(mode="json", exclude={"id", "case_id"})
    values["computation"] = json_text(deadline.computation)
    values["remind_days"] = json_text(deadline.remind_days)
    return values


def status_from_row(row: dict[str, Any]) -> StatusChange:
    from docket.models import StatusChange

    return StatusChange.model_validate({k: v for k, v in row.items() if k != "created_at"})


def status_values(change: StatusChange, *, created_by: str) -> dict[str, Any]:
    """A status change's columns, without its id and case; `created_by` when it names nobody."""
    values = change.model_dump(mode="json", exclude={"id", "case_id", "party"})
    values["created_by"] = change.created_by or created_by
    return values


def note_from_row(row: dict[str, Any]) -> Note:
    from docket.models import Note

    return Note.model_validate(without_timestamps(row))


def hearing_values(hearing: Hearing) -> dict[str, Any]:
    """A hearing's columns with its UTC sort key, without its id, case and version (which
    the store keeps)."""
    values = hearing.model_dump(mode="json", exclude={"id", "case_id", "version"})
    values["starts_utc"] = utc_iso(hearing.starts_at)
    return values


def hearing_from_row(row: dict[str, Any]) -> Hearing:
    from docket.models import Hearing

    data = {k: v for k, v in without_timestamps(row).items() if k != "starts_utc"}
    return Hearing.model_validate(data)
