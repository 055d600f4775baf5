"""`docket case link | unlink`, and the linked group `case list --linked-to` lists.

One incident becomes many proceedings; a link says how two of them connect, and each matter
shows it in its own words (an appeal is "appeal of" the case it appeals, which shows
"appealed in").
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from docket.cli.arguments import Subparsers, command
from docket.cli.context import Context
from docket.cli.output import print_json_text, say
from docket.links import LinkRelation

if TYPE_CHECKING:
    from db.rows import CaseRow, LinkRow
    from docket.models import Case


def _case_near(ctx: Context, number: str, court: str | None, field: str) -> Case:
    """The case a typed number means, or an error naming the closest numbers."""
    return ctx.store.find_case_near(number, court, field=field)


def _both(args: argparse.Namespace, ctx: Context) -> tuple[Case, Case]:
    case = _case_near(ctx, args.number, args.court, "number")
    other = _case_near(ctx, args.other, args.other_court, "other")
    return case, other


def cmd_case_link(args: argparse.Namespace, ctx: Context) -> int:
    relation = LinkRelation.choose(getattr(args, "as"), "--as")
    case, other = _both(args, ctx)
    assert case.id is not None and other.id is not None
    link = ctx.store.link_cases(case.id, other.id, relation, note=args.note)
    say(f"Linked: {case.number} is {link.words} {other.number} ({other.title})")
    return 0


def cmd_case_unlink(args: argparse.Namespace, ctx: Context) -> int:
    case, other = _both(args, ctx)
    assert case.id is not None and other.id is not None
    link = ctx.store.unlink_cases(case.id, other.id)
    say(f"Unlinked: {case.number} is no longer {link.words} {other.number}")
    return 0


def link_json(link: LinkRow) -> dict[str, Any]:
    """A link as `case show --json` gives it: the other matter and the relation from here."""
    return {
        "number": link.number,
        "court": link.court or None,
        "title": link.title,
        "relation": link.relation,
        "note": link.note,
        "stage": link.stage,
        "next_event_on": link.next_event_on,
    }


def print_links(links: list[LinkRow]) -> None:
    """`case show`'s Related matters: how each connects, its number, stage and title."""
    for link in links:
        court = f" ({link.court})" if link.court else ""
        say(f"  {link.words:<18} {link.number}{court}  [{link.stage}]  {link.title}")
        if link.note:
            say(f"  {'':<18} {link.note}")
    if not links:
        say("  none")


def list_linked_group(args: argparse.Namespace, ctx: Context, case_row_json: Any) -> int:
    """`case list --linked-to NUMBER`: the matter and everything linked to it, directly or
    through others, each with its stage and next date; how each one connects to NUMBER
    when it is linked to it directly."""
    case = _case_near(ctx, args.linked_to, getattr(args, "court", None), "linked_to")
    assert case.id is not None
    store = ctx.store
    rows = store.linked_group(case.id)
    if args.open:
        rows = [row for row in rows if not row.resolved or row.id == case.id]
    direct = {link.case_id: link for link in store.case_links(case.id)}
    if args.json:
        say("[")
        for index, row in enumerate(rows):
            data = case_row_json(row)
            link = direct.get(row.id)
            data["relation"] = None if link is None else link.relation
            print_json_text(("  " if index == 0 else ", ") + json.dumps(data, ensure_ascii=False))
        say("]")
        return 0
    say(f"Matters linked to {case.number}: {len(rows) - 1}")
    say(f"  {'NUMBER':<22} {'HOW':<18} {'STAGE':<18} {'NEXT':<10}  TITLE")
    for row in rows:
        say(_group_line(row, case, direct.get(row.id)))
    return 0


def _group_line(row: CaseRow, case: Case, link: LinkRow | None) -> str:
    if row.id == case.id:
        how = "(this matter)"
    elif link is not None:
        how = link.words
    else:
        how = "through another"
    stage = row.stage + (" (stayed)" if row.stayed else "")
    return (
        f"{'!' if row.attention else ' '} {row.number:<22} {how:<18} {stage:<18} "
        f"{row.next_event_on or '-':<10}  {row.title}"
    )


def register(cases: Subparsers) -> None:
    """`case link` and `case unlink`, in the `case` group."""
    relations = ", ".join(value.replace("_", "-") for value in LinkRelation.choices())
    link = command(
        cases,
        "link",
        cmd_case_link,
        "link two related matters (shown on both)",
        field_flags={"other": "OTHER", "note": "--note"},
    )
    _other(link)
    link.add_argument(
        "--as",
        required=True,
        metavar="RELATION",
        help=f"how NUMBER relates to OTHER: {relations}; appeal-of makes NUMBER the appeal "
        "(required)",
    )
    link.add_argument(
        "--note", metavar="TEXT", help="a word on the connection, one line (default: none)"
    )
    unlink = command(
        cases,
        "unlink",
        cmd_case_unlink,
        "remove the link between two matters",
        field_flags={"other": "OTHER"},
    )
    _other(unlink)


def _other(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "other", metavar="OTHER", help="the other matter's number as the court writes it"
    )
    parser.add_argument(
        "--other-court",
        metavar="COURT_ID",
        help="OTHER's court, when two courts use its number (default: none)",
    )
