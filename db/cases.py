"""Cases: opening one, finding it by number, editing it, and the Cases list."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from db.agenda import CASE_ROW_COLUMNS, MY_LISTED_IDS, AgendaStore
from db.courts import CourtStore
from db.mapping import case_from_row, status_values
from db.rows import PAGE_SIZE, CaseRow
from db.schema import CASE_FILTER_INDEX
from docket.errors import InputError, NotFound, Refused, StaleRecord

if TYPE_CHECKING:
    from docket.models import Case

#: A filter at most this many cases match is answered from the trigram index; see
#: `CaseStore._few_holding`.
FEW_MATCHES = 1000


class CaseStore(AgendaStore, CourtStore):
    _filter_index: bool | None = None

    def add_case(self, case: Case, *, registered_court: bool = False) -> Case:
        """Open a case. With `registered_court`, a court that is not in the registry is
        refused (with the closest ids) and nothing is written: what a person types. Imports
        and restores keep a court as the source wrote it, and the case is flagged instead.

        A case in a registered court takes the court's holiday calendar unless one was given.
        """
        from docket.lifecycle import lifecycle_for
        from docket.models import StatusChange

        if case.court:
            registry = self.court_registry()
            court = registry.require(case.court) if registered_court else registry.get(case.court)
            if court is not None:
                update: dict[str, object] = {"court": court.id}
                if case.calendar == "US":
                    update["calendar"] = court.holidays
                case = case.model_copy(update=update)
        cycle = lifecycle_for(case.kind)
        # An old export or a hand-typed stage may spell it loosely or by its former name.
        stage = cycle.stage_named(case.stage) if case.stage else cycle.initial
        if stage not in cycle.stages:
            raise InputError(
                "stage",
                f"{stage!r} is not a stage of {case.kind.with_article} matter",
                ", ".join(cycle.stages),
            )
        opened = case.opened_on or self.clock.today()
        now = self.timestamp()
        values = case.model_dump(mode="json", exclude={"id", "version", "last_activity_on"})
        values.update(
            court=case.court or "",
            stage=stage,
            resolved=int(cycle.is_resolved(stage)),
            opened_on=opened.isoformat(),
            created_at=now,
            updated_at=now,
        )
        with self.write():
            if self.query_rows(
                "SELECT 1 FROM cases WHERE court = ? AND number = ?", (values["court"], case.number)
            ):
                where = f" in court {case.court}" if case.court else ""
                raise Refused(
                    f"case {case.number}{where} already exists "
                    "(a case with this number in another court needs its court named)",
                    field="number",
                )
            case_id = int(self.insert("cases", values, case_id=None)["id"])
            # The history starts with the opening, so every stage a case has had is in it.
            opening = StatusChange(
                changed_on=opened, to_stage=stage, event="open", note="Opened in docket"
            )
            self.insert(
                "status_changes",
                {
                    **status_values(opening, created_by=self.user),
                    "case_id": case_id,
                    "created_at": now,
                },
                case_id=case_id,
            )
            self.refresh_rollups(case_id)
        return self.get_case(case_id)

    def get_case(self, case_id: int) -> Case:
        rows = self.query_dicts("SELECT * FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise NotFound(f"no case has id {case_id}", field="id")
        return case_from_row(rows[0])

    def find_case(self, number: str, court: str | None = None) -> Case:
        """The case with this number; `court` tells apart two courts that use one number."""
        return case_from_row(self.find_case_row(number, court))

    def find_case_row(self, number: str, court: str | None = None) -> dict[str, Any]:
        """`find_case`'s stored row, for a reader that prints it without a model."""
        number = number.strip()
        if court is not None:
            rows = self.query_dicts(
                "SELECT * FROM cases WHERE number = ? AND court = ?", (number, court.strip())
            )
        else:
            rows = self.query_dicts("SELECT * FROM cases WHERE number = ?", (number,))
        if not rows:
            rows = self.query_dicts(
                "SELECT * FROM cases WHERE number = ? COLLATE NOCASE"
                + (" AND court = ?" if court is not None else ""),
                (number, court.strip()) if court is not None else (number,),
            )
        if not rows:
            where = f" in court {court}" if court else ""
            raise NotFound(f"no case numbered {number!r}{where}", field="number")
        if len(rows) > 1:
            courts = sorted(str(r["court"]) or "(none)" for r in rows)
            raise Refused(
                f"{number} is used by several courts ({', '.join(courts)}); name the court",
                field="court",
                example=next((court for court in courts if court != "(none)"), None),
            )
        return rows[0]

    def update_case(self, case: Case) -> Case:
        """Save edits to a case; refused if someone else saved it since it was read."""
        from docket.models import Case

        # model_copy(update=...) skips validation: check what is about to be saved.
        case = Case.model_validate(dict(case))
        if case.id is None:
            raise NotFound("the case has not been saved yet", field="id")
        values = case.model_dump(
            mode="json",
            exclude={
                "id",
                "version",
                "last_activity_on",
                "stage",
                "disposition",
                "closed_on",
                "kind",
                "stay_reason",
                "stayed_on",
                "stay_until",
            },
        )
        values["court"] = case.court or ""
        with self.write():
            current = self.get_case(case.id)
            if current.version != case.version:
                raise StaleRecord(
                    f"case {case.number} was changed by someone else; reload it and edit again"
                )
            values.update(version=case.version + 1, updated_at=self.timestamp())
            self.update("cases", case.id, values, case_id=case.id)
            self.refresh_rollups(case.id)
        return self.get_case(case.id)

    def set_follow_up(self, case_id: int, day: date | None) -> Case:
        with self.write():
            self.touch_case(case_id, follow_up_on=None if day is None else day.isoformat())
            self.refresh_rollups(case_id)
        return self.get_case(case_id)

    def touch_case(self, case_id: int, **changes: Any) -> None:
        """Change case columns as a side effect of another write, bumping its version so an
        edit form opened before it is refused rather than silently undoing it."""
        changes["updated_at"] = self.timestamp()
        self.update("cases", case_id, changes, case_id=case_id, bump_version=True)

    # ------------------------------------------------------------------ the Cases list

    def list_cases(
        self,
        *,
        text: str = "",
        open_only: bool = False,
        mine: int | None = None,
        after: tuple[int, str, int] | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[CaseRow]:
        """A page of the Cases list: unresolved first, most urgent first (keyset paged).

        `text` narrows by number or title (a substring, ASCII letters in either case): a filter
        few cases match is looked up in the trigram index, any other walks the urgency index
        and stops after `limit` matches. `mine` (a person's id) narrows to the matters that
        person answers for.
        """
        if mine is not None:
            return self._my_cases(mine, text=text, open_only=open_only, after=after, limit=limit)
        clauses: list[str] = []
        params: list[Any] = []
        if open_only:
            clauses.append("resolved = 0")
        needle = text.strip()
        if needle:
            pattern = "%" + _like_escape(needle) + "%"
            clauses.append("(number LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
            few = self._few_holding(needle)
            if few is not None:
                return self._few_filtered(few, clauses, params, after, limit)
        if after is None:
            where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
            rows = self.query_rows(
                f"SELECT {CASE_ROW_COLUMNS} FROM cases INDEXED BY cases_by_urgency {where} "
                "ORDER BY resolved, attention_on, id LIMIT ?",
                (*params, limit),
            )
            return self.case_rows(rows)
        # SQLite 3.40 does not seek an index with a row-value comparison such as
        # `(resolved, attention_on, id) > (?, ?, ?)`: it walks the whole group of equal keys
        # (every resolved case shares one attention date), milliseconds deep in the list.
        # Three plain seeks instead: the rest of this group by id, the later groups of this
        # resolved value, then the later resolved values; each stops after `limit` rows.
        extra = "".join(f" AND {clause}" for clause in clauses)
        resolved, attention_on, last_id = after
        branches = (
            ("resolved = ? AND attention_on = ? AND id > ?", (resolved, attention_on, last_id)),
            ("resolved = ? AND attention_on > ?", (resolved, attention_on)),
            ("resolved > ?", (resolved,)),
        )
        sql = " UNION ALL ".join(
            f"SELECT * FROM (SELECT {CASE_ROW_COLUMNS} FROM cases INDEXED BY cases_by_urgency "
            f"WHERE {seek}{extra} ORDER BY resolved, attention_on, id LIMIT ?)"
            for seek, _ in branches
        )
        branch_params: list[Any] = []
        for _, seek_params in branches:
            branch_params += [*seek_params, *params, limit]
        # Output columns 7, 12 and 1 are resolved, attention_on and id.
        rows = self.query_rows(sql + " ORDER BY 7, 12, 1 LIMIT ?", (*branch_params, limit))
        return self.case_rows(rows)

    def _my_cases(
        self,
        mine: int,
        *,
        text: str,
        open_only: bool,
        after: tuple[int, str, int] | None,
        limit: int,
    ) -> list[CaseRow]:
        """`list_cases` for one person: their caseload read by id and sorted, which costs what
        the caseload costs, not what the docket does."""
        sql = f"SELECT {CASE_ROW_COLUMNS} FROM cases WHERE id IN ({MY_LISTED_IDS})"
        params: dict[str, Any] = {"me": mine, "limit": limit}
        if open_only:
            sql += " AND resolved = 0"
        if text.strip():
            params["pattern"] = "%" + _like_escape(text.strip()) + "%"
            sql += " AND (number LIKE :pattern ESCAPE '\\' OR title LIKE :pattern ESCAPE '\\')"
        if after is not None:
            params.update(resolved=after[0], attention=after[1], id=after[2])
            sql += " AND (resolved, attention_on, id) > (:resolved, :attention, :id)"
        sql += " ORDER BY resolved, attention_on, id LIMIT :limit"
        return self.case_rows(self.query_rows(sql, params))

    def _few_holding(self, needle: str) -> list[int] | None:
        """The ids of the cases that may hold `needle`, by the trigram index, when there are
        at most FEW_MATCHES; None when there are more, or `needle` is under three characters
        (which no trigram can answer).

        More than FEW_MATCHES, and the walk down the urgency index (which holds number and
        title, so it reads no case row to test one) fills a page passing over at most a
        hundred cases per match: at least one in FEW_MATCHES matches.
        """
        if len(needle) < 3 or not self._has_filter_index():
            return None
        if self.dialect == "postgresql":
            # pg_trgm's indexes on the number and the title answer `ILIKE` themselves.
            pattern = f"%{_like_escape(needle)}%"
            rows = self.query_rows(
                "SELECT id FROM cases WHERE number LIKE ? ESCAPE '\\' "
                "OR title LIKE ? ESCAPE '\\' LIMIT ?",
                (pattern, pattern, FEW_MATCHES + 1),
            )
            return None if len(rows) > FEW_MATCHES else [row[0] for row in rows]
        rows = self.query_rows(
            f"SELECT rowid FROM {CASE_FILTER_INDEX} WHERE {CASE_FILTER_INDEX} MATCH ? LIMIT ?",
            (_phrase(needle), FEW_MATCHES + 1),
        )
        return None if len(rows) > FEW_MATCHES else [row[0] for row in rows]

    def _few_filtered(
        self,
        ids: list[int],
        clauses: list[str],
        params: list[Any],
        after: tuple[int, str, int] | None,
        limit: int,
    ) -> list[CaseRow]:
        """A page of the few cases the trigram index found, still tested by the filter itself
        (the index folds the case of more letters than `LIKE` does), in urgency order."""
        where = "".join(f" AND {clause}" for clause in clauses)
        keyset: tuple[Any, ...] = ()
        if after is not None:
            where += " AND (resolved, attention_on, id) > (?, ?, ?)"
            keyset = after
        rows = self.query_rows(
            f"SELECT {CASE_ROW_COLUMNS} FROM cases NOT INDEXED "
            f"WHERE id IN (SELECT value FROM json_each(?)){where} "
            "ORDER BY resolved, attention_on, id LIMIT ?",
            (json.dumps(ids), *params, *keyset, limit),
        )
        return self.case_rows(rows)

    def _has_filter_index(self) -> bool:
        """The trigram index exists (not on an SQLite older than 3.34); asked once."""
        if self._filter_index is None and self.dialect == "postgresql":
            self._filter_index = True  # the schema's pg_trgm indexes, always there
        if self._filter_index is None:
            self._filter_index = bool(
                self.query_rows(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    (CASE_FILTER_INDEX,),
                )
            )
        return self._filter_index

    def case_row(self, case_id: int) -> CaseRow:
        rows = self.query_rows(f"SELECT {CASE_ROW_COLUMNS} FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise NotFound(f"no case has id {case_id}", field="id")
        return self.case_rows(rows)[0]

    def count_cases(self, *, open_only: bool = False) -> int:
        sql = "SELECT count(*) FROM cases" + (" WHERE resolved = 0" if open_only else "")
        return int(self.query_rows(sql)[0][0])


def _phrase(text: str) -> str:
    """`text` as one FTS5 phrase: every character literal (quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
