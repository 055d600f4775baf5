"""`docket migrate`: a whole docket from one database into another.

A firm moves its SQLite file into its shared PostgreSQL database with it, and anyone can take
the docket back out into a SQLite file, so nobody is locked in. The copy itself (`db.transfer`)
keeps every id, entry number and audit row; this module reads the two places, refuses what
cannot be a source or a target before anything is opened for writing, and prints the counts.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from db.postgres import is_postgres_url
from docket.cli.arguments import Subparsers, add_json
from docket.cli.context import Context, Target, shown
from docket.cli.output import print_json, say
from docket.errors import DocketError, InputError, Refused

if TYPE_CHECKING:
    from db.store import Store
    from db.transfer import TransferReport

_FROM_EXAMPLE = "--from ~/.local/share/docket/docket.db"
_TO_EXAMPLE = "--to postgresql://docket@dbserver/firm"


def _place(text: str, flag: str, example: str) -> Target:
    """A SQLite file's path, or a PostgreSQL database's URL, as typed."""
    text = text.strip()
    if not text:
        raise InputError(flag, "is empty", example)
    if is_postgres_url(text):
        return text
    return Path(text).expanduser()


def _same_place(source: Target, target: Target) -> bool:
    if isinstance(source, Path) and isinstance(target, Path):
        if source.exists() and target.exists():
            return os.path.samefile(source, target)
        return source.absolute() == target.absolute()
    return source == target


@contextmanager
def _opened(place: Target, flag: str, example: str) -> Iterator[Store]:
    """The store at `place`, any failure to open it named by the flag that gave it."""
    from db.store import Store

    try:
        store = Store.open(place)
    except sqlite3.Error as error:
        raise InputError(flag, f"{shown(place)}: {error}", example) from None
    except DocketError as error:
        if error.field != "database":
            raise
        raise InputError(flag, error.problem, example) from None
    with store:
        yield store


def _opened_source(source: Target) -> AbstractContextManager[Store]:
    """The docket to copy from, which must be one already: opening is never allowed to set
    up a new database here, as that would write to what was named only to be read."""
    from db.connection import is_docket_database
    from db.transfer import holds_docket

    if isinstance(source, Path):
        if source.is_dir():
            raise InputError("--from", f"{source} is a folder, not a docket file", _FROM_EXAMPLE)
        if not source.exists():
            raise InputError("--from", f"{source} does not exist", _FROM_EXAMPLE)
        if not is_docket_database(source):
            raise InputError("--from", f"{source} is not a docket database", _FROM_EXAMPLE)
    else:
        try:
            holds = holds_docket(source)
        except sqlite3.Error as error:
            raise InputError("--from", f"{shown(source)}: {error}", _FROM_EXAMPLE) from None
        if not holds:
            raise InputError("--from", f"{shown(source)} holds no docket to copy", _FROM_EXAMPLE)
    return _opened(source, "--from", _FROM_EXAMPLE)


def _opened_target(target: Target) -> AbstractContextManager[Store]:
    """An existing docket file, or a PostgreSQL database (its schema set up if it is empty)."""
    from db.connection import is_docket_database

    if isinstance(target, Path) and target.stat().st_size > 0 and not is_docket_database(target):
        raise InputError(
            "--to",
            f"{target} is not a docket database; migrate writes a new file, or into an empty "
            "docket database",
            "--to ~/docket-copy.db",
        )
    return _opened(target, "--to", _TO_EXAMPLE)


def cmd_migrate(args: argparse.Namespace, ctx: Context) -> int:
    from db.transfer import TargetHoldsData, copy_database, copy_into_new_file

    source = _place(args.source, "--from", _FROM_EXAMPLE)
    target = _place(args.target, "--to", _TO_EXAMPLE)
    if _same_place(source, target):
        raise InputError(
            "--to", f"{shown(target)} is also the source; name another database", _TO_EXAMPLE
        )
    if isinstance(target, Path) and target.is_dir():
        raise InputError("--to", f"{target} is a folder; name a new file", "--to ~/docket-copy.db")
    with _opened_source(source) as source_store:
        if isinstance(target, Path) and not target.exists():
            report = copy_into_new_file(source_store, target)
        else:
            with _opened_target(target) as target_store:
                try:
                    report = copy_database(source_store, target_store, merge=args.merge)
                except TargetHoldsData as held:
                    raise Refused(
                        f"{held.problem} (to add this docket to it, add --merge)", field="target"
                    ) from None
    _print_report(report, args.json)
    return 0


def _print_report(report: TransferReport, as_json: bool) -> None:
    if as_json:
        print_json(report.as_dict())
        return
    verb = "Merged" if report.merged else "Copied"
    say(f"{verb} {report.source} into {report.target}; rows per table, source -> target:")
    for copy in report.tables:
        line = f"  {copy.table} {copy.source_rows} -> {copy.target_rows}"
        if report.merged:
            line += f" ({copy.added} added"
            line += f", {copy.matched} already there)" if copy.matched else ")"
        say(line)


def register(sub: Subparsers) -> None:
    help_text = (
        "copy a whole docket into another database: a SQLite file into PostgreSQL, or back "
        "into a SQLite file (ids, entry numbers and the audit log kept)"
    )
    parser = sub.add_parser("migrate", help=help_text, description=help_text)
    parser.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="SOURCE",
        help="the docket to copy: a SQLite file or a postgresql:// URL (required)",
    )
    parser.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="TARGET",
        help="where to copy it: a new SQLite file, an empty docket file, or an empty "
        "PostgreSQL database's postgresql:// URL (required)",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="add the docket to a target that already holds one, the added rows under new "
        "ids; a case both hold refuses it (default: refuse a target that holds data)",
    )
    add_json(parser, "the counts")
    parser.set_defaults(handler=cmd_migrate, opens="existing", command_parser=parser)
