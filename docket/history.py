"""A deadline's history in words, the same on the CLI and on the screen."""

from __future__ import annotations

from docket.models import DeadlineEvent, DeadlineHistory


def closed_by_close(step: DeadlineHistory) -> bool:
    """Whether the step is a close withdrawing the deadline (what a reopening restores)."""
    return (
        step.event == DeadlineEvent.WITHDRAWN
        and step.status_change_id is not None
        and step.filing_id is None
    )


def history_line(step: DeadlineHistory, entry_no: int | None) -> str:
    """`2026-11-20  satisfied by entry 2`, `2026-12-01  withdrawn by the close on 2026-12-01
    (matter closed (settled))`, `2026-12-09  reopened (entry 2 voided)`.

    `entry_no` is the docket number of the entry the step names, when it names one."""
    on = step.happened_on.isoformat()
    if step.event == DeadlineEvent.SATISFIED:
        text = f"satisfied by entry {entry_no}" if entry_no else "satisfied"
    elif closed_by_close(step):
        text = f"withdrawn by the close on {on}"
    else:
        text = step.event.value
    detail = f" ({step.detail})" if step.detail else ""
    return f"{on}  {text}{detail}"
