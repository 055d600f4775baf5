"""How soon a colleague's write shows: from a commit in one process to the change arriving
through the change feed in another. Prints figures, asserts nothing.

    python bench/bench_live.py                      # a SQLite file in a temp dir, 40 writes
    python bench/bench_live.py --writes 100
    python bench/bench_live.py --db TARGET          # an existing database (it gains entries)

A writer process commits one docket entry at a time, at a random moment, and reports when its
commit returned; this process polls the feed and notes when the change arrived. Both read
`time.monotonic()`, one clock for every process on Linux. Three figures:

- at the app's pace: the feed polled every `tui.app.CHANGES_EVERY` seconds, as an open TUI
  does: what a paralegal waits (at most one interval plus the read);
- polled flat out: what the mechanism itself adds (the wake-up and the audit read);
- one poll with nothing committed: what an idle screen pays four times a second.

Everything database-specific goes through `open_store(target)`: pointed at another backend
(a `postgresql://` URL, once `Store.open` takes one), the same bench measures its feed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.store import Store  # noqa: E402
from docket.clock import Clock  # noqa: E402
from docket.errors import NotFound  # noqa: E402
from docket.models import Case, CaseKind, DocType, Filing  # noqa: E402

TODAY = date(2026, 11, 25)
CASE_NUMBER = "1:26-cv-09999"
#: How long the writer waits, at random, before each commit: spreads the commits over the
#: app's poll interval, as a colleague's writes fall at any moment.
MOST_WAIT = 0.3


def open_store(target: str, user: str) -> Store:
    """The one place that knows what a database target is: a SQLite file's path today."""
    return Store.open(target, clock=Clock(TODAY), user=user)


def the_case(store: Store) -> int:
    """The case the writer adds entries to, created on first use."""
    try:
        case = store.find_case(CASE_NUMBER)
    except NotFound:
        case = store.add_case(
            Case(number=CASE_NUMBER, title="Bench v. Feed", kind=CaseKind.CIVIL, opened_on=TODAY)
        )
    assert case.id is not None
    return case.id


def writer(target: str) -> None:
    """The other process: on each line read, wait a random moment, commit one entry, and say
    when the commit returned."""
    with open_store(target, "colleague") as store:
        case_id = the_case(store)
        print("ready", flush=True)
        for number, _ in enumerate(sys.stdin, start=1):
            time.sleep(random.uniform(0.0, MOST_WAIT))
            filing = Filing(filed_on=TODAY, doc_type=DocType.NOTICE, title=f"Notice {number}")
            store.add_filing(case_id, filing)
            print(f"{time.monotonic()!r}", flush=True)


def measure(target: str, writes: int, every: float) -> list[float]:
    """Seconds from each of `writes` commits in another process to the feed naming its case,
    polling every `every` seconds (0: without pause)."""
    with open_store(target, "bench") as store:
        case_id = the_case(store)
        feed = store.change_feed()
        other = subprocess.Popen(
            [sys.executable, __file__, "--writer", target],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert other.stdin is not None and other.stdout is not None
        try:
            if other.stdout.readline().strip() != "ready":
                raise SystemExit("the writer did not start")
            feed.poll()  # the case the writer may have just created
            delays = []
            for _ in range(writes):
                other.stdin.write("go\n")
                other.stdin.flush()
                tick = time.monotonic()
                while True:
                    changes = feed.poll()
                    if changes is not None and changes.touches(case_id):
                        seen = time.monotonic()
                        break
                    if every:
                        tick += every
                        time.sleep(max(0.0, tick - time.monotonic()))
                committed = float(other.stdout.readline())
                delays.append(seen - committed)
        finally:
            other.stdin.close()
            other.wait(timeout=30)
            feed.close()
    return delays


def idle_poll_us(target: str, polls: int = 20_000) -> float:
    """Microseconds one poll takes when nothing was committed (median of 5 runs)."""
    with open_store(target, "bench") as store:
        feed = store.change_feed()
        try:
            runs = []
            for _ in range(5):
                started = time.perf_counter()
                for _ in range(polls):
                    feed.poll()
                runs.append((time.perf_counter() - started) / polls * 1e6)
        finally:
            feed.close()
    return statistics.median(runs)


def report(label: str, delays: list[float]) -> None:
    ms = sorted(delay * 1000 for delay in delays)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(
        f"  {label:<34} median {statistics.median(ms):7.2f} ms   p95 {p95:7.2f} ms   "
        f"max {ms[-1]:7.2f} ms   ({len(ms)} writes)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="database target (default: a new SQLite file)")
    parser.add_argument("--writes", type=int, default=40)
    parser.add_argument("--writer", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(args.writer)
        return

    from tui.app import CHANGES_EVERY

    with tempfile.TemporaryDirectory() as folder:
        target = args.db or str(Path(folder) / "live.db")
        print(f"Change feed on {target}")
        report(
            f"at the app's pace ({CHANGES_EVERY * 1000:.0f} ms)",
            measure(target, args.writes, CHANGES_EVERY),
        )
        report("polled flat out", measure(target, args.writes, 0.0))
        print(f"  {'one poll, nothing committed':<34} {idle_poll_us(target):7.2f} µs")


if __name__ == "__main__":
    main()
