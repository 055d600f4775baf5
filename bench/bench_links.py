"""Links and "mine" on a large synthetic docket: prints figures, asserts nothing.

    python bench/bench_links.py                  # 100k synthetic cases in a temp dir
    python bench/bench_links.py --cases 20000    # a smaller database

A team of three; the current user answers for one matter in `--every` (attorney or paralegal)
and has one deadline in 200 given to them; matters are linked in chains of five. Each figure is
the median of several runs, in milliseconds. Run by hand; not part of CI.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_store import line, median_ms  # noqa: E402

from db.store import Store  # noqa: E402
from docket.clock import Clock  # noqa: E402
from docket.team import Person, PersonRole  # noqa: E402
from fixtures.synthetic import generate  # noqa: E402

TODAY = date(2026, 11, 25)


def setup(store: Store, every: int) -> int:
    """The team, the assignments and the links, written in bulk (one transaction)."""
    me = store.add_person(Person(name="Terry Tester", role=PersonRole.PARALEGAL, login="bench"))
    store.add_person(Person(name="Dana Whitlock", role=PersonRole.ATTORNEY))
    assert me.id is not None
    conn = store.conn
    with store.write():
        conn.execute("UPDATE cases SET paralegal_id = ? WHERE id % ? = 0", (me.id, every))
        conn.execute("UPDATE cases SET attorney_id = 2 WHERE id % 3 = 0")
        conn.execute("UPDATE deadlines SET assignee_id = ? WHERE id % 200 = 0", (me.id,))
        conn.execute(
            "INSERT INTO case_links (case_id, other_id, relation, created_at) "
            "SELECT id, id - 1, 'same_incident', '2026-11-25' FROM cases WHERE id % 5 != 1"
        )
    return me.id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="docket-bench-") as workdir:
        path = Path(workdir) / "docket.db"
        with Store.open(path, clock=Clock(TODAY), user="bench") as store:
            started = time.perf_counter()
            generate(store, args.cases)
            print(f"generated {args.cases:,} cases in {time.perf_counter() - started:.1f} s")
            me = setup(store, args.every)
            links = store.query_rows("SELECT count(*) FROM case_links")[0][0]
            print(f"{links:,} links; SQLite {sqlite3.sqlite_version}")
            line("Cases list, first page", median_ms(lambda: store.list_cases()))
            line("Cases list, mine, first page", median_ms(lambda: store.list_cases(mine=me)))
            rows = store.list_cases(mine=me)
            last = rows[-1].sort_key
            line(
                "Cases list, mine, next page",
                median_ms(lambda: store.list_cases(mine=me, after=last)),
            )
            line(
                "Cases list, mine, filtered 'v.'",
                median_ms(lambda: store.list_cases(text="v.", mine=me)),
            )
            line("agenda, everything open (500)", median_ms(lambda: store.agenda()))
            line("agenda, mine", median_ms(lambda: store.agenda(mine=me)))
            soon = TODAY + timedelta(days=14)
            line("remind window, mine", median_ms(lambda: store.agenda(until=soon, mine=me)))
            line(
                "needing attention, mine",
                median_ms(lambda: store.cases_needing_attention(mine=me)),
            )
            middle = args.cases // 2
            line("links of one matter", median_ms(lambda: store.case_links(middle)))
            line("linked group of one matter (5)", median_ms(lambda: store.linked_group(middle)))
            line("current person", median_ms(store.current_person))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
