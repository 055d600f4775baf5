"""Two processes writing one case at the same moment: both finish, numbering stays whole."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.store import Store
from tests.conftest import REPO
from tests.db.builders import add_case, case_id

WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from pathlib import Path
    from db.store import Store
    from docket.clock import Clock
    from docket.models import Filing

    db_path, go, who = sys.argv[1], Path(sys.argv[2]), sys.argv[3]  # a file or a URL
    store = Store.open(db_path, clock=Clock(date(2026, 11, 25)), user=who)
    case = store.find_case("1:24-cv-01234")
    Path(sys.argv[4]).touch()
    while not go.exists():
        time.sleep(0.001)
    for i in range(15):
        store.add_filing(
            case.id,
            Filing(filed_on=date(2026, 11, 20), doc_type="exhibit", title=f"Exhibit {who}-{i}"),
        )
    store.close()
    """
)


@pytest.mark.slow
def test_two_writers_at_once_get_gapless_unique_entry_numbers(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    case = add_case(store)
    go = tmp_path / "go"
    ready = [tmp_path / "ready-a", tmp_path / "ready-b"]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), str(go), who, str(flag)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who, flag in zip(("a", "b"), ready, strict=True)
    ]
    try:
        while not all(flag.exists() for flag in ready):
            if any(w.poll() is not None for w in writers):
                break
            subprocess.run([sys.executable, "-c", "pass"], check=True)  # a short real pause
        go.touch()
        outcomes = [w.communicate(timeout=120) for w in writers]
    finally:
        for w in writers:
            if w.poll() is None:
                w.kill()
    errors = [err for _, err in outcomes]
    assert [w.returncode for w in writers] == [0, 0], errors
    assert not any("locked" in err for err in errors)
    rows = store.conn.execute(
        "SELECT entry_no, title FROM filings WHERE case_id = ? ORDER BY entry_no",
        (case_id(case),),
    ).fetchall()
    assert [no for no, _ in rows] == list(range(1, 31))
    titles = {title for _, title in rows}
    assert titles == {f"Exhibit {who}-{i}" for who in "ab" for i in range(15)}
    assert store.conn.execute(
        "SELECT count(*) FROM audit_log WHERE entity = 'filings' AND action = 'insert'"
    ).fetchone() == (30,)
