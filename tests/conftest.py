"""Shared fixtures: a real SQLite file in a temp dir, and a fixed "today".

Every test that touches the store gets a fresh database file; nothing is mocked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from db.store import Store
from docket.clock import Clock

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
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "docket.db"


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


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Path:
    """Point in-process `main()` calls at the test database and the fixed today."""
    monkeypatch.setenv("DOCKET_DB", str(db_path))
    monkeypatch.setenv("DOCKET_TODAY", TODAY.isoformat())
    monkeypatch.setenv("DOCKET_USER", "tester")
    return db_path
