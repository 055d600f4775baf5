"""The PostgreSQL backend: the same store over one database a whole firm shares.

The store's modules write their SQL once, in SQLite's dialect (the embedded default), and talk
to a DB-API connection. `connection.PgConnection` is such a connection over psycopg 3: it
rewrites each statement into PostgreSQL's dialect once (`sql.translate`, cached), and raises
the same DB-API errors the store already handles. What no rewrite can express (full-text
search, the Cases filter, the schema itself) is written for PostgreSQL where it is used,
behind `StoreBase.dialect`.

psycopg is imported only here and only when a `postgresql://` target is opened, so one
person's SQLite docket needs neither the package nor its import time.
"""

#: The channel every write transaction notifies and every open app's change feed listens on.
CHANNEL = "docket_changes"


def is_postgres_url(target: object) -> bool:
    """Whether `target` (a path or a URL, as `--db` and `$DOCKET_DB` give it) names a
    PostgreSQL database: the one test the CLI and the store both ask."""
    return str(target).startswith(("postgresql://", "postgres://"))
