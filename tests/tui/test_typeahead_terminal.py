"""End to end in a real terminal: tmux types each of the issue's flows into the installed
`docket` as one burst (every key in the terminal at once, as a fast typist's or a slow SSH
link's arrive), and the database, read back with the store, holds what was typed."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.tui.terminal import FLOWS, Flow, run_flow

#: Escape and its question in one burst: the terminal hands over ESC and `y` in one read.
DROPPED = Flow(
    "a filing dropped with escape, y",
    ("Enter", "f", "Tab", "motion", "Escape", "y", "Escape"),
    (),
    FLOWS[0].saved,
)


@pytest.fixture(scope="module")
def docket_program() -> list[str]:
    """The installed console script; tmux to run it in (CI fails for want of it)."""
    if shutil.which("tmux") is None:
        missing = "tmux is not installed (.ci/run installs it: apt-get install -y tmux)"
        if os.environ.get("CI"):
            pytest.fail(missing, pytrace=False)
        pytest.skip(missing)
    program = Path(sys.executable).parent / "docket"
    if not program.exists():
        pytest.fail(f"the docket console script is not installed next to {sys.executable}")
    return [str(program)]


@pytest.mark.slow
@pytest.mark.parametrize("flow", [*FLOWS, DROPPED], ids=lambda flow: flow.name)
def test_a_burst_in_a_real_terminal_saves_what_was_typed(
    flow: Flow, docket_program: list[str], tmp_path: Path
) -> None:
    outcome = run_flow(flow, docket_program, tmp_path, env=None)
    assert outcome.saved == list(flow.expected), outcome.screen
    assert outcome.back_on_cases, outcome.screen
