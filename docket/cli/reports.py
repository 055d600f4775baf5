"""`docket remind` and `docket search`: what needs doing, and where a word appears."""

from __future__ import annotations

import argparse
import re
from datetime import timedelta

from docket.cli.arguments import Subparsers, add_json, command, non_negative
from docket.cli.context import Context
from docket.cli.output import print_json, say
from docket.cli.team import my_person_id
from docket.errors import InputError
from docket.wording import plural

_SECTION_TITLES = {
    "overdue": "Overdue",
    "today": "Today",
    "upcoming": "Coming up",
    "attention": "Needs attention",
}


def cmd_remind(args: argparse.Namespace, ctx: Context) -> int:
    from docket.reminders import build_reminders, horizon, overdue_count

    within = non_negative(args.within, "--within", "--within 14", most=36_500)
    store = ctx.store
    mine = my_person_id(ctx) if args.mine else None
    today = store.clock.today()
    agenda = store.agenda(until=today + timedelta(days=horizon(within)), limit=5000, mine=mine)
    attention = store.cases_needing_attention(mine=mine)
    reminders = build_reminders(agenda, attention, today=today, within=within)
    overdue = overdue_count(reminders)
    unregistered = store.cases_in_unregistered_courts()
    if args.json:
        print_json(
            {
                "today": today.isoformat(),
                "within": within,
                "mine": bool(args.mine),
                "overdue": overdue,
                "reminders": [r.to_json() for r in reminders],
                "unregistered_courts": [
                    {"number": number, "court": court, "title": title}
                    for _, number, court, title in unregistered
                ],
            }
        )
        return 1 if overdue else 0
    if mine is not None:
        say(f"Only what {store.get_person(mine).name} answers for\n")
    if not reminders:
        window = "today" if within == 0 else f"in the next {plural(within, 'day')}"
        say(f"Nothing due {window} and no matter needs attention.")
    section = ""
    for reminder in reminders:
        if reminder.urgency != section:
            section = reminder.urgency
            say(("\n" if reminder is not reminders[0] else "") + _SECTION_TITLES[section])
        if reminder.kind == "case":
            say(f"  {reminder.case_number:<20} {reminder.case_title}")
            say(f"  {'':<20} {reminder.why} (stage {reminder.title})")
            continue
        when = str(reminder.day)
        if reminder.at:
            when += " " + reminder.at[11:16]
        say(f"  {when:<16} {reminder.kind:<8} {reminder.case_number:<20} {reminder.title}")
        say(f"  {'':<16} {reminder.why}; {reminder.case_title}")
    if unregistered:
        # Last: nothing here is due today, but every deadline of these cases may be miscounted.
        say("\nCourt not in the registry (deadlines counted under assumed federal rules)")
        for _, number, court, title in unregistered:
            say(f"  {number:<20} {title}")
            say(f"  {'':<20} court {court!r}: edit the case to a registered court")
    return 1 if overdue else 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    if not re.search(r"\w", args.query):
        raise InputError("QUERY", "has no words to search for", "docket search Baldwin")
    hits = ctx.store.search(args.query)
    if args.json:
        print_json([hit._asdict() for hit in hits])
        return 0
    if not hits:
        say(f"No matches for {args.query}")
    for hit in hits:
        say(f"  {hit.kind:<8} {hit.case_number or '-':<20} {hit.text}")
        if hit.snippet and hit.snippet != hit.text:
            say(f"  {'':<8} {'':<20} {hit.snippet}")
    return 0


def register(sub: Subparsers) -> None:
    remind = command(
        sub, "remind", cmd_remind, "what needs doing, most urgent first", numbered=False
    )
    remind.add_argument(
        "--within",
        default="14",
        metavar="DAYS",
        help="list deadlines and hearings due within this many days from today (default: 14)",
    )
    remind.add_argument(
        "--mine",
        action="store_true",
        help="only what you answer for: your matters' deadlines and hearings and the deadlines "
        "given to you (you: $DOCKET_USER, else your login) (default: everything)",
    )
    add_json(remind, "today, the window, the overdue count and each reminder")

    search = command(sub, "search", cmd_search, "full-text search", numbered=False)
    search.add_argument(
        "query",
        metavar="QUERY",
        help="words to find in case titles, numbers, summaries, docket entries, party names, "
        "notes, deadlines and hearings; quote several words to pass them as one argument",
    )
    add_json(search, "one object per match")
