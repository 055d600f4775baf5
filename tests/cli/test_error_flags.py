"""An error that names a model field reaches the shell naming the flag the person typed."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from db.store import Store
from docket.cli import main
from docket.cli.errors import FLAG_FOR_FIELD, error_line, failure_line, flag_for, shown_example
from docket.cli.main import build_parser
from docket.errors import InputError, NotFound, Refused
from docket.models import Case, CaseKind


def command(*argv: str) -> argparse.ArgumentParser:
    """The parser of the subcommand `argv` runs."""
    parser: argparse.ArgumentParser = build_parser().parse_args(list(argv)).command_parser
    return parser


@pytest.mark.parametrize(
    ("field", "flag"),
    [
        ("changed_on", "--on"),
        ("continued_to", "--to"),
        ("filed_on", "--date"),
        ("doc_type", "--type"),
        ("database", "--db"),
        ("description", "--desc"),
        ("filed_by", "--by"),
        ("served_on", "--served"),
        ("starts_at", "--at"),
        ("location", "--where"),
        ("due_on", "--due"),
        ("remind_days", "--remind"),
        ("opened_on", "--opened"),
        ("follow_up_on", "--follow-up"),
        ("document_number", "--doc-no"),
        ("void_reason", "--reason"),
        ("number", "NUMBER"),
        ("entry_no", "ENTRY_NO"),
        # Not in the table: the flag is the field's own name.
        ("court", "--court"),
        ("reason", "--reason"),
        ("note", "--note"),
        ("disposition", "--disposition"),
        ("calendar", "--calendar"),
        ("doc_no", "--doc-no"),
    ],
)
def test_a_field_maps_to_its_flag(field: str, flag: str) -> None:
    assert flag_for(field) == flag


@pytest.mark.parametrize(
    "already", ["--date", "--db", "NUMBER", "FILE.html", "ENTRY_NO", "line 3, type", "cases[0]"]
)
def test_a_flag_a_metavar_or_a_place_passes_through(already: str) -> None:
    assert flag_for(already) == already
    assert flag_for(already, command("case", "show", "X")) == already


def test_every_flag_in_the_table_is_a_real_flag() -> None:
    real: set[str] = set()
    stack = [build_parser()]
    while stack:
        parser = stack.pop()
        for action in parser._actions:
            real.update(action.option_strings)
            if action.metavar:
                real.add(str(action.metavar))
            if isinstance(action, argparse._SubParsersAction):
                stack.extend(action.choices.values())
    assert {flag for flag in FLAG_FOR_FIELD.values()} - real == set()


@pytest.mark.parametrize(
    ("argv", "field", "flag"),
    [
        (["case", "add", "--number", "X", "--title", "T", "--kind", "civil"], "number", "--number"),
        (["case", "show", "X"], "number", "NUMBER"),
        (["case", "follow-up", "X", "today"], "follow_up_on", "DATE"),
        (
            ["case", "add", "--number", "X", "--title", "T", "--kind", "civil"],
            "follow_up_on",
            "--follow-up",
        ),
        (["party", "add", "X", "--name", "N", "--role", "counsel"], "represents", "--for"),
        (["filing", "void", "X", "3", "--reason", "r"], "entry_no", "ENTRY_NO"),
        (["filing", "edit", "X", "3"], "description", "--desc"),
        (["import", "pacer", "f.html", "--court", "nmd"], "file", "FILE.html"),
        (["import", "csv", "f.csv", "--case", "X"], "number", "NUMBER"),
        (["closure", "add", "today", "--name", "Snow"], "day", "DATE"),
        (["status", "X"], "stage", "STAGE"),
        (["status", "X"], "verb", "set"),
        (["status", "X"], "reason", "--note"),  # a stay's reason is typed as --note
        (["hearing", "set", "X", "1"], "continued_to", "--to"),
        (["hearing", "set", "X", "1"], "id", "ID"),
    ],
)
def test_the_running_command_decides_the_flag(argv: list[str], field: str, flag: str) -> None:
    assert flag_for(field, command(*argv)) == flag


def test_an_input_error_naming_a_field_shows_the_flag_and_a_typed_example() -> None:
    assert (
        error_line(InputError("court", "'zz' is not a court", "nmd"))
        == "--court: 'zz' is not a court (for example: --court nmd)"
    )
    assert (
        error_line(InputError("note", "is empty", "opposing counsel agreed"))
        == '--note: is empty (for example: --note "opposing counsel agreed")'
    )


@pytest.mark.parametrize(
    ("example", "shown"),
    [
        ("nmd", "--court nmd"),
        ("Courtroom 4", '--court "Courtroom 4"'),
        ("--court nmd", "--court nmd"),
        ("docket court list", "docket court list"),
    ],
)
def test_an_example_gets_its_flag_unless_it_has_one(example: str, shown: str) -> None:
    assert shown_example(example, "--court") == shown


def test_a_positional_example_is_shown_as_typed() -> None:
    line = error_line(
        InputError("number", "no such case", "1:22-cv-00012"), command("case", "show", "X")
    )
    assert line == "NUMBER: no such case (for example: 1:22-cv-00012)"


def test_an_error_without_an_example_borrows_the_flags_example() -> None:
    assert (
        error_line(InputError("title", "is empty"))
        == '--title: is empty (for example: --title "Smith v. Jones")'
    )


def test_an_error_that_names_a_flag_is_shown_as_it_is() -> None:
    for error in (
        InputError("--date", "'2/30/22' is not a date", "2022-01-05, 1/5/22"),
        InputError("--db", "no docket database at x", "a file made by docket init"),
        InputError("line 3, type", "is empty; it is required", "motion"),
        Refused("ENTRY_NO: entry 3 is already voided"),
        NotFound("NUMBER: no case numbered 'X'"),
    ):
        assert error_line(error) == str(error)


def test_a_refusal_or_not_found_with_a_field_names_the_flag() -> None:
    refused = Refused("is the hearing's present time", field="continued_to")
    assert str(refused) == "continued_to: is the hearing's present time"
    assert error_line(refused, command("hearing", "set", "X", "1")) == (
        "--to: is the hearing's present time"
    )
    missing = NotFound("no case numbered 'X'", field="number")
    assert str(missing) == "number: no case numbered 'X'"
    assert error_line(missing, command("case", "show", "X")) == "NUMBER: no case numbered 'X'"


def test_a_model_check_names_the_flag() -> None:
    with pytest.raises(ValidationError) as raised:
        Case(number="X", title="  ", kind=CaseKind.CIVIL)
    parser = command("case", "add", "--number", "X", "--title", "T", "--kind", "civil")
    line = failure_line(raised.value, parser, None)
    assert line is not None and line.startswith("--title: ")
    assert line.endswith('(for example: --title "Smith v. Jones")')


def test_a_bug_is_not_dressed_up_as_a_refusal() -> None:
    assert failure_line(KeyError("x"), None, None) is None


def test_a_store_error_naming_a_field_reaches_stderr_as_the_flag(
    store: Store,
    in_process: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL))

    def refuse(*_: object, **__: object) -> None:
        raise InputError("changed_on", "is before the case was opened", "+1")

    monkeypatch.setattr(Store, "change_stage", refuse)
    assert main(["status", "CV-1", "set", "served", "--on", "-400"]) == 2
    assert capsys.readouterr().err == (
        "docket: --on: is before the case was opened (for example: --on +1)\n"
    )


def test_a_status_action_that_is_not_set_is_named_as_its_usage_shows_it(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL))
    assert main(["status", "CV-1", "sett", "active"]) == 2
    assert capsys.readouterr().err == (
        "docket: set: 'sett' is not a status action (for example: docket status N set active)\n"
    )


# ---------------------------------------------------------------------------- real store errors
# The store names the model field; each line below is what a person at the shell reads.


def test_a_store_input_error_names_the_flag_and_a_typed_example(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_case(
        Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL, opened_on=date(2026, 11, 2))
    )
    argv = ["status", "CV-1", "set", "closed", "--disposition", "settled", "--on", "10/30/26"]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        "docket: --on: CV-1 was opened on 2026-11-02; it cannot close before that "
        "(for example: --on 2026-11-02)\n"
    )


def test_a_store_refusal_names_the_flag_and_a_typed_example(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for court in ("nysd", "nmd"):
        store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL, court=court))
    assert main(["case", "show", "CV-1"]) == 2
    assert capsys.readouterr().err == (
        "docket: --court: CV-1 is used by several courts (nmd, nysd); name the court "
        "(for example: --court nmd)\n"
    )


def test_a_store_not_found_names_the_positional(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL))
    assert main(["filing", "void", "CV-1", "99", "--reason", "typo"]) == 2
    assert capsys.readouterr().err == "docket: ENTRY_NO: no docket entry 99 in this case\n"
    assert main(["case", "show", "NO-SUCH"]) == 2
    assert capsys.readouterr().err == (
        "docket: NUMBER: no case numbered 'NO-SUCH' (see: docket case list)\n"
    )


def test_a_closed_matter_is_shown_the_command_that_reopens_it(
    store: Store, in_process: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL))
    assert case.id is not None
    store.change_stage(case.id, "closed", disposition="settled")
    assert main(["status", "CV-1", "set", "motions"]) == 2
    assert capsys.readouterr().err == (
        "docket: STAGE: the matter is closed; reopen it first, with a note saying why "
        "(for example: docket status CV-1 set reopen --note TEXT)\n"
    )


def test_the_same_errors_read_as_fields_on_their_own(store: Store) -> None:
    """What a front end other than the CLI gets: field names and values, no flags."""
    for court in ("nysd", "nmd"):
        store.add_case(Case(number="CV-1", title="Able v. Baker", kind=CaseKind.CIVIL, court=court))
    with pytest.raises(Refused) as refused:
        store.find_case("CV-1")
    assert str(refused.value) == (
        "court: CV-1 is used by several courts (nmd, nysd); name the court (for example: nmd)"
    )
    with pytest.raises(NotFound) as missing:
        store.find_case("NO-SUCH")
    assert str(missing.value) == "number: no case numbered 'NO-SUCH'"
