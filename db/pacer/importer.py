"""The import itself: one transaction that writes what a checked page says.

The case is found by court and docket number, or opened; parties and counsel are linked once;
entries are added, updated or left alone by their source id; a terminated case is closed. A
page that fails a check (`db.pacer.page`) or holds a record our models refuse writes nothing.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from db.pacer.mapping import (
    TERMINATED_DISPOSITION,
    case_kind_for,
    case_summary,
    doc1_id,
    iso_date,
    one_line,
    page_filing,
    page_parties,
    party_kind,
    same_docket_text,
    source_ids,
)
from db.pacer.page import is_appellate_court, read_docket_page
from db.reports import ImportReport
from db.store import Store
from docket.errors import InputError, NotFound, Refused
from docket.lifecycle import lifecycle_for
from docket.models import Case, Filing, PartyKind, PartyRole

#: A PACER court id: letters, and a circuit's number for a court of appeals (`ca9`).
_COURT_ID = re.compile(r"^[a-z][a-z0-9]{1,5}$")


def import_pacer(store: Store, path: Path, court_id: str | None = None) -> ImportReport:
    """Import (or refresh) the case on a saved PACER docket report page, as a docket of
    `court_id`, or of the court the page names when it is not given.

    Raises InputError naming `path` or `court` when the page cannot be used; nothing is
    written then.
    """
    court: str | None = None
    if court_id is not None:
        court = court_id.strip().lower()
        if not _COURT_ID.match(court):
            raise InputError(
                "court",
                f"{court_id!r} is not a PACER court id, such as nmd, nysd, cand or ca9",
                "nmd",
            )
    path = Path(path)
    page = read_docket_page(path, court)
    court = page.court
    data = page.data
    report = ImportReport(case_number=str(data["docket_number"]).strip())
    if not page.courts:
        report.warnings.append(
            f"the page does not name its court; imported as {court}, the court given"
        )
    try:
        with store.write():
            case_id = _write_case(store, data, court, report)
            _write_parties(store, case_id, data.get("parties") or [], report)
            write_entries(store, case_id, court, data.get("docket_entries") or [], report)
            _close_if_terminated(store, case_id, data, report)
            report.settle_deadlines(store)
            store.refresh_rollups(case_id)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "a record"
        raise InputError(
            "path", f"{path.name}: {where} on the page is not usable ({problem['msg']})"
        ) from None
    report.case_id = case_id
    return report


def _write_case(store: Store, data: dict[str, Any], court: str, report: ImportReport) -> int:
    number = report.case_number
    title = (one_line(data.get("case_name")) or number)[:500]
    judge = one_line(data.get("assigned_to_str"))[:200] or None
    opened = iso_date(data.get("date_filed"))
    summary = case_summary(data, court)
    try:
        case = store.find_case(number, court)
    except NotFound:
        case = None
    if case is None:
        new_case = Case(
            number=number,
            court=court,
            title=title,
            kind=case_kind_for(number, is_appellate_court(court)),
            opened_on=opened,
            judge=judge,
            summary=summary,
        )
        try:
            # A new case's court decides its rules: one the registry lacks is refused (a case
            # already here under such a court is refreshed, and stays flagged).
            created = store.add_case(new_case, registered_court=True)
        except InputError as unknown:
            raise InputError(
                "court",
                f"the new case {number}: {unknown.problem}",
                unknown.example,
            ) from None
        assert created.id is not None
        report.case_created = True
        report.cases_added = 1
        return created.id
    assert case.id is not None
    changes: dict[str, object] = {}
    if case.title != title:
        changes["title"] = title
    if judge and case.judge != judge:
        changes["judge"] = judge
    if opened and case.opened_on != opened:
        changes["opened_on"] = opened
    if case.summary != summary:
        changes["summary"] = summary
    if changes:
        store.update_case(case.model_copy(update=changes))
    return case.id


def _close_if_terminated(
    store: Store, case_id: int, data: dict[str, Any], report: ImportReport
) -> None:
    terminated = iso_date(data.get("date_terminated"))
    if terminated is None:
        return
    case = store.get_case(case_id)
    cycle = lifecycle_for(case.kind)
    if cycle.is_resolved(case.stage):
        return
    try:
        store.change_stage(
            case_id,
            "closed",
            on=max(terminated, case.opened_on or terminated),
            note=f"Terminated on {terminated.isoformat()} per the PACER docket",
            disposition=TERMINATED_DISPOSITION,
            source=f"PACER docket report {case.court or ''} {case.number}".strip(),
        )
    except Refused as refused:
        report.warnings.append(f"case not closed: {refused}")


def _write_parties(
    store: Store, case_id: int, parties: list[dict[str, Any]], report: ImportReport
) -> None:
    existing = {
        (link.name, link.role.value, link.represents_id): link
        for link in store.case_parties(case_id)
    }
    for party in page_parties(parties):
        key = (party.name, party.role.value, None)
        link = existing.get(key)
        if link is None:
            link, _ = store.add_party(
                case_id,
                party.name,
                party.role,
                kind=party_kind(party.name),
                raw_role=party.raw_role,
                details=party.details,
                check_conflicts=False,
            )
            existing[key] = link
            report.parties_added += 1
        else:
            changed = store.set_party_details(link, party.details)
            if (link.raw_role or "") != party.raw_role:
                assert link.id is not None
                store.update("case_parties", link.id, {"raw_role": party.raw_role}, case_id=case_id)
                changed = True
            if changed:
                report.parties_updated += 1
            else:
                report.parties_unchanged += 1
        for counsel, listing in party.attorneys.items():
            counsel_key = (counsel, PartyRole.COUNSEL.value, link.id)
            known = existing.get(counsel_key)
            if known is not None:
                changed = store.set_party_details(known, listing.details)
                if (known.raw_role or "") != listing.raw_role:
                    assert known.id is not None
                    store.update(
                        "case_parties", known.id, {"raw_role": listing.raw_role}, case_id=case_id
                    )
                    changed = True
                if changed:
                    report.counsel_updated += 1
                else:
                    report.counsel_unchanged += 1
                continue
            existing[counsel_key], _ = store.add_party(
                case_id,
                counsel,
                PartyRole.COUNSEL,
                kind=PartyKind.PERSON,
                raw_role=listing.raw_role,
                represents_id=link.id,
                details=listing.details,
                check_conflicts=False,
            )
            report.counsel_added += 1


def write_entries(
    store: Store, case_id: int, court: str, entries: list[dict[str, Any]], report: ImportReport
) -> None:
    """Add, refresh or leave each of a docket report's entries (juriscraper's
    `docket_entries`), inside the caller's transaction.

    An unnumbered entry an ECF notice brought in first (its id `ecf:` or `nef:`) is the same
    entry when it links the same document or has the same day and docket text: it takes the
    report's id and text instead of being added again.
    """
    noticed = [
        row
        for row in store.query_rows(
            "SELECT id, filed_on, description, document_ref, voided_at FROM filings "
            "WHERE case_id = ? "
            "AND source = 'pacer' AND document_number IS NULL "
            "AND (source_id LIKE 'ecf:%' OR source_id LIKE 'nef:%')",
            (case_id,),
        )
    ]
    known = {
        row[0]: row[1:]
        for row in store.query_rows(
            "SELECT source_id, id, filed_on, document_number, description, voided_at "
            "FROM filings WHERE case_id = ? AND source = 'pacer' AND source_id IS NOT NULL",
            (case_id,),
        )
    }
    new: list[Filing] = []
    for source_id, entry in zip(source_ids(entries), entries, strict=True):
        filing = page_filing(entry, source_id, court)
        if filing is None:
            report.warnings.append(f"entry {source_id} has no date; skipped")
            continue
        current = known.get(source_id)
        if current is None:
            match = _noticed_entry(noticed, filing) if filing.document_number is None else None
            if match is None:
                _note_questioned_dates(filing, source_id, store.clock.today(), report)
                new.append(filing)
                continue
            noticed.remove(match)
            if match[4] is not None:  # voided by a person: left as it is
                report.entries_unchanged += 1
                continue
            store.update(
                "filings",
                int(match[0]),
                {
                    "source_id": filing.source_id,
                    "description": filing.description,
                    "title": filing.title,
                    "updated_at": store.timestamp(),
                },
                case_id=case_id,
            )
            report.entries_updated += 1
            continue
        filing_id, old_filed, old_number, old_description, voided_at = current
        same = (old_filed, old_number, old_description) == (
            filing.filed_on.isoformat(),
            filing.document_number,
            filing.description,
        )
        if same or voided_at is not None:
            report.entries_unchanged += 1
            continue
        store.update(
            "filings",
            int(filing_id),
            {
                "filed_on": filing.filed_on.isoformat(),
                "document_number": filing.document_number,
                "description": filing.description,
                "title": filing.title,
                "doc_type": filing.doc_type.value,
                "updated_at": store.timestamp(),
            },
            case_id=case_id,
        )
        report.entries_updated += 1
    for _, created in store.import_filings(case_id, new, deadlines_due_from=store.clock.today()):
        report.count_deadlines(created)
    report.entries_added += len(new)


def _note_questioned_dates(
    filing: Filing, source_id: str, today: date, report: ImportReport
) -> None:
    """A page is the court's record, imported as it reads; a date on it that is hardly right
    (`docket.doubts`) is named in the report for the paralegal to check."""
    from docket.doubts import filing_doubts

    for doubt in filing_doubts(filing, today):
        report.warnings.append(
            f"entry {source_id}: check the date, imported as the page has it: {doubt.problem}"
        )


def _noticed_entry(noticed: list[tuple[Any, ...]], filing: Filing) -> tuple[Any, ...] | None:
    document = doc1_id(filing.document_ref)
    for row in noticed:
        _id, filed_on, description, reference, _voided = row
        if document is not None and doc1_id(reference) == document:
            return row
        if filed_on == filing.filed_on.isoformat() and same_docket_text(
            description, filing.description
        ):
            return row
    return None
