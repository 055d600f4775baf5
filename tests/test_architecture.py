"""The layering the code promises: the domain and the store never pull in the TUI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

#: Composition root (wires store and TUI together) and the `python -m docket` shim over it.
DOMAIN_ENTRY_POINTS = {"cli.py", "__main__.py"}


def test_domain_and_store_import_without_textual() -> None:
    script = (
        "import sys\n"
        "import docket.models, docket.lifecycle, db.store, db.search\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def _imported_top_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _domain_modules() -> list[Path]:
    cli = REPO / "docket" / "cli"
    return sorted(
        p
        for p in (REPO / "docket").rglob("*.py")
        if p.name not in DOMAIN_ENTRY_POINTS and cli not in p.parents
    )


def test_there_are_domain_modules_to_check() -> None:
    names = {p.name for p in _domain_modules()}
    assert {"models.py", "lifecycle.py", "errors.py"} <= names


@pytest.mark.parametrize("module", _domain_modules(), ids=lambda p: p.name)
def test_domain_module_does_not_import_the_store_or_the_tui(module: Path) -> None:
    imported = _imported_top_packages(module)
    assert not imported & {"db", "tui", "textual", "fixtures"}, module


def test_store_never_imports_textual() -> None:
    for module in sorted((REPO / "db").rglob("*.py")):
        assert "textual" not in _imported_top_packages(module), module


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_opening_the_store_leaves_the_rule_engine_unloaded() -> None:
    """Every command and the TUI's first paint open the store; few of them count a deadline."""
    script = (
        "import sys\n"
        "import db.store\n"
        "heavy = ('docket.triggers', 'docket.rules', 'docket.calendars', 'holidays')\n"
        "print(','.join(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
