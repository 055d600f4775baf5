"""`docket --help` explains every option, and `docket --version` says which docket this is."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

import docket
from docket.cli import main
from docket.cli.context import default_db_path
from docket.cli.main import build_parser
from tests.conftest import REPO


def _parsers(
    parser: argparse.ArgumentParser, path: str = "docket"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser under `docket`, with the command line that reaches it."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, f"{path} {name}")


def _actions() -> list[tuple[str, argparse.Action]]:
    return [
        (f"{path} {'/'.join(action.option_strings) or action.metavar or action.dest}", action)
        for path, parser in _parsers(build_parser())
        for action in parser._actions
    ]


def test_the_walk_reaches_every_command() -> None:
    commands = {path for path, _ in _parsers(build_parser())}
    assert {"docket case show", "docket export sheet", "docket note", "docket backup"} <= commands
    assert len(commands) > 40


def test_every_option_positional_and_command_has_help() -> None:
    missing = [name for name, action in _actions() if not (action.help or "").strip()]
    for path, parser in _parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [
                    f"{path} {choice.dest}"
                    for choice in action._choices_actions
                    if not (choice.help or "").strip()
                ]
    assert missing == []


def test_every_optional_flag_says_its_default_or_that_it_is_required() -> None:
    unsaid = []
    for name, action in _actions():
        if not action.option_strings or action.default == argparse.SUPPRESS:
            continue  # positionals, --help, --version
        help_text = action.help or ""
        if action.required:
            if "(required)" not in help_text:
                unsaid.append(name)
        elif "default:" not in help_text:
            unsaid.append(name)
        elif action.default not in (None, False) and str(action.default) not in help_text:
            unsaid.append(f"{name} (default {action.default!r} not shown)")
    assert unsaid == []


@pytest.mark.parametrize(
    ("flag", "unit"),
    [
        ("docket remind --within", "days"),
        ("docket deadline compute --days", "days"),
        ("docket deadline add --remind", "days"),
        ("docket audit --limit", "N changes"),
        ("docket case add --opened", "1/5/26"),
        ("docket status --on", "today"),
    ],
)
def test_numbers_and_dates_say_their_unit_or_form(flag: str, unit: str) -> None:
    helps = {name: action.help or "" for name, action in _actions()}
    assert unit in helps[flag]


def test_db_help_names_the_environment_and_the_platform_default() -> None:
    default = default_db_path()
    shown = str(default).replace(str(default.home()), "~", 1)
    for name, action in _actions():
        if "--db" in action.option_strings:
            assert "$DOCKET_DB" in (action.help or ""), name
            assert shown in (action.help or ""), name


@pytest.mark.parametrize("xdg", [None, "", "  ", "/srv/data"])
def test_the_default_database_is_where_platformdirs_puts_user_data(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worked out without loading platformdirs on Linux: the same folder it names."""
    import platformdirs

    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert default_db_path() == Path(platformdirs.user_data_dir("docket")) / "docket.db"


def test_help_exits_0_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case", "add", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--opened DATE" in out and "(default: today)" in out


def _project_version() -> str:
    with (REPO / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out == f"docket {metadata.version('docket')}\n"
    assert out == f"docket {_project_version()}\n" == "docket 0.1.0\n"


def test_version_falls_back_to_the_package_when_not_installed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"docket {docket.__version__}\n"
    assert docket.__version__ == _project_version()


def test_version_from_the_console_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "docket", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "docket 0.1.0\n", "")
