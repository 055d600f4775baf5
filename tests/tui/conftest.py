"""Fixtures every Pilot test wants, for the TUI tests only: a fixed asyncio backend, no cursor
blink, no keymap of whoever runs the tests, and a record of every notification raised."""

from tests.tui.helpers import anyio_backend, no_blink, no_keymap, record_notices

__all__ = ["anyio_backend", "no_blink", "no_keymap", "record_notices"]
