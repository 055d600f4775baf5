"""The court registry: every federal court by its PACER id, New Mexico's state courts, and
agencies; what an old free-text court maps to."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from docket.courts import CourtRegistry, court_id_for_text, shipped_courts
from docket.errors import InputError
from docket.rules import rule_set_ids


def test_every_federal_district_bankruptcy_and_appellate_court_is_registered() -> None:
    federal = [c for c in shipped_courts() if c.system == "federal" and not c.is_agency]
    kinds = [c.kind for c in federal]
    # 94 districts (89 in the states, DC, Puerto Rico and three territories); a bankruptcy
    # court in each but the three territories; 11 numbered circuits, DC and Federal.
    assert kinds.count("district") == 94
    assert kinds.count("bankruptcy") == 91
    assert kinds.count("appellate") == 13
    ids = {c.id for c in federal}
    assert {"nmd", "nysd", "nmb", "nysb", "ca10", "cadc", "cafc", "prd", "gud"} <= ids


@pytest.mark.parametrize(
    ("court_id", "state", "tz", "rules", "holidays"),
    [
        ("nmd", "NM", "America/Denver", "federal", "US-NM"),
        ("nysd", "NY", "America/New_York", "federal", "US-NY"),
        ("nmb", "NM", "America/Denver", "federal-bankruptcy", "US-NM"),
        ("ca10", "CO", "America/Denver", "federal", "US-CO"),
        ("azd", "AZ", "America/Phoenix", "federal", "US-AZ"),
        ("nm-dist-1", "NM", "America/Denver", "nm", "US-NM"),
        ("nm-dist-13", "NM", "America/Denver", "nm", "US-NM"),
        ("nm-metro", "NM", "America/Denver", "nm-limited", "US-NM"),
        ("nm-magistrate", "NM", "America/Denver", "nm-limited", "US-NM"),
        ("nmctapp", "NM", "America/Denver", "nm-appellate", "US-NM"),
        ("nm", "NM", "America/Denver", "nm-appellate", "US-NM"),
        ("nm-sfcso", "NM", "America/Denver", None, "US-NM"),
        ("nm-nmed", "NM", "America/Denver", None, "US-NM"),
    ],
)
def test_a_court_has_its_state_zone_rules_and_holidays(
    court_id: str, state: str, tz: str, rules: str | None, holidays: str
) -> None:
    court = CourtRegistry().get(court_id)
    assert court is not None
    assert (court.state, court.tz, court.rules, court.holidays) == (state, tz, rules, holidays)


def test_every_court_names_a_real_zone_and_a_known_rule_set() -> None:
    known = rule_set_ids()
    for court in shipped_courts():
        ZoneInfo(court.tz)
        assert court.is_agency == (court.rules is None), court.id
        assert court.rules is None or court.rules in known, court.id


def test_new_mexico_has_thirteen_judicial_districts() -> None:
    ids = {c.id for c in shipped_courts() if c.kind == "trial" and c.state == "NM"}
    assert ids == {f"nm-dist-{n}" for n in range(1, 14)}


def test_an_unknown_id_is_refused_with_the_closest_ids() -> None:
    with pytest.raises(InputError) as caught:
        CourtRegistry().require("nmx")
    assert caught.value.field == "court"
    assert "nmd" in caught.value.problem and caught.value.example in {"nm", "nmd", "nmb"}


def test_ids_are_matched_whatever_their_case() -> None:
    court = CourtRegistry().get(" NMD ")
    assert court is not None and court.id == "nmd"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NMD", "nmd"),
        ("ca10", "ca10"),
        ("First Judicial District (fictional division)", "nm-dist-1"),
        ("Second Judicial District Court", "nm-dist-2"),
        ("Thirteenth Judicial District", "nm-dist-13"),
        ("nm-app (fictional)", "nmctapp"),
        ("Santa Fe County Sheriff's Office", "nm-sfcso"),
        ("Santa Fe County Sheriff", "nm-sfcso"),
        ("Police", None),
        ("Tumbleweed Precinct Internal Affairs (fictional)", None),
        ("", None),
    ],
)
def test_old_free_text_courts_map_only_when_plain(text: str, expected: str | None) -> None:
    assert court_id_for_text(text, CourtRegistry()) == expected


def test_one_court_read_from_its_line_is_the_court_the_whole_registry_reads() -> None:
    """`case show` and the screens name a court from its own line of courts.toml."""
    from docket.court_table import shipped_court

    for court in shipped_courts():
        facts = shipped_court(court.id)
        assert facts is not None, court.id
        assert (facts.name, facts.system, facts.kind, facts.tz, facts.rules) == (
            court.name,
            court.system,
            court.kind,
            court.tz,
            court.rules,
        )
    assert shipped_court("no-such-court") is None
    assert shipped_court('nmd", name = "x') is None
