"""Input built to break the tool is refused with one line and exit 2, and nothing is written.

Bytes that are not UTF-8 reach `main()` as surrogate escapes (`\\udcff`), which is how Python
decodes a shell's `$'abc\\xff'`; one test runs the real process with real bytes to show it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from docket.cli import main
from tests.cli.helpers import table_counts
from tests.conftest import REPO, TODAY


@pytest.fixture
def busy_db(in_process: Path) -> Path:
    """A database with a case, a party, a counsel, a filing that sets a deadline, a note."""
    for argv in (
        ["init"],
        ["case", "add", "--number", "1:22-cv-1", "--title", "Smith v. Jones", "--kind", "civil"],
        ["party", "add", "1:22-cv-1", "--name", "Ann Smith", "--role", "plaintiff"],
        [
            "party",
            "add",
            "1:22-cv-1",
            "--name",
            "Bo Lee",
            "--role",
            "counsel",
            "--for",
            "Ann Smith",
        ],
        ["filing", "add", "1:22-cv-1", "--type", "motion", "--title", "Motion to dismiss"],
        ["hearing", "add", "1:22-cv-1", "--at", "2026-12-01 10:00", "--kind", "status"],
        ["note", "1:22-cv-1", "Called the clerk"],
    ):
        assert main(argv) == 0, argv
    return in_process


def refused(capsys: pytest.CaptureFixture[str], argv: list[str], db: Path) -> str:
    """Run `argv`; it must exit 2 with one line on stderr, leaving every table as it was."""
    before = table_counts(db)
    capsys.readouterr()
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert err.startswith("docket: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert table_counts(db) == before
    return err


# ---------------------------------------------------------------- bytes that are not UTF-8


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["search", "abc\udcff"], "QUERY"),
        (["note", "\udcff", "x"], "NUMBER"),
        (["note", "1:22-cv-1", "x\udcff"], "TEXT"),
        (["import", "csv", "{csv}", "--case", "\udcc3(\udc80abc"], "--case"),
        (["case", "add", "--number", "X\udcff", "--title", "T", "--kind", "civil"], "--number"),
        (["case", "add", "--number", "X", "--title", "T\udcff", "--kind", "civil"], "--title"),
        (["case", "show", "1:22-cv-1", "--court", "\udcff"], "--court"),
        (["filing", "add", "1:22-cv-1", "--type", "motion", "--title", "\udcffx"], "--title"),
        (["--db", "\udcff.db", "case", "list"], "--db"),
    ],
)
def test_an_argument_that_is_not_utf8_is_refused_naming_it(
    busy_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    flag: str,
) -> None:
    csv_file = tmp_path / "entries.csv"
    csv_file.write_text("date,type,title\n2026-01-05,motion,ok\n", encoding="utf-8")
    argv = [arg.replace("{csv}", str(csv_file)) for arg in argv]
    err = refused(capsys, argv, busy_db)
    assert err.startswith(f"docket: {flag}: ")
    assert "is not UTF-8 text" in err
    assert "<0x" in err  # the bad byte is shown, not dropped


def test_a_file_name_that_is_not_utf8_still_imports(
    busy_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file system may hold any bytes in a name; docket opens the file it is given."""
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/entries-\xff.csv"))
    odd.write_text("date,type,title\n2026-01-05,motion,ok\n", encoding="utf-8")
    assert main(["import", "csv", str(odd), "--case", "1:22-cv-1"]) == 0
    assert "1 added" in capsys.readouterr().out


@pytest.mark.slow
def test_real_bytes_from_a_shell_are_refused_without_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    env = {**os.environ, "DOCKET_TODAY": TODAY.isoformat(), "PYTHONPATH": str(REPO)}
    env.pop("PYTHONIOENCODING", None)
    base = [sys.executable, "-m", "docket"]
    subprocess.run([*base, "init", "--db", str(db)], env=env, check=True, capture_output=True)
    for argv in (
        [b"search", b"--db", bytes(db), b"abc\xff"],
        [b"note", b"--db", bytes(db), b"\xff", b"x"],
        [b"import", b"csv", b"--db", bytes(db), b"x.csv", b"--case", b"\xc3(\x80abc"],
    ):
        done = subprocess.run([*base, *argv], env=env, capture_output=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count(b"\n") == 1 and b"Traceback" not in done.stderr
        assert b"is not UTF-8 text" in done.stderr


# ---------------------------------------------------------------- JSON exports with wrong values


def _export(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["export", "json"]) == 0
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    # Imported into the same database, the case must be a new one.
    document["cases"][0]["case"]["number"] = "1:22-cv-2"
    return document


def _set(path: str, value: Any) -> Any:
    """A change to the first case document: `parties.0.role` set to `value`."""

    def change(case: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = case
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (_set("parties.0.role", "bogus"), "parties[0].role"),
        (_set("parties.0.party_kind", 0), "parties[0].party_kind"),
        (_set("deadlines.0.trigger", 5), "deadlines[0].trigger"),
        (_set("parties", "x"), "parties"),
        (_set("parties.0", "x"), "parties[0]"),
        (_set("parties.0.name", ["x"]), "parties[0].name"),
        (_set("parties.1.represents", "p99"), "parties[1].represents"),
        (_set("parties.0.ref", None), "parties[0].ref"),
        (_set("deadlines.0.trigger", {"entry_no": [1]}), "deadlines[0].trigger.entry_no"),
        (_set("deadlines.0.trigger", {"hearing": 3}), "deadlines[0].trigger.hearing"),
        (_set("deadlines.0.due_on", "2026-02-30"), "deadlines[0].due_on"),
        (_set("filings.0.doc_type", 7), "filings[0].doc_type"),
        (_set("filings", {"a": 1}), "filings"),
        (_set("hearings.0.ref", {}), "hearings[0].ref"),
        (_set("notes.0", 1), "notes[0]"),
        (_set("status_history.0.to_stage", None), "status_history[0]"),
        (_set("case", "x"), "case"),
        (_set("case.kind", "bogus"), "case.kind"),
        (_set("case.stage", "bogus"), "case.stage"),
    ],
)
def test_an_export_with_a_wrong_value_is_refused_naming_where(
    busy_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Any,
    where: str,
) -> None:
    document = _export(capsys)
    change(document["cases"][0])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    err = refused(capsys, ["import", "json", str(bad)], busy_db)
    assert err.startswith(f"docket: cases[1]: {where}"), err


def test_the_unchanged_export_imports_so_the_refusals_are_about_the_change(
    busy_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_export(capsys)), encoding="utf-8")
    assert main(["import", "json", str(good)]) == 0


@pytest.mark.parametrize(
    "text",
    [
        '{"format":"docket","version":1,"cases":' + "[" * 100_000,
        '{"format":"docket","version":1,"cases":' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"format":"docket","version":1,"cases":[' + "9" * 5000 + "]}",
        '{"format":"docket","version":1,"cases":[' + '{"case":' * 3000 + "1" + "}" * 3000 + "]}",
        '{"format":"docket","version":1,"cases":[1, "x", null]}',
        '{"format":"docket","version":1,"cases":{}}',
        "[]",
        "\ud800",
    ],
    ids=[
        "deep-open",
        "deep-closed",
        "huge-number",
        "deep-objects",
        "not-objects",
        "dict",
        "list",
        "surrogate",
    ],
)
def test_a_malformed_json_file_is_refused(
    busy_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(text.encode("utf-8", "surrogatepass"))
    refused(capsys, ["import", "json", str(bad)], busy_db)
