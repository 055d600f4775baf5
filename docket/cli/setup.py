"""`docket init` and `docket demo`: a database to start from."""

from __future__ import annotations

import argparse

from docket.cli.arguments import Subparsers, command, non_negative
from docket.cli.context import Context, shown
from docket.cli.output import say
from docket.errors import InputError, Refused
from docket.wording import plural


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    path = shown(ctx.db_path)
    store = ctx.store
    # Whether this open set it up, not whether the file was there a moment before: of several
    # `docket init` at once, exactly one creates the database.
    if not store.created:
        cases = plural(store.count_cases(), "case")
        say(f"Docket database ready at {path} ({cases}); nothing changed")
    else:
        say(f"Created an empty docket database at {path}")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    count = (
        None if args.cases is None else non_negative(args.cases, "--cases", "--cases 500", "cases")
    )
    if count == 0:
        raise InputError("--cases", "must be at least 1", "--cases 500")
    store = ctx.store
    existing = store.count_cases()
    if existing:
        raise Refused(
            f"--db: {shown(ctx.db_path)} already holds {existing} case(s); the demo goes into a "
            "new database (for example: docket demo --db demo.db)"
        )
    if count is None:
        from fixtures.demo import load_demo

        load_demo(store)
        say(f"Wrote {plural(store.count_cases(), 'case')} to {shown(ctx.db_path)}")
        return 0
    from fixtures.synthetic import generate

    stats = generate(store, count)
    say(
        f"Wrote {stats.cases} synthetic cases with {stats.filings} docket entries to "
        f"{shown(ctx.db_path)} in {stats.seconds:.1f} s"
    )
    return 0


def register(sub: Subparsers) -> None:
    command(sub, "init", cmd_init, "create an empty database", opens="create", numbered=False)
    demo = command(
        sub,
        "demo",
        cmd_demo,
        "write the demo data (or N synthetic cases)",
        opens="create",
        numbered=False,
    )
    demo.add_argument(
        "--cases",
        metavar="N",
        help="write N synthetic cases (a whole number, at least 1) instead of the demo's "
        "real-world cases (default: the demo cases)",
    )
