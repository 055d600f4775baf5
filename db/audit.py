"""The audit log as read back, and backups: what the store keeps so nothing is lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.base import StoreBase
from db.new_file import write_new_file
from docket.errors import InputError

if TYPE_CHECKING:
    from docket.models import AuditEntry


class AuditStore(StoreBase):
    def audit_log(
        self,
        *,
        entity: str | None = None,
        entity_id: int | None = None,
        case_id: int | None = None,
        limit: int = 200,
    ) -> list[AuditEntry]:
        """The latest audit rows first, narrowed to an entity, a record or a case."""
        from docket.models import AuditEntry

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
        rows = self.query_dicts(
            f"SELECT * FROM audit_log {where} ORDER BY id DESC LIMIT ?", (*params, limit)
        )
        for row in rows:
            row.pop("case_id", None)
            for key in ("before", "after"):
                row[key] = None if row[key] is None else json.loads(row[key])
        return [AuditEntry.model_validate(row) for row in rows]

    def backup(self, dest: Path | str) -> Path:
        """A consistent copy of the live database as a SQLite file, mode 0600: SQLite's online
        backup, or on PostgreSQL every table copied as `docket migrate` copies it. The file is
        whole or absent (`db.new_file`)."""
        if str(dest).startswith(("postgresql:/", "postgres:/")):
            # (a path folds the URL's `//`): a backup is a file, never another database
            raise InputError(
                "dest",
                "a backup is a SQLite file, not a database at a URL; name a new file or a folder",
                "~/docket-backups/",
            )
        target = Path(dest)
        if target.is_dir():
            stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
            target = target / f"docket-{stamp}.db"
        write_new_file(
            target,
            self._copy_into,
            what="backup",
            field="dest",
            taken=f"{target} exists; name a new file or a folder",
        )
        return target

    def _copy_into(self, path: Path) -> None:
        """This database, copied whole into the new SQLite file at `path`."""
        if self.dialect == "postgresql":
            from db.transfer import copy_into_file

            copy_into_file(self, path)
            return
        copy = sqlite3.connect(str(path))
        try:
            with self.lock:
                self.conn.backup(copy)
        finally:
            copy.close()
