"""What is coming up and what needs a look: the agenda, the attention rule, and the rollups
(denormalized columns on `cases`) that let both be answered from indexes."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from db.base import StoreBase
from db.mapping import utc_iso
from db.rows import AgendaItem, AttentionRow, CaseRow

if TYPE_CHECKING:
    pass

#: The columns of a `CaseRow`, in its order (the attention reason is computed, not stored).
CASE_ROW_COLUMNS = (
    "id, number, court, title, kind, stage, resolved, next_deadline_on, next_hearing_at, "
    "follow_up_on, last_activity_on, attention_on, stay_reason IS NOT NULL"
)

#: The ids of the matters the person `:me` answers for, read from the two partial indexes on
#: the attorney and paralegal columns (a walk of a whole list, filtered, would cost more the
#: larger the docket; these sets are a person's caseload).
MY_CASE_IDS = (
    "SELECT id FROM cases WHERE attorney_id = :me "
    "UNION SELECT id FROM cases WHERE paralegal_id = :me"
)
#: ... and those where an open deadline was given to them: what `case list --mine` lists.
MY_LISTED_IDS = (
    f"{MY_CASE_IDS} UNION SELECT case_id FROM deadlines WHERE assignee_id = :me AND status = 'open'"
)
#: The open deadlines that are theirs: given to them, or on their matter and given to no one
#: else (a deadline handed to a colleague is the colleague's).
MY_DEADLINE_IDS = (
    "SELECT id FROM deadlines WHERE assignee_id = :me AND status = 'open' UNION ALL "
    f"SELECT id FROM deadlines WHERE case_id IN ({MY_CASE_IDS}) AND status = 'open' "
    "AND assignee_id IS NULL"
)


class AgendaStore(StoreBase):
    # ------------------------------------------------------------------ rollups

    def refresh_rollups(self, case_id: int | None = None) -> None:
        """Recompute last activity, next deadline/hearing and the attention date.

        With no case id, for every case (after a bulk load). The attention date is the day by
        which the matter wants a look: its next deadline or hearing, its follow-up date, or the
        day it goes quiet, whichever is first; resolved matters have none.
        """
        where = "" if case_id is None else "WHERE id = :case_id"
        self.conn.execute(
            f"""
            UPDATE cases SET
              last_activity_on = coalesce((SELECT max(day) FROM (
                  SELECT max(filed_on) AS day FROM filings
                    WHERE case_id = cases.id AND voided_at IS NULL
                  UNION ALL SELECT max(changed_on) FROM status_changes
                    WHERE case_id = cases.id
                  UNION ALL SELECT max(noted_on) FROM notes WHERE case_id = cases.id
                  UNION ALL SELECT max(substr(starts_at, 1, 10)) FROM hearings
                    WHERE case_id = cases.id AND status = 'held'
              )), opened_on, substr(created_at, 1, 10)),
              next_deadline_on = (SELECT min(due_on) FROM deadlines
                  WHERE case_id = cases.id AND status = 'open'),
              next_hearing_at = (SELECT starts_at FROM hearings
                  WHERE case_id = cases.id AND status = 'scheduled'
                  ORDER BY starts_utc LIMIT 1)
            {where}
            """,
            {"case_id": case_id},
        )
        self.conn.execute(
            f"""
            UPDATE cases SET attention_on = CASE WHEN resolved <> 0 THEN '9999-12-31' ELSE min(
                coalesce(next_deadline_on, '9999-12-31'),
                coalesce(substr(next_hearing_at, 1, 10), '9999-12-31'),
                coalesce(follow_up_on, '9999-12-31'),
                CASE WHEN next_deadline_on IS NULL AND next_hearing_at IS NULL
                     THEN coalesce(date(last_activity_on, :quiet), '9999-12-31')
                     ELSE '9999-12-31' END
            ) END
            {where}
            """,
            {"case_id": case_id, "quiet": f"+{self.quiet_after_days} days"},
        )

    # ------------------------------------------------------------------ attention

    def case_rows(self, rows: list[tuple[Any, ...]]) -> list[CaseRow]:
        """`CASE_ROW_COLUMNS` tuples as Cases-list rows, each with its attention reason."""
        today = self.clock.today()
        day_start = utc_iso(datetime.combine(today, datetime.min.time()).astimezone())
        result = []
        for row in rows:
            (case_id, number, court, title, kind, stage, resolved) = row[:7]
            (next_deadline_on, next_hearing_at, follow_up_on, last_activity_on) = row[7:11]
            attention_on, stayed = row[11:13]
            facts = (
                case_id,
                number,
                court,
                title,
                kind,
                stage,
                bool(resolved),
                next_deadline_on,
                next_hearing_at,
                follow_up_on,
                last_activity_on,
                attention_on,
                bool(stayed),
            )
            reason = self._attention_reason(CaseRow(*facts, attention=None), today, day_start)
            result.append(CaseRow(*facts, attention=reason))
        return result

    def _attention_reason(self, row: CaseRow, today: date, day_start: str) -> str | None:
        """Why an unresolved matter needs a look now (None when it does not).

        A follow-up date that has come always counts: the paralegal asked to look that day.
        """
        if row.resolved:
            return None
        if row.follow_up_on and row.follow_up_on <= today.isoformat():
            return f"follow-up due {row.follow_up_on}"
        if row.next_deadline_on or self._hearing_ahead(row, day_start):
            return None
        quiet_since = (today - timedelta(days=self.quiet_after_days)).isoformat()
        if row.last_activity_on is None or row.last_activity_on < quiet_since:
            since = row.last_activity_on or "never"
            return f"quiet since {since}, nothing scheduled"
        return None

    def _hearing_ahead(self, row: CaseRow, day_start: str) -> bool:
        """A scheduled hearing today or later. The rollup holds the earliest scheduled one; only
        when that one is already past (never marked held) can a later one hide behind it."""
        if row.next_hearing_at is None:
            return False
        if utc_iso(datetime.fromisoformat(row.next_hearing_at)) >= day_start:
            return True
        return bool(
            self.query_rows(
                "SELECT 1 FROM hearings WHERE case_id = ? AND status = 'scheduled' "
                "AND starts_utc >= ? LIMIT 1",
                (row.id, day_start),
            )
        )

    def cases_needing_attention(
        self, *, limit: int = 200, mine: int | None = None
    ) -> list[AttentionRow]:
        """Unresolved matters that have gone quiet or reached their follow-up date; with
        `mine`, only those that person answers for.

        Candidates walk the urgency index (attention date reached), leaving out in SQL those an
        open deadline keeps out of the rule (overdue ones are the agenda's, not this list's);
        the exact rule is checked in Python on each batch until `limit` are found.
        """
        today = self.clock.today().isoformat()
        result: list[AttentionRow] = []
        after: tuple[str, int] = ("", 0)
        while len(result) < limit:
            source = (
                "cases INDEXED BY cases_by_urgency WHERE "
                if mine is None
                else f"cases WHERE id IN ({MY_CASE_IDS}) AND "
            )
            rows = self.query_rows(
                f"SELECT {CASE_ROW_COLUMNS} FROM {source}"
                "resolved = 0 AND attention_on <= :today "
                "AND (follow_up_on <= :today OR next_deadline_on IS NULL) "
                # A range seek on attention_on, then the row value for ties; an OR here would
                # make SQLite gather and sort every candidate.
                "AND attention_on >= :day AND (attention_on, id) > (:day, :id) "
                "ORDER BY resolved, attention_on, id LIMIT :limit",
                {"today": today, "day": after[0], "id": after[1], "limit": limit, "me": mine},
            )
            for row in self.case_rows(rows):
                if row.attention:
                    result.append(
                        AttentionRow(
                            row.id,
                            row.number,
                            row.court,
                            row.title,
                            row.stage,
                            row.last_activity_on,
                            row.follow_up_on,
                            row.attention,
                        )
                    )
            if len(rows) < limit:
                break
            after = (rows[-1][11], rows[-1][0])
        return result[:limit]

    # ------------------------------------------------------------------ agenda

    def agenda(
        self, *, until: date | None = None, limit: int = 500, mine: int | None = None
    ) -> list[AgendaItem]:
        """Open deadlines (overdue ones included) and scheduled hearings up to `until`,
        soonest first. With no `until`, everything open; with `mine` (a person's id), only
        what that person answers for."""
        from docket.models import DEFAULT_REMIND_DAYS

        today = self.clock.today()
        end = (until or date(9999, 12, 30)).isoformat()
        # Everyone's agenda walks the due-date index; one person's starts from their own few.
        deadlines = (
            "deadlines d INDEXED BY deadlines_by_due"
            if mine is None
            else f"(SELECT * FROM deadlines WHERE id IN ({MY_DEADLINE_IDS})) d"
        )
        deadline_rows = self.query_rows(
            "SELECT d.id, d.case_id, c.number, c.title, d.due_on, d.title, d.status, "
            f"d.remind_days, d.citation FROM {deadlines} "
            "JOIN cases c ON c.id = d.case_id "
            "WHERE d.status = 'open' AND d.due_on <= :end "
            "ORDER BY d.due_on, d.id LIMIT :limit",
            {"end": end, "limit": limit, "me": mine},
        )
        start_utc = utc_iso(datetime.combine(today, datetime.min.time()).astimezone())
        end_utc = (
            utc_iso(
                datetime.combine(
                    date.fromisoformat(end) + timedelta(days=1), datetime.min.time()
                ).astimezone()
            )
            if until
            else "9999"
        )
        hearings = (
            "hearings h INDEXED BY hearings_by_time"
            if mine is None
            else f"(SELECT * FROM hearings WHERE case_id IN ({MY_CASE_IDS})) h"
        )
        hearing_rows = self.query_rows(
            "SELECT h.id, h.case_id, c.number, c.title, h.starts_at, h.kind, h.status, "
            f"h.location FROM {hearings} "
            "JOIN cases c ON c.id = h.case_id "
            "WHERE h.status = 'scheduled' AND h.starts_utc >= :start AND h.starts_utc < :end "
            "ORDER BY h.starts_utc LIMIT :limit",
            {"start": start_utc, "end": end_utc, "limit": limit, "me": mine},
        )
        items = [
            AgendaItem(
                "deadline",
                r[0],
                r[1],
                r[2],
                r[3],
                date.fromisoformat(r[4]),
                None,
                r[5],
                r[6],
                tuple(json.loads(r[7])),
                r[8],
            )
            for r in deadline_rows
        ]
        for r in hearing_rows:
            starts = datetime.fromisoformat(r[4])
            items.append(
                AgendaItem(
                    "hearing",
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    starts.date(),
                    r[4],
                    r[5],
                    r[6],
                    DEFAULT_REMIND_DAYS,
                    r[7],
                )
            )
        items.sort(key=lambda item: (item.day, item.at or "", item.kind, item.id))
        return items[:limit]

    def courts_of_cases(self, case_ids: list[int]) -> dict[int, str]:
        """Each case's court id (empty when it has none), for lists that name the court."""
        found: dict[int, str] = {}
        unique = sorted(set(case_ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for case_id, court in self.query_rows(
                f"SELECT id, court FROM cases WHERE id IN ({marks})", tuple(chunk)
            ):
                found[int(case_id)] = str(court or "")
        return found

    def due_soon_count(self, days: int) -> int:
        """Open deadlines and scheduled hearings from today through `days` days ahead, counted
        in SQL (the start-up notice needs the number, not the rows)."""
        today = self.clock.today()
        end = today + timedelta(days=days)
        start_utc = utc_iso(datetime.combine(today, datetime.min.time()).astimezone())
        end_utc = utc_iso(
            datetime.combine(end + timedelta(days=1), datetime.min.time()).astimezone()
        )
        return int(
            self.query_rows(
                "SELECT (SELECT count(*) FROM deadlines WHERE status = 'open' "
                "AND due_on BETWEEN ? AND ?) + (SELECT count(*) FROM hearings "
                "WHERE status = 'scheduled' AND starts_utc >= ? AND starts_utc < ?)",
                (today.isoformat(), end.isoformat(), start_utc, end_utc),
            )[0][0]
        )

    def overdue_count(self) -> int:
        today = self.clock.today().isoformat()
        return int(
            self.query_rows(
                "SELECT count(*) FROM deadlines WHERE status = 'open' AND due_on < ?", (today,)
            )[0][0]
        )
