"""`docket status NUMBER --party NAME set STAGE`, a status "as reported", and what
`status` and `case show` say of each defendant (in-process `main()` on a real file)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from docket.models import Case, CaseKind, PartyRole


@pytest.fixture
def two_defendants(store: Store) -> Case:
    case = store.add_case(
        Case(
            number="D-202-CR-7",
            court="nm-dist-2",
            title="State v. Quince and Quince",
            kind=CaseKind.CRIMINAL,
            opened_on=date(2026, 1, 2),
        )
    )
    assert case.id is not None
    store.add_party(case.id, "Alma Quince", PartyRole.DEFENDANT)
    store.add_party(case.id, "Boris Quince", PartyRole.DEFENDANT)
    store.change_stage(case.id, "arraigned", on=date(2026, 1, 5))
    store.change_stage(case.id, "pretrial", on=date(2026, 1, 20))
    return case


def test_one_defendant_pleads_one_is_tried_and_the_case_closes_when_both_are_done(
    two_defendants: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = two_defendants.number
    assert main(["status", number, "--party", "Alma", "set", "plea", "--on", "2026-03-02"]) == 0
    assert "D-202-CR-7, Alma Quince: pretrial -> plea on 2026-03-02" in capsys.readouterr().out
    assert main(["status", number, "--party", "Alma", "set", "sentencing", "--on", "4/1/26"]) == 0
    assert (
        main(["status", number, "--party", "Alma Quince", "set", "closed", "--on", "2026-05-01"])
        == 2
    )
    assert "--disposition" in capsys.readouterr().err
    assert (
        main(
            [
                "status",
                number,
                "--party",
                "Alma Quince",
                "set",
                "closed",
                "--on",
                "2026-05-01",
                "--disposition",
                "plea",
            ]
        )
        == 0
    )
    assert main(["status", number]) == 0
    shown = capsys.readouterr().out
    assert "Stage: pretrial (unresolved)" in shown
    assert "Alma Quince: closed (plea) since 2026-05-01" in shown
    assert "Boris Quince: pretrial (with the case)" in shown

    for stage, day in (("trial", "2026-06-01"), ("verdict", "2026-06-04")):
        assert main(["status", number, "--party", "Boris", "set", stage, "--on", day]) == 0
    assert (
        main(
            [
                "status",
                number,
                "--party",
                "Boris",
                "set",
                "closed",
                "--on",
                "2026-06-04",
                "--disposition",
                "convicted",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Every defendant is resolved: D-202-CR-7 closed" in out
    assert "Alma Quince: plea; Boris Quince: convicted" in out

    assert main(["case", "show", number, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["case"]["stage"] == "closed"
    assert data["defendants"] == [
        {
            "name": "Alma Quince",
            "stage": "closed",
            "disposition": "plea",
            "stage_on": "2026-05-01",
            "follows_case": False,
        },
        {
            "name": "Boris Quince",
            "stage": "closed",
            "disposition": "convicted",
            "stage_on": "2026-06-04",
            "follows_case": False,
        },
    ]
    steps = [(s["party"], s["to_stage"]) for s in data["status_history"] if s["party"]]
    assert steps[-3:] == [
        ("Boris Quince", "trial"),
        ("Boris Quince", "verdict"),
        ("Boris Quince", "closed"),
    ]
    assert main(["case", "show", number]) == 0
    text = capsys.readouterr().out
    assert "2026-03-02  stage  Alma Quince: pretrial -> plea" in text


def test_a_party_that_is_not_a_defendant_or_a_stay_for_one_is_refused(
    two_defendants: Case, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = two_defendants.number
    assert main(["status", number, "--party", "Nobody", "set", "plea"]) == 2
    err = capsys.readouterr().err
    assert "--party" in err and "'Nobody' is not a defendant here" in err
    assert "Alma Quince, Boris Quince" in err
    assert main(["status", number, "--party", "Alma", "set", "stay", "--note", "x"]) == 2
    assert "--party" in capsys.readouterr().err
    assert main(["status", number, "--party", "Alma", "set", "verdict"]) == 2
    assert "cannot move from pretrial to verdict" in capsys.readouterr().err


def test_a_status_set_from_a_report_is_shown_as_reported(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_case(
        Case(
            number="INV-9",
            title="Barn fire",
            kind=CaseKind.INVESTIGATION,
            opened_on=date(2026, 1, 1),
        )
    )
    assert (
        main(
            [
                "status",
                "INV-9",
                "set",
                "active",
                "--on",
                "2026-01-03",
                "--reported",
                "2026-01-06",
                "--source",
                "County Gazette",
            ]
        )
        == 0
    )
    assert main(["status", "INV-9"]) == 0
    out = capsys.readouterr().out
    assert "Stage: active (unresolved, as reported 2026-01-06)" in out
    assert "source: County Gazette, as reported 2026-01-06" in out
    assert main(["status", "INV-9", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reported_on"] == "2026-01-06"
    assert main(["case", "show", "INV-9"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[3] == "  Stage active as reported 2026-01-06 (County Gazette)"
    assert main(["status", "INV-9", "set", "referred", "--reported", "soon"]) == 2
    assert "--reported" in capsys.readouterr().err
