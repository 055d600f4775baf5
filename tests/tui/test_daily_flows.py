"""The TUI as a paralegal uses it: keys pressed through Pilot, checked on screen and in the
database (a real SQLite file per test, today fixed at 2026-11-25 by the store's clock)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, Static, TabbedContent

from db.store import Store
from docket.models import CaseKind, Deadline, PartyRole
from tests.tui.helpers import (
    add_case,
    notices,
    open_first_case,
    row_text,
    screen_lines,
    settle,
)
from tui.app import DocketApp
from tui.forms.filing_form import FilingForm
from tui.forms.status_form import StatusForm
from tui.screens.case import CaseScreen
from tui.screens.confirm import ConfirmScreen

pytestmark = pytest.mark.anyio

SIZE = (120, 36)
TRICKY = "Motion [Doc 12] to compel [b]now[/b]"
CLICKY = "[@click=app.quit]x"


@pytest.fixture
def seeded(store: Store) -> Store:
    """Two matters: one with an overdue deadline (most urgent), one quiet."""
    urgent = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert urgent.id is not None
    store.add_deadline(urgent.id, Deadline(due_on=date(2026, 11, 20), title="Answer due"))
    store.add_deadline(urgent.id, Deadline(due_on=date(2026, 11, 30), title="Reply brief due"))
    store.add_party(urgent.id, "Alice Smith", "plaintiff")
    add_case(
        store, "2026-0537", "Investigation of Acme warehouse fire", kind=CaseKind.INVESTIGATION
    )
    return store


def cases_table(app: DocketApp) -> DataTable[object]:
    return app.screen.query_one("#cases", DataTable)


async def test_start_selects_most_urgent_case_and_counts_overdue(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = cases_table(app)
        assert app.focused is table
        assert table.cursor_row == 0
        assert row_text(table, 0)[1] == "1:26-cv-00042"
        messages = [n.message for n in notices(app)]
        assert "1 overdue, 1 due within 7 days" in messages


async def test_enter_filing_saves_verbatim_and_selects_it(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilingForm)
        await pilot.press("tab", *"motion", "tab")
        await pilot.press(*TRICKY)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is case_screen
        filings = seeded.filings(case_screen.case_id)
        assert [(f.entry_no, f.title, f.doc_type.value) for f in filings] == [(1, TRICKY, "motion")]
        docket = case_screen.query_one("#docket", DataTable)
        assert row_text(docket, docket.cursor_row)[3] == TRICKY
        assert any(TRICKY in n.message for n in notices(app))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, type(app.screen_stack[0]))
        await pilot.press("q")
        await settle(pilot)
    assert app.return_code == 0


async def test_ten_filings_in_a_row_with_ctrl_n(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"11/2/26", "tab", *"order", "tab")
        for number in range(1, 11):
            await pilot.press(*f"Order {number}", "ctrl+n")
            await settle(pilot)
            assert isinstance(app.screen, FilingForm)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is case_screen
        filings = seeded.filings(case_screen.case_id)
        assert [f.entry_no for f in filings] == list(range(1, 11))
        assert {f.filed_on for f in filings} == {date(2026, 11, 2)}
        assert {f.doc_type.value for f in filings} == {"order"}
        assert filings[-1].title == "Order 10"


async def test_bad_date_marks_field_and_saves_nothing(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"2/30/22", "tab", "tab", *"Answer", "ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FilingForm)
        assert form.query_one("#date-row").has_class("-invalid")
        message = str(form.query_one("#date-error", Static).render())
        assert message.startswith("date:")
        assert not form.query_one("#title-row").has_class("-invalid")
        assert seeded.filings(case_screen.case_id) == []


async def test_date_preview_follows_typing(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"1/5/22")
        await settle(pilot)
        preview = str(app.screen.query_one("#date .date-preview", Static).render())
        assert preview.startswith("Wed 5 Jan 2022 · ")


async def test_escape_with_typed_input_asks_first(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("tab", "tab", *"Half typed", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, FilingForm)
        assert app.screen.query_one("#title", Input).value == "Half typed"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert app.screen is case_screen
        assert seeded.filings(case_screen.case_id) == []


async def test_escape_on_untouched_form_just_closes(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is case_screen


async def test_filter_as_you_type(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"acme")
        await settle(pilot)
        table = cases_table(app)
        assert table.row_count == 1
        assert row_text(table, 0)[1] == "2026-0537"
        await pilot.press("enter")  # leaves the filter for the list
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert seeded.get_case(app.screen.case_id).number == "2026-0537"


async def test_letters_typed_in_filter_do_not_switch_screens(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"case")
        await settle(pilot)
        assert app.current_mode == "cases"
        assert app.screen.query_one("#filter", Input).value == "case"


async def test_status_offers_allowed_moves_and_closing_needs_disposition(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("t")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, StatusForm)
        offered = [value for _, value in form.choices]
        # a civil matter just filed may be served, go to pleadings, or close; or be stayed
        assert offered == ["served", "pleadings", "closed", "(stay)"]
        form.query_one("#move", Select).value = "closed"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#disposition-row").has_class("-invalid")
        assert seeded.get_case(case_screen.case_id).stage == "filed"
        form.query_one("#disposition", Input).focus()
        await pilot.press(*"settled", "ctrl+s")
        await settle(pilot)
        assert app.screen is case_screen
        case = seeded.get_case(case_screen.case_id)
        assert (case.stage, case.disposition) == ("closed", "settled")
        await pilot.press("t")
        await settle(pilot)
        assert [value for _, value in app.screen.choices] == ["reopen"]  # type: ignore[attr-defined]


async def test_x_on_agenda_marks_deadline_done(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("a")
        await settle(pilot)
        table = app.screen.query_one("#agenda-table", DataTable)
        assert row_text(table, 0)[0] == "Overdue"
        assert row_text(table, 0)[3] == "Answer due"
        await pilot.press("x")
        await settle(pilot)
        assert seeded.overdue_count() == 0
        assert [row_text(table, i)[3] for i in range(table.row_count)] == ["Reply brief due"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)


async def test_agenda_asks_the_store_once_each_time_it_is_shown(
    seeded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    agenda = seeded.agenda

    def counted(**kwargs: Any) -> Any:
        calls.append(kwargs)
        return agenda(**kwargs)

    monkeypatch.setattr(seeded, "agenda", counted)
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        calls.clear()  # the start-of-day counts
        await pilot.press("a")
        await settle(pilot)
        assert len(calls) == 1
        assert app.screen.query_one("#agenda-table", DataTable).row_count == 2
        await pilot.press("c", "a")
        await settle(pilot)
        assert len(calls) == 2


async def test_x_on_deadlines_tab(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        case_screen = await open_first_case(pilot)
        await pilot.press("x")  # not on the Deadlines tab: nothing happens
        assert seeded.overdue_count() == 1
        case_screen.query_one("#tabs", TabbedContent).active = "tab-deadlines"
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert seeded.overdue_count() == 0
        deadlines = case_screen.query_one("#deadlines", DataTable)
        assert [row_text(deadlines, i)[2] for i in range(deadlines.row_count)] == ["open", "done"]


async def test_search_and_jump(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("s")
        await settle(pilot)
        # enter searches at once (typing alone waits for a pause of wall time) and moves to
        # the results.
        await pilot.press(*"warehouse", "enter")
        await settle(pilot)
        results = app.screen.query_one("#results", DataTable)
        assert results.row_count == 1
        assert app.focused is results
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert seeded.get_case(app.screen.case_id).number == "2026-0537"


async def test_user_text_is_shown_verbatim(store: Store) -> None:
    """Brackets a person typed are drawn as typed, in the list, the header and the notes:
    never read as style, and never as a link that runs an action when clicked."""
    case = add_case(store, CLICKY, TRICKY)
    assert case.id is not None
    app = DocketApp(store)
    async with app.run_test(size=(160, 36)) as pilot:  # wide enough for the whole title
        await settle(pilot)
        table = cases_table(app)
        assert row_text(table, 0)[1:3] == [CLICKY, TRICKY]
        drawn = screen_lines(app)
        assert any(CLICKY in line and TRICKY in line for line in drawn), "\n".join(drawn)
        await pilot.press("enter")
        await settle(pilot)
        header = app.screen.query_one("#case-header", Static)
        shown = str(header.render())
        assert CLICKY in shown and TRICKY in shown
        drawn = screen_lines(app)
        assert drawn[0].strip().startswith(f"{CLICKY}  {TRICKY}"), drawn[0]
        await pilot.press("u", *CLICKY, "ctrl+s")
        await settle(pilot)
        history = app.screen.query_one("#history", DataTable)
        assert CLICKY in [row_text(history, i)[2] for i in range(history.row_count)]
        app.screen.query_one("#tabs", TabbedContent).active = "tab-status"
        await settle(pilot)
        drawn = screen_lines(app)
        assert any("note" in line and CLICKY in line for line in drawn), "\n".join(drawn)
        screenshot = app.export_screenshot()
        assert "[b]now[/b]" in screenshot.replace("&#160;", " ")
        # Where a link's text would be drawn had the number been read as markup.
        await pilot.click("#case-header", offset=(1, 0))
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, CaseScreen)
    assert app.return_code is None  # the [@click=app.quit] text did not quit


async def test_help_lists_the_screens_bindings(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one("#help-table", DataTable)
        described = {row_text(table, i)[1] for i in range(table.row_count)}
        assert {"Filing", "Hearing", "Deadline", "Party", "Status", "Note", "Help"} <= described
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)


async def test_palette_jumps_to_case_by_title_words(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"acme fire")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert seeded.get_case(app.screen.case_id).number == "2026-0537"


async def test_new_case_form(store: Store) -> None:
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"1:26-cr-00007", "tab", *"United States v. Doe", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert store.find_case("1:26-cr-00007").title == "United States v. Doe"


async def test_party_form_warns_of_conflict_as_name_is_typed(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"acme", "enter")
        await settle(pilot)
        await pilot.press("enter", "p")
        await settle(pilot)
        await pilot.press(*"alice smith")
        await settle(pilot)
        warning = str(app.screen.query_one("#conflict", Static).render())
        assert "1:26-cv-00042" in warning


async def test_case_list_loads_pages_not_the_whole_table(store: Store) -> None:
    with store.write():
        for n in range(250):
            add_case(store, f"26-{n:04d}", f"Matter {n}")
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = cases_table(app)
        assert table.row_count == 100
        table.move_cursor(row=table.row_count - 1)
        await settle(pilot)
        await settle(pilot)
        assert table.row_count == 200
        table.move_cursor(row=table.row_count - 1)
        await settle(pilot)
        await settle(pilot)
        assert table.row_count == 250
        numbers = [row_text(table, i)[1] for i in range(table.row_count)]
        assert len(set(numbers)) == 250


async def test_palette_imports_a_pacer_docket(store: Store) -> None:
    from tests.conftest import PACER_SAMPLES

    sample = PACER_SAMPLES / "akd.html"
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Import PACER")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*str(sample), "tab", *"akd", "ctrl+s")
        await settle(pilot)
        assert store.count_cases() == 1
        # What juriscraper parses from the page (tests/data/pacer/akd.json) is what was written.
        parsed = json.loads(sample.with_suffix(".json").read_text("utf-8"))
        entries, parties = parsed["docket_entries"], parsed["parties"]
        assert (len(entries), len(parties)) == (3, 4)
        case = store.find_case(parsed["docket_number"], court="akd")
        assert case.id is not None
        filings = store.filings(case.id)
        assert [f.description for f in filings] == [e["description"].strip() for e in entries]
        links = store.case_parties(case.id)
        named = sorted(link.name for link in links if link.role != PartyRole.COUNSEL)
        assert named == sorted(" ".join(p["name"].split()) for p in parties)
        assert f"Imported: {len(entries)} new entries, 0 updated, 0 unchanged; parties " + (
            f"{len(parties)} new"
        ) in [n.message for n in notices(app)]
        # The imported case is opened, its docket listing every entry.
        screen = app.screen
        assert isinstance(screen, CaseScreen) and screen.case_id == case.id
        docket = screen.query_one("#docket", DataTable)
        assert [row_text(docket, i)[0] for i in range(docket.row_count)] == ["1", "2", "3"]


async def test_palette_imports_an_ecf_notice(store: Store) -> None:
    from tests.conftest import NEF_SAMPLES

    sample = NEF_SAMPLES / "nysd_1.eml"
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Import ECF")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*str(sample), "ctrl+s")
        await settle(pilot)
        # What juriscraper parses from the notice (tests/data/nef/nysd_1.json) is what was written.
        parsed = json.loads(sample.with_suffix(".json").read_text("utf-8"))["dockets"][0]
        case = store.find_case(parsed["docket_number"], court="nysd")
        assert case.id is not None
        entry = parsed["docket_entries"][0]
        assert [(f.document_number, f.description) for f in store.filings(case.id)] == [
            (entry["document_number"], entry["description"])
        ]
        assert any(
            n.message.startswith("1 of 1 messages imported (0 skipped); 1 case, 1 created;")
            for n in notices(app)
        )
        screen = app.screen
        assert isinstance(screen, CaseScreen) and screen.case_id == case.id
        docket = screen.query_one("#docket", DataTable)
        assert docket.row_count == 1


async def test_a_mailbox_of_notices_imports_with_a_progress_bar(
    store: Store, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mailbox

    from tests.conftest import NEF_SAMPLES
    from tui.forms.import_form import ImportNoticesForm

    samples = sorted(NEF_SAMPLES.glob("*.eml"))
    inbox = mailbox.mbox(tmp_path / "inbox.mbox")
    for index in range(60):
        inbox.add(samples[index % len(samples)].read_bytes())
    inbox.flush()
    inbox.close()
    shown: list[tuple[int, int, float | None]] = []
    original = ImportNoticesForm._progress

    def record(form: ImportNoticesForm, done: int, total: int) -> None:
        original(form, done, total)
        bar = form.query_one("#progress")
        shown.append((done, total, getattr(bar, "total", None)))

    monkeypatch.setattr(ImportNoticesForm, "_progress", record)
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        app.action_import_notices()
        await settle(pilot)
        await pilot.press(*str(tmp_path / "inbox.mbox"), "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert shown[-1] == (60, 60, 60)
        assert len(shown) == 60  # one step a message when there are fewer than 100
        assert not isinstance(app.screen, ImportNoticesForm)
        assert any(
            n.message.startswith("60 of 60 messages imported (0 skipped); 9 cases, 9 created;")
            for n in notices(app)
        )
        assert store.count_cases() == 9


async def test_parties_tab_shows_counsel_as_pacer_gives_them(store: Store) -> None:
    """njd: DMITRY V. SHELHOFF acted for ANNORA PHARMA until 04/27/2023, from PERGAMENT &
    CEPEDA LLP; his row says for whom and until when, and under the table his contact block."""
    from db.pacer import import_pacer
    from tests.conftest import PACER_SAMPLES

    import_pacer(store, PACER_SAMPLES / "njd_509180.html", "njd")
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        screen.query_one("#tabs", TabbedContent).active = "tab-parties"
        await settle(pilot)
        table = screen.query_one("#parties", DataTable)
        rows = [row_text(table, index) for index in range(table.row_count)]
        shelhoff = next(i for i, row in enumerate(rows) if row[0] == "DMITRY V. SHELHOFF")
        assert rows[shelhoff][2:4] == ["ANNORA PHARMA PRIVATE LIMITED", "2023-04-27"]
        table.focus()
        table.move_cursor(row=shelhoff)
        await settle(pilot)
        detail = str(screen.query_one("#party-detail", Static).render())
        assert detail.startswith("DMITRY V. SHELHOFF, for ANNORA PHARMA PRIVATE LIMITED")
        assert "Terminated 2023-04-27" in detail
        assert "PERGAMENT & CEPEDA LLP" in detail
        assert any("PERGAMENT & CEPEDA LLP" in line for line in screen_lines(app))


async def test_a_narrow_terminal_keeps_number_title_next_and_stage(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = cases_table(app)
        labels = [str(column.label) for column in table.columns.values()]
        assert labels == ["", "Number", "Title", "Next", "Stage"]
        assert row_text(table, 0)[1:4] == ["1:26-cv-00042", "Smith v. Jones", "2026-11-20 overdue"]
        await pilot.resize_terminal(130, 30)
        await settle(pilot)
        labels = [str(column.label) for column in cases_table(app).columns.values()]
        assert labels == ["", "Number", "Title", "Kind", "Stage", "Next", "Active"]


async def test_palette_runs_the_screens_actions_by_name(seeded: Store) -> None:
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_case(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"enter a docket entry")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FilingForm)
        await pilot.press("tab", *"motion", "tab", *"Motion to compel", "ctrl+s")
        await settle(pilot)
        assert [f.title for f in seeded.filings(seeded.find_case("1:26-cv-00042").id or 0)] == [
            "Motion to compel"
        ]


async def test_the_footer_is_compact_on_a_narrow_terminal(seeded: Store) -> None:
    from tui.widgets.footer import DocketFooter

    app = DocketApp(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(DocketFooter).compact is True
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert app.screen.query_one(DocketFooter).compact is False


async def test_notes_beyond_what_the_tab_lists_are_counted_not_dropped(
    seeded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.screens.case as case_screen

    monkeypatch.setattr(case_screen, "NOTES_SHOWN", 3)
    case_id = seeded.find_case("1:26-cv-00042").id or 0
    for day in range(1, 6):
        seeded.add_note(case_id, f"Call {day}", on=date(2026, 11, day))
    app = DocketApp(seeded)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        screen.query_one("#tabs", TabbedContent).active = "tab-status"
        await settle(pilot)
        history = screen.query_one("#history", DataTable)
        texts = [row_text(history, i) for i in range(history.row_count)]
        assert [t[2] for t in texts if t[1] == "note"] == ["Call 5", "Call 4", "Call 3"]
        assert texts[-1][1] == "2 older notes"
