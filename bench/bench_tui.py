"""Start-to-first-paint and filter latency of the TUI on a large database.

    python bench/bench_tui.py [--cases 100000] [--db PATH]   (--db reuses a database)

Prints figures; asserts nothing (timings belong here, not in tests).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.store import Store  # noqa: E402
from docket.clock import Clock  # noqa: E402

TODAY = date(2026, 11, 25)


def build(path: Path, count: int) -> Store:
    """The database to measure on: the synthetic generator's cases (reused when present)."""
    from fixtures.synthetic import generate

    store = Store.open(path, clock=Clock(TODAY))
    missing = count - store.count_cases()
    if missing > 0:
        generate(store, missing)
    return store


async def measure(store: Store) -> None:
    from textual.widgets import DataTable

    from tui.app import DocketApp

    started = time.perf_counter()
    app = DocketApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        painted = time.perf_counter() - started
        table = app.screen.query_one("#cases", DataTable)
        print(f"start to first page painted: {painted * 1000:.0f} ms ({table.row_count} rows)")
        await pilot.press("slash")
        for text in ("a", "ac", "acm", "acme 1", "zzz"):
            app.screen.query_one("#filter").value = text  # type: ignore[attr-defined]
            t0 = time.perf_counter()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            elapsed = (time.perf_counter() - t0) * 1000
            print(f"filter {text!r:10} -> {table.row_count:4} rows in {elapsed:.1f} ms")
        app.screen.query_one("#filter").value = ""  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
        await pilot.pause()
        table.focus()
        t0 = time.perf_counter()
        for _ in range(3):
            table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        print(f"paged to {table.row_count} rows in {(time.perf_counter() - t0) * 1000:.0f} ms")
        await flips(pilot, table)


async def flips(pilot: object, table: object, count: int = 30) -> None:
    """CPU per `pagedown` (this process, the query's thread included): a figure a machine
    loaded by others moves less than wall time. Flips that append a page are apart."""
    from textual.pilot import Pilot
    from textual.widgets import DataTable

    assert isinstance(pilot, Pilot) and isinstance(table, DataTable)
    table.move_cursor(row=0)
    await pilot.pause()
    plain: list[float] = []
    appending: list[float] = []
    for _ in range(count):
        rows = table.row_count
        t0 = time.process_time()
        await pilot.press("pagedown")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        spent = (time.process_time() - t0) * 1000
        (appending if table.row_count != rows else plain).append(spent)
    for label, values in (("pagedown", plain), ("pagedown + next page", appending)):
        if values:
            print(f"{label}: CPU median {statistics.median(values):.0f} ms over {len(values)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    t0 = time.perf_counter()
    import textual.app  # noqa: F401

    print(f"import textual.app: {(time.perf_counter() - t0) * 1000:.0f} ms")
    t0 = time.perf_counter()
    import tui.app  # noqa: F401

    print(f"import tui.app (with textual): {(time.perf_counter() - t0) * 1000:.0f} ms more")
    t0 = time.perf_counter()
    store = build(path, args.cases)
    print(f"database with {store.count_cases()} cases ready in {time.perf_counter() - t0:.1f} s")
    asyncio.run(measure(store))


if __name__ == "__main__":
    main()
