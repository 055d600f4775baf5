"""Every command and every import format, fed generated input: no traceback, ever.

Each example runs `docket` in-process on a fresh copy of a database holding a busy case, with
arguments drawn from values a person might type, values built to break things (control
characters, bytes that are not UTF-8, huge numbers, FTS syntax) and files that are almost
right (a real export or PACER page with a piece changed) or not at all. What must hold:

- the exit code is 0, 1 (`remind`, when something is overdue) or 2, never an exception;
- a refusal (2) writes nothing: every table has the rows it had;
- what reaches the terminal is inert: no raw control or bidi character on stderr, nor on
  stdout but for a data export written to a pipe (verbatim on purpose).

The examples are bounded so the whole file runs in about a minute on two busy cores.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import sqlite3
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docket.cli import main
from docket.inert import UNSAFE
from tests.conftest import PACER_SAMPLES

# Each command runs on a fresh copy of one busy database file.
pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]

NUMBER = "1:22-cv-00012"
OTHER = "2021-0537"

#: Examples per test (PACER pages: a fifth, each is parsed by juriscraper): the file runs in
#: well under 90 s on two busy cores. `--hypothesis-show-statistics` counts the inputs tried;
#: DOCKET_FUZZ_EXAMPLES=1500 makes a longer hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("DOCKET_FUZZ_EXAMPLES", "500")),
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the database is reset by hand each example
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

# ---------------------------------------------------------------------------- strategies

#: Text as it comes from a shell: anything, including controls, bidi and surrogate escapes.
hostile_char = st.sampled_from(
    ["\x9b", "\x9d", "\x85", "\u202e", "\u2066", "\u200f", "\x00", "\x1b", "\n", "\r", "\t",
     "\udcff", "\udc80", '"', "'", "*", "(", ")", ":", "-", "^", "%", "\\", "[", "]", "NEAR"]
)  # fmt: skip
any_text = st.text(st.characters(codec="utf-8"), max_size=40)
#: What a person types; weighted in so that most command lines get past the checks.
plain = st.text(string.ascii_letters + string.digits + " .,'-", min_size=1, max_size=30)
text = st.one_of(
    plain,
    plain,
    any_text,
    st.lists(st.one_of(hostile_char, st.text(string.ascii_letters, max_size=5)), max_size=8).map(
        "".join
    ),
    st.binary(max_size=20).map(lambda raw: raw.decode("utf-8", "surrogateescape")),
    st.sampled_from(["", " ", "-", "--", "-h", "Smith v. Jones", "a" * 600, "x" * 25_000]),
)
number = st.one_of(
    st.just(NUMBER), st.sampled_from([NUMBER, OTHER, "NOPE", NUMBER.upper(), f" {NUMBER} "]), text
)
day = st.one_of(
    st.sampled_from(
        ["2026-01-05", "1/5/26", "Jan 5 2026", "today", "yesterday", "tomorrow", "+14", "-3",
         "next friday", "2/30/22", "2024-02-29", "2023-02-29", "13/1/22", "soon", "0", "+0",
         "+99999999999", "-99999999999", "9999-12-31", "0001-01-01", "1899-12-31", "none", "clear"]
    ),
    text,
)  # fmt: skip
moment = st.one_of(
    st.sampled_from(
        ["2026-12-01 10:00", "12/1/26 9:30am", "tomorrow 2pm", "2026-12-01T10:00-07:00",
         "2026-12-01", "25:00", "2026-03-08 02:30", "noon", "+1 noon"]
    ),
    day,
)  # fmt: skip
whole = st.one_of(
    st.integers(-5, 40).map(str),
    st.sampled_from(["10" * 30, "1e9", "0x10", " 3", "٣", "-0", "99999999999999999999"]),
    text,
)
court = st.one_of(st.sampled_from(["nmd", "nysd", "NYSD", "zz", "", "a" * 7]), text)
kind = st.one_of(st.sampled_from(["civil", "criminal", "investigation", "appeal", "x"]), text)
role = st.one_of(st.sampled_from(["plaintiff", "counsel", "judge", "other", "bogus"]), text)
doc_type = st.one_of(st.sampled_from(["motion", "complaint", "order", "Notice of Appeal"]), text)
service = st.one_of(st.sampled_from(["mail", "electronic", "personal", "pigeon"]), text)
stage = st.one_of(st.sampled_from(["served", "stay", "lift", "reopen", "closed", "x"]), text)
calendar = st.one_of(st.sampled_from(["US", "US-NM", "XX", "us"]), text)
entry = st.one_of(st.sampled_from(["1", "2", "3", "99", "0", "-1"]), whole)
#: A name in the working folder: never an absolute path, so the fuzz writes only in tmp.
local_name = st.text(
    st.characters(codec="utf-8", exclude_characters="/\x00~"), min_size=1, max_size=20
).filter(lambda name: not name.startswith("-"))
query = st.one_of(
    st.sampled_from(['"', "AND (", "*", "NEAR(a b", "title:x", "a OR", "^", "Motion", "smith"]),
    text,
)

Slot = tuple[str, st.SearchStrategy[Any], bool]  # flag ("" for a positional), values, required
FLAG = st.just(None)  # a flag that takes no value

COMMANDS: dict[tuple[str, ...], list[Slot]] = {
    ("init",): [],
    ("demo",): [("--cases", whole, False)],
    ("case", "add"): [
        ("--number", number, True), ("--title", text, True), ("--kind", kind, True),
        ("--court", court, False), ("--opened", day, False), ("--calendar", calendar, False),
        ("--judge", text, False), ("--summary", text, False), ("--follow-up", day, False),
    ],
    ("case", "list"): [("--open", FLAG, False), ("--json", FLAG, False)],
    ("case", "show"): [("", number, True), ("--court", court, False), ("--json", FLAG, False)],
    ("case", "follow-up"): [("", number, True), ("", day, True)],
    ("party", "add"): [
        ("", number, True), ("--name", text, True), ("--role", role, True),
        ("--kind", st.sampled_from(["person", "organization", "agency", "x"]), False),
        ("--for", st.one_of(st.just("Ann Smith"), text), False),
    ],
    ("filing", "add"): [
        ("", number, True), ("--type", doc_type, True), ("--title", text, True),
        ("--date", day, False), ("--desc", text, False), ("--by", text, False),
        ("--served", day, False), ("--service", service, False), ("--doc-no", whole, False),
    ],
    ("filing", "edit"): [
        ("", number, True), ("", entry, True), ("--date", day, False), ("--type", doc_type, False),
        ("--title", text, False), ("--desc", text, False), ("--served", day, False),
        ("--service", service, False), ("--doc-no", whole, False),
    ],
    ("filing", "void"): [("", number, True), ("", entry, True), ("--reason", text, True)],
    ("hearing", "add"): [
        ("", number, True), ("--at", moment, True), ("--kind", text, True),
        ("--where", text, False), ("--judge", text, False),
    ],
    ("hearing", "set"): [
        ("", number, True), ("", entry, True),
        ("--status", st.sampled_from(["held", "continued", "vacated", "cancelled", "x"]), False),
        ("--at", moment, False), ("--outcome", text, False), ("--to", moment, False),
    ],
    ("hearing", "list"): [("", number, True), ("--json", FLAG, False)],
    ("deadline", "add"): [
        ("", number, True), ("--due", day, True), ("--title", text, True),
        ("--remind", st.one_of(st.just("7,3,1"), whole), False),
    ],
    ("deadline", "done"): [("", number, True), ("", entry, True), ("--on", day, False)],
    ("deadline", "waive"): [("", number, True), ("", entry, True), ("--note", text, False)],
    ("deadline", "show"): [("", number, True), ("", entry, True), ("--json", FLAG, False)],
    ("deadline", "compute"): [
        ("--from", day, True), ("--days", whole, True), ("--before", FLAG, False),
        ("--service", service, False), ("--calendar", calendar, False), ("--json", FLAG, False),
    ],
    ("status",): [
        ("", number, True), ("", st.sampled_from(["set", "show", "x"]), False),
        ("", stage, False), ("--on", day, False), ("--note", text, False),
        ("--disposition", text, False), ("--source", text, False), ("--until", day, False),
        ("--json", FLAG, False),
    ],
    ("note",): [
        ("", number, True), ("", text, True), ("--source", text, False), ("--on", day, False)
    ],
    ("closure", "add"): [("", day, True), ("--name", text, True), ("--calendar", calendar, False)],
    ("closure", "list"): [("--json", FLAG, False)],
    ("audit",): [("", number, False), ("--limit", whole, False), ("--json", FLAG, False)],
    ("remind",): [("--within", whole, False), ("--json", FLAG, False)],
    ("search",): [("", query, True), ("--json", FLAG, False)],
    ("import", "pacer"): [("", st.just("{pacer}"), True), ("--court", court, True)],
    ("import", "csv"): [("", st.just("{csv}"), True), ("--case", number, True)],
    ("import", "json"): [("", st.just("{json}"), True), ("--json", FLAG, False)],
    ("export", "json"): [("--case", number, False), ("--out", local_name, False)],
    ("export", "csv"): [("--case", number, False), ("--out", local_name, False)],
    ("export", "ics"): [("--case", number, False), ("--out", local_name, False)],
    ("export", "sheet"): [("", number, True), ("--out", local_name, True)],
    ("backup",): [("", local_name, True)],
}  # fmt: skip

#: Commands whose stdout, in a pipe, is a file for another program: verbatim on purpose.
VERBATIM_TO_A_PIPE = {("export", "csv"), ("export", "ics")}


#: A typical value for each kind of argument: half the command lines use these throughout,
#: so that they get past the checks and write, and the fuzz covers what follows a success.
TYPICAL: dict[st.SearchStrategy[Any], st.SearchStrategy[Any]] = {
    text: plain,
    number: st.sampled_from([NUMBER, OTHER]),
    day: st.sampled_from(["2026-11-20", "today", "+14", "1/5/26", "2024-02-29"]),
    moment: st.sampled_from(["2026-12-01 10:00", "tomorrow 2pm"]),
    whole: st.integers(0, 30).map(str),
    court: st.just("nmd"),
    kind: st.sampled_from(["civil", "criminal", "investigation", "appeal"]),
    role: st.sampled_from(["plaintiff", "defendant", "witness", "counsel"]),
    doc_type: st.sampled_from(["motion", "complaint", "order", "answer"]),
    service: st.sampled_from(["mail", "electronic"]),
    stage: st.sampled_from(["served", "pleadings", "active", "stay", "lift"]),
    calendar: st.just("US"),
    entry: st.sampled_from(["1", "2", "3"]),
    query: st.sampled_from(["Motion", "Smith", "clerk", "fire"]),
}


@st.composite
def command_line(draw: st.DrawFn) -> tuple[tuple[str, ...], list[str]]:
    name = draw(st.sampled_from(sorted(COMMANDS)))
    argv = list(name)
    typical = draw(st.booleans())
    for flag, values, required in COMMANDS[name]:
        # Required slots are nearly always given, so most lines get past argparse.
        if not draw(st.integers(0, 9).map(lambda n, r=required: n < (9 if r else 4))):
            continue
        value = draw(TYPICAL.get(values, values) if typical else values)
        if not flag:
            argv.append(value)
        elif value is None:
            argv.append(flag)
        else:
            argv.append(f"{flag}={value}" if value.startswith("-") else flag)
            if not value.startswith("-"):
                argv.append(value)
    return name, argv


# ---------------------------------------------------------------------------- running


def all_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        tables = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not row[0].startswith("sqlite_")
        ]
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
        }
    finally:
        conn.close()


@contextlib.contextmanager
def captured() -> Iterator[tuple[io.TextIOWrapper, io.TextIOWrapper]]:
    """stdout and stderr as a pipe would take them: UTF-8, strict, not a terminal."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


class Fuzz:
    """A fresh copy of the busy database for each example, and the checks every run must pass."""

    def __init__(self, db: Path, template: Path, files: dict[str, Path]) -> None:
        self.db = db
        self.template = template
        self.files = files

    def reset(self) -> None:
        for suffix in ("-wal", "-shm"):
            Path(f"{self.db}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.template, self.db)

    def run(self, argv: list[str], *, verbatim_out: bool = False) -> int:
        argv = [
            arg.format(**{key: str(path) for key, path in self.files.items()})
            if arg.startswith("{") and arg.endswith("}") and arg[1:-1] in self.files
            else arg
            for arg in argv
        ]
        self.reset()
        before = all_counts(self.db)
        with captured() as (out, err):
            code = main(argv)
        stdout, stderr = read(out), read(err)
        assert code in (0, 1, 2), (argv, code, stderr)
        assert "Traceback" not in stderr
        if code == 1:
            assert argv[0] == "remind", (argv, stderr)
        if code == 2:
            assert stderr.startswith("docket: ") and stderr.count("\n") == 1, (argv, stderr)
            assert all_counts(self.db) == before, argv
        assert UNSAFE.search(stderr) is None, (argv, stderr)
        if not verbatim_out:
            assert UNSAFE.search(stdout) is None, (argv, stdout[:300])
        return code


@pytest.fixture
def fuzz(in_process: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fuzz:
    """The busy database as a template, files to import, and tmp as the working folder."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    with captured():
        for argv in (
            ["init"],
            ["case", "add", "--number", NUMBER, "--title", "Smith v. Jones", "--kind", "civil",
             "--court", "nmd"],
            ["case", "add", "--number", OTHER, "--title", "Warehouse fire",
             "--kind", "investigation"],
            ["party", "add", NUMBER, "--name", "Ann Smith", "--role", "plaintiff"],
            ["party", "add", NUMBER, "--name", "Bo Lee", "--role", "counsel", "--for", "Ann Smith"],
            ["filing", "add", NUMBER, "--type", "complaint", "--title", "Complaint",
             "--date", "2026-11-02", "--served", "2026-11-03", "--service", "mail"],
            ["filing", "add", NUMBER, "--type", "motion", "--title", "Motion to dismiss"],
            ["hearing", "add", NUMBER, "--at", "2026-12-01 10:00", "--kind", "status"],
            ["deadline", "add", NUMBER, "--due", "2026-11-20", "--title", "Exhibits"],
            ["note", NUMBER, "Called the clerk"],
            ["status", OTHER, "set", "active", "--note", "assigned"],
            ["closure", "add", "2026-12-24", "--name", "Christmas Eve"],
        ):  # fmt: skip
            assert main(argv) == 0, argv
        assert (
            main(["export", "json", "--case", NUMBER, "--out", str(tmp_path / "export.json")]) == 0
        )
    template = tmp_path / "template.db"
    shutil.copyfile(in_process, template)
    csv_file = tmp_path / "entries.csv"
    csv_file.write_text("date,type,title\n2026-01-05,motion,Motion to compel\n", encoding="utf-8")
    files = {
        "pacer": PACER_SAMPLES / "akd.html",
        "csv": csv_file,
        "json": tmp_path / "export.json",
    }
    return Fuzz(in_process, template, files)


# ---------------------------------------------------------------------------- the fuzz


@FUZZ
@given(line=command_line())
def test_every_command_survives_generated_arguments(
    fuzz: Fuzz, line: tuple[tuple[str, ...], list[str]]
) -> None:
    name, argv = line
    fuzz.run(argv, verbatim_out=name in VERBATIM_TO_A_PIPE)


csv_cell = st.one_of(
    day, doc_type, service, text, st.sampled_from(["", "Motion to dismiss", NUMBER, "1"])
)
csv_columns = st.lists(
    st.one_of(
        st.sampled_from(
            ["date", "type", "title", "description", "filed_by", "served_on", "service",
             "document_number", "document_ref", "case_number", "entry_no", " Date ", "colour"]
        ),
        any_text,
    ),
    min_size=1,
    max_size=8,
)  # fmt: skip


@st.composite
def csv_file(draw: st.DrawFn) -> bytes:
    """A sheet: a header and rows of likely and unlikely cells, or bytes that are barely one."""
    columns = draw(st.one_of(st.just(["date", "type", "title"]), csv_columns))
    rows = draw(st.lists(st.lists(csv_cell, max_size=len(columns) + 2), max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    body = io.StringIO()
    writer = csv.writer(
        body, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))
    )
    writer.writerow(columns)
    writer.writerows(rows)
    data = body.getvalue().encode("utf-8", "surrogateescape")
    if draw(st.booleans()):
        data = draw(st.sampled_from([b"", b"\xef\xbb\xbf"])) + data
    damage = draw(st.integers(0, 5))
    if damage == 0 and data:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    elif damage == 1:
        data = draw(st.binary(max_size=200))
    return data


@FUZZ
@given(data=csv_file(), case=number)
def test_csv_import_survives_generated_sheets(fuzz: Fuzz, data: bytes, case: str) -> None:
    path = fuzz.files["csv"].with_name("fuzzed.csv")
    path.write_bytes(data)
    code = fuzz.run(["import", "csv", str(path), "--case", case])
    if code == 0:
        fuzz.run(["import", "csv", str(path), "--case", case])  # the same file again


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), any_text, text),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)
    ),
    max_leaves=8,
)


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


@st.composite
def json_export(draw: st.DrawFn, original: dict[str, Any]) -> str:
    """A real export with a few values replaced, keys dropped or lists emptied; or not JSON."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.one_of(text, st.just("{" * 5000), st.just('{"format":"docket"')))
    document = json.loads(json.dumps(original))
    document["cases"][0]["case"]["number"] = draw(st.one_of(st.just("1:26-cv-9"), number))
    for _ in range(draw(st.integers(1, 3))):
        places = [place for place in _places(document) if place]
        place = draw(st.sampled_from(places))
        parent = document
        for part in place[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and draw(st.integers(0, 3)) == 0:
            del parent[place[-1]]
        else:
            parent[place[-1]] = draw(json_value)
    return json.dumps(document, ensure_ascii=draw(st.booleans()))


@pytest.fixture
def export_document(fuzz: Fuzz) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(fuzz.files["json"].read_text(encoding="utf-8"))
    return loaded


@FUZZ
@given(data=st.data())
def test_json_import_survives_damaged_exports(
    fuzz: Fuzz, export_document: dict[str, Any], data: st.DataObject
) -> None:
    text_of = data.draw(json_export(export_document))
    path = fuzz.files["json"].with_name("fuzzed.json")
    path.write_bytes(text_of.encode("utf-8", "surrogatepass"))
    fuzz.run(["import", "json", str(path)])


PAGES = sorted(PACER_SAMPLES.glob("*.html"))


@st.composite
def pacer_page(draw: st.DrawFn) -> bytes:
    """A saved PACER page with a stretch replaced, cut short or doubled; or random bytes."""
    page = draw(st.sampled_from(PAGES)).read_bytes()
    how = draw(st.integers(0, 4))
    start = draw(st.integers(0, len(page)))
    end = draw(st.integers(start, min(len(page), start + 400)))
    if how == 0:
        return page[:start]
    if how == 1:
        return page[:start] + draw(st.binary(max_size=64)) + page[end:]
    if how == 2:
        return page[:end] + page[start:]
    if how == 3:
        hostile = draw(st.sampled_from(["\x9b2J", "\u202e", "<b>", "&#155;", "&#x202e;", "\x00"]))
        return page[:start] + hostile.encode() + page[start:]
    return draw(st.binary(max_size=300))


@settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 5))
@given(page=pacer_page(), court_id=st.sampled_from(["akd", "nysd", "cand", "zz"]))
def test_pacer_import_survives_damaged_pages(fuzz: Fuzz, page: bytes, court_id: str) -> None:
    path = fuzz.files["csv"].with_name("fuzzed.html")
    path.write_bytes(page)
    fuzz.run(["import", "pacer", str(path), "--court", court_id])
