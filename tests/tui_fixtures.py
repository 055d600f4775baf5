"""Fixtures and helpers every Pilot test file wants: import them into the test module."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from db.store import Store
from docket.models import Case, CaseKind
from tui.screens.case import CaseScreen


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def no_blink(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A blinking cursor would make screens depend on timing."""
    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    yield


@pytest.fixture(autouse=True)
def no_keymap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the keymap of whoever runs them."""
    monkeypatch.setenv("DOCKET_KEYMAP", str(tmp_path / "no-keymap.toml"))


def add_case(store: Store, number: str, title: str, **extra: object) -> Case:
    kind = extra.pop("kind", CaseKind.CIVIL)
    opened = extra.pop("opened_on", date(2026, 11, 2))
    return store.add_case(
        Case(number=number, title=title, kind=kind, opened_on=opened, **extra)  # type: ignore[arg-type]
    )


async def settle(pilot: Any) -> None:
    """Let the database workers finish and the screen take in what they posted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def row_text(table: DataTable[Any], index: int) -> list[str]:
    return [str(getattr(c, "plain", c)) for c in table.get_row_at(index)]


async def open_first_case(pilot: Any) -> CaseScreen:
    """Enter on the Cases list, once it has loaded: the case at the top opens."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    return screen
