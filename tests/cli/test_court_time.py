"""Hearing times are the court's wall time, whatever zone the user's machine is in."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from docket.dates import parse_datetime
from docket.errors import InputError
from tests.conftest import run

DENVER = ZoneInfo("America/Denver")


def test_a_typed_time_is_the_courts_wall_time() -> None:
    # 3 Feb 2027 is in Mountain Standard Time: UTC-7.
    moment = parse_datetime("2027-02-03 09:00", zone=DENVER)
    assert moment.isoformat() == "2027-02-03T09:00:00-07:00"
    # In July Denver keeps daylight time: UTC-6.
    assert parse_datetime("2027-07-07 9:30am", zone=DENVER).utcoffset() == timedelta(hours=-6)
    # A typed offset wins over the court's zone.
    typed = parse_datetime("2027-02-03 09:00 -05:00", zone=DENVER)
    assert typed.utcoffset() == timedelta(hours=-5)


def test_a_wall_time_the_clocks_skip_is_refused() -> None:
    # Denver's clocks go from 02:00 to 03:00 on Sun 14 Mar 2027.
    with pytest.raises(InputError) as caught:
        parse_datetime("2027-03-14 02:30", zone=DENVER, field="at")
    assert "court's time zone" in caught.value.problem


def test_hearing_add_stores_the_courts_offset_on_a_new_york_machine(
    cli_env: dict[str, str],
) -> None:
    env = {**cli_env, "TZ": "America/New_York"}
    added = run(env, "case", "add", "--number", "D-101-CV-2027-1", "--title", "A v. B",
                "--kind", "civil", "--court", "nm-dist-1")  # fmt: skip
    assert added.returncode == 0, added.stderr
    hearing = run(env, "hearing", "add", "D-101-CV-2027-1", "--at", "2027-02-03 09:00",
                  "--kind", "status conference")  # fmt: skip
    assert hearing.returncode == 0, hearing.stderr
    listed = run(env, "hearing", "list", "D-101-CV-2027-1", "--json")
    (stored,) = json.loads(listed.stdout)
    assert stored["starts_at"] == "2027-02-03T09:00:00-07:00"
    # The instant is 16:00 UTC: 11:00 in New York, where the attorney's calendar shows it.
    instant = datetime.fromisoformat(stored["starts_at"]).astimezone(UTC)
    assert (instant.hour, instant.minute) == (16, 0)


def test_ics_carries_the_santa_fe_instant_from_a_new_york_machine(
    cli_env: dict[str, str],
) -> None:
    from icalendar import Calendar

    env = {**cli_env, "TZ": "America/New_York"}
    added = run(env, "case", "add", "--number", "D-101-CV-2027-2", "--title", "C v. D",
                "--kind", "civil", "--court", "nm-dist-1")  # fmt: skip
    assert added.returncode == 0, added.stderr
    hearing = run(env, "hearing", "add", "D-101-CV-2027-2", "--at", "2027-02-03 09:00",
                  "--kind", "status conference")  # fmt: skip
    assert hearing.returncode == 0, hearing.stderr
    exported = run(env, "export", "ics", "--case", "D-101-CV-2027-2")
    assert exported.returncode == 0, exported.stderr
    (event,) = Calendar.from_ical(exported.stdout).walk("VEVENT")
    # 09:00 in Santa Fe on 3 Feb 2027 (MST, UTC-7) is 16:00 UTC, 11:00 in New York.
    start = event.decoded("dtstart")
    assert start == datetime(2027, 2, 3, 16, 0, tzinfo=UTC)
    assert start.astimezone(ZoneInfo("America/New_York")).hour == 11
    assert "T160000Z" in exported.stdout
