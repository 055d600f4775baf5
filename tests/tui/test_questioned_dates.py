"""Forms question a date that can hardly be right: the first ctrl+s shows why under the field
and saves nothing; a second ctrl+s of the same values saves them as typed. Today is Wed 25 Nov
2026 in the tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.widgets import Static

from db.store import Store
from tests.tui.helpers import add_case, open_first_case, settle
from tui.app import DocketApp
from tui.forms.base import FormScreen
from tui.screens.case import CaseScreen

pytestmark = pytest.mark.anyio


def _case(store: Store) -> int:
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones", court="nmd")
    assert case.id is not None
    return case.id


async def _questioned(pilot: Any, field_id: str) -> str:
    """ctrl+s once: the form stays, the field says why, the form says how to go on."""
    form = pilot.app.screen
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert pilot.app.screen is form and isinstance(form, FormScreen)
    assert "ctrl+s again" in str(form.query_one("#form-message", Static).render())
    return str(form.query_one(f"#{field_id}-error", Static).render())


async def test_a_service_before_the_filing_is_saved_only_on_a_second_save(store: Store) -> None:
    case_id = _case(store)
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        # Date, Type, Title, Description, Filed by, Served on.
        await pilot.press("ctrl+a", "ctrl+k", *"2026-11-20", "tab", *"motion", "tab",
                          *"Motion to compel", "tab", "tab", "tab", *"2026-11-18")  # fmt: skip
        said = await _questioned(pilot, "served")
        assert "2026-11-18 is before the filing date (2026-11-20)" in said
        assert store.count_filings(case_id) == 0
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
    [entry] = store.filings(case_id)
    assert (entry.filed_on, entry.served_on) == (date(2026, 11, 20), date(2026, 11, 18))


async def test_a_changed_value_is_questioned_afresh(store: Store) -> None:
    case_id = _case(store)
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"2026-12-20", "tab", *"motion", "tab", *"M")
        said = await _questioned(pilot, "date")
        assert "2026-12-20 is in the future (today is 2026-11-25)" in said
        # The question put the cursor in the date; another date typed there is a new
        # answer, asked about again.
        await pilot.press("ctrl+a", "ctrl+k", *"2026-12-21")
        said = await _questioned(pilot, "date")
        assert "2026-12-21 is in the future" in said
        assert store.count_filings(case_id) == 0


async def test_a_hearing_decades_away_is_questioned(store: Store) -> None:
    case_id = _case(store)
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        await pilot.press("h")
        await settle(pilot)
        # 1/5/62 is read as 2062: 35 years from today.
        await pilot.press(*"1/5/62 9:30am", "tab", *"trial")
        said = await _questioned(pilot, "when")
        assert "2062-01-05 is more than 5 years from today (2026-11-25)" in said
        assert store.hearings(case_id) == []
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [h.starts_at.year for h in store.hearings(case_id)] == [2062]


async def test_a_deadline_decades_away_is_questioned(store: Store) -> None:
    case_id = _case(store)
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press(*"2040-01-02", "tab", *"Reply brief due")
        said = await _questioned(pilot, "due")
        assert "2040-01-02 is more than 10 years from today (2026-11-25)" in said
        assert store.deadlines(case_id) == []
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert store.deadlines(case_id) == []


async def test_moving_a_hearing_decades_away_is_questioned_in_the_update_form(
    store: Store,
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from textual.widgets import TabbedContent

    from docket.models import Hearing
    from tui.forms.hearing_form import HearingUpdateForm

    case_id = _case(store)
    when = datetime(2026, 12, 15, 10, tzinfo=ZoneInfo("America/Denver"))
    store.add_hearing(case_id, Hearing(starts_at=when, kind="status conference"))
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first_case(pilot)
        screen.query_one("#tabs", TabbedContent).active = "tab-hearings"
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, HearingUpdateForm)
        await pilot.press("ctrl+a", "ctrl+k", *"12/15/46 10am")
        said = await _questioned(pilot, "when")
        assert "2046-12-15 is more than 5 years from today (2026-11-25)" in said
        assert [h.starts_at for h in store.hearings(case_id)] == [when]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
    assert [h.starts_at.year for h in store.hearings(case_id)] == [2046]
