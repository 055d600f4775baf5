"""`case link | unlink | assign`, `case list --linked-to | --mine`, `person`, `deadline assign`
and `remind --mine` as a user and a script meet them: text, JSON shapes, one-line refusals
(exit 2, nothing written). In-process `main()` on a real database file; today is 2026-11-25
and the user is `tester` (see the `in_process` fixture)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from docket.links import LinkRelation
from docket.models import Case, CaseKind, Deadline
from docket.team import Person, PersonRole
from tests.conftest import run


@pytest.fixture
def incident(in_process: Path, store: Store) -> Store:
    """An investigation, the prosecution it led to and a suit on the same facts, not yet
    linked; an unrelated matter; and a team on which `tester` is a paralegal."""
    for number, title, kind in (
        ("INV-7", "Crash on NM 14", CaseKind.INVESTIGATION),
        ("CR-9", "State v. Roe", CaseKind.CRIMINAL),
        ("A-4410", "State v. Roe", CaseKind.APPEAL),
        ("CV-12", "Doe v. Roe", CaseKind.CIVIL),
        ("CV-99", "Able v. Baker", CaseKind.CIVIL),
    ):
        store.add_case(Case(number=number, title=title, kind=kind, opened_on=date(2026, 11, 2)))
    store.add_person(Person(name="Terry Tester", role=PersonRole.PARALEGAL, login="tester"))
    store.add_person(Person(name="Dana Whitlock", role=PersonRole.ATTORNEY))
    return store


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with Store.open(path) as store:
        return store.query_rows(sql)


def test_link_shows_on_both_matters_in_text_and_json(
    incident: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "link", "A-4410", "CR-9", "--as", "appeal-of", "--note", "timely"]) == 0
    assert "A-4410 is appeal of CR-9" in capsys.readouterr().out
    assert main(["case", "show", "CR-9"]) == 0
    text = capsys.readouterr().out
    assert "Related matters" in text and "appealed in" in text and "A-4410" in text
    assert main(["case", "show", "A-4410", "--json"]) == 0
    links = json.loads(capsys.readouterr().out)["links"]
    assert links == [
        {
            "number": "CR-9",
            "court": None,
            "title": "State v. Roe",
            "relation": "appeal_of",
            "note": "timely",
            "stage": "charged",
            "next_event_on": None,
        }
    ]
    assert main(["case", "show", "CR-9", "--json"]) == 0
    [back] = json.loads(capsys.readouterr().out)["links"]
    assert (back["number"], back["relation"]) == ("A-4410", "appealed_in")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["CR-9", "CR-9", "--as", "related"], "OTHER: CR-9 cannot be linked to itself"),
        (["CR-9", "CR9", "--as", "related"], "OTHER: no case numbered 'CR9'; closest: CR-9"),
        (["CR9", "CV-12", "--as", "related"], "NUMBER: no case numbered 'CR9'; closest: CR-9"),
        (["CR-9", "CV-12", "--as", "cousin"], "--as: 'cousin' is not one of: related"),
    ],
)
def test_bad_links_are_refused_in_one_line_and_nothing_is_written(
    incident: Store,
    in_process: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    line: str,
) -> None:
    assert main(["case", "link", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("docket: " + line), err
    assert len(err.strip().splitlines()) == 1
    assert _rows(in_process, "SELECT count(*) FROM case_links") == [(0,)]


def test_a_duplicate_link_is_refused_naming_how_to_change_it(
    incident: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "link", "CR-9", "INV-7", "--as", "same-incident"]) == 0
    capsys.readouterr()
    assert main(["case", "link", "INV-7", "CR-9", "--as", "related"]) == 2
    err = capsys.readouterr().err
    assert "already linked (INV-7 is same incident as CR-9); unlink them first" in err
    assert main(["case", "unlink", "INV-7", "CR-9"]) == 0
    assert "no longer same incident as CR-9" in capsys.readouterr().out
    assert main(["case", "unlink", "INV-7", "CR-9"]) == 2
    assert "are not linked" in capsys.readouterr().err


def test_list_linked_to_shows_the_whole_group_with_stage_and_next_date(
    incident: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (
        ["CR-9", "INV-7", "--as", "same-incident"],
        ["A-4410", "CR-9", "--as", "appeal-of"],
        ["CV-12", "INV-7", "--as", "parallel"],
    ):
        assert main(["case", "link", *args]) == 0
    suit = incident.find_case("CV-12")
    assert suit.id is not None
    incident.add_deadline(suit.id, Deadline(due_on=date(2026, 12, 9), title="Answer"))
    capsys.readouterr()
    assert main(["case", "list", "--linked-to", "A-4410"]) == 0
    text = capsys.readouterr().out
    assert "Matters linked to A-4410: 3" in text
    assert "CV-99" not in text
    suit_line = next(line for line in text.splitlines() if "CV-12" in line)
    assert "through another" in suit_line and "filed" in suit_line and "2026-12-09" in suit_line
    assert main(["case", "list", "--linked-to", "INV-7", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    shape = {row["number"]: (row["relation"], row["stage"], row["next_event_on"]) for row in rows}
    assert shape == {
        "INV-7": (None, "intake", None),
        "CR-9": ("same_incident", "charged", None),
        "CV-12": ("parallel", "filed", "2026-12-09"),
        "A-4410": (None, "noticed", None),
    }


def test_person_add_and_list_mark_the_current_user(
    incident: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["person", "add", "Lee Park", "--role", "paralegal"]) == 0
    assert "Added Lee Park to the team (paralegal)" in capsys.readouterr().out
    assert main(["person", "list", "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["role"], p["login"], p["is_me"]) for p in people] == [
        ("Dana Whitlock", "attorney", None, False),
        ("Lee Park", "paralegal", None, False),
        ("Terry Tester", "paralegal", "tester", True),
    ]
    assert main(["person", "add", "Lee Park", "--role", "paralegal"]) == 2
    assert "Lee Park is already on the team" in capsys.readouterr().err
    assert main(["person", "add", "Kim", "--role", "judge"]) == 2
    assert capsys.readouterr().err.startswith("docket: --role: 'judge' is not one of")


def test_assign_and_show_name_who_answers_for_the_matter(
    incident: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["case", "assign", "CR-9", "--attorney", "dana whitlock", "--paralegal", "tester"]
            + ["--matter-no", "M-1042", "--client-no", "C-207"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Attorney: Dana Whitlock" in out and "Paralegal: Terry Tester" in out
    assert main(["case", "show", "CR-9", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["attorney"], shown["paralegal"]) == ("Dana Whitlock", "Terry Tester")
    assert (shown["case"]["matter_no"], shown["case"]["client_no"]) == ("M-1042", "C-207")
    assert main(["case", "show", "CR-9"]) == 0
    text = capsys.readouterr().out
    assert "Attorney: Dana Whitlock   Paralegal: Terry Tester" in text
    assert "Matter no.: M-1042   Client no.: C-207" in text


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--attorney", "Dana Whitlok"], "--attorney: no one named 'Dana Whitlok' is on the team"),
        (["--paralegal", "Dana Whitlock"], "--paralegal: Dana Whitlock is an attorney"),
        ([], "--attorney: names nothing to assign"),
    ],
)
def test_bad_assignments_are_refused_in_one_line(
    incident: Store,
    in_process: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    line: str,
) -> None:
    assert main(["case", "assign", "CR-9", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("docket: " + line), err
    assert _rows(in_process, "SELECT attorney_id, paralegal_id FROM cases") == [(None, None)] * 5


def test_case_add_takes_the_matter_and_client_numbers(
    incident: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["case", "add", "--number", "CV-5", "--title", "X v. Y", "--kind", "civil"]
            + ["--matter-no", "M-7", "--client-no", "C-1"]
        )
        == 0
    )
    saved = incident.find_case("CV-5")
    assert (saved.matter_no, saved.client_no) == ("M-7", "C-1")


def test_mine_lists_and_reminds_only_what_the_user_answers_for(
    incident: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    charge, suit = incident.find_case("CR-9"), incident.find_case("CV-12")
    assert charge.id and suit.id
    incident.add_deadline(charge.id, Deadline(due_on=date(2026, 11, 27), title="Discovery"))
    given = incident.add_deadline(suit.id, Deadline(due_on=date(2026, 11, 30), title="Answer"))
    incident.add_deadline(suit.id, Deadline(due_on=date(2026, 11, 28), title="Disclosures"))
    assert main(["case", "assign", "CR-9", "--paralegal", "Terry Tester"]) == 0
    assert main(["deadline", "assign", "CV-12", str(given.id), "--to", "Terry Tester"]) == 0
    assert "given to Terry Tester: Answer" in capsys.readouterr().out
    assert main(["case", "list", "--mine", "--json"]) == 0
    assert sorted(r["number"] for r in json.loads(capsys.readouterr().out)) == ["CR-9", "CV-12"]
    assert main(["remind", "--mine", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mine"] is True
    assert [r["title"] for r in data["reminders"] if r["kind"] == "deadline"] == [
        "Discovery",
        "Answer",
    ]
    assert main(["remind", "--mine"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Only what Terry Tester answers for")
    assert "Discovery" in text and "Disclosures" not in text
    assert main(["remind"]) == 0
    assert "Disclosures" in capsys.readouterr().out
    assert main(["case", "show", "CV-12"]) == 0
    assert "given to Terry Tester" in capsys.readouterr().out


def test_assigning_before_anyone_is_on_the_team_says_how_to_add_them(
    in_process: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL))
    assert main(["case", "assign", "CV-1", "--attorney", "Dana Whitlock"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("docket: --attorney: the team has no one yet")
    assert 'docket person add "Dana Whitlock" --role attorney' in err


def test_mine_for_a_user_not_on_the_team_says_how_to_join(
    incident: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOCKET_USER", "pat")
    assert main(["remind", "--mine"]) == 2
    err = capsys.readouterr().err
    assert "--mine: you are 'pat', and no one on the team has that login or name" in err
    assert 'docket person add "Your Name" --role paralegal --login pat' in err
    assert main(["deadline", "assign", "CR-9", "1", "--to", "Dana Whitlock"]) == 2
    assert capsys.readouterr().err.startswith("docket: ID: no deadline #1 on CR-9")


def test_the_audit_log_names_the_user_from_docket_user(
    cli_env: dict[str, str], db_path: Path
) -> None:
    env = {**cli_env, "DOCKET_USER": "pat"}
    for args in (
        ["case", "add", "--number", "CR-9", "--title", "State v. Roe", "--kind", "criminal"],
        ["case", "add", "--number", "INV-7", "--title", "Crash", "--kind", "investigation"],
        ["person", "add", "Pat Doe", "--role", "paralegal", "--login", "pat"],
        ["case", "link", "CR-9", "INV-7", "--as", "same-incident"],
        ["case", "assign", "CR-9", "--paralegal", "Pat Doe"],
        ["case", "unlink", "CR-9", "INV-7"],
    ):
        done = run(env, *args)
        assert done.returncode == 0, done.stderr
    rows = _rows(
        db_path,
        "SELECT who, action, entity FROM audit_log WHERE entity IN ('case_links', 'people') "
        "OR action = 'update' ORDER BY id",
    )
    assert rows == [
        ("pat", "insert", "people"),
        ("pat", "insert", "case_links"),
        ("pat", "update", "cases"),
        ("pat", "delete", "case_links"),
    ]
    mine = run(env, "case", "list", "--mine")
    assert mine.returncode == 0 and "CR-9" in mine.stdout and "INV-7" not in mine.stdout
    audit = run(env, "audit", "--limit", "1")
    assert audit.returncode == 0, audit.stderr
    if isinstance(db_path, Path):
        assert " pat " in audit.stdout  # SQLite knows no roles
    else:
        # On a shared server the database role (the tests' server runs as `postgres`) is beside
        # the docket user.
        assert "pat (role postgres)" in audit.stdout


def test_link_relations_are_offered_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        from docket.cli.main import build_parser

        build_parser().parse_args(["case", "link", "--help"])
    text = capsys.readouterr().out
    for relation in LinkRelation.choices():
        assert relation.replace("_", "-") in text
