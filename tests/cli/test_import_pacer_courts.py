"""`docket import pacer` takes a court of appeals' id (`ca9`), with its circuit's number."""

from __future__ import annotations

import json

from tests.conftest import PACER_SAMPLES, run


def test_a_court_of_appeals_id_is_accepted(cli_env: dict[str, str]) -> None:
    page = PACER_SAMPLES / "appellate" / "ca9_1.html"
    done = run(cli_env, "import", "pacer", str(page), "--court", "ca9", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["case_number"] == "17-15589" and report["entries_added"] == 10
