"""The new doc types, service methods and party kind through the real `docket` command."""

from __future__ import annotations

import json

from tests.conftest import run


def _ok(env: dict[str, str], *args: str) -> str:
    result = run(env, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_deadline_compute_adds_3_days_after_leaving_it_with_the_clerk(
    cli_env: dict[str, str],
) -> None:
    # Fri 5 Jun 2026 + 14 = Fri 19 Jun, Juneteenth -> Mon 22 Jun; + 3 (FRCP 6(d)) = Thu 25 Jun.
    out = _ok(
        cli_env, "deadline", "compute", "--from", "2026-06-05", "--days", "14",
        "--service", "left with clerk", "--court", "nmd",
    )  # fmt: skip
    assert out.splitlines()[0] == "2026-06-25"
    assert "Left with the court clerk: 3 days added (FRCP 6(d))" in out
    # Other means consented to in writing: the same 3 days.
    consented = _ok(
        cli_env, "deadline", "compute", "--from", "2026-06-05", "--days", "14",
        "--service", "consented_means", "--json",
    )  # fmt: skip
    assert json.loads(consented)["due"] == "2026-06-25"
    # Electronic service adds none: Mon 22 Jun.
    electronic = _ok(
        cli_env, "deadline", "compute", "--from", "2026-06-05", "--days", "14",
        "--service", "electronic",
    )  # fmt: skip
    assert electronic.splitlines()[0] == "2026-06-22"


def test_an_unknown_service_method_names_the_choices(cli_env: dict[str, str]) -> None:
    result = run(
        cli_env, "deadline", "compute", "--from", "2026-06-05", "--days", "14",
        "--service", "pigeon",
    )  # fmt: skip
    assert result.returncode == 2
    assert "--service" in result.stderr and "left_with_clerk" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_amended_complaint_answers_under_15a3_and_deadline_show_says_how(
    cli_env: dict[str, str],
) -> None:
    _ok(
        cli_env, "case", "add", "--number", "1:26-cv-400", "--title", "Amend v. Ment",
        "--kind", "civil", "--court", "nmd",
    )  # fmt: skip
    # Complaint filed Thu 1 Oct 2026, served Mon 5 Oct: answer + 21 = Mon 26 Oct.
    _ok(
        cli_env, "filing", "add", "1:26-cv-400", "--type", "complaint", "--title", "Complaint",
        "--date", "2026-10-01", "--served", "2026-10-05", "--service", "personal",
    )  # fmt: skip
    # Amended complaint served by mail Tue 20 Oct + 14 = Tue 3 Nov; + 3 = Fri 6 Nov.
    out = _ok(
        cli_env, "filing", "add", "1:26-cv-400", "--type", "amended complaint",
        "--title", "First amended complaint", "--date", "2026-10-20",
        "--served", "2026-10-20", "--service", "mail",
    )  # fmt: skip
    assert "Deadline 2026-11-06: Response to amended complaint due" in out
    assert "Serve summons" not in out
    shown = json.loads(_ok(cli_env, "case", "show", "1:26-cv-400", "--json"))
    by_rule = {d["rule"]: d for d in shown["deadlines"]}
    assert by_rule["frcp-12a-answer"]["status"] == "satisfied"
    assert by_rule["frcp-4m-service"]["status"] == "open"
    amended = by_rule["frcp-15a3-amended-response"]
    detail = _ok(cli_env, "deadline", "show", "1:26-cv-400", str(amended["id"]))
    assert "Rule set: Federal rules (FRCP, FRCrP, FRAP)" in detail
    assert "Rule: frcp-15a3-amended-response (FRCP 15(a)(3))" in detail
    assert "Served by mail: 3 days added (FRCP 6(d))" in detail


def test_a_united_states_party_gives_60_days_to_appeal(cli_env: dict[str, str]) -> None:
    _ok(
        cli_env, "case", "add", "--number", "1:26-cv-500", "--title", "Roe v. United States",
        "--kind", "civil", "--court", "nmd",
    )  # fmt: skip
    _ok(
        cli_env, "party", "add", "1:26-cv-500", "--name", "United States of America",
        "--role", "defendant", "--kind", "united states",
    )  # fmt: skip
    # Judgment entered Fri 11 Sep 2026 + 60 = Tue 10 Nov (FRAP 4(a)(1)(B)).
    out = _ok(
        cli_env, "filing", "add", "1:26-cv-500", "--type", "judgment", "--title", "Judgment",
        "--date", "2026-09-11",
    )  # fmt: skip
    assert "Deadline 2026-11-10: Notice of appeal due (United States a party)" in out
