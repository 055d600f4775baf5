"""Hearings on screen are at the court's time, with the reader's own beside it when it differs:
a Santa Fe hearing read in New York shows `09:00 MST (11:00 EST here)`. Today is Wed 25 Nov
2026; Thu 3 Dec 2026 is in Mountain Standard Time (UTC-7) and Eastern Standard Time (UTC-5).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from db.store import Store
from docket.models import Hearing
from tests.tui.helpers import add_case, open_first_case, row_text, screen_lines, settle
from tui.app import DocketApp
from tui.forms.hearing_form import HearingForm

pytestmark = pytest.mark.anyio

SIZE = (120, 36)
DENVER = ZoneInfo("America/Denver")


@pytest.fixture
def santa_fe(store: Store) -> Store:
    case = add_case(store, "D-101-CV-2026-0042", "Able v. Baker", court="nm-dist-1")
    assert case.id is not None
    store.add_hearing(
        case.id,
        Hearing(starts_at=datetime(2026, 12, 3, 9, 0, tzinfo=DENVER), kind="status conference"),
    )
    return store


async def test_a_reader_in_new_york_sees_both_clocks(
    santa_fe: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKET_TZ", "America/New_York")
    app = DocketApp(santa_fe)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        assert any(
            "Next hearing: 2026-12-03 09:00 MST (11:00 EST here)" in line
            for line in screen_lines(app)
        )
        screen.query_one("#tabs", TabbedContent).active = "tab-hearings"
        await settle(pilot)
        hearings = screen.query_one("#hearings", DataTable)
        assert row_text(hearings, 0)[0] == "2026-12-03 09:00 MST (11:00 EST here)"

        await pilot.press("h")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HearingForm)
        await pilot.press(*"12/10/26 9:30am")
        await settle(pilot)
        preview = str(form.query_one("#when-preview", Static).render())
        assert preview == "Thu 10 Dec 2026 09:30 MST (11:30 EST here)"
        await pilot.press("escape")
        await settle(pilot)
        if app.screen is not screen:
            await pilot.press("y")  # drop the typed time
            await settle(pilot)

        await pilot.press("a")
        await settle(pilot)
        agenda = app.screen.query_one("#agenda-table", DataTable)
        rows = [row_text(agenda, i) for i in range(agenda.row_count)]
        (hearing,) = [row for row in rows if row[2].startswith("hearing")]
        assert hearing[2] == "hearing 09:00 MST (11:00 EST here)"
        widths = {str(key.value): column.width for key, column in agenda.columns.items()}
        assert widths["what"] >= len(hearing[2])
        assert any("hearing 09:00 MST (11:00 EST here)" in line for line in screen_lines(app))


async def test_a_reader_in_santa_fe_sees_the_courts_time_alone(
    santa_fe: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKET_TZ", "America/Denver")
    app = DocketApp(santa_fe)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        screen.query_one("#tabs", TabbedContent).active = "tab-hearings"
        await settle(pilot)
        assert row_text(screen.query_one("#hearings", DataTable), 0)[0] == "2026-12-03 09:00 MST"
        assert not any("here)" in line for line in screen_lines(app))
