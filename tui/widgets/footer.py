"""The footer, compact on narrow terminals so that more of a screen's keys fit at 80 columns.

Textual's footer rebuilds its keys each time the screen says its bindings changed, and a
screen says so for every focus change and every watcher that touches them: seven rebuilds
while the Cases list starts, each mounting and styling a widget per key. Changes that arrive
before a rebuild has run are taken together, so the footer is built once for them.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer

#: Below this many columns the footer drops its padding between keys.
COMPACT_BELOW = 110


class DocketFooter(Footer):
    _rebuild_pending = False

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        # Cleared first: a change that arrives while the keys are rebuilt asks again.
        self._rebuild_pending = False
        await self.recompose()
