"""29 February in every rule that compares or counts dates.

A year before 29 Feb 2024 has no 29th: the rule that service may precede filing by at most a
year once raised "day is out of range for month" there, refusing a valid entry on the CLI, in
a CSV import, and in a JSON export of a database already holding one.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from db.csv_io import import_filings_csv
from db.export import dumps, export_json, import_json
from db.store import Store
from docket.cli import main
from docket.clock import Clock
from docket.dates import parse_date, years_before
from docket.deadlines import compute_due_date
from docket.errors import InputError
from docket.models import Deadline, Filing, ServiceMethod
from tests.db.builders import add_case, case_id

LEAP = date(2024, 2, 29)


def test_a_year_before_the_leap_day_is_the_last_day_of_february() -> None:
    assert years_before(LEAP, 1) == date(2023, 2, 28)
    assert years_before(LEAP, 4) == date(2020, 2, 29)
    assert years_before(date(2024, 3, 1), 1) == date(2023, 3, 1)


@pytest.mark.parametrize(
    ("filed_on", "served_on"),
    [
        (LEAP, date(2024, 3, 1)),
        (LEAP, LEAP),
        (LEAP, date(2023, 2, 28)),
        (date(2025, 2, 28), LEAP),
        (date(2025, 3, 1), date(2024, 3, 1)),
    ],
)
def test_service_within_a_year_of_a_leap_day_filing_is_accepted(
    filed_on: date, served_on: date
) -> None:
    filing = Filing(filed_on=filed_on, served_on=served_on, title="Motion to dismiss")
    assert (filing.filed_on, filing.served_on) == (filed_on, served_on)


@pytest.mark.parametrize(
    ("filed_on", "served_on"),
    [(LEAP, date(2023, 2, 27)), (date(2025, 3, 1), date(2024, 2, 29))],
)
def test_service_more_than_a_year_before_a_leap_day_filing_is_refused(
    filed_on: date, served_on: date
) -> None:
    with pytest.raises(ValidationError, match="more than a year before"):
        Filing(filed_on=filed_on, served_on=served_on, title="Motion to dismiss")


@pytest.mark.parametrize("typed", ["2024-02-29", "2/29/24", "Feb 29 2024", "29 Feb 2024"])
def test_the_leap_day_parses_in_every_accepted_form(typed: str) -> None:
    assert parse_date(typed, today=date(2026, 11, 25)) == LEAP


@pytest.mark.parametrize("typed", ["2023-02-29", "2/29/23", "Feb 29 2023"])
def test_the_29th_of_a_common_february_is_refused(typed: str) -> None:
    with pytest.raises(InputError):
        parse_date(typed, field="filed_on", today=date(2026, 11, 25))


def test_tomorrow_from_the_28th_of_a_leap_february_is_the_29th() -> None:
    assert parse_date("tomorrow", today=date(2024, 2, 28)) == LEAP
    assert parse_date("+1", today=LEAP) == date(2024, 3, 1)


@pytest.mark.parametrize(
    ("trigger", "days", "before", "service", "due"),
    [
        (date(2024, 2, 28), 1, False, None, LEAP),  # a Thursday
        (date(2024, 2, 15), 14, False, None, LEAP),
        (LEAP, 14, False, None, date(2024, 3, 14)),
        (LEAP, 365, False, None, date(2025, 2, 28)),
        (date(2024, 3, 14), 14, True, None, LEAP),
        # 26 Feb + 3 mail days falls on the 29th.
        (date(2024, 2, 12), 14, False, ServiceMethod.MAIL, LEAP),
        # 14 days after 14 Feb 2023 is 28 Feb; a common year has no 29th to land on.
        (date(2023, 2, 14), 14, False, None, date(2023, 2, 28)),
        (date(2023, 2, 28), 1, False, None, date(2023, 3, 1)),
    ],
)
def test_deadline_counting_runs_through_the_leap_day(
    trigger: date, days: int, before: bool, service: ServiceMethod | None, due: date
) -> None:
    assert compute_due_date(trigger, days, before=before, service=service).due == due


def test_a_leap_day_entry_sets_its_deadlines(store: Store) -> None:
    case = add_case(store)
    saved, created = store.add_filing(
        case_id(case),
        Filing(
            filed_on=LEAP,
            served_on=date(2024, 3, 1),
            service=ServiceMethod.ELECTRONIC,
            doc_type="motion",
            title="Motion to dismiss",
        ),
    )
    assert saved.filed_on == LEAP
    assert created, "a motion sets a response deadline"
    edited, _ = store.update_filing(saved.model_copy(update={"served_on": LEAP}))
    assert edited.served_on == LEAP


def test_the_cli_adds_a_leap_day_entry_served_the_next_day(
    in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "add", "--number", "CV-29", "--title", "A v. B", "--kind", "civil"]) == 0
    code = main(
        [
            "filing",
            "add",
            "CV-29",
            "--type",
            "motion",
            "--title",
            "Motion to dismiss",
            "--date",
            "2024-02-29",
            "--served",
            "2024-03-01",
        ]  # fmt: skip
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "filed 2024-02-29" in captured.out


def test_a_csv_row_on_the_leap_day_is_imported(store: Store, tmp_path: Path) -> None:
    case = add_case(store)
    path = tmp_path / "leap.csv"
    path.write_text(
        "date,type,title,served_on\n"
        "2/29/24,motion,Motion to dismiss,3/1/24\n"
        "2024-03-01,response,Response,2024-02-29\n",
        "utf-8",
    )
    import_filings_csv(store, path, case_id(case))
    rows = store.query_rows("SELECT filed_on, served_on FROM filings ORDER BY entry_no")
    assert rows == [("2024-02-29", "2024-03-01"), ("2024-03-01", "2024-02-29")]


def test_a_csv_row_on_a_common_years_29_february_is_refused(store: Store, tmp_path: Path) -> None:
    case = add_case(store)
    path = tmp_path / "common.csv"
    path.write_text("date,type,title\n2/29/23,motion,Motion to dismiss\n", "utf-8")
    with pytest.raises(InputError):
        import_filings_csv(store, path, case_id(case))
    assert store.count_filings(case_id(case)) == 0


def test_json_export_and_import_keep_leap_day_dates(store: Store, tmp_path: Path) -> None:
    case = add_case(store, opened_on=LEAP)
    store.add_filing(
        case_id(case),
        Filing(filed_on=LEAP, served_on=date(2024, 3, 1), doc_type="motion", title="Motion"),
    )
    store.add_filing(
        case_id(case),
        Filing(filed_on=date(2025, 2, 28), served_on=LEAP, doc_type="notice", title="Notice"),
    )
    store.add_deadline(case_id(case), Deadline(due_on=LEAP, title="Exchange exhibits"))
    document = json.loads(dumps(export_json(store)))
    filings = document["cases"][0]["filings"]
    assert [(f["filed_on"], f["served_on"]) for f in filings] == [
        ("2024-02-29", "2024-03-01"),
        ("2025-02-28", "2024-02-29"),
    ]
    with Store.open(tmp_path / "copy.db", clock=Clock(date(2026, 11, 25))) as copy:
        import_json(copy, document)
        assert copy.query_rows("SELECT filed_on, served_on FROM filings ORDER BY entry_no") == [
            ("2024-02-29", "2024-03-01"),
            ("2025-02-28", "2024-02-29"),
        ]
        assert copy.query_rows("SELECT opened_on FROM cases") == [("2024-02-29",)]
        assert ("2024-02-29", "Exchange exhibits") in copy.query_rows(
            "SELECT due_on, title FROM deadlines"
        )
