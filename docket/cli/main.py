"""The `docket` command line: the parser, `main()`, and the one place errors end up.

Scripts and paralegals at a shell rely on three promises kept here: every date typed goes
through the one date parser, a bad input is refused with ONE line naming the flag, the
problem and an accepted form (exit 2, nothing written), and output is plain text or JSON,
never a traceback and never markup.

Each group of commands is a module with a `register` function listed in `COMMAND_GROUPS`
with the command words it adds, so a new command (an importer, an exporter) is one handler in
its group's module, and a command loads only its own module.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from importlib import import_module
from typing import Any, NoReturn

from docket.cli.context import Context, db_help
from docket.cli.errors import DocketParser, UsageError, failure_line
from docket.clock import Clock
from docket.errors import InputError
from docket.inert import has_undecodable, visible

#: Each group of commands: its module in `docket.cli` and the command words its `register`
#: adds, in the order `docket --help` lists them. A command imports only its own module (a
#: `case show` never loads the importers, the rule engine or the TUI); help loads them all.
COMMAND_GROUPS: dict[str, tuple[str, ...]] = {
    "setup": ("init", "demo"),
    "courts": ("court",),
    "cases": ("case",),
    "parties": ("party",),
    "team": ("person",),
    "filings": ("filing",),
    "hearings": ("hearing",),
    "deadlines": ("deadline",),
    "limitations": ("limitation",),
    "status": ("status", "note"),
    "closures": ("closure",),
    "audit": ("audit",),
    "reports": ("remind", "search"),
    "transfer": ("import", "export", "backup"),
    "migrate": ("migrate",),
}

#: The options `docket` takes before a command; `--db` is followed by its value.
_TOP_OPTIONS_WITH_VALUE = frozenset({"--db"})


def groups_for(argv: Sequence[str] | None) -> list[str]:
    """The command modules `argv` needs: the one that owns its command word; none when it
    opens the TUI; every one for `--help`, or for a word no module owns (so the refusal
    lists every command)."""
    if argv is None:
        return list(COMMAND_GROUPS)
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return list(COMMAND_GROUPS)
        if word in _TOP_OPTIONS_WITH_VALUE:
            next(words, None)
            continue
        if word.startswith("-"):
            continue
        owners = [module for module, names in COMMAND_GROUPS.items() if word in names]
        return owners or list(COMMAND_GROUPS)
    return []


def installed_version() -> str:
    """The installed distribution's version; the package's own when run from a checkout."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("docket")
    except PackageNotFoundError:
        from docket import __version__

        return __version__


class _VersionAction(argparse.Action):
    """`--version`, reading the version only when asked (not at every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str) -> None:  # noqa: A002
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        print(f"docket {installed_version()}")
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`, with only the command groups it needs (all of them by default)."""
    parser = DocketParser(
        prog="docket",
        description="Case and investigation docket tracker. With no command, opens the TUI.",
    )
    parser.add_argument("--db", dest="top_db", metavar="PATH", help=db_help())
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the TUI on a fresh copy of the demo data, in a temporary file unless "
        "--db names a new one (default: off)",
    )
    parser.add_argument("--version", action=_VersionAction, help="print docket's version and exit")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="the command to run (default: open the TUI)"
    )
    for module in groups_for(argv):
        register: Callable[[Any], None] = import_module(f"docket.cli.{module}").register
        register(sub)
    return parser


def _use_utf8() -> None:
    """Titles such as `Smith v. Jones — “quoted”` must survive any locale."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(encoding="utf-8")


@contextmanager
def _quiet_broken_pipe() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        # `docket case list | head`: the reader left; nothing is wrong.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


#: Arguments that name a file docket reads or writes with Python's own file calls, which take
#: any name the file system holds; every other argument is text that gets stored or searched.
_FILE_ARGUMENTS = frozenset({"file", "out"})


def _check_arguments(args: argparse.Namespace) -> None:
    """What argparse let through that no command can read.

    An argument holding bytes that are not UTF-8 (`$'abc\\xff'` in a shell) could be neither
    stored, searched nor printed: it is refused, naming the argument. And argparse reads
    `--flag=--` as an empty list rather than the text `--` that was typed; no docket option
    takes a list, so it gets its text back.
    """
    for dest, value in vars(args).items():
        if value == []:
            setattr(args, dest, "--")
            continue
        if dest in _FILE_ARGUMENTS or not isinstance(value, str) or not has_undecodable(value):
            continue
        raise InputError(
            dest,
            f"'{visible(value, one_line=True)}' is not UTF-8 text (retype it, or set the "
            "terminal to UTF-8)",
        )


def _run(args: argparse.Namespace, ctx: Context) -> int:
    if args.command is None:
        from docket.cli.app import open_tui

        return open_tui(ctx)
    if args.demo:
        raise UsageError("--demo opens the TUI; it takes no command (usage: docket --demo)")
    code: int = args.handler(args, ctx)
    return code


def _late_positionals(args: argparse.Namespace, extra: list[str]) -> list[str]:
    """Optional positionals typed after an option (`status N --party NAME set plea`):
    argparse stops filling them at the first option, so they arrive as leftovers. A command
    that names them in `late_positionals` takes them here, in order; the rest stay extra."""
    for name in getattr(args, "late_positionals", ()):
        if getattr(args, name, None) is None and extra and not extra[0].startswith("-"):
            setattr(args, name, extra.pop(0))
    return extra


def main(argv: list[str] | None = None) -> int:
    _use_utf8()
    ctx: Context | None = None
    command: argparse.ArgumentParser | None = None
    try:
        with _quiet_broken_pipe():
            words = sys.argv[1:] if argv is None else argv
            parser = build_parser(words)
            args, extra = parser.parse_known_args(words)
            extra = _late_positionals(args, extra)
            if extra:
                parser.error(f"unrecognized arguments: {' '.join(extra)}")
            command = getattr(args, "command_parser", None)
            _check_arguments(args)
            ctx = Context(args=args, opens=getattr(args, "opens", "create"), today=Clock().today())
            return _run(args, ctx)
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit as done:  # --help, --version
        return done.code if isinstance(done.code, int) else 0
    except Exception as error:
        # The one place an error becomes what a person reads: one line on stderr, exit 2.
        database = ctx.db_path if ctx is not None and command is not None else None
        line = failure_line(error, command, database)
        if line is None:
            raise
        print("docket: " + visible(" ".join(line.split()), one_line=True), file=sys.stderr)
        return 2
    finally:
        if ctx is not None:
            ctx.close()
