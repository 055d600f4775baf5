"""A hearing's time as the court keeps it, and the reader's own time beside it when it differs."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from docket.court_time import court_and_local, reader_zone

DENVER = ZoneInfo("America/Denver")
NEW_YORK = ZoneInfo("America/New_York")
HONOLULU = ZoneInfo("Pacific/Honolulu")


def test_a_santa_fe_hearing_read_in_new_york_shows_both_clocks() -> None:
    # 3 Feb 2027: Mountain Standard Time (UTC-7), Eastern Standard Time (UTC-5).
    starts = datetime(2027, 2, 3, 9, 0, tzinfo=DENVER)
    assert court_and_local(starts, DENVER, here=NEW_YORK) == "09:00 MST (11:00 EST here)"
    assert court_and_local(starts, DENVER, here=DENVER) == "09:00 MST"
    assert court_and_local(starts, DENVER, here=NEW_YORK, with_date=True) == (
        "2027-02-03 09:00 MST (11:00 EST here)"
    )


def test_daylight_time_is_named_in_summer() -> None:
    starts = datetime(2027, 7, 7, 9, 30, tzinfo=DENVER)
    assert court_and_local(starts, DENVER, here=NEW_YORK) == "09:30 MDT (11:30 EDT here)"


def test_the_readers_day_is_named_when_it_is_not_the_courts() -> None:
    # 20:00 in Honolulu (UTC-10) on Wed 3 Feb is 01:00 on Thu 4 Feb in New York (UTC-5).
    starts = datetime(2027, 2, 3, 20, 0, tzinfo=HONOLULU)
    assert court_and_local(starts, HONOLULU, here=NEW_YORK) == "20:00 HST (Thu 01:00 EST here)"


def test_a_time_stored_from_a_hearing_with_no_known_court_is_shown_as_stored() -> None:
    stored = datetime.fromisoformat("2027-02-03T09:00:00-07:00")
    assert court_and_local(stored, None, here=DENVER) == "09:00"
    assert court_and_local(stored, None, here=NEW_YORK) == "09:00 UTC-07:00 (11:00 EST here)"


def test_docket_tz_names_the_readers_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKET_TZ", "America/New_York")
    assert reader_zone() == NEW_YORK
    starts = datetime(2027, 2, 3, 9, 0, tzinfo=DENVER)
    assert court_and_local(starts, DENVER) == "09:00 MST (11:00 EST here)"
    monkeypatch.setenv("DOCKET_TZ", "Not/A_Zone")
    assert reader_zone() is None  # the machine's own zone, then
