"""Related matters and who answers for what, in the store: one behaviour a test, on a fresh
database file (today fixed at 2026-11-25; the store's user is `tester`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from db.export import export_json
from db.sheet import render_docket_sheet
from db.store import Store
from docket.errors import DocketError, InputError, NotFound, Refused
from docket.links import LinkRelation
from docket.models import Case, CaseKind, Deadline, Hearing
from docket.team import Person, PersonRole


def _case(store: Store, number: str, title: str, kind: CaseKind = CaseKind.CIVIL) -> int:
    case = store.add_case(Case(number=number, title=title, kind=kind, opened_on=date(2026, 1, 5)))
    assert case.id is not None
    return case.id


@pytest.fixture
def incident(store: Store) -> dict[str, int]:
    """An investigation, the prosecution it led to, its appeal, a civil suit on the same facts,
    and a matter about something else."""
    return {
        "probe": _case(store, "INV-7", "Crash on NM 14", CaseKind.INVESTIGATION),
        "charge": _case(store, "CR-9", "State v. Roe", CaseKind.CRIMINAL),
        "appeal": _case(store, "A-4410", "State v. Roe", CaseKind.APPEAL),
        "suit": _case(store, "CV-12", "Doe v. Roe"),
        "other": _case(store, "CV-99", "Able v. Baker"),
    }


def _links(store: Store, case_id: int) -> list[tuple[str, str]]:
    return [(link.relation, link.number) for link in store.case_links(case_id)]


def test_an_appeal_reads_appeal_of_on_one_side_and_appealed_in_on_the_other(
    store: Store, incident: dict[str, int]
) -> None:
    store.link_cases(incident["appeal"], incident["charge"], LinkRelation.APPEAL_OF)
    assert _links(store, incident["appeal"]) == [("appeal_of", "CR-9")]
    assert _links(store, incident["charge"]) == [("appealed_in", "A-4410")]
    assert store.case_links(incident["charge"])[0].words == "appealed in"


def test_symmetric_relations_read_the_same_from_both_sides_with_their_note(
    store: Store, incident: dict[str, int]
) -> None:
    store.link_cases(incident["suit"], incident["charge"], LinkRelation.PARALLEL, note="same facts")
    assert _links(store, incident["suit"]) == [("parallel", "CR-9")]
    assert _links(store, incident["charge"]) == [("parallel", "CV-12")]
    assert store.case_links(incident["charge"])[0].note == "same facts"


def _counts(store: Store) -> tuple[int, int]:
    return (
        store.query_rows("SELECT count(*) FROM case_links")[0][0],
        store.query_rows("SELECT count(*) FROM audit_log")[0][0],
    )


def test_a_matter_cannot_be_linked_to_itself_and_nothing_is_written(
    store: Store, incident: dict[str, int]
) -> None:
    before = _counts(store)
    with pytest.raises(Refused, match="cannot be linked to itself"):
        store.link_cases(incident["suit"], incident["suit"], LinkRelation.RELATED)
    assert _counts(store) == before


def test_a_pair_is_linked_once_whichever_way_round(store: Store, incident: dict[str, int]) -> None:
    store.link_cases(incident["charge"], incident["probe"], LinkRelation.SAME_INCIDENT)
    before = _counts(store)
    for first, second in (("charge", "probe"), ("probe", "charge")):
        with pytest.raises(Refused, match="already linked") as refused:
            store.link_cases(incident[first], incident[second], LinkRelation.RELATED)
        assert "unlink them first" in refused.value.problem
    assert _counts(store) == before


def test_unlink_removes_the_link_from_both_matters_and_the_audit_keeps_it(
    store: Store, incident: dict[str, int]
) -> None:
    store.link_cases(incident["appeal"], incident["charge"], LinkRelation.APPEAL_OF)
    removed = store.unlink_cases(incident["charge"], incident["appeal"])
    assert removed.relation == "appealed_in"
    assert store.case_links(incident["charge"]) == []
    assert store.case_links(incident["appeal"]) == []
    who, action, before = store.query_rows(
        "SELECT who, action, json_extract(before, '$.relation') FROM audit_log "
        "WHERE entity = 'case_links' ORDER BY id DESC LIMIT 1"
    )[0]
    assert (who, action, before) == ("tester", "delete", "appeal_of")
    with pytest.raises(Refused, match="are not linked"):
        store.unlink_cases(incident["charge"], incident["appeal"])


def test_the_linked_group_reaches_every_matter_through_links_and_no_other(
    store: Store, incident: dict[str, int]
) -> None:
    store.link_cases(incident["charge"], incident["probe"], LinkRelation.SAME_INCIDENT)
    store.link_cases(incident["appeal"], incident["charge"], LinkRelation.APPEAL_OF)
    store.link_cases(incident["suit"], incident["probe"], LinkRelation.SAME_INCIDENT)
    store.add_deadline(incident["suit"], Deadline(due_on=date(2026, 12, 1), title="Answer"))
    group = store.linked_group(incident["appeal"])
    assert {row.number for row in group} == {"INV-7", "CR-9", "A-4410", "CV-12"}
    # Each with its stage and next date: "where does everything stand" in one list.
    by_number = {row.number: (row.stage, row.next_event_on) for row in group}
    assert by_number["CV-12"] == ("filed", "2026-12-01")
    assert by_number["INV-7"] == ("intake", None)
    assert [row.number for row in store.linked_group(incident["other"])] == ["CV-99"]


def test_a_mistyped_number_is_answered_with_the_closest_numbers(
    store: Store, incident: dict[str, int]
) -> None:
    with pytest.raises(NotFound) as missing:
        store.find_case_near("CR9", field="other")
    assert "closest: CR-9" in missing.value.problem
    assert missing.value.field == "other" and missing.value.example == "CR-9"


# ---------------------------------------------------------------------------- the team


@pytest.fixture
def team(store: Store) -> dict[str, Person]:
    return {
        "me": store.add_person(
            Person(name="Terry Tester", role=PersonRole.PARALEGAL, login="tester")
        ),
        "dana": store.add_person(Person(name="Dana Whitlock", role=PersonRole.ATTORNEY)),
        "lee": store.add_person(Person(name="Lee Park", role=PersonRole.PARALEGAL)),
    }


def test_the_current_user_is_the_person_with_their_login(
    store: Store, team: dict[str, Person]
) -> None:
    assert store.current_person() == team["me"]


def test_without_a_login_the_current_user_is_matched_by_name(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    with Store.open(tmp_path / "by-name.db", user="Lee Park") as store:
        store.add_person(Person(name="Park, Lee", role=PersonRole.PARALEGAL))
        me = store.current_person()
        assert me is not None and me.name == "Park, Lee"


def test_a_second_person_of_one_name_or_login_is_refused(
    store: Store, team: dict[str, Person]
) -> None:
    with pytest.raises(Refused, match="already on the team"):
        store.add_person(Person(name="dana  WHITLOCK", role=PersonRole.ATTORNEY))
    with pytest.raises(Refused, match="already someone else's"):
        store.add_person(Person(name="Tess T.", role=PersonRole.PARALEGAL, login="TESTER"))
    assert len(store.people()) == 3


def test_assigning_a_matter_is_audited_under_the_current_user(
    store: Store, incident: dict[str, int], team: dict[str, Person]
) -> None:
    saved = store.assign_case(
        incident["charge"], attorney="Dana Whitlock", paralegal="tester", matter_no="M-1042"
    )
    people = store.responsible(incident["charge"])
    assert (people.attorney, people.paralegal) == (team["dana"], team["me"])
    assert saved.matter_no == "M-1042" and saved.client_no is None
    who, after = store.query_rows(
        "SELECT who, CAST(json_extract(after, '$.attorney_id') AS INTEGER) FROM audit_log "
        "WHERE entity = 'cases' AND action = 'update' ORDER BY id DESC LIMIT 1"
    )[0]
    assert (who, after) == ("tester", team["dana"].id)
    # Left out keeps; None clears.
    store.assign_case(incident["charge"], paralegal=None)
    people = store.responsible(incident["charge"])
    assert (people.attorney, people.paralegal) == (team["dana"], None)


@pytest.mark.parametrize(
    ("typed", "role_field", "words"),
    [
        ("Dana Whitlok", "attorney", "closest: Dana Whitlock"),
        ("Whitlock", "attorney", "closest: Dana Whitlock"),
        ("Lee Park", "attorney", "Lee Park is a paralegal, not an attorney; the attorneys: Dana"),
    ],
)
def test_an_unknown_name_or_the_wrong_role_is_refused_and_nothing_changes(
    store: Store,
    incident: dict[str, int],
    team: dict[str, Person],
    typed: str,
    role_field: str,
    words: str,
) -> None:
    before = store.get_case(incident["charge"]).version
    with pytest.raises(InputError) as refused:
        store.assign_case(incident["charge"], attorney=typed)
    assert refused.value.field == role_field
    assert words in refused.value.problem
    assert store.get_case(incident["charge"]).version == before


def _agenda_titles(store: Store, person: Person) -> list[str]:
    return [item.title for item in store.agenda(mine=person.id)]


def test_mine_is_my_matters_and_the_deadlines_given_to_me(
    store: Store, incident: dict[str, int], team: dict[str, Person]
) -> None:
    store.assign_case(incident["charge"], paralegal="Terry Tester")
    store.assign_case(incident["suit"], attorney="Dana Whitlock", paralegal="Lee Park")
    mine = store.add_deadline(incident["charge"], Deadline(due_on=date(2026, 12, 1), title="A"))
    handed = store.add_deadline(incident["charge"], Deadline(due_on=date(2026, 12, 2), title="B"))
    given = store.add_deadline(incident["suit"], Deadline(due_on=date(2026, 12, 3), title="C"))
    store.add_deadline(incident["suit"], Deadline(due_on=date(2026, 12, 4), title="D"))
    assert mine.id and handed.id and given.id
    store.assign_deadline(handed.id, "Lee Park")
    store.assign_deadline(given.id, "Terry Tester")
    starts = datetime.combine(date(2026, 12, 5), datetime.min.time()).astimezone()
    store.add_hearing(incident["charge"], Hearing(starts_at=starts + timedelta(hours=9), kind="X"))
    # On my matter: A and the hearing, not B (given to Lee); on Dana's matter: C, given to me.
    assert _agenda_titles(store, team["me"]) == ["A", "C", "X"]
    assert _agenda_titles(store, team["lee"]) == ["B", "D"]
    listed = [row.number for row in store.list_cases(mine=team["me"].id)]
    assert sorted(listed) == ["CR-9", "CV-12"]  # CV-12 for the deadline given to me
    assert [row.number for row in store.list_cases(mine=team["dana"].id)] == ["CV-12"]
    assert store.deadline_assignees(incident["charge"]) == {handed.id: "Lee Park"}


def test_a_deadline_of_another_case_cannot_be_assigned_through_this_one(
    store: Store, incident: dict[str, int], team: dict[str, Person]
) -> None:
    deadline = store.add_deadline(incident["suit"], Deadline(due_on=date(2026, 12, 1), title="A"))
    assert deadline.id is not None
    with pytest.raises(DocketError):
        store.assign_deadline(deadline.id, "Lee Park", case_id=incident["charge"])
    assert store.deadline_assignees(incident["suit"]) == {}


def test_matters_needing_attention_narrow_to_mine(
    store: Store, incident: dict[str, int], team: dict[str, Person]
) -> None:
    # Every matter opened 2026-01-05 and has been quiet since: all need attention.
    store.assign_case(incident["probe"], paralegal="Terry Tester")
    everyone = {row.number for row in store.cases_needing_attention()}
    assert {"INV-7", "CV-99"} <= everyone
    assert [row.number for row in store.cases_needing_attention(mine=team["me"].id)] == ["INV-7"]


def test_an_export_carries_the_matter_numbers_but_no_person_ids(
    store: Store, incident: dict[str, int], team: dict[str, Person]
) -> None:
    store.assign_case(incident["charge"], attorney="Dana Whitlock", client_no="C-207")
    deadline = store.add_deadline(incident["charge"], Deadline(due_on=date(2026, 12, 1), title="A"))
    assert deadline.id is not None
    store.assign_deadline(deadline.id, "Lee Park")
    document = export_json(store, [incident["charge"]])["cases"][0]
    assert document["case"]["client_no"] == "C-207"
    assert "attorney_id" not in document["case"]
    assert "assignee_id" not in document["deadlines"][0]


def test_the_sheet_shows_links_from_its_side_and_who_answers_for_the_matter(
    store: Store, incident: dict[str, int], team: dict[str, Person]
) -> None:
    store.link_cases(
        incident["appeal"], incident["charge"], LinkRelation.APPEAL_OF, note="<b>timely</b>"
    )
    store.assign_case(incident["charge"], attorney="Dana Whitlock", matter_no="M-1042")
    original = render_docket_sheet(store, incident["charge"])
    assert "<h2>Related matters</h2>" in original
    assert "<td>appealed in</td><td>A-4410</td>" in original
    assert "&lt;b&gt;timely&lt;/b&gt;" in original
    assert "<dt>Attorney</dt><dd>Dana Whitlock</dd>" in original
    assert "<dt>Matter no.</dt><dd>M-1042</dd>" in original
    appeal = render_docket_sheet(store, incident["appeal"])
    assert "<td>appeal of</td><td>CR-9</td>" in appeal
    assert "Related matters" not in render_docket_sheet(store, incident["other"])


def test_my_cases_page_by_keyset_in_the_cases_list_order(
    store: Store, incident: dict[str, int], team: dict[str, Person]
) -> None:
    for key in ("probe", "charge", "appeal", "suit"):
        store.assign_case(incident[key], paralegal="Terry Tester")
    everyone = [row.number for row in store.list_cases() if row.number != "CV-99"]
    first = store.list_cases(mine=team["me"].id, limit=3)
    rest = store.list_cases(mine=team["me"].id, after=first[-1].sort_key, limit=3)
    assert [row.number for row in first + rest] == everyone
    assert [row.number for row in store.list_cases(mine=team["me"].id, text="roe")] == [
        number for number in everyone if number != "INV-7"
    ]


@pytest.mark.parametrize("note", ["two\nlines", "bell\x07", "x" * 501])
def test_a_link_note_is_one_line_of_plain_text(
    store: Store, incident: dict[str, int], note: str
) -> None:
    with pytest.raises(InputError) as refused:
        store.link_cases(incident["suit"], incident["charge"], LinkRelation.PARALLEL, note=note)
    assert refused.value.field == "note"
    assert store.case_links(incident["suit"]) == []
