"""Editing a case from its screen: `E` opens the form filled in, a new court recounts the
deadlines and the screen says what moved (dates counted by hand)."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static

from db.store import Store
from docket.models import Filing, ServiceMethod
from tests.tui.helpers import add_case, messages, open_first_case, settle
from tui.app import DocketApp
from tui.forms.case_form import CaseForm
from tui.screens.case import CaseScreen

pytestmark = pytest.mark.anyio


def _federal_complaint(store: Store) -> int:
    case = add_case(store, "1:26-cv-00071", "Able v. Baker", court="nmd")
    assert case.id is not None
    store.add_filing(
        case.id,
        Filing(
            filed_on=date(2026, 11, 2),
            doc_type="complaint",
            title="Complaint",
            served_on=date(2026, 11, 4),
            service=ServiceMethod.PERSONAL,
        ),
    )
    return case.id


async def _court_field(pilot: object) -> CaseForm:
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.press("E")  # type: ignore[attr-defined]
    await settle(pilot)
    form = app.screen
    assert isinstance(form, CaseForm)
    assert form.query_one("#number", Input).value == "1:26-cv-00071"
    # Number, Title, Kind, then Court; ctrl+u clears what it holds.
    await pilot.press("tab", "tab", "tab", "ctrl+u")  # type: ignore[attr-defined]
    assert form.query_one("#court", Input).has_focus
    return form


async def test_moving_the_court_recounts_the_answer_and_says_so(store: Store) -> None:
    case_id = _federal_complaint(store)
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        await _court_field(pilot)
        await pilot.press(*"nm-dist-1", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        said = messages(app)
        # FRCP 12(a)(1)(A)(i): served Wed 4 Nov + 21 = Wed 25 Nov; NMRA 1-012(A): + 30 =
        # Fri 4 Dec 2026.
        assert "Deadline moved: Answer to complaint due (NMRA 1-012(A))" in said
        assert "Wed 25 Nov 2026 → Fri 4 Dec 2026" in said
        header = str(app.screen.query_one("#case-header", Static).render())
        assert "First Judicial District Court" in header  # the new court, by its name
    saved = store.get_case(case_id)
    assert (saved.court, saved.calendar) == ("nm-dist-1", "US-NM")
    answer = {d.title: d for d in store.deadlines(case_id)}["Answer to complaint due"]
    assert (answer.due_on, answer.citation) == (date(2026, 12, 4), "NMRA 1-012(A)")


async def test_an_unknown_court_is_marked_under_its_field_and_nothing_is_saved(
    store: Store,
) -> None:
    case_id = _federal_complaint(store)
    before = store.get_case(case_id)
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        form = await _court_field(pilot)
        await pilot.press(*"nmx", "ctrl+s")
        await settle(pilot)
        assert app.screen is form
        error = str(form.query_one("#court-error", Static).render())
        assert "'nmx' is not a registered court" in error and "nmd" in error
    assert store.get_case(case_id) == before


async def test_an_unregistered_court_edited_to_a_registered_one_is_no_longer_flagged(
    store: Store,
) -> None:
    case = add_case(store, "1:26-cv-00071", "Able v. Baker", court="Tumbleweed Court")
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first_case(pilot)
        assert "court not in the registry" in str(screen.query_one("#case-header", Static).render())
        await _court_field(pilot)
        await pilot.press(*"nm-metro", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "court not in the registry" not in str(
            screen.query_one("#case-header", Static).render()
        )
    assert case.id is not None
    assert store.cases_in_unregistered_courts() == []


async def test_an_opening_date_in_the_future_asks_for_a_second_save(store: Store) -> None:
    case_id = _federal_complaint(store)
    app = DocketApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        form = await _court_field(pilot)
        await pilot.press(*"nmd", "tab", "ctrl+u", *"2027-01-05", "ctrl+s")
        await settle(pilot)
        assert app.screen is form
        warning = str(form.query_one("#opened-error", Static).render())
        assert "2027-01-05 is in the future (today is 2026-11-25)" in warning
        assert "ctrl+s again" in str(form.query_one("#form-message", Static).render())
        assert store.get_case(case_id).opened_on == date(2026, 11, 2)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
    assert store.get_case(case_id).opened_on == date(2027, 1, 5)
