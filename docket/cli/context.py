"""Where the database is, and the store opened on it only when a command asks.

`--db`, then `$DOCKET_DB`, then the user's data folder: the rule lives here once, for the
commands and for opening the app, so the two can never disagree about which file they mean.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from docket.errors import InputError, NotFound

if TYPE_CHECKING:
    from collections.abc import Callable

    from db.store import Store
    from docket.models import Case, Deadline, Hearing

    R = TypeVar("R", Hearing, Deadline)

#: Whether a command may create the database file (`init`, `demo`, `case add`, imports).
Opens = Literal["existing", "create"]


def default_db_path() -> Path:
    """The platform's user data folder: `~/.local/share/docket/docket.db` on Linux."""
    if sys.platform == "linux":
        # platformdirs' rule on Linux, without loading it (it loads tempfile, shutil and
        # lzma), as every command's `--db` help names this path.
        base = os.environ.get("XDG_DATA_HOME", "")
        if not base.strip():
            base = os.path.expanduser("~/.local/share")
        return Path(base) / "docket" / "docket.db"
    import platformdirs

    return Path(platformdirs.user_data_dir("docket")) / "docket.db"


@cache
def db_help() -> str:
    """`--db`'s help, naming where the database is when the flag is not given."""
    default = default_db_path()
    home = Path.home()
    shown = f"~/{default.relative_to(home)}" if default.is_relative_to(home) else str(default)
    shown = shown.replace("%", "%%")  # argparse formats help with %
    return f"the database file (default: $DOCKET_DB, else {shown})"


#: A SQLite file, or the URL of a PostgreSQL database (kept as text: a path would fold `//`).
Target = Path | str


def resolve_db_path(given: str | None) -> Target:
    """`--db` when given, else `$DOCKET_DB`, else `default_db_path()`."""
    text = (given or "").strip() or os.environ.get("DOCKET_DB", "").strip()
    if not text:
        return default_db_path()
    from db.postgres import is_postgres_url  # a bad flag is refused before the store loads

    if is_postgres_url(text):
        return text
    return Path(text).expanduser()


def shown(target: Target) -> str:
    """The database as messages name it: the path, or the URL with its password hidden."""
    if isinstance(target, Path):
        return str(target)
    from db.postgres.connection import shown_url

    return shown_url(target)


def is_empty_file(target: Target) -> bool:
    """Whether `target` is a SQLite file not created yet (or created empty): first run."""
    return isinstance(target, Path) and (
        not target.exists() or (target.is_file() and target.stat().st_size == 0)
    )


def home_relative(path: Path) -> str:
    """`~/.local/share/docket/docket.db` rather than the whole path: shorter to read."""
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError, OSError):
        return str(path)


def open_store(path: Target, *, create: bool) -> Store:
    """Open the docket database, refusing a folder, an unrelated file or a missing file
    (unless the command is one that creates it).

    The checks and the open run under the lock that creating and upgrading take, so a file
    another process is setting up at this moment is waited for, not called "not a docket
    database" half-way through."""
    from db.connection import is_docket_database, opening
    from db.store import Store

    if not isinstance(path, Path):
        return Store.open(path)  # a server: it creates the schema in an empty database
    if path.is_dir():
        raise InputError("--db", f"{path} is a folder, not a database file", "--db ~/docket.db")
    if not create and not path.exists():
        # Said the way the app says it on first run: where the file would be, and what
        # creates it (opening `docket` does too).
        raise InputError(
            "--db",
            f"no docket database yet at {home_relative(path)}; `docket init` or `docket` "
            "(the app) creates it there",
            "docket init",
        )
    with opening(path):
        if path.exists() and path.stat().st_size > 0 and not is_docket_database(path):
            raise InputError(
                "--db", f"{path} is not a docket database", "a file made by docket init"
            )
        return Store.open(path)


@dataclass
class Context:
    """What a command needs besides its arguments: today, and the store opened on demand.

    The store opens only when a command first asks for it, after its input has been read, so
    a typo is refused before any file is touched.
    """

    args: argparse.Namespace
    opens: Opens
    today: date
    _store: Store | None = None

    @property
    def given_db(self) -> str | None:
        """The `--db` typed after the command or before it (`docket --db F case list`)."""
        given: str | None = getattr(self.args, "db", None) or getattr(self.args, "top_db", None)
        return given

    @property
    def db_path(self) -> Target:
        return resolve_db_path(self.given_db)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db_path, create=self.opens == "create")
        return self._store

    def case(self, number: str, *, court_flag: str = "court") -> Case:
        """The case `number` names; the argument `court_flag` (`--court` unless a command
        uses that flag for something else) tells apart two courts that use one number."""
        from db.mapping import case_from_row

        return case_from_row(self.case_row(number, court_flag=court_flag))

    def case_row(self, number: str, *, court_flag: str = "court") -> dict[str, Any]:
        """`case`'s stored row, for a command that only prints it."""
        try:
            return self.store.find_case_row(number, getattr(self.args, court_flag, None))
        except NotFound as missing:
            # The store says which case is missing; the shell can also say where to look.
            raise NotFound(
                f"{missing.problem} (see: docket case list)", field=missing.field
            ) from None

    def case_id(self, number: str, *, court_flag: str = "court") -> tuple[Case, int]:
        case = self.case(number, court_flag=court_flag)
        assert case.id is not None
        return case, case.id

    def hearing(self, case: Case, hearing_id: int) -> Hearing:
        """Hearing `hearing_id` when it is on `case`; any other is refused as ID."""
        example = f"docket hearing list {case.number}"
        return _on_case(self.store.get_hearing, hearing_id, case, "hearing", example)

    def deadline(self, case: Case, deadline_id: int) -> Deadline:
        """Deadline `deadline_id` when it is on `case`; any other is refused as ID."""
        example = f"docket case show {case.number}"
        return _on_case(self.store.get_deadline, deadline_id, case, "deadline", example)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _on_case(fetch: Callable[[int], R], item_id: int, case: Case, what: str, example: str) -> R:
    try:
        item = fetch(item_id)
    except NotFound:
        item = None
    if item is None or item.case_id != case.id:
        raise InputError("ID", f"no {what} #{item_id} on {case.number}", example)
    return item
