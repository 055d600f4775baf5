"""`docket import` and `docket export` as a user runs them: real PACER pages, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import NEF_SAMPLES, PACER_SAMPLES, run


def test_pacer_import_then_refresh_reports_counts(cli_env: dict[str, str]) -> None:
    page = str(PACER_SAMPLES / "akd.html")
    first = run(cli_env, "import", "pacer", page, "--court", "akd", "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["case_created"] is True
    assert report["entries_added"] == 3
    again = run(cli_env, "import", "pacer", page, "--court", "akd")
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 updated, 3 unchanged" in again.stdout


def test_pacer_import_reads_the_court_from_the_page(cli_env: dict[str, str]) -> None:
    imported = run(cli_env, "import", "pacer", str(PACER_SAMPLES / "dcd_1.html"), "--json")
    assert imported.returncode == 0, imported.stderr
    shown = json.loads(run(cli_env, "case", "show", "1:17-cr-00201", "--json").stdout)
    assert shown["case"]["court"] == "dcd"


def test_not_a_docket_is_refused_and_nothing_is_written(cli_env: dict[str, str]) -> None:
    refused = run(cli_env, "import", "pacer", str(PACER_SAMPLES / "nysd_3.html"), "--court", "nysd")
    assert refused.returncode == 2
    assert refused.stderr.startswith("docket: FILE:")
    assert "Traceback" not in refused.stderr
    listed = run(cli_env, "case", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []


def test_nef_import_reports_cases_and_a_second_import_adds_nothing(
    cli_env: dict[str, str],
) -> None:
    notices = [str(path) for path in sorted(NEF_SAMPLES.glob("*.eml"))]
    first = run(cli_env, "import", "nef", *notices)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("8 of 8 messages imported (0 skipped); 9 cases, 9 created;")
    assert "case created: ctb 24-30774: Michael Henry Lotto" in first.stdout
    again = run(cli_env, "import", "nef", *notices, "--json")
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert (report["entries_added"], report["entries_unchanged"]) == (0, 9)


def test_a_message_that_is_not_a_notice_is_refused(cli_env: dict[str, str]) -> None:
    refused = run(
        cli_env, "import", "nef", str(NEF_SAMPLES / "njd_1.eml"), str(PACER_SAMPLES / "akd.html")
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("docket: FILE: akd.html:")
    assert len(refused.stderr.strip().splitlines()) == 1
    listed = run(cli_env, "case", "list", "--json")
    assert json.loads(listed.stdout) == []


def test_case_show_lists_counsel_as_pacer_gives_them(cli_env: dict[str, str]) -> None:
    page = str(PACER_SAMPLES / "njd_509180.html")
    assert run(cli_env, "import", "pacer", page, "--court", "njd").returncode == 0
    shown = run(cli_env, "case", "show", "2:23-cv-01194", "--court", "njd")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    gaddis = lines.index(
        "  counsel          CHRISTINE A. GADDIS  (for CATALYST PHARMACEUTICALS, INC.)"
    )
    assert lines[gaddis + 1 : gaddis + 7] == [
        f"  {'':<16} {line}"
        for line in (
            "GIBBONS P.C.",
            "141 WEST FRONT STREET",
            "SUITE 240",
            "RED BANK, NJ 07701",
            "732-704-5801",
            "Email: cgaddis@gibbonslaw.com",
        )
    ]
    assert (
        "  counsel          DMITRY V. SHELHOFF  (for ANNORA PHARMA PRIVATE LIMITED)"
        "  [terminated 2023-04-27]"
    ) in lines
    as_json = json.loads(run(cli_env, "case", "show", "2:23-cv-01194", "--json").stdout)
    firms = {p["name"]: p["firm"] for p in as_json["parties"] if p["role"] == "counsel"}
    assert firms["CHRISTINE A. GADDIS"] == "GIBBONS P.C."


def test_json_export_imports_into_an_empty_database(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    pacer = run(cli_env, "import", "pacer", str(PACER_SAMPLES / "txed.html"), "--court", "txed")
    assert pacer.returncode == 0, pacer.stderr
    out = tmp_path / "all.json"
    exported = run(cli_env, "export", "json", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    other = dict(cli_env, DOCKET_DB=str(tmp_path / "other.db"))
    imported = run(other, "import", "json", str(out))
    assert imported.returncode == 0, imported.stderr
    again = run(other, "export", "json")
    assert json.loads(again.stdout)["cases"] == json.loads(out.read_text("utf-8"))["cases"]


def test_sheet_calendar_and_csv_exports(cli_env: dict[str, str], tmp_path: Path) -> None:
    assert (
        run(
            cli_env, "case", "add", "--number", "CV-9", "--title", "A & B <x>", "--kind", "civil"
        ).returncode
        == 0
    )
    assert (
        run(
            cli_env, "deadline", "add", "CV-9", "--due", "2026-12-01", "--title", "Brief due"
        ).returncode
        == 0
    )
    sheet = tmp_path / "sheet.html"
    made = run(cli_env, "export", "sheet", "CV-9", "--out", str(sheet))
    assert made.returncode == 0, made.stderr
    html = sheet.read_text("utf-8")
    assert "A &amp; B &lt;x&gt;" in html
    assert sheet.stat().st_mode & 0o777 == 0o600
    ics = run(cli_env, "export", "ics", "--case", "CV-9")
    assert ics.returncode == 0, ics.stderr
    assert "DTSTART;VALUE=DATE:20261201" in ics.stdout
    entries = run(cli_env, "export", "csv")
    assert entries.returncode == 0, entries.stderr
    assert entries.stdout.splitlines()[0].startswith("case_number,entry_no,date")


def test_a_long_import_prints_a_progress_line(capsys: pytest.CaptureFixture[str]) -> None:
    from docket.cli.output import progress_line

    quick = progress_line("messages read")
    for done in range(1, 121):
        quick(done, 120)
    assert capsys.readouterr().err == ""  # done within the second: nothing but the report
    slow = progress_line("messages read", after=0.0)
    for done in range(1, 121):
        slow(done, 120)
    assert capsys.readouterr().err.splitlines() == [
        "50/120 messages read",
        "100/120 messages read",
        "120/120 messages read",
    ]
