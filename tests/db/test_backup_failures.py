"""A backup that fails leaves nothing at its destination, and says which file it meant.

A full disk once left an empty file behind, which the retry then refused as existing, and the
message named the database being copied instead of the copy.
"""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import db.new_file
from db.store import Store
from docket.cli import main
from docket.errors import Refused
from tests.db.builders import add_case, case_id


def _fill(store: Store) -> None:
    """About half a megabyte of notes: more than the small disk below can hold."""
    case = add_case(store)
    for n in range(30):
        store.add_note(case_id(case), f"Call {n}: " + "the clerk confirmed the date. " * 600)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs: a disk that fills up for real."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip() or 'not root'}")
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_backup_to_a_full_disk_leaves_nothing_and_can_be_retried(
    store: Store, small_disk: Path
) -> None:
    _fill(store)
    target = small_disk / "copy.db"
    for _attempt in range(2):
        with pytest.raises(Refused) as refused:
            store.backup(target)
        message = str(refused.value)
        assert str(target) in message
        assert "full" in message
        assert "exists" not in message
        assert list(small_disk.iterdir()) == []


def test_the_cli_names_the_destination_when_the_disk_is_full(
    in_process: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(in_process) as store:
        _fill(store)
    target = small_disk / "copy.db"
    assert main(["backup", str(target)]) == 2
    error = capsys.readouterr().err
    assert str(target) in error
    assert str(in_process) not in error
    assert list(small_disk.iterdir()) == []
    assert main(["backup", str(target)]) == 2
    assert "exists" not in capsys.readouterr().err


def test_a_failed_backup_removes_its_temporary_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_case(store)
    folder = tmp_path / "copies"
    folder.mkdir()

    def no_space(temporary: Path, target: Path, *_: str) -> None:
        assert temporary.parent == target.parent and temporary.stat().st_size > 0
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(db.new_file, "link_into_place", no_space)
    with pytest.raises(Refused, match="No space left on device") as refused:
        store.backup(folder / "copy.db")
    assert str(folder / "copy.db") in str(refused.value)
    assert list(folder.iterdir()) == []
    monkeypatch.undo()
    copy = store.backup(folder / "copy.db")
    assert [path.name for path in folder.iterdir()] == ["copy.db"]
    with Store.open(copy) as reopened:
        assert reopened.count_cases() == 1


def test_a_backup_into_an_unwritable_place_names_it(store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(Refused) as refused:
        store.backup(blocker / "copy.db")
    assert str(blocker) in str(refused.value)
