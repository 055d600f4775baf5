"""Text that would drive a terminal is stored verbatim and printed inert, by every command.

An imported caption or a typed note may hold C1 controls (U+009B is an 8-bit CSI, U+009D an
OSC, U+0085 a line break to some terminals) and bidi controls (U+202E turns the rest of the
line around). They are kept in the database as they came, and every output spells them as
`<U+XXXX>` (JSON as `\\uXXXX` escapes, which read back as the same text).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from db.store import Store
from docket.cli import main
from docket.inert import UNSAFE, visible

#: Every kind of character a terminal acts on that the validators let through.
HOSTILE = (
    "\x85\x9b2J\x9d0;pwned\x9c\u202ecba"
    "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029\x80\x9f"
)
SPELLED = "<U+009B>2J<U+009D>0;pwned<U+009C><U+202E>cba"
#: What a terminal must never receive from docket: the controls above (tab and newline are text).
RAW = re.compile(UNSAFE.pattern)

NUMBER = "1:22-cv-00012"


def _test_id(argv: list[str]) -> str:
    return visible(" ".join(argv))


def marked(word: str) -> str:
    """A value holding every hostile character, found again by `word` (for search)."""
    return f"{word} {HOSTILE} end"


@pytest.fixture
def hostile_db(in_process: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A case with hostile text in every text field docket stores; returns what the writes
    printed (each confirmation line repeats user text)."""
    entries = tmp_path / "entries.csv"
    entries.write_text(
        "date,type,title,description,filed_by,document_ref\n"
        f'2026-11-20,order,"{marked("Imported")}","{marked("Desc")}",'
        f'"{marked("Clerk")}","{marked("Ref")}"\n',
        encoding="utf-8",
    )
    steps = [
        ["init"],
        [
            "case",
            "add",
            "--number",
            NUMBER,
            "--title",
            marked("Caption"),
            "--kind",
            "civil",
            "--judge",
            marked("Judge"),
            "--summary",
            marked("Summary"),
        ],
        ["case", "add", "--number", f"2:{HOSTILE}", "--title", "Plain", "--kind", "civil"],
        ["party", "add", NUMBER, "--name", marked("Party"), "--role", "plaintiff"],
        [
            "party",
            "add",
            NUMBER,
            "--name",
            marked("Counsel"),
            "--role",
            "counsel",
            "--for",
            marked("Party"),
        ],
        [
            "filing",
            "add",
            NUMBER,
            "--type",
            "motion",
            "--title",
            marked("Motion"),
            "--desc",
            marked("Detail"),
            "--by",
            marked("Filer"),
            "--doc-no",
            "12",
        ],
        ["filing", "add", NUMBER, "--type", "notice", "--title", "Voided one"],
        ["filing", "void", NUMBER, "2", "--reason", marked("Reason")],
        ["filing", "edit", NUMBER, "1", "--desc", marked("Edited")],
        [
            "hearing",
            "add",
            NUMBER,
            "--at",
            "2026-12-01 10:00",
            "--kind",
            marked("Hearing"),
            "--where",
            marked("Room"),
            "--judge",
            marked("Presiding"),
        ],
        ["hearing", "set", NUMBER, "1", "--status", "held", "--outcome", marked("Outcome")],
        ["deadline", "add", NUMBER, "--due", "2026-12-04", "--title", marked("Deadline")],
        ["deadline", "waive", NUMBER, "1", "--note", marked("Waived")],
        [
            "status",
            NUMBER,
            "set",
            "served",
            "--note",
            marked("Served"),
            "--source",
            marked("Source"),
        ],
        ["note", NUMBER, marked("Noted"), "--source", marked("Cite")],
        ["closure", "add", "2026-12-24", "--name", marked("Closure")],
        ["import", "csv", str(entries), "--case", NUMBER],
    ]
    printed = []
    for argv in steps:
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 0, (argv, err)
        printed.append(out + err)
    return "\n".join(printed)


def inert(text: str) -> None:
    found = RAW.search(text)
    assert found is None, f"raw U+{ord(found.group()):04X} in output: {text[:300]!r}"


def test_the_database_keeps_the_text_verbatim(hostile_db: str, in_process: Path) -> None:
    conn = Store.open(in_process).conn
    try:
        titles = [row[0] for row in conn.execute("SELECT title FROM filings ORDER BY id")]
        (caption,) = conn.execute("SELECT title FROM cases WHERE number = ?", (NUMBER,)).fetchone()
    finally:
        conn.close()
    assert caption == marked("Caption")
    assert marked("Motion") in titles and marked("Imported") in titles


def test_what_the_writes_print_is_inert(hostile_db: str) -> None:
    inert(hostile_db)
    assert SPELLED in hostile_db


TEXT_OUTPUTS = [
    ["case", "list"],
    ["case", "show", NUMBER],
    ["case", "show", f"2:{HOSTILE}"],
    ["hearing", "list", NUMBER],
    ["deadline", "show", NUMBER, "1"],
    ["status", NUMBER],
    ["audit"],
    ["audit", NUMBER],
    ["remind", "--within", "60"],
    ["search", "Caption"],
    ["search", "Motion"],
    ["search", "Noted"],
    ["search", "Party"],
    ["search", HOSTILE],
    ["closure", "list"],
]


@pytest.mark.parametrize("argv", TEXT_OUTPUTS, ids=_test_id)
def test_every_text_output_spells_the_controls_out(
    hostile_db: str, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    inert(out + err)
    if argv[0] != "search" or argv[1] != HOSTILE:
        assert SPELLED in out


JSON_OUTPUTS = [
    ["case", "list", "--json"],
    ["case", "show", NUMBER, "--json"],
    ["hearing", "list", NUMBER, "--json"],
    ["deadline", "show", NUMBER, "1", "--json"],
    ["status", NUMBER, "--json"],
    ["audit", "--json"],
    ["remind", "--within", "60", "--json"],
    ["search", "Caption", "--json"],
    ["closure", "list", "--json"],
    ["export", "json"],
]


@pytest.mark.parametrize("argv", JSON_OUTPUTS, ids=_test_id)
def test_every_json_output_escapes_the_controls_and_reads_back_verbatim(
    hostile_db: str, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    inert(out + err)
    assert "\\u009b" in out
    assert HOSTILE in json.dumps(json.loads(out), ensure_ascii=False)


def test_a_data_export_stays_verbatim_in_a_pipe_and_is_inert_on_a_terminal(
    hostile_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["export", "csv"]) == 0
    piped = capsys.readouterr().out
    assert marked("Motion") in piped  # a file for another program: byte for byte
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for argv in (["export", "csv"], ["export", "ics"]):
        assert main(argv) == 0
        shown = capsys.readouterr().out
        inert(shown)
    assert SPELLED in shown or "<U+" in shown


def test_an_error_line_quoting_the_input_is_inert(
    hostile_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["case", "show", HOSTILE],
        ["filing", "add", NUMBER, "--type", HOSTILE, "--title", "x"],
        ["case", "add", "--number", "X", "--title", "T", "--kind", HOSTILE],
        [HOSTILE],
    ):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        inert(out + err)
        assert err.count("\n") == 1
