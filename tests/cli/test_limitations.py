"""`docket limitation add | list | kinds`, in-process on a real database file, and the
limitation period in the reminder list far ahead of its last day."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from docket.clock import Clock
from docket.models import Case, CaseKind
from docket.reminders import build_reminders, horizon
from tests.cli.helpers import table_counts


@pytest.fixture
def estate(store: Store) -> Case:
    return store.add_case(
        Case(
            number="D-101-CV-2024-1",
            court="nm-dist-1",
            title="Estate of Roe v. Ranch Films LLC",
            kind=CaseKind.CIVIL,
            opened_on=date(2024, 1, 2),
        )
    )


def test_wrongful_death_limitation_is_added_with_its_statute_and_count(
    estate: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The court is New Mexico's First Judicial District: New Mexico's statute applies.
    assert (
        main(
            ["limitation", "add", estate.number, "--claim", "wrongful-death", "--from", "10/21/21"]
        )
        == 0
    )
    out = capsys.readouterr().out
    # Thu 21 Oct 2021 + 3 years = Mon 21 Oct 2024 (a court day, so it stays).
    assert out.splitlines()[0] == (
        "D-101-CV-2024-1: Wrongful death complaint: limitation period ends on 2024-10-21 "
        "(NMSA 1978, § 41-2-2)"
    )
    assert "Last day: Mon 21 Oct 2024" in out
    assert "Reminders 90, 30, 7 days ahead" in out
    assert main(["limitation", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["number"], r["due_on"], r["citation"]) for r in listed] == [
        ("D-101-CV-2024-1", "2024-10-21", "NMSA 1978, § 41-2-2")
    ]
    assert listed[0]["remind_days"] == [90, 30, 7]


@pytest.mark.parametrize(
    ("args", "flag", "words"),
    [
        (["--claim", "slander", "--from", "2021-10-21"], "--claim", "kinds: wrongful-death"),
        (["--claim", "wrongful-death", "--from", "2/30/21"], "--from", "February"),
        (["--claim", "wrongful-death", "--from", "soon"], "--from", "soon"),
        (
            ["--claim", "wrongful-death", "--from", "2021-10-21", "--jurisdiction", "XX"],
            "--jurisdiction",
            "known: NM, US",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_flag_and_nothing_is_written(
    estate: Case,
    in_process: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    flag: str,
    words: str,
) -> None:
    before = table_counts(in_process)
    assert main(["limitation", "add", estate.number, *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"docket: {flag}:") and words in err
    assert "Traceback" not in err
    assert table_counts(in_process) == before


def test_the_same_period_twice_is_refused_and_kinds_are_listed_with_citations(
    estate: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = [
        "limitation",
        "add",
        estate.number,
        "--claim",
        "tort-claims-notice",
        "--from",
        "2021-10-21",
    ]
    assert main(add) == 0
    assert main(add) == 2
    assert "already has this limitation period open" in capsys.readouterr().err
    assert main(["limitation", "kinds", "--jurisdiction", "nm"]) == 0
    kinds = capsys.readouterr().out
    assert "tort-claims-suit" in kinds and "NMSA 1978, § 41-4-15(A)" in kinds
    assert "ftca-claim" in kinds and "28 U.S.C. § 2401(b)" in kinds


def test_a_limitation_shows_in_reminders_90_days_ahead_not_before(
    estate: Case, db_path: Path
) -> None:
    with Store.open(db_path, clock=Clock(date(2024, 7, 1)), user="tester") as store:
        assert estate.id is not None
        store.add_limitation(estate.id, "wrongful-death", date(2021, 10, 21), "NM")

    def why(today: date) -> list[str]:
        with Store.open(db_path, clock=Clock(today), user="tester") as store:
            agenda = store.agenda(until=today.replace(year=today.year + 1), limit=100)
            assert horizon(14) >= 90
            return [r.why for r in build_reminders(agenda, [], today=today)]

    # 2024-07-23 is 90 days before 21 Oct (8 + 31 + 30 + 21 = 90): the 90-day reminder.
    assert why(date(2024, 7, 23)) == ["90-day reminder, in 90 days"]
    assert why(date(2024, 7, 22)) == []
    # 21 Sep 2024 is 30 days before (9 + 21), 14 Oct is 7 days before.
    assert why(date(2024, 9, 21)) == ["30-day reminder, in 30 days"]
    assert why(date(2024, 10, 14)) == ["7-day reminder, in 7 days"]
    assert why(date(2024, 10, 20)) == ["7-day reminder, tomorrow"]
