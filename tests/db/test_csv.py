"""CSV import and export of docket entries."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from db.csv_io import export_filings_csv, import_filings_csv
from db.store import Store
from docket.errors import InputError
from docket.models import DeadlineStatus, Filing, ServiceMethod
from tests.db.builders import add_case, count
from tests.db.builders import case_id as id_of

GOOD = """date,type,title,description,filed_by,served_on,service,document_number,document_ref
1/5/26,complaint,Complaint for damages,"Smith & Sons v. Jones,
count I negligence",Smith & Sons,1/6/26,personal,1,S:/smith/1.pdf
2026-02-02,Motion,Motion to dismiss <b>now</b>,,Jones,,,2,
Feb 20 2026,notice of appeal,Notice of appeal — § 1291,,Jones,,,,
"""


@pytest.fixture
def case_id(store: Store) -> int:
    return id_of(add_case(store, "1:26-cv-00001", court=None, title="Smith v. Jones"))


def write(tmp_path: Path, text: str, name: str = "filings.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def filings_count(store: Store) -> int:
    return count(store, "SELECT count(*) FROM filings")


def test_rows_become_entries_in_order(store: Store, case_id: int, tmp_path: Path) -> None:
    report = import_filings_csv(store, write(tmp_path, GOOD), case_id)
    assert report.entries_added == 3
    first, second, third = store.filings(case_id)
    assert (first.entry_no, first.filed_on, first.doc_type.value) == (
        1,
        date(2026, 1, 5),
        "complaint",
    )
    assert first.description == "Smith & Sons v. Jones,\ncount I negligence"
    assert (first.served_on, first.service) == (date(2026, 1, 6), ServiceMethod.PERSONAL)
    assert first.document_ref == "S:/smith/1.pdf"
    assert second.title == "Motion to dismiss <b>now</b>"
    assert third.doc_type.value == "notice_of_appeal"
    assert third.title == "Notice of appeal — § 1291"
    assert all(f.source.value == "csv" and f.source_id for f in (first, second, third))


def test_same_file_twice_duplicates_nothing(store: Store, case_id: int, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    import_filings_csv(store, path, case_id)
    again = import_filings_csv(store, path, case_id)
    assert (again.entries_added, again.entries_unchanged) == (0, 3)
    assert filings_count(store) == 3


def test_spreadsheet_bom_and_header_spelling_are_accepted(
    store: Store, case_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "\ufeffDate, Type ,Title,Filed By\r\n3/2/26,order,Scheduling order,Court\r\n".encode()
    )
    report = import_filings_csv(store, path, case_id)
    assert report.entries_added == 1
    assert store.filings(case_id)[0].filed_by == "Court"


def test_semicolon_separated_sheet_is_read(store: Store, case_id: int, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        '\ufeffdate;type;title;description\r\n3/2/26;order;"Order; on motion";"a, b"\r\n'.encode()
    )
    assert import_filings_csv(store, path, case_id).entries_added == 1
    entry = store.filings(case_id)[0]
    assert (entry.title, entry.description) == ("Order; on motion", "a, b")


def test_a_bad_row_spanning_lines_is_named_by_its_first_line(
    store: Store, case_id: int, tmp_path: Path
) -> None:
    text = 'date,type,title,description\n1/5/26,motion,ok,"one\ntwo"\n\n2/30/26,motion,"x\ny",\n'
    with pytest.raises(InputError, match="^line 5, date:"):
        import_filings_csv(store, write(tmp_path, text), case_id)
    assert filings_count(store) == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,type,title\n1/5/26,motion,ok\n2/30/26,motion,Bad day\n", "line 3, date:"),
        ("date,type,title\n1/5/26,motion,ok\n1/6/26,napkin,Bad type\n", "line 3, type:"),
        ("date,type,title\n1/5/26,motion,\n", "line 2, title:"),
        ("date,type,title,service\n1/5/26,motion,ok,pigeon\n", "line 2, service:"),
        ("date,type,title,served_on\n1/5/26,motion,ok,soon\n", "line 2, served_on:"),
        ("date,type\n1/5/26,motion\n", "no 'title' column"),
        ("date,type,title,colour\n1/5/26,motion,ok,red\n", "unknown column 'colour'"),
        ("date,type,title\n1/5/26,motion,a,b,c\n", "line 2:"),
        ("", "empty"),
    ],
)
def test_bad_file_names_the_line_and_writes_nothing(
    store: Store, case_id: int, tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        import_filings_csv(store, write(tmp_path, text), case_id)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert filings_count(store) == 0


def test_export_reimports_into_another_database(store: Store, case_id: int, tmp_path: Path) -> None:
    import_filings_csv(store, write(tmp_path, GOOD), case_id)
    store.add_filing(
        case_id, Filing(filed_on=date(2026, 3, 1), title="Voided entry", doc_type="other")
    )
    store.void_filing(case_id, 4, "entered twice")
    out = io.StringIO()
    assert export_filings_csv(store, out, [case_id]) == 3
    exported = out.getvalue()
    assert exported.splitlines()[0].startswith("case_number,entry_no,date,type,title")

    with Store.open(tmp_path / "other.db", clock=store.clock) as other:
        target = id_of(add_case(other, "1:26-cv-00001", court=None, title="Smith v. Jones"))
        report = import_filings_csv(other, write(tmp_path, exported, "export.csv"), target)
        assert report.entries_added == 3
        copied = other.filings(target)
        original = store.filings(case_id, include_voided=False)
        fields = ("filed_on", "doc_type", "title", "description", "served_on", "service")
        assert [f.model_dump(include=set(fields)) for f in copied] == [
            f.model_dump(include=set(fields)) for f in original
        ]


def test_export_of_another_case_is_refused(store: Store, case_id: int, tmp_path: Path) -> None:
    text = "case_number,entry_no,date,type,title\n2:99-cv-1,1,1/5/26,motion,ok\n"
    with pytest.raises(InputError, match="line 2, case_number"):
        import_filings_csv(store, write(tmp_path, text), case_id)


def test_an_amended_complaint_imported_keeps_the_service_clock(
    store: Store, case_id: int, tmp_path: Path
) -> None:
    text = (
        "date,type,title,served_on,service\n"
        "2026-12-01,complaint,Complaint,,\n"
        "2026-12-15,amended complaint,First amended complaint,2026-12-15,left with clerk\n"
    )
    import_filings_csv(store, write(tmp_path, text), case_id)
    # Complaint filed Tue 1 Dec 2026: 4(m) + 90 = Mon 1 Mar 2027 (Dec: 30, Jan: 61, Feb: 89),
    # once. The amended complaint left with the clerk Tue 15 Dec + 14 = Tue 29 Dec, + 3 (FRCP
    # 6(d)) = Fri 1 Jan 2027, New Year's Day -> Mon 4 Jan; later than the original answer date
    # (1 Dec + 21 = Tue 22 Dec), which it closes.
    open_ones = [(d.rule, d.due_on) for d in store.deadlines(case_id, include_closed=False)]
    assert open_ones == [
        ("frcp-15a3-amended-response", date(2027, 1, 4)),
        ("frcp-4m-service", date(2027, 3, 1)),
    ]


def test_deadlines_ahead_are_open_and_past_ones_are_recorded_as_past(
    store: Store, case_id: int, tmp_path: Path
) -> None:
    text = (
        "date,type,title\n"
        "2025-01-06,complaint,Old complaint\n"
        "2026-11-20,complaint,Amended complaint\n"
    )
    report = import_filings_csv(store, write(tmp_path, text), case_id)
    deadlines = store.deadlines(case_id)
    opened = [d for d in deadlines if d.status is DeadlineStatus.OPEN]
    # Fri 20 Nov 2026 + 21 days is Fri 11 Dec; + 90 days is Thu 18 Feb 2027.
    assert report.deadlines_added == 2
    assert [(d.rule, d.due_on) for d in opened] == [
        ("frcp-12a-answer", date(2026, 12, 11)),
        ("frcp-4m-service", date(2027, 2, 18)),
    ]
    assert all(d.trigger_filing_id == store.filing_by_entry(case_id, 2).id for d in opened)
    # The old complaint's dates passed in 2025: recorded, not open. Mon 6 Jan 2025 + 21 days
    # is Mon 27 Jan; + 90 days is Sun 6 Apr (25 days left in Jan, 28 in Feb, 31 in Mar, 6),
    # which runs to Mon 7 Apr.
    past = [d for d in deadlines if d.status is DeadlineStatus.LAPSED]
    assert report.deadlines_past == 2
    assert [(d.rule, d.due_on) for d in past] == [
        ("frcp-12a-answer", date(2025, 1, 27)),
        ("frcp-4m-service", date(2025, 4, 7)),
    ]
    assert [(d.entry_no, d.rule, d.due_on, d.status) for d in report.not_calendared] == [
        (1, "frcp-12a-answer", date(2025, 1, 27), DeadlineStatus.LAPSED),
        (1, "frcp-4m-service", date(2025, 4, 7), DeadlineStatus.LAPSED),
    ]
    assert len(report.deadlines) == 4
