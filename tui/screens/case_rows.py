"""What the Case screen draws: its header and the cells of each tab's rows, from the models.

Functions of what the store returned (and the theme's colours) and nothing else, so that the
screen's worker reads the database and the UI thread only lays out. Every piece of user text
goes through `tui.verbatim`, never into a markup string.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App
from textual.content import Content

from docket.court_time import court_and_local
from docket.dates import format_day
from docket.models import DeadlineStatus, PartyRole
from docket.wording import plural
from tui.theme import tone
from tui.verbatim import cell, content, shown

if TYPE_CHECKING:
    from db.rows import CaseRow, LinkRow
    from docket.models import Case, CaseParty, Deadline, Filing, Hearing, Note, StatusChange

#: How each kind of status event reads on the Status & notes tab.
_EVENT_WORDS = {
    "open": "opened as {to}",
    "stay": "stayed",
    "lift": "stay lifted",
    "reopen": "reopened to {to}",
}


def header(
    case: Case,
    row: CaseRow,
    today: date,
    *,
    court_registered: bool = True,
    court_zone: tzinfo | None = None,
    reported: StatusChange | None = None,
    defendants: list[CaseParty] | None = None,
    people: tuple[str | None, str | None] = (None, None),
) -> Content:
    """Number, title and kind; stage (as reported, when a report is what it is known from)
    and stay; in a case against several defendants, where each stands; next deadline,
    hearing and follow-up; attention; who answers for it and the firm's numbers, when set."""
    stage = case.stage + (f" · {case.disposition}" if case.disposition else "")
    lines: list[str | tuple[str, str]] = [
        (case.number, "bold"),
        "  ",
        (case.title, "bold"),
        f"  ({case.kind.label}" + (f", {case.court}" if case.court else "") + ")\n",
        "Stage: ",
        (stage, "bold"),
    ]
    if reported is not None and reported.reported_on is not None:
        source = f", {reported.source}" if reported.source else ""
        lines.append(f"  (as reported {reported.reported_on.isoformat()}{source})")
    if case.stay_reason:
        lines += ["  ", ("STAYED: ", "bold $error"), case.stay_reason]
    if defendants and any(d.stage for d in defendants):
        lines.append("\nDefendants: ")
        for index, defendant in enumerate(defendants):
            lines += ["; " if index else "", defendant.name, " "]
            lines.append((party_stage(defendant, case.stage), "bold"))
    lines.append("\nNext deadline: ")
    if row.next_deadline_on:
        due = date.fromisoformat(row.next_deadline_on)
        if due < today:
            lines.append((f"{format_day(due)} (overdue)", "bold $error"))
        else:
            lines.append((format_day(due), "bold"))
    else:
        lines.append("none")
    lines.append("   Next hearing: ")
    if row.next_hearing_at:
        starts = datetime.fromisoformat(row.next_hearing_at)
        lines.append(court_and_local(starts, court_zone, with_date=True))
    else:
        lines.append("none")
    lines.append("   Follow up: ")
    if case.follow_up_on:
        due_now = case.follow_up_on <= today
        lines.append((format_day(case.follow_up_on), "bold $warning" if due_now else "bold"))
    else:
        lines.append("not set")
    attorney, paralegal = people
    if attorney or paralegal:
        lines += ["\nAttorney: ", attorney or "-", "   Paralegal: ", paralegal or "-"]
    if case.matter_no or case.client_no:
        lines.append("\n" if not (attorney or paralegal) else "   ")
        lines += ["Matter: ", case.matter_no or "-", "   Client: ", case.client_no or "-"]
    if row.attention:
        lines += ["\n", ("! needs attention: ", "bold $warning"), row.attention]
    if not court_registered:
        lines += [
            "\n",
            ("! court not in the registry: ", "bold $warning"),
            f"{case.court}; deadlines counted under the federal rules (assumed) until the "
            "case's court is edited",
        ]
    return content(*lines)


def docket_cells(filing: Filing, app: App[object]) -> list[Text]:
    """A docket entry; a voided one stays, struck through, with the reason it was voided."""
    voided = filing.voided
    style = "strike dim" if voided else ""
    if voided:
        title = Text(no_wrap=True, overflow="ellipsis", end="")
        title.append(f"VOID: {shown(filing.void_reason)}", style=tone(app, "error"))
        title.append("  ")
        title.append(shown(filing.title), style=style)
    else:
        title = cell(filing.title)
    return [
        cell(filing.entry_no),
        cell(filing.filed_on.isoformat(), style=style),
        cell(filing.doc_type.label, style=style),
        title,
        cell(filing.filed_by or "", style=style),
    ]


def party_stage(party: CaseParty, case_stage: str) -> str:
    """A defendant's own stage (`plea`, `closed · plea`), or the case's when they follow it;
    nothing for anyone else."""
    if party.role != PartyRole.DEFENDANT:
        return ""
    if party.stage is None:
        return f"{case_stage} (with the case)"
    return party.stage + (f" · {party.disposition}" if party.disposition else "")


def party_cells(party: CaseParty, client: str = "") -> list[Text]:
    """Name, role as the court gave it, the client counsel acts for, the day the court
    terminated the party or the appearance, and the kind of party."""
    return [
        cell(party.name),
        cell(party.raw_role or party.role.label),
        cell(client),
        cell(party.terminated_on.isoformat() if party.terminated_on else ""),
        cell(party.party_kind.label),
    ]


def party_detail(party: CaseParty, clients: dict[str, str]) -> Text:
    """What the Parties tab shows under its table for the highlighted row."""
    lines = [party.name]
    if party.represents_id is not None:
        lines[0] += f", for {clients.get(str(party.represents_id), '?')}"
    if party.raw_role:
        lines.append(party.raw_role)
    if party.terminated_on:
        lines.append(f"Terminated {party.terminated_on.isoformat()}")
    if party.stage is not None:
        disposition = f" ({party.disposition})" if party.disposition else ""
        since = f" since {party.stage_on.isoformat()}" if party.stage_on else ""
        lines.append(f"Stage: {party.stage}{disposition}{since}")
    if party.contact:
        lines.extend(party.contact.splitlines())
    elif party.firm:
        lines.append(party.firm)
    return Text("\n".join(lines))


def hearing_cells(hearing: Hearing, court_zone: tzinfo | None = None) -> list[Text]:
    """A hearing at the court's time, with the reader's own beside it when it differs."""
    return [
        cell(court_and_local(hearing.starts_at, court_zone, with_date=True)),
        cell(hearing.kind),
        cell(hearing.location or ""),
        cell(hearing.status.label),
    ]


def deadline_cells(deadline: Deadline, today: date, app: App[object]) -> list[Text]:
    """A deadline; open ones past due or due today are marked in the theme's alarm colours."""
    is_open = deadline.status == DeadlineStatus.OPEN
    if is_open and deadline.due_on < today:
        status, style = "OVERDUE", tone(app, "error", "bold")
    elif is_open and deadline.due_on == today:
        status, style = "TODAY", tone(app, "warning", "bold")
    else:
        status, style = deadline.status.label, "" if is_open else "dim"
    return [
        cell(format_day(deadline.due_on), style=style),
        cell(deadline.title, style="dim" if not is_open else ""),
        cell(status, style=style),
        cell(deadline.citation or deadline.rule or "", style="dim" if not is_open else ""),
    ]


def history_rows(changes: list[StatusChange], notes: list[Note]) -> list[list[Text]]:
    """Status changes and notes together, newest first.

    On one day the later change sits above the earlier (by id: the store gives both lists in
    their own order), and a status change above a note of the same day and id.
    """
    entries: list[tuple[str, int, int, list[Text]]] = []
    for change in changes:
        what = _EVENT_WORDS.get(change.event, "{frm} → {to}").format(
            to=change.to_stage, frm=change.from_stage or ""
        )
        if change.party:
            what = f"{change.party}: {what}"
        if change.disposition:
            what += f" ({change.disposition})"
        said = change.note or ""
        where = [change.source] if change.source else []
        if change.reported_on is not None:
            where.append(f"as reported {change.reported_on.isoformat()}")
        if where:
            said += (" " if said else "") + f"[{', '.join(where)}]"
        on = change.changed_on.isoformat()
        entries.append((on, 0, change.id or 0, [cell(on), cell(what, style="bold"), cell(said)]))
    for note in notes:
        text = note.text + (f" [{note.source}]" if note.source else "")
        on = note.noted_on.isoformat()
        entries.append((on, 1, note.id or 0, [cell(on), cell("note"), cell(text)]))
    entries.sort(key=lambda e: (e[0], e[1], e[2]), reverse=True)
    return [cells for *_, cells in entries]


def older_notes_cells(older: int, case_number: str) -> list[Text]:
    """The last line of the Status & notes tab when not every note is listed."""
    return [
        cell(""),
        cell(f"{plural(older, 'older note')}", style="bold"),
        cell(f"not listed here; docket case show {case_number} lists them all"),
    ]


def link_cells(link: LinkRow, today: date) -> list[Text]:
    """A linked matter: how it is linked (as this matter sees it), number, title, stage and
    its next date; a resolved one dimmed."""
    style = "dim" if link.resolved else ""
    next_on = link.next_event_on or ""
    if next_on and link.next_deadline_on == next_on and next_on < today.isoformat():
        next_on += " overdue"
    return [
        cell(link.words, style="bold"),
        cell(link.number, style=style),
        cell(link.title, style=style),
        cell(link.stage, style=style),
        cell(next_on, style=style),
    ]


def link_detail(link: LinkRow) -> Text:
    """What the Links tab shows under its table for the highlighted matter."""
    court = f" ({link.court})" if link.court else ""
    lines = [f"{link.words} {link.number}{court}: {link.title}"]
    if link.note:
        lines.append(link.note)
    lines.append("enter opens it")
    return Text("\n".join(lines))
