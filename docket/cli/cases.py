"""`docket case add | edit | list | show | follow-up`."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from docket.choices import CaseKind, PartyRole
from docket.cli import links, team
from docket.cli.arguments import (
    DATE_FORMS,
    Subparsers,
    add_date,
    add_json,
    add_yes,
    build,
    choice,
    command,
    confirm_dates,
    day,
    group,
    is_clear,
    optional_day,
)
from docket.cli.context import Context
from docket.cli.errors import flag_for
from docket.cli.output import (
    defendant_json,
    print_defendants,
    print_hearings,
    print_history,
    print_json,
    print_json_text,
    print_steps,
    say,
)
from docket.errors import InputError, NotFound, Refused

if TYPE_CHECKING:
    from db.case_file import CaseFile
    from db.rows import CaseRow
    from docket.models import Case, CaseParty, Deadline


def cmd_case_add(args: argparse.Namespace, ctx: Context) -> int:
    from docket.models import Case

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
    from docket.doubts import case_doubts

    confirm_dates(case_doubts(case, ctx.today), args)
    saved = ctx.store.add_case(case, registered_court=True)
    court = f" in {saved.court}" if saved.court else ""
    say(
        f"Added {saved.number}{court}: {saved.title} "
        f"({saved.kind.value}, {saved.stage}, opened {saved.opened_on})"
    )
    return 0


#: `case edit`'s plain-text flags (as argparse names them) → the Case field each sets; `none`
#: clears the ones a case may lack.
_CASE_EDIT_TEXT = (("new_number", "number"), ("title", "title"))
_CASE_EDIT_CLEARABLE = (("judge", "judge"), ("summary", "summary"))


def _case_changes(args: argparse.Namespace, ctx: Context) -> dict[str, Any]:
    """The fields `case edit` sets, each read and checked before the store is opened."""
    changes: dict[str, Any] = {}
    for flag, field in _CASE_EDIT_TEXT:
        value = getattr(args, flag)
        if value is not None:
            changes[field] = value
    for flag, field in _CASE_EDIT_CLEARABLE:
        value = getattr(args, flag)
        if value is not None:
            changes[field] = None if is_clear(value) else value
    if args.kind is not None:
        changes["kind"] = choice(CaseKind, args.kind, "--kind")
    if args.court is not None:
        changes["court"] = None if is_clear(args.court) else args.court
    if args.opened is not None:
        changes["opened_on"] = day(args.opened, "--opened", ctx.today)
    if args.calendar is not None:
        from docket.calendars import validate_calendar_code

        changes["calendar"] = validate_calendar_code(args.calendar, field="--calendar")
    if args.follow_up is not None:
        text = args.follow_up
        changes["follow_up_on"] = None if is_clear(text) else day(text, "--follow-up", ctx.today)
    if not changes:
        raise InputError(
            "case edit",
            "nothing to change; give at least one of --number, --title, --kind, --court, "
            "--judge, --summary, --opened, --calendar, --follow-up",
            "docket case edit 1:26-cv-00071 --court nm-dist-1",
        )
    return changes


def _case_to_edit(args: argparse.Namespace, ctx: Context) -> tuple[Case, int]:
    """The case NUMBER names; `--in` tells apart two courts' cases of that number (`--court`
    is the court the case moves to)."""
    try:
        return ctx.case_id(args.number, court_flag="in_court")
    except NotFound as missing:
        raise NotFound(missing.problem, field="NUMBER") from None
    except Refused as ambiguous:
        if ambiguous.field != "court":
            raise
        raise Refused(
            ambiguous.problem.replace("name the court", "name its present court with --in"),
            field="--in",
            example=ambiguous.example,
        ) from None


def _deadline_json(deadline: Deadline) -> dict[str, Any]:
    return {
        "id": deadline.id,
        "title": deadline.title,
        "due_on": deadline.due_on.isoformat(),
        "rule": deadline.rule,
        "citation": deadline.citation,
    }


def cmd_case_edit(args: argparse.Namespace, ctx: Context) -> int:
    from docket.doubts import case_doubts, touching
    from docket.models import Case

    changes = _case_changes(args, ctx)
    current, case_id = _case_to_edit(args, ctx)
    if "court" in changes and changes["court"] is not None:
        # Refused here, by its flag and with the closest ids, before anything is written.
        same = current.court and changes["court"].strip() == current.court
        if not same:
            ctx.store.court_registry().require(changes["court"], field="--court")
    # Checked before the store writes, so a bad value is named by its flag.
    edited = build(Case, **{**current.model_dump(), **changes})
    confirm_dates(touching(case_doubts(edited, ctx.today), changes), args)
    edit = ctx.store.edit_case(case_id, changes)
    saved = edit.saved
    if args.json:
        print_json(
            {
                "case": saved.model_dump(mode="json"),
                "changed": edit.changed,
                "moved": [
                    {
                        **_deadline_json(moved.after),
                        "was_due_on": moved.before.due_on.isoformat(),
                        "was_rule": moved.before.rule,
                        "was_citation": moved.before.citation,
                    }
                    for moved in edit.moved
                ],
                "withdrawn": [_deadline_json(d) for d in edit.withdrawn],
                "added": [_deadline_json(d) for d in edit.added],
            }
        )
        return 0
    if not edit.changed:
        say(f"{saved.number}: nothing changed")
        return 0
    # The stage follows a new kind by itself: named in words, as no flag sets it.
    names = ", ".join(
        "stage" if field == "stage" else flag_for(field, args.command_parser)
        for field in edit.changed
    )
    court = f" in {saved.court}" if saved.court else ""
    say(f"{saved.number}{court} updated ({names}): {saved.title}")
    for moved in edit.moved:
        old, new = moved.before, moved.after
        cite = f" ({new.citation})" if new.citation else ""
        was = f", was {old.citation}" if old.citation and old.citation != new.citation else ""
        say(f"  Deadline #{new.id} moved {old.due_on} -> {new.due_on}: {new.title}{cite}{was}")
    for deadline in edit.withdrawn:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        say(
            f"  Deadline #{deadline.id} withdrawn, no rule of the new court sets it: "
            f"{deadline.title}{cite}"
        )
    for deadline in edit.added:
        cite = f" ({deadline.citation})" if deadline.citation else ""
        say(f"  Deadline #{deadline.id} added, due {deadline.due_on}: {deadline.title}{cite}")
    if {"court", "kind", "calendar"} & set(edit.changed) and not (
        edit.moved or edit.withdrawn or edit.added
    ):
        say("  No open deadline moved.")
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


def _print_case_header(sheet: CaseFile) -> None:
    case, court, reported = sheet.case, sheet.court, sheet.reported
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
    if reported is not None:
        source = f" ({reported.source})" if reported.source else ""
        say(f"  Stage {case.stage} as reported {reported.reported_on}{source}")
    say(f"  Opened: {case.opened_on}" + (f"   Closed: {case.closed_on}" if case.closed_on else ""))
    if case.disposition:
        say(f"  Disposition: {case.disposition}")
    if case.judge:
        say(f"  Judge: {case.judge}")
    if sheet.attorney or sheet.paralegal:
        say(f"  Attorney: {sheet.attorney or '-'}   Paralegal: {sheet.paralegal or '-'}")
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
    if args.json:
        return _case_show_json(ctx.case_id(args.number), ctx)
    from db.case_file import read_case_file

    sheet = read_case_file(ctx.store, ctx.case_row(args.number))
    _print_case_header(sheet)

    say("\nRelated matters")
    links.print_links(sheet.links)

    say("\nParties")
    _print_parties(sheet.parties)
    defendants = [p for p in sheet.parties if p.role == PartyRole.DEFENDANT]
    if any(d.stage for d in defendants):
        say("\nDefendants")
        print_defendants(defendants, sheet.case.stage)

    say("\nDocket")
    for filing in sheet.filings:
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
    if not sheet.filings:
        say("  none")

    say("\nHearings")
    print_hearings(sheet.hearings)

    say("\nDeadlines")
    for deadline in sheet.deadlines:
        cite = f"  ({deadline.citation})" if deadline.citation else ""
        say(
            f"  #{deadline.id:<4} {deadline.due_on}  {deadline.status.label:<9} "
            f"{deadline.title}{cite}"
        )
        if deadline.id in sheet.assignees:
            say(f"         given to {sheet.assignees[deadline.id]}")
        print_steps(deadline.computation, "         ")
    if not sheet.deadlines:
        say("  none")

    say("\nStatus history")
    print_history(sheet.history, "  ")

    say("\nNotes")
    for note in sheet.notes:
        say(f"  {note.noted_on}  {note.text}")
        if note.source:
            say(f"      source: {note.source}")
    if not sheet.notes:
        say("  none")
    return 0


def _case_show_json(found: tuple[Case, int], ctx: Context) -> int:
    """`case show --json`: the case as the models export it (what a script reads)."""
    store = ctx.store
    case, case_id = found
    parties = store.case_parties(case_id)
    hearings = store.hearings(case_id, limit=10_000)
    deadlines = store.deadlines(case_id, limit=10_000)
    history = store.status_history(case_id)
    notes = store.notes(case_id, limit=10_000)
    reported = store.reported_status(case_id)
    linked = store.case_links(case_id)
    people = store.responsible(case_id)
    assignees = store.deadline_assignees(case_id)
    print_json(
        {
            "case": case.model_dump(mode="json"),
            "attorney": people.attorney.name if people.attorney else None,
            "paralegal": people.paralegal.name if people.paralegal else None,
            "links": [links.link_json(link) for link in linked],
            "parties": [p.model_dump(mode="json") for p in parties],
            "defendants": [defendant_json(p) for p in parties if p.role == PartyRole.DEFENDANT],
            "reported_on": None if reported is None else str(reported.reported_on),
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
    cases = group(sub, "case", "add, edit, list and show cases")
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
    add_yes(add)
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

    _register_edit(cases)

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


def _register_edit(cases: Subparsers) -> None:
    edit = command(
        cases,
        "edit",
        cmd_case_edit,
        "change a case; a new court or kind recounts its open deadlines",
        numbered=False,
        field_flags={"number": "--number"},
    )
    edit.add_argument("number", metavar="NUMBER", help="the case number as the court writes it")
    edit.add_argument(
        "--in",
        dest="in_court",
        metavar="COURT_ID",
        help="the case's present court, when two courts use the same number (default: none)",
    )
    edit.add_argument(
        "--number", dest="new_number", metavar="N", help="a new number (default: unchanged)"
    )
    edit.add_argument("--title", help="the caption (default: unchanged)")
    edit.add_argument("--kind", help=", ".join(CaseKind.choices()) + " (default: unchanged)")
    edit.add_argument(
        "--court",
        metavar="COURT_ID",
        help="the court the case is in, e.g. nm-dist-1; its open deadlines are recounted "
        "under that court's rules (default: unchanged)",
    )
    edit.add_argument(
        "--judge", metavar="NAME", help="the assigned judge, or 'none' (default: unchanged)"
    )
    edit.add_argument(
        "--summary", metavar="TEXT", help="what the matter is about, or 'none' (default: unchanged)"
    )
    add_date(edit, "--opened", "the day the matter was opened", "unchanged")
    edit.add_argument(
        "--calendar",
        metavar="CODE",
        help="holiday calendar, e.g. US-NM (default: the new court's, else unchanged)",
    )
    edit.add_argument(
        "--follow-up",
        metavar="DATE",
        help=f"a day to look at the matter again ({DATE_FORMS}), or 'none' (default: unchanged)",
    )
    add_yes(edit)
    add_json(edit, "the case and the deadlines that moved")
