"""Bring a PACER docket report (the HTML page as saved from PACER) into docket: a district
court's, a bankruptcy court's or a court of appeals' (which becomes an `appeal` case).

juriscraper reads the page; this package decides what it means for our records:

- The case is found by court and docket number, or opened. A page whose case is terminated
  closes it (disposition `terminated (PACER)`) on the termination date.
- Every party is linked with its PACER type mapped to our roles; the type itself is kept
  verbatim in `raw_role`. Every attorney is linked as counsel to each party they represent.
- Every docket entry becomes a filing with `source='pacer'` and a `source_id` that survives a
  later save of the same docket: `doc:<number>` for numbered entries (`doc:101#2` for the
  second entry PACER gives the same number), `day:<date>#<n>` for unnumbered ones (the n-th
  unnumbered entry filed that day). Importing again is a refresh: new entries are added after
  the existing ones, changed text is updated, nothing is duplicated, entries entered by hand
  and entries a person voided are never touched.
- Rule deadlines: an imported docket is mostly history. Only new entries whose rule deadline
  falls today or later get one (a complaint filed last week gets its answer deadline; a
  complaint from 2008 does not put a long-past open deadline on the agenda).

Everything is one transaction: a page that cannot be read writes nothing.

Three modules, in the order a page goes through them: `page` reads and checks the saved file
and hands it to juriscraper, `mapping` turns juriscraper's reading into our models, and
`importer` writes the result in one transaction. ECF notice emails take the same road: `mail`
finds and reads the messages, `nef` writes them. The names callers use are importable from
here.
"""

from __future__ import annotations

from db.pacer.importer import import_pacer
from db.pacer.mapping import (
    TERMINATED_DISPOSITION,
    TITLE_LENGTH,
    PageParty,
    case_kind_for,
    entry_title,
    guess_doc_type,
    page_filing,
    page_parties,
    party_kind,
    party_role,
)
from db.pacer.nef import import_notices
from db.pacer.page import detect_courts, parse_docket_page, read_docket_page

__all__ = [
    "TERMINATED_DISPOSITION",
    "TITLE_LENGTH",
    "PageParty",
    "case_kind_for",
    "detect_courts",
    "entry_title",
    "guess_doc_type",
    "import_notices",
    "import_pacer",
    "page_filing",
    "page_parties",
    "parse_docket_page",
    "party_kind",
    "party_role",
    "read_docket_page",
]
