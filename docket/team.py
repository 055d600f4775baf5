"""The people on the team, and which of them a name or the current user means.

A matter has a responsible attorney and paralegal, and a deadline may be given to one person;
"mine" is what the current user answers for. The current user is who the audit log names
(`$DOCKET_USER`, else the login name), and a person is that user when their login, or else
their name, matches.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from docket.choices import PersonRole as PersonRole
from docket.errors import InputError
from docket.models import ShortLine, name_key


class Person(BaseModel):
    """Someone on the team who can be responsible for a matter or a deadline."""

    model_config = ConfigDict(str_strip_whitespace=True, validate_assignment=True, extra="forbid")

    id: int | None = None
    name: ShortLine
    """As colleagues write it (`Dana Whitlock`); unique on the team."""
    role: PersonRole
    login: ShortLine | None = None
    """The login name (or `$DOCKET_USER`) they use docket under, so "mine" finds them."""


def is_user(person: Person, user: str) -> bool:
    """Whether `person` is the one using docket as `user` (a login, or a name)."""
    wanted = user.strip().casefold()
    if not wanted:
        return False
    if person.login is not None:
        return person.login.casefold() == wanted
    return name_key(person.name) == name_key(user)


def find_person(people: Sequence[Person], text: str, *, field: str) -> Person:
    """The person a typed name means: their name (case, accents and word order aside) or
    their login; anything else is refused with the closest names on the team."""
    key = name_key(text)
    for person in people:
        if key and name_key(person.name) == key:
            return person
    for person in people:
        if person.login is not None and person.login.casefold() == text.strip().casefold():
            return person
    if not people:
        raise InputError(
            field,
            f"no one named {text.strip()!r} is on the team, which has no one yet; "
            "add people to the team first",
        )
    names = [person.name for person in people]
    near = _closest(text, names)
    closest = f"; closest: {', '.join(near)}" if near else f"; the team: {', '.join(names[:5])}"
    raise InputError(
        field, f"no one named {text.strip()!r} is on the team{closest}", (near or names)[0]
    )


def _closest(text: str, names: list[str]) -> list[str]:
    """Names that contain what was typed (a surname), then those spelled nearly alike."""
    typed = text.strip().casefold()
    containing = [name for name in names if typed and typed in name.casefold()]
    by_fold = {name.casefold(): name for name in names}
    alike = [by_fold[n] for n in difflib.get_close_matches(typed, list(by_fold), 3, 0.5)]
    return list(dict.fromkeys(containing + alike))[:3]
