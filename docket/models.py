"""The domain records a paralegal works with, as pydantic models.

Models are for what is entered, edited and exported; lists that only display rows keep them
as tuples (validating a model costs more than fetching its row). Field docstrings say what a
field means on the docket, so the help text, the CLI and the JSON export agree.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from docket.choices import CaseKind as CaseKind
from docket.choices import Choice as Choice
from docket.choices import DeadlineEvent as DeadlineEvent
from docket.choices import DeadlineStatus as DeadlineStatus
from docket.choices import DocType as DocType
from docket.choices import EntrySource as EntrySource
from docket.choices import HearingStatus as HearingStatus
from docket.choices import PartyKind as PartyKind
from docket.choices import PartyRole as PartyRole
from docket.choices import ServiceMethod as ServiceMethod
from docket.dates import years_before
from docket.errors import InputError, Refused

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _no_control_chars(value: str) -> str:
    if _CONTROL_CHARS.search(value):
        raise ValueError("contains a control character; type plain text")
    return value


def _single_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("must be on one line")
    return value


#: One line of text: trimmed, 1 to 500 characters, no control characters.
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    AfterValidator(_no_control_chars),
    AfterValidator(_single_line),
]
#: A short label such as a court id, a judge's name or a location.
ShortLine = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control_chars),
    AfterValidator(_single_line),
]
#: Free text that may span lines (descriptions, notes, summaries).
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000),
    AfterValidator(_no_control_chars),
]
#: A case number exactly as the court or agency writes it (`1:22-cv-00012-ABC`, `2021-0537`).
CaseNumber = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=80),
    AfterValidator(_no_control_chars),
    AfterValidator(_single_line),
]
#: A holiday calendar code: a country, optionally with a subdivision (`US`, `US-NM`).
CalendarCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]


#: Reminder lead times in days before a deadline or hearing, unless one says otherwise.
DEFAULT_REMIND_DAYS = (7, 3, 1)


def parse_lead_times(text: str, *, field: str) -> list[int]:
    """`7, 3, 1`, `7,3,1` or `7 3 1` -> [7, 3, 1]; blank -> []. The Deadline model checks the
    range; this only reads what was typed (the CLI's --remind and the deadline form)."""
    days = []
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        if not part.isdigit():
            raise InputError(field, f"{part!r} is not a whole number of days", "7, 3, 1")
        days.append(int(part))
    return days


class _Record(BaseModel):
    model_config = ConfigDict(
        str_strip_whitespace=True,
        validate_assignment=True,
        extra="forbid",
        use_enum_values=False,
    )


class Case(_Record):
    """One matter: a court case or an investigation that someone must follow."""

    id: int | None = None
    number: CaseNumber
    """The number as the court or agency writes it; unique within its court."""
    court: ShortLine | None = None
    """Court id (`nmd`, `nysd`) or agency (`Santa Fe County Sheriff`)."""
    title: Line
    """The caption, `Smith v. Jones`, or the name of the investigation."""
    kind: CaseKind
    stage: str = ""
    """Where the matter stands in its kind's lifecycle; empty means the lifecycle's first stage."""
    disposition: Line | None = None
    """How a closed matter ended (settled, no charges...); required to close."""
    opened_on: date | None = None
    closed_on: date | None = None
    judge: ShortLine | None = None
    calendar: CalendarCode = "US"
    """Holiday calendar used to count its deadlines: `US` federal, `US-NM` adds New Mexico's."""
    follow_up_on: date | None = None
    """The day someone should look at this matter again, whatever else happens."""
    summary: Text | None = None
    stay_reason: Line | None = None
    """Why proceedings are stayed, while they are; a stay sits on any unresolved stage."""
    stayed_on: date | None = None
    stay_until: date | None = None
    last_activity_on: date | None = None
    """Latest filing, hearing, status change or note (kept by the store)."""
    matter_no: ShortLine | None = None
    """The firm's own matter number, as billing and the file room know it."""
    client_no: ShortLine | None = None
    """The firm's client number for whom the matter is worked."""
    version: int = 1
    """Bumped on every update; a stale edit is refused rather than overwriting another's."""

    @field_validator(
        "court",
        "judge",
        "disposition",
        "summary",
        "stay_reason",
        "matter_no",
        "client_no",
        mode="before",
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> Case:
        if self.opened_on and self.closed_on and self.closed_on < self.opened_on:
            raise ValueError("closed_on is before opened_on")
        return self


class Party(_Record):
    """A person, organization or agency; one row however many cases it appears on."""

    id: int | None = None
    name: Line
    kind: PartyKind = PartyKind.PERSON
    name_key: str = ""
    """Normalized name used for conflict checks (set by the store)."""


class CaseParty(_Record):
    """A party's part in one case."""

    id: int | None = None
    case_id: int
    party_id: int
    role: PartyRole
    raw_role: ShortLine | None = None
    """The role as the source wrote it (PACER's `Plaintiff-Appellant`), kept verbatim."""
    represents_id: int | None = None
    """For counsel: the case-party row of the client."""
    firm: ShortLine | None = None
    """For counsel: the firm or office, as the court lists it (`GIBBONS P.C.`)."""
    contact: Text | None = None
    """For counsel: the contact block as the court lists it (firm, address, phone, email),
    one line each."""
    terminated_on: date | None = None
    """The day the court terminated this party, or this attorney's appearance, in the case."""
    name: str = ""
    """The party's name (filled in when read from the store)."""
    party_kind: PartyKind = PartyKind.PERSON
    stage: str | None = None
    """A defendant's own stage in a case against several; empty: follows the case's stage."""
    disposition: Line | None = None
    """How the case ended for this defendant (plea, convicted, dismissed...)."""
    stage_on: date | None = None
    """The day this defendant's stage last changed."""


class PartyDetails(BaseModel):
    """What a court says of a party in a case beyond its name and role (PACER's parties and
    counsel section), as one value an import compares and replaces whole."""

    model_config = ConfigDict(frozen=True)

    firm: str | None = None
    contact: str | None = None
    terminated_on: date | None = None

    @classmethod
    def of(cls, link: CaseParty) -> PartyDetails:
        return cls(firm=link.firm, contact=link.contact, terminated_on=link.terminated_on)

    def values(self) -> dict[str, str | None]:
        """The columns, as stored."""
        return {
            "firm": self.firm,
            "contact": self.contact,
            "terminated_on": self.terminated_on.isoformat() if self.terminated_on else None,
        }


class Filing(_Record):
    """A docket entry. Entries are numbered per case in order, never reused, never deleted."""

    id: int | None = None
    case_id: int | None = None
    entry_no: int | None = None
    """Our own running number within the case (assigned by the store)."""
    document_number: ShortLine | None = None
    """The court's document number, when it gave one (PACER entries may have none)."""
    filed_on: date
    doc_type: DocType = DocType.OTHER
    title: Line
    description: Text | None = None
    filed_by: ShortLine | None = None
    served_on: date | None = None
    service: ServiceMethod | None = None
    document_ref: Line | None = None
    """Where the document is: a path, a URL, a DMS number."""
    source: EntrySource = EntrySource.MANUAL
    source_id: ShortLine | None = None
    """The source's id for this entry, so a re-import updates instead of duplicating."""
    voided_at: datetime | None = None
    void_reason: Line | None = None
    version: int = 1
    """Bumped on every change; an edit of an older copy is refused rather than undoing one."""

    @field_validator(
        "document_number", "description", "filed_by", "document_ref", "source_id", mode="before"
    )
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @model_validator(mode="after")
    def _service_after_filing(self) -> Filing:
        if self.served_on and self.served_on < years_before(self.filed_on, 1):
            raise ValueError("served_on is more than a year before filed_on")
        return self

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def refuse_if_voided(self, *, voiding: bool = False) -> None:
        """A voided entry stays on the docket exactly as it was voided: the store refuses to
        change it, and a screen asks before opening a form for it, with this one rule."""
        if self.voided_at is None:
            return
        if voiding:
            raise Refused(
                f"entry {self.entry_no} is already voided ({self.void_reason})", field="entry_no"
            )
        raise Refused(
            f"entry {self.entry_no} is voided ({self.void_reason}); it can no longer be edited",
            field="entry_no",
        )


class Hearing(_Record):
    id: int | None = None
    case_id: int | None = None
    starts_at: datetime
    """Aware date and time (stored with its UTC offset)."""
    ends_at: datetime | None = None
    kind: ShortLine
    """Arraignment, motion hearing, status conference, trial..."""
    location: ShortLine | None = None
    judge: ShortLine | None = None
    status: HearingStatus = HearingStatus.SCHEDULED
    outcome: Text | None = None
    continued_to: datetime | None = None
    version: int = 1
    """Bumped on every change; an edit of an older copy is refused rather than undoing one."""

    @field_validator("starts_at", "ends_at", "continued_to")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.astimezone()
        return value

    @model_validator(mode="after")
    def _ends_after_start(self) -> Hearing:
        if self.ends_at and self.ends_at < self.starts_at:
            raise ValueError("ends_at is before starts_at")
        return self


class Deadline(_Record):
    id: int | None = None
    case_id: int | None = None
    due_on: date
    title: Line
    rule: ShortLine | None = None
    """Rule id it was computed from (`frcp-12a-answer`); none when entered by hand."""
    citation: ShortLine | None = None
    trigger_filing_id: int | None = None
    trigger_hearing_id: int | None = None
    computation: list[str] = Field(default_factory=list)
    """How the date was counted, step by step, in words."""
    status: DeadlineStatus = DeadlineStatus.OPEN
    done_on: date | None = None
    satisfied_by_filing_id: int | None = None
    """The docket entry that met it, when one did."""
    remind_days: list[int] = Field(default_factory=lambda: list(DEFAULT_REMIND_DAYS))
    """Lead times: the deadline starts appearing in reminders this many days before."""

    @field_validator("remind_days")
    @classmethod
    def _lead_times(cls, value: list[int]) -> list[int]:
        if any(day < 0 or day > 365 for day in value):
            raise ValueError("lead times are whole days from 0 to 365")
        return sorted(set(value), reverse=True)


class DeadlineHistory(_Record):
    """One step in a deadline's life after it was set: met by an entry, withdrawn by a close
    or a void, reopened, or found already past at import."""

    id: int | None = None
    deadline_id: int
    happened_on: date
    event: DeadlineEvent
    filing_id: int | None = None
    """The docket entry that met it, or whose void withdrew or reopened it."""
    status_change_id: int | None = None
    """The close that withdrew it, or the reopening that restored it."""
    detail: Line | None = None
    """In words, for the history: `entry 5 voided`, `matter closed (settled)`."""
    from_status: DeadlineStatus | None = None
    """Where the deadline stood before this step (a void puts a met deadline back there)."""


class StatusChange(_Record):
    """One dated step in a matter's life: a stage change, a stay, a lift, a reopening."""

    id: int | None = None
    case_id: int | None = None
    changed_on: date
    from_stage: str | None = None
    to_stage: str
    disposition: Line | None = None
    note: Text | None = None
    source: Line | None = None
    """Citation or URL the change is based on."""
    event: str = "stage"
    """`open`, `stage`, `stay`, `lift` or `reopen`."""
    created_by: str | None = None
    case_party_id: int | None = None
    """The defendant this step is about, in a case against several; empty: the whole case."""
    party: str | None = None
    """That defendant's name (filled in when read from the store; not a column)."""
    reported_on: date | None = None
    """The date of the source that reported the change (a news report, a press release),
    when it is known from one: the change took effect on `changed_on` or before, and was
    typed in later still. Shown as "as reported" with this date."""
    withdrawn_deadlines: int = Field(default=0, ge=0, exclude=True)
    """How many open deadlines closing the matter withdrew; said when it happens, never
    stored (the deadlines themselves keep that history)."""
    restored_deadlines: int = Field(default=0, ge=0, exclude=True)
    """How many deadlines reopening the matter restored (those its close withdrew)."""


class Note(_Record):
    """A dated update on a matter, with where it came from."""

    id: int | None = None
    case_id: int | None = None
    noted_on: date
    text: Text
    source: Line | None = None
    created_by: str | None = None


class AuditEntry(BaseModel):
    id: int
    at: str
    who: str
    db_role: str | None = None
    """The database role that wrote the row, on a shared PostgreSQL database (where `who`,
    the docket user, is what the person says they are and the role is what the server knows)."""
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def name_key(name: str) -> str:
    """Normalize a party name for conflict checks.

    A missed conflict is far worse than a second look at a false one, so the key ignores what
    varies between two writings of one name: case, accents (`Müller`, `Muller`), dotted
    abbreviations (`L.L.C.`), apostrophes, corporate suffixes and titles, and word order
    (`Müller, Hans` as a docket lists it, `Hans Muller` as a form has it).
    """
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"(?<=\w)[.'’](?=\w)", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    words = sorted(w for w in text.split() if w not in _NAME_NOISE)
    return " ".join(words)


_NAME_NOISE = frozenset(
    {
        "the",
        "inc",
        "incorporated",
        "llc",
        "llp",
        "ltd",
        "co",
        "corp",
        "corporation",
        "company",
        "pc",
        "pa",
        "lp",
        "plc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "sr",
        "esq",
    }
)


def trigger_text(trigger: Filing | Hearing) -> str:
    """What a deadline was counted from, in the words every screen and command uses for it:
    the entry as the docket shows it (with its service and whether it was voided), or the
    hearing with its time and status."""
    if isinstance(trigger, Filing):
        served = ""
        if trigger.served_on is not None:
            how = f" ({trigger.service.value})" if trigger.service is not None else ""
            served = f", served {trigger.served_on.isoformat()}{how}"
        void = " [VOIDED]" if trigger.voided else ""
        return (
            f"entry {trigger.entry_no}, {trigger.title}, "
            f"filed {trigger.filed_on.isoformat()}{served}{void}"
        )
    when = trigger.starts_at.strftime("%Y-%m-%d %H:%M")
    return f"hearing #{trigger.id}, {trigger.kind} at {when} [{trigger.status.value}]"
