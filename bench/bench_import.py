"""How much the PACER import costs on top of juriscraper's own parse.

Run from the repository root: `python bench/bench_import.py [REPEATS]`. Uses the largest
sample (njd_509180, 161 entries): parse alone, parse + import into a fresh database, and a
refresh (the same page imported again), timed in rounds of one each; prints the medians and
the median of each round's ratio to the parse. Prints figures only.
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


def timed_ms(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    html = SAMPLE.read_text("utf-8")
    parse_docket_page(html, "njd")  # import juriscraper once, outside the timings
    parse: list[float] = []
    full: list[float] = []
    empty: list[float] = []
    refresh: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        counter = iter(range(10_000))

        def fresh_import() -> object:
            with Store.open(Path(folder) / f"fresh{next(counter)}.db", clock=CLOCK) as store:
                return import_pacer(store, SAMPLE, "njd")

        def import_into(path: Path) -> object:
            with Store.open(path, clock=CLOCK) as store:
                return import_pacer(store, SAMPLE, "njd")

        fresh_import()  # the rule engine and the rules file load once, outside the timings
        with Store.open(Path(folder) / "refresh.db", clock=CLOCK) as store:
            report = import_pacer(store, SAMPLE, "njd")
            # Each round times all three back to back, so that a busy machine slows them
            # alike and the ratios compare runs made under the same load.
            for _ in range(repeats):
                target = Path(folder) / f"empty{next(counter)}.db"
                Store.open(target, clock=CLOCK).close()
                parse.append(timed_ms(lambda: parse_docket_page(html, "njd")))
                full.append(timed_ms(fresh_import))
                empty.append(timed_ms(lambda: import_into(target)))  # noqa: B023
                refresh.append(timed_ms(lambda: import_pacer(store, SAMPLE, "njd")))
    entries = report.entries_added
    full_ratio = statistics.median(f / p for f, p in zip(full, parse, strict=True))
    empty_ratio = statistics.median(e / p for e, p in zip(empty, parse, strict=True))
    refresh_ratio = statistics.median(r / p for r, p in zip(refresh, parse, strict=True))
    full_ms = statistics.median(full)
    print(
        f"sample: {SAMPLE.name} ({entries} entries, {report.parties_added} parties, "
        f"{report.counsel_added} counsel links); median of {repeats} rounds"
    )
    print(f"juriscraper parse only:           {statistics.median(parse):8.1f} ms")
    print(
        f"parse + import into a fresh db:   {full_ms:8.1f} ms  ({full_ratio:.2f}x parse; "
        f"{entries / (full_ms / 1000):.0f} entries/s; includes creating the database)"
    )
    print(
        f"parse + import into an empty db:  {statistics.median(empty):8.1f} ms  "
        f"({empty_ratio:.2f}x parse; the database created beforehand, opened and closed)"
    )
    print(
        f"refresh (same page again):        {statistics.median(refresh):8.1f} ms  "
        f"({refresh_ratio:.2f}x parse)"
    )


if __name__ == "__main__":
    main()
