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
from docket.models import PartyRole


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
        + (f" — stayed: {_e(case.stay_reason)}" if case.stay_reason else "")
        + "</dd>",
        f"<dt>Opened</dt><dd>{_e(case.opened_on or '—')}</dd>",
    ]
    if case.closed_on:
        parts.append(f"<dt>Closed</dt><dd>{_e(case.closed_on)}</dd>")
    parts.append("</dl>")
    if case.summary:
        parts.append(f'<p class="summary">{_e(case.summary)}</p>')
    parts.append(f'<p class="printed">Printed {_e(today.isoformat())}</p></header>')

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


def _format_moment(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M (UTC%z)")
