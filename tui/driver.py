"""The terminal driver on Linux and macOS: Textual's own, except that `escape` followed at once by
another key reads as the two keys typed.

A terminal sends `escape` as the byte ESC, and alt+key as ESC followed by the key. Textual
waits a moment after ESC to tell them apart, so keys that arrive together (a fast typist, a
paste, an SSH link delivering a burst) turn `escape` `y` into alt+y, `escape` `enter` into
enter, `escape` `f` into ctrl+right: the escape is lost, and with it a form's cancel and its
"Drop what you typed?" answer. docket binds no alt key, so here ESC followed by anything that
does not start a terminal's escape sequence (`[` or `O`) is escape and then that key, except
the three alt keys a text field uses: alt+backspace (delete a word), alt+b and alt+f (a word
back and forward).
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Iterable

from textual import events
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

ESC = "\x1b"
#: What follows ESC in a sequence the terminal sends for a key (CSI, SS3) or ESC itself, and
#: the alt keys that text fields use (backspace, b, f), which keep their meaning.
SEQUENCE_STARTS = "[O" + ESC
TEXT_FIELD_ALT = "\x7f\x08bf"


def _escape() -> events.Key:
    return events.Key("escape", ESC)


class EscapeFirstParser(XTermParser):
    """Textual's parser, with ESC + key read as escape, then the key."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        kept = SEQUENCE_STARTS + TEXT_FIELD_ALT
        if len(sequence) == 2 and sequence[0] == ESC and sequence[1] not in kept:
            yield _escape()
            yield from super()._sequence_to_key_events(sequence[1])
            return
        if alt and len(sequence) == 1:
            # A sequence given up on is reissued with its ESC taken as alt: it was escape.
            yield _escape()
            yield from super()._sequence_to_key_events(sequence)
            return
        yield from super()._sequence_to_key_events(sequence, alt)


class DocketDriver(LinuxDriver):
    """LinuxDriver reading its input with `EscapeFirstParser` (the loop is Textual's)."""

    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = EscapeFirstParser()
        feed = parser.feed
        tick = parser.tick
        decode = getincrementaldecoder("utf-8")().decode

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            for last, (_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not data:
                        break  # stdin is piped
                    for event in feed(data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass
