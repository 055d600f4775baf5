"""The first run, from the shell: `docket` creates the database and says where; a read command
on a machine with no database says the same place and what creates it."""

from __future__ import annotations

from pathlib import Path

import pytest

from docket.cli import main


def test_a_read_command_with_no_database_says_where_and_what_creates_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    missing = tmp_path / ".local" / "share" / "docket" / "docket.db"
    monkeypatch.setenv("DOCKET_DB", str(missing))
    assert main(["case", "list"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "no docket database yet at ~/.local/share/docket/docket.db" in line
    assert "`docket init` or `docket` (the app) creates it there" in line
    assert str(tmp_path) not in line  # the short form, not the whole path
    assert not missing.exists()


def test_opening_the_app_creates_the_database_and_tells_the_app_it_is_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import DocketApp

    opened: list[tuple[bool, int]] = []

    def run(app: DocketApp) -> None:
        # What the app would show first: is the database new, and how many cases it holds.
        opened.append((app.new_database, app.store.count_cases()))

    monkeypatch.setattr(DocketApp, "run", run)
    path = tmp_path / "first.db"
    assert main(["--db", str(path)]) == 0
    assert path.exists()
    assert main(["--db", str(path)]) == 0
    assert opened == [(True, 0), (False, 0)]
