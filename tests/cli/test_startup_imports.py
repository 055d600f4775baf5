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


#: What a read needs none of: the rule engine and its holiday calendars, the PACER parser,
#: and sqlite-utils (used only to upgrade a database).
NOT_FOR_A_READ = ("docket.rules", "docket.triggers", "holidays", "juriscraper", "sqlite_utils")

#: What `case show` (printed, not --json) needs none of: pydantic and every model built with
#: it (the records, the court registry's, the team's), the date doubts of a write, and
#: tempfile (which loads shutil and lzma; a backup needs it).
NOT_FOR_A_MODEL_FREE_READ = (
    "pydantic",
    "docket.models",
    "docket.courts",
    "docket.team",
    "docket.doubts",
    "tempfile",
)

#: Opens the app on the database in sys.argv[1], waits for its first rows, and reports which
#: modules had been loaded by then.
APP_SCRIPT = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path
    from docket.cli.context import open_store, resolve_db_path
    from tui.app import DocketApp

    async def first_rows() -> int:
        app = DocketApp(open_store(resolve_db_path(sys.argv[1]), create=False))
        async with app.run_test(size=(100, 30)) as pilot:
            while not app.screen.query("#cases") or not app.screen.query_one("#cases").row_count:
                await pilot.pause(0.05)
            return app.screen.query_one("#cases").row_count

    rows = asyncio.run(first_rows())
    print(json.dumps({"rows": rows, "modules": sorted(sys.modules)}))
    """
)


def _modules(script: str, *args: str) -> tuple[str, list[str]]:
    env = dict(os.environ, PYTHONPATH=str(REPO), DOCKET_TODAY="2026-11-25")
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, json.loads(result.stdout.strip().splitlines()[-1])["modules"]


def _loaded_of(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(
        {name for name in names for m in modules if m == name or m.startswith(name + ".")}
    )


@pytest.mark.slow
def test_case_show_reads_without_the_rule_engine_or_sqlite_utils(one_case_db: Path) -> None:
    script = (
        "import contextlib, io, json, sys\n"
        "from docket.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    code = main(['case', 'show', 'CV-1', '--db', sys.argv[1]])\n"
        "assert code == 0 and 'Able v. Baker' in out.getvalue(), out.getvalue()\n"
        "print(json.dumps({'modules': sorted(sys.modules)}))\n"
    )
    _, modules = _modules(script, str(one_case_db))
    assert _loaded_of(modules, NOT_FOR_A_READ + ("textual", "tui")) == []
    # Printed from plain rows, its court named from the registry's one line: no models.
    # (psycopg itself loads tempfile, through ctypes, to find its library.)
    unwanted = NOT_FOR_A_MODEL_FREE_READ
    if not isinstance(one_case_db, Path):
        unwanted = tuple(name for name in unwanted if name != "tempfile")
    assert _loaded_of(modules, unwanted) == []


@pytest.mark.slow
def test_the_app_shows_its_first_rows_before_loading_models_or_the_rule_engine(
    one_case_db: Path,
) -> None:
    """The Cases list is drawn from plain rows: pydantic (the models), the rule engine, the
    importers and sqlite-utils load later, when a screen or a write needs them."""
    out, modules = _modules(APP_SCRIPT, str(one_case_db))
    assert json.loads(out.strip().splitlines()[-1])["rows"] == 1
    assert _loaded_of(modules, NOT_FOR_A_READ + ("pydantic", "docket.models")) == []
    # The court of the row under the cursor is named from the registry's line (no registry
    # models), and the Agenda and Search screens load when they are first shown.
    assert _loaded_of(modules, ("docket.courts", "tui.screens.agenda", "tui.screens.search")) == []
