"""What the schema is called, readable without loading the migrations that build it.

Opening a database that is up to date only has to see that every migration is applied; the
migrations themselves (and sqlite-utils, which runs them) are loaded only when one is not.
"""

from __future__ import annotations

import sqlite3

#: The migration set's name in `_sqlite_migrations`.
MIGRATION_SET = "docket"

#: Every migration in `db/migrations.py`, in order (a test checks that the two agree).
MIGRATION_NAMES = (
    "m001_core_tables",
    "m002_full_text_search",
    "m003_accent_and_order_blind_name_keys",
    "m004_database_identity",
    "m005_entry_and_hearing_versions",
    "m006_court_registry",
    "m007_counsel_details",
    "m008_deadline_met_by",
    "m009_deadline_history",
    "m010_defendant_stages_and_renamed_stages",
    "m011_links_and_responsibility",
    "m012_search_deadlines_and_hearings",
    "m013_case_filter_index",
)

#: The trigram index the Cases list's filter reads: any three characters or more of a case's
#: number or title find it in milliseconds, however few cases match.
CASE_FILTER_INDEX = "cases_filter_fts"


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """The migrations not yet applied to the database on `conn`, in order."""
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if known is None:
        return list(MIGRATION_NAMES)
    applied = {
        str(name)
        for (name,) in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
        )
    }
    return [name for name in MIGRATION_NAMES if name not in applied]
