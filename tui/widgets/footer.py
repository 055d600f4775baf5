"""The footer, compact on narrow terminals so that more of a screen's keys fit at 80 columns."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

#: Below this many columns the footer drops its padding between keys.
COMPACT_BELOW = 110


class DocketFooter(Footer):
    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
