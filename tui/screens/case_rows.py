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
from tui.widgets.columns import ColumnSpec

if TYPE_CHECKING:
    from db.rows import CaseRow, LinkRow
    from docket.models import Case, CaseParty, Deadline, Filing, Hearing, Note, StatusChange

#: Each table's columns and the column that takes the width the others leave (a title, a
#: note), however wide the terminal: long text gets the room, not empty columns beside it.
TABLES: dict[str, tuple[list[ColumnSpec], str]] = {
    "docket": (
        [("#", "entry", 4), ("Filed", "filed", 10), ("Type", "type", 11)]
        + [("Title", "title", None), ("By", "by", 13)],
        "title",
    ),
    "parties": (
        [("Name", "name", None), ("Role", "role", 14), ("For", "for", 14)]
        + [("Ended", "ended", 10), ("Kind", "kind", 12)],
        "name",
    ),
    "hearings": (
        [("When", "when", 20), ("Kind", "kind", None), ("Where", "where", 16)]
        + [("Status", "status", 10)],
        "kind",
    ),
    "deadlines": (
        [("Due", "due", 16), ("Title", "title", None), ("Status", "status", 9)]
        + [("Rule", "rule", 20)],
        "title",
    ),
    "history": ([("On", "on", 10), ("What", "what", 22), ("Note", "note", None)], "note"),
    "links": (
        [("Linked as", "how", 16), ("Number", "number", 18), ("Title", "title", None)]
        + [("Stage", "stage", 12), ("Next", "next", 10)],
        "title",
    ),
}

#: On a wide terminal, columns that widen (to these widths) once the flexible one has room.
GROW: dict[str, dict[str, int]] = {
    "docket": {"type": 16, "by": 28},
    "parties": {"role": 24, "for": 30, "kind": 14},
    "hearings": {"where": 36},
    "deadlines": {"rule": 40},
    "history": {"what": 30},
}

#: What each tab says when its list is empty, with the key that adds the first row.
EMPTY: dict[str, tuple[str, str, str]] = {
    "docket": ("No docket entries yet", "case.filing", "adds one"),
    "parties": ("No parties yet", "case.party", "adds one"),
    "hearings": ("No hearings yet", "case.hearing", "schedules one"),
    "deadlines": ("No deadlines yet", "case.deadline", "adds one"),
    "history": ("No status changes or notes yet", "case.note", "adds a note"),
    "links": ("No related matters yet", "case.link", "links one"),
}


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
    court_name: str = "",
    zone: tzinfo | None = None,
    reported: StatusChange | None = None,
    defendants: list[CaseParty] | None = None,
    people: tuple[str | None, str | None] = (None, None),
) -> Content:
    """Number and title; the court by name and the kind; stage (as reported, when a report is
    what it is known from), stay and follow-up; in a case against several defendants, where
    each stands; the next deadline and hearing; who answers for it and the firm's numbers,
    when set; attention. Short lines, so that 80 columns do not wrap them."""
    stage = case.stage + (f" · {case.disposition}" if case.disposition else "")
    lines: list[str | tuple[str, str]] = [(case.number, "bold"), "  ", (case.title, "bold"), "\n"]
    lines.append(
        f"{court_name or case.court} · {case.kind.label}" if case.court else case.kind.label
    )
    lines += ["\nStage: ", (stage, "bold")]
    if reported is not None and reported.reported_on is not None:
        source = f", {reported.source}" if reported.source else ""
        lines.append(f"  (as reported {reported.reported_on.isoformat()}{source})")
    if case.stay_reason:
        lines += ["  ", ("STAYED: ", "bold $error"), case.stay_reason]
    lines.append("   Follow up: ")
    if case.follow_up_on:
        due_now = case.follow_up_on <= today
        lines.append((format_day(case.follow_up_on), "bold $warning" if due_now else "bold"))
    else:
        lines.append("not set")
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
        lines.append(court_and_local(starts, zone, with_date=True))
    else:
        lines.append("none")
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


def hearing_time(hearing: Hearing, zone: tzinfo | None = None) -> str:
    """`2026-12-04 10:00 MST`: in the court's zone when it is known, with the reader's own time
    beside it when it differs (a zone's abbreviation reads better than `UTC-07:00`)."""
    return court_and_local(hearing.starts_at, zone, with_date=True)


def hearing_cells(hearing: Hearing, zone: tzinfo | None = None) -> list[Text]:
    return [
        cell(hearing_time(hearing, zone)),
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


def change_words(change: StatusChange) -> str:
    """`served → pleadings`, `stayed`, `closed (settled)`: a status change in a few words."""
    what = _EVENT_WORDS.get(change.event, "{frm} → {to}").format(
        to=change.to_stage, frm=change.from_stage or ""
    )
    if change.party:
        what = f"{change.party}: {what}"
    if change.disposition:
        what += f" ({change.disposition})"
    return what


def history_rows(changes: list[StatusChange], notes: list[Note]) -> list[tuple[str, list[Text]]]:
    """Status changes and notes together, newest first, each with its row key
    (`change:ID`, `note:ID`).

    On one day the later change sits above the earlier (by id: the store gives both lists in
    their own order), and a status change above a note of the same day and id. A note's
    source follows its text, in brackets.
    """
    entries: list[tuple[str, int, int, str, list[Text]]] = []
    for change in changes:
        on = change.changed_on.isoformat()
        said = change.note or ""
        where = [change.source] if change.source else []
        if change.reported_on is not None:
            where.append(f"as reported {change.reported_on.isoformat()}")
        if where:
            said += (" " if said else "") + f"[{', '.join(where)}]"
        cells = [cell(on), cell(change_words(change), style="bold"), cell(said)]
        entries.append((on, 0, change.id or 0, f"change:{change.id}", cells))
    for note in notes:
        text = note.text + (f" [{note.source}]" if note.source else "")
        on = note.noted_on.isoformat()
        entries.append(
            (on, 1, note.id or 0, f"note:{note.id}", [cell(on), cell("note"), cell(text)])
        )
    entries.sort(key=lambda e: (e[0], e[1], e[2]), reverse=True)
    return [(key, cells) for *_, key, cells in entries]


def summary_cells(case: Case) -> list[Text]:
    """The first row of the Status & notes tab when the case has a summary."""
    opened = case.opened_on.isoformat() if case.opened_on else ""
    return [cell(opened), cell("summary", style="bold"), cell(case.summary or "")]


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
