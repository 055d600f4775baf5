"""A docket entry typed through the filing form, field by field, as a paralegal enters it; the
deadline it sets; and the "how it was counted" screen, read from what is drawn.

Expected dates are counted by hand below (FRCP 6(a) and 6(d)), not by the rule engine, so a
wrong count in the engine or a wrong picture on screen fails here. Today is Wed 25 Nov 2026.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, TabbedContent

from db.store import Store
from docket.models import DocType, Filing, ServiceMethod
from tests.tui.helpers import (
    add_case,
    drawn,
    messages,
    open_first_case,
    row_text,
    settle,
)
from tui.app import DocketApp
from tui.forms.filing_form import FilingForm
from tui.screens.deadline_info import DeadlineInfoScreen

pytestmark = pytest.mark.anyio

SIZE = (120, 36)
#: The fourth Thursday of November 2026, a federal legal holiday.
THANKSGIVING = date(2026, 11, 26)


@pytest.fixture
def smith(store: Store) -> Store:
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert case.id is not None
    store.add_party(case.id, "Alice Smith", "plaintiff")
    store.add_party(case.id, "Bob Jones", "defendant")
    return store


def the_case(store: Store) -> int:
    case_id = store.find_case("1:26-cv-00042").id
    assert case_id is not None
    return case_id


async def type_filing(
    pilot: Any,
    *,
    filed: str,
    doc_type: str,
    title: str,
    description: str,
    filed_by: str,
    served: str,
    service: ServiceMethod,
) -> FilingForm:
    """Press `f` and fill every field in tab order; `filed_by` is completed from the parties."""
    await pilot.press("f")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, FilingForm)
    await pilot.press("ctrl+a", "ctrl+k", *filed, "tab", *doc_type, "tab", *title, "tab")
    await pilot.press(*description, "tab", *filed_by)
    await settle(pilot)
    await pilot.press("right")  # take the suggested party name
    await pilot.press("tab", *served, "tab")
    select = form.query_one("#service", Select)
    assert pilot.app.focused is select
    # Open the list, move down from "(none)" to the method, choose it.
    downs = [m for m in ServiceMethod].index(service) + 1
    await pilot.press("enter", *["down"] * downs, "enter")
    await settle(pilot)
    assert select.value == service.value
    return form


async def test_every_field_of_the_filing_form_is_saved(smith: Store) -> None:
    app = DocketApp(smith)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        form = await type_filing(
            pilot,
            filed="11/20/26",
            doc_type="order",
            title="Scheduling order",
            description="Sets the Rule 26(f) conference [Doc 9]",
            filed_by="bob",
            served="11/23/26",
            service=ServiceMethod.PERSONAL,
        )
        assert form.query_one("#filed_by", Input).value == "Bob Jones"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        [filing] = smith.filings(the_case(smith))
        assert filing.model_dump(
            include={
                "entry_no",
                "filed_on",
                "doc_type",
                "title",
                "description",
                "filed_by",
                "served_on",
                "service",
            }
        ) == {
            "entry_no": 1,
            "filed_on": date(2026, 11, 20),
            "doc_type": DocType.ORDER,
            "title": "Scheduling order",
            "description": "Sets the Rule 26(f) conference [Doc 9]",
            "filed_by": "Bob Jones",
            "served_on": date(2026, 11, 23),
            "service": ServiceMethod.PERSONAL,
        }
        docket = screen.query_one("#docket", DataTable)
        assert row_text(docket, 0) == ["1", "2026-11-20", "order", "Scheduling order", "Bob Jones"]


async def test_a_motion_served_by_mail_gets_three_more_days(smith: Store) -> None:
    """FRCP 6(d): service by mail adds 3 days after the 14-day response period ends, and the
    day reached moves off a weekend.

    Served Wed 11 Nov 2026. Day 1 is Thu 12 Nov; day 14 is Wed 25 Nov, a court day. Three
    days more: Sat 28 Nov, a Saturday; Sun 29 Nov, a Sunday; due Mon 30 Nov 2026.
    """
    served = date(2026, 11, 11)
    period_ends = date(2026, 11, 25)
    assert (period_ends - served).days == 14 and period_ends.weekday() == 2  # a Wednesday
    plus_three = date(2026, 11, 28)
    assert (plus_three - period_ends).days == 3 and plus_three.weekday() == 5  # a Saturday
    due = date(2026, 11, 30)
    assert due.weekday() == 0  # the Monday after

    app = DocketApp(smith)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await type_filing(
            pilot,
            filed="11/11/26",
            doc_type="motion",
            title="Motion to compel discovery",
            description="",
            filed_by="ali",
            served="11/11/26",
            service=ServiceMethod.MAIL,
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        case_id = the_case(smith)
        [filing] = smith.filings(case_id)
        assert (filing.served_on, filing.service) == (served, ServiceMethod.MAIL)
        deadlines = smith.deadlines(case_id)
        assert [(d.title, d.due_on, d.trigger_filing_id) for d in deadlines] == [
            ("Response to motion due", due, filing.id)
        ]
        assert "Deadline: Response to motion due · Mon 30 Nov 2026" in messages(app)
        screen.query_one("#tabs", TabbedContent).active = "tab-deadlines"
        await settle(pilot)
        table = screen.query_one("#deadlines", DataTable)
        lines = drawn(app, table)
        assert any("Mon 30 Nov 2026" in line and "Response to motion due" in line for line in lines)


def steps_drawn(lines: list[str]) -> list[str]:
    """The numbered steps as drawn, each step's wrapped lines joined back into one."""
    steps: list[str] = []
    for line in lines:
        text = line.strip()
        if re.match(r"\d+\. ", text):
            steps.append(text)
        elif text and steps:
            steps[-1] += " " + text
    return steps


async def test_how_it_was_counted_shows_the_steps_and_the_due_date(store: Store) -> None:
    """A motion served electronically on Thu 12 Nov 2026: day 14 is Thu 26 Nov, Thanksgiving,
    so the response is due the next court day, Fri 27 Nov 2026; electronic service adds
    nothing."""
    assert THANKSGIVING.weekday() == 3 and 22 <= THANKSGIVING.day <= 28  # the 4th Thursday
    case = add_case(store, "1:26-cv-00042", "Smith v. Jones")
    assert case.id is not None
    store.add_filing(
        case.id,
        Filing(
            filed_on=date(2026, 11, 12),
            doc_type=DocType.MOTION,
            title="Motion to dismiss",
            served_on=date(2026, 11, 12),
            service=ServiceMethod.ELECTRONIC,
        ),
    )
    app = DocketApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        screen.query_one("#tabs", TabbedContent).active = "tab-deadlines"
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        info = app.screen
        assert isinstance(info, DeadlineInfoScreen)
        box = [line.strip() for line in drawn(app, info.query_one("#deadline-info")) if line]
        assert box[:2] == ["Response to motion due", "Due Fri 27 Nov 2026 · open"], box
        # The trigger in the words `docket deadline show` uses, wrapped to the box.
        assert (
            "Counted from: entry 1, Motion to dismiss, filed 2026-11-12, "
            "served 2026-11-12 (electronic)"
        ) in " ".join(box)
        steps = steps_drawn(drawn(app, info.query_one("#info-steps")))
        assert len(steps) == 9, steps
        # No federal rule sets the period: the step says so, not "FRCP 6".
        assert steps[0] == (
            "1. Rule: Response to motion due (Local rule (no federal rule sets this period))"
        )
        assert steps[1] == "2. Counted from service on Thu 12 Nov 2026"
        assert steps[2].startswith("3. Trigger: Thu 12 Nov 2026 (day excluded")
        assert steps[3].startswith("4. Counted 14 days forward")
        assert steps[3].endswith(": Thu 26 Nov 2026")
        assert steps[4].startswith("5. Thu 26 Nov 2026 is Thanksgiving")
        assert "moved to Fri 27 Nov 2026" in steps[4]
        assert steps[5].startswith("6. Served electronically: nothing added")
        assert steps[6] == "7. Due: Fri 27 Nov 2026"
        assert steps[7].startswith("8. Note: No federal rule sets the time to respond")
        assert "check the court's local rule" in steps[7]
        # Every computed deadline names the rule set and counting rule that produced it.
        assert steps[8] == (
            "9. Counted under the Federal rules (FRCP, FRCrP, FRAP); counting rule FRCP 6(a)"
        )


async def test_an_amended_complaint_left_with_the_clerk_answers_under_15a3(smith: Store) -> None:
    """The form offers the new type and the service methods FRCP 6(d) names.

    Left with the clerk Wed 11 Nov 2026: 14 days (FRCP 15(a)(3)) is Wed 25 Nov, a court day;
    3 days more (FRCP 6(d), Rule 5(b)(2)(D)) is Sat 28 Nov; the weekend moves it to Mon 30 Nov.
    An amended complaint sets no new service deadline (FRCP 4(m)).
    """
    app = DocketApp(smith)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first_case(pilot)
        await type_filing(
            pilot,
            filed="11/11/26",
            doc_type="amended complaint",
            title="First amended complaint",
            description="",
            filed_by="ali",
            served="11/11/26",
            service=ServiceMethod.LEFT_WITH_CLERK,
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        case_id = the_case(smith)
        [filing] = smith.filings(case_id)
        assert (filing.doc_type, filing.service) == (
            DocType.AMENDED_COMPLAINT,
            ServiceMethod.LEFT_WITH_CLERK,
        )
        assert [(d.title, d.due_on) for d in smith.deadlines(case_id)] == [
            ("Response to amended complaint due", date(2026, 11, 30))
        ]
        assert "Deadline: Response to amended complaint due · Mon 30 Nov 2026" in messages(app)
