"""How much the PACER import costs on top of juriscraper's own parse.

Run from the repository root: `python bench/bench_import.py [REPEATS]`. Uses the largest
sample (njd_509180, 161 entries): parse alone, parse + import into a fresh database, and a
refresh (the same page imported again), each the median of several runs. Prints figures only.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.pacer import import_pacer, parse_docket_page  # noqa: E402
from db.store import Store  # noqa: E402
from docket.clock import Clock  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "pacer" / "njd_509180.html"
CLOCK = Clock(date(2026, 11, 25))


def median_ms(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    html = SAMPLE.read_text("utf-8")
    parse_docket_page(html, "njd")  # import juriscraper once, outside the timings
    with tempfile.TemporaryDirectory() as folder:
        counter = iter(range(10_000))

        def fresh_import() -> object:
            with Store.open(Path(folder) / f"fresh{next(counter)}.db", clock=CLOCK) as store:
                return import_pacer(store, SAMPLE, "njd")

        parse = median_ms(lambda: parse_docket_page(html, "njd"), repeats)
        full = median_ms(fresh_import, repeats)
        with Store.open(Path(folder) / "refresh.db", clock=CLOCK) as store:
            report = import_pacer(store, SAMPLE, "njd")
            refresh = median_ms(lambda: import_pacer(store, SAMPLE, "njd"), repeats)
    entries = report.entries_added
    print(
        f"sample: {SAMPLE.name} ({entries} entries, {report.parties_added} parties, "
        f"{report.counsel_added} counsel links); median of {repeats} runs"
    )
    print(f"juriscraper parse only:           {parse:8.1f} ms")
    print(
        f"parse + import into a fresh db:   {full:8.1f} ms  ({full / parse:.2f}x parse; "
        f"{entries / (full / 1000):.0f} entries/s; includes opening the database)"
    )
    print(f"refresh (same page again):        {refresh:8.1f} ms  ({refresh / parse:.2f}x parse)")


if __name__ == "__main__":
    main()
