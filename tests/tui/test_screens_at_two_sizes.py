"""Every main screen on the demo data, at 80×24 (the smallest terminal we support) and at
140×40 (a laptop's full-screen terminal): what a paralegal sees first when they try docket.

Each picture is taken after pressing the keys a person presses to get there. Nothing a
paralegal needs may be cut: the footer wraps instead of dropping keys, long titles are read
under the list or in full with `space`/`enter`, the help wraps and scrolls. The Pilot tests in
test_readable_screens.py check the same things by reading the screen.

Regenerate after a deliberate change of look:
pytest tests/tui/test_screens_at_two_sizes.py --snapshot-update
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from db.store import Store
from fixtures.demo import load_demo
from tests.tui.helpers import settle
from tui.app import DocketApp

SIZES = {"80x24": (80, 24), "140x40": (140, 40)}
#: The demo matter with something on every tab: entries (one voided), parties with counsel,
#: a hearing, a computed deadline and status changes.
FULL_CASE = "1:26-cv-00388"

#: The pictures are one set, drawn from SQLite: the screens draw what the store reads, and
#: the TUI tests that read from PostgreSQL check the same rows by their text.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def denver(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The demo places hearings in the local time zone: fix it, so pictures do not depend on
    where the tests run."""
    monkeypatch.setenv("TZ", "America/Denver")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def demo(store: Store, denver: None, monkeypatch: pytest.MonkeyPatch) -> Store:
    # The help names the keymap file: one path on every run, so the picture stays the same.
    monkeypatch.setenv("DOCKET_KEYMAP", "/nonexistent/docket/keymap.toml")
    load_demo(store)
    return store


async def still(pilot: Any) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


def full_case_id(store: Store) -> int:
    case_id = store.find_case(FULL_CASE).id
    assert case_id is not None
    return case_id


@pytest.mark.parametrize("size", SIZES)
def test_cases(snap_compare: Any, demo: Store, size: str) -> None:
    assert snap_compare(DocketApp(demo), terminal_size=SIZES[size], run_before=still)


@pytest.mark.parametrize("tab", ["1", "2", "3", "4", "5"])
@pytest.mark.parametrize("size", SIZES)
def test_case_tab(snap_compare: Any, demo: Store, size: str, tab: str) -> None:
    async def on_tab(pilot: Any) -> None:
        await still(pilot)
        pilot.app.open_case(full_case_id(demo))
        await still(pilot)
        await pilot.press(tab)
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZES[size], run_before=on_tab)


@pytest.mark.parametrize("size", SIZES)
def test_investigation_opens_on_its_notes(snap_compare: Any, demo: Store, size: str) -> None:
    """The anchor matter (no docket entries) opens on Status & notes, its summary on top."""

    async def anchor(pilot: Any) -> None:
        await still(pilot)
        await pilot.press("enter")  # the most urgent case, the investigation
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZES[size], run_before=anchor)


@pytest.mark.parametrize("size", SIZES)
def test_agenda(snap_compare: Any, demo: Store, size: str) -> None:
    async def agenda(pilot: Any) -> None:
        await still(pilot)
        await pilot.press("a")
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZES[size], run_before=agenda)


@pytest.mark.parametrize("size", SIZES)
def test_search(snap_compare: Any, demo: Store, size: str) -> None:
    async def search(pilot: Any) -> None:
        await still(pilot)
        await pilot.press("s")
        await still(pilot)
        await pilot.press(*"motion", "enter")
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZES[size], run_before=search)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Any, demo: Store, size: str) -> None:
    async def help_on_case(pilot: Any) -> None:
        await still(pilot)
        pilot.app.open_case(full_case_id(demo))
        await still(pilot)
        await pilot.press("question_mark")
        await still(pilot)

    assert snap_compare(DocketApp(demo), terminal_size=SIZES[size], run_before=help_on_case)
