"""Type-ahead in a real terminal: how many keys go astray when each of the issue's four flows
(a filing; two filings with ctrl+n; a deadline; a note) is typed into docket faster than its
screens open, before (a git ref, `main` by default) and after (this tree).

    python bench/bench_typeahead.py                  # main against this tree
    python bench/bench_typeahead.py --ref HEAD~3     # another ref as "before"
    python bench/bench_typeahead.py --pace 0         # bursts only (default: 0 and 0.1 s)

tmux runs the program on a fresh database per flow (tests/tui/terminal.py, shared with the
end-to-end test); once the Cases list shows, the flow's keys go in as one `send-keys` (pace 0:
every key in the terminal at once) or one key every PACE seconds. When the screen has been
still for 2 s the program is quit and the database read with this tree's store. "Before" is the
ref's source (`git archive`) run by this virtualenv's Python (`python -m docket`); the database
schema is the same. A flow's keys astray are the characters saved wrong or not at all (edit
distance between what was typed and what the database holds) plus one if it did not end back
on the Cases list. Prints figures; asserts nothing. Needs tmux.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.tui.terminal import FLOWS, Outcome, run_flow  # noqa: E402


def source_of(ref: str, folder: Path) -> Path:
    """The ref's tree, unpacked into `folder`."""
    tree = folder / "source"
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def which_tui(command: list[str], env: dict[str, str]) -> str:
    """Where the program's `tui` comes from, to show which tree each run measures."""
    done = subprocess.run(
        [command[0], *command[1:-2], "-c", "import tui.app; print(tui.app.__file__)"]
        if command[-2:] == ["-m", "docket"]
        else [sys.executable, "-c", "import tui.app; print(tui.app.__file__)"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=tempfile.gettempdir(),
        check=True,
    )
    return done.stdout.strip()


def describe(outcome: Outcome) -> str:
    if outcome.right:
        return "0"
    saved = "; ".join(outcome.saved) or "nothing"
    back = "" if outcome.back_on_cases else ", not back on Cases"
    return f"{outcome.keys_astray} (saved: {saved}{back})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="the git ref measured as before")
    parser.add_argument(
        "--pace", default="0,0.1", help="seconds between keys, comma-separated (0: one burst)"
    )
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed: apt-get install tmux")
    paces = [float(p) for p in args.pace.split(",")]
    program = Path(sys.executable).parent / "docket"
    with tempfile.TemporaryDirectory(prefix="bench-typeahead-") as temp:
        folder = Path(temp)
        # -S: no site hooks, so the editable install of this tree cannot shadow the ref's.
        packages = next(p for p in sys.path if p.endswith("site-packages"))
        before_env = {"PYTHONPATH": f"{source_of(args.ref, folder)}{os.pathsep}{packages}"}
        runs = {
            f"{args.ref} (before)": ([sys.executable, "-S", "-m", "docket"], before_env),
            "this tree (after)": ([str(program)], {}),
        }
        for name, (command, env) in runs.items():
            shown = which_tui(command, env)
            print(f"{name}: {' '.join(command)}  (tui from {shown})")
        print()
        failing: dict[tuple[str, float], int] = {}
        astray: dict[tuple[str, float], int] = {}
        for pace in paces:
            how = "one burst" if not pace else f"{pace * 1000:.0f} ms between keys"
            print(f"## {how}")
            for name, (command, env) in runs.items():
                failing[name, pace] = astray[name, pace] = 0
                databases = folder / f"{name.split()[0]}-{pace}"
                databases.mkdir()
                for flow in FLOWS:
                    started = time.monotonic()
                    outcome = run_flow(flow, command, databases, pace=pace, env=env)
                    took = time.monotonic() - started
                    result = describe(outcome)
                    print(f"  {name:20} {flow.name:24} keys astray: {result} [{took:.0f} s]")
                    failing[name, pace] += not outcome.right
                    astray[name, pace] += outcome.keys_astray
            print()
        before, after = runs
        for pace in paces:
            how = "in a burst" if not pace else f"{pace * 1000:.0f} ms apart"
            print(
                f"type-ahead: keys lost or misrouted {how}: "
                f"{failing[before, pace]} of {len(FLOWS)} flows -> "
                f"{failing[after, pace]} of {len(FLOWS)} "
                f"(keys astray {astray[before, pace]} -> {astray[after, pace]})"
            )


if __name__ == "__main__":
    main()
