"""Helpers for Pilot tests; the fixtures among them are registered by tests/tui/conftest.py."""

from __future__ import annotations

import asyncio
import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import pytest
from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, Keys, _character_to_key, _get_unicode_name_from_key
from textual.notifications import SeverityLevel
from textual.widget import Widget
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


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: SeverityLevel


_NOTICES: WeakKeyDictionary[App[Any], list[Notice]] = WeakKeyDictionary()


@pytest.fixture(autouse=True)
def record_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every notification an app raises for the test to read.

    Textual drops a notification from `app._notifications` once its timeout (5 s of wall
    time) has passed, so reading it there gives a different answer on a slow run; what was
    announced is recorded here as it is announced, and stays.
    """
    notify = App.notify

    def recording(
        self: App[Any],
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        _NOTICES.setdefault(self, []).append(Notice(message, title, severity))
        notify(self, message, title=title, severity=severity, timeout=timeout, markup=markup)

    monkeypatch.setattr(App, "notify", recording)


def notices(app: App[Any]) -> list[Notice]:
    """Every notification `app` raised, oldest first, however long ago."""
    return list(_NOTICES.get(app, []))


def messages(app: App[Any]) -> str:
    return "\n".join(notice.message for notice in notices(app))


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
    """The values in a row, as stored in the table (see `screen_lines` for what is drawn)."""
    return [str(getattr(c, "plain", c)) for c in table.get_row_at(index)]


_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)" '
    r'clip-path="url\(#[^"]*-line-(\d+)\)">(.*?)</text>'
)


def screen_lines(app: App[Any]) -> list[str]:
    """The screen as drawn, one string a line, read from the app's own SVG screenshot.

    This is what a person sees: markup in a cell that was rendered as markup is gone from it,
    an action link is a bare word. Each run of text sits at its column (x / cell width).
    """
    placed: dict[int, dict[int, str]] = {}
    for match in _SVG_TEXT.finditer(app.export_screenshot()):
        x, length, line, raw = float(match[1]), float(match[2]), int(match[3]), match[4]
        text = html.unescape(raw).replace("\xa0", " ")
        placed.setdefault(line, {})[round(x / (length / len(text)))] = text
    lines = []
    for line in range(app.size.height):
        drawn = ""
        for column, text in sorted(placed.get(line, {}).items()):
            drawn = drawn.ljust(column) + text
        lines.append(drawn.rstrip())
    return lines


def drawn(app: App[Any], widget: Widget) -> list[str]:
    """What `widget` draws, line by line (its content region of the screen as drawn)."""
    region = widget.content_region
    return [
        line[region.x : region.right].rstrip()
        for line in screen_lines(app)[region.y : region.bottom]
    ]


async def open_first_case(pilot: Any) -> CaseScreen:
    """Enter on the Cases list, once it has loaded: the case at the top opens."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    return screen


def key_event(key: str) -> events.Key:
    """The event a terminal's driver posts for `key` (`f`, `tab`, `ctrl+s`, `M`, ` `),
    with its character, the way `pilot.press` builds it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def type_burst(pilot: Any, *keys: str | events.Paste) -> None:
    """Every key handed to the app at once, as a fast typist's keys or a slow link's arrive,
    without waiting for the app between them (as `pilot.press` does); then wait until the
    app has taken them all in.

    A string longer than one character that is not a key name is typed letter by letter:
    `type_burst(pilot, "f", "tab", "Motion to dismiss", "ctrl+s")`; a Paste event is pasted
    where it stands among the keys.
    """
    post_burst(pilot.app, *keys)
    await settle_burst(pilot)


def post_burst(app: App[Any], *keys: str | events.Paste) -> None:
    """Hand the keys to the app all at once, as its terminal driver would, and return."""
    for key in keys:
        if isinstance(key, events.Paste):
            app.post_message(key)
            continue
        for one in _keys_of(key):
            app.post_message(key_event(one))


def _keys_of(text: str) -> list[str]:
    """One key when `text` names one (`a`, `tab`, `ctrl+s`, `question_mark`, `f2`), else
    the keys that type it."""
    if len(text) == 1 or "+" in text or text in _KEY_NAMES:
        return [text]
    try:
        unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(text, text)))
    except KeyError:
        return list(text)
    return [text]


_KEY_NAMES = {key.value for key in Keys}


async def settle_burst(pilot: Any) -> None:
    """Wait until every key handed over has been acted on and what it started has finished:
    the keys held back replayed, the workers done, the screen showing what they read."""
    app = pilot.app
    quiet_rounds = 0
    for _ in range(400):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        held = getattr(app, "type_ahead", None)
        if held is None or held.idle:
            quiet_rounds += 1
            if quiet_rounds >= 3:
                return
        else:
            quiet_rounds = 0
            await asyncio.sleep(0.005)
    raise AssertionError("the app never finished taking in the keys")
