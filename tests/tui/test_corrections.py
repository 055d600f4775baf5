"""Changing what is already on a case from the TUI: void and edit docket entries, update
hearings, close and explain deadlines, follow-up dates; plus the keymap file, help, themes and
the 80×24 layout. Keys pressed through Pilot; checked on screen and in the database."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, Static, TabbedContent

from db.store import Store
from docket.models import (
    Deadline,
    DeadlineStatus,
    DocType,
    EntrySource,
    Filing,
    Hearing,
    HearingStatus,
)
from tests.tui.helpers import (
    add_case,
    messages,
    notices,
    open_first_case,
    row_text,
    settle,
)
from tui.app import DocketApp
from tui.forms.case_form import CaseForm
from tui.forms.deadline_form import DeadlineForm
from tui.forms.filing_form import FilingForm
from tui.forms.follow_up_form import FollowUpForm
from tui.forms.hearing_form import HearingForm, HearingUpdateForm
from tui.forms.void_form import VoidForm
from tui.screens.case import CaseScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.deadline_info import DeadlineInfoScreen
from tui.screens.help import HelpScreen

pytestmark = pytest.mark.anyio

SIZE = (120, 36)
TRICKY = "dup of [Doc 12] [b]x[/b]"


@pytest.fixture
def motion_case(store: Store) -> Store:
    """A civil case whose one entry, a motion filed Fri 20 Nov, set a response deadline."""
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert case.id is not None
    store.add_filing(
        case.id,
        Filing(filed_on=date(2026, 11, 20), doc_type=DocType.MOTION, title="Motion to compel"),
    )
    return store


def showing(app: DocketApp, screen: object) -> bool:
    """Whether `screen` is the one on top (a function, so type narrowing does not stick)."""
    return app.screen is screen


def case_id_of(store: Store) -> int:
    case_id = store.find_case("1:26-cv-00042").id
    assert case_id is not None
    return case_id


async def show_tab(pilot: Any, screen: CaseScreen, tab: str) -> None:
    screen.query_one("#tabs", TabbedContent).active = tab
    await settle(pilot)


# ---------------------------------------------------------------------- void


async def test_void_entry_keeps_row_marks_it_and_withdraws_its_deadline(
    motion_case: Store,
) -> None:
    case_id = case_id_of(motion_case)
    [response] = motion_case.deadlines(case_id)
    assert (response.title, response.due_on) == ("Response to motion due", date(2026, 12, 4))
    app = DocketApp(motion_case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VoidForm)
        await pilot.press("ctrl+s")  # no reason given
        await settle(pilot)
        assert app.screen.query_one("#reason-row").has_class("-invalid")
        assert not motion_case.filing_by_entry(case_id, 1).voided
        await pilot.press(*"half", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *TRICKY, "ctrl+s")
        await settle(pilot)
        assert showing(app, screen)
        filing = motion_case.filing_by_entry(case_id, 1)
        assert filing.voided and filing.void_reason == TRICKY
        assert motion_case.get_deadline(response.id or 0).status == DeadlineStatus.WITHDRAWN
        docket = screen.query_one("#docket", DataTable)
        assert docket.row_count == 1
        assert row_text(docket, 0)[3] == f"VOID: {TRICKY}  Motion to compel"
        assert "Withdrawn: Response to motion due · was due" in messages(app)
        await pilot.press("v")
        await settle(pilot)
        assert showing(app, screen)  # no form for an entry already voided
        assert "Entry 1 is already voided" in messages(app)
        await pilot.press("e")
        await settle(pilot)
        assert showing(app, screen)
        assert "it can no longer be edited" in messages(app)


async def test_void_is_only_on_the_docket_tab(motion_case: Store) -> None:
    app = DocketApp(motion_case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await show_tab(pilot, screen, "tab-parties")
        await pilot.press("v")
        await settle(pilot)
        assert showing(app, screen)
        assert not motion_case.filing_by_entry(case_id_of(motion_case), 1).voided


# ---------------------------------------------------------------------- edit


async def test_edit_entry_prefilled_and_moved_date_recomputes_deadline(
    motion_case: Store,
) -> None:
    case_id = case_id_of(motion_case)
    app = DocketApp(motion_case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FilingForm)
        assert form.query_one("#date Input", Input).value == "2026-11-20"
        assert form.query_one("#type", Input).value == "motion"
        assert form.query_one("#title", Input).value == "Motion to compel"
        await pilot.press("ctrl+a", "ctrl+k", *"11/23/26", "ctrl+s")
        await settle(pilot)
        assert showing(app, screen)
        filing = motion_case.filing_by_entry(case_id, 1)
        assert filing.filed_on == date(2026, 11, 23)
        assert filing.title == "Motion to compel"
        [response] = motion_case.deadlines(case_id)
        assert response.due_on == date(2026, 12, 7)
        assert "Deadline recomputed: Response to motion due · now due Mon 7 Dec 2026" in messages(
            app
        )
        assert row_text(screen.query_one("#docket", DataTable), 0)[1] == "2026-11-23"


async def test_edit_imported_entry_keeps_its_source(store: Store) -> None:
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert case.id is not None
    store.import_filing(
        case.id,
        Filing(
            filed_on=date(2026, 11, 2),
            title="ORDER setting conference",
            source=EntrySource.PACER,
            source_id="akd-7",
            document_number="7",
        ),
    )
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FilingForm)
        assert "from pacer" in form.form_title
        await pilot.press("tab", "tab", "end", *" (amended)", "ctrl+n")  # ctrl+n: new entries only
        await settle(pilot)
        assert showing(app, form)
        await pilot.press("ctrl+s")
        await settle(pilot)
        filing = store.filing_by_entry(case.id, 1)
        assert filing.title == "ORDER setting conference (amended)"
        assert (filing.source, filing.source_id, filing.document_number) == (
            EntrySource.PACER,
            "akd-7",
            "7",
        )
        assert store.count_filings(case.id) == 1


# ---------------------------------------------------------------------- hearings


@pytest.fixture
def hearing_case(store: Store) -> Store:
    """A motion hearing on Tue 15 Dec 2026 10:00, with its two before-hearing deadlines."""
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert case.id is not None
    store.add_hearing(
        case.id,
        Hearing(
            starts_at=datetime(2026, 12, 15, 10, 0).astimezone(),
            kind="motion hearing",
            location="Courtroom 3",
        ),
    )
    return store


async def open_hearing_form(pilot: Any) -> HearingUpdateForm:
    screen = await open_first_case(pilot)
    await show_tab(pilot, screen, "tab-hearings")
    await pilot.press("e")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, HearingUpdateForm)
    return form


async def test_h_schedules_a_hearing_and_names_what_is_missing(motion_case: Store) -> None:
    app = DocketApp(motion_case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await pilot.press("h", *"12/32/26 9:30am", "ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HearingForm)
        assert str(form.query_one("#when-error", Static).render()).startswith("when:")
        kind_error = str(form.query_one("#kind-error", Static).render())
        assert kind_error == "kind: is required (for example: status conference)"
        await pilot.press("ctrl+a", "ctrl+k", *"12/3/26 9:30am", "tab", *"motion hearing")
        await pilot.press("tab", *"Courtroom 3", "ctrl+s")
        await settle(pilot)
        assert showing(app, screen)
        [hearing] = motion_case.hearings(case_id_of(motion_case))
        assert (hearing.kind, hearing.location) == ("motion hearing", "Courtroom 3")
        assert hearing.starts_at.astimezone().strftime("%Y-%m-%d %H:%M") == "2026-12-03 09:30"
        await show_tab(pilot, screen, "tab-hearings")
        assert row_text(screen.query_one("#hearings", DataTable), 0)[1] == "motion hearing"


async def test_moving_a_hearing_recomputes_its_deadlines(hearing_case: Store) -> None:
    case_id = case_id_of(hearing_case)
    before = {d.title: d.due_on for d in hearing_case.deadlines(case_id)}
    assert before["Opposing affidavits due"] == date(2026, 12, 8)
    app = DocketApp(hearing_case)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_hearing_form(pilot)
        assert form.query_one("#when", Input).value == "2026-12-15 10:00"
        assert form.query_one("#where", Input).value == "Courtroom 3"
        await pilot.press("ctrl+a", "ctrl+k", *"12/22/26 10am", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        [hearing] = hearing_case.hearings(case_id)
        assert hearing.starts_at.astimezone().date() == date(2026, 12, 22)
        after = {d.title: d.due_on for d in hearing_case.deadlines(case_id)}
        assert after["Opposing affidavits due"] == date(2026, 12, 15)
        assert "Deadline moved: Opposing affidavits due · Tue 15 Dec 2026" in messages(app)


async def test_continued_hearing_schedules_the_new_one_and_withdraws_deadlines(
    hearing_case: Store,
) -> None:
    case_id = case_id_of(hearing_case)
    app = DocketApp(hearing_case)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_hearing_form(pilot)
        form.query_one("#continued", Input).focus()
        await pilot.press(*"1/12/27 9:30am", "ctrl+s")
        await settle(pilot)
        # still scheduled: a continued-to time makes no sense yet
        assert showing(app, form)
        assert form.query_one("#continued-row").has_class("-invalid")
        assert len(hearing_case.hearings(case_id)) == 1
        form.query_one("#status", Select).value = "continued"
        form.query_one("#outcome", Input).focus()
        await pilot.press(*"continued at defendant's request", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        old, new = hearing_case.hearings(case_id)
        assert old.status == HearingStatus.CONTINUED
        assert old.outcome == "continued at defendant's request"
        assert new.status == HearingStatus.SCHEDULED
        assert new.starts_at.astimezone().strftime("%Y-%m-%d %H:%M") == "2027-01-12 09:30"
        assert (new.kind, new.location) == ("motion hearing", "Courtroom 3")
        statuses = {(d.trigger_hearing_id, d.status) for d in hearing_case.deadlines(case_id)}
        assert (old.id, DeadlineStatus.WITHDRAWN) in statuses
        assert (new.id, DeadlineStatus.OPEN) in statuses
        assert (old.id, DeadlineStatus.OPEN) not in statuses
        shown = messages(app)
        assert "Withdrawn: Opposing affidavits due" in shown
        assert "Scheduled the continued hearing: 2027-01-12 09:30" in shown
        table = app.screen.query_one("#hearings", DataTable)
        assert [row_text(table, i)[3] for i in range(table.row_count)] == [
            "continued",
            "scheduled",
        ]
        # saving the continued hearing again does not schedule a second new one
        await pilot.press("up", "e")
        await settle(pilot)
        assert isinstance(app.screen, HearingUpdateForm)
        assert app.screen.hearing.id == old.id
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(hearing_case.hearings(case_id)) == 2


# ---------------------------------------------------------------------- deadlines


@pytest.fixture
def deadline_case(motion_case: Store) -> Store:
    case_id = case_id_of(motion_case)
    motion_case.add_deadline(case_id, Deadline(due_on=date(2026, 11, 20), title="Overdue brief"))
    motion_case.add_deadline(case_id, Deadline(due_on=date(2026, 11, 25), title="Due today"))
    return motion_case


async def test_deadlines_marked_waived_and_explained(deadline_case: Store) -> None:
    case_id = case_id_of(deadline_case)
    app = DocketApp(deadline_case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await pilot.press("w")  # Docket tab: nothing to waive
        await show_tab(pilot, screen, "tab-deadlines")
        table = screen.query_one("#deadlines", DataTable)
        rows = [row_text(table, i) for i in range(table.row_count)]
        assert [(r[1], r[2]) for r in rows] == [
            ("Overdue brief", "OVERDUE"),
            ("Due today", "TODAY"),
            ("Response to motion due", "open"),
        ]
        overdue_style = table.get_row_at(0)[2].style
        assert app.theme_variables["error"].lower() in str(overdue_style).lower()
        await pilot.press("w")
        await settle(pilot)
        waived = [d for d in deadline_case.deadlines(case_id) if d.title == "Overdue brief"]
        assert waived[0].status == DeadlineStatus.WAIVED
        assert "Waived: Overdue brief" in messages(app)
        assert deadline_case.overdue_count() == 0
        # the computed one: enter shows how it was counted, with rule and citation
        index = next(
            i for i in range(table.row_count) if row_text(table, i)[1] == "Response to motion due"
        )
        table.move_cursor(row=index)
        await pilot.press("enter")
        await settle(pilot)
        info = app.screen
        assert isinstance(info, DeadlineInfoScreen)
        rule = str(info.query_one("#info-rule", Static).render())
        assert "frcp-response-motion" in rule
        steps = str(info.query_one("#info-steps", Static).render())
        assert steps.startswith("1. ")
        assert "2026" in steps
        assert "entry 1, Motion to compel" in str(info.query_one("#info-trigger", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert showing(app, screen)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, DeadlineInfoScreen)


# ---------------------------------------------------------------------- follow-up


async def test_follow_up_date_set_shown_flagged_and_cleared(motion_case: Store) -> None:
    case_id = case_id_of(motion_case)
    app = DocketApp(motion_case)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await pilot.press("o")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FollowUpForm)
        await pilot.press(*"11/21/26")
        await settle(pilot)
        assert str(form.query_one(".date-preview", Static).render()).startswith("Sat 21 Nov 2026")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert showing(app, screen)
        assert motion_case.get_case(case_id).follow_up_on == date(2026, 11, 21)
        header = str(screen.query_one("#case-header", Static).render())
        assert "Follow up: Sat 21 Nov 2026" in header
        assert "needs attention: follow-up due 2026-11-21" in header
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", "ctrl+s")
        await settle(pilot)
        assert motion_case.get_case(case_id).follow_up_on is None
        header = str(screen.query_one("#case-header", Static).render())
        assert "Follow up: not set" in header
        assert "needs attention" not in header


async def test_bad_follow_up_date_saves_nothing(motion_case: Store) -> None:
    app = DocketApp(motion_case)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("o", *"13/45/26", "ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FollowUpForm)
        assert str(form.query_one("#on-error", Static).render()).startswith("follow up on:")
        assert motion_case.get_case(case_id_of(motion_case)).follow_up_on is None


async def test_what_the_model_rejects_is_shown_under_its_field(motion_case: Store) -> None:
    """A lead time past a year passes the form's own checks; the model's message lands
    under Remind, and a service date years before the filing under the form."""
    app = DocketApp(motion_case)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("d", *"12/1/26", "tab", *"Reply brief due", "tab")
        await pilot.press("ctrl+u", *"400", "ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DeadlineForm)
        assert form.query_one("#remind-row").has_class("-invalid")
        assert not form.query_one("#title-row").has_class("-invalid")
        remind_error = str(form.query_one("#remind-error", Static).render())
        assert remind_error == "remind_days: lead times are whole days from 0 to 365"
        await pilot.press("escape", "y", "f", *"11/24/26", "tab", "tab", *"Order")
        await pilot.press("tab", "tab", "tab", *"1/5/24", "ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FilingForm)
        message = str(form.query_one("#form-message", Static).render())
        assert message == "form: served_on is more than a year before filed_on"
        case_id = case_id_of(motion_case)
        assert [f.title for f in motion_case.filings(case_id)] == ["Motion to compel"]
        assert all(d.title != "Reply brief due" for d in motion_case.deadlines(case_id))


# ---------------------------------------------------------------------- cases list and themes


async def test_next_column_marks_overdue_and_survives_light_theme(store: Store) -> None:
    late = add_case(store, "26-0001", "Late matter")
    soon = add_case(store, "26-0002", "Upcoming matter")
    assert late.id is not None and soon.id is not None
    store.add_deadline(late.id, Deadline(due_on=date(2026, 11, 20), title="Missed"))
    store.add_deadline(soon.id, Deadline(due_on=date(2026, 12, 1), title="Soon"))
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#cases", DataTable)
        nexts = {row_text(table, i)[1]: row_text(table, i)[5] for i in range(table.row_count)}
        assert nexts == {"26-0001": "2026-11-20 overdue", "26-0002": "2026-12-01"}
        dark_error = app.theme_variables["error"]
        app.theme = "textual-light"
        await settle(pilot)
        await settle(pilot)
        light_error = app.theme_variables["error"]
        cell = table.get_row_at(0)[5]
        assert light_error.lower() in str(cell.style).lower()
        if light_error != dark_error:
            assert dark_error.lower() not in str(cell.style).lower()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        app.screen.query_one("#tabs", TabbedContent).active = "tab-deadlines"
        await settle(pilot)
        app.theme = "textual-dark"
        await settle(pilot)
        assert "[b]" not in app.export_screenshot()


# ---------------------------------------------------------------------- keymap and help


async def test_keymap_file_remaps_a_binding_and_help_shows_it(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('"cases.new" = "ctrl+n"\n')
    monkeypatch.setenv("DOCKET_KEYMAP", str(keymap))
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("n")
        await settle(pilot)
        assert not isinstance(app.screen, CaseForm)
        await pilot.press("question_mark")
        await settle(pilot)
        help_table = app.screen.query_one("#help-table", DataTable)
        keys = {
            row_text(help_table, i)[1]: row_text(help_table, i)[0]
            for i in range(help_table.row_count)
        }
        assert keys["New case"] == "^n"
        assert str(keymap) in str(app.screen.query_one("#help-keymap", Static).render())
        await pilot.press("escape", "ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, CaseForm)
        assert "Keymap ignored" not in [n.title for n in notices(app)]


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ('"cases.nwe" = "ctrl+n"\n', "no binding has the id 'cases.nwe'"),
        ('"cases.new" = ctrl+n\n', "not valid TOML"),
        ('"cases.new" = 3\n', "needs a key such as"),
    ],
)
async def test_bad_keymap_file_is_reported_once_and_ignored(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, complaint: str
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text(text)
    monkeypatch.setenv("DOCKET_KEYMAP", str(keymap))
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        ignored = [n for n in notices(app) if n.title == "Keymap ignored"]
        assert len(ignored) == 1
        assert complaint in ignored[0].message and str(keymap) in ignored[0].message
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CaseForm)  # the standard key still works


async def test_help_lists_the_new_case_keys_on_every_tab(motion_case: Store) -> None:
    app = DocketApp(motion_case)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table", DataTable)
        rows = {row_text(table, i)[1]: row_text(table, i) for i in range(table.row_count)}
        expected = {
            "Void": ("v", "case.void"),
            "Edit": ("e", "case.edit_filing"),
            "Update": ("e", "case.edit_hearing"),
            "Done": ("x", "case.done"),
            "Waive": ("w", "case.waive"),
            "How counted": ("i", "case.explain"),
            "Follow up": ("o", "case.follow_up"),
        }
        for description, (key, binding_id) in expected.items():
            assert (rows[description][0], rows[description][3]) == (key, binding_id)


# ---------------------------------------------------------------------- 80×24


async def test_forms_scroll_at_80x24_and_save_from_the_last_field(hearing_case: Store) -> None:
    case_id = case_id_of(hearing_case)
    app = DocketApp(hearing_case)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilingForm)
        await pilot.press("tab", *"order", "tab", *"Scheduling order")
        for _ in range(4):
            await pilot.press("tab")
            await settle(pilot)
            focused = app.focused
            assert focused is not None
            assert app.screen.region.contains_region(focused.region)
        assert isinstance(app.focused, Select) and app.focused.id == "service"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert showing(app, screen)
        assert hearing_case.filing_by_entry(case_id, 1).title == "Scheduling order"

        await show_tab(pilot, screen, "tab-hearings")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, HearingUpdateForm)
        for _ in range(5):
            await pilot.press("tab")
            await settle(pilot)
            focused = app.focused
            assert focused is not None
            assert form.region.contains_region(focused.region)
        assert isinstance(app.focused, Input) and app.focused.id == "continued"
        await pilot.press(*"1/12/27 9:30am", "ctrl+s")
        await settle(pilot)
        assert showing(app, form)  # status is still scheduled: refused, field shown
        assert form.region.contains_region(form.query_one("#continued-error").region)
