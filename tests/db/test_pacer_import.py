"""PACER import on every real docket report in the shared samples."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.pacer import (
    TERMINATED_DISPOSITION,
    detect_courts,
    guess_doc_type,
    import_pacer,
    page_parties,
    party_role,
)
from db.store import Store
from docket.errors import InputError
from docket.models import DeadlineStatus, DocType, Filing, PartyRole
from tests.conftest import PACER_SAMPLES
from tests.db.builders import count

DOCKETS = sorted(p for p in PACER_SAMPLES.glob("*.html") if p.stem != "nysd_3")


def court_of(path: Path) -> str:
    return path.stem.split("_")[0]


def expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_suffix(".json").read_text("utf-8"))
    return data


def table_counts(store: Store) -> dict[str, int]:
    return {
        table: count(store, f"SELECT count(*) FROM {table}")
        for table in ("cases", "filings", "parties", "case_parties", "deadlines", "audit_log")
    }


@pytest.mark.parametrize("path", DOCKETS, ids=lambda p: p.stem)
def test_import_matches_the_parse(store: Store, path: Path) -> None:
    data = expected(path)
    report = import_pacer(store, path, court_of(path))

    case = store.get_case(report.case_id or 0)
    assert case.number == data["docket_number"]
    assert case.title == " ".join(data["case_name"].split())
    assert case.court == court_of(path)
    assert case.opened_on == date.fromisoformat(data["date_filed"])
    assert case.kind.value == ("criminal" if "-cr-" in data["docket_number"] else "civil")
    if data["assigned_to_str"]:
        assert case.judge == data["assigned_to_str"]
    if data["nature_of_suit"]:
        assert data["nature_of_suit"] in (case.summary or "")

    entries = data["docket_entries"]
    filings = store.filings(case.id or 0, limit=1000)
    assert report.entries_added == len(entries) == len(filings)
    for filing, entry in zip(filings, entries, strict=True):
        assert filing.description == entry["description"].strip()
        assert filing.filed_on == date.fromisoformat(entry["date_filed"])
        assert filing.document_number == (entry["document_number"] or None)
        assert filing.source.value == "pacer"
    assert [f.entry_no for f in filings] == list(range(1, len(entries) + 1))

    links = store.case_parties(case.id or 0)
    parties = [link for link in links if link.role != PartyRole.COUNSEL]
    listed = {(" ".join(p["name"].split()), p["type"]) for p in data["parties"]}
    assert {(link.name, raw) for link in parties for raw in (link.raw_role or "").split("; ")} == (
        listed
    )
    assert report.parties_added == len(parties) == len(page_parties(data["parties"]))
    counsel = [link for link in links if link.role == PartyRole.COUNSEL]
    clients = {link.id: link.name for link in parties}
    pairs = {
        (" ".join(a["name"].split()), " ".join(p["name"].split()))
        for p in data["parties"]
        for a in p.get("attorneys", [])
    }
    assert {(c.name, clients[c.represents_id]) for c in counsel} == pairs
    assert report.counsel_added == len(counsel)


@pytest.mark.parametrize("path", DOCKETS, ids=lambda p: p.stem)
def test_counsel_keep_firm_contact_and_termination(store: Store, path: Path) -> None:
    """Every attorney's contact block line by line, the firm its first line names, and the
    termination dates of attorneys (`TERMINATED: 04/27/2023`) and parties, as on the page."""
    data = expected(path)
    report = import_pacer(store, path, court_of(path))
    links = store.case_parties(report.case_id or 0)
    clients = {link.id: link.name for link in links if link.role != PartyRole.COUNSEL}
    stored = {
        (link.name, clients[link.represents_id]): link
        for link in links
        if link.represents_id is not None
    }
    for party in data["parties"]:
        for attorney in party.get("attorneys", []):
            link = stored[(" ".join(attorney["name"].split()), " ".join(party["name"].split()))]
            lines = [" ".join(line.split()) for line in attorney["contact"].splitlines()]
            assert (link.contact or "").splitlines() == [line for line in lines if line]
            if link.firm is not None:
                assert link.firm == lines[0] and not lines[0][0].isdigit()
            ended = [r for r in attorney["roles"] if r.startswith("TERMINATED: ")]
            if ended:
                month, day, year = ended[0].removeprefix("TERMINATED: ").split("/")
                assert link.terminated_on == date(int(year), int(month), int(day))
            else:
                assert link.terminated_on is None
    listed_ended = {
        " ".join(p["name"].split()) for p in data["parties"] if p.get("date_terminated")
    }
    parties = [link for link in links if link.role != PartyRole.COUNSEL]
    assert {link.name for link in parties if link.terminated_on} <= listed_ended


def test_counsel_details_on_a_known_sample(store: Store) -> None:
    report = import_pacer(store, PACER_SAMPLES / "njd_509180.html", "njd")
    links = store.case_parties(report.case_id or 0)
    gaddis = next(link for link in links if link.name == "CHRISTINE A. GADDIS")
    assert gaddis.firm == "GIBBONS P.C."
    assert gaddis.contact == (
        "GIBBONS P.C.\n141 WEST FRONT STREET\nSUITE 240\nRED BANK, NJ 07701\n732-704-5801\n"
        "Email: cgaddis@gibbonslaw.com"
    )
    shelhoff = [link for link in links if link.name == "DMITRY V. SHELHOFF"]
    assert len(shelhoff) == 4 and {link.terminated_on for link in shelhoff} == {date(2023, 4, 27)}
    txed = import_pacer(store, PACER_SAMPLES / "txed.html", "txed")
    ended = {
        (link.name, link.role.value): link.terminated_on
        for link in store.case_parties(txed.case_id or 0)
        if link.role != PartyRole.COUNSEL
    }
    assert ended[("Time Warner Inc", "defendant")] == date(2008, 3, 26)
    assert ended[("Yahoo! Inc", "defendant")] is None


def test_a_refresh_brings_in_counsel_details_it_did_not_have(store: Store) -> None:
    path = PACER_SAMPLES / "njd_509180.html"
    first = import_pacer(store, path, "njd")
    store.conn.execute("UPDATE case_parties SET firm = NULL, contact = NULL, terminated_on = NULL")
    again = import_pacer(store, path, "njd")
    assert again.counsel_updated == first.counsel_added
    assert again.counsel_added == 0
    gaddis = next(
        link
        for link in store.case_parties(first.case_id or 0)
        if link.name == "CHRISTINE A. GADDIS"
    )
    assert gaddis.firm == "GIBBONS P.C."


@pytest.mark.parametrize("path", DOCKETS, ids=lambda p: p.stem)
def test_second_import_changes_nothing(store: Store, path: Path) -> None:
    import_pacer(store, path, court_of(path))
    before = table_counts(store)
    again = import_pacer(store, path, court_of(path))
    assert (again.entries_added, again.entries_updated) == (0, 0)
    assert (again.parties_added, again.parties_updated, again.counsel_added) == (0, 0, 0)
    assert again.counsel_updated == 0
    assert again.entries_unchanged == len(expected(path)["docket_entries"])
    assert not again.case_created
    assert table_counts(store) == before


def stored_text(store: Store, case_id: int) -> list[str]:
    texts = [f.description or "" for f in store.filings(case_id, limit=1000)]
    return texts + [link.name for link in store.case_parties(case_id)]


def test_html_entities_are_unescaped_once(store: Store) -> None:
    # txed writes `AOL&#039;s answer` and `Filing fee &#036; 350`; ncwd has `R &amp; V`.
    txed = stored_text(store, import_pacer(store, PACER_SAMPLES / "txed.html", "txed").case_id or 0)
    ncwd = stored_text(
        store, import_pacer(store, PACER_SAMPLES / "ncwd_1.html", "ncwd").case_id or 0
    )
    assert any("AOL's answer" in text for text in txed)
    assert any("$ 350" in text for text in txed)
    assert any("R & V Warren Farms" in text for text in ncwd)
    assert not any("&#" in text or "&amp;" in text for text in txed + ncwd)


def test_non_ascii_text_survives(store: Store, tmp_path: Path) -> None:
    # None of the samples has non-ASCII docket text; a saved page may (names, the § sign).
    path = tmp_path / "akd.html"
    text = (PACER_SAMPLES / "akd.html").read_text("utf-8")
    text = text.replace("Matthew Brent Gifford", "Mátthew Brent Gífford")
    text = text.replace(
        "Return receipt card", "Return receipt card under 28 U.S.C. § 1746 – “signed”"
    )
    path.write_text(text, "utf-8")
    stored = stored_text(store, import_pacer(store, path, "akd").case_id or 0)
    assert "Mátthew Brent Gífford" in stored
    assert any("28 U.S.C. § 1746 – “signed”" in t for t in stored)


def test_terminated_case_is_closed_on_its_termination_date(store: Store) -> None:
    report = import_pacer(store, PACER_SAMPLES / "akd.html", "akd")
    case = store.get_case(report.case_id or 0)
    assert case.stage == "closed"
    assert case.disposition == TERMINATED_DISPOSITION
    assert case.closed_on == date(2009, 6, 4)
    open_case = import_pacer(store, PACER_SAMPLES / "cand_7.html", "cand")
    assert store.get_case(open_case.case_id or 0).stage == "filed"


def test_historic_import_creates_no_open_past_deadlines(store: Store) -> None:
    report = import_pacer(store, PACER_SAMPLES / "njd_509180.html", "njd")
    assert report.deadlines_added == 0
    # Whatever the rules set from a 2023 docket was past at import: recorded, never open.
    stored = store.deadlines(report.case_id or 0)
    assert all(d.status is not DeadlineStatus.OPEN for d in stored)
    assert len(report.deadlines) == len(stored) == report.deadlines_past


def test_refresh_leaves_manual_entries_alone_and_appends_new_ones(
    store: Store, tmp_path: Path
) -> None:
    # An older save of the docket: the same page with its last five entries missing.
    full = PACER_SAMPLES / "txed.html"
    html = full.read_text("utf-8")
    rows = html.split("<tr><td")
    older = tmp_path / "txed_older.html"
    entries_total = len(expected(full)["docket_entries"])
    trimmed = "<tr><td".join(rows[:-5]) + html[html.rindex("</table>") :]
    older.write_text(trimmed, "utf-8")

    first = import_pacer(store, older, "txed")
    case_id = first.case_id or 0
    assert 0 < first.entries_added < entries_total
    manual, _ = store.add_filing(
        case_id,
        Filing(filed_on=date(2026, 11, 20), title="Client call memo & notes", doc_type="other"),
    )

    refreshed = import_pacer(store, full, "txed")
    assert refreshed.entries_added == entries_total - first.entries_added
    assert refreshed.entries_unchanged == first.entries_added
    assert refreshed.entries_updated == 0
    kept = store.filing_by_entry(case_id, manual.entry_no or 0)
    assert kept == manual
    after_manual = store.filings(case_id, after_entry=manual.entry_no or 0, limit=1000)
    assert len(after_manual) == refreshed.entries_added
    assert all(f.source.value == "pacer" for f in after_manual)


def test_changed_docket_text_is_updated_not_duplicated(store: Store, tmp_path: Path) -> None:
    path = PACER_SAMPLES / "akd.html"
    first = import_pacer(store, path, "akd")
    edited = tmp_path / "akd.html"
    edited.write_text(
        path.read_text("utf-8").replace("Return receipt card", "Return receipt card (corrected)"),
        "utf-8",
    )
    again = import_pacer(store, edited, "akd")
    assert again.entries_updated == 3 and again.entries_added == 0
    texts = [f.description or "" for f in store.filings(first.case_id or 0)]
    assert all("(corrected)" in text for text in texts)


def test_voided_pacer_entry_stays_voided_after_refresh(store: Store) -> None:
    path = PACER_SAMPLES / "akd.html"
    report = import_pacer(store, path, "akd")
    store.void_filing(report.case_id or 0, 2, "imported twice by mistake")
    again = import_pacer(store, path, "akd")
    assert again.entries_added == 0 and again.entries_updated == 0
    assert store.filing_by_entry(report.case_id or 0, 2).void_reason == "imported twice by mistake"


def test_entries_without_numbers_and_repeated_numbers_get_distinct_ids(store: Store) -> None:
    report = import_pacer(store, PACER_SAMPLES / "ncwd_1.html", "ncwd")
    ids = [f.source_id for f in store.filings(report.case_id or 0, limit=1000)]
    assert len(set(ids)) == len(ids) == 159
    assert "doc:101" in ids and "doc:101#2" in ids
    assert any(source_id and source_id.startswith("day:") for source_id in ids)


# ---------------------------------------------------------------------- refused pages


def assert_refused(store: Store, path: Path, court: str | None, field: str, words: str) -> None:
    before = table_counts(store)
    with pytest.raises(InputError) as caught:
        import_pacer(store, path, court)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)
    assert table_counts(store) == before


def test_page_that_is_not_a_docket_is_refused(store: Store) -> None:
    assert_refused(store, PACER_SAMPLES / "nysd_3.html", "nysd", "path", "not a PACER docket")


def test_truncated_page_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    text = (PACER_SAMPLES / "utd.html").read_text("utf-8")
    path.write_text(text[: len(text) // 2], "utf-8")
    assert_refused(store, path, "utd", "path", "cut off")


def test_empty_binary_and_missing_files_are_refused(store: Store, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert_refused(store, empty, "akd", "path", "empty")
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02" * 200)
    assert_refused(store, binary, "akd", "path", "binary")
    assert_refused(store, tmp_path / "nowhere.html", "akd", "path", "does not exist")


def test_docket_of_another_court_is_refused(store: Store) -> None:
    assert_refused(store, PACER_SAMPLES / "akd.html", "nmd", "court", "akd")
    # dcd_1 has no CM/ECF links: its header's district line names the court.
    assert_refused(store, PACER_SAMPLES / "dcd_1.html", "nysd", "court", "dcd")


def test_malformed_court_id_is_refused(store: Store) -> None:
    assert_refused(store, PACER_SAMPLES / "akd.html", "Alaska!", "court", "court id")


#: A trigger that fails the insert of the sample's third entry, in each backend's words.
REFUSE_THIRD = {
    "sqlite": [
        "CREATE TRIGGER refuse_third BEFORE INSERT ON filings "
        "WHEN new.description LIKE '%Personal Page%' "
        "BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_third() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.description LIKE '%Personal Page%' THEN RAISE EXCEPTION 'disk quota exceeded' "
        "USING ERRCODE = 'integrity_constraint_violation'; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER refuse_third BEFORE INSERT ON filings "
        "FOR EACH ROW EXECUTE FUNCTION refuse_third()",
    ],
}


def test_failed_import_in_the_middle_writes_nothing(store: Store) -> None:
    # The database itself refuses the third entry, after the case, parties and two entries
    # were written: the whole import must roll back.
    for statement in REFUSE_THIRD[store.dialect]:
        store.conn.execute(statement)
    before = table_counts(store)
    with pytest.raises(sqlite3.IntegrityError):
        import_pacer(store, PACER_SAMPLES / "akd.html", "akd")
    assert table_counts(store) == before


def test_control_characters_in_the_page_are_dropped(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "akd.html"
    text = (PACER_SAMPLES / "akd.html").read_text("utf-8")
    path.write_text(text.replace("Return receipt card", "Return\x0b receipt card"), "utf-8")
    report = import_pacer(store, path, "akd")
    assert all("\x0b" not in t for t in stored_text(store, report.case_id or 0))
    assert report.entries_added == 3


# ---------------------------------------------------------------------- small readers


@pytest.mark.parametrize(
    ("path", "court"),
    [(p, court_of(p)) for p in sorted(PACER_SAMPLES.glob("*.html"))],
    ids=lambda v: v.stem if isinstance(v, Path) else v,
)
def test_every_sample_names_its_own_court(path: Path, court: str) -> None:
    assert detect_courts(path.read_text("utf-8")) == {court}


@pytest.mark.parametrize(
    ("text", "doc_type"),
    [
        ("COMPLAINT against Laden, filed by Tremsky.", DocType.COMPLAINT),
        ("First MOTION to Dismiss by Yahoo! Inc", DocType.MOTION),
        ("Defendant's MOTION for Extension of Time", DocType.MOTION),
        ("NOTICE OF APPEAL by Robert Warren", DocType.NOTICE_OF_APPEAL),
        ("NOTICE of Attorney Appearance", DocType.NOTICE),
        ("ORDER granting 12 Motion", DocType.ORDER),
        ("TEXT ORDER: the hearing is reset", DocType.ORDER),
        ("ANSWER to Complaint by Annora", DocType.ANSWER),
        ("AMENDED JUDGMENT as to Robert Warren", DocType.JUDGMENT),
        # An amended complaint never restarts the 4(m) service period.
        ("FIRST AMENDED COMPLAINT against Laden", DocType.AMENDED_COMPLAINT),
        ("NOTICE OF REMOVAL from Second Judicial District Court", DocType.NOTICE_OF_REMOVAL),
        ("WAIVER OF SERVICE Returned Executed by Acme", DocType.WAIVER_OF_SERVICE),
        ("JURY DEMAND by Annora", DocType.JURY_DEMAND),
        ("Minute Entry for proceedings held", DocType.MINUTE_ENTRY),
        ("Set Deadlines as to Robert Warren", DocType.OTHER),
    ],
)
def test_doc_type_from_first_words(text: str, doc_type: DocType) -> None:
    assert guess_doc_type(text) == doc_type


def test_a_returned_waiver_keeps_the_day_the_request_was_sent() -> None:
    from db.pacer.mapping import page_filing

    text = (
        "WAIVER OF SERVICE Returned Executed filed by Ann Smith. Acme Corp. waiver sent on "
        "8/13/2026, answer due 10/13/2026. (ds)"
    )
    filing = page_filing({"description": text, "date_filed": "2026-09-01"}, "w1")
    assert filing is not None
    assert (filing.doc_type, filing.served_on) == (DocType.WAIVER_OF_SERVICE, date(2026, 8, 13))
    other = page_filing(
        {"description": "WAIVER OF SERVICE Returned", "date_filed": "2026-09-01"}, "w2"
    )
    assert other is not None and other.served_on is None


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("Plaintiff", PartyRole.PLAINTIFF),
        ("Defendant", PartyRole.DEFENDANT),
        ("Petitioner", PartyRole.PETITIONER),
        ("Counter Defendant", PartyRole.OTHER),
        ("Movant", PartyRole.OTHER),
        ("Mediator", PartyRole.OTHER),
    ],
)
def test_pacer_types_map_to_roles(raw: str, role: PartyRole) -> None:
    assert party_role(raw) == role


@pytest.mark.parametrize("path", DOCKETS, ids=lambda p: p.stem)
def test_the_court_is_read_from_the_page_when_not_given(store: Store, path: Path) -> None:
    report = import_pacer(store, path)
    case = store.get_case(report.case_id or 0)
    assert (case.court, case.number) == (court_of(path), expected(path)["docket_number"])
    assert not report.warnings


def test_a_page_naming_no_court_or_several_needs_the_court_given(
    store: Store, tmp_path: Path
) -> None:
    text = (PACER_SAMPLES / "cand_7.html").read_text("utf-8")
    several = tmp_path / "several.html"
    several.write_text(text.replace("ecf.cand.uscourts.gov", "ecf.nysd.uscourts.gov", 1), "utf-8")
    assert_refused(store, several, None, "court", "several.html names cand, nysd; give the court")
    nameless = tmp_path / "nameless.html"
    bare = re.sub(r"ecf\.cand\.uscourts\.gov", "example.test", text)
    nameless.write_text(bare.replace("California Northern District (San Francisco)", ""), "utf-8")
    assert_refused(store, nameless, None, "court", "does not name its court; give the court id")
    assert import_pacer(store, nameless, "cand").warnings == [
        "the page does not name its court; imported as cand, the court given"
    ]


def test_a_bankruptcy_courts_header_names_the_bankruptcy_court() -> None:
    header = (
        "<h3 align=center>U.S. Bankruptcy Court<BR>\nNorthern District of Alabama (Decatur)"
        "<BR>\nBankruptcy Petition #: 17-80033-CRJ7</h3>"
    )
    assert detect_courts(header) == {"alnb"}
    assert detect_courts(header.replace("Bankruptcy", "District")) == {"alnd"}
