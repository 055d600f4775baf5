"""Related matters: linking two cases, unlinking them, and the whole group a case belongs to.

A link is one `case_links` row, read from either end: the case it was typed on sees the
relation as typed (an appeal: "appeal of"), the other case its inverse ("appealed in"); the
words are `docket.links`' decision. Every link and unlink is audited on the linking case.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from db.agenda import CASE_ROW_COLUMNS
from db.cases import CaseStore
from db.rows import CaseRow, LinkRow
from docket.errors import InputError, NotFound, Refused

if TYPE_CHECKING:
    from docket.links import LinkRelation
    from docket.models import Case

#: The most matters a linked group lists: far past any real incident, and a bound on the walk.
GROUP_LIMIT = 500


class LinkStore(CaseStore):
    def link_cases(
        self, case_id: int, other_id: int, relation: LinkRelation, *, note: str | None = None
    ) -> LinkRow:
        """Link two matters (`case_id` is `relation` of `other_id`); returns the link as
        `case_id` sees it. A matter cannot be linked to itself, nor a pair twice."""
        note = _one_line(note)
        with self.write():
            case, other = self.get_case(case_id), self.get_case(other_id)
            if case_id == other_id:
                raise Refused(
                    f"{case.number} cannot be linked to itself; name another matter",
                    field="other",
                )
            existing = self._link_between(case_id, other_id)
            if existing is not None:
                raise Refused(
                    f"{case.number} and {other.number} are already linked ({case.number} is "
                    f"{existing.words} {other.number}); unlink them first to change it",
                    field="other",
                )
            self.insert(
                "case_links",
                {
                    "case_id": case_id,
                    "other_id": other_id,
                    "relation": relation.value,
                    "note": note,
                    "created_at": self.timestamp(),
                },
                case_id=case_id,
            )
        link = self._link_between(case_id, other_id)
        assert link is not None
        return link

    def unlink_cases(self, case_id: int, other_id: int) -> LinkRow:
        """Remove the link between two matters, whichever way it was typed; returns it as
        `case_id` saw it. The audit log keeps the removed row."""
        with self.write():
            case, other = self.get_case(case_id), self.get_case(other_id)
            link = self._link_between(case_id, other_id)
            if link is None:
                raise Refused(f"{case.number} and {other.number} are not linked", field="other")
            before = self.row_by_id("case_links", link.id)
            self.conn.execute("DELETE FROM case_links WHERE id = ?", (link.id,))
            self.record_audit(
                "delete", "case_links", link.id, case_id=int(before["case_id"]), before=before
            )
        return link

    def case_links(self, case_id: int) -> list[LinkRow]:
        """Every matter linked to this one, with the relation as this one sees it."""
        rows = self.query_rows(
            f"SELECT {_LINK_COLUMNS}, 1 FROM case_links l JOIN cases c ON c.id = l.other_id "
            "WHERE l.case_id = ? UNION ALL "
            f"SELECT {_LINK_COLUMNS}, 0 FROM case_links l JOIN cases c ON c.id = l.case_id "
            "WHERE l.other_id = ? ORDER BY 3, 1",
            (case_id, case_id),
        )
        return [_link_row(row) for row in rows]

    def _link_between(self, case_id: int, other_id: int) -> LinkRow | None:
        for link in self.case_links(case_id):
            if link.case_id == other_id:
                return link
        return None

    def linked_group(self, case_id: int) -> list[CaseRow]:
        """The matter and every matter reachable from it through links, most urgent first
        (as the Cases list orders them)."""
        rows = self.query_rows(
            f"""
            WITH RECURSIVE grp(id) AS (
                SELECT CAST(? AS INTEGER)
                UNION
                SELECT CASE WHEN l.case_id = grp.id THEN l.other_id ELSE l.case_id END
                FROM case_links l JOIN grp ON l.case_id = grp.id OR l.other_id = grp.id
            )
            SELECT {CASE_ROW_COLUMNS} FROM cases WHERE id IN (SELECT id FROM grp LIMIT ?)
            ORDER BY resolved, attention_on, id
            """,
            (case_id, GROUP_LIMIT),
        )
        return self.case_rows(rows)

    def closest_numbers(self, number: str, n: int = 3) -> list[str]:
        """Case numbers nearest a mistyped one: those that contain it, then those spelled
        nearly alike (read from the number index, not the whole table)."""
        typed = number.strip()
        pattern = "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        containing = [
            str(row[0])
            for row in self.query_rows(
                "SELECT number FROM cases WHERE number LIKE ? ESCAPE '\\' ORDER BY number LIMIT ?",
                (pattern, n),
            )
        ]
        numbers = [str(row[0]) for row in self.query_rows("SELECT number FROM cases LIMIT 20000")]
        alike = difflib.get_close_matches(typed, numbers, n, 0.5)
        return list(dict.fromkeys(containing + alike))[:n]

    def find_case_near(self, number: str, court: str | None = None, *, field: str) -> Case:
        """`find_case`, with the closest numbers named when there is no such case."""
        try:
            return self.find_case(number, court)
        except NotFound as missing:
            near = self.closest_numbers(number)
            closest = f"; closest: {', '.join(near)}" if near else ""
            raise NotFound(
                f"{missing.problem}{closest}", field=field, example=near[0] if near else None
            ) from None


def _one_line(note: str | None) -> str | None:
    """The note as stored: one line of plain text, blank as none (a model's `Line`)."""
    from pydantic import TypeAdapter, ValidationError

    from docket.models import Line

    if note is None or not note.strip():
        return None
    try:
        return str(TypeAdapter(Line).validate_python(note))
    except ValidationError as error:
        problem = str(error.errors()[0].get("msg", "is not valid")).removeprefix("Value error, ")
        raise InputError("note", problem[:1].lower() + problem[1:], "same crash on NM 14") from None


#: A link's columns with the far matter's (`c`); each query adds whether this end typed it.
_LINK_COLUMNS = (
    "l.id, c.id, c.number, c.court, c.title, c.kind, c.stage, c.resolved, l.relation, l.note, "
    "c.next_deadline_on, c.next_hearing_at"
)


def _link_row(row: tuple[Any, ...]) -> LinkRow:
    from docket.links import LinkRelation, relation_as_seen

    *facts, relation, note, next_deadline_on, next_hearing_at, typed_here = row
    seen = relation_as_seen(LinkRelation(relation), from_linking_side=bool(typed_here))
    link_id, other_id, number, court, title, kind, stage, resolved = facts
    return LinkRow(
        link_id,
        other_id,
        number,
        court,
        title,
        kind,
        stage,
        bool(resolved),
        seen,
        note,
        next_deadline_on,
        next_hearing_at,
    )
