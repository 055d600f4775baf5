"""How soon a colleague's write shows: from a commit in one process to the change arriving
through the change feed in another. Prints figures, asserts nothing.

    python bench/bench_live.py                      # SQLite, then PostgreSQL: 40 writes each
    python bench/bench_live.py --writes 100
    python bench/bench_live.py --db TARGET          # an existing database (it gains entries)

PostgreSQL runs on a throwaway server (tests/pg_server.py), started for the run.

A writer process commits one docket entry at a time, at a random moment, and reports when its
commit returned; this process polls the feed and notes when the change arrived. Both read
`time.monotonic()`, one clock for every process on Linux. Three figures:

- at the app's pace: the feed polled every `tui.app.CHANGES_EVERY` seconds, as an open TUI
  does: what a paralegal waits (at most one interval plus the read);
- polled flat out: what the mechanism itself adds (the wake-up and the audit read);
- a row in another app: to the entry drawn as a row of an open Case screen (the app run
  headless, at its own pace: the poll, the screen's read in a worker, the table refilled);
- one poll with nothing committed: what an idle screen pays four times a second.

Everything database-specific goes through `open_store(target)`: a SQLite file's path or a
`postgresql://` URL, whose feed is woken by the server's notifications.
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
#: Entries the app figure writes at most: a Case screen shows the first page of a docket
#: (`db.rows.PAGE_SIZE`), so each run writes to a new case and stays within that page.
APP_WRITES = 90
#: How long the writer waits, at random, before each commit: spreads the commits over the
#: app's poll interval, as a colleague's writes fall at any moment.
MOST_WAIT = 0.3


def open_store(target: str, user: str) -> Store:
    """The one place that opens a database target: a SQLite file's path or a URL."""
    return Store.open(target, clock=Clock(TODAY), user=user)


def the_case(store: Store, number: str = CASE_NUMBER) -> int:
    """The case the writer adds entries to, created on first use."""
    try:
        case = store.find_case(number)
    except NotFound:
        case = store.add_case(
            Case(number=number, title="Bench v. Feed", kind=CaseKind.CIVIL, opened_on=TODAY)
        )
    assert case.id is not None
    return case.id


def writer(target: str, number: str) -> None:
    """The other process: on each line read, wait a random moment, commit one entry to case
    `number`, and say when the commit returned."""
    with open_store(target, "colleague") as store:
        case_id = the_case(store, number)
        print("ready", flush=True)
        for count, _ in enumerate(sys.stdin, start=1):
            time.sleep(random.uniform(0.0, MOST_WAIT))
            filing = Filing(filed_on=TODAY, doc_type=DocType.NOTICE, title=f"Notice {count}")
            store.add_filing(case_id, filing)
            print(f"{time.monotonic()!r}", flush=True)


def measure(target: str, writes: int, every: float) -> list[float]:
    """Seconds from each of `writes` commits in another process to the feed naming its case,
    polling every `every` seconds (0: without pause)."""
    with open_store(target, "bench") as store:
        case_id = the_case(store)
        feed = store.change_feed()
        other = subprocess.Popen(
            [sys.executable, __file__, "--writer", target, CASE_NUMBER],
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


def measure_tui(target: str, writes: int) -> list[float]:
    """Seconds from each of `writes` commits in another process to the new entry being a row
    of the Case screen in a running app (headless, as `App.run_test` runs it)."""
    import asyncio

    from textual.widgets import DataTable

    from tui.app import DocketApp

    async def run() -> list[float]:
        with open_store(target, "bench") as store:
            number = f"9:{time.time_ns()}-bench"
            case_id = the_case(store, number)
            other = subprocess.Popen(
                [sys.executable, __file__, "--writer", target, number],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert other.stdin is not None and other.stdout is not None
            app = DocketApp(store)
            delays = []
            try:
                if other.stdout.readline().strip() != "ready":
                    raise SystemExit("the writer did not start")
                async with app.run_test(size=(120, 36)) as pilot:
                    await app.workers.wait_for_complete()
                    app.open_case(case_id)
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                    docket = app.screen.query_one("#docket", DataTable)
                    for _ in range(min(writes, APP_WRITES)):
                        before = docket.row_count
                        other.stdin.write("go\n")
                        other.stdin.flush()
                        while docket.row_count == before:
                            await asyncio.sleep(0.001)
                        seen = time.monotonic()
                        line = await asyncio.to_thread(other.stdout.readline)
                        delays.append(seen - float(line))
            finally:
                other.stdin.close()
                other.wait(timeout=30)
            return delays

    return asyncio.run(run())


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
    parser.add_argument("--writer", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(*args.writer)
        return

    from tui.app import CHANGES_EVERY

    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            run(args.db, args.writes, CHANGES_EVERY)
            return
        run(str(Path(folder) / "live.db"), args.writes, CHANGES_EVERY)
        from tests.pg_server import start_cluster

        cluster = start_cluster(Path(folder) / "pgdata")
        try:
            run(cluster.new_database(), args.writes, CHANGES_EVERY)
        finally:
            cluster.stop()


def run(target: str, writes: int, every: float) -> None:
    print(f"Change feed on {target}")
    report(f"at the app's pace ({every * 1000:.0f} ms)", measure(target, writes, every))
    report("polled flat out", measure(target, writes, 0.0))
    report("a row in another app's Case screen", measure_tui(target, writes))
    print(f"  {'one poll, nothing committed':<34} {idle_poll_us(target):7.2f} µs")


if __name__ == "__main__":
    main()
