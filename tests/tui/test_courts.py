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


async def test_new_case_form_refuses_an_unknown_court_under_its_field(store: Store) -> None:
    from textual.widgets import Input

    from tui.forms.case_form import CaseForm

    app = DocketApp(store)
    async with app.run_test(size=(160, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CaseForm)
        form.query_one("#number", Input).value = "1:26-cv-1"
        form.query_one("#title", Input).value = "A v. B"
        form.query_one("#court", Input).value = "nmx"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CaseForm)
        error = str(form.query_one("#court-error", Static).render())
        assert "'nmx' is not a registered court" in error and "nmd" in error
    assert store.count_cases() == 0
