"""Python's full garbage collection (tens of milliseconds in a long session) is made when the
typing pauses, not in the middle of a key; the app gives Python its own rule back on leaving."""

from __future__ import annotations

import gc

import pytest

from db.store import Store
from tests.tui.helpers import settle
from tui.app import DocketApp
from tui.collector import QUIET, QuietCollector

pytestmark = pytest.mark.anyio


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_due_full_collection_waits_until_no_key_has_come_for_a_moment() -> None:
    own_rule = gc.get_threshold()
    clock = Clock()
    collector = QuietCollector(clock)
    try:
        collector.typed()
        # As many collections of the middle generation as Python allows between full ones.
        for _ in range(own_rule[2]):
            gc.collect(1)
        assert collector.due
        clock.now += QUIET / 2  # still typing
        assert not collector.collect_if_quiet()
        assert collector.due
        clock.now += QUIET  # a pause
        assert collector.collect_if_quiet()
        assert not collector.due  # the full collection was made
        assert not collector.collect_if_quiet()  # and none is due again at once
    finally:
        collector.stop()
    assert gc.get_threshold() == own_rule


async def test_the_app_makes_full_collections_itself_and_gives_the_rule_back(
    store: Store,
) -> None:
    own_rule = gc.get_threshold()
    app = DocketApp(store)
    async with app.run_test() as pilot:
        await settle(pilot)
        young, middle, full = gc.get_threshold()
        assert (young, middle) == own_rule[:2]  # the younger generations as ever
        assert full > 1_000_000  # the full one never by count while the app runs
    assert gc.get_threshold() == own_rule
