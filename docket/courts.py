"""The court registry: which court a case is in decides its rules, holidays and time zone.

Courts are data (`courts.toml`, with its sources named there); a firm adds a court the file
lacks with `docket court add`, and the store keeps those beside the shipped ones. A case
whose stored court is in neither is still counted, under the federal rules, and says so: a
deadline counted under rules that were assumed must never look like one that was not.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from docket.errors import InputError

CourtSystem = Literal["federal", "state"]
CourtKind = Literal["district", "bankruptcy", "appellate", "supreme", "trial", "limited", "agency"]
COURT_KINDS: tuple[str, ...] = (
    "district",
    "bankruptcy",
    "appellate",
    "supreme",
    "trial",
    "limited",
    "agency",
)
ASSUMED_RULE_SET = "federal"
"""The rules a case whose court is not in the registry is counted under, as before courts
were registered; every deadline counted so says it."""
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


class Court(BaseModel):
    """A court or investigating agency a case can be in."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=_ID.pattern)
    """The id stored on a case: PACER's and CourtListener's for federal courts (`nmd`)."""
    name: str = Field(min_length=1, max_length=200)
    system: CourtSystem
    """Whose court it is: `federal` or `state` (for an agency, whose agency)."""
    kind: CourtKind
    state: str = Field(pattern=r"^[A-Z]{2}$")
    """Two-letter state or territory code of the court's seat."""
    tz: str
    """IANA time zone of the court's seat: hearing times are in it."""
    rules: str | None = None
    """The rule set its deadlines are counted under; None for an agency (no court rules)."""
    holidays: str
    """Holiday calendar code its periods skip (`US-NM`)."""
    added: bool = False
    """True for a court the user added rather than one shipped with docket."""

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone") from None
        return value

    @property
    def is_agency(self) -> bool:
        return self.kind == "agency"

    def label(self) -> str:
        """How a deadline's steps name the court: `nmd (U.S. District Court for ...)`."""
        return f"{self.id} ({self.name})"


def normalize_court_id(text: str) -> str:
    return text.strip().lower()


def validate_court_id(text: str, *, field: str = "id") -> str:
    cleaned = normalize_court_id(text)
    if not _ID.fullmatch(cleaned):
        raise InputError(
            field, f"{text.strip()!r} is not a court id: lowercase letters, digits and -", "nmd"
        )
    return cleaned


def parse_courts(text: str, *, source: str = "courts.toml") -> tuple[Court, ...]:
    """Read the shipped registry; a mistake in it is named at load, not when a case is added."""
    from docket.court_table import court_entries

    courts: list[Court] = []
    seen: set[str] = set()
    for system, values in court_entries(text):
        try:
            court = Court.model_validate(values)
        except ValidationError as error:
            raise ValueError(f"{source}: court {values.get('id')!r}: {error}") from None
        if court.id in seen:
            raise ValueError(f"{source}: court id {court.id!r} appears twice")
        if system is not None and court.rules is None:
            raise ValueError(f"{source}: court {court.id!r} has no rule set")
        seen.add(court.id)
        courts.append(court)
    return tuple(courts)


@cache
def shipped_courts() -> tuple[Court, ...]:
    """The courts shipped with docket, read once."""
    from docket.court_table import shipped_text

    return parse_courts(shipped_text())


class CourtRegistry:
    """The shipped courts and those the user added, by id."""

    def __init__(self, added: Iterable[Court] = ()) -> None:
        self._by_id: dict[str, Court] = {court.id: court for court in shipped_courts()}
        for court in added:
            self._by_id.setdefault(court.id, court)

    def __iter__(self) -> Iterator[Court]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, court_id: str | None) -> Court | None:
        if not court_id:
            return None
        return self._by_id.get(normalize_court_id(court_id))

    def closest(self, text: str, n: int = 3) -> list[str]:
        """The registered ids nearest a mistyped one (`nmx` → `nmd`, `nmb`, `nm`)."""
        return difflib.get_close_matches(normalize_court_id(text), list(self._by_id), n, 0.5)

    def require(self, text: str, *, field: str = "court") -> Court:
        """The court with this id, or an error that names the closest registered ids."""
        court = self.get(text)
        if court is not None:
            return court
        near = self.closest(text)
        closest = f"; closest ids: {', '.join(near)}" if near else ""
        raise InputError(
            field,
            f"{text.strip()!r} is not a registered court or agency{closest}; "
            "register a missing court first",
            near[0] if near else "nmd",
        )


_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
)
_DISTRICT_TEXT = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\s+judicial\s+district\b", re.I)


def court_id_for_text(text: str, registry: CourtRegistry) -> str | None:
    """The registered court an older free-text court names, if it plainly names one.

    Databases written before the registry stored what the user typed: a PACER id (`NMD`), a
    New Mexico district by name ("First Judicial District (fictional division)"), the Court
    of Appeals, an agency's name. Anything less plain stays as typed, and is flagged.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    court = registry.get(cleaned)
    if court is not None:
        return court.id
    district = _DISTRICT_TEXT.search(cleaned)
    if district is not None:
        return f"nm-dist-{_ORDINALS.index(district.group(1).lower()) + 1}"
    folded = cleaned.casefold()
    if folded.startswith("nm-app") or "new mexico court of appeals" in folded:
        return "nmctapp"
    if folded.startswith("metropolitan court") or "metropolitan court" in folded:
        return "nm-metro"
    for court in registry:
        name = court.name.casefold()
        if court.is_agency and (folded == name or (len(folded) >= 12 and name.startswith(folded))):
            return court.id
    return None
