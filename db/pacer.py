"""Bring a PACER district-court docket report (the HTML page as saved from PACER) into docket.

juriscraper reads the page; this module decides what it means for our records:

- The case is found by court and docket number, or opened. A page whose case is terminated
  closes it (disposition `terminated (PACER)`) on the termination date.
- Every party is linked with its PACER type mapped to our roles; the type itself is kept
  verbatim in `raw_role`. Every attorney is linked as counsel to each party they represent.
- Every docket entry becomes a filing with `source='pacer'` and a `source_id` that survives a
  later save of the same docket: `doc:<number>` for numbered entries (`doc:101#2` for the
  second entry PACER gives the same number), `day:<date>#<n>` for unnumbered ones (the n-th
  unnumbered entry filed that day). Importing again is a refresh: new entries are added after
  the existing ones, changed text is updated, nothing is duplicated, entries entered by hand
  and entries a person voided are never touched.
- Rule deadlines: an imported docket is mostly history. Only new entries whose rule deadline
  falls today or later get one (a complaint filed last week gets its answer deadline; a
  complaint from 2008 does not put a long-past open deadline on the agenda).

Everything is one transaction: a page that cannot be read writes nothing.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from db.reports import ImportReport
from db.store import Store
from docket.errors import InputError, NotFound, Refused
from docket.lifecycle import lifecycle_for
from docket.models import (
    Case,
    CaseKind,
    DocType,
    EntrySource,
    Filing,
    PartyKind,
    PartyRole,
)

#: Disposition given to a case PACER shows as terminated (PACER does not say how it ended).
TERMINATED_DISPOSITION = "terminated (PACER)"
#: Longest title taken from an entry's docket text; the whole text stays in the description.
TITLE_LENGTH = 160

_COURT_ID = re.compile(r"^[a-z]{2,6}$")

# ---------------------------------------------------------------------- court detection

_STATES = {
    "alabama": "al",
    "alaska": "ak",
    "arizona": "az",
    "arkansas": "ar",
    "california": "ca",
    "colorado": "co",
    "connecticut": "ct",
    "delaware": "de",
    "district of columbia": "dc",
    "columbia": "dc",
    "florida": "fl",
    "georgia": "ga",
    "hawaii": "hi",
    "idaho": "id",
    "illinois": "il",
    "indiana": "in",
    "iowa": "ia",
    "kansas": "ks",
    "kentucky": "ky",
    "louisiana": "la",
    "maine": "me",
    "maryland": "md",
    "massachusetts": "ma",
    "michigan": "mi",
    "minnesota": "mn",
    "mississippi": "ms",
    "missouri": "mo",
    "montana": "mt",
    "nebraska": "ne",
    "nevada": "nv",
    "new hampshire": "nh",
    "new jersey": "nj",
    "new mexico": "nm",
    "new york": "ny",
    "north carolina": "nc",
    "north dakota": "nd",
    "ohio": "oh",
    "oklahoma": "ok",
    "oregon": "or",
    "pennsylvania": "pa",
    "rhode island": "ri",
    "south carolina": "sc",
    "south dakota": "sd",
    "tennessee": "tn",
    "texas": "tx",
    "utah": "ut",
    "vermont": "vt",
    "virginia": "va",
    "washington": "wa",
    "west virginia": "wv",
    "wisconsin": "wi",
    "wyoming": "wy",
    "puerto rico": "pr",
    "guam": "gu",
    "virgin islands": "vi",
    "northern mariana islands": "nmi",
}
_DIRECTIONS = {
    "northern": "n",
    "southern": "s",
    "eastern": "e",
    "western": "w",
    "central": "c",
    "middle": "m",
}


def _court_from_district(line: str) -> str | None:
    """`Western District of North Carolina (Asheville)` -> `ncwd`; None when unsure."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", line).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    direction = next((code for word, code in _DIRECTIONS.items() if word in text.split()), "")
    # Longest state names first, so that `west virginia` is not read as `virginia`.
    for state in sorted(_STATES, key=len, reverse=True):
        if re.search(rf"\b{state}\b", text):
            return f"{_STATES[state]}{direction}d"
    return None


def detect_courts(html_text: str) -> set[str]:
    """Court ids the page names: its CM/ECF links, its title and its header's district line."""
    found = set(re.findall(r"ecf\.([a-z]{2,6})\.uscourts\.gov", html_text, re.IGNORECASE))
    found |= set(re.findall(r"District Court:\s*([a-z]{2,6})\b", html_text, re.IGNORECASE))
    header = re.search(r"<h3[^>]*>(.*?)</h3>", html_text, re.IGNORECASE | re.DOTALL)
    if header:
        lines = [
            re.sub(r"<[^>]+>", "", part).strip()
            for part in re.split(r"<br\s*/?>", header.group(1), flags=re.IGNORECASE)
        ]
        for line in lines:
            if "district" in line.casefold() and "district court" not in line.casefold():
                court = _court_from_district(line)
                if court:
                    found.add(court)
    return {court.lower() for court in found}


# ---------------------------------------------------------------------- reading the file


def _read_page(path: Path) -> str:
    if not path.exists():
        raise InputError("path", f"{path} does not exist", "~/Downloads/docket.html")
    if path.is_dir():
        raise InputError("path", f"{path} is a folder, not a saved docket page", "docket.html")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError("path", f"cannot read {path} ({error.strerror})") from None
    if not raw.strip():
        raise InputError(
            "path", f"{path.name} is empty", "save the docket report page from PACER as HTML"
        )
    if b"\x00" in raw[:8192]:
        raise InputError(
            "path",
            f"{path.name} is not a web page (binary data)",
            "the docket report saved from PACER as .html",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if "<html" not in text[:4096].casefold() and "<table" not in text.casefold():
        raise InputError(
            "path", f"{path.name} is not a web page", "the docket report saved from PACER as .html"
        )
    if "</html>" not in text[-4096:].casefold():
        raise InputError(
            "path",
            f"{path.name} ends before the page does (no closing </html>); it looks cut off",
            "save the docket report from PACER again",
        )
    return text


def parse_docket_page(html_text: str, court_id: str) -> dict[str, Any]:
    """juriscraper's reading of the page (its `DocketReport.data`)."""
    # juriscraper logs to /var/log/juriscraper unless told otherwise, and says so on stderr.
    os.environ.setdefault("JURISCRAPER_LOG", os.devnull)
    from juriscraper.pacer import DocketReport

    report = DocketReport(court_id)
    report._parse_text(html_text)
    data: dict[str, Any] = report.data
    return data


# ---------------------------------------------------------------------- mapping to our model

_ROLE_WORDS: tuple[tuple[str, PartyRole], ...] = (
    ("plaintiff", PartyRole.PLAINTIFF),
    ("defendant", PartyRole.DEFENDANT),
    ("petitioner", PartyRole.PETITIONER),
    ("respondent", PartyRole.RESPONDENT),
    ("appellant", PartyRole.APPELLANT),
    ("appellee", PartyRole.APPELLEE),
    ("victim", PartyRole.VICTIM),
    ("witness", PartyRole.WITNESS),
)


def party_role(pacer_type: str) -> PartyRole:
    """Our role for a PACER party type; counter-claims and third-party roles are `other`,
    since PACER's `Counter Defendant` is usually the plaintiff (the raw type stays visible)."""
    text = pacer_type.casefold()
    if "counter" in text or "cross" in text:
        return PartyRole.OTHER
    for word, role in _ROLE_WORDS:
        if word in text:
            return role
    return PartyRole.OTHER


_AGENCY_WORDS = re.compile(
    r"\b(united states|usa|state of|commonwealth|department|agency|bureau|commission|"
    r"county|city of|people of)\b",
    re.IGNORECASE,
)
_ORGANIZATION_WORDS = re.compile(
    r"\b(inc|llc|l\.l\.c|llp|lp|ltd|limited|corp|corporation|company|co|bank|trust|"
    r"university|association|group|holdings|partners|pharma|pharmaceuticals|insurance|"
    r"foundation|plc|gmbh|s\.a|n\.a|ag)\b\.?",
    re.IGNORECASE,
)


def party_kind(name: str) -> PartyKind:
    if _AGENCY_WORDS.search(name):
        return PartyKind.AGENCY
    if _ORGANIZATION_WORDS.search(name):
        return PartyKind.ORGANIZATION
    return PartyKind.PERSON


_PHRASES: tuple[tuple[tuple[str, ...], DocType], ...] = (
    (("NOTICE", "OF", "APPEAL"), DocType.NOTICE_OF_APPEAL),
    (("MINUTE", "ENTRY"), DocType.MINUTE_ENTRY),
    (("MINUTE", "ORDER"), DocType.ORDER),
    (("LETTER", "ORDER"), DocType.ORDER),
    (("TEXT", "ORDER"), DocType.ORDER),
    (("ARREST", "WARRANT"), DocType.WARRANT),
    (("MEMO", "ENDORSEMENT"), DocType.ORDER),
)
_WORDS: dict[str, DocType] = {
    "COMPLAINT": DocType.COMPLAINT,
    "PETITION": DocType.PETITION,
    "SUMMONS": DocType.SUMMONS,
    "ANSWER": DocType.ANSWER,
    "COUNTERCLAIM": DocType.COUNTERCLAIM,
    "MOTION": DocType.MOTION,
    "RESPONSE": DocType.RESPONSE,
    "OPPOSITION": DocType.RESPONSE,
    "REPLY": DocType.REPLY,
    "BRIEF": DocType.BRIEF,
    "MEMORANDUM": DocType.BRIEF,
    "ORDER": DocType.ORDER,
    "JUDGMENT": DocType.JUDGMENT,
    "NOTICE": DocType.NOTICE,
    "SUBPOENA": DocType.SUBPOENA,
    "WARRANT": DocType.WARRANT,
    "INDICTMENT": DocType.INDICTMENT,
    "SUPERSEDING": DocType.INDICTMENT,
    "INFORMATION": DocType.INFORMATION,
    "ARREST": DocType.ARREST,
    "DECLARATION": DocType.DECLARATION,
    "AFFIDAVIT": DocType.DECLARATION,
    "EXHIBIT": DocType.EXHIBIT,
    "STIPULATION": DocType.STIPULATION,
    "TRANSCRIPT": DocType.TRANSCRIPT,
    "LETTER": DocType.LETTER,
    "REPORT": DocType.REPORT,
}
#: Words that may precede the document's kind without changing it.
_QUALIFIERS = frozenset(
    [
        "FIRST",
        "SECOND",
        "THIRD",
        "FOURTH",
        "CONSENT",
        "JOINT",
        "AMENDED",
        "UNOPPOSED",
        "OPPOSED",
        "EMERGENCY",
        "SEALED",
        "PROPOSED",
        "SUPPLEMENTAL",
        "RENEWED",
        "CORRECTED",
        "REDACTED",
        "STIPULATED",
        "AGREED",
        "EX",
        "PARTE",
    ]
)


def guess_doc_type(description: str) -> DocType:
    """The kind of paper from the first words of PACER's docket text
    (`First MOTION to Dismiss` -> motion, `NOTICE OF APPEAL` -> notice_of_appeal)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", description.upper())[:8]
    for start in range(0, min(len(words), 4)):
        head = tuple(words[start:])
        for phrase, doc_type in _PHRASES:
            if head[: len(phrase)] == phrase:
                return doc_type
        word = words[start]
        if word in _WORDS:
            return _WORDS[word]
        if word in _QUALIFIERS or word.endswith(("'S", "’S")) or word == "DOCUMENT":
            continue
        break
    return DocType.OTHER


def entry_title(description: str) -> str:
    """A one-line title from the docket text: its start, cut at a word boundary."""
    text = " ".join(description.split())
    if not text:
        return "(no docket text)"
    if len(text) <= TITLE_LENGTH:
        return text
    cut = text[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _iso(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def case_kind_for(docket_number: str) -> CaseKind:
    """Criminal for `-cr-` (and magistrate `-mj-`, petty offense `-po-`) numbers, else civil."""
    if re.search(r"-(cr|mj|po)-", docket_number, re.IGNORECASE):
        return CaseKind.CRIMINAL
    return CaseKind.CIVIL


def _summary(data: dict[str, Any], court_id: str) -> str:
    lines = []
    for label, key in (
        ("Nature of suit", "nature_of_suit"),
        ("Cause", "cause"),
        ("Jurisdiction", "jurisdiction"),
        ("Jury demand", "jury_demand"),
        ("Demand", "demand"),
        ("Referred to", "referred_to_str"),
    ):
        value = _one_line(data.get(key))
        if value:
            lines.append(f"{label}: {value}")
    lines.append(f"Imported from the PACER docket report of {court_id}")
    return "\n".join(lines)


def _source_ids(entries: list[dict[str, Any]]) -> list[str]:
    """Stable ids for each entry, in page order (see the module docstring)."""
    seen: Counter[str] = Counter()
    ids = []
    for entry in entries:
        number = str(entry.get("document_number") or "").strip()
        base = (
            f"doc:{number}"
            if number
            else f"day:{entry.get('date_filed') or entry.get('date_entered')}"
        )
        seen[base] += 1
        occurrence = seen[base]
        if number:
            ids.append(base if occurrence == 1 else f"{base}#{occurrence}")
        else:
            ids.append(f"{base}#{occurrence}")
    return ids


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(text: Any) -> str:
    """Text as PACER gave it, minus carriage returns and control characters (which no
    docket text means, and which our records refuse)."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def _one_line(text: Any) -> str:
    return " ".join(_clean(text).split())


# ---------------------------------------------------------------------- the import


def import_pacer(store: Store, path: Path, court_id: str) -> ImportReport:
    """Import (or refresh) the case on a saved PACER docket report page.

    Raises InputError naming `path` or `court` when the page cannot be used; nothing is
    written then.
    """
    court = court_id.strip().lower()
    if not _COURT_ID.match(court):
        raise InputError(
            "court", f"{court_id!r} is not a PACER court id, such as nmd, nysd or cand", "nmd"
        )
    path = Path(path)
    html_text = _read_page(path)
    named = detect_courts(html_text)
    if named and court not in named:
        raise InputError(
            "court",
            f"{path.name} is a docket of {', '.join(sorted(named))}, not {court}",
            sorted(named)[0],
        )
    try:
        data = parse_docket_page(html_text, court)
    except Exception as error:  # juriscraper raises many kinds on malformed pages
        raise InputError(
            "path",
            f"{path.name} could not be read as a PACER docket report ({type(error).__name__})",
            "the Docket Report page saved from PACER as .html",
        ) from None
    if not data or not str(data.get("docket_number") or "").strip():
        raise InputError(
            "path",
            f"{path.name} is not a PACER docket report (no case number found on the page)",
            "the Docket Report page (Reports > Docket Report) saved as .html",
        )
    report = ImportReport(case_number=str(data["docket_number"]).strip())
    if not named:
        report.warnings.append(
            f"the page does not name its court; imported as {court}, the court given"
        )
    try:
        with store.write():
            case_id = _write_case(store, data, court, report)
            _write_parties(store, case_id, data.get("parties") or [], report)
            _write_entries(store, case_id, data.get("docket_entries") or [], report)
            _close_if_terminated(store, case_id, data, report)
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
    title = (_one_line(data.get("case_name")) or number)[:500]
    judge = _one_line(data.get("assigned_to_str"))[:200] or None
    opened = _iso(data.get("date_filed"))
    summary = _summary(data, court)
    try:
        case = store.find_case(number, court)
    except NotFound:
        case = None
    if case is None:
        created = store.add_case(
            Case(
                number=number,
                court=court,
                title=title,
                kind=case_kind_for(number),
                opened_on=opened,
                judge=judge,
                summary=summary,
            )
        )
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
    terminated = _iso(data.get("date_terminated"))
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


def page_parties(parties: list[dict[str, Any]]) -> list[PageParty]:
    """The page's parties, one per name and role, in page order.

    PACER lists a party once per capacity and sometimes twice in the same one (txed: `Yahoo!
    Inc` is a Counter Claimant twice, with different attorneys); one case may link a party
    only once per role, so those listings merge: their raw types are joined and their
    attorneys pooled.
    """
    merged: dict[tuple[str, PartyRole], PageParty] = {}
    for party in parties:
        name = _one_line(party.get("name"))[:500]
        if not name:
            continue
        raw_type = _one_line(party.get("type")) or "Unknown"
        role = party_role(raw_type)
        entry = merged.setdefault((name, role), PageParty(name=name, role=role))
        if raw_type not in entry.raw_types:
            entry.raw_types.append(raw_type)
        for attorney in party.get("attorneys") or []:
            counsel = _one_line(attorney.get("name"))[:500]
            if not counsel:
                continue
            roles = [_one_line(r) for r in attorney.get("roles") or [] if r]
            raw_role = ("Attorney: " + "; ".join(roles)) if roles else "Attorney"
            entry.attorneys.setdefault(counsel, raw_role[:200])
    return list(merged.values())


class PageParty(BaseModel):
    """One party as the page lists it, after merging repeated listings."""

    name: str
    role: PartyRole
    raw_types: list[str] = Field(default_factory=list)
    attorneys: dict[str, str] = Field(default_factory=dict)
    """Attorney name -> their PACER roles (`Attorney: LEAD ATTORNEY; ...`)."""

    @property
    def raw_role(self) -> str:
        return "; ".join(self.raw_types)[:200]


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
            )
            existing[key] = link
            report.parties_added += 1
        elif (link.raw_role or "") != party.raw_role:
            assert link.id is not None
            store.update("case_parties", link.id, {"raw_role": party.raw_role}, case_id=case_id)
            report.parties_updated += 1
        else:
            report.parties_unchanged += 1
        for counsel, raw_role in party.attorneys.items():
            counsel_key = (counsel, PartyRole.COUNSEL.value, link.id)
            if counsel_key in existing:
                report.counsel_unchanged += 1
                continue
            existing[counsel_key], _ = store.add_party(
                case_id,
                counsel,
                PartyRole.COUNSEL,
                kind=PartyKind.PERSON,
                raw_role=raw_role,
                represents_id=link.id,
            )
            report.counsel_added += 1


def _write_entries(
    store: Store, case_id: int, entries: list[dict[str, Any]], report: ImportReport
) -> None:
    known = {
        row[0]: row[1:]
        for row in store.query_rows(
            "SELECT source_id, id, filed_on, document_number, description, voided_at "
            "FROM filings WHERE case_id = ? AND source = 'pacer' AND source_id IS NOT NULL",
            (case_id,),
        )
    }
    today = store.clock.today()
    for source_id, entry in zip(_source_ids(entries), entries, strict=True):
        description = _clean(entry.get("description"))
        filed_on = _iso(entry.get("date_filed")) or _iso(entry.get("date_entered"))
        if filed_on is None:
            report.warnings.append(f"entry {source_id} has no date; skipped")
            continue
        number = str(entry.get("document_number") or "").strip() or None
        filing = Filing(
            filed_on=filed_on,
            doc_type=guess_doc_type(description),
            title=entry_title(description),
            description=description or None,
            document_number=number,
            source=EntrySource.PACER,
            source_id=source_id,
        )
        current = known.get(source_id)
        if current is None:
            _, deadlines = store.import_filing(case_id, filing, deadlines_due_from=today)
            report.entries_added += 1
            report.deadlines_added += len(deadlines)
            continue
        filing_id, old_filed, old_number, old_description, voided_at = current
        same = (old_filed, old_number, old_description) == (
            filed_on.isoformat(),
            number,
            filing.description,
        )
        if same or voided_at is not None:
            report.entries_unchanged += 1
            continue
        store.update(
            "filings",
            int(filing_id),
            {
                "filed_on": filed_on.isoformat(),
                "document_number": number,
                "description": filing.description,
                "title": filing.title,
                "doc_type": filing.doc_type.value,
                "updated_at": store.timestamp(),
            },
            case_id=case_id,
        )
        report.entries_updated += 1
