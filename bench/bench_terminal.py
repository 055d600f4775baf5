"""The speed a paralegal feels, measured from outside in a real terminal.

    python bench/bench_terminal.py                    # 100,000 cases, 7 runs of each figure
    python bench/bench_terminal.py --runs 11 --cases 20000

tmux runs the installed `docket` (the one beside this Python) on a generated database, and the
bench reads the screen with `tmux capture-pane` until what a person waits for is on it:

- cold start: from starting the process to the first rows of the Cases list, beside a bare
  Textual app that shows one Label, started the same way;
- filter as you type: a rare case number typed a key at a time, from its last key to its row;
- page flip: `pagedown` in the Cases list, from the key to the next page on screen;
- a CLI read: `docket case show N`, the whole process, beside `python -c pass`.

Every process runs with its compiled bytecode kept, as an installed docket has it (pip compiles
it on install): `PYTHONDONTWRITEBYTECODE` is dropped for them and the `.pyc` files go to a
folder in the cache (`PYTHONPYCACHEPREFIX`), never into the repository. The first run of each
figure, not counted, writes them.

The generated database is kept in a cache folder outside the repository
(`$DOCKET_BENCH_CACHE`, else `~/.cache/docket-bench`) and reused: building 100,000 cases takes
half a minute. The bench only reads it (opening it with a newer docket upgrades it once).

Prints figures; asserts nothing. Each figure is timed by the poll loop, so it carries a few
milliseconds of the poll's own cost (one `capture-pane` per poll).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = date(2026, 11, 25)
SEED = 2021
WIDTH, HEIGHT = 120, 36
SOCKET = f"docket-bench-{os.getpid()}"
#: The Cases list's title once the filter has narrowed it to one row.
ONE_ROW = re.compile(r"Cases · 1\s*$", re.MULTILINE)
#: Seconds to wait for anything to appear before calling the run failed.
PATIENCE = 30.0

BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Label


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("bare textual ready")


Bare().run()
"""


# ---------------------------------------------------------------------- the database


def cache_dir() -> Path:
    given = os.environ.get("DOCKET_BENCH_CACHE", "").strip()
    return Path(given).expanduser() if given else Path.home() / ".cache" / "docket-bench"


def cached_database(cases: int) -> Path:
    """The generated database for `cases`, built once (into a temporary name, so an
    interrupted build is never taken for a finished one)."""
    path = cache_dir() / f"cases-{cases}-seed-{SEED}-{TODAY.isoformat()}.db"
    if path.exists():
        return path
    from db.store import Store
    from docket.clock import Clock
    from fixtures.synthetic import generate

    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in path.parent.glob(building.name + "*"):
        leftover.unlink()
    print(f"generating {cases:,} cases into {path} (once) ...", flush=True)
    with Store.open(building, clock=Clock(TODAY), user="bench") as store:
        stats = generate(store, cases, seed=SEED)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"  {stats.filings:,} filings in {stats.seconds:.1f} s", flush=True)
    building.rename(path)
    return path


def keep_bytecode() -> Path:
    """Let the processes this bench starts (and tmux, which passes its environment on) keep
    their compiled bytecode, outside the repository: a person's docket does not recompile
    its sources at every start."""
    folder = cache_dir() / "pycache"
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)
    return folder


def rare_numbers(path: Path, count: int) -> list[str]:
    """Case numbers far down the urgency order (resolved, newest) that no other case's
    number or title contains: typing one narrows the list to that one row."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found: list[str] = []
        for (number,) in conn.execute(
            "SELECT number FROM cases ORDER BY resolved DESC, attention_on DESC, id DESC LIMIT 60"
        ):
            (matches,) = conn.execute(
                "SELECT count(*) FROM cases WHERE instr(lower(number), lower(?)) "
                "OR instr(lower(title), lower(?))",
                (number, number),
            ).fetchone()
            if matches == 1:
                found.append(str(number))
            if len(found) == count:
                break
        return found
    finally:
        conn.close()


def first_row_number(path: Path) -> str:
    from db.store import Store
    from docket.clock import Clock

    with Store.open(path, clock=Clock(TODAY)) as store:
        return store.list_cases(limit=1)[0].number


# ---------------------------------------------------------------------- tmux


def tmux(*args: str) -> str:
    done = subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    )
    return done.stdout


def pane(target: str) -> str:
    return tmux("capture-pane", "-p", "-t", target)


def wait_for(target: str, shown: Callable[[str], bool], what: str) -> tuple[float, str]:
    """Poll the pane until `shown(text)`; the time it was first seen and the text."""
    limit = time.perf_counter() + PATIENCE
    while True:
        text = pane(target)
        now = time.perf_counter()
        if shown(text):
            return now, text
        if now > limit:
            raise TimeoutError(f"{what} never appeared; the screen was:\n{text}")
        time.sleep(0.002)


def settled(target: str, still: float = 0.4) -> str:
    """The pane once it has not changed for `still` seconds (a toast leaving takes frames)."""
    limit = time.perf_counter() + PATIENCE
    text = pane(target)
    while time.perf_counter() < limit:
        time.sleep(still)
        again = pane(target)
        if again == text:
            return text
        text = again
    raise TimeoutError(f"the screen never settled:\n{text}")


def start(name: str, command: Sequence[str], env: dict[str, str]) -> float:
    """Start `command` in a new tmux session; the time just before tmux was asked."""
    settings = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    t0 = time.perf_counter()
    subprocess.run(
        [
            "tmux", "-L", SOCKET, "new-session", "-d", "-s", name,
            "-x", str(WIDTH), "-y", str(HEIGHT), *settings, *command,
        ],
        check=True,
    )  # fmt: skip
    return t0


def stop(name: str) -> None:
    tmux("kill-session", "-t", name)


def keys(target: str, *names: str, literal: bool = False) -> float:
    t0 = time.perf_counter()
    tmux("send-keys", "-t", target, *(["-l"] if literal else []), *names)
    return t0


# ---------------------------------------------------------------------- figures


def ms(seconds: float) -> float:
    return seconds * 1000


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def cold_starts(
    docket: Path, db: Path, first: str, python: Path, runs: int
) -> dict[str, list[float]]:
    env = {"DOCKET_TODAY": TODAY.isoformat(), "TERM": "xterm-256color"}
    bare = Path(tempfile.mkdtemp(prefix="docket-bench-")) / "bare.py"
    bare.write_text(BARE_APP, encoding="utf-8")
    times: dict[str, list[float]] = {"docket": [], "bare": []}
    try:
        for run in range(runs + 1):  # the first of each is a warm-up, not counted
            for label, command, marker in (
                ("bare", [str(python), str(bare)], "bare textual ready"),
                ("docket", [str(docket), "--db", str(db)], first),
            ):
                name = f"cold-{label}-{run}"
                t0 = start(name, command, env)
                seen, _ = wait_for(name, lambda text, m=marker: m in text, marker)  # type: ignore[misc]
                stop(name)
                if run:
                    times[label].append(ms(seen - t0))
                time.sleep(0.3)
    finally:
        shutil.rmtree(bare.parent, ignore_errors=True)
    return times


def open_app(docket: Path, db: Path, first: str) -> str:
    """The app on the Cases list, its start-of-day toast gone (a toast leaving would count
    as a screen change)."""
    env = {"DOCKET_TODAY": TODAY.isoformat(), "TERM": "xterm-256color"}
    name = "app"
    start(name, [str(docket), "--db", str(db)], env)
    wait_for(name, lambda text: first in text, "the first rows")
    wait_for(name, lambda text: "within 7 days" not in text, "the toast to leave")
    return name


def filter_runs(name: str, numbers: Sequence[str], gap: float) -> list[float]:
    """Type each number a key at a time (`gap` seconds apart, a fast typist); from the last
    key to the one row on screen (the number twice: in the filter and in its row, and the
    count says one)."""
    times = []
    before = settled(name)
    keys(name, "/")
    # Typed before the filter has the focus, the keys would go to the list.
    wait_for(name, lambda text: text != before, "the filter focused")
    for number in numbers:
        last = 0.0
        for index, char in enumerate(number):
            # The pause goes between keys: a pause after the last key would be counted as
            # time spent waiting for the row.
            if index:
                time.sleep(gap)
            last = keys(name, char, literal=True)
        seen, _ = wait_for(
            name,
            lambda text, n=number: text.count(n) >= 2 and ONE_ROW.search(text) is not None,  # type: ignore[misc]
            f"the row of {number}",
        )
        times.append(ms(seen - last))
        keys(name, "C-u")
        wait_for(name, lambda text: "Cases · 100+" in text, "the whole list again")
    keys(name, "Escape")
    return times


def page_flips(name: str, flips: int) -> list[float]:
    """`pagedown` `flips` times; each from the key to the screen changing (the cursor's new
    page drawn, loading the next page of rows when the cursor nears the end)."""
    times = []
    for _ in range(flips):
        before = settled(name, 0.1)
        t0 = keys(name, "PageDown")
        seen, _ = wait_for(name, lambda text, b=before: text != b, "the next page")  # type: ignore[misc]
        times.append(ms(seen - t0))
    return times


def processes(command: Sequence[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) milliseconds of each run of `command`: on a machine
    others are loading, the CPU figure moves less than the wall clock."""
    env = dict(os.environ, DOCKET_TODAY=TODAY.isoformat())
    wall, cpu = [], []
    for run in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=True)
        elapsed = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if run:
            wall.append(ms(elapsed))
            used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            cpu.append(ms(used))
    return wall, cpu


def poll_cost(samples: int = 20) -> float:
    """What one look at the screen costs (a `capture-pane`): the figures' resolution."""
    times = []
    for _ in range(samples):
        t0 = time.perf_counter()
        pane("keeper")
        times.append(ms(time.perf_counter() - t0))
    return statistics.median(times)


def load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7, help="runs of each figure (default: 7)")
    parser.add_argument("--flips", type=int, default=30, help="page flips (default: 30)")
    parser.add_argument(
        "--gap", type=float, default=0.06, help="seconds between typed keys (default: 0.06)"
    )
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    python = Path(sys.executable)
    docket = python.parent / "docket"
    pycache = keep_bytecode()
    db = cached_database(args.cases)
    # A newer docket upgrades the file on its first open; that is not what is measured.
    subprocess.run(
        [str(docket), "case", "list", "--db", str(db)], stdout=subprocess.DEVNULL, check=True
    )
    first = first_row_number(db)
    numbers = rare_numbers(db, args.runs)
    show = numbers[0]
    print(f"database: {db} ({args.cases:,} cases); first row {first}; rare {numbers}")
    print(f"load average before: {load_average()}; bytecode kept in {pycache}")

    tmux("new-session", "-d", "-s", "keeper", "-x", "20", "-y", "5", "sleep 100000")
    try:
        polled = poll_cost()
        cold = cold_starts(docket, db, first, python, args.runs)
        name = open_app(docket, db, first)
        try:
            typed = filter_runs(name, numbers, args.gap)
            flipped = page_flips(name, args.flips)
        finally:
            stop(name)
    finally:
        tmux("kill-server")
    read, read_cpu = processes([str(docket), "case", "show", show, "--db", str(db)], args.runs)
    bare_python, bare_cpu = processes([str(python), "-c", "pass"], args.runs)

    med = statistics.median
    print(f"load average after: {load_average()}; one capture-pane takes {polled:.0f} ms")
    print()
    print("| figure | p50 | p95 | reference (same run) |")
    print("|---|---|---|---|")
    docket_ms, bare_ms = med(cold["docket"]), med(cold["bare"])
    print(
        f"| cold start to the first rows | {docket_ms:.0f} ms | "
        f"{percentile(cold['docket'], 0.95):.0f} ms | bare Textual Label {bare_ms:.0f} ms "
        f"({docket_ms / bare_ms:.2f}x) |"
    )
    print(
        f"| filter as you type, rare number, last key to its row | {med(typed):.0f} ms | "
        f"{percentile(typed, 0.95):.0f} ms | {len(typed)} numbers, keys {args.gap * 1000:.0f} "
        "ms apart |"
    )
    print(
        f"| page flip (pagedown) in the Cases list | {med(flipped):.0f} ms | "
        f"{percentile(flipped, 0.95):.0f} ms | {len(flipped)} flips |"
    )
    print(
        f"| `docket case show` process | {med(read):.0f} ms | {percentile(read, 0.95):.0f} ms | "
        f"`python -c pass` {med(bare_python):.0f} ms |"
    )
    print(
        f"| `docket case show` CPU (user+sys) | {med(read_cpu):.0f} ms | "
        f"{percentile(read_cpu, 0.95):.0f} ms | `python -c pass` {med(bare_cpu):.0f} ms |"
    )
    print()
    print("raw (ms):")
    for label, values in (
        ("cold docket", cold["docket"]),
        ("cold bare", cold["bare"]),
        ("filter", typed),
        ("flip", flipped),
        ("case show", read),
        ("python -c pass", bare_python),
        ("case show cpu", read_cpu),
        ("pass cpu", bare_cpu),
    ):
        print(f"  {label:15} " + " ".join(f"{value:.0f}" for value in values))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
