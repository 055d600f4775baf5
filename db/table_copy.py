"""One table's rows copied from one docket database into another: read a page at a time in
id order (keyset paging, so no table is ever held in memory), written in batches, and on a
merge renumbered, with every reference following its row. `db.transfer` runs it for every
table in one transaction and holds the rules around it (an empty target, counts that agree).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.base import StoreBase
from docket.errors import Refused


@dataclass(frozen=True)
class TableSpec:
    """One docket table as a copy sees it."""

    name: str
    rows_are: str
    """What its rows are to a person, for messages: "docket entries", "audit log rows"."""
    references: Mapping[str, str] = field(default_factory=dict)
    """Column -> the table whose id it holds (what a merge renumbers)."""
    integer_id: bool = True
    """Rows are keyed by an integer `id` (the courts registry is keyed by its court id)."""


#: Every docket table, each after the tables it refers to.
TABLES: tuple[TableSpec, ...] = (
    TableSpec("people", "people"),
    TableSpec("courts", "courts", integer_id=False),
    TableSpec("cases", "cases", {"attorney_id": "people", "paralegal_id": "people"}),
    TableSpec("parties", "parties"),
    TableSpec(
        "case_parties",
        "parties on cases",
        {"case_id": "cases", "party_id": "parties", "represents_id": "case_parties"},
    ),
    TableSpec("filings", "docket entries", {"case_id": "cases"}),
    TableSpec("hearings", "hearings", {"case_id": "cases"}),
    TableSpec(
        "deadlines",
        "deadlines",
        {
            "case_id": "cases",
            "trigger_filing_id": "filings",
            "trigger_hearing_id": "hearings",
            "satisfied_by_filing_id": "filings",
            "assignee_id": "people",
        },
    ),
    TableSpec(
        "status_changes", "status changes", {"case_id": "cases", "case_party_id": "case_parties"}
    ),
    TableSpec("notes", "notes", {"case_id": "cases"}),
    TableSpec("court_closures", "court closures"),
    TableSpec(
        "deadline_history",
        "deadline history rows",
        {
            "deadline_id": "deadlines",
            "case_id": "cases",
            "filing_id": "filings",
            "status_change_id": "status_changes",
        },
    ),
    TableSpec("case_links", "case links", {"case_id": "cases", "other_id": "cases"}),
    TableSpec("audit_log", "audit log rows", {"case_id": "cases"}),
)


@dataclass
class CopiedTable:
    """One table's counts as the copy goes."""

    table: str
    source_rows: int
    before: int
    """Rows in the target's table before the copy."""
    added: int = 0
    matched: int = 0


class IdMap:
    """Source id -> target id for one table's rows, in two compact arrays.

    Rows are read in id order, so the source ids arrive sorted and a lookup is a binary
    search: a merge of a million rows holds sixteen bytes a row, not a dict's hundred.
    """

    def __init__(self) -> None:
        self._old: array[int] = array("q")
        self._new: array[int] = array("q")

    def add(self, old: int, new: int) -> None:
        self._old.append(old)
        self._new.append(new)

    def get(self, old: int) -> int | None:
        at = bisect_left(self._old, old)
        if at < len(self._old) and self._old[at] == old:
            return self._new[at]
        return None


class TableCopier:
    """Copies one table at a time, keeping the id maps a merge renumbers references by."""

    def __init__(self, source: StoreBase, target: StoreBase, *, merge: bool, batch_rows: int):
        self.source = source
        self.target = target
        self.merge = merge
        self.batch_rows = batch_rows
        self.maps: dict[str, IdMap] = {}

    def copy(self, spec: TableSpec) -> CopiedTable:
        theirs = set(column_names(self.target, spec.name))
        columns = [name for name in column_names(self.source, spec.name) if name in theirs]
        key = columns.index("id")
        references = [
            (columns.index(column), table)
            for column, table in spec.references.items()
            if column in columns
        ]
        entity = columns.index("entity_id") if spec.name == "audit_log" else None
        renumbered = self.merge and spec.integer_id
        id_map = IdMap() if renumbered and spec.name != "audit_log" else None
        insert = insert_sql(spec.name, columns)
        copied = CopiedTable(
            spec.name, count_rows(self.source, spec.name), count_rows(self.target, spec.name)
        )
        late: list[tuple[int, str, int]] = []  # (target id, column, source id it refers to)
        for page in pages(self.source, spec.name, columns, key, self.batch_rows):
            existing = self._existing(spec, columns, page) if self.merge else {}
            new_ids = iter(self._new_ids(spec, len(page) - len(existing)) if renumbered else ())
            rows: list[list[Any]] = []
            for row in page:
                old_id = row[key]
                if old_id in existing:
                    copied.matched += 1
                    if id_map is not None:
                        id_map.add(old_id, existing[old_id])
                    continue
                values = list(row)
                if renumbered:
                    values[key] = next(new_ids)
                if id_map is not None:
                    id_map.add(old_id, values[key])
                for index, table in references:
                    old = values[index]
                    if old is None:
                        continue
                    if table == spec.name and old >= old_id:
                        # A row further on (counsel listed before the client they act for):
                        # written empty now, filled in once that row is there.
                        late.append((values[key], columns[index], old))
                        values[index] = None
                    elif self.merge:
                        known = id_map if table == spec.name else self.maps.get(table)
                        values[index] = self._target_id(spec, known, table, old, old_id)
                if entity is not None and self.merge:
                    values[entity] = self._entity_id(values, columns, entity)
                rows.append(values)
            if rows:
                self.target.conn.executemany(insert, rows)
                copied.added += len(rows)
        if late:
            self._fill_late_references(spec, late, id_map)
        if id_map is not None:
            self.maps[spec.name] = id_map
        return copied

    def _new_ids(self, spec: TableSpec, count: int) -> list[int]:
        """Ids for `count` new rows, as the target gives them: from its sequence on
        PostgreSQL; on SQLite, the next after the largest, which is what SQLite gives."""
        if count == 0:
            return []
        if self.target.dialect == "postgresql":
            rows = self.target.query_rows(
                "SELECT nextval(pg_get_serial_sequence(?, 'id')) "
                "FROM generate_series(1, CAST(? AS integer))",
                (spec.name, count),
            )
            return sorted(int(row[0]) for row in rows)
        top = int(self.target.query_rows(f"SELECT coalesce(max(id), 0) FROM {spec.name}")[0][0])
        return list(range(top + 1, top + 1 + count))

    def _same_by_key(
        self,
        table: str,
        first: str,
        second: str,
        page: Sequence[Sequence[Any]],
        at: dict[str, int],
    ) -> dict[Any, Any]:
        """Source id -> the target's id, for rows of `page` whose (`first`, `second`) the
        target already holds (a party's name and kind, a closure's day and calendar)."""
        values = sorted({row[at[first]] for row in page})
        known = {
            (a, b): row_id
            for a, b, row_id in self.target.query_rows(
                f"SELECT {first}, {second}, min(id) FROM {table} "
                f"WHERE {first} IN ({marks(len(values))}) GROUP BY {first}, {second}",
                values,
            )
        }
        return {
            row[at["id"]]: int(known[key])
            for row in page
            if (key := (row[at[first]], row[at[second]])) in known
        }

    def _existing(
        self, spec: TableSpec, columns: list[str], page: Sequence[Sequence[Any]]
    ) -> dict[Any, Any]:
        """Source id -> the target's id, for the rows of `page` the target already has."""
        at = {name: index for index, name in enumerate(columns)}
        found: dict[Any, Any] = {}
        if spec.name == "people":
            for row in page:
                match = self.target.query_rows(
                    "SELECT id FROM people WHERE name_key = ?", (row[at["name_key"]],)
                )
                login = row[at["login"]] if "login" in at else None
                if not match and login is not None:
                    match = self.target.query_rows(
                        "SELECT id FROM people WHERE lower(login) = lower(?)", (login,)
                    )
                if match:
                    found[row[at["id"]]] = int(match[0][0])
        elif spec.name == "parties":
            found = self._same_by_key("parties", "name", "kind", page, at)
        elif spec.name == "courts":
            ids = [row[at["id"]] for row in page]
            for (court_id,) in self.target.query_rows(
                f"SELECT id FROM courts WHERE id IN ({marks(len(ids))})", ids
            ):
                found[court_id] = court_id
        elif spec.name == "court_closures":
            found = self._same_by_key("court_closures", "day", "calendar", page, at)
        return found

    def _target_id(
        self, spec: TableSpec, known: IdMap | None, table: str, old: int, row_id: int
    ) -> int | None:
        new = None if known is None else known.get(old)
        if new is None:
            if spec.name == "audit_log":
                return None  # the log names a case no longer there: no link to follow
            raise Refused(
                f"{spec.name} #{row_id} in {self.source.where} refers to {table} #{old}, "
                "which is not there; nothing was merged",
                field="source",
            )
        return new

    def _entity_id(self, values: list[Any], columns: list[str], entity: int) -> Any:
        """An audit row's record, renumbered as its table was; None where the record is gone
        or its table has no integer ids (a court)."""
        old = values[entity]
        id_map = self.maps.get(values[columns.index("entity")])
        if old is None or id_map is None:
            return None
        return id_map.get(old)

    def _fill_late_references(
        self, spec: TableSpec, late: list[tuple[int, str, int]], id_map: IdMap | None
    ) -> None:
        updates: dict[str, list[tuple[Any, Any]]] = {}
        for row_id, column, old in late:
            new = id_map.get(old) if id_map is not None else old
            if new is None:
                raise Refused(
                    f"{spec.name} refers by {column} to {spec.name} #{old}, which is not in "
                    f"{self.source.where}; nothing was copied",
                    field="source",
                )
            updates.setdefault(column, []).append((new, row_id))
        for column, rows in updates.items():
            self.target.conn.executemany(
                f'UPDATE {spec.name} SET "{column}" = ? WHERE id = ?', rows
            )


def pages(
    store: StoreBase, table: str, columns: list[str], key: int, size: int
) -> Iterator[list[tuple[Any, ...]]]:
    """The table's rows in id order, `size` at a time, each page read after the last id of
    the one before (keyset paging: every page costs the same, however far in)."""
    listed = ", ".join(f'"{name}"' for name in columns)
    rows = store.conn.execute(
        f"SELECT {listed} FROM {table} ORDER BY id LIMIT ?", (size,)
    ).fetchall()
    while rows:
        yield rows
        if len(rows) < size:
            return
        rows = store.conn.execute(
            f"SELECT {listed} FROM {table} WHERE id > ? ORDER BY id LIMIT ?",
            (rows[-1][key], size),
        ).fetchall()


def insert_sql(table: str, columns: list[str]) -> str:
    listed = ", ".join(f'"{name}"' for name in columns)
    return f"INSERT INTO {table} ({listed}) VALUES ({marks(len(columns))})"


def marks(count: int) -> str:
    return ", ".join("?" for _ in range(max(count, 1)))


def column_names(store: StoreBase, table: str) -> list[str]:
    cursor = store.conn.execute(f"SELECT * FROM {table} LIMIT 0")
    return [column[0] for column in cursor.description]


def count_rows(store: StoreBase, table: str) -> int:
    return int(store.query_rows(f"SELECT count(*) FROM {table}")[0][0])
