"""Docket entries: numbered per case in order, edited, voided (never deleted), imported.

An entry of a trigger type sets deadlines; `docket.triggers` decides which and when, from the
case's kind and calendar, and this module writes them in the entry's own transaction.

The rule engine (`docket.triggers` and the rules, counting and calendar modules under it) is
imported by the methods that count, not when the store is opened: opening the store is on the
path of every command and of the TUI's first paint, and most of them never count a deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from db.closures import ClosureStore
from db.deadlines import DeadlineStore
from db.mapping import filing_from_row, json_text
from db.rows import PAGE_SIZE
from docket.errors import InputError, NotFound

if TYPE_CHECKING:
    from docket.models import Case, Deadline, Filing
    from docket.rules import CourtRules


@dataclass(frozen=True)
class FilingEdit:
    """What `edit_filing` did: the entry as it was just before, as saved, and the deadlines
    its new date or service recounted."""

    before: Filing
    saved: Filing
    recomputed: list[Deadline]

    @property
    def changed(self) -> list[str]:
        """The fields whose value this edit changed."""
        from docket.models import Filing

        return [
            name
            for name in Filing.model_fields
            if name not in ("version",) and getattr(self.before, name) != getattr(self.saved, name)
        ]


class FilingStore(DeadlineStore, ClosureStore):
    def add_filing(self, case_id: int, filing: Filing) -> tuple[Filing, list[Deadline]]:
        """Enter a docket entry; its entry number is the case's next, assigned in the same
        statement that inserts it. Returns the entry and the deadlines its rules created."""
        with self.write():
            case = self.get_case(case_id)
            saved = self._insert_filing(case_id, filing, keep_void=False)
            created = self._set_deadlines(case, saved)
            self.refresh_rollups(case_id)
        return saved, created

    def import_filing(
        self,
        case_id: int,
        filing: Filing,
        *,
        deadlines_due_from: date | None = None,
    ) -> tuple[Filing, list[Deadline]]:
        """Insert an imported docket entry with the case's next entry number.

        Unlike `add_filing`, an imported entry creates rule deadlines only when
        `deadlines_due_from` is given, and those due before that day are recorded as past at
        import (`lapsed`), not open: a docket saved years after the fact must not flood the
        agenda with long-past overdue deadlines, nor lose them without a word.
        `voided_at`/`void_reason` are kept (a JSON import restores voided entries). Rollups
        are left to the caller, which refreshes them once after the whole import.
        """
        return self.import_filings(case_id, [filing], deadlines_due_from=deadlines_due_from)[0]

    def import_filings(
        self, case_id: int, filings: list[Filing], *, deadlines_due_from: date | None = None
    ) -> list[tuple[Filing, list[Deadline]]]:
        """Insert imported entries at the end of the docket, in order, in one write: each
        stored entry with the deadlines it set (see `import_filing` for which).

        A docket page brings in hundreds of entries at once: this writes them with one
        statement, reads them back with one query and audits them with one more, so an
        import costs little beyond reading the page.
        """
        if not filings:
            return []
        with self.write():
            first = int(
                self.query_rows(
                    "SELECT coalesce(max(entry_no), 0) + 1 FROM filings WHERE case_id = ?",
                    (case_id,),
                )[0][0]
            )
            now = self.timestamp()
            exclude = {"id", "case_id", "entry_no"}
            rows = [filing.model_dump(mode="json", exclude=exclude) for filing in filings]
            columns = ["case_id", "entry_no", *rows[0], "created_at", "updated_at"]
            self.conn.executemany(
                f"INSERT INTO filings ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                [
                    (case_id, first + offset, *row.values(), now, now)
                    for offset, row in enumerate(rows)
                ],
            )
            stored = self.query_dicts(
                "SELECT * FROM filings WHERE case_id = ? AND entry_no >= ? ORDER BY entry_no",
                (case_id, first),
            )
            self.conn.executemany(
                "INSERT INTO audit_log (at, who, action, entity, entity_id, case_id, after) "
                "VALUES (?, ?, 'insert', 'filings', ?, ?, ?)",
                [(now, self.user, row["id"], case_id, json_text(row)) for row in stored],
            )
            saved = [filing_from_row(row) for row in stored]
            if deadlines_due_from is None:
                return [(filing, []) for filing in saved]
            case = self.get_case(case_id)
            court_rules = self.rules_for(case)  # once for the whole import, not per entry
            return [
                (
                    filing,
                    self._set_deadlines(
                        case, filing, due_from=deadlines_due_from, court_rules=court_rules
                    ),
                )
                for filing in saved
            ]

    def _set_deadlines(
        self,
        case: Case,
        filing: Filing,
        *,
        due_from: date | None = None,
        court_rules: CourtRules | None = None,
    ) -> list[Deadline]:
        from docket import triggers

        assert case.id is not None
        met = self.satisfy_deadlines(case.id, filing) if filing.voided_at is None else []
        court_rules = court_rules or self.rules_for(case)
        rules = triggers.filing_rules(
            filing,
            case.kind,
            court_rules.rule_set.id,
            united_states_party=court_rules.united_states_party,
        )
        if not rules:
            return []
        deadlines = triggers.filing_deadlines(
            filing, rules, court_rules, due_from=due_from, replaced=met
        )
        return [self.insert_deadline(case.id, deadline) for deadline in deadlines]

    def _insert_filing(self, case_id: int, filing: Filing, *, keep_void: bool) -> Filing:
        """Insert with the case's next entry number, computed inside the INSERT itself so two
        writers can never take the same number."""
        exclude = {"id", "case_id", "entry_no", "version"}
        if not keep_void:
            exclude |= {"voided_at", "void_reason"}
        values = filing.model_dump(mode="json", exclude=exclude)
        now = self.timestamp()
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
        row = self.row_by_id("filings", filing_id)
        self.record_audit("insert", "filings", filing_id, case_id=case_id, after=row)
        return filing_from_row(row)

    def get_filing(self, filing_id: int) -> Filing:
        return filing_from_row(self.row_by_id("filings", filing_id))

    def filing_by_entry(self, case_id: int, entry_no: int) -> Filing:
        rows = self.query_dicts(
            "SELECT * FROM filings WHERE case_id = ? AND entry_no = ?", (case_id, entry_no)
        )
        if not rows:
            raise NotFound(f"no docket entry {entry_no} in this case", field="entry_no")
        return filing_from_row(rows[0])

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
        rows = self.query_dicts(
            f"SELECT * FROM filings WHERE case_id = ? AND entry_no > ?{voided} "
            "ORDER BY entry_no LIMIT ?",
            (case_id, after_entry, limit),
        )
        return [filing_from_row(row) for row in rows]

    def all_filings(self, case_id: int, *, include_voided: bool = True) -> Iterator[Filing]:
        """The whole docket in entry order, a page at a time (for sheets, exports, `case show`)."""
        after = 0
        while page := self.filings(case_id, after_entry=after, include_voided=include_voided):
            yield from page
            after = page[-1].entry_no or 0

    def has_filings(self, case_id: int) -> bool:
        """Whether the case has any docket entry: one index probe, however long its docket."""
        return bool(self.query_rows("SELECT 1 FROM filings WHERE case_id = ? LIMIT 1", (case_id,)))

    def count_filings(self, case_id: int) -> int:
        return int(
            self.query_rows("SELECT count(*) FROM filings WHERE case_id = ?", (case_id,))[0][0]
        )

    def update_filing(self, filing: Filing) -> tuple[Filing, list[Deadline]]:
        """Save edits to an entry; a changed date or service recomputes the deadlines it set.

        `filing` is a whole copy, written back field by field, so it is refused (`StaleRecord`
        naming what changed) when someone saved the entry after the copy was read: writing
        it would undo their change. `edit_filing` changes named fields without that risk.
        """
        from docket import triggers
        from docket.models import Filing

        # model_copy(update=...) skips validation: check what is about to be saved.
        filing = Filing.model_validate(dict(filing))
        if filing.id is None:
            raise NotFound("the filing has not been saved yet", field="id")
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
                "version",
            },
        )
        with self.write():
            current = self.get_filing(filing.id)
            current.refuse_if_voided()
            assert current.case_id is not None
            self.refuse_if_stale(
                "filings",
                filing.id,
                read_version=filing.version,
                saved_version=current.version,
                what=f"entry {current.entry_no}",
            )
            values["updated_at"] = self.timestamp()
            saved = filing_from_row(
                self.update(
                    "filings", filing.id, values, case_id=current.case_id, bump_version=True
                )
            )
            recomputed: list[Deadline] = []
            if triggers.filing_change(current, saved) == triggers.TriggerChange.RECOUNT:
                case = self.get_case(current.case_id)
                plan = triggers.recount_filing_deadlines(
                    saved,
                    case.kind,
                    self.rules_for(case),
                    self.deadlines_set_by(filing_id=filing.id),
                    self.deadlines_met_by(filing.id),
                )
                recomputed = self.apply_deadline_plan(current.case_id, plan)
            self.refresh_rollups(current.case_id)
        return saved, recomputed

    def edit_filing(self, case_id: int, entry_no: int, changes: dict[str, Any]) -> FilingEdit:
        """Change only the named fields of an entry, reading it in the same transaction that
        writes it: two people editing different fields of one entry at once both keep
        their change (a field-by-field merge), where saving whole copies would lose one."""
        from docket.models import Filing

        with self.write():
            current = self.filing_by_entry(case_id, entry_no)
            current.refuse_if_voided()
            edited = Filing.model_validate({**current.model_dump(), **changes})
            saved, recomputed = self.update_filing(edited)
        return FilingEdit(current, saved, recomputed)

    def void_filing(self, case_id: int, entry_no: int, reason: str) -> Filing:
        """Void an entry (never delete it); deadlines it set are withdrawn, kept in history,
        and deadlines it met are open again (`deadlines_met_by`, read first, names them)."""
        from docket import triggers
        from docket.models import DeadlineEvent

        reason = reason.strip()
        if not reason:
            raise InputError("void_reason", "a void needs a reason", "entered twice")
        with self.write():
            filing = self.filing_by_entry(case_id, entry_no)
            filing.refuse_if_voided(voiding=True)
            assert filing.id is not None
            voided = filing_from_row(
                self.update(
                    "filings",
                    filing.id,
                    {
                        "voided_at": self.timestamp(),
                        "void_reason": reason,
                        "updated_at": self.timestamp(),
                    },
                    case_id=case_id,
                    action="void",
                    bump_version=True,
                )
            )
            if triggers.filing_change(filing, voided) == triggers.TriggerChange.WITHDRAW:
                plan = triggers.withdraw_open_deadlines(self.deadlines_set_by(filing_id=filing.id))
                for withdrawn in self.apply_deadline_plan(case_id, plan):
                    assert withdrawn.id is not None
                    self.record_deadline_event(
                        withdrawn.id,
                        case_id,
                        DeadlineEvent.WITHDRAWN,
                        self.clock.today(),
                        filing_id=filing.id,
                        detail=f"entry {filing.entry_no} that set it voided",
                    )
            self.unmeet_deadlines(case_id, voided)
            self.refresh_rollups(case_id)
            return voided
