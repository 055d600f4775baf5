"""Command palette: jump to any case by its number or words of its title.

Each keystroke asks the store for a handful of matches (LIMIT), never the whole case list.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.host import docket_app

if TYPE_CHECKING:
    from db.rows import CaseRow

MAX_HITS = 12


def _label(number: str, title: str) -> Content:
    return Content.assemble((number, "bold"), "  ", title)


class CaseCommands(Provider):
    def _matches(self, query: str) -> list[tuple[int, str, str]]:
        store = docket_app(self).store
        found: dict[int, tuple[int, str, str]] = {}
        rows: list[CaseRow] = store.list_cases(text=query, limit=MAX_HITS)
        for row in rows:
            found[row.id] = (row.id, row.number, row.title)
        if len(found) < MAX_HITS:
            for hit in store.search(query, limit=MAX_HITS):
                if hit.kind == "case" and hit.case_id is not None and hit.case_id not in found:
                    found[hit.case_id] = (hit.case_id, hit.case_number or "", hit.case_title or "")
        return list(found.values())[:MAX_HITS]

    async def discover(self) -> Hits:
        rows = await asyncio.to_thread(docket_app(self).store.list_cases, limit=5)
        for row in rows:
            yield DiscoveryHit(
                _label(row.number, row.title),
                self._opener(row.id),
                text=f"{row.number} {row.title}",
                help="Open this case",
            )

    async def search(self, query: str) -> Hits:
        if not query.strip():
            return
        matches = await asyncio.to_thread(self._matches, query)
        lowered = query.strip().casefold()
        for case_id, number, title in matches:
            if number.casefold().startswith(lowered):
                score = 1.0
            elif lowered in number.casefold() or lowered in title.casefold():
                score = 0.8
            else:
                score = 0.6
            yield Hit(
                score,
                _label(number, title),
                self._opener(case_id),
                text=f"{number} {title}",
                help="Open this case",
            )

    def _opener(self, case_id: int) -> Callable[[], None]:
        def open_it() -> None:
            docket_app(self).open_case(case_id)

        return open_it
