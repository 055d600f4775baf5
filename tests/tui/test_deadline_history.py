"""What the screens say when deadlines are met, reopened, withdrawn and restored, and when an
import finds deadlines already past. Today is Wed 25 Nov 2026.

A complaint filed Mon 2 Nov 2026 sets the answer (21 days: Mon 23 Nov) and service (90 days:
28 left in Nov, 31 in Dec, 31 more is Sun 31 Jan 2027, which runs to Mon 1 Feb).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, Static, TabbedContent

from db.store import Store
from docket.models import DeadlineStatus, DocType, Filing
from tests.conftest import PACER_SAMPLES
from tests.tui.helpers import add_case, messages, notices, open_first_case, row_text, settle
from tui.app import DocketApp
from tui.forms.filing_form import FilingForm
from tui.forms.import_form import ImportPacerForm
from tui.forms.status_form import StatusForm
from tui.forms.void_form import VoidForm
from tui.screens.deadline_info import DeadlineInfoScreen

pytestmark = pytest.mark.anyio

SIZE = (120, 36)


@pytest.fixture
def complaint(store: Store) -> Store:
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert case.id is not None
    store.add_filing(
        case.id, Filing(filed_on=date(2026, 11, 2), doc_type=DocType.COMPLAINT, title="Complaint")
    )
    return store


def the_case(store: Store) -> int:
    case_id = store.find_case("1:26-cv-00042").id
    assert case_id is not None
    return case_id


async def file_answer(pilot: Any) -> None:
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FilingForm)
    await pilot.press("ctrl+a", "ctrl+k", *"11/20/26", "tab", *"answer", "tab", *"Answer")
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_the_filing_form_announces_the_deadline_an_answer_met_and_a_void_reopens_it(
    complaint: Store,
) -> None:
    app = DocketApp(complaint)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await file_answer(pilot)
        assert "Entry 2 saved: Answer\nMet: Answer to complaint due · was due Mon 23 Nov 2026" in (
            messages(app)
        )
        docket = screen.query_one("#docket", DataTable)
        assert docket.cursor_row == 1  # the new entry, which the void below acts on
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VoidForm)
        await pilot.press(*"wrong case", "ctrl+s")
        await settle(pilot)
        assert "No longer met, open: Answer to complaint due · due Mon 23 Nov 2026" in (
            messages(app)
        )
        screen.query_one("#tabs", TabbedContent).active = "tab-deadlines"
        await settle(pilot)
        deadlines = screen.query_one("#deadlines", DataTable)
        shown = {row_text(deadlines, i)[1]: row_text(deadlines, i)[2] for i in range(2)}
        assert shown["Answer to complaint due"] == "OVERDUE"
        deadlines.focus()
        deadlines.move_cursor(row=0)  # open ones first, by due date: the answer's
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DeadlineInfoScreen)
        story = str(app.screen.query_one("#info-history", Static).render())
        assert story == ("2026-11-20  satisfied by entry 2\n2026-11-25  reopened (entry 2 voided)")


async def choose_move(pilot: Any, move: str, **typed: str) -> None:
    await pilot.press("t")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, StatusForm)
    form.query_one("#move", Select).value = move
    await settle(pilot)
    for field_id, text in typed.items():
        form.query_one(f"#{field_id}", Input).focus()
        await pilot.press(*text)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_reopening_a_matter_says_how_many_deadlines_came_back(complaint: Store) -> None:
    app = DocketApp(complaint)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await choose_move(pilot, "closed", disposition="settled")
        assert "Status change saved; 2 open deadlines withdrawn" in messages(app)
        await choose_move(pilot, "reopen", note="settlement fell through")
        assert "Status change saved; 2 deadlines the close withdrew open again" in messages(app)
        statuses = {d.rule: d.status for d in complaint.deadlines(the_case(complaint))}
        assert statuses == {
            "frcp-12a-answer": DeadlineStatus.OPEN,
            "frcp-4m-service": DeadlineStatus.OPEN,
        }


async def test_the_pacer_import_form_names_the_deadlines_past_at_import(store: Store) -> None:
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ImportPacerForm())
        await settle(pilot)
        await pilot.press(*str(PACER_SAMPLES / "njd_509180.html"), "tab", *"njd", "ctrl+s")
        await settle(pilot)
        said = notices(app)
        (summary,) = [n.message for n in said if n.message.startswith("Imported:")]
        assert summary.endswith("; 19 already past at import (4 not calendared)")
        warned = [n.message for n in said if n.severity == "warning"]
        # The complaint (entry 1), filed Wed 1 Mar 2023: answer due 21 days later, Wed 22 Mar.
        assert warned[0] == (
            "deadline 2023-03-22 past at import, not calendared: Answer to complaint due "
            "(frcp-12a-answer, FRCP 12(a)(1)(A)(i)) from 2:23-cv-01194 entry 1"
        )
        assert len(warned) == 4
