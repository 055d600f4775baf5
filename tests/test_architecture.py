"""The layering the code promises, and modules that keep to each other's public names.

Which package may import which is import-linter's job (the contracts in pyproject.toml); the
test here runs it. A second check runs the code: importing the domain and the store loads no
Textual, whatever a module imports lazily or indirectly.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import REPO

#: The project's own packages.
PACKAGES = ("docket", "db", "tui", "fixtures")
#: The composition root, which wires the store and the TUI together, and the shim over it.
COMPOSITION_ROOT = ("docket.cli", "docket.__main__")
#: Underscored names that are public API: namedtuple's methods (the underscore keeps them
#: apart from field names).
PUBLIC_UNDERSCORED = {"_asdict", "_replace", "_make", "_fields", "_field_defaults"}
#: A library's underscored name used on purpose, where the library offers no public one. Each
#: entry says why; nothing of our own may appear here.
LIBRARY_PRIVATE_USES = {
    # juriscraper reads a saved page only through `_parse_text`; its docstring names uploads
    # as the use and says it "should probably be made public as .parse_text()".
    "db/pacer/page.py": {"report._parse_text"},
    # The same for a notice email: juriscraper's own tests read their examples this way.
    "db/pacer/mail.py": {"report._parse_text"},
    # Textual has no public way to ask whether a widget is in the middle of its messages;
    # holding typed keys until the app has settled needs exactly that (tui/typeahead.py).
    "tui/typeahead.py": {
        "pump._next_callbacks",
        "pump._message_queue",
        "pump._pending_message",
        "getattr(pump._message_queue.ready_event, '_waiters', None)",
    },
    # Textual marks a screen new to a mode as styled under no style sheet, and parses every
    # sheet twice more before showing it; the places' screens are marked as made under the
    # sheet in force (they are styled as they mount), the one way to skip that.
    "tui/app.py": {
        "active_app.get()._css_update_count",
        "screen._css_update_count",
    },
    # DataTable draws each cell in its private `_render_cell` and each row in its private
    # `_render_line_in_row` (reached through `_render_line`), the places a subclass can draw
    # one-line text rows more cheaply; the overrides key DataTable's own caches the way
    # DataTable does and hand every other cell and row back to it, and `append_rows` keeps
    # DataTable's row books as `add_row` does (textual is pinned below 9, and
    # tests/tui/test_quick_table.py checks each cell and each row comes out the same).
    "tui/widgets/table.py": {
        "self._data",
        "self._new_rows",
        "self._highlight_cursor",
        "self._labelled_row_exists",
        "self._get_row_style",
        "self._row_label_column_width",
        "self._render_line",
        "self._row_locations",
        "self._column_locations",
        "self._show_hover_cursor",
        "self._update_count",
        "self._pseudo_class_state",
        "self._cell_render_cache",
        "self._get_row_renderables",
        "self._get_styles_to_render_cell",
    },
}


def _domain_and_store_modules() -> list[str]:
    names = []
    for package in ("docket", "db"):
        for path in sorted((REPO / package).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            if not any(name == root or name.startswith(root + ".") for root in COMPOSITION_ROOT):
                names.append(name)
    return names


@pytest.mark.slow
def test_domain_and_store_import_without_textual() -> None:
    modules = _domain_and_store_modules()
    assert {"docket.models", "docket.deadlines", "db.store", "db.search"} <= set(modules)
    script = textwrap.dedent(
        f"""
        import importlib, sys
        for name in {modules!r}:
            importlib.import_module(name)
        print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.slow
def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=120
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


# ---------------------------------------------------------------------- private names


def _is_private(name: str) -> bool:
    dunder = name.startswith("__") and name.endswith("__")
    return name.startswith("_") and name != "_" and not dunder


def _defined_names(tree: ast.Module) -> set[str]:
    """Every name a module binds itself: functions, classes, variables, arguments, import
    aliases, and attributes it assigns on `self` or `cls` (its own classes' attributes)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.alias) and node.asname:
            names.add(node.asname)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in {"self", "cls"}
        ):
            names.add(node.attr)
    return names


def _private_uses_in(tree: ast.Module, packages: Sequence[str]) -> list[tuple[int, str]]:
    defined = _defined_names(tree) | PUBLIC_UNDERSCORED
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0 and module.split(".")[0] not in packages:
                continue
            found += [
                (node.lineno, f"from {'.' * node.level}{module} import {alias.name}")
                for alias in node.names
                if _is_private(alias.name)
            ]
        elif isinstance(node, ast.Attribute):
            if _is_private(node.attr) and node.attr not in defined:
                found.append((node.lineno, ast.unparse(node)))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr", "delattr"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _is_private(node.args[1].value)
            and node.args[1].value not in defined
        ):
            found.append((node.lineno, ast.unparse(node)))
    return sorted(found)


def private_name_uses(root: Path, packages: Sequence[str]) -> list[str]:
    """`path:line: code` for each place a module reaches another module's `_private` name.

    That is `from X import _y` of one of `packages`, and `something._y` (or `getattr(x, "_y")`)
    where the module does not define `_y` itself: `self._x` of its own classes is fine,
    `store._insert(...)` from another module is not. Dunders are public.
    """
    found: list[str] = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            shown = path.relative_to(root).as_posix()
            tree = ast.parse(path.read_text("utf-8"), filename=shown)
            found += [f"{shown}:{line}: {code}" for line, code in _private_uses_in(tree, packages)]
    return found


def test_no_module_uses_another_modules_private_names() -> None:
    allowed = {f"{path}:" + code for path, codes in LIBRARY_PRIVATE_USES.items() for code in codes}
    found = [use for use in private_name_uses(REPO, PACKAGES) if _without_line(use) not in allowed]
    assert found == []


def _without_line(use: str) -> str:
    """`db/x.py:12: store._rows` → `db/x.py:store._rows`, so an allowance survives edits."""
    path, _line, code = use.split(":", 2)
    return f"{path}:{code.strip()}"


_CLEAN = {
    "shop/__init__.py": "",
    "shop/store.py": """
        from typing import NamedTuple

        class Row(NamedTuple):
            sku: str
            count: int

        class Store:
            _opened = False

            def __init__(self) -> None:
                self._rows: list[Row] = []

            def add(self, row: Row) -> None:
                self._rows.append(row._replace(count=row.count + 1))
                self._touch()

            def _touch(self) -> None:
                self.__class__._opened = True

            def rows(self) -> list[Row]:
                return list(self._rows)

        def _helper(store: Store) -> int:
            return len(store.rows())

        def size(store: Store) -> int:
            return _helper(store) + len(store.__dict__)
        """,
    "shop/report.py": """
        from shop.store import Store, size

        def report(store: Store) -> str:
            return f"{size(store)} rows: " + ", ".join(r._asdict()["sku"] for r in store.rows())
        """,
}

_DIRTY = {
    "shop/report.py": """
        import os
        from shop.store import Store, _helper
        from .store import _helper as helper

        def report(store: Store) -> str:
            store._touch()
            if getattr(store, "_opened"):
                os._exit(1)
            return str(len(store._rows) + _helper(store) + helper(store))
        """,
}


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), "utf-8")
    return root


def test_private_name_check_passes_a_clean_package(tmp_path: Path) -> None:
    assert private_name_uses(_package(tmp_path, _CLEAN), ["shop"]) == []


def test_private_name_check_names_each_reach_into_another_module(tmp_path: Path) -> None:
    root = _package(tmp_path, {**_CLEAN, **_DIRTY})
    assert private_name_uses(root, ["shop"]) == [
        "shop/report.py:2: from shop.store import _helper",
        "shop/report.py:3: from .store import _helper",
        "shop/report.py:6: store._touch",
        "shop/report.py:7: getattr(store, '_opened')",
        "shop/report.py:8: os._exit",
        "shop/report.py:9: store._rows",
    ]
