"""Hearing times as the court keeps them, with the reader's own clock beside them.

A hearing is stored at the court's wall time with its offset (`09:00-07:00` in Santa Fe). The
screen shows that time, named by the court's zone, and, when the person reading is somewhere
else, their own time beside it: `09:00 MST (11:00 EST here)`, so neither the court's time nor
the attorney's has to be worked out in the head.

The reader's zone is the machine's (`TZ`), or `$DOCKET_TZ` when set: a laptop that travels
keeps the office's zone, and tests pin one.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def reader_zone() -> tzinfo | None:
    """`$DOCKET_TZ` as a zone when it names one; None means the machine's own zone."""
    name = os.environ.get("DOCKET_TZ", "").strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_name(moment: datetime) -> str:
    """`MST`, `EDT`; a bare offset (`UTC-07:00`) when the zone has no name."""
    return moment.strftime("%Z") or moment.strftime("%z")


def court_and_local(
    moment: datetime,
    court_zone: tzinfo | None,
    *,
    here: tzinfo | None = None,
    with_date: bool = False,
) -> str:
    """`09:00 MST`, or `09:00 MST (11:00 EST here)` when the reader's clock differs.

    `court_zone` names the court's time (None: the time as stored, bare when the reader's
    clock agrees, else named by its offset); `here`
    is the reader's zone (None: `reader_zone()`, else the machine's). The reader's day is
    named too when it is not the court's (a late hearing in Honolulu seen from New York).
    """
    court = moment.astimezone(court_zone) if court_zone is not None else moment
    zone = here if here is not None else reader_zone()
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    shown = f"{court:%Y-%m-%d %H:%M}" if with_date else f"{court:%H:%M}"
    same = local.utcoffset() == court.utcoffset()
    if court_zone is None and same:
        return shown  # no court zone to name, and the reader's clock says the same
    text = f"{shown} {zone_name(court)}"
    if same:
        return text
    day = f"{local:%a} " if local.date() != court.date() else ""
    return f"{text} ({day}{local:%H:%M} {zone_name(local)} here)"
