"""Parties and their links to cases, with the conflict check on names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.cases import CaseStore
from db.rows import PartyConflict
from docket.errors import InputError, NotFound

if TYPE_CHECKING:
    from docket.models import CaseParty, PartyDetails, PartyKind, PartyRole

SELECT_LINKS = (
    "SELECT cp.id, cp.case_id, cp.party_id, cp.role, cp.raw_role, cp.represents_id, "
    "cp.firm, cp.contact, cp.terminated_on, cp.stage, cp.disposition, cp.stage_on, p.name, "
    "p.kind AS party_kind FROM case_parties cp "
    "JOIN parties p ON p.id = cp.party_id "
)


class PartyStore(CaseStore):
    def party_conflicts(
        self, name: str, *, exclude_case_id: int | None = None
    ) -> list[PartyConflict]:
        """Other cases on which a party of the same normalized name already appears."""
        from docket.models import name_key

        key = name_key(name)
        if not key:
            return []
        rows = self.query_rows(
            "SELECT p.id, p.name, c.id, c.number, c.title, cp.role FROM parties p "
            "JOIN case_parties cp ON cp.party_id = p.id JOIN cases c ON c.id = cp.case_id "
            "WHERE p.name_key = ? AND (? IS NULL OR c.id != ?) ORDER BY c.number LIMIT 50",
            (key, exclude_case_id, exclude_case_id),
        )
        return [PartyConflict(*row) for row in rows]

    def add_party(
        self,
        case_id: int,
        name: str,
        role: PartyRole | str,
        *,
        kind: PartyKind | str = "person",
        raw_role: str | None = None,
        represents_id: int | None = None,
        details: PartyDetails | None = None,
        check_conflicts: bool = True,
    ) -> tuple[CaseParty, list[PartyConflict]]:
        """Link a party to a case, reusing the party row when the exact name is known.

        Returns the link and the other cases the name already appears on (conflict check).
        `details` (counsel's firm and contact, a termination date) go on a new link; an
        existing link keeps its own (`set_party_details` changes them). An importer that
        reports no conflicts passes `check_conflicts=False` and gets none.
        """
        from docket.models import Party, PartyDetails, PartyKind, PartyRole, name_key

        party = Party(name=name, kind=PartyKind(kind))
        link_role = PartyRole(role)
        key = name_key(party.name) or party.name.casefold()
        with self.write():
            if not self.query_rows("SELECT 1 FROM cases WHERE id = ?", (case_id,)):
                raise NotFound(f"no case has id {case_id}", field="id")
            conflicts = (
                self.party_conflicts(party.name, exclude_case_id=case_id) if check_conflicts else []
            )
            existing = self.query_rows(
                "SELECT id FROM parties WHERE name = ? AND kind = ?", (party.name, party.kind.value)
            )
            if existing:
                party_id = int(existing[0][0])
            else:
                party_id = int(
                    self.insert(
                        "parties",
                        {
                            "name": party.name,
                            "kind": party.kind.value,
                            "name_key": key,
                            "created_at": self.timestamp(),
                        },
                        case_id=case_id,
                    )["id"]
                )
            if represents_id is not None and not self.query_rows(
                "SELECT 1 FROM case_parties WHERE id = ? AND case_id = ?", (represents_id, case_id)
            ):
                raise InputError("represents", "that client is not a party on this case")
            duplicate = self.query_rows(
                "SELECT id FROM case_parties WHERE case_id = ? AND party_id = ? AND role = ? "
                "AND represents_id IS ?",
                (case_id, party_id, link_role.value, represents_id),
            )
            if duplicate:
                link_id = int(duplicate[0][0])
            else:
                link_id = int(
                    self.insert(
                        "case_parties",
                        {
                            "case_id": case_id,
                            "party_id": party_id,
                            "role": link_role.value,
                            "raw_role": raw_role,
                            "represents_id": represents_id,
                            **(details or PartyDetails()).values(),
                            "created_at": self.timestamp(),
                        },
                        case_id=case_id,
                    )["id"]
                )
        return self.get_case_party(link_id), conflicts

    def set_party_details(self, link: CaseParty, details: PartyDetails) -> bool:
        """Replace what the court says of a party in a case beyond its name and role (see
        `PartyDetails`); False when it already says exactly that."""
        from docket.models import PartyDetails

        assert link.id is not None
        if PartyDetails.of(link) == details:
            return False
        self.update("case_parties", link.id, details.values(), case_id=link.case_id)
        return True

    def get_case_party(self, link_id: int) -> CaseParty:
        from docket.models import CaseParty

        rows = self.query_dicts(SELECT_LINKS + "WHERE cp.id = ?", (link_id,))
        if not rows:
            raise NotFound(f"no case party has id {link_id}", field="id")
        return CaseParty.model_validate(rows[0])

    def case_parties(self, case_id: int) -> list[CaseParty]:
        from docket.models import CaseParty

        rows = self.query_dicts(SELECT_LINKS + "WHERE cp.case_id = ? ORDER BY cp.id", (case_id,))
        return [CaseParty.model_validate(row) for row in rows]
