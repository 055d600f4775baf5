"""The one place that turns an error into the line a person reads on stderr.

The domain and the store name what is wrong by the model's field (`filed_on`, `due_on`,
`database`) and give examples as values (`nmd`); a person at a shell typed a flag (`--date`,
`--due`, `--db`) or a positional (`NUMBER`, `FILE`). Each front end translates to its own
words: this module is the CLI's dictionary, so no command and no store method has to know the
flag a field arrived by.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from docket.errors import DocketError, InputError

if TYPE_CHECKING:
    from pydantic import ValidationError

#: Model field → the flag that sets it, for the names that differ. Any other field is spelled
#: as its flag (`court` → `--court`, `doc_no` → `--doc-no`); a field a command takes
#: as a positional is shown as that positional's metavar (`number` → `NUMBER`).
FLAG_FOR_FIELD: dict[str, str] = {
    "changed_on": "--on",
    "noted_on": "--on",
    "done_on": "--on",
    "continued_to": "--to",
    "filed_on": "--date",
    "doc_type": "--type",
    "database": "--db",
    "top_db": "--db",
    "description": "--desc",
    "filed_by": "--by",
    "served_on": "--served",
    "document_number": "--doc-no",
    "starts_at": "--at",
    "location": "--where",
    "due_on": "--due",
    "remind_days": "--remind",
    "opened_on": "--opened",
    "follow_up_on": "--follow-up",
    "represents": "--for",
    "represents_id": "--for",
    "void_reason": "--reason",
    "stay_reason": "--note",
    "stay_until": "--until",
    "trigger": "--from",
    "reported_on": "--reported",
    # Positionals, when no command is known to ask (the command's own metavar wins).
    "number": "NUMBER",
    "entry_no": "ENTRY_NO",
    "id": "ID",
    "text": "TEXT",
    "day": "DATE",
    "query": "QUERY",
    "file": "FILE",
    "path": "FILE",
    "dest": "DEST",
    "stage": "STAGE",
}

#: An accepted form for each flag, for an error that arrives without one (a model's check).
EXAMPLES: dict[str, str] = {
    "--number": "--number 1:22-cv-00012",
    "--title": '--title "Smith v. Jones"',
    "--name": '--name "Jane Roe"',
    "--desc": '--desc "with exhibits A-C"',
    "--by": '--by "Acme Corp."',
    "--where": '--where "Courtroom 4"',
    "--note": '--note "scheduling order entered"',
    "--source": '--source "https://example.org/report"',
    "--disposition": '--disposition "settled"',
    "--summary": '--summary "Breach of a supply contract"',
    "--court": "--court nmd",
    "--kind": '--kind "status conference"',
    "--reason": '--reason "entered twice"',
    "--judge": '--judge "Hon. A. Judge"',
    "--remind": "--remind 7,3,1",
    "--db": "docket init --db new.db",
    "TEXT": 'docket note 2021-0537 "Called the clerk; hearing moved"',
}

#: What a command puts in `set_defaults(field_flags=...)` to spell a field its own way, where
#: the shared table would be wrong for it (`status` takes a stay's reason as `--note`).
FIELD_FLAGS_DEFAULT = "field_flags"

_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")


def names_a_flag(field: str) -> bool:
    """True for what is already in the CLI's words and passes through unchanged: a flag
    (`--date`), a metavar (`NUMBER`, `FILE.html`), or a place that is no field at all
    (`line 3, type`, `cases[0]`, `filing edit`)."""
    return not _IDENTIFIER.fullmatch(field)


def flag_for(field: str, command: argparse.ArgumentParser | None = None) -> str:
    """The flag or positional by which `command` takes `field`, as a person typed it."""
    if names_a_flag(field):
        return field
    if command is not None:
        own: Mapping[str, str] = command.get_default(FIELD_FLAGS_DEFAULT) or {}
        if field in own:
            return own[field]
        declared = command.declared if isinstance(command, DocketParser) else []
        for action in declared:
            if action.dest != field:
                continue
            if not action.option_strings:
                return str(action.metavar or field.upper())
            return max(action.option_strings, key=len)
    return FLAG_FOR_FIELD.get(field, "--" + field.replace("_", "-"))


def shown_example(example: str, flag: str) -> str:
    """An example as a person would type it: a bare value gets its flag in front
    (`nmd` → `--court nmd`); a full command line or flag (`docket ...`, `--to +14`) and a
    positional's value are shown as they are."""
    if example.startswith(("-", "docket")) or not flag.startswith("-"):
        return example
    value = f'"{example}"' if any(ch.isspace() for ch in example) else example
    return f"{flag} {value}"


class UsageError(Exception):
    """A command line argparse could not read; shown as one line with the usage."""


class DocketParser(argparse.ArgumentParser):
    """argparse with usage errors as one line, and the arguments each command declared kept
    in `declared`, so an error can name the flag or positional a field arrived by."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.declared: list[argparse.Action] = []
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        self.declared.append(action)
        return action

    def error(self, message: str) -> NoReturn:
        usage = " ".join(self.format_usage().split())
        raise UsageError(f"{message} ({usage})")


def validation_input_error(error: ValidationError) -> InputError:
    """A model's first complaint, as an error naming the model field it is about."""
    first = error.errors()[0]
    loc = first.get("loc", ())
    field = str(loc[0]) if loc else error.title
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    return InputError(field, message)


def failure_line(
    error: Exception, command: argparse.ArgumentParser | None, database: Path | str | None
) -> str | None:
    """An error a command may end on, as the one line shown on stderr (exit 2); None for
    anything else, which is a bug to be seen, not a refusal to be explained.

    `command` is the subcommand that ran, so a field is named by that command's flag;
    `database` is the file it was using, for a SQLite error.
    """
    if isinstance(error, UsageError):
        return str(error)
    # Only a command that loaded pydantic can fail validating a model.
    pydantic = sys.modules.get("pydantic")
    if pydantic is not None and isinstance(error, pydantic.ValidationError):
        error = validation_input_error(error)
    if isinstance(error, DocketError):
        return error_line(error, command)
    if isinstance(error, sqlite3.Error):
        return _sqlite_message(error, database)
    if isinstance(error, OSError):
        name = error.filename or "file"
        return f"{name}: {error.strerror or error} (for example: a path you can write to)"
    return None


def _sqlite_message(error: sqlite3.Error, path: Path | str | None) -> str:
    text = str(error)
    if isinstance(path, str):
        from db.postgres.connection import shown_url

        if text.startswith("cannot connect") or "extension" in text:
            return f"--db: {text} (for example: --db postgresql://docket@dbserver/firm)"
        return f"--db: database error at {shown_url(path)}: {text}"
    where = str(path) if path is not None else "the database"
    if "locked" in text or "busy" in text:
        return (
            f"--db: {where} is locked by another writer; try again in a moment "
            "(for example: finish the import running in another window)"
        )
    if "not a database" in text or "malformed" in text or "no such table" in text:
        return (
            f"--db: {where} is not a docket database ({text}) "
            "(for example: docket init --db new.db)"
        )
    if "readonly" in text:
        return f"--db: {where} is read-only (for example: a copy you can write to)"
    return f"--db: database error at {where}: {text}"


def error_line(error: DocketError, command: argparse.ArgumentParser | None = None) -> str:
    """The one line for stderr: `FLAG: what is wrong (for example: ...)`.

    An error with no field, or one the CLI itself raised in its own words, reads as it is.
    Input without an example borrows the flag's; a refusal does not, as its example is the
    move the rules allow, not any typed value.
    """
    field = error.field
    if not field or names_a_flag(field):
        return str(error)
    flag = flag_for(field, command)
    example = error.example
    if example is None and isinstance(error, InputError):
        example = EXAMPLES.get(flag)
    text = f"{flag}: {error.problem}"
    if example:
        text += f" (for example: {shown_example(example, flag)})"
    return text
