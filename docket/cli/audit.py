"""`docket audit`: who changed what, newest first, from the store's audit log."""

from __future__ import annotations

import argparse
from typing import Any

from docket.cli.arguments import Subparsers, add_court, add_json, command, non_negative
from docket.cli.context import Context
from docket.cli.output import print_json, say
from docket.errors import InputError

#: Columns the store maintains itself; an edit that only touches these is not shown as a diff.
_AUDIT_QUIET = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "version",
        "last_activity_on",
        "next_deadline_on",
        "next_hearing_at",
        "attention_on",
        "starts_utc",
    }
)


#: Fields an insert's one-line summary leaves out (the JSON output keeps them).
_AUDIT_INSERT_SKIP = frozenset({"case_id", "computation", "remind_days", "created_by", "name_key"})


def _audit_changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, Any]:
    """Field → [before, after] for what a write changed (every set field for an insert)."""
    old = before or {}
    new = after or {}
    changes: dict[str, Any] = {}
    for field in list(old) + [f for f in new if f not in old]:
        if field in _AUDIT_QUIET:
            continue
        was, now = old.get(field), new.get(field)
        if was != now:
            changes[field] = [was, now]
    return changes


def _short(value: Any, width: int = 40) -> str:
    text = "-" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_audit(args: argparse.Namespace, ctx: Context) -> int:
    limit = non_negative(args.limit, "--limit", "--limit 50", "entries")
    if limit == 0:
        raise InputError("--limit", "must be at least 1", "--limit 50")
    case_id = None
    if args.number is not None:
        _case, case_id = ctx.case_id(args.number)
    entries = ctx.store.audit_log(case_id=case_id, limit=limit)
    if args.json:
        print_json(
            [
                {
                    # The role is there only on PostgreSQL; SQLite's output is as it was.
                    **entry.model_dump(
                        mode="json", exclude={"db_role"} if entry.db_role is None else None
                    ),
                    "changes": _audit_changes(entry.before, entry.after),
                }
                for entry in entries
            ]
        )
        return 0
    for entry in entries:
        changes = _audit_changes(entry.before, entry.after)
        what = f"{entry.entity} #{entry.entity_id}" if entry.entity_id is not None else entry.entity
        who = entry.who if entry.db_role is None else f"{entry.who} (role {entry.db_role})"
        say(f"  {entry.at}  {who:<12} {entry.action:<7} {what}")
        if entry.before is None:
            shown = [
                f"{f}={_short(v[1])}"
                for f, v in changes.items()
                if v[1] is not None and f not in _AUDIT_INSERT_SKIP
            ]
        else:
            shown = [f"{f}: {_short(v[0])} -> {_short(v[1])}" for f, v in changes.items()]
        if shown:
            say("      " + "; ".join(shown))
    if not entries:
        say("  No changes recorded")
    return 0


def register(sub: Subparsers) -> None:
    audit = command(sub, "audit", cmd_audit, "who changed what, newest first", numbered=False)
    audit.add_argument(
        "number", metavar="NUMBER", nargs="?", help="one case's changes (default: every case)"
    )
    add_court(audit)
    audit.add_argument(
        "--limit", default="50", metavar="N", help="show at most N changes (default: 50)"
    )
    add_json(audit, "each change with its before, after and changed fields")
