"""Counts and due dates in the words a person writes them: `1 day`, `2 days`, `tomorrow`,
`Answer to complaint due` (never "due due"). One place, so the calendar export, the reminder
list and the screens say it alike."""

from __future__ import annotations

import re


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


#: Deadline titles that already say what happens on the day ("Answer to complaint due",
#: "Limitation period ends"): "due" is not added to them a second time.
_SAYS_WHEN = re.compile(r"\b(due|ends|expires|runs out|closes)\s*$", re.IGNORECASE)


def days_away(days: int) -> str:
    """`today`, `tomorrow`, `in 2 days`, `yesterday`, `3 days ago`: as a person says it."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {plural(days, 'day')}" if days > 0 else f"{plural(-days, 'day')} ago"


def due_phrase(title: str, days: int | None = None) -> str:
    """A deadline as a sentence says it: `Reply brief due`, `Answer to complaint due` (not
    "due due"), `Limitation period ends`; with `days`, when: `Reply brief due in 7 days`,
    `Answer to complaint due tomorrow`, `Limitation period ends today`."""
    text = title.strip()
    phrase = text if _SAYS_WHEN.search(text) else f"{text} due"
    return phrase if days is None else f"{phrase} {days_away(days)}"
