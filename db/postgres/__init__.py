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
