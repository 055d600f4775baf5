"""`docket person add | list`, `case assign`, `deadline assign`: who answers for what.

"Mine" (`case list --mine`, `remind --mine`) is what the current user answers for: the user is
`$DOCKET_USER`, else the login name (who the audit log names), and they are the person on the
team with that login, or else that name.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from docket.choices import PersonRole
from docket.cli.arguments import (
    Subparsers,
    add_json,
    build,
    command,
    is_clear,
    record_number,
)
from docket.cli.context import Context
from docket.cli.output import print_json, say
from docket.errors import InputError

if TYPE_CHECKING:
    from db.team import Keep


def my_person_id(ctx: Context, flag: str = "--mine") -> int:
    """The current user's id on the team; a user who is not on it is told how to join."""
    store = ctx.store
    person = store.current_person()
    if person is None or person.id is None:
        raise InputError(
            flag,
            f"you are {store.user!r}, and no one on the team has that login or name "
            "(set $DOCKET_USER, or add yourself)",
            f'docket person add "Your Name" --role paralegal --login {store.user}',
        )
    return person.id


def _refuse_if_no_team(ctx: Context, flag: str) -> None:
    """Naming someone before anyone is on the team: say how to add them."""
    if not ctx.store.people():
        raise InputError(
            flag,
            "the team has no one yet; add people first",
            'docket person add "Dana Whitlock" --role attorney',
        )


def cmd_person_add(args: argparse.Namespace, ctx: Context) -> int:
    role = PersonRole.choose(args.role, "--role")
    from docket.team import Person

    person = build(Person, name=args.name, role=role, login=args.login)
    saved = ctx.store.add_person(person)
    login = f", login {saved.login}" if saved.login else ""
    say(f"Added {saved.name} to the team ({saved.role.value}{login})")
    return 0


def cmd_person_list(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    people = store.people()
    me = store.current_person()
    if args.json:
        print_json(
            [
                {**p.model_dump(mode="json"), "is_me": me is not None and p.id == me.id}
                for p in people
            ]
        )
        return 0
    for person in people:
        mark = "*" if me is not None and person.id == me.id else " "
        login = person.login or "-"
        say(f"{mark} {person.name:<28} {person.role.value:<10} {login}")
    if not people:
        say(
            "No one on the team yet "
            '(add someone: docket person add "Dana Whitlock" --role attorney)'
        )
    return 0


def _given(text: str | None) -> str | None | Keep:
    """A flag left out keeps the value; `none` clears it."""
    from db.team import KEEP

    if text is None:
        return KEEP
    return None if is_clear(text) else text


def cmd_case_assign(args: argparse.Namespace, ctx: Context) -> int:
    if all(v is None for v in (args.attorney, args.paralegal, args.matter_no, args.client_no)):
        raise InputError(
            "--attorney",
            "names nothing to assign; give --attorney, --paralegal, --matter-no or --client-no",
            '--attorney "Dana Whitlock"',
        )
    case, case_id = ctx.case_id(args.number)
    store = ctx.store
    for flag, name in (("--attorney", args.attorney), ("--paralegal", args.paralegal)):
        if name is not None and not is_clear(name):
            _refuse_if_no_team(ctx, flag)
    saved = store.assign_case(
        case_id,
        attorney=_given(args.attorney),
        paralegal=_given(args.paralegal),
        matter_no=_given(args.matter_no),
        client_no=_given(args.client_no),
    )
    people = store.responsible(case_id)
    say(f"{case.number}: {case.title}")
    say(f"  Attorney: {people.attorney.name if people.attorney else '-'}")
    say(f"  Paralegal: {people.paralegal.name if people.paralegal else '-'}")
    say(f"  Matter no.: {saved.matter_no or '-'}   Client no.: {saved.client_no or '-'}")
    return 0


def cmd_deadline_assign(args: argparse.Namespace, ctx: Context) -> int:
    case, case_id = ctx.case_id(args.number)
    deadline = ctx.deadline(case, args.id)
    to = None if is_clear(args.to) else args.to
    if to is not None:
        _refuse_if_no_team(ctx, "--to")
    person = ctx.store.assign_deadline(args.id, to, case_id=case_id)
    if person is None:
        say(f"Deadline #{deadline.id} on {case.number} is given to no one: {deadline.title}")
    else:
        say(f"Deadline #{deadline.id} on {case.number} given to {person.name}: {deadline.title}")
    return 0


def register(sub: Subparsers) -> None:
    """The `person` group."""
    from docket.cli.arguments import group

    people = group(sub, "person", "the people on the team")
    add = command(people, "add", cmd_person_add, "put someone on the team", numbered=False)
    add.add_argument("name", metavar="NAME", help="their name, e.g. 'Dana Whitlock'")
    add.add_argument("--role", required=True, help=", ".join(PersonRole.choices()) + " (required)")
    add.add_argument(
        "--login",
        metavar="LOGIN",
        help="the login name or $DOCKET_USER they use docket under, so --mine finds them "
        "(default: their name is matched instead)",
    )
    listing = command(people, "list", cmd_person_list, "everyone on the team", numbered=False)
    add_json(listing, "one object per person, `is_me` marking the current user")


def register_case_assign(cases: Subparsers) -> None:
    assign = command(
        cases, "assign", cmd_case_assign, "say who answers for a matter, and its numbers"
    )
    assign.add_argument(
        "--attorney", metavar="NAME", help="the responsible attorney; none clears (default: kept)"
    )
    assign.add_argument(
        "--paralegal", metavar="NAME", help="the responsible paralegal; none clears (default: kept)"
    )
    add_numbers(assign, "kept")


def add_numbers(parser: argparse.ArgumentParser, default: str) -> None:
    """`--matter-no` and `--client-no`, on `case add` and `case assign`."""
    parser.add_argument(
        "--matter-no",
        metavar="TEXT",
        help=f"the firm's matter number, e.g. M-1042 (default: {default})",
    )
    parser.add_argument(
        "--client-no",
        metavar="TEXT",
        help=f"the firm's client number, e.g. C-207 (default: {default})",
    )


def register_deadline_assign(deadlines: Subparsers) -> None:
    assign = command(
        deadlines,
        "assign",
        cmd_deadline_assign,
        "give a deadline to someone on the team",
        field_flags={"assignee": "--to"},
    )
    assign.add_argument(
        "id",
        metavar="ID",
        type=record_number,
        help="the deadline's id, as `docket case show` shows it",
    )
    assign.add_argument(
        "--to",
        required=True,
        metavar="NAME",
        help="who has it; none gives it back to the matter's attorney and paralegal (required)",
    )
