"""A printable docket sheet: one standalone HTML file a paralegal can print or attach.

Every piece of user or court text goes through `html.escape`: captions and docket text hold
`&`, `<` and quotes as a matter of course, and a page that interpreted them would misprint
the record (or run a script someone pasted into a title).
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from importlib import resources

from db.store import Store
from docket.models import Case, PartyRole


def _stylesheet() -> str:
    return resources.files("db").joinpath("sheet.css").read_text("utf-8")


def _e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def render_docket_sheet(store: Store, case_id: int) -> str:
    """The case's docket sheet as a complete HTML document (UTF-8, print-styled)."""
    case = store.get_case(case_id)
    today = store.clock.today()
    # The court as a caption names it; an id the registry lacks is printed as stored.
    court = store.court_of(case)
    court_name = f"{court.name} ({court.id})" if court is not None else case.court
    parts: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(case.number)} — {_e(case.title)}</title>",
        f"<style>{_stylesheet()}</style></head><body>",
        '<header class="caption">',
        f'<p class="court">{_e(court_name or "Court not recorded")}</p>',
        f"<h1>{_e(case.title)}</h1>",
        '<dl class="facts">',
        f"<dt>Case number</dt><dd>{_e(case.number)}</dd>",
        f"<dt>Kind</dt><dd>{_e(case.kind.label)}</dd>",
        f"<dt>Judge</dt><dd>{_e(case.judge or '—')}</dd>",
        f"<dt>Stage</dt><dd>{_e(case.stage)}"
        + (f" ({_e(case.disposition)})" if case.disposition else "")
        + _as_reported(store, case_id)
        + (f" — stayed: {_e(case.stay_reason)}" if case.stay_reason else "")
        + "</dd>",
        f"<dt>Opened</dt><dd>{_e(case.opened_on or '—')}</dd>",
    ]
    if case.closed_on:
        parts.append(f"<dt>Closed</dt><dd>{_e(case.closed_on)}</dd>")
    parts.extend(_responsible_facts(store, case))
    parts.append("</dl>")
    if case.summary:
        parts.append(f'<p class="summary">{_e(case.summary)}</p>')
    parts.append(f'<p class="printed">Printed {_e(today.isoformat())}</p></header>')

    parts.extend(_related_matters(store, case_id))

    links = store.case_parties(case_id)
    names = {link.id: link.name for link in links}
    parts.append('<section class="parties"><h2>Parties and counsel</h2><table>')
    parts.append("<thead><tr><th>Role</th><th>Name</th><th>As listed</th></tr></thead><tbody>")
    for link in links:
        name = _e(link.name)
        if link.role == PartyRole.COUNSEL and link.represents_id in names:
            name += f' <span class="for">for {_e(names[link.represents_id])}</span>'
        parts.append(
            f"<tr><td>{_e(link.role.label)}</td><td>{name}</td>"
            f"<td>{_e(link.raw_role or '')}</td></tr>"
        )
    if not links:
        parts.append('<tr><td colspan="3">No parties recorded.</td></tr>')
    parts.append("</tbody></table></section>")

    parts.append('<section class="docket"><h2>Docket</h2><table>')
    parts.append(
        "<thead><tr><th>#</th><th>Filed</th><th>Doc.</th><th>Docket text</th></tr></thead><tbody>"
    )
    filings = list(store.all_filings(case_id))
    for filing in filings:
        text = f"<strong>{_e(filing.title)}</strong>"
        if filing.description and filing.description != filing.title:
            text += f'<div class="text">{_e(filing.description)}</div>'
        if filing.filed_by:
            text += f'<div class="by">Filed by {_e(filing.filed_by)}</div>'
        if filing.voided:
            text = f"<s>{text}</s>" + f'<div class="void">Voided: {_e(filing.void_reason)}</div>'
        row_class = "entry voided" if filing.voided else "entry"
        parts.append(
            f'<tr class="{row_class}"><td>{filing.entry_no}</td><td>{_e(filing.filed_on)}</td>'
            f"<td>{_e(filing.document_number or '')}</td><td>{text}</td></tr>"
        )
    if not filings:
        parts.append('<tr><td colspan="4">No docket entries.</td></tr>')
    parts.append("</tbody></table></section>")

    hearings = store.hearings(case_id, limit=1000)
    parts.append('<section class="hearings"><h2>Hearings</h2>')
    if hearings:
        parts.append(
            "<table><thead><tr><th>When</th><th>Kind</th><th>Where</th><th>Status</th></tr></thead><tbody>"
        )
        for hearing in hearings:
            when = _format_moment(hearing.starts_at)
            parts.append(
                f"<tr><td>{_e(when)}</td><td>{_e(hearing.kind)}</td>"
                f"<td>{_e(hearing.location or '')}</td><td>{_e(hearing.status.label)}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append("<p>No hearings.</p>")
    parts.append("</section>")

    parts.extend(_defendants(store, case_id, case.stage))
    parts.extend(_history(store, case_id))
    parts.extend(_notes(store, case_id))

    deadlines = store.deadlines(case_id, include_closed=False, limit=1000)
    parts.append('<section class="deadlines"><h2>Open deadlines</h2>')
    if deadlines:
        parts.append(
            "<table><thead><tr><th>Due</th><th>Deadline</th><th>Rule</th></tr></thead><tbody>"
        )
        for deadline in deadlines:
            overdue = ' class="overdue"' if deadline.due_on < today else ""
            parts.append(
                f"<tr{overdue}><td>{_e(deadline.due_on)}</td><td>{_e(deadline.title)}</td>"
                f"<td>{_e(deadline.citation or 'entered by hand')}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append("<p>No open deadlines.</p>")
    parts.append("</section></body></html>")
    return "\n".join(parts)


def _as_reported(store: Store, case_id: int) -> str:
    """` — as reported 2022-01-06 (source)` when the current stage is known from a report."""
    reported = store.reported_status(case_id)
    if reported is None:
        return ""
    source = f" ({_e(reported.source)})" if reported.source else ""
    return f' <span class="reported">as reported {_e(reported.reported_on)}{source}</span>'


def _defendants(store: Store, case_id: int, case_stage: str) -> list[str]:
    """Each defendant's own stage, when a case against several has defendants that moved on
    their own; nothing otherwise."""
    defendants = store.defendants(case_id)
    if not any(d.stage for d in defendants):
        return []
    rows = [
        '<section class="defendants"><h2>Defendants</h2><table>',
        "<thead><tr><th>Defendant</th><th>Stage</th><th>Disposition</th><th>Since</th>"
        "</tr></thead><tbody>",
    ]
    for defendant in defendants:
        stage = defendant.stage or f"{case_stage} (with the case)"
        rows.append(
            f"<tr><td>{_e(defendant.name)}</td><td>{_e(stage)}</td>"
            f"<td>{_e(defendant.disposition or '')}</td>"
            f"<td>{_e(defendant.stage_on or '')}</td></tr>"
        )
    rows.append("</tbody></table></section>")
    return rows


_EVENT_WORDS = {"open": "opened", "stay": "stayed", "lift": "stay lifted", "reopen": "reopened"}


def _history(store: Store, case_id: int) -> list[str]:
    """The dated status history: every stage, stay and reopening, with its note, its source
    and, when it came from a report, the report's date."""
    rows = [
        '<section class="history"><h2>Status history</h2><table>',
        "<thead><tr><th>On</th><th>Change</th><th>Note</th><th>Source</th></tr></thead><tbody>",
    ]
    for change in store.status_history(case_id):
        what = _EVENT_WORDS.get(change.event, "")
        move = change.to_stage
        if change.from_stage and change.from_stage != change.to_stage:
            move = f"{change.from_stage} → {change.to_stage}"
        text = f"{what}: {move}" if what else move
        if change.party:
            text = f"{change.party}: {text}"
        if change.disposition:
            text += f" ({change.disposition})"
        source = _e(change.source or "")
        if change.reported_on:
            source += f'<div class="reported">as reported {_e(change.reported_on)}</div>'
        rows.append(
            f"<tr><td>{_e(change.changed_on)}</td><td>{_e(text)}</td>"
            f"<td>{_e(change.note or '')}</td><td>{source}</td></tr>"
        )
    rows.append("</tbody></table></section>")
    return rows


def _notes(store: Store, case_id: int) -> list[str]:
    """Every note, oldest first as a record reads, each with where it came from."""
    notes = sorted(store.notes(case_id, limit=100_000), key=lambda n: (n.noted_on, n.id or 0))
    rows = ['<section class="notes"><h2>Notes</h2>']
    if not notes:
        rows.append("<p>No notes.</p></section>")
        return rows
    rows.append("<table><thead><tr><th>On</th><th>Note</th><th>Source</th></tr></thead><tbody>")
    for note in notes:
        rows.append(
            f'<tr><td>{_e(note.noted_on)}</td><td class="text">{_e(note.text)}</td>'
            f"<td>{_e(note.source or '')}</td></tr>"
        )
    rows.append("</tbody></table></section>")
    return rows


def _responsible_facts(store: Store, case: Case) -> list[str]:
    """Who answers for the matter and the firm's numbers, as caption facts (when set)."""
    assert case.id is not None
    people = store.responsible(case.id)
    facts = [
        ("Attorney", people.attorney.name if people.attorney else None),
        ("Paralegal", people.paralegal.name if people.paralegal else None),
        ("Matter no.", case.matter_no),
        ("Client no.", case.client_no),
    ]
    return [f"<dt>{label}</dt><dd>{_e(value)}</dd>" for label, value in facts if value]


def _related_matters(store: Store, case_id: int) -> list[str]:
    """The matters linked to this one, each as this one sees the link (none: no section)."""
    links = store.case_links(case_id)
    if not links:
        return []
    parts = [
        '<section class="links"><h2>Related matters</h2><table>',
        "<thead><tr><th>Linked as</th><th>Number</th><th>Court</th><th>Caption</th>"
        "<th>Stage</th></tr></thead><tbody>",
    ]
    for link in links:
        note = f'<div class="text">{_e(link.note)}</div>' if link.note else ""
        parts.append(
            f"<tr><td>{_e(link.words)}</td><td>{_e(link.number)}</td><td>{_e(link.court)}</td>"
            f"<td>{_e(link.title)}{note}</td><td>{_e(link.stage)}</td></tr>"
        )
    parts.append("</tbody></table></section>")
    return parts


def _format_moment(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M (UTC%z)")
