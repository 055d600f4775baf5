"""Full garbage collections at quiet moments, not in the middle of a key.

Now and then CPython walks every live object to find reference cycles (a full collection).
In a session of some length that walk takes tens of milliseconds, and it falls wherever the
count of new objects trips it: in a page flip or a filter's repaint, both of which make many
objects. While the app runs, the full collection is taken off that count and made here
instead, at the first moment no key or paste has come for QUIET seconds, once Python's own
rule says one is due. The younger generations are still collected as objects are made (a
millisecond or two each), so short-lived garbage never waits for a pause.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.timer import Timer

#: Seconds without a key or a paste before a due full collection is made.
QUIET = 1.0
#: How often the app looks whether one is due.
CHECK_EVERY = 0.5
#: A count of collections the full one never reaches by itself while the app runs.
_NEVER = 1 << 30


class QuietCollector:
    """Makes the app's full collections itself; `stop` gives Python back its own rule."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._threshold = gc.get_threshold()
        self._last_input = clock()
        self._timer: Timer | None = None

    @property
    def due(self) -> bool:
        """Whether Python would have made a full collection by now: its middle generation
        has been collected as many times as its rule allows between two full ones."""
        return gc.get_count()[2] >= self._threshold[2]

    def start(self, app: App[Any]) -> None:
        young, middle, _full = self._threshold
        gc.set_threshold(young, middle, _NEVER)
        self._timer = app.set_interval(CHECK_EVERY, self.collect_if_quiet)

    def typed(self) -> None:
        """A key or a paste came: the person is at work."""
        self._last_input = self._clock()

    def collect_if_quiet(self) -> bool:
        """Make a due full collection if nothing has been typed for QUIET seconds."""
        if not gc.isenabled() or not self.due:
            return False
        if self._clock() - self._last_input < QUIET:
            return False
        gc.collect()
        return True

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        gc.set_threshold(*self._threshold)
