"""A command loads what it uses and nothing else: no Textual, demo data, juriscraper or
icalendar for a command that reads the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.models import Case, CaseKind, Deadline
from tests.conftest import REPO

#: Top-level packages a read command must not import.
HEAVY = ("textual", "tui", "fixtures", "juriscraper", "icalendar")

#: Runs `main(argv)` and reports its exit code and which of HEAVY it loaded.
SCRIPT = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from docket.cli import main
    argv, heavy = json.loads(sys.argv[1]), json.loads(sys.argv[2])
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    loaded = sorted({m.split(".")[0] for m in sys.modules} & set(heavy))
    print(json.dumps({"code": code, "loaded": loaded}))
    """
)


@pytest.fixture
def one_case_db(store: Store, db_path: Path) -> Path:
    case = store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL))
    assert case.id is not None
    store.add_deadline(case.id, Deadline(due_on=date(2026, 12, 1), title="Brief"))
    return db_path


def _loaded(argv: list[str], prelude: str = "") -> tuple[int, list[str]]:
    env = dict(os.environ, PYTHONPATH=str(REPO), DOCKET_TODAY="2026-11-25")
    result = subprocess.run(
        [sys.executable, "-c", prelude + SCRIPT, json.dumps(argv), json.dumps(HEAVY)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report["code"], report["loaded"]


@pytest.mark.parametrize(
    "argv",
    [
        ["case", "show", "CV-1"],
        ["case", "list", "--json"],
        ["remind"],
        ["search", "able"],
        ["deadline", "compute", "--from", "today", "--days", "14"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_a_read_command_loads_no_tui_demo_or_importer(argv: list[str], one_case_db: Path) -> None:
    code, loaded = _loaded([*argv, "--db", str(one_case_db)])
    assert code == 0
    assert loaded == []


def test_version_loads_neither_the_store_nor_the_tui() -> None:
    code, loaded = _loaded(["--version"])
    assert (code, loaded) == (0, [])
    script = (
        "from docket.cli import main; import sys; main(['--version']); print(sorted(sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    modules = result.stdout.splitlines()[-1]
    assert "'db'" not in modules and "'sqlite_utils'" not in modules


def test_opening_the_app_on_a_database_does_not_load_the_demo(one_case_db: Path) -> None:
    """The app itself loads Textual; the demo data is for `docket --demo` only."""
    prelude = "import docket.cli.app as app\napp._run_tui = lambda store, **_: 0\n"
    code, loaded = _loaded(["--db", str(one_case_db)], prelude)
    assert code == 0
    assert "fixtures" not in loaded


def test_export_ics_loads_icalendar_only_when_asked(one_case_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "docket.ics"
    code, loaded = _loaded(["export", "ics", "--db", str(one_case_db), "--out", str(out)])
    assert code == 0
    assert loaded == ["icalendar"]
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
