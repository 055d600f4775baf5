"""A valid database that cannot be written is read, not called "not a docket database".

Read-only here is what stops even root, who ignores file modes: an immutable file
(`chattr +i`) and a read-only bind mount of its folder. A plain `chmod 0400` is tested where
it binds, as a user other than root.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from db.connection import is_docket_database
from db.store import Store
from docket.cli import main
from docket.clock import Clock
from docket.errors import Refused
from tests.db.builders import add_case, add_filing, case_id

CLOCK = Clock(date(2026, 11, 25))

#: About the SQLite file itself.
pytestmark = pytest.mark.sqlite_only


def _make_database(path: Path, *, older: bool = False) -> None:
    with Store.open(path, clock=CLOCK, user="tester") as store:
        case = add_case(store)
        add_filing(store, case, "Complaint for damages", filed_on=date(2026, 11, 2))
        if older:
            store.conn.executescript(
                "ALTER TABLE filings DROP COLUMN version; ALTER TABLE hearings DROP COLUMN version;"
                " DELETE FROM _sqlite_migrations WHERE name = 'm005_entry_and_hearing_versions';"
            )


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), capture_output=True, text=True, check=False)


def _immutable(path: Path) -> Iterator[Path]:
    marked = _run("chattr", "+i", str(path))
    if marked.returncode != 0:
        pytest.skip(f"cannot mark a file immutable here: {marked.stderr.strip()}")
    try:
        yield path
    finally:
        _run("chattr", "-i", str(path))


def _read_only_mount(folder: Path, mount_point: Path) -> Iterator[Path]:
    mount_point.mkdir()
    bound = _run("mount", "--bind", str(folder), str(mount_point))
    if bound.returncode != 0:
        pytest.skip(f"cannot bind-mount a folder here: {bound.stderr.strip()}")
    try:
        sealed = _run("mount", "-o", "remount,ro,bind", str(mount_point))
        if sealed.returncode != 0:
            pytest.skip(f"cannot make a bind mount read-only here: {sealed.stderr.strip()}")
        yield mount_point
    finally:
        # Lazily if a handle is still open (a failing test's traceback can hold one), so a
        # failure never leaves a mount behind.
        if _run("umount", str(mount_point)).returncode != 0:
            _run("umount", "-l", str(mount_point))


@pytest.fixture
def immutable_file(tmp_path: Path) -> Iterator[Path]:
    """A docket database in a writable folder, the file itself immutable."""
    path = tmp_path / "docket.db"
    _make_database(path)
    yield from _immutable(path)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A docket database seen through a read-only mount of its folder."""
    folder = tmp_path / "files"
    folder.mkdir()
    _make_database(folder / "docket.db")
    for mounted in _read_only_mount(folder, tmp_path / "mounted"):
        yield mounted / "docket.db"


@pytest.fixture(params=["immutable file", "read-only folder"])
def read_only(request: pytest.FixtureRequest) -> Path:
    path: Path = request.getfixturevalue(
        "immutable_file" if request.param == "immutable file" else "read_only_folder"
    )
    assert not os.access(path, os.W_OK)
    return path


def _snapshot(path: Path) -> bytes:
    return path.read_bytes()


def test_a_read_only_database_is_a_docket_database_and_reads_work(read_only: Path) -> None:
    assert is_docket_database(read_only)
    with Store.open(read_only, clock=CLOCK) as store:
        assert store.read_only
        case = store.find_case("1:24-cv-01234")
        assert [f.title for f in store.all_filings(case_id(case))] == ["Complaint for damages"]
        assert store.count_cases() == 1
        assert [row.number for row in store.list_cases()] == ["1:24-cv-01234"]
        assert store.search("complaint")


def test_a_write_to_a_read_only_database_says_it_is_read_only(read_only: Path) -> None:
    before = _snapshot(read_only)
    with Store.open(read_only, clock=CLOCK) as store:
        case = store.find_case("1:24-cv-01234")
        with pytest.raises(Refused, match="is read-only") as refused:
            store.add_note(case_id(case), "Called the clerk")
        assert refused.value.field == "database"
        assert "not a docket database" not in str(refused.value)
    assert _snapshot(read_only) == before


def test_an_older_read_only_database_says_it_needs_a_writable_copy(tmp_path: Path) -> None:
    path = tmp_path / "docket.db"
    _make_database(path, older=True)
    for sealed in _immutable(path):
        with pytest.raises(Refused, match="read-only and needs an upgrade"):
            Store.open(sealed, clock=CLOCK)


def test_the_cli_reads_and_refuses_to_write_a_read_only_database(
    read_only: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOCKET_TODAY", "2026-11-25")
    monkeypatch.setenv("DOCKET_USER", "tester")
    db = ["--db", str(read_only)]
    assert main(["case", "list", *db]) == 0
    assert "1:24-cv-01234" in capsys.readouterr().out
    assert main(["init", *db]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert main(["note", "1:24-cv-01234", "Called the clerk", *db]) == 2
    error = capsys.readouterr().err
    assert "--db:" in error and "is read-only" in error
    assert "not a docket database" not in error


@pytest.mark.skipif(
    os.geteuid() == 0,
    reason="as root, chmod 0400 does not stop writes; the immutable-file and read-only-mount "
    "tests above check what does",
)
def test_a_file_with_mode_0400_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "docket.db"
    _make_database(path)
    path.chmod(0o400)
    with Store.open(path, clock=CLOCK) as store:
        assert store.read_only
        case = store.find_case("1:24-cv-01234")
        with pytest.raises(Refused, match="is read-only"):
            store.add_note(case_id(case), "Called the clerk")
