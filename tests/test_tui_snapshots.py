"""Screenshots of the main screens on fixed data and a fixed today (2026-11-25).

Regenerate after a deliberate change of look: pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from db.store import Store
from docket.models import Case, CaseKind, Deadline, Filing
from tests.tui_fixtures import anyio_backend, no_blink, no_keymap, settle  # noqa: F401
from tui.app import DocketApp

SIZE = (100, 30)


@pytest.fixture
def demo(store: Store) -> Store:
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
    store.add_filing(
        smith.id,
        Filing(
            filed_on=date(2026, 11, 2),
            doc_type="complaint",  # type: ignore[arg-type]
            title="Complaint [Doc 1]",
            filed_by="Alice Smith",
        ),
    )
    store.add_deadline(smith.id, Deadline(due_on=date(2026, 11, 20), title="Initial disclosures"))
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


def test_cases_screen(snap_compare: Any, demo: Store) -> None:
    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=settle)


def test_case_screen(snap_compare: Any, demo: Store) -> None:
    async def open_case(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=open_case)


def test_filing_form(snap_compare: Any, demo: Store) -> None:
    async def half_typed(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("enter", "f")
        await settle(pilot)
        await pilot.press(*"2/30/22", "tab", *"motion", "tab", *"Motion to compel", "ctrl+s")
        await settle(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=half_typed)


def test_agenda_screen(snap_compare: Any, demo: Store) -> None:
    async def agenda(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=agenda)


def test_deadlines_tab(snap_compare: Any, demo: Store) -> None:
    """An overdue deadline, one due today, computed ones, and one done (dimmed)."""
    case_id = demo.find_case("1:26-cv-00042").id
    assert case_id is not None
    demo.add_deadline(case_id, Deadline(due_on=date(2026, 11, 25), title="Meet and confer"))
    done = demo.add_deadline(
        case_id, Deadline(due_on=date(2026, 11, 18), title="Rule 26(f) report")
    )
    assert done.id is not None
    demo.complete_deadline(done.id)

    async def deadlines(pilot: Any) -> None:
        await settle(pilot)
        pilot.app.open_case(case_id)
        await settle(pilot)
        pilot.app.screen.query_one("#tabs").active = "tab-deadlines"
        await settle(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZE, run_before=deadlines)
