"""A form saved after someone else saved the same record: nothing is written over their
change, the form stays open with what the paralegal typed, and it says what they changed.
A second ctrl+s, made knowing that, saves."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.widgets import Input, Static, TabbedContent

from db.store import Store
from docket.models import DocType, Filing, Hearing
from tests.tui.helpers import add_case, open_first_case, settle
from tui.app import DocketApp
from tui.forms.filing_form import FilingForm
from tui.forms.hearing_form import HearingUpdateForm
from tui.screens.case import CaseScreen

pytestmark = pytest.mark.anyio

SIZE = (120, 36)


def other_writer(store: Store) -> Store:
    """A second connection to the same file, as another window or process has."""
    return Store.open(store.target, clock=store.clock, user="colleague")


@pytest.fixture
def entry_case(store: Store) -> tuple[Store, int]:
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert case.id is not None
    store.add_filing(
        case.id,
        Filing(filed_on=date(2026, 11, 20), doc_type=DocType.MOTION, title="Motion to compel"),
    )
    return store, case.id


async def test_a_stale_entry_form_keeps_the_typing_and_says_what_changed(
    entry_case: tuple[Store, int],
) -> None:
    store, case_id = entry_case
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FilingForm)
        with other_writer(store) as colleague:
            colleague.edit_filing(case_id, 1, {"description": "with exhibits A-C"})
        await pilot.press("tab", "tab", "ctrl+a", "ctrl+k", *"Amended motion", "ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form stays open"
        assert form.query_one("#title", Input).value == "Amended motion"
        message = str(form.query_one("#form-message", Static).render())
        assert "Someone else saved entry 1" in message
        assert "description is now “with exhibits A-C”" in message
        saved = store.filing_by_entry(case_id, 1)
        assert (saved.title, saved.description) == ("Motion to compel", "with exhibits A-C")

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        saved = store.filing_by_entry(case_id, 1)
        # The form showed no description, so saving it clears the colleague's: a choice the
        # message above put in front of the paralegal before this second save.
        assert (saved.title, saved.version) == ("Amended motion", 3)


async def test_a_stale_hearing_form_keeps_the_typing_and_says_what_changed(
    store: Store,
) -> None:
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert case.id is not None
    hearing, _ = store.add_hearing(
        case.id,
        Hearing(starts_at=datetime(2026, 12, 15, 10).astimezone(), kind="motion hearing"),
    )
    assert hearing.id is not None
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        screen.query_one("#tabs", TabbedContent).active = "tab-hearings"
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HearingUpdateForm)
        with other_writer(store) as colleague:
            colleague.change_hearing(hearing.id, location="Courtroom 3")
        form.query_one("#outcome", Input).value = "taken under advisement"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#outcome", Input).value == "taken under advisement"
        message = str(form.query_one("#form-message", Static).render())
        assert "Someone else saved this hearing" in message
        assert "where is now “Courtroom 3”" in message
        assert store.get_hearing(hearing.id).outcome is None

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert store.get_hearing(hearing.id).outcome == "taken under advisement"
