"""Whole cases as JSON: for another tool, for a colleague's database, for the archive.

The document names no database ids, so an export taken from one database and imported into
another exports again identically. Records point at each other by references that are part
of the document: parties carry a `ref` (`p1`, `p2`...) that counsel's `represents` names;
hearings carry a `ref` (`h1`...); a computed deadline names its trigger as
`{"entry_no": 12}` or `{"hearing": "h1"}`. Field names are the models' snake_case names,
dates ISO 8601, times ISO 8601 with their offset.
"""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

from pydantic import ValidationError

from db.mapping import (
    deadline_from_row,
    filing_from_row,
    hearing_from_row,
    hearing_values,
    note_from_row,
)
from db.reports import ImportReport
from db.store import Store
from docket.errors import DocketError, InputError, NotFound, Refused
from docket.lifecycle import lifecycle_for
from docket.models import (
    Case,
    Deadline,
    Filing,
    Hearing,
    Note,
    PartyDetails,
    PartyKind,
    PartyRole,
    StatusChange,
)

FORMAT = "docket"
FORMAT_VERSION = 1


def _case_document(store: Store, case_id: int) -> dict[str, Any]:
    case = store.get_case(case_id)
    parties: list[dict[str, Any]] = []
    refs: dict[int, str] = {}
    for link in store.case_parties(case_id):
        assert link.id is not None
        refs[link.id] = f"p{len(refs) + 1}"
        parties.append(
            {
                "ref": refs[link.id],
                "name": link.name,
                "party_kind": link.party_kind.value,
                "role": link.role.value,
                "raw_role": link.raw_role,
                "represents": refs.get(link.represents_id) if link.represents_id else None,
                **PartyDetails.of(link).values(),
                "stage": link.stage,
                "disposition": link.disposition,
                "stage_on": link.stage_on.isoformat() if link.stage_on else None,
            }
        )
    filings = []
    entry_of: dict[int, int] = {}
    for row in store.query_dicts(
        "SELECT * FROM filings WHERE case_id = ? ORDER BY entry_no", (case_id,)
    ):
        entry_of[int(row["id"])] = int(row["entry_no"])
        filings.append(
            filing_from_row(row).model_dump(mode="json", exclude={"id", "case_id", "version"})
        )
    hearings = []
    hearing_ref: dict[int, str] = {}
    for row in store.query_dicts(
        "SELECT * FROM hearings WHERE case_id = ? ORDER BY starts_utc, id", (case_id,)
    ):
        hearing_ref[int(row["id"])] = f"h{len(hearing_ref) + 1}"
        hearings.append(
            {
                "ref": hearing_ref[int(row["id"])],
                **hearing_from_row(row).model_dump(
                    mode="json", exclude={"id", "case_id", "version"}
                ),
            }
        )
    deadlines = []
    for row in store.query_dicts(
        "SELECT * FROM deadlines WHERE case_id = ? ORDER BY id", (case_id,)
    ):
        deadline = deadline_from_row(row)
        trigger: dict[str, Any] | None = None
        if deadline.trigger_filing_id is not None:
            trigger = {"entry_no": entry_of.get(deadline.trigger_filing_id)}
        elif deadline.trigger_hearing_id is not None:
            trigger = {"hearing": hearing_ref.get(deadline.trigger_hearing_id)}
        deadlines.append(
            {
                **deadline.model_dump(
                    mode="json",
                    exclude={
                        "id",
                        "case_id",
                        "trigger_filing_id",
                        "trigger_hearing_id",
                        "satisfied_by_filing_id",
                    },
                ),
                "trigger": trigger,
                "satisfied_by": (
                    {"entry_no": entry_of.get(deadline.satisfied_by_filing_id)}
                    if deadline.satisfied_by_filing_id is not None
                    else None
                ),
            }
        )
    history = [
        {
            **change.model_dump(mode="json", exclude={"id", "case_id", "case_party_id", "party"}),
            # A defendant's step names the defendant by the ref the parties list gives it.
            "party": refs.get(change.case_party_id) if change.case_party_id else None,
        }
        for change in store.status_history(case_id)
    ]
    notes = [
        note_from_row(row).model_dump(mode="json", exclude={"id", "case_id"})
        for row in store.query_dicts(
            "SELECT * FROM notes WHERE case_id = ? ORDER BY noted_on, id", (case_id,)
        )
    ]
    return {
        "case": case.model_dump(mode="json", exclude={"id", "version", "last_activity_on"}),
        "parties": parties,
        "filings": filings,
        "hearings": hearings,
        "deadlines": deadlines,
        "status_history": history,
        "notes": notes,
    }


def export_json(store: Store, case_ids: list[int] | None = None) -> dict[str, Any]:
    """Everything about the cases (all cases when `case_ids` is None), voided entries and
    closed deadlines included, as one JSON-ready document."""
    if case_ids is None:
        case_ids = [int(row[0]) for row in store.query_rows("SELECT id FROM cases ORDER BY id")]
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": store.clock.now().astimezone(UTC).isoformat(timespec="seconds"),
        "cases": [_case_document(store, case_id) for case_id in case_ids],
    }


def dumps(document: dict[str, Any]) -> str:
    """The document as text: UTF-8 kept as is (names with accents stay readable)."""
    return json.dumps(document, ensure_ascii=False, indent=2)


def import_json(store: Store, data: dict[str, Any]) -> ImportReport:
    """Add the document's cases to this database, all or nothing.

    A case whose court and number this database already has is refused: merging two
    histories of one matter is a person's decision, not an import's.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(
            "path",
            'not a docket JSON export (no "format": "docket")',
            "a file written by docket's JSON export",
        )
    if data.get("version") != FORMAT_VERSION:
        raise InputError(
            "path",
            f"export format version {data.get('version')!r} is not supported "
            f"(this docket reads version {FORMAT_VERSION})",
        )
    cases = data.get("cases")
    if not isinstance(cases, list):
        raise InputError(
            "path",
            "the export has no list of cases",
            '{"format": "docket", "version": 1, "cases": []}',
        )
    report = ImportReport()
    with store.write():
        for position, document in enumerate(cases, start=1):
            place = f"cases[{position}]"
            reading = _Reading()
            try:
                _import_case(store, _record(document, "case document"), report, reading)
            except ValidationError as error:
                problem = error.errors()[0]
                where = ".".join(str(part) for part in problem["loc"])
                where = f"{reading.at}.{where}" if reading.at and where else reading.at or where
                raise InputError(place, f"{where}: {problem['msg']}") from None
            except Refused:
                raise
            except DocketError as error:
                raise InputError(place, _problem_at(error, reading.at)) from None
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                # Each value is checked below; this names the place for anything missed.
                raise InputError(
                    place, f"{reading.at or 'case'}: missing or malformed ({error})"
                ) from None
    return report


def _problem_at(error: DocketError, at: str) -> str:
    """An error from reading one record, as `parties[0].name: what is wrong`."""
    if error.field == "path":  # raised below, already naming its place
        return error.problem
    where = ".".join(part for part in (at or "case", error.field) if part)
    return f"{where}: {error.problem}"


class _Reading:
    """Where in a case document the import is, for the error that names it."""

    at = ""


def _record(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError("path", f"{what} is {_kind_of(value)}, not an object")
    return value


def _records(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """`document[key]` as a list of objects (absent or null: none)."""
    value = document.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError("path", f"{key} is {_kind_of(value)}, not a list")
    for index, item in enumerate(value):
        _record(item, f"{key}[{index}]")
    return value


def _text(record: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = record.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise InputError("path", f"{where}.{key} is {_kind_of(value)}, not text")
    return value


def _choice(enum: type[PartyRole] | type[PartyKind], value: Any, where: str) -> Any:
    if not isinstance(value, str) or value not in enum.choices():
        shown = json.dumps(value, ensure_ascii=False)[:60]
        raise InputError("path", f"{where} is {shown}, not one of: {', '.join(enum.choices())}")
    return enum(value)


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    names.update({list: "a list", dict: "an object"})
    return names.get(type(value), type(value).__name__)


def _import_case(
    store: Store, document: dict[str, Any], report: ImportReport, reading: _Reading
) -> None:
    reading.at = "case"
    case = Case.model_validate(_record(document.get("case"), "case"))
    reading.at = ""
    try:
        store.find_case(case.number, case.court or "")
    except NotFound:
        pass
    else:
        raise Refused(
            f"case {case.number} already exists in this database; nothing imported",
            field="number",
        )
    cycle = lifecycle_for(case.kind)
    # An export written before a stage was renamed carries the old name.
    case = case.model_copy(update={"stage": cycle.stage_named(case.stage)})
    if case.stage not in cycle.stages:
        raise InputError(
            "stage",
            f"{case.stage!r} is not a stage of {case.kind.with_article} matter",
            ", ".join(cycle.stages),
        )
    now = store.timestamp()
    values = case.model_dump(mode="json", exclude={"id", "version", "last_activity_on"})
    values.update(
        court=case.court or "",
        resolved=int(cycle.is_resolved(case.stage)),
        created_at=now,
        updated_at=now,
    )
    case_id = int(store.insert("cases", values, case_id=None)["id"])
    report.case_id, report.case_number = case_id, case.number
    report.case_created = True
    report.cases_added += 1

    history: list[tuple[str | None, StatusChange]] = []
    for index, raw in enumerate(_records(document, "status_history")):
        reading.at = f"status_history[{index}]"
        party_ref = raw.get("party") if isinstance(raw, dict) else None
        record = {k: v for k, v in raw.items() if k != "party"} if isinstance(raw, dict) else raw
        history.append(
            (None if party_ref is None else str(party_ref), StatusChange.model_validate(record))
        )

    links: dict[str, int] = {}
    for index, party in enumerate(_records(document, "parties")):
        where = reading.at = f"parties[{index}]"
        ref = _text(party, "ref", where)
        represents_ref = _text(party, "represents", where, required=False)
        if represents_ref is not None and represents_ref not in links:
            raise InputError("path", f"{where}.represents names no party listed before it")
        link, _ = store.add_party(
            case_id,
            str(_text(party, "name", where)),
            _choice(PartyRole, party.get("role"), f"{where}.role"),
            kind=_choice(PartyKind, party.get("party_kind", "person"), f"{where}.party_kind"),
            raw_role=_text(party, "raw_role", where, required=False),
            represents_id=links[represents_ref] if represents_ref is not None else None,
            details=PartyDetails(
                firm=_text(party, "firm", where, required=False),
                contact=_text(party, "contact", where, required=False),
                terminated_on=_text(party, "terminated_on", where, required=False),
            ),
        )
        assert link.id is not None
        links[str(ref)] = link.id
        stage = _text(party, "stage", where, required=False)
        if stage is not None:
            store.update(
                "case_parties",
                link.id,
                {
                    "stage": cycle.stage_named(stage),
                    "disposition": _text(party, "disposition", where, required=False),
                    "stage_on": _text(party, "stage_on", where, required=False),
                },
                case_id=case_id,
            )
        if link.role == PartyRole.COUNSEL:
            report.counsel_added += 1
        else:
            report.parties_added += 1

    for index, (party_ref, change) in enumerate(history):
        if party_ref is not None and party_ref not in links:
            raise InputError("path", f"status_history[{index}].party names no party listed")
        change_values = change.model_dump(mode="json", exclude={"id", "case_id", "party"})
        for column in ("from_stage", "to_stage"):
            if change_values[column]:
                change_values[column] = cycle.stage_named(change_values[column])
        change_values.update(
            case_id=case_id,
            created_at=now,
            case_party_id=None if party_ref is None else links[party_ref],
        )
        store.insert("status_changes", change_values, case_id=case_id)

    filing_ids: dict[int, int] = {}
    for index, raw in enumerate(_records(document, "filings")):
        reading.at = f"filings[{index}]"
        filing = Filing.model_validate(raw)
        saved, _ = store.import_filing(case_id, filing)
        assert saved.id is not None and saved.entry_no is not None
        if filing.entry_no is not None and filing.entry_no != saved.entry_no:
            report.warnings.append(
                f"{case.number}: entry {filing.entry_no} is numbered {saved.entry_no} here"
            )
        filing_ids[filing.entry_no or saved.entry_no] = saved.id
        report.entries_added += 1

    hearing_ids: dict[str, int] = {}
    for index, raw in enumerate(_records(document, "hearings")):
        where = reading.at = f"hearings[{index}]"
        ref = str(_text(raw, "ref", where))
        hearing = Hearing.model_validate({k: v for k, v in raw.items() if k != "ref"})
        hearing_row = hearing_values(hearing)
        hearing_row.update(case_id=case_id, created_at=now, updated_at=now)
        hearing_ids[ref] = int(store.insert("hearings", hearing_row, case_id=case_id)["id"])

    for index, raw in enumerate(_records(document, "deadlines")):
        where = reading.at = f"deadlines[{index}]"
        trigger = raw.get("trigger") or {}
        if not isinstance(trigger, dict):
            raise InputError(
                "path",
                f"{where}.trigger is {_kind_of(trigger)}, not an object such as "
                '{"entry_no": 12} or {"hearing": "h1"}',
            )
        entry_no, hearing_ref = trigger.get("entry_no"), trigger.get("hearing")
        met_by = raw.get("satisfied_by") or {}
        met_entry = met_by.get("entry_no") if isinstance(met_by, dict) else None
        if entry_no is not None and (isinstance(entry_no, bool) or not isinstance(entry_no, int)):
            raise InputError("path", f"{where}.trigger.entry_no is {_kind_of(entry_no)}")
        if hearing_ref is not None and not isinstance(hearing_ref, str):
            raise InputError("path", f"{where}.trigger.hearing is {_kind_of(hearing_ref)}")
        deadline = Deadline.model_validate(
            {
                **{k: v for k, v in raw.items() if k not in ("trigger", "satisfied_by")},
                "trigger_filing_id": filing_ids.get(entry_no) if entry_no is not None else None,
                "satisfied_by_filing_id": (
                    filing_ids.get(met_entry) if isinstance(met_entry, int) else None
                ),
                "trigger_hearing_id": hearing_ids.get(hearing_ref) if hearing_ref else None,
            }
        )
        store.insert_deadline(case_id, deadline)
        report.deadlines_added += 1

    for index, raw in enumerate(_records(document, "notes")):
        reading.at = f"notes[{index}]"
        note = Note.model_validate(raw)
        note_values = note.model_dump(mode="json", exclude={"id", "case_id"})
        note_values.update(case_id=case_id, created_at=now)
        store.insert("notes", note_values, case_id=case_id)

    reading.at = ""
    store.refresh_rollups(case_id)
