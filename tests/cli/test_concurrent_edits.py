"""Two processes editing one docket entry at once, one its title and one its description:
every edit survives. `filing edit` once read the entry outside its write and wrote every field
back, so 17-27 of 240 edits were silently undone by the other process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from db.store import Store
from tests.conftest import run

EDITS = 120
"""Edits per process, as in the report that found the lost updates."""

#: One writer: `docket filing edit` through the CLI's own entry point, EDITS times in a row
#: (a process start per edit would spend the test's time importing, not racing).
WRITER = """
import sys
from docket.cli import main
flag, label = sys.argv[1], sys.argv[2]
for n in range(int(sys.argv[3])):
    code = main(["filing", "edit", "CV-1", "1", flag, f"{label} {n}"])
    if code != 0:
        sys.exit(f"edit {n} exited {code}")
"""


@pytest.mark.slow
def test_two_processes_editing_different_fields_lose_no_edit(
    cli_env: dict[str, str], db_path: Path
) -> None:
    assert run(cli_env, "case", "add", "--number", "CV-1", "--title", "A v. B", "--kind", "civil")
    filed = run(cli_env, "filing", "add", "CV-1", "--type", "notice", "--title", "Notice")
    assert filed.returncode == 0, filed.stderr
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, flag, label, str(EDITS)],
            env=cli_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for flag, label in (("--title", "Title"), ("--desc", "Description"))
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err

    conn = Store.open(db_path).conn
    try:
        title, description, version = conn.execute(
            "SELECT title, description, version FROM filings"
        ).fetchone()
        audits = conn.execute(
            "SELECT before, after FROM audit_log WHERE entity = 'filings' AND action = 'update'"
        ).fetchall()
    finally:
        conn.close()
    assert (title, description) == (f"Title {EDITS - 1}", f"Description {EDITS - 1}")
    assert version == 1 + 2 * EDITS
    changed_by_each = []
    for before_text, after_text in audits:
        before, after = json.loads(before_text), json.loads(after_text)
        changed = {
            column
            for column in after
            if column not in ("updated_at", "version") and before[column] != after[column]
        }
        changed_by_each.append(changed)
    # Each edit changed its own field only: none wrote the other process's field back.
    assert len(changed_by_each) == 2 * EDITS
    assert changed_by_each.count({"title"}) == EDITS
    assert changed_by_each.count({"description"}) == EDITS
    if isinstance(db_path, Path):
        assert db_path.exists()
