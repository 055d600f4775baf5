"""Dates that can hardly be right need --yes: without it the command exits 2 with one line
naming the flag, what is odd and what to add, and writes nothing. Today is Wed 25 Nov 2026."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from tests.cli.helpers import table_counts

ADD_YES = "check the date, or add --yes to save it as typed"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def smith(store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    _run(capsys, "case", "add", "--number", "1:26-cv-42", "--title", "Smith v. Jones",
         "--kind", "civil", "--court", "nmd", "--opened", "2026-11-02")  # fmt: skip
    return in_process


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            [
                "filing",
                "add",
                "1:26-cv-42",
                "--type",
                "motion",
                "--title",
                "M",
                "--date",
                "2026-11-20",
                "--served",
                "2026-11-18",
            ],  # fmt: skip
            "--served: 2026-11-18 is before the filing date (2026-11-20)",
        ),
        (
            [
                "filing",
                "add",
                "1:26-cv-42",
                "--type",
                "motion",
                "--title",
                "M",
                "--date",
                "2025-11-20",
                "--served",
                "2026-11-21",
            ],  # fmt: skip
            "--served: 2026-11-21 is more than a year after the filing date (2025-11-20)",
        ),
        (
            [
                "filing",
                "add",
                "1:26-cv-42",
                "--type",
                "complaint",
                "--title",
                "C",
                "--date",
                "2026-11-26",
            ],  # fmt: skip
            "--date: 2026-11-26 is in the future (today is 2026-11-25)",
        ),
        (
            ["hearing", "add", "1:26-cv-42", "--at", "1/5/62 9:30am", "--kind", "trial"],
            "--at: 2062-01-05 is more than 5 years from today (2026-11-25)",
        ),
        (
            ["hearing", "add", "1:26-cv-42", "--at", "2016-11-24 9:30am", "--kind", "trial"],
            "--at: 2016-11-24 is more than 10 years ago (today is 2026-11-25)",
        ),
        (
            ["deadline", "add", "1:26-cv-42", "--due", "2037-01-02", "--title", "Reply"],
            "--due: 2037-01-02 is more than 10 years from today (2026-11-25)",
        ),
        (
            [
                "case",
                "add",
                "--number",
                "2",
                "--title",
                "T",
                "--kind",
                "civil",
                "--opened",
                "2026-11-26",
            ],  # fmt: skip
            "--opened: 2026-11-26 is in the future (today is 2026-11-25)",
        ),
    ],
)
def test_a_questioned_date_needs_yes(
    smith: Path, capsys: pytest.CaptureFixture[str], argv: list[str], line: str
) -> None:
    before = table_counts(smith)
    code, out, err = _run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err == f"docket: {line}; {ADD_YES}\n"
    assert table_counts(smith) == before
    code, out, err = _run(capsys, *argv, "--yes")
    assert (code, err) == (0, "")
    assert table_counts(smith) != before


def test_two_questions_in_one_line(smith: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "filing", "add", "1:26-cv-42", "--type", "motion", "--title",
                        "M", "--date", "2026-12-20", "--served", "2028-01-19")  # fmt: skip
    assert code == 2
    assert err == (
        "docket: --date: 2026-12-20 is in the future (today is 2026-11-25); --served: "
        "2028-01-19 is more than a year after the filing date (2026-12-20); " + ADD_YES + "\n"
    )


def test_an_edit_asks_only_about_the_dates_it_changes(
    smith: Path, capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    _run(capsys, "filing", "add", "1:26-cv-42", "--type", "motion", "--title", "M",
         "--date", "2026-11-20", "--served", "2026-11-18", "--yes")  # fmt: skip
    # The odd service date was confirmed when it was entered: a new title is not asked about.
    assert _run(capsys, "filing", "edit", "1:26-cv-42", "1", "--title", "Motion")[0] == 0
    code, _, err = _run(capsys, "filing", "edit", "1:26-cv-42", "1", "--served", "2026-11-17")
    assert code == 2 and "--served: 2026-11-17 is before the filing date" in err
    case_id = store.find_case("1:26-cv-42").id
    assert case_id is not None
    assert store.filing_by_entry(case_id, 1).served_on == date(2026, 11, 18)


def test_moving_a_hearing_decades_away_needs_yes(
    smith: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "hearing", "add", "1:26-cv-42", "--at", "2026-12-17 9:30am", "--kind", "trial")
    code, _, err = _run(capsys, "hearing", "set", "1:26-cv-42", "1", "--to", "2099-01-05 9am")
    assert code == 2 and err.startswith("docket: --to: 2099-01-05 is more than 5 years")
    code, _, _ = _run(capsys, "hearing", "set", "1:26-cv-42", "1", "--to", "2099-01-05 9am",
                      "--yes")  # fmt: skip
    assert code == 0
