"""The store: every read and write docket makes, behind a typed API of domain models.

Rules that hold for every write:
- it runs in one transaction, started with BEGIN IMMEDIATE so that two processes writing at
  once queue on the busy timeout instead of failing half-way;
- it leaves an audit row (who, when, before, after as JSON);
- it refreshes the case's rollups (last activity, next deadline, next hearing, attention date)
  so that lists sort and flag from indexed columns instead of loading cases into Python.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db.connection import connect
from db.rows import (
    PAGE_SIZE,
    AgendaItem,
    AttentionRow,
    CaseRow,
    Closure,
    PartyConflict,
    SearchHit,
)
from docket.clock import Clock
from docket.errors import InputError, NotFound, Refused, StaleRecord
from docket.lifecycle import lifecycle_for
from docket.models import (
    DEFAULT_REMIND_DAYS,
    AuditEntry,
    Case,
    CaseParty,
    Deadline,
    DeadlineStatus,
    Filing,
    Hearing,
    HearingStatus,
    Note,
    Party,
    PartyKind,
    PartyRole,
    StatusChange,
    name_key,
)

#: A case with no upcoming event and no activity for this many days needs attention.
QUIET_AFTER_DAYS = 30

_CASE_COLUMNS = (
    "id, number, court, title, kind, stage, resolved, next_deadline_on, next_hearing_at, "
    "follow_up_on, last_activity_on, attention_on, stay_reason IS NOT NULL"
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """One open docket database. Safe to share between threads (calls are serialized)."""

    def __init__(
        self,
        db: Database,
        *,
        path: Path | None = None,
        clock: Clock | None = None,
        user: str | None = None,
        quiet_after_days: int = QUIET_AFTER_DAYS,
    ) -> None:
        self.db = db
        self.path = path
        self.clock = clock or Clock()
        self.user = user or os.environ.get("DOCKET_USER") or _os_user()
        self.quiet_after_days = quiet_after_days
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls, path: Path | str, *, clock: Clock | None = None, user: str | None = None
    ) -> Store:
        path = Path(path)
        try:
            db = connect(path)
        except sqlite3.DatabaseError as error:
            raise InputError(
                "--db", f"{path} is not a docket database ({error})", "a file made by docket init"
            ) from None
        return cls(db, path=path, clock=clock, user=user)

    def close(self) -> None:
        self.db.close()

    @property
    def database_id(self) -> str:
        """This database's own random id (set when it was created; copies keep it)."""
        return str(self._rows("SELECT value FROM docket_meta WHERE key = 'database_id'")[0][0])

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one (as savepoints)."""
        with self._lock:
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                with self.db.atomic():
                    yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def _dicts(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _now(self) -> str:
        return self.clock.utcnow_iso()

    def _audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        *,
        case_id: int | None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO audit_log (at, who, action, entity, entity_id, case_id, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._now(),
                self.user,
                action,
                entity,
                entity_id,
                case_id,
                None if before is None else _json(before),
                None if after is None else _json(after),
            ),
        )

    def _row_dict(self, table: str, row_id: int) -> dict[str, Any]:
        rows = self._dicts(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        if not rows:
            raise NotFound(f"{table}: no record with id {row_id}")
        return rows[0]

    def _insert(self, table: str, values: dict[str, Any], *, case_id: int | None) -> int:
        return int(self._insert_row(table, values, case_id=case_id)["id"])

    def _insert_row(
        self, table: str, values: dict[str, Any], *, case_id: int | None
    ) -> dict[str, Any]:
        """Insert, audit, and return the row as stored (read once, for both)."""
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values())
        )
        row_id = int(cursor.lastrowid or 0)
        row = self._row_dict(table, row_id)
        self._audit(
            "insert", table, row_id, case_id=row_id if table == "cases" else case_id, after=row
        )
        return row

    def _update(
        self,
        table: str,
        row_id: int,
        changes: dict[str, Any],
        *,
        case_id: int | None,
        action: str = "update",
        bump_version: bool = False,
    ) -> dict[str, Any]:
        """Update, audit with before and after, and return the row as stored."""
        before = self._row_dict(table, row_id)
        if bump_version:
            changes = {**changes, "version": before["version"] + 1}
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", (*changes.values(), row_id)
        )
        after = self._row_dict(table, row_id)
        if before != after:
            self._audit(action, table, row_id, case_id=case_id, before=before, after=after)
        return after

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
            UPDATE cases SET attention_on = CASE WHEN resolved THEN '9999-12-31' ELSE min(
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

    # ------------------------------------------------------------------ cases

    def add_case(self, case: Case) -> Case:
        cycle = lifecycle_for(case.kind)
        stage = case.stage or cycle.initial
        if stage not in cycle.stages:
            raise InputError(
                "stage",
                f"{stage!r} is not a stage of a {case.kind.value} matter",
                ", ".join(cycle.stages),
            )
        opened = case.opened_on or self.clock.today()
        now = self._now()
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
            if self._rows(
                "SELECT 1 FROM cases WHERE court = ? AND number = ?", (values["court"], case.number)
            ):
                where = f" in court {case.court}" if case.court else ""
                raise Refused(
                    f"--number: case {case.number}{where} already exists "
                    "(use --court to tell two courts' numbers apart)"
                )
            case_id = self._insert("cases", values, case_id=None)
            self._record_status(
                case_id,
                StatusChange(
                    changed_on=opened, to_stage=stage, event="open", note="Opened in docket"
                ),
            )
            self.refresh_rollups(case_id)
        return self.get_case(case_id)

    def get_case(self, case_id: int) -> Case:
        rows = self._dicts("SELECT * FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise NotFound(f"case: no case with id {case_id}")
        return _case_from_row(rows[0])

    def find_case(self, number: str, court: str | None = None) -> Case:
        """The case with this number; `court` tells apart two courts that use one number."""
        number = number.strip()
        if court is not None:
            rows = self._dicts(
                "SELECT * FROM cases WHERE number = ? AND court = ?", (number, court.strip())
            )
        else:
            rows = self._dicts("SELECT * FROM cases WHERE number = ?", (number,))
        if not rows:
            rows = self._dicts(
                "SELECT * FROM cases WHERE number = ? COLLATE NOCASE"
                + (" AND court = ?" if court is not None else ""),
                (number, court.strip()) if court is not None else (number,),
            )
        if not rows:
            where = f" in court {court}" if court else ""
            raise NotFound(f"NUMBER: no case numbered {number!r}{where} (see: docket case list)")
        if len(rows) > 1:
            courts = ", ".join(sorted(str(r["court"]) or "(none)" for r in rows))
            raise Refused(f"--court: {number} is used by several courts ({courts}); add --court")
        return _case_from_row(rows[0])

    def update_case(self, case: Case) -> Case:
        """Save edits to a case; refused if someone else saved it since it was read."""
        # model_copy(update=...) skips validation: check what is about to be saved.
        case = Case.model_validate(dict(case))
        if case.id is None:
            raise NotFound("case: it has not been saved yet")
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
            values.update(version=case.version + 1, updated_at=self._now())
            self._update("cases", case.id, values, case_id=case.id)
            self.refresh_rollups(case.id)
        return self.get_case(case.id)

    def set_follow_up(self, case_id: int, day: date | None) -> Case:
        with self.write():
            self._touch_case(case_id, follow_up_on=None if day is None else day.isoformat())
            self.refresh_rollups(case_id)
        return self.get_case(case_id)

    def _touch_case(self, case_id: int, **changes: Any) -> None:
        changes["updated_at"] = self._now()
        self._update("cases", case_id, changes, case_id=case_id, bump_version=True)

    def list_cases(
        self,
        *,
        text: str = "",
        open_only: bool = False,
        after: tuple[int, str, int] | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[CaseRow]:
        """A page of the Cases list: unresolved first, most urgent first (keyset paged).

        `text` narrows by number or title (case-insensitive substring); the walk follows the
        urgency index and stops after `limit` matches.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if open_only:
            clauses.append("resolved = 0")
        if text.strip():
            pattern = "%" + _like_escape(text.strip()) + "%"
            clauses.append("(number LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
        if after is None:
            where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
            rows = self._rows(
                f"SELECT {_CASE_COLUMNS} FROM cases INDEXED BY cases_by_urgency {where} "
                "ORDER BY resolved, attention_on, id LIMIT ?",
                (*params, limit),
            )
            return self._case_rows(rows)
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
            f"SELECT * FROM (SELECT {_CASE_COLUMNS} FROM cases INDEXED BY cases_by_urgency "
            f"WHERE {seek}{extra} ORDER BY resolved, attention_on, id LIMIT ?)"
            for seek, _ in branches
        )
        branch_params: list[Any] = []
        for _, seek_params in branches:
            branch_params += [*seek_params, *params, limit]
        # Output columns 7, 12 and 1 are resolved, attention_on and id.
        rows = self._rows(sql + " ORDER BY 7, 12, 1 LIMIT ?", (*branch_params, limit))
        return self._case_rows(rows)

    def case_row(self, case_id: int) -> CaseRow:
        rows = self._rows(f"SELECT {_CASE_COLUMNS} FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise NotFound(f"case: no case with id {case_id}")
        return self._case_rows(rows)[0]

    def count_cases(self, *, open_only: bool = False) -> int:
        sql = "SELECT count(*) FROM cases" + (" WHERE resolved = 0" if open_only else "")
        return int(self._rows(sql)[0][0])

    def _case_rows(self, rows: list[tuple[Any, ...]]) -> list[CaseRow]:
        today = self.clock.today()
        day_start = _utc_iso(datetime.combine(today, datetime.min.time()).astimezone())
        result = []
        for row in rows:
            partial = CaseRow._make((*row[:6], bool(row[6]), *row[7:12], bool(row[12]), None))
            reason = self._attention_reason(partial, today, day_start)
            result.append(partial._replace(attention=reason))
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
        if _utc_iso(datetime.fromisoformat(row.next_hearing_at)) >= day_start:
            return True
        return bool(
            self._rows(
                "SELECT 1 FROM hearings WHERE case_id = ? AND status = 'scheduled' "
                "AND starts_utc >= ? LIMIT 1",
                (row.id, day_start),
            )
        )

    def cases_needing_attention(self, *, limit: int = 200) -> list[AttentionRow]:
        """Unresolved matters that have gone quiet or reached their follow-up date.

        Candidates walk the urgency index (attention date reached), leaving out in SQL those an
        open deadline keeps out of the rule (overdue ones are the agenda's, not this list's);
        the exact rule is checked in Python on each batch until `limit` are found.
        """
        today = self.clock.today().isoformat()
        result: list[AttentionRow] = []
        after: tuple[str, int] = ("", 0)
        while len(result) < limit:
            rows = self._rows(
                f"SELECT {_CASE_COLUMNS} FROM cases INDEXED BY cases_by_urgency "
                "WHERE resolved = 0 AND attention_on <= ? "
                "AND (follow_up_on <= ? OR next_deadline_on IS NULL) "
                # A range seek on attention_on, then the row value for ties; an OR here would
                # make SQLite gather and sort every candidate.
                "AND attention_on >= ? AND (attention_on, id) > (?, ?) "
                "ORDER BY resolved, attention_on, id LIMIT ?",
                (today, today, after[0], after[0], after[1], limit),
            )
            for row in self._case_rows(rows):
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

    # ------------------------------------------------------------------ parties

    def party_conflicts(
        self, name: str, *, exclude_case_id: int | None = None
    ) -> list[PartyConflict]:
        """Other cases on which a party of the same normalized name already appears."""
        key = name_key(name)
        if not key:
            return []
        rows = self._rows(
            "SELECT p.id, p.name, c.id, c.number, c.title, cp.role FROM parties p "
            "JOIN case_parties cp ON cp.party_id = p.id JOIN cases c ON c.id = cp.case_id "
            "WHERE p.name_key = ? AND (? IS NULL OR c.id != ?) ORDER BY c.number LIMIT 50",
            (key, exclude_case_id, exclude_case_id),
        )
        return [PartyConflict(*row) for row in rows]

    def add_party(
        self,
        case_id: int,
        name: str,
        role: PartyRole | str,
        *,
        kind: PartyKind | str = PartyKind.PERSON,
        raw_role: str | None = None,
        represents_id: int | None = None,
    ) -> tuple[CaseParty, list[PartyConflict]]:
        """Link a party to a case, reusing the party row when the exact name is known.

        Returns the link and the other cases the name already appears on (conflict check).
        """
        party = Party(name=name, kind=PartyKind(kind))
        link_role = PartyRole(role)
        key = name_key(party.name) or party.name.casefold()
        with self.write():
            self.get_case(case_id)
            conflicts = self.party_conflicts(party.name, exclude_case_id=case_id)
            existing = self._rows(
                "SELECT id FROM parties WHERE name = ? AND kind = ?", (party.name, party.kind.value)
            )
            if existing:
                party_id = int(existing[0][0])
            else:
                party_id = self._insert(
                    "parties",
                    {
                        "name": party.name,
                        "kind": party.kind.value,
                        "name_key": key,
                        "created_at": self._now(),
                    },
                    case_id=case_id,
                )
            if represents_id is not None and not self._rows(
                "SELECT 1 FROM case_parties WHERE id = ? AND case_id = ?", (represents_id, case_id)
            ):
                raise InputError("represents", "that client is not a party on this case")
            duplicate = self._rows(
                "SELECT id FROM case_parties WHERE case_id = ? AND party_id = ? AND role = ? "
                "AND represents_id IS ?",
                (case_id, party_id, link_role.value, represents_id),
            )
            if duplicate:
                link_id = int(duplicate[0][0])
            else:
                link_id = self._insert(
                    "case_parties",
                    {
                        "case_id": case_id,
                        "party_id": party_id,
                        "role": link_role.value,
                        "raw_role": raw_role,
                        "represents_id": represents_id,
                        "created_at": self._now(),
                    },
                    case_id=case_id,
                )
        return self.get_case_party(link_id), conflicts

    def get_case_party(self, link_id: int) -> CaseParty:
        rows = self._dicts(
            "SELECT cp.id, cp.case_id, cp.party_id, cp.role, cp.raw_role, cp.represents_id, "
            "p.name, p.kind AS party_kind FROM case_parties cp "
            "JOIN parties p ON p.id = cp.party_id "
            "WHERE cp.id = ?",
            (link_id,),
        )
        if not rows:
            raise NotFound(f"party: no case party with id {link_id}")
        return CaseParty.model_validate(rows[0])

    def case_parties(self, case_id: int) -> list[CaseParty]:
        rows = self._dicts(
            "SELECT cp.id, cp.case_id, cp.party_id, cp.role, cp.raw_role, cp.represents_id, "
            "p.name, p.kind AS party_kind FROM case_parties cp "
            "JOIN parties p ON p.id = cp.party_id "
            "WHERE cp.case_id = ? ORDER BY cp.id",
            (case_id,),
        )
        return [CaseParty.model_validate(row) for row in rows]

    # ------------------------------------------------------------------ filings

    def add_filing(self, case_id: int, filing: Filing) -> tuple[Filing, list[Deadline]]:
        """Enter a docket entry; its entry number is the case's next, assigned in the same
        statement that inserts it. Returns the entry and the deadlines its rules created."""
        with self.write():
            case = self.get_case(case_id)
            saved = self._insert_filing(case_id, filing, keep_void=False)
            created = self._create_filing_deadlines(case, saved)
            self.refresh_rollups(case_id)
        return saved, created

    def _insert_filing(self, case_id: int, filing: Filing, *, keep_void: bool) -> Filing:
        """Insert with the case's next entry number, computed inside the INSERT itself so two
        writers can never take the same number."""
        exclude = {"id", "case_id", "entry_no"}
        if not keep_void:
            exclude |= {"voided_at", "void_reason"}
        values = filing.model_dump(mode="json", exclude=exclude)
        now = self._now()
        values.update(case_id=case_id, created_at=now, updated_at=now)
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.conn.execute(
            f"INSERT INTO filings (entry_no, {columns}) VALUES ("
            "(SELECT coalesce(max(entry_no), 0) + 1 FROM filings WHERE case_id = ?), "
            f"{marks})",
            (case_id, *values.values()),
        )
        filing_id = int(cursor.lastrowid or 0)
        row = self._row_dict("filings", filing_id)
        self._audit("insert", "filings", filing_id, case_id=case_id, after=row)
        return _filing_from_row(row)

    def get_filing(self, filing_id: int) -> Filing:
        return _filing_from_row(self._row_dict("filings", filing_id))

    def filing_by_entry(self, case_id: int, entry_no: int) -> Filing:
        rows = self._dicts(
            "SELECT * FROM filings WHERE case_id = ? AND entry_no = ?", (case_id, entry_no)
        )
        if not rows:
            raise NotFound(f"ENTRY_NO: no docket entry {entry_no} in this case")
        return _filing_from_row(rows[0])

    def filings(
        self,
        case_id: int,
        *,
        after_entry: int = 0,
        limit: int = PAGE_SIZE,
        include_voided: bool = True,
    ) -> list[Filing]:
        """A page of the case's docket in entry order."""
        voided = "" if include_voided else " AND voided_at IS NULL"
        rows = self._dicts(
            f"SELECT * FROM filings WHERE case_id = ? AND entry_no > ?{voided} "
            "ORDER BY entry_no LIMIT ?",
            (case_id, after_entry, limit),
        )
        return [_filing_from_row(row) for row in rows]

    def all_filings(self, case_id: int, *, include_voided: bool = True) -> Iterator[Filing]:
        """The whole docket in entry order, a page at a time (for sheets, exports, `case show`)."""
        after = 0
        while page := self.filings(case_id, after_entry=after, include_voided=include_voided):
            yield from page
            after = page[-1].entry_no or 0

    def count_filings(self, case_id: int) -> int:
        return int(self._rows("SELECT count(*) FROM filings WHERE case_id = ?", (case_id,))[0][0])

    def update_filing(self, filing: Filing) -> tuple[Filing, list[Deadline]]:
        """Save edits to an entry; a changed date or service recomputes the deadlines it set."""
        # model_copy(update=...) skips validation: check what is about to be saved.
        filing = Filing.model_validate(dict(filing))
        if filing.id is None:
            raise NotFound("filing: it has not been saved yet")
        values = filing.model_dump(
            mode="json",
            exclude={
                "id",
                "case_id",
                "entry_no",
                "voided_at",
                "void_reason",
                "source",
                "source_id",
            },
        )
        with self.write():
            current = self.get_filing(filing.id)
            if current.voided:
                raise Refused(f"entry {current.entry_no} is voided; it can no longer be edited")
            values["updated_at"] = self._now()
            saved = _filing_from_row(
                self._update("filings", filing.id, values, case_id=current.case_id)
            )
            recomputed: list[Deadline] = []
            moved = (current.filed_on, current.served_on, current.service, current.doc_type) != (
                saved.filed_on,
                saved.served_on,
                saved.service,
                saved.doc_type,
            )
            if moved and saved.case_id is not None:
                recomputed = self._recompute_filing_deadlines(self.get_case(saved.case_id), saved)
            self.refresh_rollups(current.case_id)
        return saved, recomputed

    def void_filing(self, case_id: int, entry_no: int, reason: str) -> Filing:
        """Void an entry (never delete it); deadlines it set are withdrawn, kept in history."""
        reason = reason.strip()
        if not reason:
            raise InputError("--reason", "a void needs a reason", '--reason "entered twice"')
        with self.write():
            filing = self.filing_by_entry(case_id, entry_no)
            if filing.voided:
                raise Refused(
                    f"ENTRY_NO: entry {entry_no} is already voided ({filing.void_reason})"
                )
            assert filing.id is not None
            voided = self._update(
                "filings",
                filing.id,
                {"voided_at": self._now(), "void_reason": reason, "updated_at": self._now()},
                case_id=case_id,
                action="void",
            )
            self._withdraw_deadlines("trigger_filing_id", filing.id, case_id)
            self.refresh_rollups(case_id)
            return _filing_from_row(voided)

    def _withdraw_deadlines(self, trigger: str, trigger_id: int, case_id: int) -> list[Deadline]:
        """Withdraw the open deadlines an entry or hearing set (kept, for the history)."""
        return [
            _deadline_from_row(
                self._update(
                    "deadlines",
                    deadline_id,
                    {"status": DeadlineStatus.WITHDRAWN.value, "updated_at": self._now()},
                    case_id=case_id,
                )
            )
            for (deadline_id,) in self._rows(
                f"SELECT id FROM deadlines WHERE {trigger} = ? AND status = 'open'",
                (trigger_id,),
            )
        ]

    def _recount(self, deadline_id: int, due: Any, case_id: int) -> Deadline:
        """Store a deadline's new due date and the steps of how it was counted."""
        return _deadline_from_row(
            self._update(
                "deadlines",
                deadline_id,
                {
                    "due_on": due.due.isoformat(),
                    "computation": _json(due.steps),
                    "updated_at": self._now(),
                },
                case_id=case_id,
            )
        )

    # ------------------------------------------------------------------ deadlines from rules

    def calendar_for(self, case: Case) -> Any:
        """The court calendar for counting this case's periods, with user-added closures."""
        from docket.calendars import CourtCalendar

        closed = {closure.day: closure.name for closure in self.closures(case.calendar)}
        return CourtCalendar(case.calendar, closures=closed)

    def add_closure(self, day: date, name: str, calendar: str = "") -> None:
        """A day the court is closed (weather, a declared day off): counts as a legal holiday."""
        with self.write():
            self._insert(
                "court_closures",
                {"day": day.isoformat(), "calendar": calendar, "name": name},
                case_id=None,
            )

    def _create_filing_deadlines(
        self, case: Case, filing: Filing, *, due_from: date | None = None
    ) -> list[Deadline]:
        """The deadlines the filing's type triggers under the rules (those due on or after
        `due_from`, when given)."""
        from docket.rules import rules_triggered_by

        assert case.id is not None and filing.id is not None
        rules = rules_triggered_by(filing.doc_type, case.kind)
        if not rules:
            return []
        calendar = self.calendar_for(case)
        created = []
        for rule in rules:
            due = self._count_rule(rule, filing, calendar)
            if due_from is not None and due.due < due_from:
                continue
            created.append(self._insert_rule_deadline(case.id, rule, due, filing_id=filing.id))
        return created

    def _recompute_filing_deadlines(self, case: Case, filing: Filing) -> list[Deadline]:
        """Bring the entry's rule deadlines in line with its current date, service and type.

        Open deadlines are recounted; those whose rule no longer applies (the type changed)
        are withdrawn; rules that now apply and have no deadline yet get one. Returns every
        deadline touched, withdrawn ones included, so the change can be announced.
        """
        from docket.rules import load_rules, rules_triggered_by

        assert case.id is not None and filing.id is not None
        applicable = {rule.id: rule for rule in rules_triggered_by(filing.doc_type, case.kind)}
        known = {rule.id for rule in load_rules()}
        calendar = self.calendar_for(case)
        touched: list[Deadline] = []
        kept: set[str] = set()
        for row in self._dicts(
            "SELECT id, rule, status FROM deadlines WHERE trigger_filing_id = ? "
            "AND rule IS NOT NULL AND status != 'withdrawn'",
            (filing.id,),
        ):
            rule = applicable.get(row["rule"])
            if rule is not None:
                kept.add(rule.id)
            if row["status"] != DeadlineStatus.OPEN.value or row["rule"] not in known:
                continue  # done or waived: history; a rule since removed: keep its date
            if rule is None:
                withdrawn = self._update(
                    "deadlines",
                    row["id"],
                    {"status": DeadlineStatus.WITHDRAWN.value, "updated_at": self._now()},
                    case_id=case.id,
                )
                touched.append(_deadline_from_row(withdrawn))
            else:
                due = self._count_rule(rule, filing, calendar)
                touched.append(self._recount(row["id"], due, case.id))
        for rule_id, rule in applicable.items():
            if rule_id in kept:
                continue
            due = self._count_rule(rule, filing, calendar)
            touched.append(self._insert_rule_deadline(case.id, rule, due, filing_id=filing.id))
        return touched

    def _insert_rule_deadline(
        self,
        case_id: int,
        rule: Any,
        due: Any,
        *,
        filing_id: int | None = None,
        hearing_id: int | None = None,
    ) -> Deadline:
        """A deadline counted under `rule`, linked to the entry or hearing that set it."""
        return self._insert_deadline(
            case_id,
            Deadline(
                case_id=case_id,
                due_on=due.due,
                title=rule.title,
                rule=rule.id,
                citation=rule.citation,
                trigger_filing_id=filing_id,
                trigger_hearing_id=hearing_id,
                computation=due.steps,
            ),
        )

    @staticmethod
    def _count_hearing_rule(rule: Any, hearing: Hearing, calendar: Any) -> Any:
        from docket.rules import compute_rule_deadline

        # The rule engine counts hearing rules too (hearing day as the trigger), so the steps
        # name the rule and carry its note and court-day setting, as filing rules' do.
        return compute_rule_deadline(
            rule,
            filed_on=hearing.starts_at.date(),
            served_on=None,
            service=None,
            calendar=calendar,
        )

    @staticmethod
    def _count_rule(rule: Any, filing: Filing, calendar: Any) -> Any:
        from docket.rules import compute_rule_deadline

        return compute_rule_deadline(
            rule,
            filed_on=filing.filed_on,
            served_on=filing.served_on,
            service=filing.service,
            calendar=calendar,
        )

    # ------------------------------------------------------------------ hearings

    def add_hearing(self, case_id: int, hearing: Hearing) -> tuple[Hearing, list[Deadline]]:
        values = _hearing_values(hearing)
        now = self._now()
        values.update(case_id=case_id, created_at=now, updated_at=now)
        with self.write():
            case = self.get_case(case_id)
            saved = _hearing_from_row(self._insert_row("hearings", values, case_id=case_id))
            created = self._create_hearing_deadlines(case, saved)
            self.refresh_rollups(case_id)
        return saved, created

    def get_hearing(self, hearing_id: int) -> Hearing:
        return _hearing_from_row(self._row_dict("hearings", hearing_id))

    def hearings(self, case_id: int, *, limit: int = PAGE_SIZE) -> list[Hearing]:
        rows = self._dicts(
            "SELECT * FROM hearings WHERE case_id = ? ORDER BY starts_utc, id LIMIT ?",
            (case_id, limit),
        )
        return [_hearing_from_row(row) for row in rows]

    def update_hearing(self, hearing: Hearing) -> tuple[Hearing, list[Deadline]]:
        """Save a hearing's new time, status or outcome; its before-hearing deadlines follow.

        Returns the hearing and the deadlines touched: recounted when it moved, withdrawn (their
        status says so) when it is no longer scheduled."""
        # model_copy(update=...) skips validation: check what is about to be saved.
        hearing = Hearing.model_validate(dict(hearing))
        if hearing.id is None:
            raise NotFound("hearing: it has not been saved yet")
        values = _hearing_values(hearing)
        with self.write():
            current = self.get_hearing(hearing.id)
            assert current.case_id is not None
            values["updated_at"] = self._now()
            saved = _hearing_from_row(
                self._update("hearings", hearing.id, values, case_id=current.case_id)
            )
            changed: list[Deadline] = []
            if saved.status != HearingStatus.SCHEDULED:
                changed = self._withdraw_deadlines(
                    "trigger_hearing_id", hearing.id, current.case_id
                )
            elif saved.starts_at != current.starts_at:
                changed = self._recompute_hearing_deadlines(self.get_case(current.case_id), saved)
            self.refresh_rollups(current.case_id)
        return saved, changed

    def _create_hearing_deadlines(self, case: Case, hearing: Hearing) -> list[Deadline]:
        """Before-hearing periods (FRCP 6(c)) apply to motion hearings only."""
        assert case.id is not None and hearing.id is not None
        if "motion" not in hearing.kind.casefold():
            return []
        from docket.rules import hearing_rules

        calendar = self.calendar_for(case)
        return [
            self._insert_rule_deadline(
                case.id,
                rule,
                self._count_hearing_rule(rule, hearing, calendar),
                hearing_id=hearing.id,
            )
            for rule in hearing_rules(case.kind)
        ]

    def _recompute_hearing_deadlines(self, case: Case, hearing: Hearing) -> list[Deadline]:
        from docket.rules import rule_by_id

        assert case.id is not None
        calendar = self.calendar_for(case)
        changed = []
        for row in self._dicts(
            "SELECT * FROM deadlines WHERE trigger_hearing_id = ? AND status = 'open' "
            "AND rule IS NOT NULL",
            (hearing.id,),
        ):
            try:
                rule = rule_by_id(row["rule"])
            except NotFound:
                continue  # a rule since removed from rules.toml: keep the date as computed
            due = self._count_hearing_rule(rule, hearing, calendar)
            changed.append(self._recount(row["id"], due, case.id))
        return changed

    # ------------------------------------------------------------------ deadlines

    def add_deadline(self, case_id: int, deadline: Deadline) -> Deadline:
        with self.write():
            self.get_case(case_id)
            saved = self._insert_deadline(case_id, deadline)
            self.refresh_rollups(case_id)
        return saved

    def _insert_deadline(self, case_id: int, deadline: Deadline) -> Deadline:
        values = deadline.model_dump(mode="json", exclude={"id", "case_id"})
        values["computation"] = _json(deadline.computation)
        values["remind_days"] = _json(deadline.remind_days)
        now = self._now()
        values.update(case_id=case_id, created_at=now, updated_at=now)
        return _deadline_from_row(self._insert_row("deadlines", values, case_id=case_id))

    def get_deadline(self, deadline_id: int) -> Deadline:
        return _deadline_from_row(self._row_dict("deadlines", deadline_id))

    def deadlines(
        self, case_id: int, *, include_closed: bool = True, limit: int = PAGE_SIZE
    ) -> list[Deadline]:
        status = "" if include_closed else " AND status = 'open'"
        rows = self._dicts(
            f"SELECT * FROM deadlines WHERE case_id = ?{status} ORDER BY status != 'open', "
            "due_on, id LIMIT ?",
            (case_id, limit),
        )
        return [_deadline_from_row(row) for row in rows]

    def complete_deadline(
        self,
        deadline_id: int,
        *,
        done_on: date | None = None,
        status: DeadlineStatus = DeadlineStatus.DONE,
        case_id: int | None = None,
    ) -> Deadline:
        """Mark a deadline done (or waived). `case_id`, when given, must be its case."""
        with self.write():
            current = self.get_deadline(deadline_id)
            if case_id is not None and current.case_id != case_id:
                raise NotFound(f"ID: deadline {deadline_id} is not on this case")
            if current.status != DeadlineStatus.OPEN:
                raise Refused(f"ID: deadline {deadline_id} is already {current.status.value}")
            assert current.case_id is not None
            day = done_on or self.clock.today()
            completed = self._update(
                "deadlines",
                deadline_id,
                {"status": status.value, "done_on": day.isoformat(), "updated_at": self._now()},
                case_id=current.case_id,
            )
            self.refresh_rollups(current.case_id)
        return _deadline_from_row(completed)

    # ------------------------------------------------------------------ status and notes

    def _record_status(self, case_id: int, change: StatusChange) -> StatusChange:
        values = change.model_dump(mode="json", exclude={"id", "case_id"})
        values.update(
            case_id=case_id, created_at=self._now(), created_by=change.created_by or self.user
        )
        return _status_from_row(self._insert_row("status_changes", values, case_id=case_id))

    def change_stage(
        self,
        case_id: int,
        to_stage: str,
        *,
        on: date | None = None,
        note: str | None = None,
        disposition: str | None = None,
        source: str | None = None,
    ) -> StatusChange:
        """Move a matter along its lifecycle; refused (with the allowed moves) if not allowed."""
        day = on or self.clock.today()
        to_stage = to_stage.strip().lower()
        with self.write():
            case = self.get_case(case_id)
            cycle = lifecycle_for(case.kind)
            if to_stage == "reopen":
                return self._reopen(case, day, note, source)
            cycle.check_move(case.stage, to_stage, disposition)
            resolved = cycle.is_resolved(to_stage)
            if resolved and case.opened_on and day < case.opened_on:
                raise InputError(
                    "--on",
                    f"{case.number} was opened on {case.opened_on.isoformat()}; "
                    "it cannot close before that",
                    case.opened_on.isoformat(),
                )
            if resolved and case.stay_reason:
                # The history must show the stay ending, not just stop mentioning it.
                self._record_lift(case, day, f"Stay ended by closing ({case.stay_reason})", source)
            change = self._record_status(
                case_id,
                StatusChange(
                    changed_on=day,
                    from_stage=case.stage,
                    to_stage=to_stage,
                    disposition=disposition if resolved else None,
                    note=note,
                    source=source,
                ),
            )
            changes: dict[str, Any] = {"stage": to_stage, "resolved": int(resolved)}
            if resolved:
                changes.update(
                    disposition=disposition,
                    closed_on=day.isoformat(),
                    stay_reason=None,
                    stayed_on=None,
                    stay_until=None,
                )
            self._touch_case(case_id, **changes)
            self.refresh_rollups(case_id)
            return change

    def _reopen(self, case: Case, day: date, note: str | None, source: str | None) -> StatusChange:
        assert case.id is not None
        cycle = lifecycle_for(case.kind)
        if not cycle.is_resolved(case.stage):
            raise Refused(f"stage: {case.number} is not closed; only a closed matter is reopened")
        if not (note and note.strip()):
            raise InputError(
                "--note", "reopening needs a note saying why", '--note "new evidence reported"'
            )
        change = self._record_status(
            case.id,
            StatusChange(
                changed_on=day,
                from_stage=case.stage,
                to_stage=cycle.reopen_to,
                event="reopen",
                note=note,
                source=source,
            ),
        )
        self._touch_case(
            case.id, stage=cycle.reopen_to, resolved=0, disposition=None, closed_on=None
        )
        self.refresh_rollups(case.id)
        return change

    def stay(
        self,
        case_id: int,
        reason: str,
        *,
        on: date | None = None,
        until: date | None = None,
        source: str | None = None,
    ) -> StatusChange:
        """Put proceedings on hold without leaving the current stage."""
        day = on or self.clock.today()
        if not reason.strip():
            raise InputError("reason", "a stay needs a reason", "stayed pending appeal")
        with self.write():
            case = self.get_case(case_id)
            if lifecycle_for(case.kind).is_resolved(case.stage):
                raise Refused(f"stage: {case.number} is {case.stage}; a stay needs an open matter")
            if case.stay_reason:
                raise Refused(f"stage: {case.number} is already stayed ({case.stay_reason})")
            change = self._record_status(
                case_id,
                StatusChange(
                    changed_on=day,
                    from_stage=case.stage,
                    to_stage=case.stage,
                    event="stay",
                    note=reason,
                    source=source,
                ),
            )
            self._touch_case(
                case_id,
                stay_reason=reason.strip(),
                stayed_on=day.isoformat(),
                stay_until=None if until is None else until.isoformat(),
            )
            self.refresh_rollups(case_id)
            return change

    def lift_stay(
        self,
        case_id: int,
        *,
        on: date | None = None,
        note: str | None = None,
        source: str | None = None,
    ) -> StatusChange:
        day = on or self.clock.today()
        with self.write():
            case = self.get_case(case_id)
            if not case.stay_reason:
                raise Refused(f"stage: {case.number} is not stayed")
            change = self._record_lift(
                case, day, note or f"Stay lifted ({case.stay_reason})", source
            )
            self._touch_case(case_id, stay_reason=None, stayed_on=None, stay_until=None)
            self.refresh_rollups(case_id)
            return change

    def _record_lift(self, case: Case, day: date, note: str, source: str | None) -> StatusChange:
        assert case.id is not None
        return self._record_status(
            case.id,
            StatusChange(
                changed_on=day,
                from_stage=case.stage,
                to_stage=case.stage,
                event="lift",
                note=note,
                source=source,
            ),
        )

    def status_history(self, case_id: int) -> list[StatusChange]:
        rows = self._dicts(
            "SELECT * FROM status_changes WHERE case_id = ? ORDER BY changed_on, id", (case_id,)
        )
        return [_status_from_row(row) for row in rows]

    def add_note(
        self, case_id: int, text: str, *, on: date | None = None, source: str | None = None
    ) -> Note:
        note = Note(
            case_id=case_id,
            noted_on=on or self.clock.today(),
            text=text,
            source=source,
            created_by=self.user,
        )
        values = note.model_dump(mode="json", exclude={"id"})
        values["created_at"] = self._now()
        with self.write():
            self.get_case(case_id)
            row = self._insert_row("notes", values, case_id=case_id)
            self.refresh_rollups(case_id)
        return Note.model_validate(_strip_meta(row))

    def notes(self, case_id: int, *, limit: int = PAGE_SIZE) -> list[Note]:
        rows = self._dicts(
            "SELECT * FROM notes WHERE case_id = ? ORDER BY noted_on DESC, id DESC LIMIT ?",
            (case_id, limit),
        )
        return [Note.model_validate(_strip_meta(row)) for row in rows]

    def count_notes(self, case_id: int) -> int:
        return int(self._rows("SELECT count(*) FROM notes WHERE case_id = ?", (case_id,))[0][0])

    # ------------------------------------------------------------------ agenda

    def agenda(self, *, until: date | None = None, limit: int = 500) -> list[AgendaItem]:
        """Open deadlines (overdue ones included) and scheduled hearings up to `until`,
        soonest first. With no `until`, everything open."""
        today = self.clock.today()
        end = (until or date(9999, 12, 30)).isoformat()
        deadline_rows = self._rows(
            "SELECT d.id, d.case_id, c.number, c.title, d.due_on, d.title, d.status, "
            "d.remind_days, d.citation FROM deadlines d INDEXED BY deadlines_by_due "
            "JOIN cases c ON c.id = d.case_id "
            "WHERE d.status = 'open' AND d.due_on <= ? ORDER BY d.due_on, d.id LIMIT ?",
            (end, limit),
        )
        start_utc = _utc_iso(datetime.combine(today, datetime.min.time()).astimezone())
        end_utc = (
            _utc_iso(
                datetime.combine(
                    date.fromisoformat(end) + timedelta(days=1), datetime.min.time()
                ).astimezone()
            )
            if until
            else "9999"
        )
        hearing_rows = self._rows(
            "SELECT h.id, h.case_id, c.number, c.title, h.starts_at, h.kind, h.status, "
            "h.location FROM hearings h INDEXED BY hearings_by_time "
            "JOIN cases c ON c.id = h.case_id "
            "WHERE h.status = 'scheduled' AND h.starts_utc >= ? AND h.starts_utc < ? "
            "ORDER BY h.starts_utc LIMIT ?",
            (start_utc, end_utc, limit),
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

    def due_soon_count(self, days: int) -> int:
        """Open deadlines and scheduled hearings from today through `days` days ahead, counted
        in SQL (the start-up notice needs the number, not the rows)."""
        today = self.clock.today()
        end = today + timedelta(days=days)
        start_utc = _utc_iso(datetime.combine(today, datetime.min.time()).astimezone())
        end_utc = _utc_iso(
            datetime.combine(end + timedelta(days=1), datetime.min.time()).astimezone()
        )
        return int(
            self._rows(
                "SELECT (SELECT count(*) FROM deadlines WHERE status = 'open' "
                "AND due_on BETWEEN ? AND ?) + (SELECT count(*) FROM hearings "
                "WHERE status = 'scheduled' AND starts_utc >= ? AND starts_utc < ?)",
                (today.isoformat(), end.isoformat(), start_utc, end_utc),
            )[0][0]
        )

    def overdue_count(self) -> int:
        today = self.clock.today().isoformat()
        return int(
            self._rows(
                "SELECT count(*) FROM deadlines WHERE status = 'open' AND due_on < ?", (today,)
            )[0][0]
        )

    # ------------------------------------------------------------------ search

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        from db.search import search_everything

        with self._lock:
            return search_everything(self.conn, query, limit=limit)

    # ------------------------------------------------------------------ audit and backup

    def audit_log(
        self,
        *,
        entity: str | None = None,
        entity_id: int | None = None,
        case_id: int | None = None,
        limit: int = 200,
    ) -> list[AuditEntry]:
        clauses: list[str] = []
        params: list[Any] = []
        if entity is not None:
            clauses.append("entity = ?")
            params.append(entity)
        if entity_id is not None:
            clauses.append("entity_id = ?")
            params.append(entity_id)
        if case_id is not None:
            clauses.append("case_id = ?")
            params.append(case_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._dicts(
            f"SELECT * FROM audit_log {where} ORDER BY id DESC LIMIT ?", (*params, limit)
        )
        for row in rows:
            row.pop("case_id", None)
            for key in ("before", "after"):
                row[key] = None if row[key] is None else json.loads(row[key])
        return [AuditEntry.model_validate(row) for row in rows]

    def backup(self, dest: Path | str) -> Path:
        """A consistent copy of the live database (SQLite's online backup), mode 0600."""
        from db.connection import create_private_file

        target = Path(dest)
        if target.is_dir():
            stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
            target = target / f"docket-{stamp}.db"
        if target.exists():
            raise Refused(f"DEST: {target} exists; name a new file or a folder")
        create_private_file(target)
        copy = sqlite3.connect(str(target))
        try:
            with self._lock:
                self.conn.backup(copy)
        finally:
            copy.close()
        return target

    # ------------------------------------------------------------------ imports
    # (db/pacer.py, db/csv_io.py, db/export.py)

    def import_filing(
        self,
        case_id: int,
        filing: Filing,
        *,
        deadlines_due_from: date | None = None,
    ) -> tuple[Filing, list[Deadline]]:
        """Insert an imported docket entry with the case's next entry number.

        Unlike `add_filing`, an imported entry creates rule deadlines only when
        `deadlines_due_from` is given, and then only those due on or after that day: a docket
        saved years after the fact must not flood the agenda with long-past open deadlines.
        `voided_at`/`void_reason` are kept (a JSON import restores voided entries). Rollups
        are left to the caller, which refreshes them once after the whole import.
        """
        with self.write():
            saved = self._insert_filing(case_id, filing, keep_void=True)
            created: list[Deadline] = []
            if deadlines_due_from is not None and not saved.voided:
                created = self._create_filing_deadlines(
                    self.get_case(case_id), saved, due_from=deadlines_due_from
                )
        return saved, created

    # ------------------------------------------------------------------ continuances,
    # waivers and court closures (shared by the CLI and the TUI)

    def continue_hearing(
        self, hearing_id: int, to: datetime, outcome: str | None = None
    ) -> tuple[Hearing, Hearing]:
        """Continue a scheduled hearing to a new time, in one transaction.

        The continued hearing keeps its row (status `continued`, `continued_to` set, its
        before-hearing deadlines withdrawn) so the docket still shows what was set and why it
        moved; a new scheduled hearing at `to` carries the kind, place and judge forward and
        gets its own deadlines. Returns (the continued hearing, the new one).
        """
        if to.tzinfo is None:
            to = to.astimezone()
        with self.write():
            current = self.get_hearing(hearing_id)
            if current.status != HearingStatus.SCHEDULED:
                raise Refused(
                    f"ID: hearing {hearing_id} is {current.status.value}; "
                    "only a scheduled hearing is continued"
                )
            if to == current.starts_at:
                raise InputError(
                    "--to", "is the hearing's present time", "--to '2027-01-12 9:30am'"
                )
            assert current.case_id is not None
            ends_at = None
            if current.ends_at is not None:
                ends_at = to + (current.ends_at - current.starts_at)
            old, _withdrawn = self.update_hearing(
                current.model_copy(
                    update={
                        "status": HearingStatus.CONTINUED,
                        "continued_to": to,
                        "outcome": outcome if outcome is not None else current.outcome,
                    }
                )
            )
            new, _created = self.add_hearing(
                current.case_id,
                Hearing(
                    starts_at=to,
                    ends_at=ends_at,
                    kind=current.kind,
                    location=current.location,
                    judge=current.judge,
                ),
            )
        return old, new

    def waive_deadline(
        self, deadline_id: int, *, case_id: int | None = None, note: str | None = None
    ) -> Deadline:
        """Mark an open deadline waived; a note saying why goes on the case in the same write."""
        with self.write():
            waived = self.complete_deadline(
                deadline_id, status=DeadlineStatus.WAIVED, case_id=case_id
            )
            if note is not None and note.strip():
                assert waived.case_id is not None
                self.add_note(
                    waived.case_id, f"Deadline #{deadline_id} waived ({waived.title}): {note}"
                )
        return waived

    def closures(self, calendar: str | None = None) -> list[Closure]:
        """Court closures in date order; with `calendar`, those that apply to it (its own and
        the ones entered for every calendar)."""
        if calendar is None:
            rows = self._rows("SELECT id, day, calendar, name FROM court_closures ORDER BY day, id")
        else:
            rows = self._rows(
                "SELECT id, day, calendar, name FROM court_closures WHERE calendar IN ('', ?) "
                "ORDER BY day, id",
                (calendar,),
            )
        return [Closure(r[0], date.fromisoformat(r[1]), r[2], r[3]) for r in rows]

    def open_deadlines_on(self, day: date, calendar: str = "") -> int:
        """How many open deadlines fall due on `day` in cases that count with `calendar`
        (every case when it is empty): the ones to review when the court turns out closed."""
        return int(
            self._rows(
                "SELECT count(*) FROM deadlines d JOIN cases c ON c.id = d.case_id "
                "WHERE d.status = 'open' AND d.due_on = ? AND (? = '' OR c.calendar = ?)",
                (day.isoformat(), calendar, calendar),
            )[0][0]
        )

    # ------------------------------------------------------------------ what triggered what

    def triggered_deadlines(
        self,
        *,
        filing_id: int | None = None,
        hearing_id: int | None = None,
        open_only: bool = True,
    ) -> list[Deadline]:
        """The deadlines a docket entry or a hearing set, so a screen can say which ones a
        void or a change of hearing withdraws before it happens."""
        if (filing_id is None) == (hearing_id is None):
            raise ValueError("give exactly one of filing_id and hearing_id")
        column, value = (
            ("trigger_filing_id", filing_id)
            if filing_id is not None
            else ("trigger_hearing_id", hearing_id)
        )
        status = " AND status = 'open'" if open_only else ""
        rows = self._dicts(
            f"SELECT * FROM deadlines WHERE {column} = ?{status} ORDER BY due_on, id LIMIT ?",
            (value, PAGE_SIZE),
        )
        return [_deadline_from_row(row) for row in rows]


# ---------------------------------------------------------------------- row helpers


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _strip_meta(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in {"created_at", "updated_at"}}


def _case_from_row(row: dict[str, Any]) -> Case:
    data = {k: v for k, v in row.items() if k in Case.model_fields}
    data["court"] = row["court"] or None
    return Case.model_validate(data)


def _filing_from_row(row: dict[str, Any]) -> Filing:
    return Filing.model_validate(_strip_meta(row))


def _deadline_from_row(row: dict[str, Any]) -> Deadline:
    data = _strip_meta(row)
    data["computation"] = json.loads(row["computation"] or "[]")
    data["remind_days"] = json.loads(row["remind_days"] or "[]")
    return Deadline.model_validate(data)


def _status_from_row(row: dict[str, Any]) -> StatusChange:
    data = {k: v for k, v in row.items() if k != "created_at"}
    return StatusChange.model_validate(data)


def _hearing_values(hearing: Hearing) -> dict[str, Any]:
    values = hearing.model_dump(mode="json", exclude={"id", "case_id"})
    values["starts_utc"] = _utc_iso(hearing.starts_at)
    return values


def _hearing_from_row(row: dict[str, Any]) -> Hearing:
    data = {k: v for k, v in _strip_meta(row).items() if k != "starts_utc"}
    return Hearing.model_validate(data)
