"""Reading what a person typed, and the options every command shares.

Every date goes through the one date parser (so `1/5/22` means the same in every command),
every choice through its enum, every record through its model: a bad value is refused with
the flag it came by before the store is opened, and nothing is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from docket.choices import CaseKind, DocType, HearingStatus, PartyKind, PartyRole, ServiceMethod
from docket.cli.context import Context, Opens, db_help
from docket.cli.errors import EXAMPLES, FIELD_FLAGS_DEFAULT, flag_for, validation_input_error
from docket.errors import InputError, Unconfirmed

if TYPE_CHECKING:
    from pydantic import BaseModel

    from docket.doubts import Doubt

# pydantic, the models and the date doubts load when a command first reads a record or a
# date, not when the parser is built: a read such as `case show` never needs them.
M = TypeVar("M", bound="BaseModel")
E = TypeVar("E", CaseKind, PartyRole, PartyKind, DocType, ServiceMethod, HearingStatus)

Handler = Callable[[argparse.Namespace, Context], int]
Subparsers = Any  # argparse's _SubParsersAction is private

#: What a person types to clear an optional value (`follow-up none`, `--served none`).
_CLEAR = frozenset({"none", "clear", "-"})

#: Said once, used by every flag and positional that takes a date.
DATE_FORMS = "2026-01-05, 1/5/26, Jan 5 2026, today, +14, -3 or next friday"


def is_clear(text: str) -> bool:
    return text.strip().lower() in _CLEAR


def day(text: str, flag: str, today: date) -> date:
    from docket.dates import parse_date

    return parse_date(text, field=flag, today=today)


def optional_day(text: str | None, flag: str, today: date) -> date | None:
    return None if text is None else day(text, flag, today)


def choice(enum: type[E], text: str, flag: str) -> E:
    return enum.choose(text, flag)


def build(model: type[M], **values: Any) -> M:
    """Validate a model from typed values; a failure names the field, which the error
    line turns into the flag it came by."""
    from pydantic import ValidationError

    try:
        return model(**values)
    except ValidationError as error:
        raise validation_input_error(error) from None


#: The most a count may be (`--within`, `--limit`, `--cases`): far past any real use, and
#: small enough that a date that far ahead, or a SQL LIMIT, still exists.
MOST = 1_000_000

#: The largest whole number SQLite stores; an id or entry number past it names no record.
SQLITE_MAX_INTEGER = 2**63 - 1


def non_negative(text: str, flag: str, example: str, unit: str = "days", most: int = MOST) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InputError(flag, f"{text!r} is not a whole number of {unit}", example) from None
    if value < 0:
        raise InputError(flag, f"{value} is negative", example)
    if value > most:
        raise InputError(flag, f"{value} is more than {most:,} {unit}", example)
    return value


def record_number(text: str) -> int:
    """An entry number or an id as typed (argparse `type=`): a whole number SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if abs(value) > SQLITE_MAX_INTEGER:
        raise argparse.ArgumentTypeError(f"{text} is too large to be a record number")
    return value


def lead_times(text: str) -> list[int]:
    from docket.models import parse_lead_times

    days = parse_lead_times(text, field="--remind")
    if not days:
        raise InputError("--remind", "names no lead times", EXAMPLES["--remind"])
    return days


def input_file(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        problem = "is a folder" if path.is_dir() else "does not exist"
        raise InputError("FILE", f"{path} {problem}", "docket import pacer ~/Downloads/docket.html")
    return path


# ---------------------------------------------------------------------------- the parser


def command(
    sub: Subparsers,
    name: str,
    handler: Handler,
    help_text: str,
    *,
    opens: Opens = "existing",
    numbered: bool = True,
    field_flags: dict[str, str] | None = None,
) -> argparse.ArgumentParser:
    """One subcommand with the options every command takes: --db (and --court with a NUMBER).

    `field_flags` spells a model field the command's own way in error lines, where the
    shared table in `docket.cli.errors` would name the wrong flag.
    """
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--db", metavar="PATH", help=db_help())
    if numbered:
        parser.add_argument(
            "number", metavar="NUMBER", help="the case number as the court writes it"
        )
        add_court(parser)
    parser.set_defaults(handler=handler, opens=opens, command_parser=parser)
    if field_flags:
        parser.set_defaults(**{FIELD_FLAGS_DEFAULT: field_flags})
    return parser


def group(sub: Subparsers, name: str, help_text: str) -> Subparsers:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(
        dest=f"{name}_command", required=True, metavar="COMMAND", help=f"the {name} command to run"
    )


def add_court(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--court",
        metavar="COURT_ID",
        help="the court id, when two courts use the same case number (default: none)",
    )


def add_json(parser: argparse.ArgumentParser, what: str = "it") -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help=f"print {what} as JSON, with snake_case field names and ISO dates "
        "(default: plain text)",
    )


def add_yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yes",
        action="store_true",
        help="save a date docket questions (a service before the filing, a filing in the "
        "future, a hearing decades away) as typed (default: ask, and save nothing)",
    )


def confirm_dates(doubts: Sequence[Doubt], args: argparse.Namespace) -> None:
    """Refuse (exit 2, nothing written) a questioned date unless `--yes` was given."""
    if not doubts or getattr(args, "yes", False):
        return
    from docket.doubts import doubts_text

    command = getattr(args, "command_parser", None)
    text = doubts_text(doubts, lambda field: flag_for(field, command))
    raise Unconfirmed(f"{text}; check the date, or add --yes to save it as typed")


def add_date(parser: argparse.ArgumentParser, flag: str, what: str, default: str) -> None:
    """A date option: what it is, the forms it takes and what it is when left out."""
    parser.add_argument(flag, metavar="DATE", help=f"{what}: {DATE_FORMS} (default: {default})")
