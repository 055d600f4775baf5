"""`docket case add | list | show | follow-up`."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from docket.cli import links, team
from docket.cli.arguments import (
    DATE_FORMS,
    Subparsers,
    add_date,
    add_json,
    build,
    choice,
    command,
    day,
    group,
    is_clear,
    optional_day,
)
from docket.cli.context import Context
from docket.cli.output import (
    print_hearings,
    print_history,
    print_json,
    print_json_text,
    print_steps,
    say,
)
from docket.errors import InputError
from docket.models import Case, CaseKind, CaseParty

if TYPE_CHECKING:
    from db.rows import CaseRow
    from db.team import Responsible
    from docket.courts import Court


def cmd_case_add(args: argparse.Namespace, ctx: Context) -> int:
    kind = choice(CaseKind, args.kind, "--kind")
    opened = optional_day(args.opened, "--opened", ctx.today)
    follow_up = optional_day(args.follow_up, "--follow-up", ctx.today)
    calendar = "US"
    if args.calendar is not None:
        from docket.calendars import validate_calendar_code

        calendar = validate_calendar_code(args.calendar, field="--calendar")
    case = build(
        Case,
        number=args.number,
        title=args.title,
        kind=kind,
        court=args.court,
        opened_on=opened,
        calendar=calendar,
        judge=args.judge,
        summary=args.summary,
        follow_up_on=follow_up,
        matter_no=args.matter_no,
        client_no=args.client_no,
    )
    saved = ctx.store.add_case(case, registered_court=True)
    court = f" in {saved.court}" if saved.court else ""
    say(
        f"Added {saved.number}{court}: {saved.title} "
        f"({saved.kind.value}, {saved.stage}, opened {saved.opened_on})"
    )
    return 0


def _case_row_json(row: CaseRow) -> dict[str, Any]:
    data: dict[str, Any] = row._asdict()
    data["next_event_on"] = row.next_event_on
    return data


def cmd_case_list(args: argparse.Namespace, ctx: Context) -> int:
    from db.rows import PAGE_SIZE

    if args.linked_to is not None:
        if args.mine:
            raise InputError("--mine", "lists one or the other: --mine or --linked-to", "--mine")
        return links.list_linked_group(args, ctx, _case_row_json)
    store = ctx.store
    mine = team.my_person_id(ctx) if args.mine else None
    after: tuple[int, str, int] | None = None
    printed = 0
    in_resolved = False
    if args.json:
        say("[")
    else:
        say(f"  {'NUMBER':<22} {'KIND':<14} {'STAGE':<18} {'NEXT':<10}  TITLE")
    while True:
        rows = store.list_cases(open_only=args.open, mine=mine, after=after)
        for row in rows:
            if args.json:
                text = json.dumps(_case_row_json(row), ensure_ascii=False)
                print_json_text(("  " if printed == 0 else ", ") + text)
            else:
                if row.resolved and not in_resolved:
                    in_resolved = True
                    say("\nResolved")
                stage = row.stage + (" (stayed)" if row.stayed else "")
                flag = "!" if row.attention else " "
                say(
                    f"{flag} {row.number:<22} {row.kind:<14} {stage:<18} "
                    f"{row.next_event_on or '-':<10}  {row.title}"
                )
                if row.attention:
                    say(f"  {'':<22} needs attention: {row.attention}")
            printed += 1
        if len(rows) < PAGE_SIZE:
            break
        after = rows[-1].sort_key
    if args.json:
        say("]")
    elif printed == 0 and mine is not None:
        say("None of the matters is yours (docket case assign NUMBER --attorney NAME)")
    elif printed == 0:
        say("No cases yet (add one: docket case add --number N --title T --kind civil)")
    return 0


def _client_names(parties: list[CaseParty]) -> dict[int, str]:
    return {p.id: p.name for p in parties if p.id is not None}


def _print_parties(parties: list[CaseParty]) -> None:
    """One line a party or counsel link; under an attorney's first line, their firm and
    contact block as the court lists them (once, however many clients they have)."""
    names = _client_names(parties)
    contact_shown: set[str] = set()
    for party in parties:
        client = ""
        if party.represents_id is not None:
            client = f"  (for {names.get(party.represents_id, '?')})"
        ended = f"  [terminated {party.terminated_on}]" if party.terminated_on else ""
        say(f"  {party.role.label:<16} {party.name}{client}{ended}")
        if party.contact and party.name not in contact_shown:
            contact_shown.add(party.name)
            for line in party.contact.splitlines():
                say(f"  {'':<16} {line}")
        elif party.firm and party.name not in contact_shown:
            say(f"  {'':<16} {party.firm}")
    if not parties:
        say("  none")


def _print_case_header(
    case: Case, court: Court | None = None, people: Responsible | None = None
) -> None:
    where = f"  ({case.court})" if case.court else ""
    say(f"{case.number}{where}")
    say(f"  {case.title}")
    if court is not None:
        rules = f"rules: {court.rules}" if court.rules else "no court rules"
        say(f"  Court: {court.name} ({court.system}, {rules}, time zone {court.tz})")
    elif case.court:
        say(
            f"  ! Court {case.court!r} is not in the registry: deadlines are counted under "
            "the federal rules (assumed) until the case's court is edited"
        )
    say(f"  Kind: {case.kind.value}   Stage: {case.stage}   Calendar: {case.calendar}")
    say(f"  Opened: {case.opened_on}" + (f"   Closed: {case.closed_on}" if case.closed_on else ""))
    if case.disposition:
        say(f"  Disposition: {case.disposition}")
    if case.judge:
        say(f"  Judge: {case.judge}")
    if people is not None and (people.attorney or people.paralegal):
        attorney = people.attorney.name if people.attorney else "-"
        paralegal = people.paralegal.name if people.paralegal else "-"
        say(f"  Attorney: {attorney}   Paralegal: {paralegal}")
    if case.matter_no or case.client_no:
        say(f"  Matter no.: {case.matter_no or '-'}   Client no.: {case.client_no or '-'}")
    if case.stay_reason:
        until = f" until {case.stay_until}" if case.stay_until else ""
        say(f"  Stayed since {case.stayed_on}{until}: {case.stay_reason}")
    if case.follow_up_on:
        say(f"  Follow up on: {case.follow_up_on}")
    say(f"  Last activity: {case.last_activity_on or '-'}")
    if case.summary:
        say("  Summary:")
        for line in case.summary.splitlines():
            say(f"    {line}")


def cmd_case_show(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store
    case, case_id = ctx.case_id(args.number)
    parties = store.case_parties(case_id)
    hearings = store.hearings(case_id, limit=10_000)
    deadlines = store.deadlines(case_id, limit=10_000)
    history = store.status_history(case_id)
    notes = store.notes(case_id, limit=10_000)
    linked = store.case_links(case_id)
    people = store.responsible(case_id)
    assignees = store.deadline_assignees(case_id)
    if args.json:
        print_json(
            {
                "case": case.model_dump(mode="json"),
                "attorney": people.attorney.name if people.attorney else None,
                "paralegal": people.paralegal.name if people.paralegal else None,
                "links": [links.link_json(link) for link in linked],
                "parties": [p.model_dump(mode="json") for p in parties],
                "filings": [f.model_dump(mode="json") for f in store.all_filings(case_id)],
                "hearings": [h.model_dump(mode="json") for h in hearings],
                "deadlines": [
                    {**d.model_dump(mode="json"), "assigned_to": assignees.get(d.id or 0)}
                    for d in deadlines
                ],
                "status_history": [s.model_dump(mode="json") for s in history],
                "notes": [n.model_dump(mode="json") for n in notes],
            }
        )
        return 0
    _print_case_header(case, store.court_of(case), people)

    say("\nRelated matters")
    links.print_links(linked)

    say("\nParties")
    _print_parties(parties)

    say("\nDocket")
    any_filing = False
    for filing in store.all_filings(case_id):
        any_filing = True
        void = f"  [VOIDED: {filing.void_reason}]" if filing.voided else ""
        say(
            f"  {filing.entry_no:>3}  {filing.filed_on}  {filing.doc_type.label:<16} "
            f"{filing.title}{void}"
        )
        details = []
        if filing.filed_by:
            details.append(f"by {filing.filed_by}")
        if filing.served_on:
            how = f" ({filing.service.value})" if filing.service else ""
            details.append(f"served {filing.served_on}{how}")
        if details:
            say(f"       {'; '.join(details)}")
        if filing.description:
            say(f"       {filing.description}")
    if not any_filing:
        say("  none")

    say("\nHearings")
    print_hearings(hearings)

    say("\nDeadlines")
    for deadline in deadlines:
        cite = f"  ({deadline.citation})" if deadline.citation else ""
        say(
            f"  #{deadline.id:<4} {deadline.due_on}  {deadline.status.value:<9} "
            f"{deadline.title}{cite}"
        )
        if deadline.id in assignees:
            say(f"         given to {assignees[deadline.id]}")
        print_steps(deadline.computation, "         ")
    if not deadlines:
        say("  none")

    say("\nStatus history")
    print_history(history, "  ")

    say("\nNotes")
    for note in notes:
        say(f"  {note.noted_on}  {note.text}")
        if note.source:
            say(f"      source: {note.source}")
    if not notes:
        say("  none")
    return 0


def cmd_case_follow_up(args: argparse.Namespace, ctx: Context) -> int:
    text = args.follow_up_on
    follow_up = None if is_clear(text) else day(text, "DATE", ctx.today)
    case, case_id = ctx.case_id(args.number)
    ctx.store.set_follow_up(case_id, follow_up)
    if follow_up is None:
        say(f"{case.number}: follow-up date cleared")
    else:
        say(f"{case.number}: follow up on {follow_up}")
    return 0


def register(sub: Subparsers) -> None:
    cases = group(sub, "case", "add, list and show cases")
    add = command(cases, "add", cmd_case_add, "add a case", opens="create", numbered=False)
    add.add_argument(
        "--number",
        required=True,
        help="the number as the court or agency writes it, e.g. 1:22-cv-00012 (required)",
    )
    add.add_argument("--title", required=True, help="the caption, e.g. 'Smith v. Jones' (required)")
    add.add_argument("--kind", required=True, help=", ".join(CaseKind.choices()) + " (required)")
    add.add_argument(
        "--court", metavar="COURT_ID", help="court id or agency, e.g. nmd (default: none)"
    )
    add_date(add, "--opened", "the day the matter was opened", "today")
    add.add_argument(
        "--calendar", metavar="CODE", help="holiday calendar, e.g. US or US-NM (default: US)"
    )
    add.add_argument(
        "--judge", metavar="NAME", help="the assigned judge, e.g. 'Hon. A. Judge' (default: none)"
    )
    add.add_argument(
        "--summary", metavar="TEXT", help="what the matter is about, in a few lines (default: none)"
    )
    add_date(add, "--follow-up", "a day to look at the matter again", "none")
    team.add_numbers(add, "none")

    listing = command(cases, "list", cmd_case_list, "list cases, most urgent first", numbered=False)
    listing.add_argument(
        "--open", action="store_true", help="unresolved cases only (default: every case)"
    )
    listing.add_argument(
        "--mine",
        action="store_true",
        help="only the matters you answer for, as attorney, paralegal or for a deadline "
        "given to you (you: $DOCKET_USER, else your login) (default: every case)",
    )
    listing.add_argument(
        "--linked-to",
        metavar="NUMBER",
        help="the matter and every matter linked to it, directly or through others, each with "
        "its stage and next date (default: every case)",
    )
    add_json(listing, "one object per case")

    show = command(cases, "show", cmd_case_show, "everything about one case")
    add_json(show, "the case, its parties, docket, hearings, deadlines, history and notes")

    links.register(cases)
    team.register_case_assign(cases)

    follow = command(cases, "follow-up", cmd_case_follow_up, "set or clear the follow-up date")
    follow.add_argument(
        "follow_up_on",
        metavar="DATE",
        help=f"the day to look at the case again ({DATE_FORMS}), or 'none' to clear it",
    )
