"""Writing a new file that is whole or absent: what a backup and a copy to a new file share.

The file is written under a temporary name beside its own (made by mkstemp: readable by its
owner only, as a copy of case files must be) and linked into place once complete, so a full
disk or a failed write leaves nothing behind for a retry to trip over; the link (not a rename)
also refuses a file that appeared at the name meanwhile.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from docket.errors import Refused


def write_new_file(
    target: Path, write: Callable[[Path], object], *, what: str, field: str, taken: str
) -> None:
    """Call `write` with a temporary path beside `target`, then give the file its name.

    `what` names the operation in a failure ("the backup to X failed"), `field` the input
    the refusal is about, `taken` the refusal when a file is at `target` already.
    """
    if target.exists():
        raise Refused(taken, field=field)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # (tempfile brings shutil and lzma: loaded for a copy, not for every read.)
        import tempfile

        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise Refused(f"cannot write to {target.parent}: {reason(error)}", field=field) from None
    os.close(fd)
    temporary = Path(name)
    try:
        write(temporary)
        link_into_place(temporary, target, taken, field)
    except (OSError, sqlite3.Error) as error:
        raise Refused(
            f"the {what} to {target} failed ({reason(error)}); nothing was left there",
            field=field,
        ) from None
    finally:
        for leftover in (temporary, *sidecars(temporary)):
            leftover.unlink(missing_ok=True)


def link_into_place(temporary: Path, target: Path, taken: str, field: str) -> None:
    """Give the finished file its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise Refused(taken, field=field) from None
    except OSError:
        # A file system without hard links: rename, after checking once more.
        if target.exists():
            raise Refused(taken, field=field) from None
        os.replace(temporary, target)


def sidecars(path: Path) -> list[Path]:
    """The files SQLite may keep beside a database file while it writes it."""
    return [path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm")]


def reason(error: OSError | sqlite3.Error) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)
