"""The choices a record's fields take (a case's kind, a party's role, a deadline's status).

They are plain enums, apart from the models, so that what only reads and prints (`case show`,
the argument parser's help) can name and print them without loading pydantic.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, Self

from docket.errors import InputError


class Choice(StrEnum):
    """An enum a person may type loosely: `Notice of Appeal`, `notice-of-appeal` all match."""

    @classmethod
    def parse(cls, text: str) -> Self:
        key = re.sub(r"[\s\-]+", "_", text.strip().lower())
        try:
            return cls(key)
        except ValueError:
            raise ValueError(
                f"{text.strip()!r} is not one of: {', '.join(cls.choices())}"
            ) from None

    @classmethod
    def choose(cls, text: str, field: str) -> Self:
        """What a person typed in `field` (a flag, a form field), or an error naming it."""
        try:
            return cls.parse(text)
        except ValueError as error:
            raise InputError(field, str(error), cls.choices()[0]) from None

    @classmethod
    def choices(cls) -> list[str]:
        return [member.value for member in cls]

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            key = re.sub(r"[\s\-]+", "_", value.strip().lower())
            for member in cls:
                if member.value == key:
                    return member
        return None


class CaseKind(Choice):
    INVESTIGATION = "investigation"
    CIVIL = "civil"
    CRIMINAL = "criminal"
    APPEAL = "appeal"
    ADMINISTRATIVE = "administrative"

    @property
    def with_article(self) -> str:
        """`an investigation`, `a civil`: as a sentence says it before "matter"."""
        return ("an " if self.value[0] in "aeiou" else "a ") + self.value


class PartyRole(Choice):
    PLAINTIFF = "plaintiff"
    DEFENDANT = "defendant"
    PETITIONER = "petitioner"
    RESPONDENT = "respondent"
    APPELLANT = "appellant"
    APPELLEE = "appellee"
    VICTIM = "victim"
    DECEDENT = "decedent"
    WITNESS = "witness"
    INVOLVED_PERSON = "involved_person"
    INVESTIGATOR = "investigator"
    AGENCY = "agency"
    COUNSEL = "counsel"
    JUDGE = "judge"
    OTHER = "other"


class PartyKind(Choice):
    PERSON = "person"
    ORGANIZATION = "organization"
    AGENCY = "agency"
    UNITED_STATES = "united_states"
    """The United States, a U.S. agency, or a U.S. officer or employee (FRAP 4(a)(1)(B)):
    a case with one as a party gets the longer federal appeal period."""


class DocType(Choice):
    COMPLAINT = "complaint"
    AMENDED_COMPLAINT = "amended_complaint"
    """An amended pleading (FRCP 15): a new answer period, never a new service clock."""
    WAIVER_OF_SERVICE = "waiver_of_service"
    """A returned waiver of service (FRCP 4(d)); its served date is the day the request
    was sent, which the answer period counts from."""
    WAIVER_OF_SERVICE_ABROAD = "waiver_of_service_abroad"
    """The same, for a request sent to a defendant outside any U.S. judicial district."""
    NOTICE_OF_REMOVAL = "notice_of_removal"
    PETITION = "petition"
    SUMMONS = "summons"
    ANSWER = "answer"
    COUNTERCLAIM = "counterclaim"
    MOTION = "motion"
    RULE_12_MOTION = "rule_12_motion"
    """A motion under FRCP 12(b), (e) or (f) (to dismiss, for a more definite statement,
    to strike): it puts off the answer (FRCP 12(a)(4))."""
    RULE_12_ORDER = "rule_12_order"
    """The court's order denying or postponing a Rule 12 motion: the answer is then due."""
    RESPONSE = "response"
    REPLY = "reply"
    BRIEF = "brief"
    ORDER = "order"
    JUDGMENT = "judgment"
    NOTICE = "notice"
    NOTICE_OF_APPEAL = "notice_of_appeal"
    SUBPOENA = "subpoena"
    WARRANT = "warrant"
    INDICTMENT = "indictment"
    INFORMATION = "information"
    ARREST = "arrest"
    DISCOVERY_REQUEST = "discovery_request"
    DISCOVERY_CONFERENCE = "discovery_conference"
    """The parties' FRCP 26(f) conference, entered on the day it was held."""
    EXPERT_DISCLOSURE = "expert_disclosure"
    PRETRIAL_DISCLOSURE = "pretrial_disclosure"
    JURY_DEMAND = "jury_demand"
    DECLARATION = "declaration"
    EXHIBIT = "exhibit"
    STIPULATION = "stipulation"
    TRANSCRIPT = "transcript"
    MINUTE_ENTRY = "minute_entry"
    RECORD = "record"
    REPORT = "report"
    LETTER = "letter"
    OTHER = "other"


class ServiceMethod(Choice):
    """How a paper was served (FRCP 5(b)(2)); FRCP 6(d) adds 3 days after mail, leaving it
    with the clerk and other means consented to, and none after electronic service (since
    2016) or handing it over."""

    ELECTRONIC = "electronic"
    MAIL = "mail"
    PERSONAL = "personal"
    LEFT_WITH_CLERK = "left_with_clerk"
    """Left with the court clerk, the person served having no known address (5(b)(2)(D))."""
    CONSENTED_MEANS = "consented_means"
    """Any other means the person served consented to in writing (5(b)(2)(F))."""


class EntrySource(Choice):
    MANUAL = "manual"
    PACER = "pacer"
    COURTLISTENER = "courtlistener"
    CSV = "csv"


class HearingStatus(Choice):
    SCHEDULED = "scheduled"
    HELD = "held"
    CONTINUED = "continued"
    VACATED = "vacated"
    CANCELLED = "cancelled"


class DeadlineStatus(Choice):
    OPEN = "open"
    DONE = "done"
    WAIVED = "waived"
    #: The filing that triggered it was voided, or the case closed; kept for the history.
    WITHDRAWN = "withdrawn"
    #: A docket entry of a type its rule names met it (`satisfied_by_filing_id`).
    SATISFIED = "satisfied"
    #: Set by an imported entry with its due date already past at import: recorded so the
    #: paralegal sees it was never calendared, but not open (never overdue in reminders).
    LAPSED = "lapsed"

    @property
    def label(self) -> str:
        return "past at import" if self is DeadlineStatus.LAPSED else super().label

    @property
    def is_pending(self) -> bool:
        """Open, or past at import: what a new docket entry of the right type still meets."""
        return self in (DeadlineStatus.OPEN, DeadlineStatus.LAPSED)


class DeadlineEvent(Choice):
    """A step in a deadline's history after it was set."""

    SATISFIED = "satisfied"
    WITHDRAWN = "withdrawn"
    REOPENED = "reopened"


class PersonRole(Choice):
    """What someone on the team is: who a matter or a deadline can be given to."""

    ATTORNEY = "attorney"
    PARALEGAL = "paralegal"
