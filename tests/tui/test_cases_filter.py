"""The Cases list's filter, typed faster than pages arrive: the list ends on the rows of what
was typed last, whichever index answered each key."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from db.store import Store
from tests.tui.helpers import add_case, row_text, settle
from tui.app import DocketApp

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("typed", ["2:26-cv-00017", "orchard", "17", "zz-none"])
async def test_keys_typed_at_once_leave_the_rows_of_the_whole_filter(
    store: Store, typed: str
) -> None:
    for n in range(30):
        title = "Jones v. Orchard Farms" if n % 3 == 0 else f"Smith v. Acme {n}"
        add_case(store, f"2:26-cv-{n:05d}", title)
    want = [row.number for row in store.list_cases(text=typed)]
    app = DocketApp(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        field = app.screen.query_one("#filter", Input)
        # Every prefix at once, as keys arrive in a burst: no waiting between them.
        for end in range(1, len(typed) + 1):
            field.value = typed[:end]
        await settle(pilot)
        await settle(pilot)
        table = app.screen.query_one("#cases", DataTable)
        assert [row_text(table, i)[1] for i in range(table.row_count)] == want
