"""`docket party add`: who is on a case, with the conflict check said out loud."""

from __future__ import annotations

import argparse

from docket.cli.arguments import Subparsers, choice, command, group
from docket.cli.context import Context
from docket.cli.output import say
from docket.errors import InputError
from docket.models import PartyKind, PartyRole


def cmd_party_add(args: argparse.Namespace, ctx: Context) -> int:
    role = choice(PartyRole, args.role, "--role")
    kind = choice(PartyKind, args.kind, "--kind")
    if args.represents is not None and role != PartyRole.COUNSEL:
        raise InputError("--for", "only counsel represent a party", '--role counsel --for "Acme"')
    case, case_id = ctx.case_id(args.number)
    represents_id = None
    client_name = ""
    if args.represents is not None:
        wanted = args.represents.strip().casefold()
        matches = [
            p for p in ctx.store.case_parties(case_id) if p.name.casefold() == wanted and p.id
        ]
        if not matches:
            raise InputError(
                "--for",
                f"no party named {args.represents.strip()!r} on {case.number}",
                "add the client first: docket party add NUMBER --name NAME --role plaintiff",
            )
        represents_id = matches[0].id
        client_name = f" for {matches[0].name}"
    link, conflicts = ctx.store.add_party(
        case_id, args.name, role, kind=kind, represents_id=represents_id
    )
    say(f"Added {link.name} as {link.role.label}{client_name} on {case.number}")
    for conflict in conflicts:
        say(
            f"Conflict check: {conflict.name} also appears on {conflict.case_number} "
            f"{conflict.case_title} ({conflict.role.replace('_', ' ')})"
        )
    return 0


def register(sub: Subparsers) -> None:
    parties = group(sub, "party", "add parties to a case")
    add = command(parties, "add", cmd_party_add, "add a party to a case")
    add.add_argument("--name", required=True, help="the person's or organization's name (required)")
    add.add_argument("--role", required=True, help=", ".join(PartyRole.choices()) + " (required)")
    add.add_argument(
        "--kind",
        default="person",
        help="person, organization, agency, or united_states for the United States, a U.S. "
        "agency or officer, which gives 60 days to appeal (FRAP 4(a)(1)(B)) (default: person)",
    )
    add.add_argument(
        "--for",
        dest="represents",
        metavar="CLIENT",
        help="for counsel: the name of the party they represent, already on the case "
        "(default: none)",
    )
