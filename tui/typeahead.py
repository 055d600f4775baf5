"""Keys typed ahead of the screen reach the screen they were typed for, in the order typed.

Textual hands a key to the widget that has focus when the key arrives. Someone who knows the
keys is ahead of the screen (so is a paste, or an SSH link that delivers a burst at once): the
letters after `tab` arrive before the tab has moved focus and land in the field being left; the
letters after `enter` arrive while the case's screen is still being built and fire the Cases
list's own keys (`n` opens a new case). So the app holds every key and paste here and acts on
them one at a time, each only once the app has settled after the one before: what any sequence
of keys does is then the same whether it was typed slowly or arrived at once.

Settled means: no message waiting in the app or in any widget of the screens on the stack (a
key on its way up to its binding, a form's result on its way to the screen that opened it),
every widget of those screens mounted (no screen being pushed, no form opening) and no worker
running (no screen reading its first rows, no import under way). One exception keeps
filter-as-you-type fast: a character typed into a text field does not wait for the workers
that the characters before it started (the filter's read of the list, a suggestion, the party
conflict check), since nothing they read changes where a character goes; every other key does
(`enter` after a filter opens the case the filter found, not the one at the top before it).
Consecutive characters for the same field are handed over together.

Each held key is stamped with where it was typed: the "line" of screens the typing follows.
Screens the held keys themselves open and close (a case, its forms, a question) keep the line:
a key typed while a screen is being pushed belongs to that screen, so `enter f ...` typed at
Cases lands in the case and then in its filing form. A screen closed by anything else (a
mouse click, an import finishing on its own) while keys typed at it still wait breaks the line:
those keys are dropped, and a notification says how many, rather than firing the keys of
whatever screen is now underneath. At most `HOLD_LIMIT` keys wait; beyond that they are dropped
and the person is told. `ctrl+c` and `ctrl+q` (quit) act at once, never held.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from weakref import WeakSet

from textual import events, messages
from textual.widgets import Footer, Input, TextArea, Tooltip
from textual.widgets._toast import ToastRack
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.message import Message
    from textual.message_pump import MessagePump
    from textual.screen import Screen

#: Keys held at most; a person far ahead of a stuck screen is told, not silently followed.
HOLD_LIMIT = 512
#: Keys that act the moment they arrive: copy / the quit hint, and quit.
IMMEDIATE_KEYS = frozenset({"ctrl+c", "ctrl+q"})
#: Seconds the widgets may stay busy before a held key goes anyway: a widget that never
#: answers must not swallow the typing. Waiting for a worker has no such limit.
SETTLE_LIMIT = 3.0
#: Turns of the event loop in a row on which everything must be at rest to count as settled.
CALM_TURNS = 3
#: Quick looks while something is busy, before looking only every WORKER_POLL seconds.
BUSY_SPINS = 200
#: Seconds between looks at a running worker.
WORKER_POLL = 0.003
_BUSY = (WorkerState.PENDING, WorkerState.RUNNING)
#: Widgets the settling does not wait for: they never take a key or move the focus, and the
#: footer rebuilds itself on every change of focus or screen (a tenth of a second on a busy
#: machine) for nothing a key depends on.
NOT_WAITED_FOR = (Footer, ToastRack, Tooltip)
#: Messages that only repaint: a key goes to the same place before or after them.
REPAINTS = (messages.Update, messages.Layout, messages.UpdateScroll, messages.Prompt)

Typed = events.Key | events.Paste


@dataclass
class _Held:
    event: Typed
    line: int
    screen: str


class TypeAhead:
    """The app's held keys; `DocketApp.on_event` offers each key and paste to `take`."""

    def __init__(self, app: App[Any], limit: int = HOLD_LIMIT) -> None:
        self.app = app
        self.limit = limit
        self._held: deque[_Held] = deque()
        self._released: list[Typed] = []
        self._acting = False
        self._line = 0
        self._top: Screen[Any] | None = None
        self._task: asyncio.Task[None] | None = None
        self._overflow = 0
        self._dropped: dict[str, int] = {}
        self._typing_since: set[Worker[Any]] | None = None
        self._from_typing: WeakSet[Worker[Any]] = WeakSet()

    @property
    def idle(self) -> bool:
        """Nothing held and nothing being replayed."""
        return self._task is None and not self._held

    @property
    def waiting(self) -> int:
        """How many keys are held."""
        return len(self._held)

    def take(self, event: Typed) -> bool:
        """Hold `event` (True), or let the app act on it now (False): a key this queue
        released, `ctrl+c` or `ctrl+q`."""
        for index, released in enumerate(self._released):
            if released is event:
                del self._released[index]
                return False
        if isinstance(event, events.Key) and event.key in IMMEDIATE_KEYS:
            return False
        self._observe()
        if len(self._held) >= self.limit:
            self._overflow += 1
            if self._overflow == 1:
                self.app.notify(
                    f"More than {self.limit} keys are waiting for the screen; the keys typed "
                    "after them are dropped until it catches up.",
                    title="Typing ahead",
                    severity="warning",
                    markup=False,
                )
            return True
        top = self._top
        self._held.append(_Held(event, self._line, _screen_name(top)))
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._drain())
        return True

    def not_in_the_way_of_typing(self, workers: Iterable[Worker[Any]]) -> None:
        """Workers that refresh what a screen shows after someone else's change: like the
        ones the characters typed started, a character typed into a field need not wait."""
        self._from_typing.update(workers)

    def stop(self) -> None:
        """The app is closing: what is still held is dropped with it."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._held.clear()

    # ------------------------------------------------------------------ replay

    async def _drain(self) -> None:
        try:
            while True:
                await self._settle(workers=False)
                if self._typing_since is not None:
                    # Workers the characters just typed started (a filter's read, a
                    # suggestion, a conflict check): more characters need not wait for them.
                    self._from_typing.update(set(self.app.workers) - self._typing_since)
                    self._typing_since = None
                into_text = bool(self._held) and self._into_text(self._held[0].event)
                await self._settle(workers=True, but_typing=into_text)
                self._observe()
                self._acting = False
                if not self._held:
                    break
                batch = self._next_batch()
                if not batch:
                    continue
                self._acting = True
                if self._into_text(batch[0]):
                    self._typing_since = set(self.app.workers)
                if not self._release(batch):
                    break
        finally:
            self._task = None
            self._acting = False
            self._report()

    def _next_batch(self) -> list[Typed]:
        """The next held key, or the run of characters that goes into the focused text
        field (nothing there moves the focus, so they need not wait for each other); keys
        whose screen has gone are dropped on the way."""
        batch: list[Typed] = []
        while self._held:
            held = self._held[0]
            if batch and not self._into_text(held.event):
                break
            self._held.popleft()
            if held.line != self._line:
                self._dropped[held.screen] = self._dropped.get(held.screen, 0) + 1
                continue
            batch.append(held.event)
            if not self._into_text(held.event):
                break
        return batch

    def _release(self, batch: list[Typed]) -> bool:
        """Hand the keys back to the app, which acts on them as they come; False when the
        app has stopped taking messages."""
        for event in batch:
            self._released.append(event)
            if not self.app.post_message(event):
                self._released.remove(event)
                return False
        return True

    def _report(self) -> None:
        for screen, count in self._dropped.items():
            keys = "1 key" if count == 1 else f"{count} keys"
            self.app.notify(
                f"{keys} typed at {screen} dropped: that screen closed first.",
                title="Typing ahead",
                severity="warning",
                markup=False,
            )
        self._dropped.clear()
        if self._overflow:
            keys = "1 key" if self._overflow == 1 else f"{self._overflow} keys"
            self.app.notify(
                f"{keys} dropped: typed while {self.limit} were already waiting.",
                title="Typing ahead",
                severity="warning",
                markup=False,
            )
            self._overflow = 0

    def _observe(self) -> None:
        """Follow the screen on top: a screen closed by something other than a replayed key
        starts a new line, and keys typed on the old one will not be replayed."""
        try:
            top = self.app.screen
        except Exception:  # no screen yet, or between modes
            return
        previous, self._top = self._top, top
        if previous is None or previous is top or self._acting:
            return
        if previous.id == "_default":  # the app's start, before its first place is shown
            return
        if previous not in self.app.screen_stack:
            self._line += 1

    def _into_text(self, event: Typed) -> bool:
        """A character or a paste that the focused text field will take."""
        if not isinstance(self.app.focused, (Input, TextArea)):
            return False
        return isinstance(event, events.Paste) or event.is_printable

    # ------------------------------------------------------------------ settling

    async def _settle(self, *, workers: bool, but_typing: bool = False) -> None:
        """Return once the app has taken in everything it was given (see the module's
        docstring for what that covers), seen so on a few turns of the event loop in a row."""
        loop = asyncio.get_running_loop()
        give_up = loop.time() + SETTLE_LIMIT
        calm = spins = 0
        while calm < CALM_TURNS:
            if self.app.return_code is not None:  # the app is exiting
                return
            if workers and self._working(but_typing):
                calm = 0
                give_up = loop.time() + SETTLE_LIMIT
                await asyncio.sleep(WORKER_POLL)
                continue
            if all(_at_rest(pump) for pump in self._pumps()):
                calm += 1
                await asyncio.sleep(0)
                continue
            calm = 0
            if loop.time() > give_up:
                return
            spins += 1
            # A handler waiting on a timer is not worth spinning for.
            await asyncio.sleep(0 if spins < BUSY_SPINS else WORKER_POLL)

    def _pumps(self) -> list[MessagePump]:
        """The app and the widgets of every screen on the stack, less those that neither
        take keys nor move the focus: the footer rebuilding its keys, toasts, tooltips."""
        pumps: list[MessagePump] = [self.app]
        nodes: list[DOMNode] = list(self.app.screen_stack)
        while nodes:
            node = nodes.pop()
            if isinstance(node, NOT_WAITED_FOR):
                continue
            pumps.append(node)
            nodes.extend(node.children)
        return pumps

    def _working(self, but_typing: bool) -> bool:
        """A worker is running; with `but_typing`, one the characters typed did not start."""
        return any(
            worker.state in _BUSY and not (but_typing and worker in self._from_typing)
            for worker in self.app.workers
        )


def _at_rest(pump: MessagePump) -> bool:
    """Mounted, with nothing to do but repaint, and not halfway through a message (a
    handler that awaits something leaves the pump's task waiting elsewhere)."""
    if not getattr(pump, "is_mounted", True) or pump._next_callbacks:
        return False
    queued: deque[Message | None] = pump._message_queue.values
    pending = pump._pending_message
    if pending is not None and not isinstance(pending, REPAINTS):
        return False
    if any(not isinstance(message, REPAINTS) for message in queued):
        return False
    if queued or pending is not None or not pump.is_running:
        return True
    waiters = getattr(pump._message_queue.ready_event, "_waiters", None)
    return waiters is not None and any(not waiter.done() for waiter in waiters)


def _screen_name(screen: Screen[Any] | None) -> str:
    if screen is None:
        return "the screen"
    title = getattr(screen, "form_title", "") or getattr(screen, "help_title", "")
    if title:
        return str(title)
    return type(screen).__name__.removesuffix("Screen") or "the screen"
