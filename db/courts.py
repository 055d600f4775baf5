"""The court registry as the store sees it: the shipped courts and the ones the user added."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from db.base import StoreBase
from docket.errors import Refused

if TYPE_CHECKING:
    from docket.court_table import CourtFacts
    from docket.courts import Court, CourtRegistry
    from docket.models import Case


class CourtStore(StoreBase):
    def court_registry(self) -> CourtRegistry:
        """Every court a case can be in: shipped with docket or added with `court add`."""
        from docket.courts import Court, CourtRegistry

        rows = self.query_dicts("SELECT * FROM courts ORDER BY id")
        added = [
            Court.model_validate(
                {k: v for k, v in row.items() if k != "created_at"} | {"added": True}
            )
            for row in rows
        ]
        return CourtRegistry(added)

    def court_facts(self, court_id: str | None) -> CourtFacts | None:
        """The registered court `court_id` names, as a screen or `case show` names it: the
        registry's answer (shipped courts first) without building its models."""
        from docket.court_table import facts_of, shipped_court

        if not court_id:
            return None
        key = court_id.strip().lower()
        shipped = shipped_court(key)
        if shipped is not None:
            return shipped
        rows = self.query_dicts("SELECT * FROM courts WHERE id = ?", (key,))
        return facts_of(rows[0]) if rows else None

    def add_court(self, court: Court) -> Court:
        """Register a court or agency the shipped list lacks; an id already taken is refused."""
        with self.write():
            if self.court_registry().get(court.id) is not None:
                raise Refused(f"{court.id} is already a registered court", field="id")
            values = court.model_dump(exclude={"added"})
            values["created_at"] = self.timestamp()
            columns = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            cursor = self.conn.execute(
                f"INSERT INTO courts ({columns}) VALUES ({marks})", tuple(values.values())
            )
            # The court's id is text; the audit log keys it by the row's rowid.
            self.record_audit("insert", "courts", cursor.lastrowid, case_id=None, after=values)
        return court.model_copy(update={"added": True})

    def court_zone(self, case: Case) -> tzinfo | None:
        """The time zone hearing times of this case are typed in: its court's; None (the
        machine's own) when the court is not registered."""
        from zoneinfo import ZoneInfo

        court = self.court_of(case)
        return None if court is None else ZoneInfo(court.tz)

    def court_zones(self, courts: dict[int, str]) -> dict[int, tzinfo | None]:
        """Each case's court zone (see `court_zone`), from the court ids a list already read
        (`courts_of_cases`): the registry answers, with no second query of the cases."""
        from zoneinfo import ZoneInfo

        registry = self.court_registry()
        zones: dict[int, tzinfo | None] = {}
        for case_id, court_id in courts.items():
            court = registry.get(court_id) if court_id else None
            zones[case_id] = None if court is None else ZoneInfo(court.tz)
        return zones

    def court_of(self, case: Case) -> Court | None:
        """The registered court a case is in; None when its stored court is not registered."""
        return self.court_registry().get(case.court)

    def cases_in_unregistered_courts(self) -> list[tuple[int, str, str, str]]:
        """Unresolved cases whose stored court is not registered: (id, number, court, title).

        Their deadlines were counted under assumed rules, so they are listed until edited."""
        registry = self.court_registry()
        rows = self.query_rows(
            "SELECT id, number, court, title FROM cases WHERE resolved = 0 AND court != '' "
            "ORDER BY number, id"
        )
        return [
            (int(r[0]), str(r[1]), str(r[2]), str(r[3]))
            for r in rows
            if registry.get(str(r[2])) is None
        ]
