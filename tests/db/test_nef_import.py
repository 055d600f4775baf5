"""ECF notice emails (NEFs) on every real sample: what juriscraper reads is what is written."""

from __future__ import annotations

import json
import mailbox
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.pacer import import_notices, import_pacer
from db.pacer.mapping import page_filing
from db.pacer.nef import notice_doc_type
from db.store import Store
from docket.errors import InputError
from docket.models import Case, CaseKind, DocType, Filing, ServiceMethod
from tests.conftest import NEF_SAMPLES, PACER_SAMPLES
from tests.db.builders import count

NOTICES = sorted(NEF_SAMPLES.glob("*.eml"))
#: juriscraper's test ran each example with the court in its file name; `almd_3_plain` is a
#: District of Columbia notice (its links and sender are dcd's), and that is the court it names.
SENT_BY = {"almd_3_plain": "dcd"}


def expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_suffix(".json").read_text("utf-8"))
    return data


def rows(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return store.query_rows(sql, params)


def everything(store: Store) -> dict[str, int]:
    return {
        table: count(store, f"SELECT count(*) FROM {table}")
        for table in ("cases", "filings", "deadlines", "status_changes", "audit_log")
    }


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_each_notice_imports_to_the_parse(store: Store, path: Path) -> None:
    data = expected(path)
    court = SENT_BY.get(path.stem, data["court_id"])
    report = import_notices(store, [path])

    assert report.notices == 1 and not report.skipped
    assert report.cases == [f"{court} {docket['docket_number']}" for docket in data["dockets"]]
    assert count(store, "SELECT count(*) FROM cases") == len(data["dockets"])
    for docket in data["dockets"]:
        case = store.find_case(docket["docket_number"], court)
        assert case.title == " ".join(docket["case_name"].split())
        stored = rows(
            store,
            "SELECT filed_on, document_number, description, service, served_on, source "
            "FROM filings WHERE case_id = ? ORDER BY entry_no",
            (case.id,),
        )
        assert stored == [
            (
                entry["date_filed"],
                entry["document_number"],
                entry["description"],
                "electronic",
                entry["date_filed"],
                "pacer",
            )
            for entry in docket["docket_entries"]
        ]
    assert report.entries_added == sum(len(d["docket_entries"]) for d in data["dockets"])


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_a_second_import_adds_nothing(store: Store, path: Path) -> None:
    first = import_notices(store, [path])
    before = everything(store)
    again = import_notices(store, [path])
    assert everything(store) == before
    assert again.entries_added == 0 and again.cases_created == []
    assert again.entries_unchanged == first.entries_added


def test_a_multi_case_notice_puts_its_entry_on_each_case(store: Store) -> None:
    report = import_notices(store, [NEF_SAMPLES / "ctb_multi_1.eml"])
    assert report.cases == ["ctb 24-03015", "ctb 24-30774"]
    assert len(report.cases_created) == 2
    for number, document in (("24-03015", "1"), ("24-30774", "69")):
        case = store.find_case(number, "ctb")
        assert rows(
            store,
            "SELECT document_number, doc_type FROM filings WHERE case_id = ?",
            (case.id,),
        ) == [(document, "complaint")]


def test_a_notice_after_a_pacer_import_adds_nothing(store: Store) -> None:
    """The dcd docket page and the dcd notice are the same case; the notice's entry 551 is
    on the docket as a PACER import writes it."""
    pacer = import_pacer(store, PACER_SAMPLES / "dcd_1.html", "dcd")
    entry = {
        "date_filed": "2019-03-15",
        "document_number": "551",
        "description": "Joint STATUS REPORT by USA as to RICHARD W. GATES, III (Weissmann, "
        "Andrew) (Entered: 03/15/2019)",
        "pacer_doc_id": "04507059984",
    }
    filing = page_filing(entry, "doc:551", "dcd")
    assert filing is not None
    store.import_filing(pacer.case_id or 0, filing)
    before = everything(store)

    report = import_notices(store, [NEF_SAMPLES / "almd_3_plain.eml"])
    assert everything(store) == before
    assert report.cases == ["dcd 1:17-cr-00201"] and report.cases_created == []
    assert report.entries_unchanged == 1


def test_the_same_pacer_document_id_is_the_same_entry(store: Store) -> None:
    """A PACER entry numbered differently (or not at all) but linking the same document."""
    pacer = import_pacer(store, PACER_SAMPLES / "dcd_1.html", "dcd")
    entry = {
        "date_filed": "2019-03-15",
        "description": "Status report",
        "pacer_doc_id": "04507059984",
    }
    filing = page_filing(entry, "day:2019-03-15#1", "dcd")
    assert filing is not None
    store.import_filing(pacer.case_id or 0, filing)
    before = everything(store)
    report = import_notices(store, [NEF_SAMPLES / "almd_3_plain.eml"])
    assert everything(store) == before and report.entries_unchanged == 1


def test_a_pacer_import_after_a_notice_refreshes_the_same_entry(store: Store) -> None:
    notice = import_notices(store, [NEF_SAMPLES / "almd_3_plain.eml"])
    assert notice.entries_added == 1
    pacer = import_pacer(store, PACER_SAMPLES / "dcd_1.html", "dcd")
    assert pacer.case_created is False
    assert count(store, "SELECT count(*) FROM cases") == 1


def test_rule_deadlines_fire_with_electronic_service(store: Store) -> None:
    """The nysd motion sets the deadlines the same motion entered by hand, served
    electronically, sets: an NEF is electronic service, so no days are added for mail."""
    report = import_notices(store, [NEF_SAMPLES / "nysd_1.eml"])
    case = store.find_case("1:20-cv-08924", "nysd")
    filing = store.filing_by_entry(case.id or 0, 1)
    assert filing.doc_type is DocType.MOTION
    assert filing.service is ServiceMethod.ELECTRONIC and filing.served_on == date(2022, 8, 4)
    imported = rows(store, "SELECT citation, due_on FROM deadlines WHERE case_id = ?", (case.id,))
    # A 2022 notice: its deadlines were past at import, so recorded as such, none open.
    assert imported and report.deadlines_past == len(imported) and report.deadlines_added == 0
    statuses = rows(store, "SELECT DISTINCT status FROM deadlines WHERE case_id = ?", (case.id,))
    assert statuses == [("lapsed",)]

    by_hand = store.add_case(
        Case(number="1:99-cv-1", court="nysd", title="By hand", kind=CaseKind.CIVIL)
    )
    for service, days_later in ((ServiceMethod.ELECTRONIC, 0), (ServiceMethod.MAIL, 3)):
        _saved, deadlines = store.add_filing(
            by_hand.id or 0,
            Filing(
                filed_on=date(2022, 8, 4),
                doc_type=DocType.MOTION,
                title="Motion",
                served_on=date(2022, 8, 4),
                service=service,
            ),
        )
        counted = [(d.citation, d.due_on) for d in deadlines]
        if days_later == 0:
            assert [(c, date.fromisoformat(d)) for c, d in imported] == counted
        else:
            assert all(
                mine > date.fromisoformat(d)
                for (_c, d), (_c2, mine) in zip(imported, counted, strict=True)
            )


def test_a_message_that_is_not_a_notice_is_refused_and_nothing_written(
    store: Store, tmp_path: Path
) -> None:
    letter = tmp_path / "letter.eml"
    letter.write_text("From: a@example.com\nSubject: lunch\n\nSee you at noon.\n")
    before = everything(store)
    for path in (letter, PACER_SAMPLES / "akd.html", NEF_SAMPLES / "almd_1.json"):
        with pytest.raises(InputError) as refused:
            import_notices(store, [NEF_SAMPLES / "njd_1.eml", path])
        assert refused.value.field == "path" and path.name in str(refused.value)
        assert "\n" not in str(refused.value)
    assert everything(store) == before


def _mbox(tmp_path: Path, paths: list[Path]) -> Path:
    target = tmp_path / "inbox.mbox"
    box = mailbox.mbox(target)
    for path in paths:
        box.add(path.read_bytes())
    box.flush()
    box.close()
    return target


def test_an_mbox_imports_its_notices_and_names_what_it_skipped(
    store: Store, tmp_path: Path
) -> None:
    letter = tmp_path / "letter.eml"
    letter.write_text("From: a@example.com\nSubject: lunch\n\nSee you at noon.\n")
    inbox = _mbox(tmp_path, [NEF_SAMPLES / "almd_1.eml", letter, NEF_SAMPLES / "ctb_multi_1.eml"])
    report = import_notices(store, [inbox])
    assert report.messages == 3 and report.notices == 2
    assert [(skip.message, "not an ECF notice" in skip.reason) for skip in report.skipped] == [
        ("inbox.mbox #2", True)
    ]
    assert report.entries_added == 3
    again = import_notices(store, [inbox])
    assert again.entries_added == 0 and again.entries_unchanged == 3


def test_a_maildir_imports_every_notice(store: Store, tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Mail")
    for path in NOTICES:
        box.add(path.read_bytes())
    progress: list[tuple[int, int]] = []
    report = import_notices(
        store, [tmp_path / "Mail"], lambda done, total: progress.append((done, total))
    )
    assert report.notices == len(NOTICES) and not report.skipped
    assert progress[-1] == (len(NOTICES), len(NOTICES))
    assert count(store, "SELECT count(*) FROM filings") == 9


def test_a_message_that_cannot_be_written_is_skipped_whole(store: Store, tmp_path: Path) -> None:
    """A notice naming a case the database holds in two courts cannot go on either: in an
    mbox, that message writes nothing and the others import."""
    inbox = _mbox(tmp_path, [NEF_SAMPLES / "njd_1.eml", NEF_SAMPLES / "nysd_1.eml"])
    store.add_case(
        Case(number="2:22-cv-06575", court="", title="Typed by hand", kind=CaseKind.CIVIL)
    )
    store.add_case(
        Case(number="2:22-cv-06575", court="nyed", title="Another court", kind=CaseKind.CIVIL)
    )
    report = import_notices(store, [inbox])
    assert report.notices == 1 and [skip.message for skip in report.skipped] == ["inbox.mbox #1"]
    assert count(store, "SELECT count(*) FROM filings") == 1


@pytest.mark.parametrize(
    ("event", "text", "kind"),
    [
        ("Notice (Other)", "", DocType.NOTICE),
        ("Status Report", "", DocType.REPORT),
        ("Motion for Extension of Time to Complete Discovery", "", DocType.MOTION),
        ("Order on Motion to Dismiss", "", DocType.ORDER),
        ("Status Conference", "", DocType.MINUTE_ENTRY),
        ("Motion Hearing", "", DocType.MINUTE_ENTRY),
        ("Certificate of Service re Motion", "", DocType.OTHER),
        ("Notice of Appeal", "", DocType.NOTICE_OF_APPEAL),
        ("Summons Issued", "", DocType.SUMMONS),
        ("", "ORDER granting motion", DocType.ORDER),
    ],
)
def test_the_entry_type_comes_from_the_event(event: str, text: str, kind: DocType) -> None:
    assert notice_doc_type(event, text) is kind


def test_mail_clients_mbox_files_are_found_however_named(store: Store, tmp_path: Path) -> None:
    """Thunderbird keeps a local folder as an mbox file with no extension and `From - date`
    separators; Apple Mail exports `NEF.mbox/mbox`."""
    notices = [NEF_SAMPLES / "almd_1.eml", NEF_SAMPLES / "almd_3_plain.eml"]
    raw = [path.read_bytes() for path in notices]
    # A message saved with its own envelope line keeps it out of the mbox: the separator is it.
    raw = [text.split(b"\n", 1)[1] if text.startswith(b"From ") else text for text in raw]
    thunderbird = tmp_path / "NEF"
    thunderbird.write_bytes(
        b"".join(
            b"From - Tue Dec 01 10:00:00 2026\n" + text.rstrip(b"\n") + b"\n\n" for text in raw
        )
    )
    apple = tmp_path / "Courts.mbox"
    apple.mkdir()
    (apple / "mbox").write_bytes(thunderbird.read_bytes())
    for source in (thunderbird, apple):
        report = import_notices(store, [source])
        assert report.messages == 2 and not report.skipped, source.name
    assert count(store, "SELECT count(*) FROM filings") == 2


def test_a_pacer_report_after_a_notice_takes_over_its_unnumbered_entry(store: Store) -> None:
    """njd's Status Conference minute entry has no document number: the docket report's
    entry of the same day and text (with its `(Entered: ...)`) is the same entry."""
    from db.pacer.importer import write_entries
    from db.reports import ImportReport

    import_notices(store, [NEF_SAMPLES / "njd_1.eml"])
    case = store.find_case("2:22-cv-06575", "njd")
    entry = expected(NEF_SAMPLES / "njd_1.eml")["dockets"][0]["docket_entries"][0]
    page_entry = {
        "date_filed": entry["date_filed"],
        "document_number": None,
        "description": entry["description"] + " (Entered: 01/30/2023)",
    }
    report = ImportReport()
    with store.write():
        write_entries(store, case.id or 0, "njd", [page_entry], report)
    assert (report.entries_added, report.entries_updated) == (0, 1)
    assert rows(
        store, "SELECT source_id, description FROM filings WHERE case_id = ?", (case.id,)
    ) == [("day:2023-01-30#1", page_entry["description"])]
    again = ImportReport()
    with store.write():
        write_entries(store, case.id or 0, "njd", [page_entry], again)
    assert (again.entries_added, again.entries_updated, again.entries_unchanged) == (0, 0, 1)
