"""End to end in a real terminal: tmux types each of the issue's flows into the installed
`docket` as one burst (every key in the terminal at once, as a fast typist's or a slow SSH
link's arrive), and the database, read back with the store, holds what was typed."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.tui.terminal import CASES_TITLE, FLOWS, Flow, Terminal, new_database, run_flow

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


@pytest.mark.slow
def test_f_keys_reach_docket_through_a_real_terminal(
    docket_program: list[str], tmp_path: Path
) -> None:
    """F2 / F3 / F4 switch places even from the search box, where `c` is a letter."""
    db = tmp_path / "docket.db"
    new_database(db)
    env = {"DOCKET_TODAY": "2026-11-25", "DOCKET_KEYMAP": str(tmp_path / "none.toml")}
    with Terminal([*docket_program, "--db", str(db)], env, cwd=tmp_path) as terminal:
        assert terminal.wait_for(CASES_TITLE), terminal.screen()
        terminal.send("s", "motion", "c")
        assert "motionc" in terminal.wait_until_still(1.0)
        terminal.send("F2")
        assert terminal.wait_until_still(1.0).splitlines()[0].startswith(" Cases ·")
        terminal.send("/", "smith", "F3")
        assert terminal.wait_until_still(1.0).splitlines()[0].startswith(" Agenda ·")
        terminal.send("F4")
        assert terminal.wait_until_still(1.0).splitlines()[0].startswith(" Search ·")
        terminal.quit()
