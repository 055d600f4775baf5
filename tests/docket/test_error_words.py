"""Store and domain errors speak the domain: they name a model field (`number`, `court`) and
give examples as values, never a CLI flag, a metavar or a `docket ...` command line. Each front
end turns the field into its own words; a TUI user never reads `--court` or `NUMBER:`."""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from docket.cli.main import build_parser
from tests.conftest import REPO

ERROR_CLASSES = {"DocketError", "InputError", "NotFound", "Refused", "StaleRecord"}

FLAG = re.compile(r"(?<![\w-])--[a-z]")
METAVAR = re.compile(r"[A-Z][A-Z0-9_]*(\.[a-z]+)?")
METAVAR_PREFIX = re.compile(r"[A-Z][A-Z0-9_]*(\.[a-z]+)?: ")
#: `stage: ...` at the start of a message: the field belongs in `field=`.
FIELD_PREFIX = re.compile(r"[a-z][a-z0-9_]*: ")


def _commands() -> set[str]:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    raise AssertionError("the CLI has no commands")


COMMAND_LINE = re.compile(rf"\bdocket ({'|'.join(sorted(_commands()))})\b")


def _sources() -> list[Path]:
    cli = REPO / "docket" / "cli"
    files = [*(REPO / "db").rglob("*.py"), *(REPO / "docket").rglob("*.py")]
    return sorted(p for p in files if cli not in p.parents)


def _strings(node: ast.AST) -> Iterator[str]:
    """Every literal piece of text in an expression, f-string parts included."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
            yield inner.value


def _leading_text(node: ast.AST | None) -> str | None:
    """The literal start of a string expression, when it starts with one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        return _leading_text(node.values[0])
    return None


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _field_problems(text: str) -> list[str]:
    if FLAG.match(text):
        return [f"field {text!r} is a flag"]
    if METAVAR.fullmatch(text):
        return [f"field {text!r} is a metavar"]
    return []


def _text_problems(text: str) -> list[str]:
    found = []
    if FLAG.search(text):
        found.append(f"{text!r} names a flag")
    if METAVAR_PREFIX.match(text):
        found.append(f"{text!r} starts with a metavar")
    if COMMAND_LINE.search(text):
        found.append(f"{text!r} is a command line")
    return found


def error_words(source: str) -> list[str]:
    """What in `source`'s error constructors speaks the CLI's words instead of the domain's."""
    problems: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # `def parse(text, *, field: str = "--date")`: a default is a field too.
            positional = node.args.posonlyargs + node.args.args
            pairs = list(zip(positional[::-1], node.args.defaults[::-1], strict=False))
            pairs += [
                (arg, default)
                for arg, default in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True)
                if default is not None
            ]
            for arg, default in pairs:
                text = _leading_text(default)
                if arg.arg == "field" and text is not None:
                    problems += [f"line {node.lineno}: {p}" for p in _field_problems(text)]
            continue
        if not isinstance(node, ast.Call) or _call_name(node) not in ERROR_CLASSES:
            continue
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        if _call_name(node) == "InputError":
            field = node.args[0] if node.args else keywords.get("field")
            message = node.args[1] if len(node.args) > 1 else keywords.get("problem")
        else:
            field = keywords.get("field")
            message = node.args[0] if node.args else keywords.get("problem")
        found: list[str] = []
        field_text = _leading_text(field)
        if field_text is not None:
            found += _field_problems(field_text)
        lead = _leading_text(message)
        if lead is not None and FIELD_PREFIX.match(lead):
            found.append(f"{lead!r} embeds its field; pass field= instead")
        for part in (*node.args, *keywords.values()):
            for text in _strings(part):
                found += _text_problems(text)
        problems += [f"line {node.lineno}: {p}" for p in found]
    return problems


def test_the_scan_sees_the_error_constructors() -> None:
    count = 0
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and _call_name(node) in ERROR_CLASSES:
                count += 1
    assert count >= 60
    assert {p.relative_to(REPO).as_posix() for p in _sources()} >= {
        "db/cases.py",
        "db/pacer/page.py",
        "docket/lifecycle.py",
        "docket/deadlines.py",
    }
    assert not any("cli" in p.relative_to(REPO).parts for p in _sources())


@pytest.mark.parametrize(
    "bad",
    [
        'raise InputError("--court", "is not a court", "nmd")',
        'raise InputError("NUMBER", "is missing")',
        'raise InputError("FILE.html", "is missing")',
        'raise InputError("void_reason", "is empty", \'--reason "entered twice"\')',
        'raise InputError("path", "does not exist", "docket import pacer x.html --court nmd")',
        'raise Refused(f"--number: case {n} already exists")',
        'raise Refused(f"{n} is used by several courts; add --court", field="court")',
        'raise NotFound(f"ID: deadline {d} is not on this case")',
        'raise NotFound("no such case", field="NUMBER")',
        'raise Refused(f"stage: {n} is not stayed")',
        'raise Refused("reopen first (docket status NUMBER set reopen --note TEXT)")',
        'def check(code: str, *, field: str = "--calendar") -> None: ...',
    ],
)
def test_the_scan_catches_the_clis_words(bad: str) -> None:
    assert error_words(bad), bad


@pytest.mark.parametrize(
    "good",
    [
        'raise InputError("court", "is not a court", "nmd")',
        'raise InputError(f"line {line}, type", "is empty", "motion")',
        'raise Refused(f"{n} is used by several courts; name the court", field="court")',
        'raise NotFound(f"no docket entry {e} in this case", field="entry_no")',
        'raise InputError("path", f"line 1: {error}", "date,type,title")',
        'raise InputError("path", "is empty", "the docket report saved from PACER as .html")',
    ],
)
def test_the_scan_lets_the_domains_words_pass(good: str) -> None:
    assert error_words(good) == []


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_store_and_domain_errors_name_fields_not_flags(path: Path) -> None:
    assert error_words(path.read_text("utf-8")) == [], path.relative_to(REPO)
