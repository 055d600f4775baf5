"""The audit log as read back, and backups: what the store keeps so nothing is lost."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.base import StoreBase
from docket.errors import InputError, Refused

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
        backup, or on PostgreSQL every table copied as `docket migrate` copies it.

        The copy is written to a temporary file beside the destination and linked into place
        only when it is complete, so a full disk or a failed write leaves nothing behind for a
        retry to trip over; the link (not a rename) also refuses a file that appeared meanwhile.
        """
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
        if target.exists():
            raise Refused(f"{target} exists; name a new file or a folder", field="dest")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # mkstemp makes the file 0600: a copy of case files is as private as the original.
            # (tempfile brings shutil and lzma: loaded for a backup, not for every read.)
            import tempfile

            fd, name = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".part", dir=target.parent
            )
        except OSError as error:
            raise Refused(
                f"cannot write to {target.parent}: {_reason(error)}", field="dest"
            ) from None
        os.close(fd)
        temporary = Path(name)
        try:
            if self.dialect == "postgresql":
                from db.transfer import copy_into_file

                copy_into_file(self, temporary)
            else:
                copy = sqlite3.connect(str(temporary))
                try:
                    with self.lock:
                        self.conn.backup(copy)
                finally:
                    copy.close()
            _link_into_place(temporary, target)
        except (OSError, sqlite3.Error) as error:
            raise Refused(
                f"the backup to {target} failed ({_reason(error)}); nothing was left there",
                field="dest",
            ) from None
        finally:
            for leftover in (temporary, *_sidecars(temporary)):
                leftover.unlink(missing_ok=True)
        return target


def _link_into_place(temporary: Path, target: Path) -> None:
    """Give the finished copy its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise Refused(f"{target} exists; name a new file or a folder", field="dest") from None
    except OSError:
        # A file system without hard links: rename, after checking once more.
        if target.exists():
            raise Refused(f"{target} exists; name a new file or a folder", field="dest") from None
        os.replace(temporary, target)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm")]


def _reason(error: OSError | sqlite3.Error) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)
