"""Limitation periods counted by hand: New Mexico's statutes and the federal ones.

New Mexico counts a statute's period under NMSA 1978, § 12-2A-7: the event's day is left out
(A), a period in years or months ends on the same-numbered day (C, D; the month's last day
when it has no such day), and a last day that is a Saturday, Sunday or legal holiday moves to
the next day that is none of those (F). So a weekend or holiday end date DOES roll forward in
New Mexico. Federal periods follow Fed. R. Civ. P. 6(a)(1), which does the same.
"""

from __future__ import annotations

from datetime import date

import pytest

from docket.errors import InputError
from docket.limitations import (
    LIMITATION_REMIND_DAYS,
    claim_periods,
    count_limitation,
    require_claim,
    require_jurisdiction,
)

NM = require_jurisdiction("NM")
US = require_jurisdiction("US")


def _due(kind: str, start: date, where: str = "NM") -> date:
    jurisdiction = require_jurisdiction(where)
    return count_limitation(require_claim(kind, jurisdiction), start, jurisdiction).due


def test_wrongful_death_from_21_october_2021_runs_to_21_october_2024_citing_41_2_2() -> None:
    # Three years after Thu 21 Oct 2021, on the same-numbered day: Mon 21 Oct 2024, a weekday
    # and no New Mexico or federal holiday, so it stays.
    counted = count_limitation(require_claim("wrongful-death", NM), date(2021, 10, 21), NM)
    assert counted.due == date(2024, 10, 21)
    assert counted.citation == "NMSA 1978, § 41-2-2"
    deadline = counted.deadline()
    assert deadline.title == "Wrongful death complaint: limitation period ends"
    assert deadline.citation == "NMSA 1978, § 41-2-2"
    assert deadline.remind_days == [90, 30, 7] == list(LIMITATION_REMIND_DAYS)
    assert deadline.computation[-1] == "Last day: Mon 21 Oct 2024"
    assert any("§ 12-2A-7(F)" in step for step in deadline.computation)


def test_a_last_day_on_a_weekend_rolls_forward_to_monday_in_new_mexico() -> None:
    # Tue 19 Oct 2021 + 3 years = Sat 19 Oct 2024; § 12-2A-7(F) moves it past Sat and Sun
    # to Mon 21 Oct 2024.
    assert _due("personal-injury", date(2021, 10, 19)) == date(2024, 10, 21)


def test_a_last_day_on_thanksgiving_rolls_past_the_state_holiday_after_it() -> None:
    # Sun 28 Nov 2021 + 3 years = Thu 28 Nov 2024, Thanksgiving; Fri 29 Nov is a New Mexico
    # holiday (the day after Thanksgiving), then Sat 30 Nov and Sun 1 Dec: Mon 2 Dec 2024.
    assert _due("personal-injury", date(2021, 11, 28)) == date(2024, 12, 2)


def test_tort_claims_act_notice_is_90_days_and_suit_2_years() -> None:
    # From Thu 21 Oct 2021: 10 days to 31 Oct, 30 in November (40), 31 in December (71),
    # 19 in January (90): Wed 19 Jan 2022.
    assert _due("tort-claims-notice", date(2021, 10, 21)) == date(2022, 1, 19)
    # Two years: Sat 21 Oct 2023, which rolls to Mon 23 Oct 2023.
    assert _due("tort-claims-suit", date(2021, 10, 21)) == date(2023, 10, 23)
    # A wrongful death notice gets six months: 31 Aug 2021 -> February has no 31st, so its
    # last day, Mon 28 Feb 2022.
    assert _due("tort-claims-death-notice", date(2021, 8, 31)) == date(2022, 2, 28)


def test_federal_tort_claims_two_years_to_the_agency_then_six_months_after_denial() -> None:
    # Wed 31 Aug 2022 + 2 years = Sat 31 Aug 2024; Sun 1 Sep; Mon 2 Sep is Labor Day:
    # Tue 3 Sep 2024.
    assert _due("ftca-claim", date(2022, 8, 31), "US") == date(2024, 9, 3)
    # Denial mailed Thu 29 Feb 2024: six months later is Thu 29 Aug 2024.
    assert _due("ftca-suit", date(2024, 2, 29), "US") == date(2024, 8, 29)
    assert require_claim("ftca-suit", US).citation == "28 U.S.C. § 2401(b)"


def test_section_1983_borrows_the_states_personal_injury_period() -> None:
    # New Mexico's three years (§ 37-1-8) from Sat 1 Jan 2022: Wed 1 Jan 2025 is New Year's
    # Day, so Thu 2 Jan 2025.
    counted = count_limitation(require_claim("civil-rights-1983", NM), date(2022, 1, 1), NM)
    assert counted.due == date(2025, 1, 2)
    assert "§ 37-1-8" in counted.citation and "1983" in counted.citation
    with pytest.raises(InputError, match="name the state where it is brought"):
        count_limitation(require_claim("civil-rights-1983", US), date(2022, 1, 1), US)


def test_unknown_kinds_and_jurisdictions_are_refused_with_what_is_known() -> None:
    with pytest.raises(InputError) as unknown:
        require_claim("slander", NM)
    assert unknown.value.field == "claim"
    assert "wrongful-death, personal-injury" in unknown.value.problem
    with pytest.raises(InputError, match=r"known: NM, US") as place:
        require_jurisdiction("Narnia")
    assert place.value.field == "jurisdiction"


def test_every_period_names_a_statute_and_a_source() -> None:
    for claim in claim_periods():
        assert claim.citation and claim.source.startswith("https://"), claim.kind
