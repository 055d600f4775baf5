"""Shared fixtures: a real database (a SQLite file in a temp dir, or a PostgreSQL database on
a server the tests start), and a fixed "today".

Every test that touches the store gets a fresh database; nothing is mocked. The store, action
and CLI tests (tests/db, tests/cli) run twice, once on each backend: `[sqlite]` and
`[postgresql]` in their ids. A test about SQLite's file itself (permissions, WAL, backups of
the file, a killed writer) is marked `sqlite_only` and runs once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from db.store import Store
from docket.clock import Clock
from tests.pg_server import PostgresCluster, start_cluster

# Property tests check what holds, not how fast: no deadline per example and no health check
# that times data generation, either of which fails a correct test on a busy machine.
settings.register_profile("docket", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("docket")

#: Seconds a test marked `slow` may take (others: the `timeout` in pyproject.toml). Such a test
#: starts several processes, and each one imports the app before it does anything.
SLOW_TIMEOUT = 300

#: The day tests live on, unless a test says otherwise: a Wednesday.
TODAY = date(2026, 11, 25)
REPO = Path(__file__).resolve().parent.parent
#: Real court documents the tests read, kept in the repository with their licence.
DATA = REPO / "tests" / "data"
PACER_SAMPLES = DATA / "pacer"
NEF_SAMPLES = DATA / "nef"


#: Folders whose tests run on both backends.
BOTH_BACKENDS = ("db", "cli", "tui")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_path" not in metafunc.fixturenames:
        return
    folder = Path(str(metafunc.definition.path)).parent.name
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    if folder not in BOTH_BACKENDS and not metafunc.definition.get_closest_marker("both_backends"):
        return
    metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "cli_env" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)  # it runs `docket` as a process, often several
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT))


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def clock() -> Clock:
    return Clock(TODAY)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test's store is on: SQLite unless the test runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    """One PostgreSQL server for the whole run, started on first use.

    Its data lives in a folder of its own, not under pytest's temporary folders: pytest
    removes old runs' folders when a new run starts, and another run on the machine would
    take the server's files from under it."""
    with tempfile.TemporaryDirectory(prefix="docket-postgres-") as folder:
        cluster = start_cluster(Path(folder) / "data")
        try:
            yield cluster
        finally:
            cluster.stop()


@pytest.fixture
def db_path(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Path]:
    """The test's database: a file path on SQLite, a `postgresql://` URL on PostgreSQL (typed
    as a path because most tests only hand it on: to `Store.open`, `--db` or `$DOCKET_DB`)."""
    if backend != "postgresql":
        yield tmp_path / "docket.db"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    url = cluster.new_database()
    yield url  # type: ignore[misc]
    cluster.drop_database(url)


@pytest.fixture
def store(db_path: Path, clock: Clock) -> Iterator[Store]:
    with Store.open(db_path, clock=clock, user="tester") as opened:
        yield opened


@pytest.fixture
def cli_env(db_path: Path) -> dict[str, str]:
    """Environment for running `python -m docket` as a subprocess on the test database."""
    env = dict(os.environ)
    env.update(
        DOCKET_DB=str(db_path),
        DOCKET_TODAY=TODAY.isoformat(),
        DOCKET_USER="tester",
        PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
        PYTHONIOENCODING="utf-8",
    )
    return env


PYTHON = sys.executable


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`docket ARGS` as a separate process, as a user or a script runs it."""
    return subprocess.run(
        [sys.executable, "-m", "docket", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def holds_nothing(target: Path | str) -> bool:
    """No docket was written at `target`: no file on SQLite, no case on PostgreSQL (whose
    database is there before any command runs)."""
    if isinstance(target, Path):
        return not target.exists()
    with Store.open(target) as store:
        return store.count_cases() == 0


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Path:
    """Point in-process `main()` calls at the test database and the fixed today."""
    monkeypatch.setenv("DOCKET_DB", str(db_path))
    monkeypatch.setenv("DOCKET_TODAY", TODAY.isoformat())
    monkeypatch.setenv("DOCKET_USER", "tester")
    return db_path
