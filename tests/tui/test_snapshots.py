"""Screenshots of the main screens on fixed data and a fixed today (Wed 25 Nov 2026).

Every picture is taken after the app has settled and its notifications are cleared: Textual
takes a notification down after 5 s of wall time, so a picture with one in it would depend on
how fast the machine ran the test. What the notifications say is checked by the Pilot tests.

Regenerate after a deliberate change of look: pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from db.store import Store
from docket.models import Case, CaseKind, Deadline, DocType, Filing, Hearing, ServiceMethod
from tests.tui.helpers import (
    settle,
)
from tui.app import DocketApp

SIZE = (100, 30)
DENVER = ZoneInfo("America/Denver")

#: The pictures are one set, drawn from SQLite: the screens draw what the store reads, and
#: the TUI tests that read from PostgreSQL check the same rows by their text.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture(autouse=True)
def reader_in_santa_fe(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pictures are of a reader in the courts' zone, whatever the machine's: a reader
    elsewhere sees their own time beside the court's, which the Pilot tests check."""
    monkeypatch.setenv("DOCKET_TZ", "America/Denver")


def entry(day: int, doc_type: DocType, title: str, by: str, **extra: Any) -> Filing:
    return Filing(
        filed_on=date(2026, 11, day), doc_type=doc_type, title=title, filed_by=by, **extra
    )


@pytest.fixture
def demo(store: Store) -> Store:
    """A civil case in its first weeks (entries, one voided; a hearing; deadlines counted from
    them, one served by mail), a quiet investigation and a new appeal."""
    smith = store.add_case(
        Case(
            number="1:26-cv-00042",
            court="nmd",
            title="Smith v. Jones",
            kind=CaseKind.CIVIL,
            opened_on=date(2026, 11, 2),
        )
    )
    assert smith.id is not None
    store.add_party(smith.id, "Alice Smith", "plaintiff")
    store.add_party(smith.id, "Bob Jones", "defendant")
    store.add_party(smith.id, "Jones Hardware LLC", "defendant", kind="organization")
    for filing in (
        entry(2, DocType.COMPLAINT, "Complaint [Doc 1]", "Alice Smith"),
        entry(6, DocType.OTHER, "Summons returned executed as to Bob Jones", "Alice Smith"),
        entry(9, DocType.NOTICE, "Notice of appearance", "Bob Jones"),
        entry(9, DocType.NOTICE, "Notice of appearance (Jones Hardware LLC)", "Bob Jones"),
        entry(20, DocType.ANSWER, "Answer to complaint", "Bob Jones"),
        entry(
            23,
            DocType.MOTION,
            "Motion to compel initial disclosures",
            "Alice Smith",
            served_on=date(2026, 11, 23),
            service=ServiceMethod.MAIL,
        ),
    ):
        store.add_filing(smith.id, filing)
    store.void_filing(smith.id, 4, "entered twice")
    store.add_hearing(
        smith.id,
        Hearing(
            starts_at=datetime(2026, 12, 17, 9, 30, tzinfo=DENVER),
            kind="motion hearing",
            location="Courtroom 3",
        ),
    )
    store.add_deadline(smith.id, Deadline(due_on=date(2026, 11, 20), title="Initial disclosures"))
    store.add_note(smith.id, "Opposing counsel asked for two more weeks", on=date(2026, 11, 24))
    store.add_case(
        Case(
            number="2026-0537",
            title="Acme warehouse fire",
            kind=CaseKind.INVESTIGATION,
            opened_on=date(2026, 9, 1),
        )
    )
    store.add_case(
        Case(
            number="A-26-118",
            title="In re Baker [appeal]",
            kind=CaseKind.APPEAL,
            opened_on=date(2026, 11, 20),
        )
    )
    return store


def smith_id(store: Store) -> int:
    case_id = store.find_case("1:26-cv-00042").id
    assert case_id is not None
    return case_id


async def still(pilot: Any) -> None:
    """Settled, and with no notification on screen: the picture no longer depends on time.

    Called first too, before another screen is opened: Textual clears the toasts of the screen
    on top only, and one left on a screen underneath shows at the edge of a form.
    """
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


def test_cases_screen(snap_compare: Any, demo: Store) -> None:
    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=still)


def test_case_screen(snap_compare: Any, demo: Store) -> None:
    async def open_case(pilot: Any) -> None:
        await still(pilot)
        pilot.app.open_case(smith_id(demo))
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=open_case)


def test_filing_form(snap_compare: Any, demo: Store) -> None:
    async def half_typed(pilot: Any) -> None:
        await still(pilot)
        pilot.app.open_case(smith_id(demo))
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"2/30/22", "tab", *"motion", "tab", *"Motion to compel", "ctrl+s")
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=half_typed)


def test_agenda_screen(snap_compare: Any, demo: Store) -> None:
    async def agenda(pilot: Any) -> None:
        await still(pilot)
        await pilot.press("a")
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=agenda)


def test_deadlines_tab(snap_compare: Any, demo: Store) -> None:
    """An overdue deadline, one due today, computed ones, and one done (dimmed)."""
    case_id = smith_id(demo)
    demo.add_deadline(case_id, Deadline(due_on=date(2026, 11, 25), title="Meet and confer"))
    done = demo.add_deadline(
        case_id, Deadline(due_on=date(2026, 11, 18), title="Rule 26(f) report")
    )
    assert done.id is not None
    demo.complete_deadline(done.id)

    async def deadlines(pilot: Any) -> None:
        await still(pilot)
        pilot.app.open_case(case_id)
        await settle(pilot)
        pilot.app.screen.query_one("#tabs").active = "tab-deadlines"
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=deadlines)
