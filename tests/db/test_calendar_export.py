"""Calendar export: read back with icalendar, and imported into a real calendar client."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from db.ics import export_ics
from db.store import Store
from docket.models import Case, CaseKind, Deadline, Hearing, HearingStatus

MOUNTAIN = timezone(timedelta(hours=-7))


def make_case(store: Store, number: str = "1:26-cv-00042") -> int:
    case = store.add_case(Case(number=number, title="Peña & Co. v. Jones", kind=CaseKind.CIVIL))
    return case.id or 0


def uid(store: Store, kind: str, row_id: int | None) -> str:
    return f"{kind}-{row_id}.{store.database_id[:12]}@docket"


def events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_hearings_and_open_deadlines_become_events(store: Store) -> None:
    case_id = make_case(store)
    hearing, _ = store.add_hearing(
        case_id,
        Hearing(
            starts_at=datetime(2026, 12, 8, 9, 30, tzinfo=MOUNTAIN),
            kind="Status conference",
            location="Room 3",
        ),
    )
    due = store.add_deadline(case_id, Deadline(due_on=date(2026, 12, 1), title="Answer due"))
    done = store.add_deadline(case_id, Deadline(due_on=date(2026, 12, 2), title="Already done"))
    store.complete_deadline(done.id or 0)

    found = events(export_ics(store))
    assert set(found) == {
        uid(store, "hearing", hearing.id),
        uid(store, "deadline", due.id),
        uid(store, "deadline", done.id),
    }
    # A deadline done since the last export is cancelled, so the calendar drops it.
    finished = found[uid(store, "deadline", done.id)]
    assert str(finished["STATUS"]) == "CANCELLED"  # type: ignore[index]
    assert not finished.walk("VALARM")  # type: ignore[attr-defined]

    event = found[uid(store, "hearing", hearing.id)]
    start = event["DTSTART"].dt  # type: ignore[index]
    assert start == datetime(2026, 12, 8, 16, 30, tzinfo=UTC)
    assert event["DTEND"].dt - start == timedelta(hours=1)  # type: ignore[index]
    assert "1:26-cv-00042" in str(event["SUMMARY"]) and "Status conference" in str(event["SUMMARY"])  # type: ignore[index]
    assert str(event["LOCATION"]) == "Room 3"  # type: ignore[index]

    deadline = found[uid(store, "deadline", due.id)]
    assert deadline["DTSTART"].dt == date(2026, 12, 1)  # type: ignore[index]
    assert not isinstance(deadline["DTSTART"].dt, datetime)  # type: ignore[index]
    assert "Answer due" in str(deadline["SUMMARY"]) and "1:26-cv-00042" in str(deadline["SUMMARY"])  # type: ignore[index]
    triggers = sorted(alarm["TRIGGER"].dt for alarm in deadline.walk("VALARM"))  # type: ignore[attr-defined]
    assert triggers == [timedelta(days=-7), timedelta(days=-3), timedelta(days=-1)]


def test_export_is_stable_and_marks_cancelled_hearings(store: Store) -> None:
    case_id = make_case(store)
    hearing, _ = store.add_hearing(
        case_id, Hearing(starts_at=datetime(2026, 12, 8, 9, 30, tzinfo=MOUNTAIN), kind="Trial")
    )
    first = events(export_ics(store))
    store.update_hearing(hearing.model_copy(update={"status": HearingStatus.VACATED}))
    second = events(export_ics(store))
    assert set(first) == set(second)
    assert str(second[uid(store, "hearing", hearing.id)]["STATUS"]) == "CANCELLED"  # type: ignore[index]


def test_two_databases_never_share_an_event_uid(store: Store, tmp_path: Path) -> None:
    store.add_deadline(make_case(store), Deadline(due_on=date(2026, 12, 1), title="Brief"))
    with Store.open(tmp_path / "other.db", clock=store.clock) as other:
        other.add_deadline(make_case(other), Deadline(due_on=date(2026, 12, 1), title="Brief"))
        assert set(events(export_ics(store))).isdisjoint(events(export_ics(other)))


def test_export_limited_to_cases(store: Store) -> None:
    one = make_case(store, "A-1")
    two = make_case(store, "B-2")
    store.add_deadline(one, Deadline(due_on=date(2026, 12, 1), title="One"))
    store.add_deadline(two, Deadline(due_on=date(2026, 12, 1), title="Two"))
    summaries = [str(e["SUMMARY"]) for e in events(export_ics(store, [two])).values()]  # type: ignore[index]
    assert summaries == ["B-2: Two due"]


def calcurse() -> str:
    """The calcurse program: a developer without it skips its test, CI fails for want of it."""
    found = shutil.which("calcurse")
    if found is None:
        missing = "calcurse is not installed (.ci/run installs it: apt-get install -y calcurse)"
        if os.environ.get("CI"):
            pytest.fail(missing, pytrace=False)
        pytest.skip(missing)
    return found


@pytest.mark.slow
def test_calcurse_imports_the_file_onto_the_right_days(store: Store, tmp_path: Path) -> None:
    program = calcurse()
    case_id = make_case(store)
    store.add_hearing(
        case_id,
        Hearing(starts_at=datetime(2026, 12, 8, 9, 30, tzinfo=MOUNTAIN), kind="Motion hearing"),
    )
    store.add_deadline(case_id, Deadline(due_on=date(2026, 12, 1), title="Reply brief due"))
    path = tmp_path / "docket.ics"
    path.write_bytes(export_ics(store))
    home = tmp_path / "calcurse"
    home.mkdir()
    env = {**os.environ, "TZ": "America/Denver", "HOME": str(tmp_path)}
    imported = subprocess.run(
        [program, "-D", str(home), "-i", str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    assert "0 skipped" in imported.stdout
    listed = subprocess.run(
        [
            program,
            "-D",
            str(home),
            "-Q",
            "--input-datefmt",
            "4",
            "--from",
            "2026-11-25",
            "--days",
            "30",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    days = listed.split("\n\n")
    dec1 = next(block for block in days if block.startswith("12/01/26"))
    dec8 = next(block for block in days if block.startswith("12/08/26"))
    assert "1:26-cv-00042: Reply brief due" in dec1
    assert "09:30 -> 10:30" in dec8 and "Motion hearing" in dec8
