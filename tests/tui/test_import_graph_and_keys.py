"""How the TUI's modules hang together: no import loops, and one registry of keys.

The import graph is grimp's (the engine under import-linter). It counts every import it can
see: at the top of a module, inside a function, and under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

import grimp
import pytest
from textual.binding import Binding

import tui
from tui import bindings


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("tui", cache_dir=None)


def import_cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Each strongly connected group of `modules` with more than one member (or a module that
    imports itself), as a loop of imports to show in the failure message."""
    edges = {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's algorithm; the tui graph is a few dozen nodes
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(edges[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1 or module in edges[module]:
                groups.append(sorted(group))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return groups


def loop_through(graph: grimp.ImportGraph, group: list[str]) -> str:
    """One import loop inside `group`, as `a -> b -> a`, with the lines that make it."""
    first, second = (
        group[0],
        next(m for m in group if m in graph.find_modules_directly_imported_by(group[0])),
    )
    back = graph.find_shortest_chain(importer=second, imported=first) or (second, first)
    chain = [first, *back]
    lines = []
    for importer, imported in zip(chain, chain[1:], strict=False):
        details = graph.get_import_details(importer=importer, imported=imported)
        where = f"{details[0]['line_number']}: {details[0]['line_contents']}" if details else ""
        lines.append(f"  {importer} -> {imported}  ({where})")
    return "\n".join(lines)


def tui_modules(graph: grimp.ImportGraph) -> set[str]:
    return {m for m in graph.modules if m == "tui" or m.startswith("tui.")}


def test_the_graph_sees_imports_inside_functions(graph: grimp.ImportGraph) -> None:
    """The check below means something only if lazy imports (screens open forms in their
    actions) are in the graph."""
    assert "tui.forms.filing_form" in graph.find_modules_directly_imported_by("tui.screens.case")
    assert "tui.screens.case" in graph.find_modules_directly_imported_by("tui.app")


def test_no_import_loops_in_the_tui(graph: grimp.ImportGraph) -> None:
    cycles = import_cycles(graph, tui_modules(graph))
    shown = "\n\n".join(loop_through(graph, group) for group in cycles)
    assert cycles == [], f"import loops among tui modules:\n{shown}"


def test_the_cycle_check_finds_a_loop() -> None:
    """The check on a graph with a loop in it, so that a broken check cannot pass quietly."""
    graph = grimp.ImportGraph()
    for module in ("tui", "tui.app", "tui.keymap", "tui.screens", "tui.screens.case"):
        graph.add_module(module)
    graph.add_import(importer="tui.app", imported="tui.screens.case")
    graph.add_import(importer="tui.screens.case", imported="tui.keymap")
    graph.add_import(importer="tui.keymap", imported="tui.app")
    assert import_cycles(graph, tui_modules(graph)) == [
        ["tui.app", "tui.keymap", "tui.screens.case"]
    ]


def test_the_keymap_knows_every_key_without_importing_a_screen(graph: grimp.ImportGraph) -> None:
    reached = graph.find_upstream_modules("tui.keymap")
    assert {m for m in reached if m.startswith(("tui.screens", "tui.forms", "tui.app"))} == set()


# ---------------------------------------------------------------------- the key registry


def tui_classes() -> Iterator[type]:
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == info.name:
                yield value


def test_every_key_of_every_screen_comes_from_the_registry() -> None:
    registered = {id(binding) for group in bindings.REGISTRY.values() for binding in group}
    owners = 0
    for cls in tui_classes():
        own = vars(cls).get("BINDINGS")
        if own is None:
            continue
        owners += 1
        strays = [b for b in own if id(b) not in registered]
        assert strays == [], f"{cls.__qualname__} declares keys outside tui/bindings.py"
    assert owners >= 10  # the app, four screens, three dialogs, the form and the filing form


def test_binding_ids_are_unique_and_every_binding_has_one() -> None:
    ids = [
        binding.id
        for group in bindings.REGISTRY.values()
        for binding in group
        if isinstance(binding, Binding)
    ]
    assert None not in ids and "" not in ids
    assert len(ids) == len(set(ids))
    assert set(ids) == bindings.binding_ids()
    for group in bindings.REGISTRY.values():
        for binding in group:
            assert isinstance(binding, Binding) and binding.description and binding.tooltip
