"""What juriscraper's reading of a PACER docket means for our records.

Pure functions from its `DocketReport.data` to our models and words: party roles and kinds,
the kind of paper an entry is, entry titles, the case's kind and summary, and the ids that
make a second import a refresh. Nothing here touches the store.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from docket.models import (
    CaseKind,
    DocType,
    EntrySource,
    Filing,
    PartyDetails,
    PartyKind,
    PartyRole,
)

#: Disposition given to a case PACER shows as terminated (PACER does not say how it ended).
TERMINATED_DISPOSITION = "terminated (PACER)"
#: Longest title taken from an entry's docket text; the whole text stays in the description.
TITLE_LENGTH = 160

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
    (("NOTICE", "OF", "REMOVAL"), DocType.NOTICE_OF_REMOVAL),
    # An amended complaint answers under FRCP 15(a)(3) and never restarts service (4(m)).
    (("AMENDED", "COMPLAINT"), DocType.AMENDED_COMPLAINT),
    (("WAIVER", "OF", "SERVICE"), DocType.WAIVER_OF_SERVICE),
    (("JURY", "DEMAND"), DocType.JURY_DEMAND),
    (("MINUTE", "ENTRY"), DocType.MINUTE_ENTRY),
    (("MINUTE", "ORDER"), DocType.ORDER),
    (("LETTER", "ORDER"), DocType.ORDER),
    (("TEXT", "ORDER"), DocType.ORDER),
    (("ARREST", "WARRANT"), DocType.WARRANT),
    (("MEMO", "ENDORSEMENT"), DocType.ORDER),
)
#: The word that names each kind of paper, in PACER's docket text and ECF event names.
DOC_TYPE_WORDS: dict[str, DocType] = {
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
    # Eight words are read; upper-casing a whole page of docket text would cost more.
    words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", description[:240].upper())[:8]
    for start in range(0, min(len(words), 4)):
        head = tuple(words[start:])
        for phrase, doc_type in _PHRASES:
            if head[: len(phrase)] == phrase:
                return doc_type
        word = words[start]
        if word in DOC_TYPE_WORDS:
            return DOC_TYPE_WORDS[word]
        if word in _QUALIFIERS or word.endswith(("'S", "’S")) or word == "DOCUMENT":
            continue
        break
    return DocType.OTHER


_WAIVER_SENT = re.compile(
    r"\bwaiver (?:was )?(?:sent|mailed) on (\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", re.IGNORECASE
)


def waiver_sent_on(description: str) -> date | None:
    """The day a waiver request was sent, as CM/ECF's docket text for a returned waiver gives
    it (`... waiver sent on 8/13/2026, answer due 10/13/2026`): the answer period runs from it
    (FRCP 12(a)(1)(A)(ii)), so it is kept as the entry's served date."""
    found = _WAIVER_SENT.search(description)
    if found is None:
        return None
    month, day, year = (int(part) for part in found.groups())
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None


def entry_title(description: str) -> str:
    """A one-line title from the docket text: its start, cut at a word boundary."""
    text = " ".join(description.split())
    if not text:
        return "(no docket text)"
    if len(text) <= TITLE_LENGTH:
        return text
    cut = text[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def iso_date(value: Any) -> date | None:
    """A date juriscraper gives as a date, an ISO string or nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def case_kind_for(docket_number: str, appellate: bool = False) -> CaseKind:
    """An appeal for a court of appeals' docket; criminal for `-cr-` (and magistrate `-mj-`,
    petty offense `-po-`) numbers, else civil."""
    if appellate:
        return CaseKind.APPEAL
    if re.search(r"-(cr|mj|po)-", docket_number, re.IGNORECASE):
        return CaseKind.CRIMINAL
    return CaseKind.CIVIL


def case_summary(data: dict[str, Any], court_id: str) -> str:
    """The header facts PACER gives that have no field of their own, kept in the summary."""
    lines = []
    for label, key in (
        ("Nature of suit", "nature_of_suit"),
        ("Cause", "cause"),
        ("Jurisdiction", "jurisdiction"),
        ("Jury demand", "jury_demand"),
        ("Demand", "demand"),
        ("Referred to", "referred_to_str"),
        ("Appeal from", "appeal_from"),
        ("Case type", "case_type_information"),
        ("Fee status", "fee_status"),
    ):
        value = one_line(data.get(key))
        if value:
            lines.append(f"{label}: {value}")
    origin = data.get("originating_court_information") or {}
    origin_number = one_line(origin.get("docket_number"))
    if origin_number:
        origin_court = one_line(origin.get("court_id"))
        lines.append(f"Originating case: {origin_number} {origin_court}".rstrip())
    lines.append(f"Imported from the PACER docket report of {court_id}")
    return "\n".join(lines)


def source_ids(entries: list[dict[str, Any]]) -> list[str]:
    """Stable ids for each entry, in page order, that survive a later save of the same docket.

    `doc:<number>` for numbered entries (`doc:101#2` for the second entry PACER gives the same
    number), `day:<date>#<n>` for unnumbered ones (the n-th unnumbered entry filed that day).
    """
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


_ENTERED = re.compile(r"\s*\(Entered:\s*[\d/]+\)\s*$", re.IGNORECASE)


def same_docket_text(a: str | None, b: str | None) -> bool:
    """The same docket text, as a notice and a docket report give it: the report adds
    `(Entered: 01/30/2023)` and either may break lines differently."""

    def plain(text: str | None) -> str:
        return " ".join(_ENTERED.sub("", text or "").split()).casefold()

    return plain(a) == plain(b)


_DOC1 = re.compile(r"/doc1/(\d{4,})")


def doc1_id(reference: str | None) -> str | None:
    """PACER's document id in a `/doc1/` link, in juriscraper's form: the fourth digit, which
    says whether the link shows the document or its attachments, is always 0."""
    found = _DOC1.search(reference or "")
    if found is None:
        return None
    digits = found.group(1)
    return f"{digits[:3]}0{digits[4:]}"


_APPELLATE_COURT = re.compile(r"^(?:ca\d{1,2}|cadc|cafc)$")


def doc1_link(court_id: str, pacer_doc_id: Any) -> str | None:
    """The document's CM/ECF link, from the id a docket page gives, so that an ECF notice
    of the same document is known for one later (`doc1_id`); courts of appeals serve their
    documents from `/docs1/`."""
    digits = str(pacer_doc_id or "").strip()
    if not digits.isdigit():
        return None
    folder = "docs1" if _APPELLATE_COURT.match(court_id) else "doc1"
    return f"https://ecf.{court_id}.uscourts.gov/{folder}/{digits}"


def page_filing(
    entry: dict[str, Any], source_id: str, court_id: str | None = None
) -> Filing | None:
    """The filing a docket entry becomes; None when PACER gives it no date to file it on."""
    description = clean_text(entry.get("description"))
    filed_on = iso_date(entry.get("date_filed")) or iso_date(entry.get("date_entered"))
    if filed_on is None:
        return None
    number = str(entry.get("document_number") or "").strip() or None
    reference = doc1_link(court_id, entry.get("pacer_doc_id")) if court_id else None
    doc_type = guess_doc_type(description)
    sent = waiver_sent_on(description) if doc_type is DocType.WAIVER_OF_SERVICE else None
    return Filing(
        filed_on=filed_on,
        served_on=sent,
        doc_type=doc_type,
        title=entry_title(description),
        description=description or None,
        document_number=number,
        document_ref=reference,
        source=EntrySource.PACER,
        source_id=source_id,
    )


class PageCounsel(BaseModel):
    """One attorney of a party as the page lists them."""

    raw_role: str
    """Their PACER roles (`Attorney: LEAD ATTORNEY; ATTORNEY TO BE NOTICED`)."""
    details: PartyDetails = Field(default_factory=PartyDetails)
    """Firm, contact block and the day their appearance was terminated."""


class PageParty(BaseModel):
    """One party as the page lists it, after merging repeated listings."""

    name: str
    role: PartyRole
    raw_types: list[str] = Field(default_factory=list)
    attorneys: dict[str, PageCounsel] = Field(default_factory=dict)
    """Attorney name -> what the page says of them for this party."""
    terminated_on: date | None = None

    @property
    def raw_role(self) -> str:
        return "; ".join(self.raw_types)[:200]

    @property
    def details(self) -> PartyDetails:
        return PartyDetails(terminated_on=self.terminated_on)


_TERMINATED = re.compile(r"TERMINATED:\s*(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)
#: A contact block's first line that is not a firm: an address, a phone, an email, a note.
_NOT_A_FIRM = re.compile(
    r"^(?:\d|p\.?\s*o\.?\s+box|post office|suite|room|floor|phone|tel|fax|email|"
    r"\(\d{3}\)|pro se|prisoner|\[)",
    re.IGNORECASE,
)


def terminated_on(roles: list[str]) -> date | None:
    """The day in an attorney's `TERMINATED: 04/27/2023` role, if they have one."""
    for role in roles:
        found = _TERMINATED.search(role)
        if found:
            month, day, year = (int(part) for part in found.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def counsel_details(attorney: dict[str, Any], roles: list[str]) -> PartyDetails:
    """An attorney's firm (the contact block's first line, when it names one), the contact
    block itself, line by line as PACER gives it, and their termination date."""
    lines = [one_line(line) for line in clean_text(attorney.get("contact")).splitlines()]
    lines = [line for line in lines if line]
    contact = "\n".join(lines)[:4000] or None
    firm = lines[0][:200] if lines and not _NOT_A_FIRM.match(lines[0]) else None
    return PartyDetails(firm=firm, contact=contact, terminated_on=terminated_on(roles))


def page_parties(parties: list[dict[str, Any]]) -> list[PageParty]:
    """The page's parties, one per name and role, in page order.

    PACER lists a party once per capacity and sometimes twice in the same one (txed: `Yahoo!
    Inc` is a Counter Claimant twice, with different attorneys); one case may link a party
    only once per role, so those listings merge: their raw types are joined and their
    attorneys pooled. A party is terminated when every listing of it is.
    """
    merged: dict[tuple[str, PartyRole], PageParty] = {}
    ended: dict[tuple[str, PartyRole], list[date | None]] = {}
    for party in parties:
        name = one_line(party.get("name"))[:500]
        if not name:
            continue
        raw_type = one_line(party.get("type")) or "Unknown"
        role = party_role(raw_type)
        entry = merged.setdefault((name, role), PageParty(name=name, role=role))
        ended.setdefault((name, role), []).append(iso_date(party.get("date_terminated")))
        if raw_type not in entry.raw_types:
            entry.raw_types.append(raw_type)
        for attorney in party.get("attorneys") or []:
            counsel = one_line(attorney.get("name"))[:500]
            if not counsel:
                continue
            roles = [one_line(r) for r in attorney.get("roles") or [] if r]
            raw_role = ("Attorney: " + "; ".join(roles)) if roles else "Attorney"
            entry.attorneys.setdefault(
                counsel,
                PageCounsel(raw_role=raw_role[:200], details=counsel_details(attorney, roles)),
            )
    for key, days in ended.items():
        if all(day is not None for day in days):
            merged[key].terminated_on = max(day for day in days if day is not None)
    return list(merged.values())


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: Any) -> str:
    """Text as PACER gave it, minus carriage returns and control characters (which no
    docket text means, and which our records refuse)."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def one_line(text: Any) -> str:
    """PACER text for a one-line field (names, titles, judges): its runs of spaces and line
    breaks as single spaces."""
    return " ".join(clean_text(text).split())
