"""Bring ECF notice emails (Notices of Electronic Filing) into docket.

Every new federal filing arrives as an NEF; juriscraper reads it (`db.pacer.mail`) and this
module writes what it says:

- Each case the notice names is found by court and docket number, or opened from the notice
  (title, court, number); a notice may name several (a bankruptcy case and its adversary
  proceeding, the cases of an MDL) and the entry goes on each.
- The entry keeps the court's docket text verbatim, its document number and date; its type
  comes from the notice's short description (the CM/ECF event, `Motion to Dismiss`), which
  names the paper more reliably than the docket text's first words.
- An entry already on the docket adds nothing: the same document number in that case, the
  same PACER document id, or (for an entry without either) the same day and docket text.
  Numbered entries take the id a PACER import gives them (`doc:<number>`), so a later PACER
  import of the docket refreshes them instead of adding them again.
- Rule deadlines fire as for any filing entered by hand, counted from the filing date with
  electronic service (an NEF is the service), so no days are added for mail.

Each message is all-or-nothing. A single message that is not an NEF is refused before
anything is written; in a folder or an mbox it is skipped, named in the report with the
reason, and the rest still import, in one transaction with one savepoint per message.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from db.pacer.mail import NotANotice, Notice, RawMessage, messages_in, read_notice
from db.pacer.mapping import (
    DOC_TYPE_WORDS,
    case_kind_for,
    clean_text,
    doc1_id,
    entry_title,
    guess_doc_type,
    iso_date,
    one_line,
    same_docket_text,
    waiver_sent_on,
)
from db.reports import NoticeReport, SkippedMessage
from db.store import Store
from docket.errors import DocketError, InputError, NotFound
from docket.models import Case, DocType, EntrySource, Filing, ServiceMethod

#: Called with (messages read so far, messages in all) while the notices are read.
Progress = Callable[[int, int], None]

#: Words that end the name of the paper in a CM/ECF event (`Motion for Extension of Time`,
#: `Certificate of Service re Motion`): what follows is what the paper is about.
_PREPOSITIONS = frozenset(
    ["OF", "RE", "TO", "FOR", "ON", "IN", "BY", "AND", "WITH", "AS", "REGARDING", "FROM"]
)
#: Events that record a proceeding, not a paper filed: they set no paper's deadlines.
_PROCEEDINGS = frozenset(["HEARING", "CONFERENCE", "TRIAL", "PROCEEDINGS", "SENTENCING"])


def notice_doc_type(short_description: str, description: str) -> DocType:
    """The kind of paper from the notice's CM/ECF event name, read as English names a thing:
    by the last word before any preposition (`Status Report` is a report, `Order on Motion to
    Dismiss` an order, `Motion Hearing` a proceeding); the docket text when the notice gives
    no event name."""
    event = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", short_description)
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", event.upper())
    if not words:
        return guess_doc_type(description)
    whole = guess_doc_type(event)
    if whole in (DocType.NOTICE_OF_APPEAL, DocType.MINUTE_ENTRY):
        return whole
    head: list[str] = []
    for word in words:
        if word in _PREPOSITIONS or word == "-":
            break
        head.append(word)
    if any(word in _PROCEEDINGS for word in head):
        return DocType.MINUTE_ENTRY
    for word in reversed(head):
        if word in DOC_TYPE_WORDS:
            return DOC_TYPE_WORDS[word]
    return DocType.OTHER


def notice_filing(entry: dict[str, Any]) -> Filing:
    """The filing a notice's docket entry becomes (see the module's docstring)."""
    description = clean_text(entry.get("description"))
    filed_on = iso_date(entry.get("date_filed"))
    assert filed_on is not None  # read_notice refuses a notice with an undated entry
    number = str(entry.get("document_number") or "").strip() or None
    document_id = str(entry.get("pacer_doc_id") or "").strip()
    if number:
        source_id = f"doc:{number}"
    elif document_id:
        source_id = f"ecf:{document_id}"
    else:
        digest = hashlib.sha1(" ".join(description.split()).encode()).hexdigest()[:12]
        source_id = f"nef:{filed_on.isoformat()}:{digest}"
    doc_type = notice_doc_type(one_line(entry.get("short_description")), description)
    # A returned waiver's answer period runs from the day the request was sent, which the
    # docket text gives, never from the notice (FRCP 12(a)(1)(A)(ii)).
    waiver = doc_type in (DocType.WAIVER_OF_SERVICE, DocType.WAIVER_OF_SERVICE_ABROAD)
    return Filing(
        filed_on=filed_on,
        doc_type=doc_type,
        title=entry_title(description),
        description=description or None,
        document_number=number,
        served_on=waiver_sent_on(description) if waiver else filed_on,
        service=ServiceMethod.ELECTRONIC,
        document_ref=str(entry.get("document_url") or "").strip() or None,
        source=EntrySource.PACER,
        source_id=source_id,
    )


def _already_there(store: Store, case_id: int, filing: Filing, document_id: str | None) -> bool:
    """Whether the case has this entry: same document number, same PACER document id, or,
    for an entry with neither, the same day and docket text."""
    like = f"%/doc1/{document_id[:3]}_{document_id[4:]}%" if document_id else None
    rows = store.query_rows(
        "SELECT document_number, document_ref, source_id, filed_on, description FROM filings "
        "WHERE case_id = ? AND (document_number = ? OR source_id = ? OR document_ref LIKE ? "
        "OR (document_number IS NULL AND filed_on = ?))",
        (case_id, filing.document_number, filing.source_id, like, filing.filed_on.isoformat()),
    )
    for number, reference, source_id, filed_on, description in rows:
        if filing.document_number and number == filing.document_number:
            return True
        if source_id == filing.source_id:
            return True
        if document_id and doc1_id(reference) == document_id:
            return True
        if (
            not filing.document_number
            and number is None
            and filed_on == filing.filed_on.isoformat()
            and same_docket_text(description, filing.description)
        ):
            return True
    return False


def _case_for(store: Store, court: str, docket: dict[str, Any], report: NoticeReport) -> int:
    """The case the notice names, found by court and number (or a case entered without a
    court under that number), else opened from the notice."""
    number = str(docket["docket_number"]).strip()
    try:
        case = store.find_case(number, court)
    except NotFound:
        try:
            case = store.find_case(number)
        except NotFound:
            case = None
        if case is not None and case.court:
            case = None
    if case is None:
        title = (one_line(docket.get("case_name")) or number)[:500]
        case = store.add_case(
            Case(
                number=number,
                court=court,
                title=title,
                kind=case_kind_for(number),
                opened_on=iso_date(docket.get("date_filed")),
                summary=f"Opened from an ECF notice of {court}",
            ),
            # A court the registry lacks is refused: the message is skipped, or refused alone.
            registered_court=True,
        )
        report.cases_created.append(f"{court} {number}: {title}")
    assert case.id is not None
    name = f"{court} {number}"
    if name not in report.cases:
        report.cases.append(name)
        report.case_ids.append(case.id)
    return case.id


def write_notice(store: Store, notice: Notice) -> NoticeReport:
    """Write one notice's entries on each case it names, in one transaction; what it did."""
    report = NoticeReport(messages=1, notices=1)
    touched: list[int] = []
    with store.write():
        for docket in notice.data["dockets"]:
            case_id = _case_for(store, notice.court, docket, report)
            touched.append(case_id)
            for entry in docket["docket_entries"]:
                filing = notice_filing(entry)
                document_id = str(entry.get("pacer_doc_id") or "").strip() or None
                if _already_there(store, case_id, filing, document_id):
                    report.entries_unchanged += 1
                    continue
                # As other imports: a deadline already past when an old notice comes in is
                # recorded as past at import and named in the report, not left overdue.
                _, deadlines = store.import_filing(
                    case_id, filing, deadlines_due_from=store.clock.today()
                )
                report.entries_added += 1
                report.count_deadlines(deadlines)
        report.settle_deadlines(store)
        for case_id in dict.fromkeys(touched):
            store.refresh_rollups(case_id)
    return report


def _add(total: NoticeReport, part: NoticeReport) -> None:
    total.notices += part.notices
    for name, case_id in zip(part.cases, part.case_ids, strict=True):
        if name not in total.cases:
            total.cases.append(name)
            total.case_ids.append(case_id)
    total.cases_created += part.cases_created
    total.entries_added += part.entries_added
    total.entries_unchanged += part.entries_unchanged
    total.take_deadlines(part)


def import_notices(
    store: Store, paths: Sequence[Path], progress: Progress | None = None
) -> NoticeReport:
    """Import the NEFs in each path: a saved message (.eml), an mbox file, a maildir folder or
    a folder of .eml files.

    Raises InputError naming `path` when a single message is not an NEF, or when no message
    at all is one; nothing is written then.
    """
    batches = [(Path(path), *messages_in(Path(path))) for path in paths]
    total = sum(len(found) for _path, found, _many in batches)
    report = NoticeReport(messages=total)
    notices: list[tuple[Notice, bool]] = []
    done = 0
    for path, found, many in batches:
        for message in found:
            done += 1
            notice = _read(message, path, many, report)
            if notice is not None:
                notices.append((notice, many))
            if progress is not None:
                progress(done, total)
    if not notices:
        first = report.skipped[0] if report.skipped else None
        why = f" ({first.message}: {first.reason})" if first else ""
        raise InputError("path", f"no ECF notice to import in {total} messages{why}")
    with store.write():
        for notice, many in notices:
            try:
                _add(report, write_notice(store, notice))
            except (ValidationError, DocketError) as error:
                if not many:
                    raise InputError("path", f"{notice.name}: {_why(error)}") from None
                report.skipped.append(SkippedMessage(message=notice.name, reason=_why(error)))
    return report


def _read(message: RawMessage, path: Path, many: bool, report: NoticeReport) -> Notice | None:
    try:
        return read_notice(message)
    except NotANotice as reason:
        if not many:
            raise InputError(
                "path", f"{path.name}: {reason}", "a Notice of Electronic Filing saved as .eml"
            ) from None
        report.skipped.append(SkippedMessage(message=message.name, reason=str(reason)))
        return None


def _why(error: ValidationError | DocketError) -> str:
    if isinstance(error, ValidationError):
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "a record"
        return f"{where} is not usable ({problem['msg']})"
    return str(error)
