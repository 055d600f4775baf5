"""Days a court was closed: they count as legal holidays when deadlines are counted."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from db.courts import CourtStore
from db.rows import Closure
from docket.errors import Refused

if TYPE_CHECKING:
    from docket.calendars import CourtCalendar
    from docket.models import Case
    from docket.rules import CourtRules


class ClosureStore(CourtStore):
    def add_closure(self, day: date, name: str, calendar: str = "") -> Closure:
        """A day the court is closed (weather, a declared day off): counts as a legal holiday.

        `calendar` is a calendar code (`US-NM`), or empty for every calendar. A day already
        closed for the same calendar is refused rather than entered twice."""
        from docket.calendars import closure_name, validate_calendar_code

        name = closure_name(name)
        calendar = validate_calendar_code(calendar, field="calendar") if calendar.strip() else ""
        with self.write():
            if any(
                c.day == day and c.calendar == calendar for c in self.closures(calendar or None)
            ):
                where = calendar or "every calendar"
                raise Refused(f"{day} is already a closure for {where}", field="day")
            row = self.insert(
                "court_closures",
                {"day": day.isoformat(), "calendar": calendar, "name": name},
                case_id=None,
            )
        return Closure(row["id"], day, calendar, name)

    def closures(self, calendar: str | None = None) -> list[Closure]:
        """Court closures in date order; with `calendar`, those that apply to it (its own and
        the ones entered for every calendar)."""
        if calendar is None:
            rows = self.query_rows(
                "SELECT id, day, calendar, name FROM court_closures ORDER BY day, id"
            )
        else:
            rows = self.query_rows(
                "SELECT id, day, calendar, name FROM court_closures WHERE calendar IN ('', ?) "
                "ORDER BY day, id",
                (calendar,),
            )
        return [Closure(r[0], date.fromisoformat(r[1]), r[2], r[3]) for r in rows]

    def calendar_for(self, case: Case) -> CourtCalendar:
        """The court calendar for counting this case's periods, with user-added closures."""
        from docket.calendars import CourtCalendar  # see db.filings on the rule engine's imports

        court = self.court_of(case)
        code = court.holidays if court is not None else case.calendar
        closed = {closure.day: closure.name for closure in self.closures(code)}
        state_court = court is not None and court.system == "state" and not court.is_agency
        return CourtCalendar(code, closures=closed, state_court=state_court)

    def rules_for(self, case: Case) -> CourtRules:
        """What counts this case's deadlines: its court's rule set, counting rule and calendar.

        A case in an unregistered court, or in an agency (which has no court rules), counts
        under the federal rules as before; for an unregistered court every deadline says the
        rules were assumed."""
        from docket.rules import CourtRules, counting_for, rule_set

        court = self.court_of(case)
        calendar = self.calendar_for(case)
        us_party = case.id is not None and self.has_united_states_party(case.id)
        if court is not None and court.rules is not None:
            return CourtRules(
                rule_set(court.rules),
                counting_for(court.rules, case.kind),
                calendar,
                court=court.label(),
                court_id=court.id,
                united_states_party=us_party,
            )
        assumed = bool(case.court) and court is None
        return CourtRules(
            rule_set("federal"),
            counting_for("federal", case.kind),
            calendar,
            court=repr(case.court) if assumed else (court.label() if court else None),
            assumed=assumed,
            united_states_party=us_party,
        )

    def has_united_states_party(self, case_id: int) -> bool:
        """Whether the United States, its agency or officer is on the case as a party (not as
        counsel, judge or witness): FRAP 4(a)(1)(B) then gives every party 60 days to appeal."""
        return bool(
            self.query_rows(
                "SELECT 1 FROM case_parties cp JOIN parties p ON p.id = cp.party_id "
                "WHERE cp.case_id = ? AND p.kind = 'united_states' "
                "AND cp.role NOT IN ('counsel', 'judge', 'witness', 'investigator') LIMIT 1",
                (case_id,),
            )
        )

    def open_deadlines_on(self, day: date, calendar: str = "") -> int:
        """How many open deadlines fall due on `day` in cases that count with `calendar`
        (every case when it is empty): the ones to review when the court turns out closed."""
        return int(
            self.query_rows(
                "SELECT count(*) FROM deadlines d JOIN cases c ON c.id = d.case_id "
                "WHERE d.status = 'open' AND d.due_on = ? AND (? = '' OR c.calendar = ?)",
                (day.isoformat(), calendar, calendar),
            )[0][0]
        )
