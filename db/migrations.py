"""The schema, as sqlite-utils migrations applied every time a database is opened.

Table and column names are a contract: paralegals and their tools read the file with the
`sqlite3` shell and Datasette. Add a new migration for every change; never edit an applied one.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

from db.schema import CASE_FILTER_INDEX, MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


def run_script(db: Database, sql: str) -> None:
    """Run several statements inside the migration's transaction.

    sqlite-utils' `executescript` finds statement ends a character at a time, which made
    opening a new database cost more than importing a docket into it; a statement ends at
    the end of a line, so this asks SQLite line by line instead.
    """
    statement: list[str] = []
    for line in sql.splitlines(keepends=True):
        statement.append(line)
        text = "".join(statement)
        if sqlite3.complete_statement(text):
            db.conn.execute(text)
            statement = []
    rest = "".join(statement).strip()
    if rest:
        db.conn.execute(rest)


#: Tables whose text is indexed for full-text search, with the columns indexed.
FTS_COLUMNS: dict[str, list[str]] = {
    "cases": ["number", "title", "summary"],
    "filings": ["title", "description"],
    "parties": ["name"],
    "notes": ["text"],
}

#: Indexed later (m012): what a paralegal looks for on the calendar side of a case.
CALENDAR_FTS_COLUMNS: dict[str, list[str]] = {
    "deadlines": ["title", "rule", "citation"],
    "hearings": ["kind", "location", "outcome"],
}

#: Every table with a text index, and its indexed columns.
SEARCHED_COLUMNS: dict[str, list[str]] = FTS_COLUMNS | CALENDAR_FTS_COLUMNS


@migrations()
def m001_core_tables(db: Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL,
            court TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            stage TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0,
            disposition TEXT,
            opened_on TEXT,
            closed_on TEXT,
            judge TEXT,
            calendar TEXT NOT NULL DEFAULT 'US',
            follow_up_on TEXT,
            summary TEXT,
            stay_reason TEXT,
            stayed_on TEXT,
            stay_until TEXT,
            -- kept by the store after every write to the case's records:
            last_activity_on TEXT,
            next_deadline_on TEXT,
            next_hearing_at TEXT,
            -- the day the matter wants a look; 9999-12-31 when resolved or nothing is due
            attention_on TEXT NOT NULL DEFAULT '9999-12-31',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            UNIQUE (court, number)
        );
        CREATE INDEX cases_by_urgency ON cases (resolved, attention_on, id);
        CREATE INDEX cases_by_activity ON cases (resolved, last_activity_on, id);
        CREATE INDEX cases_by_number ON cases (number, id);
        CREATE INDEX cases_by_stage ON cases (kind, stage, id);

        CREATE TABLE parties (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'person',
            name_key TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX parties_by_key ON parties (name_key);

        CREATE TABLE case_parties (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            party_id INTEGER NOT NULL REFERENCES parties (id),
            role TEXT NOT NULL,
            raw_role TEXT,
            represents_id INTEGER REFERENCES case_parties (id),
            created_at TEXT NOT NULL,
            UNIQUE (case_id, party_id, role, represents_id)
        );
        CREATE INDEX case_parties_by_case ON case_parties (case_id, id);
        CREATE INDEX case_parties_by_party ON case_parties (party_id, case_id);

        CREATE TABLE filings (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            entry_no INTEGER NOT NULL,
            document_number TEXT,
            filed_on TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT,
            filed_by TEXT,
            served_on TEXT,
            service TEXT,
            document_ref TEXT,
            source TEXT NOT NULL DEFAULT 'manual',
            source_id TEXT,
            voided_at TEXT,
            void_reason TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (case_id, entry_no)
        );
        CREATE UNIQUE INDEX filings_by_source ON filings (case_id, source, source_id)
            WHERE source_id IS NOT NULL;
        CREATE INDEX filings_by_date ON filings (case_id, filed_on, entry_no);
        -- Docket entries are voided with a reason, never deleted.
        CREATE TRIGGER filings_are_never_deleted BEFORE DELETE ON filings
        BEGIN
            SELECT RAISE(ABORT, 'docket entries are voided, never deleted');
        END;

        CREATE TABLE hearings (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            starts_at TEXT NOT NULL,
            starts_utc TEXT NOT NULL,
            ends_at TEXT,
            kind TEXT NOT NULL,
            location TEXT,
            judge TEXT,
            status TEXT NOT NULL DEFAULT 'scheduled',
            outcome TEXT,
            continued_to TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX hearings_by_case ON hearings (case_id, status, starts_utc);
        CREATE INDEX hearings_by_time ON hearings (status, starts_utc);

        CREATE TABLE deadlines (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            due_on TEXT NOT NULL,
            title TEXT NOT NULL,
            rule TEXT,
            citation TEXT,
            trigger_filing_id INTEGER REFERENCES filings (id),
            trigger_hearing_id INTEGER REFERENCES hearings (id),
            computation TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'open',
            done_on TEXT,
            remind_days TEXT NOT NULL DEFAULT '[7, 3, 1]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX deadlines_by_due ON deadlines (status, due_on, id);
        CREATE INDEX deadlines_by_case ON deadlines (case_id, status, due_on);
        CREATE INDEX deadlines_by_filing ON deadlines (trigger_filing_id)
            WHERE trigger_filing_id IS NOT NULL;
        CREATE INDEX deadlines_by_hearing ON deadlines (trigger_hearing_id)
            WHERE trigger_hearing_id IS NOT NULL;

        CREATE TABLE status_changes (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            changed_on TEXT NOT NULL,
            event TEXT NOT NULL DEFAULT 'stage',
            from_stage TEXT,
            to_stage TEXT NOT NULL,
            disposition TEXT,
            note TEXT,
            source TEXT,
            created_by TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX status_changes_by_case ON status_changes (case_id, changed_on, id);

        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            noted_on TEXT NOT NULL,
            text TEXT NOT NULL,
            source TEXT,
            created_by TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX notes_by_case ON notes (case_id, noted_on, id);

        CREATE TABLE court_closures (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            calendar TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            UNIQUE (day, calendar)
        );

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            case_id INTEGER,
            before TEXT,
            after TEXT
        );
        CREATE INDEX audit_by_entity ON audit_log (entity, entity_id, id);
        CREATE INDEX audit_by_case ON audit_log (case_id, id);
        """,
    )


@migrations()
def m002_full_text_search(db: Database) -> None:
    """What sqlite-utils' `enable_fts(columns, create_triggers=True, tokenize="unicode61")`
    writes, statement for statement (its script splitter made this the slowest part of
    creating a database), except the update trigger: sqlite-utils' fires on any column, and
    the store updates a case's rollup columns on every write, which must not re-index its
    text each time."""
    for table, columns in FTS_COLUMNS.items():
        create_text_index(db, table, columns)


def create_text_index(db: Database, table: str, columns: list[str]) -> None:
    """An external-content FTS5 index over `columns` of `table`, filled from its rows, with
    the triggers that keep it in step (the update one only for the indexed columns)."""
    quoted = ", ".join(f'"{c}"' for c in columns)
    olds = ", ".join(f'old."{c}"' for c in columns)
    news = ", ".join(f'new."{c}"' for c in columns)
    fts = f'"{table}_fts"'
    run_script(
        db,
        f"""CREATE VIRTUAL TABLE {fts} USING FTS5 (
    {quoted},
    tokenize='unicode61',
    content="{table}"
)""",
    )
    run_script(
        db,
        f"""INSERT INTO {fts} (rowid, {quoted})
    SELECT rowid, {quoted} FROM "{table}";""",
    )
    run_script(
        db,
        f"""CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" BEGIN
  INSERT INTO {fts} (rowid, {quoted}) VALUES (new.rowid, {news});
END;
CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" BEGIN
  INSERT INTO {fts} ({fts}, rowid, {quoted}) VALUES('delete', old.rowid, {olds});
END;""",
    )
    run_script(
        db,
        f"""
        CREATE TRIGGER "{table}_au" AFTER UPDATE OF {quoted} ON "{table}" BEGIN
          INSERT INTO "{table}_fts" ("{table}_fts", rowid, {quoted})
            VALUES('delete', old.rowid, {olds});
          INSERT INTO "{table}_fts" (rowid, {quoted}) VALUES (new.rowid, {news});
        END;
        """,
    )


@migrations()
def m003_accent_and_order_blind_name_keys(db: Database) -> None:
    """Recompute the conflict-check keys, which now ignore accents and word order.

    A key stored under the older rule would never match its new form, so an existing
    `Hans Müller` would go unnoticed when `Muller, Hans` is added.
    """
    from docket.models import name_key

    rows = db.execute("SELECT id, name FROM parties").fetchall()
    db.conn.executemany(
        "UPDATE parties SET name_key = ? WHERE id = ?",
        [(name_key(name) or name.casefold(), party_id) for party_id, name in rows],
    )


@migrations()
def m004_database_identity(db: Database) -> None:
    """A random id for this database, so exported calendar UIDs from two databases differ."""
    import uuid

    db.execute("CREATE TABLE docket_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO docket_meta (key, value) VALUES ('database_id', ?)", [uuid.uuid4().hex])


@migrations()
def m005_entry_and_hearing_versions(db: Database) -> None:
    """A version on docket entries and hearings, as cases have: an edit made from a copy read
    before someone else's save is refused instead of silently writing their change back."""
    db.execute("ALTER TABLE filings ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE hearings ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


@migrations()
def m006_court_registry(db: Database) -> None:
    """Courts the user adds, and every stored court moved onto a registered id.

    Before the registry a case's court was whatever was typed: PACER ids (`NMD`), and names
    such as "First Judicial District (fictional division)" for New Mexico's state courts.
    Those that plainly name a registered court take its id and its holiday calendar; the rest
    stay as typed and are flagged until the case is edited.
    """
    from docket.courts import CourtRegistry, court_id_for_text

    db.execute(
        """
        CREATE TABLE courts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            system TEXT NOT NULL,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            tz TEXT NOT NULL,
            rules TEXT,
            holidays TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )
    registry = CourtRegistry()
    rows = db.execute("SELECT id, number, court, calendar FROM cases").fetchall()
    taken = {(court, number) for _, number, court, _ in rows}
    for case_id, number, court, calendar in rows:
        found = court_id_for_text(court or "", registry)
        if found is None or (found == court):
            if found is not None and calendar == "US":
                db.execute(
                    "UPDATE cases SET calendar = ? WHERE id = ?",
                    [registry.require(found).holidays, case_id],
                )
            continue
        if (found, number) in taken:
            continue  # two old spellings of one court with one number: leave it flagged
        taken.add((found, number))
        holidays = registry.require(found).holidays
        db.execute(
            "UPDATE cases SET court = ?, calendar = CASE WHEN calendar = 'US' THEN ? "
            "ELSE calendar END WHERE id = ?",
            [found, holidays, case_id],
        )


@migrations()
def m007_counsel_details(db: Database) -> None:
    """What PACER says of counsel and parties beyond their names: an attorney's firm and
    contact block, and the day a party or an attorney was terminated from the case."""
    for column in ("firm", "contact", "terminated_on"):
        db.execute(f"ALTER TABLE case_parties ADD COLUMN {column} TEXT")


@migrations()
def m008_deadline_met_by(db: Database) -> None:
    """The docket entry that met a deadline, so a satisfied deadline says which one did."""
    db.execute(
        "ALTER TABLE deadlines ADD COLUMN satisfied_by_filing_id INTEGER REFERENCES filings (id)"
    )


@migrations()
def m009_deadline_history(db: Database) -> None:
    """Each step of a deadline's life after it was set (met, withdrawn by a close or a void,
    reopened), with the status each step left, so a reopened matter gets back exactly the
    deadlines its close withdrew, a void puts a deadline back as it stood, and `deadline show`
    can tell the story. Deadlines met before this table existed
    get their `satisfied` step from `satisfied_by_filing_id`."""
    run_script(
        db,
        """
        CREATE TABLE deadline_history (
            id INTEGER PRIMARY KEY,
            deadline_id INTEGER NOT NULL REFERENCES deadlines (id),
            case_id INTEGER NOT NULL REFERENCES cases (id),
            happened_on TEXT NOT NULL,
            event TEXT NOT NULL,
            filing_id INTEGER REFERENCES filings (id),
            status_change_id INTEGER REFERENCES status_changes (id),
            detail TEXT,
            from_status TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX deadline_history_by_deadline ON deadline_history (deadline_id, id);
        INSERT INTO deadline_history
            (deadline_id, case_id, happened_on, event, filing_id, created_at)
            SELECT id, case_id, coalesce(done_on, substr(updated_at, 1, 10)), 'satisfied',
                   satisfied_by_filing_id, updated_at
            FROM deadlines WHERE status = 'satisfied' AND satisfied_by_filing_id IS NOT NULL;
        """,
    )


@migrations()
def m010_defendant_stages_and_renamed_stages(db: Database) -> None:
    """Each defendant's own stage and disposition; the day a source reported a status; and
    stored stages moved onto the lifecycles' current names.

    - `case_parties.stage`, `.disposition`, `.stage_on`: where one defendant of a case
      against several stands (empty: the defendant follows the case).
    - `status_changes.case_party_id`: the defendant a history row is about (empty: the case).
    - `status_changes.reported_on`: the date of the source that reported the change, which
      may differ from the day it took effect (`changed_on`) and from the day it was typed in
      (`created_at`).
    - Stages renamed in lifecycles.toml (an investigation's `open` is now `intake`) are
      renamed in the cases and in their history, each case's rename written to the audit
      log, so the history reads in today's names and still shows every step.

    The renames are written out here rather than read from lifecycles.toml, so this step does
    the same thing however that file changes later.
    """
    import json
    from datetime import UTC, datetime

    db.execute("ALTER TABLE case_parties ADD COLUMN stage TEXT")
    db.execute("ALTER TABLE case_parties ADD COLUMN disposition TEXT")
    db.execute("ALTER TABLE case_parties ADD COLUMN stage_on TEXT")
    db.execute(
        "ALTER TABLE status_changes ADD COLUMN case_party_id INTEGER REFERENCES case_parties (id)"
    )
    db.execute("ALTER TABLE status_changes ADD COLUMN reported_on TEXT")
    db.execute(
        "CREATE INDEX status_changes_by_party ON status_changes (case_party_id) "
        "WHERE case_party_id IS NOT NULL"
    )
    renames = {("investigation", "open"): "intake"}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for (kind, old), new in renames.items():
        rows = db.execute(
            "SELECT id, stage FROM cases WHERE kind = ? AND stage = ?", [kind, old]
        ).fetchall()
        for case_id, stage in rows:
            db.execute(
                "INSERT INTO audit_log (at, who, action, entity, entity_id, case_id, before, "
                "after) VALUES (?, 'migration', 'update', 'cases', ?, ?, ?, ?)",
                [
                    now,
                    case_id,
                    case_id,
                    json.dumps({"stage": stage}),
                    json.dumps({"stage": new, "why": "stage renamed in the lifecycle"}),
                ],
            )
        db.execute("UPDATE cases SET stage = ? WHERE kind = ? AND stage = ?", [new, kind, old])
        for column in ("from_stage", "to_stage"):
            db.execute(
                f"UPDATE status_changes SET {column} = ? WHERE {column} = ? "
                "AND case_id IN (SELECT id FROM cases WHERE kind = ?)",
                [new, old, kind],
            )


@migrations()
def m011_links_and_responsibility(db: Database) -> None:
    """Matters linked to one another, the people on the team, and who answers for what.

    A link is one row, stored from the side it was typed on (`case_id` is an appeal of
    `other_id`); a pair of matters has at most one, whichever way round. A matter's attorney
    and paralegal, and a deadline's assignee, point at `people`; the firm's matter and client
    numbers sit on the case.
    """
    run_script(
        db,
        """
        CREATE TABLE case_links (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            other_id INTEGER NOT NULL REFERENCES cases (id),
            relation TEXT NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL,
            CHECK (case_id <> other_id)
        );
        CREATE UNIQUE INDEX case_links_by_pair
            ON case_links (min(case_id, other_id), max(case_id, other_id));
        CREATE INDEX case_links_by_case ON case_links (case_id, other_id);
        CREATE INDEX case_links_by_other ON case_links (other_id, case_id);

        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            role TEXT NOT NULL,
            login TEXT,
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX people_by_key ON people (name_key);
        CREATE UNIQUE INDEX people_by_login ON people (login COLLATE NOCASE)
            WHERE login IS NOT NULL;

        ALTER TABLE cases ADD COLUMN attorney_id INTEGER REFERENCES people (id);
        ALTER TABLE cases ADD COLUMN paralegal_id INTEGER REFERENCES people (id);
        ALTER TABLE cases ADD COLUMN matter_no TEXT;
        ALTER TABLE cases ADD COLUMN client_no TEXT;
        CREATE INDEX cases_by_attorney ON cases (attorney_id) WHERE attorney_id IS NOT NULL;
        CREATE INDEX cases_by_paralegal ON cases (paralegal_id) WHERE paralegal_id IS NOT NULL;

        ALTER TABLE deadlines ADD COLUMN assignee_id INTEGER REFERENCES people (id);
        CREATE INDEX deadlines_by_assignee ON deadlines (assignee_id, status, due_on)
            WHERE assignee_id IS NOT NULL;
        """,
    )


@migrations()
def m012_search_deadlines_and_hearings(db: Database) -> None:
    """Deadlines and hearings join the text index: "motion" finds "Response to motion due"
    and a motion hearing, not only the motion itself."""
    for table, columns in CALENDAR_FTS_COLUMNS.items():
        create_text_index(db, table, columns)


#: The SQLite version that brought FTS5's trigram tokenizer.
TRIGRAM_SQLITE = (3, 34, 0)


@migrations()
def m013_case_filter_index(db: Database) -> None:
    """Indexes that answer the Cases list's filter without reading every case.

    The filter is a substring of the number or title (`LIKE '%x%'`), which no b-tree can seek:
    it walked the urgency index and read each case's row to test it, ~120 ms at 100,000 cases
    when few match. The urgency index now carries the number and title, so that walk tests
    each case on the index alone (a short or common filter), and a trigram index finds the
    cases holding a rarer one directly. An SQLite older than 3.34 has no trigram tokenizer:
    its databases keep the walk alone.
    """
    run_script(
        db,
        """
        DROP INDEX cases_by_urgency;
        CREATE INDEX cases_by_urgency ON cases (resolved, attention_on, id, number, title);
        """,
    )
    if sqlite3.sqlite_version_info < TRIGRAM_SQLITE:
        return
    fts = f'"{CASE_FILTER_INDEX}"'
    run_script(
        db,
        f"""
        CREATE VIRTUAL TABLE {fts} USING FTS5 (
            number, title, tokenize='trigram', content='cases'
        );
        INSERT INTO {fts} ({fts}) VALUES ('rebuild');
        CREATE TRIGGER "cases_filter_ai" AFTER INSERT ON cases BEGIN
          INSERT INTO {fts} (rowid, number, title) VALUES (new.rowid, new.number, new.title);
        END;
        CREATE TRIGGER "cases_filter_ad" AFTER DELETE ON cases BEGIN
          INSERT INTO {fts} ({fts}, rowid, number, title)
            VALUES ('delete', old.rowid, old.number, old.title);
        END;
        CREATE TRIGGER "cases_filter_au" AFTER UPDATE OF number, title ON cases BEGIN
          INSERT INTO {fts} ({fts}, rowid, number, title)
            VALUES ('delete', old.rowid, old.number, old.title);
          INSERT INTO {fts} (rowid, number, title) VALUES (new.rowid, new.number, new.title);
        END;
        """,
    )
