"""Related matters and "mine" in the TUI: the Links tab follows a link with enter, `g` shows the
linked group in the Cases list, and `m` narrows the Cases list and the Agenda to what the
current user answers for (today fixed at 2026-11-25 by the store's clock)."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input

from db.store import Store
from docket.links import LinkRelation
from docket.models import CaseKind, Deadline
from docket.team import Person, PersonRole
from tests.tui.helpers import add_case, messages, row_text, screen_lines, settle
from tui.app import DocketApp
from tui.forms.link_form import LinkForm
from tui.forms.responsible_form import ResponsibleForm
from tui.screens.case import CaseScreen
from tui.screens.cases import CasesScreen

pytestmark = pytest.mark.anyio

SIZE = (120, 36)


@pytest.fixture
def linked(store: Store) -> Store:
    """An incident's investigation, the prosecution it led to and that case's appeal, linked;
    and an unrelated suit, the most urgent matter (its answer is overdue)."""
    suit = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert suit.id is not None
    store.add_deadline(suit.id, Deadline(due_on=date(2026, 11, 20), title="Answer due"))
    probe = add_case(store, "INV-2026-7", "Crash on NM 14", kind=CaseKind.INVESTIGATION)
    charge = add_case(store, "D-101-CR-2026-9", "State v. Roe", kind=CaseKind.CRIMINAL)
    appeal = add_case(store, "A-1-CA-4410", "State v. Roe (appeal)", kind=CaseKind.APPEAL)
    assert probe.id and charge.id and appeal.id
    store.link_cases(charge.id, probe.id, LinkRelation.SAME_INCIDENT, note="charged after it")
    store.link_cases(appeal.id, charge.id, LinkRelation.APPEAL_OF)
    return store


async def open_case(pilot: object, app: DocketApp, case_id: int) -> CaseScreen:
    app.open_case(case_id)
    await settle(pilot)
    assert isinstance(app.screen, CaseScreen)
    return app.screen


async def test_a_matter_with_no_links_says_so_and_l_links_one(linked: Store) -> None:
    suit = linked.find_case("1:26-cv-00042")
    assert suit.id is not None
    app = DocketApp(linked)
    async with app.run_test(size=SIZE) as pilot:
        await open_case(pilot, app, suit.id)
        await pilot.press("6")
        await settle(pilot)
        shown = "\n".join(screen_lines(app))
        assert "No related matters yet · l links one" in shown
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LinkForm)


async def test_enter_on_a_link_opens_the_other_matter_and_escape_comes_back(
    linked: Store,
) -> None:
    charge = linked.find_case("D-101-CR-2026-9")
    assert charge.id is not None
    app = DocketApp(linked)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, app, charge.id)
        await pilot.press("6")  # the Links tab's own key
        await settle(pilot)
        links = screen.query_one("#links", DataTable)
        assert app.focused is links
        # Both links, each in this matter's own words: it is appealed in one, and the same
        # incident as the other.
        assert [row_text(links, i)[:2] for i in range(links.row_count)] == [
            ["appealed in", "A-1-CA-4410"],
            ["same incident as", "INV-2026-7"],
        ]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert app.screen.case.number == "INV-2026-7"
        # From the investigation the same link reads the same way back.
        await pilot.click("#--content-tab-tab-links")
        await settle(pilot)
        back = app.screen.query_one("#links", DataTable)
        assert row_text(back, 0)[:2] == ["same incident as", "D-101-CR-2026-9"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_g_lists_the_whole_linked_group_and_escape_shows_every_matter(
    linked: Store,
) -> None:
    appeal = linked.find_case("A-1-CA-4410")
    assert appeal.id is not None
    app = DocketApp(linked)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_case(pilot, app, appeal.id)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, CasesScreen)
        table = app.screen.query_one("#cases", DataTable)
        numbers = {row_text(table, i)[1] for i in range(table.row_count)}
        # The appeal reaches the investigation through the prosecution; the suit is not in it.
        assert numbers == {"A-1-CA-4410", "D-101-CR-2026-9", "INV-2026-7"}
        assert "Cases · linked to A-1-CA-4410 · 3" in screen_lines(app)[0]
        await pilot.press("escape")
        await settle(pilot)
        assert table.row_count == 4


@pytest.fixture
def team(linked: Store) -> Store:
    """The tester (the store's user) is the prosecution's paralegal; a colleague has the suit."""
    me = linked.add_person(Person(name="Terry Tester", role=PersonRole.PARALEGAL, login="tester"))
    linked.add_person(Person(name="Dana Whitlock", role=PersonRole.ATTORNEY))
    charge = linked.find_case("D-101-CR-2026-9")
    suit = linked.find_case("1:26-cv-00042")
    assert charge.id and suit.id and me.id
    linked.assign_case(charge.id, paralegal="Terry Tester")
    linked.assign_case(suit.id, attorney="Dana Whitlock")
    linked.add_deadline(charge.id, Deadline(due_on=date(2026, 12, 1), title="Discovery due"))
    return linked


async def test_m_on_the_cases_list_shows_only_mine_and_again_everything(team: Store) -> None:
    app = DocketApp(team)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#cases", DataTable)
        assert table.row_count == 4
        await pilot.press("m")
        await settle(pilot)
        assert [row_text(table, i)[1] for i in range(table.row_count)] == ["D-101-CR-2026-9"]
        assert "Cases · mine · 1" in screen_lines(app)[0]
        await pilot.press("m")
        await settle(pilot)
        assert table.row_count == 4


async def test_m_on_the_agenda_shows_only_mine(team: Store) -> None:
    app = DocketApp(team)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        table = app.screen.query_one("#agenda-table", DataTable)
        titles = {row_text(table, i)[3] for i in range(table.row_count)}
        assert titles == {"Answer due", "Discovery due"}
        await pilot.press("m")
        await settle(pilot)
        assert [row_text(table, i)[3] for i in range(table.row_count)] == ["Discovery due"]


async def test_m_when_the_user_is_not_on_the_team_says_how_to_join(linked: Store) -> None:
    app = DocketApp(linked)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert app.screen.query_one("#cases", DataTable).row_count == 4
        assert "no one on the team has that login or name" in messages(app)
        assert "--login tester" in messages(app)


async def test_case_header_names_who_answers_for_it(team: Store) -> None:
    charge = team.find_case("D-101-CR-2026-9")
    assert charge.id is not None
    team.assign_case(charge.id, attorney="Dana Whitlock", matter_no="M-1042")
    app = DocketApp(team)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_case(pilot, app, charge.id)
        text = "\n".join(screen_lines(app)[:6])
        assert "Attorney: Dana Whitlock   Paralegal: Terry Tester" in text
        assert "Matter: M-1042" in text


async def test_l_links_this_matter_to_another_typed_by_number(linked: Store) -> None:
    suit = linked.find_case("1:26-cv-00042")
    assert suit.id is not None
    app = DocketApp(linked)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, app, suit.id)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LinkForm)
        # A number that is no case is marked with the closest one, and nothing is saved.
        await pilot.press(*"CR-2026-9", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LinkForm)
        assert "closest: D-101-CR-2026-9" in messages_of(app.screen)
        await pilot.press(*["backspace"] * 9, *"D-101-CR-2026-9", "tab")
        await pilot.press("enter", "down", "down", "down", "enter")  # parallel to it
        await pilot.press("tab", *"same facts", "ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        links = screen.query_one("#links", DataTable)
        assert row_text(links, 0)[:2] == ["parallel to", "D-101-CR-2026-9"]
        charge = linked.find_case("D-101-CR-2026-9")
        assert charge.id is not None
        assert ("parallel", "1:26-cv-00042") in [
            (link.relation, link.number) for link in linked.case_links(charge.id)
        ]


async def test_x_on_the_links_tab_unlinks_after_asking(linked: Store) -> None:
    appeal = linked.find_case("A-1-CA-4410")
    assert appeal.id is not None
    app = DocketApp(linked)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, app, appeal.id)
        await pilot.click("#--content-tab-tab-links")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one("#links", DataTable).row_count == 0
        assert linked.case_links(appeal.id) == []
        assert "Unlinked: no longer appeal of D-101-CR-2026-9" in messages(app)


async def test_r_sets_who_answers_for_the_matter_refusing_a_name_not_on_the_team(
    team: Store,
) -> None:
    suit = team.find_case("1:26-cv-00042")
    assert suit.id is not None
    app = DocketApp(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_case(pilot, app, suit.id)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ResponsibleForm)
        assert app.screen.query_one("#attorney", Input).value == "Dana Whitlock"
        await pilot.press("tab", *"Terry Testr", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ResponsibleForm)
        assert "closest: Terry Tester" in messages_of(app.screen)
        await pilot.press("backspace", *"er", "tab", *"M-77", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        people = team.responsible(suit.id)
        assert people.paralegal is not None and people.paralegal.name == "Terry Tester"
        assert team.find_case("1:26-cv-00042").matter_no == "M-77"
        assert "Paralegal: Terry Tester" in "\n".join(screen_lines(app)[:6])


def messages_of(form: object) -> str:
    """Every field message a form shows now."""
    from textual.screen import Screen

    assert isinstance(form, Screen)
    return "\n".join(str(label.render()) for label in form.query(".field-error"))


async def test_how_a_deadline_was_counted_says_whom_it_was_given_to(team: Store) -> None:
    charge = team.find_case("D-101-CR-2026-9")
    assert charge.id is not None
    [deadline] = team.deadlines(charge.id)
    assert deadline.id is not None
    team.assign_deadline(deadline.id, "Dana Whitlock")
    app = DocketApp(team)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, app, charge.id)
        await pilot.click("#--content-tab-tab-deadlines")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert app.screen is not screen
        assert "Given to: Dana Whitlock" in "\n".join(screen_lines(app))
