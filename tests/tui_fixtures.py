"""Fixtures every Pilot test file wants: import them into the test module to use them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input


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
