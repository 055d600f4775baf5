"""The audit log as read back, and backups: what the store keeps so nothing is lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from db.base import StoreBase
from db.connection import create_private_file
from docket.errors import Refused
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
        """A consistent copy of the live database (SQLite's online backup), mode 0600."""
        target = Path(dest)
        if target.is_dir():
            stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
            target = target / f"docket-{stamp}.db"
        if target.exists():
            raise Refused(f"{target} exists; name a new file or a folder", field="dest")
        create_private_file(target)
        copy = sqlite3.connect(str(target))
        try:
            with self.lock:
                self.conn.backup(copy)
        finally:
            copy.close()
        return target
