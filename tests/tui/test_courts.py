"""The Case screen says when a case's court is not in the registry, and the new-case form
refuses a court id that is not registered."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from db.store import Store
from tests.tui.helpers import add_case, open_first_case
from tui.app import DocketApp

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("court", "flagged"), [("Tumbleweed Municipal Court", True), ("nm-dist-1", False)]
)
async def test_case_header_flags_a_court_not_in_the_registry(
    store: Store, court: str, flagged: bool
) -> None:
    add_case(store, "D-101-CV-2026-9", "Able v. Baker", court=court)
    app = DocketApp(store)
    async with app.run_test(size=(160, 36)) as pilot:
        screen = await open_first_case(pilot)
        header = str(screen.query_one("#case-header", Static).render())
        assert ("court not in the registry" in header) is flagged
        if flagged:
            assert "federal rules (assumed)" in header
