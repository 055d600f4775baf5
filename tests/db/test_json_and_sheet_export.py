"""JSON export and import, and the printable docket sheet."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from db.export import dumps, export_json, import_json
from db.pacer import import_pacer
from db.sheet import render_docket_sheet
from db.store import Store
from docket.errors import InputError, Refused
from docket.models import Case, CaseKind, Deadline, Filing, Hearing, PartyRole
from tests.conftest import PACER_SAMPLES
from tests.db.builders import count

MOUNTAIN = timezone(timedelta(hours=-7))


def busy_case(store: Store) -> int:
    """A case with one of everything: voided entry, counsel, hearing, done and open
    deadlines, a stay, notes, and text that HTML and JSON must carry verbatim."""
    case = store.add_case(
        Case(
            number="1:26-cv-00042",
            court="nmd",
            title="Müller & Sons <script>alert(1)</script> v. Jones",
            kind=CaseKind.CIVIL,
            opened_on=date(2026, 10, 1),
            judge="Hon. Ana Peña",
            summary="Contract dispute; § 1332 diversity",
        )
    )
    case_id = case.id or 0
    client, _ = store.add_party(
        case_id, "Müller & Sons LLC", PartyRole.PLAINTIFF, kind="organization"
    )
    store.add_party(case_id, "Jane Counsel", PartyRole.COUNSEL, represents_id=client.id)
    store.add_party(case_id, "Bob Jones", PartyRole.DEFENDANT)
    store.add_filing(
        case_id,
        Filing(
            filed_on=date(2026, 11, 10),
            doc_type="complaint",
            title="Complaint <b>& jury demand</b>",
            description="Counts I–III",
            served_on=date(2026, 11, 12),
            service="personal",
        ),
    )
    store.add_filing(case_id, Filing(filed_on=date(2026, 11, 11), title="Duplicate entry"))
    store.void_filing(case_id, 2, "entered twice <oops>")
    store.add_hearing(
        case_id,
        Hearing(
            starts_at=datetime(2026, 12, 8, 9, 30, tzinfo=MOUNTAIN),
            kind="Motion hearing",
            location="Courtroom 3 & 4",
        ),
    )
    done = store.add_deadline(case_id, Deadline(due_on=date(2026, 11, 20), title="Send letter"))
    store.complete_deadline(done.id or 0, done_on=date(2026, 11, 19))
    store.add_deadline(
        case_id, Deadline(due_on=date(2026, 12, 1), title="Call client", remind_days=[2])
    )
    store.change_stage(case_id, "served", on=date(2026, 11, 12), note="Served by process server")
    store.stay(case_id, "Bankruptcy filed", on=date(2026, 11, 20))
    store.add_note(case_id, 'Client says: "settle" <maybe>', on=date(2026, 11, 21))
    return case_id


def test_round_trip_into_an_empty_database_is_identical(store: Store, tmp_path: Path) -> None:
    case_id = busy_case(store)
    import_pacer(store, PACER_SAMPLES / "txed.html", "txed")
    first = export_json(store)
    text = dumps(first)
    assert "Müller" in text and "\\u00fc" not in text

    with Store.open(tmp_path / "empty.db", clock=store.clock) as other:
        report = import_json(other, json.loads(text))
        assert report.cases_added == 2
        assert report.summary().startswith("2 cases created; entries ")
        second = export_json(other)
    first.pop("exported_at")
    second.pop("exported_at")
    assert second == first

    case = first["cases"][0]
    assert case["case"]["number"] == "1:26-cv-00042"
    assert [f["voided_at"] is not None for f in case["filings"]] == [False, True]
    assert {d["status"] for d in case["deadlines"]} >= {"open", "done"}
    assert any(d["trigger"] == {"entry_no": 1} for d in case["deadlines"])
    assert [c["event"] for c in case["status_history"]] == ["open", "stage", "stay"]
    assert case["hearings"][0]["starts_at"] == "2026-12-08T09:30:00-07:00"
    counsel = next(p for p in case["parties"] if p["role"] == "counsel")
    assert counsel["represents"] == next(
        p["ref"] for p in case["parties"] if p["name"] == "Müller & Sons LLC"
    )
    assert store.get_case(case_id).number == case["case"]["number"]


def test_import_refuses_a_case_number_that_exists(store: Store) -> None:
    busy_case(store)
    document = export_json(store)
    before = count(store, "SELECT count(*) FROM audit_log")
    with pytest.raises(Refused, match="1:26-cv-00042 already exists"):
        import_json(store, document)
    assert count(store, "SELECT count(*) FROM audit_log") == before


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"cases": []}, "not a docket JSON export"),
        ({"format": "docket", "version": 99, "cases": []}, "version 99"),
        ({"format": "docket", "version": 1, "cases": [{"case": {"number": "1"}}]}, "cases[1]"),
    ],
)
def test_malformed_documents_are_refused(store: Store, document: dict, words: str) -> None:
    with pytest.raises(InputError, match=words.replace("[", r"\[")):
        import_json(store, document)
    assert store.count_cases() == 0


# ---------------------------------------------------------------------- printable sheet


def test_sheet_shows_the_docket_and_escapes_user_text(store: Store) -> None:
    case_id = busy_case(store)
    html = render_docket_sheet(store, case_id)
    assert html.startswith("<!DOCTYPE html>")
    assert "<script>" not in html
    assert "Müller &amp; Sons &lt;script&gt;alert(1)&lt;/script&gt; v. Jones" in html
    assert "Complaint &lt;b&gt;&amp; jury demand&lt;/b&gt;" in html
    assert "entered twice &lt;oops&gt;" in html
    # The stylesheet itself names `.voided`: look for the struck-through row, not the word.
    assert '<tr class="entry voided"><td>2</td>' in html
    assert "<s><strong>Duplicate entry</strong></s>" in html
    assert "1:26-cv-00042" in html and "Hon. Ana Peña" in html and "nmd" in html
    # The caption names the court as a paralegal knows it, its id after.
    assert '<p class="court">U.S. District Court for the District of New Mexico (nmd)</p>' in html
    assert "Jane Counsel" in html and "for Müller &amp; Sons LLC" in html
    assert "Courtroom 3 &amp; 4" in html
    assert "Call client" in html
    assert "Send letter" not in html  # done deadlines are not open deadlines
    assert "@media print" in html
    assert "FRCP 12(a)(1)(A)(i)" in html  # the complaint's answer deadline cites its rule


def test_sheet_for_an_imported_docket_numbers_every_entry(store: Store) -> None:
    report = import_pacer(store, PACER_SAMPLES / "utd.html", "utd")
    html = render_docket_sheet(store, report.case_id or 0)
    assert html.count('class="entry"') == 121
