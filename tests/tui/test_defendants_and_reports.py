"""The Case screen in a case against two defendants (each one's stage in the header and on
the Parties tab, one defendant moved with the status form by keys), a stage shown "as
reported", and a limitation period added with `l`."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Select, Static, TabbedContent

from db.store import Store
from docket.models import Case, CaseKind, PartyRole
from tests.tui.helpers import drawn, open_first_case, row_text, screen_lines, settle
from tui.app import DocketApp
from tui.forms.limitation_form import LimitationForm
from tui.forms.status_form import StatusForm

pytestmark = pytest.mark.anyio
SIZE = (120, 36)


def _two_defendants(store: Store) -> int:
    case = store.add_case(
        Case(
            number="D-202-CR-7",
            court="nm-dist-2",
            title="State v. Quince and Quince",
            kind=CaseKind.CRIMINAL,
            opened_on=date(2026, 1, 2),
        )
    )
    assert case.id is not None
    alma, _ = store.add_party(case.id, "Alma Quince", PartyRole.DEFENDANT)
    store.add_party(case.id, "Boris Quince", PartyRole.DEFENDANT)
    store.change_stage(case.id, "arraigned", on=date(2026, 1, 5))
    store.change_stage(case.id, "pretrial", on=date(2026, 1, 20))
    assert alma.id is not None
    store.change_party_stage(case.id, alma.id, "plea", on=date(2026, 3, 2))
    store.set_follow_up(case.id, date(2026, 11, 20))  # the most urgent case: it opens first
    return case.id


async def test_the_header_and_the_parties_tab_show_each_defendants_stage(store: Store) -> None:
    _two_defendants(store)
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        header = "\n".join(drawn(app, screen.query_one("#case-header", Static)))
        assert "Defendants: Alma Quince plea; Boris Quince pretrial (with the case)" in header
        screen.query_one("#tabs", TabbedContent).active = "tab-parties"
        await settle(pilot)
        table = screen.query_one("#parties", DataTable)
        assert [row_text(table, i)[0] for i in range(table.row_count)] == [
            "Alma Quince",
            "Boris Quince",
        ]
        table.focus()
        table.move_cursor(row=0)
        await settle(pilot)
        detail = "\n".join(drawn(app, screen.query_one("#party-detail", Static)))
        assert "Stage: plea since 2026-03-02" in detail


async def test_one_defendant_moves_by_keys_and_the_history_names_them(store: Store) -> None:
    case_id = _two_defendants(store)
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("t")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StatusForm)
        assert app.focused is form.query_one("#who", Select)
        # Who: the whole case, Alma Quince, Boris Quince. Choose Boris.
        await pilot.press("enter", "down", "down", "enter")
        await settle(pilot)
        assert str(form.query_one("#who", Select).value) != "(case)"
        offered = [value for _, value in form.choices]
        assert offered == ["plea", "trial", "sentencing", "appeal", "closed"], "no stay for one"
        await pilot.press("tab", "enter", "down", "down", "enter")  # Move to: trial
        await settle(pilot)
        assert form.query_one("#move", Select).value == "trial"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is case_screen
        boris = {d.name: d for d in store.defendants(case_id)}["Boris Quince"]
        assert boris.stage == "trial"
        assert store.get_case(case_id).stage == "pretrial", "the case itself did not move"
        case_screen.query_one("#tabs", TabbedContent).active = "tab-status"
        await settle(pilot)
        history = case_screen.query_one("#history", DataTable)
        assert row_text(history, 0)[1] == "Boris Quince: pretrial → trial"
        header = "\n".join(drawn(app, case_screen.query_one("#case-header", Static)))
        assert "Boris Quince trial" in header


async def test_a_reported_stage_says_as_reported_in_the_header(store: Store) -> None:
    case = store.add_case(
        Case(
            number="INV-9",
            title="Barn fire",
            kind=CaseKind.INVESTIGATION,
            opened_on=date(2026, 1, 1),
        )
    )
    assert case.id is not None
    store.change_stage(
        case.id,
        "active",
        on=date(2026, 1, 3),
        source="County Gazette",
        reported_on=date(2026, 1, 6),
    )
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        header = "\n".join(drawn(app, screen.query_one("#case-header", Static)))
        assert "Stage: active  (as reported 2026-01-06, County Gazette)" in header
        screen.query_one("#tabs", TabbedContent).active = "tab-status"
        await settle(pilot)
        assert any("[County Gazette, as reported 2026-01-06]" in line for line in screen_lines(app))


async def test_the_status_form_records_the_date_of_the_report(store: Store) -> None:
    case = store.add_case(
        Case(
            number="INV-10",
            title="Mill fire",
            kind=CaseKind.INVESTIGATION,
            opened_on=date(2026, 1, 1),
        )
    )
    assert case.id is not None
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, StatusForm)
        await pilot.press("enter", "down", "enter")  # Move to: active
        await pilot.press("tab", *"Reported continuing", "tab", *"Valley Star")
        await pilot.press("tab", "ctrl+u", *"1/3/26", "tab", *"1/6/26", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, StatusForm)
        reported = store.reported_status(case.id)
        assert reported is not None
        assert (reported.to_stage, reported.changed_on, reported.reported_on, reported.source) == (
            "active",
            date(2026, 1, 3),
            date(2026, 1, 6),
            "Valley Star",
        )


async def test_l_adds_a_wrongful_death_limitation_shown_on_the_deadlines_tab(
    store: Store,
) -> None:
    case = store.add_case(
        Case(
            number="D-101-CV-2026-5",
            court="nm-dist-1",
            title="Estate of Roe v. Ranch Films LLC",
            kind=CaseKind.CIVIL,
            opened_on=date(2026, 1, 2),
        )
    )
    assert case.id is not None
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("L")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, LimitationForm)
        assert form.query_one("#jurisdiction", Select).value == "NM", "the court's state"
        await pilot.press("enter", "down", "enter")  # Claim: the first, wrongful death
        await pilot.press("tab", *"10/21/21", "ctrl+s")
        await settle(pilot)
        assert app.screen is case_screen
        [deadline] = store.limitations(case.id)
        # Thu 21 Oct 2021 + 3 years = Mon 21 Oct 2024, a court day: it stays.
        assert (deadline.due_on, deadline.citation) == (date(2024, 10, 21), "NMSA 1978, § 41-2-2")
        table = case_screen.query_one("#deadlines", DataTable)
        row = row_text(table, 0)
        assert row[1] == "Wrongful death complaint: limitation period ends"
        assert row[3] == "NMSA 1978, § 41-2-2"
        assert "Mon 21 Oct 2024" in row[0]
