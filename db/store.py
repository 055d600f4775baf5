"""The store: every read and write docket makes, behind a typed API of domain models.

`Store` is the one object front ends hold; it is assembled from one module per aggregate,
each a class over the plumbing in `db.base` (connection, write transaction, audited inserts
and updates, the clock):

    db/base.py       StoreBase: open and close, `write()`, queries, audited row writes
    db/mapping.py    rows to models and back
    db/agenda.py     rollups, the attention rule, the agenda
    db/cases.py      cases and the Cases list
    db/deadline_history.py  what happened to each deadline: met, withdrawn, reopened
    db/status.py     stage changes, stays, notes
    db/parties.py    parties and the conflict check
    db/closures.py   court closures and the calendar deadlines are counted with
    db/deadlines.py  deadlines, and writing what the rules decide (`docket.triggers`)
    db/filings.py    docket entries
    db/hearings.py   hearings and continuances
    db/case_edits.py editing a case; a new court recounts its deadlines
    db/search.py     full-text search
    db/links.py      related matters and the group a matter belongs to
    db/team.py       people on the team, and who answers for each matter and deadline
    db/audit.py      the audit log and backups

Each class builds on the ones whose methods it calls (filings write deadlines, deadlines write
notes), so the bases below read as the dependency order.

The domain models (pydantic) and the lifecycles are imported by the methods that build them,
never when the store is opened: the app shows its first rows, and counts what is due, from
plain rows, without paying for pydantic (about a hundred milliseconds) first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.audit import AuditStore
from db.base import QUIET_AFTER_DAYS
from db.case_edits import CaseEditStore
from db.links import LinkStore
from db.parties import PartyStore
from db.search import SearchStore
from db.team import TeamStore

if TYPE_CHECKING:
    from docket.models import Deadline, Filing, Hearing

__all__ = ["QUIET_AFTER_DAYS", "Store"]


class Store(CaseEditStore, PartyStore, SearchStore, AuditStore, LinkStore, TeamStore):
    """One open docket database. Safe to share between threads (calls are serialized)."""

    def trigger_of(self, deadline: Deadline) -> Filing | Hearing | None:
        """The docket entry or hearing a deadline was counted from; None for one typed in."""
        if deadline.trigger_filing_id is not None:
            return self.get_filing(deadline.trigger_filing_id)
        if deadline.trigger_hearing_id is not None:
            return self.get_hearing(deadline.trigger_hearing_id)
        return None
