"""The footer, compact on narrow terminals so that more of a screen's keys fit at 80 columns.

Textual's footer rebuilds its keys once for every change of bindings, and opening a screen
changes them several times in a row (the screen resumes, a table takes focus, a tab
activates): each rebuild remounts every key, a tenth of a second on a busy machine, while the
keys typed ahead wait. This one rebuilds once, after the changes of the moment.
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
        if self._rebuild_pending or not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
