"""The team: people, who is responsible for each matter and deadline, and who "I" am.

A matter has a responsible attorney and paralegal (`cases.attorney_id`, `paralegal_id`) and
the firm's matter and client numbers; a deadline may be given to one person
(`deadlines.assignee_id`). Which person a typed name or the current user means is
`docket.team`'s decision. Every change is audited, naming the current user.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from db.cases import CaseStore
from docket.errors import InputError, NotFound, Refused

if TYPE_CHECKING:
    from docket.models import Case
    from docket.team import Person, PersonRole


class Keep(Enum):
    """Leave this value as it is (as opposed to None: clear it)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class Responsible:
    """Who answers for a matter."""

    attorney: Person | None
    paralegal: Person | None


class TeamStore(CaseStore):
    def add_person(self, person: Person) -> Person:
        """Put someone on the team; a second person of the same name or login is refused."""
        from docket.models import name_key

        key = name_key(person.name) or person.name.casefold()
        with self.write():
            if self.query_rows("SELECT 1 FROM people WHERE name_key = ?", (key,)):
                raise Refused(f"{person.name} is already on the team", field="name")
            if person.login is not None and self.query_rows(
                "SELECT 1 FROM people WHERE login = ? COLLATE NOCASE", (person.login,)
            ):
                raise Refused(
                    f"the login {person.login!r} is already someone else's", field="login"
                )
            row = self.insert(
                "people",
                {
                    "name": person.name,
                    "name_key": key,
                    "role": person.role.value,
                    "login": person.login,
                    "created_at": self.timestamp(),
                },
                case_id=None,
            )
        return _person(row)

    def people(self) -> list[Person]:
        return [_person(row) for row in self.query_dicts("SELECT * FROM people ORDER BY name")]

    def get_person(self, person_id: int) -> Person:
        return _person(self.row_by_id("people", person_id))

    def person_named(self, text: str, *, field: str, role: PersonRole | None = None) -> Person:
        """The person a typed name (or login) means; with `role`, they must have it."""
        from docket.team import find_person

        people = self.people()
        person = find_person(people, text, field=field)
        if role is not None and person.role != role:
            others = [p.name for p in people if p.role == role]
            raise InputError(
                field,
                f"{person.name} is {_a(person.role)}, not {_a(role)}"
                + (f"; the {role.value}s: {', '.join(others[:5])}" if others else ""),
                others[0] if others else None,
            )
        return person

    def current_person(self) -> Person | None:
        """The person using docket now (`self.user`), when they are on the team."""
        from docket.team import is_user

        people = self.people()
        for person in people:
            if person.login is not None and is_user(person, self.user):
                return person
        for person in people:
            if person.login is None and is_user(person, self.user):
                return person
        return None

    # ------------------------------------------------------------------ responsibility

    def assign_case(
        self,
        case_id: int,
        *,
        attorney: str | None | Keep = KEEP,
        paralegal: str | None | Keep = KEEP,
        matter_no: str | None | Keep = KEEP,
        client_no: str | None | Keep = KEEP,
    ) -> Case:
        """Set (a name or number), clear (None) or keep (KEEP) who answers for a matter and
        its matter and client numbers, in one audited change."""
        from docket.team import PersonRole

        changes: dict[str, Any] = {}
        for column, text, role in (
            ("attorney_id", attorney, PersonRole.ATTORNEY),
            ("paralegal_id", paralegal, PersonRole.PARALEGAL),
        ):
            if text is KEEP:
                continue
            field = column.removesuffix("_id")
            changes[column] = (
                None if text is None else self.person_named(text, field=field, role=role).id
            )
        for column, number in (("matter_no", matter_no), ("client_no", client_no)):
            if number is KEEP:
                continue
            if number is not None:
                number = number.strip()
                if not number or len(number) > 200 or "\n" in number:
                    raise InputError(column, "must be one line of 1 to 200 characters", "M-1042")
            changes[column] = number
        if not changes:
            raise InputError("attorney", "names nothing to change", "Dana Whitlock")
        with self.write():
            self.get_case(case_id)
            self.touch_case(case_id, **changes)
        return self.get_case(case_id)

    def responsible(self, case_id: int) -> Responsible:
        rows = self.query_rows(
            "SELECT attorney_id, paralegal_id FROM cases WHERE id = ?", (case_id,)
        )
        if not rows:
            raise NotFound(f"no case has id {case_id}", field="id")
        attorney_id, paralegal_id = rows[0]
        return Responsible(
            None if attorney_id is None else self.get_person(attorney_id),
            None if paralegal_id is None else self.get_person(paralegal_id),
        )

    def assign_deadline(
        self, deadline_id: int, person: str | None, *, case_id: int | None = None
    ) -> Person | None:
        """Give a deadline to someone on the team (None: to no one, so the matter's people
        answer for it); returns who has it now."""
        with self.write():
            rows = self.query_rows(
                "SELECT case_id, status FROM deadlines WHERE id = ?", (deadline_id,)
            )
            if not rows or (case_id is not None and rows[0][0] != case_id):
                raise NotFound(f"no deadline #{deadline_id} on this case", field="id")
            given = None if person is None else self.person_named(person, field="assignee")
            self.update(
                "deadlines",
                deadline_id,
                {
                    "assignee_id": None if given is None else given.id,
                    "updated_at": self.timestamp(),
                },
                case_id=int(rows[0][0]),
            )
        return given

    def deadline_assignees(self, case_id: int) -> dict[int, str]:
        """Deadline id -> the name of whom it was given to, for the case's assigned ones."""
        rows = self.query_rows(
            "SELECT d.id, p.name FROM deadlines d JOIN people p ON p.id = d.assignee_id "
            "WHERE d.case_id = ?",
            (case_id,),
        )
        return {int(deadline_id): str(name) for deadline_id, name in rows}


def _a(role: PersonRole) -> str:
    return ("an " if role.value[0] in "aeiou" else "a ") + role.value


def _person(row: dict[str, Any]) -> Person:
    from docket.team import Person

    return Person(id=row["id"], name=row["name"], role=row["role"], login=row["login"])
