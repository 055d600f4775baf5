"""Store benchmarks on a large synthetic docket: prints figures, asserts nothing.

    python bench/bench_store.py                  # builds 100k cases in a temp dir, then measures
    python bench/bench_store.py --db big.db      # reuses big.db (builds it first if missing)
    python bench/bench_store.py --cases 20000    # a smaller database

Each figure is the median of several runs, in milliseconds. Run by hand; not part of CI.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.store import Store  # noqa: E402
from docket.clock import Clock  # noqa: E402
from docket.models import Filing  # noqa: E402
from fixtures.synthetic import generate  # noqa: E402

TODAY = date(2026, 11, 25)


def median_ms(action: Callable[[], Any], repeat: int = 7) -> float:
    action()  # warm the page cache and statement cache
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def line(label: str, ms: float, extra: str = "") -> None:
    print(f"  {label:<52} {ms:9.3f} ms  {extra}")


def build(path: Path, cases: int) -> None:
    with Store.open(path, clock=Clock(TODAY), user="bench") as store:
        stats = generate(store, cases)
    rate = stats.filings / stats.seconds if stats.seconds else 0.0
    print(f"generator: {stats.cases:,} cases, {stats.filings:,} filings in {stats.seconds:.1f} s")
    print(
        f"  {rate:,.0f} filings/s; phases: "
        + ", ".join(f"{name} {secs:.1f} s" for name, secs in stats.phases.items())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)

    workdir = None
    if args.db is None:
        workdir = tempfile.TemporaryDirectory(prefix="docket-bench-")
        path = Path(workdir.name) / "docket.db"
    else:
        path = args.db
    if not path.exists():
        build(path, args.cases)
    else:
        print(f"reusing {path}")

    store = Store.open(path, clock=Clock(TODAY), user="bench")
    conn = store.conn
    cases = store.count_cases()
    filings = conn.execute("SELECT count(*) FROM filings").fetchone()[0]
    print(f"database: {cases:,} cases, {filings:,} filings; SQLite {sqlite3.sqlite_version}")

    print("Cases list")
    line("first page (100 rows)", median_ms(lambda: store.list_cases()))
    last_key = conn.execute(
        "SELECT resolved, attention_on, id FROM cases "
        "ORDER BY resolved DESC, attention_on DESC, id DESC LIMIT 1 OFFSET 100"
    ).fetchone()
    line(
        "keyset page at the end",
        median_ms(lambda: store.list_cases(after=tuple(last_key))),
    )
    offset = max(0, cases - 100)
    line(
        f"same page by OFFSET {offset:,}",
        median_ms(
            lambda: conn.execute(
                "SELECT id, number, title FROM cases INDEXED BY cases_by_urgency "
                "ORDER BY resolved, attention_on, id LIMIT 100 OFFSET ?",
                (offset,),
            ).fetchall()
        ),
    )
    common = "v."
    rare = store.list_cases(after=tuple(last_key), limit=1)
    rare_text = rare[0].number if rare else "zzz"
    line(f"filter as you type, common {common!r}", median_ms(lambda: store.list_cases(text=common)))
    line(
        f"filter as you type, rare {rare_text!r}",
        median_ms(lambda: store.list_cases(text=rare_text)),
        "(the trigram index; it walked the whole urgency index before)",
    )
    line("filter with no match 'qqqq'", median_ms(lambda: store.list_cases(text="qqqq")))

    print("Search (50 hits of each kind, newest first)")
    for word in ("motion", "Juniper", "Zyzzogeton"):
        hits = store.search(word)
        line(f"search {word!r} ({len(hits)} hits)", median_ms(partial(store.search, word)))

    print("Agenda and attention")
    line("agenda (all open, 500 items)", median_ms(lambda: store.agenda()))
    line(
        "agenda through a week",
        median_ms(lambda: store.agenda(until=date(2026, 12, 2))),
    )
    line("cases needing attention (200)", median_ms(lambda: store.cases_needing_attention()))
    line("overdue count", median_ms(lambda: store.overdue_count()))

    print("Case screen")
    busy_case = conn.execute(
        "SELECT case_id FROM filings GROUP BY case_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    line("get case", median_ms(lambda: store.get_case(busy_case)))
    line("filings page", median_ms(lambda: store.filings(busy_case)))
    line("parties", median_ms(lambda: store.case_parties(busy_case)))
    line("deadlines", median_ms(lambda: store.deadlines(busy_case)))
    line("hearings", median_ms(lambda: store.hearings(busy_case)))
    line("status history", median_ms(lambda: store.status_history(busy_case)))

    print("Writes on the big database")
    counter = iter(range(10_000))

    def add_one() -> None:
        store.add_filing(
            busy_case,
            Filing(
                filed_on=TODAY,
                doc_type="motion",
                title=f"Bench motion {next(counter)}",
                served_on=TODAY,
                service="mail",
            ),
        )

    line("add_filing (motion: audit, rule deadline, rollups)", median_ms(add_one, repeat=15))
    line("add_note", median_ms(lambda: store.add_note(busy_case, "Bench note"), repeat=15))
    store.close()
    if workdir is not None:
        workdir.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
