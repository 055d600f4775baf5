"""PACER import of courts of appeals' and bankruptcy courts' docket reports: the court is
read from the page, the docket imports as juriscraper reads it, once."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from db.pacer import detect_courts, import_pacer
from db.store import Store
from docket.courts import CourtRegistry
from docket.errors import InputError
from docket.models import CaseKind, PartyRole
from tests.conftest import PACER_SAMPLES
from tests.db.builders import count

APPELLATE = sorted((PACER_SAMPLES / "appellate").glob("*.html"))
BANKRUPTCY = sorted((PACER_SAMPLES / "bankruptcy").glob("*.html"))
SAMPLES = APPELLATE + BANKRUPTCY


def court_of(path: Path) -> str:
    return path.stem.split("_")[0]


def expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_suffix(".json").read_text("utf-8"))
    return data


def rows(store: Store) -> dict[str, int]:
    return {
        table: count(store, f"SELECT count(*) FROM {table}")
        for table in ("cases", "filings", "parties", "case_parties", "deadlines")
    }


def test_there_are_samples_of_both_kinds() -> None:
    assert len(APPELLATE) >= 2 and len(BANKRUPTCY) >= 1


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_the_court_is_read_from_the_page(path: Path) -> None:
    assert detect_courts(path.read_text("utf-8")) == {court_of(path)}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_import_matches_the_parse_and_a_second_import_adds_nothing(
    store: Store, path: Path
) -> None:
    data = expected(path)
    report = import_pacer(store, path)

    case = store.get_case(report.case_id or 0)
    assert case.court == court_of(path) == data["court_id"]
    assert CourtRegistry().get(case.court) is not None
    assert case.number == data["docket_number"]
    assert case.title == " ".join(data["case_name"].split())
    appellate = path.parent.name == "appellate"
    assert (case.kind == CaseKind.APPEAL) is appellate
    assert report.entries_added == len(data["docket_entries"])
    links = store.case_parties(case.id or 0)
    parties = [link for link in links if link.role != PartyRole.COUNSEL]
    counsel = [link for link in links if link.role == PartyRole.COUNSEL]
    assert len(parties) == report.parties_added == len(data["parties"])
    attorneys = sum(len(party["attorneys"]) for party in data["parties"])
    assert len(counsel) == report.counsel_added == attorneys
    numbers = [
        row[0]
        for row in store.query_rows(
            "SELECT document_number FROM filings WHERE case_id = ? ORDER BY entry_no",
            (case.id,),
        )
    ]
    assert numbers == [entry["document_number"] for entry in data["docket_entries"]]

    before = rows(store)
    again = import_pacer(store, path)
    assert again.case_id == report.case_id and not again.case_created
    assert again.entries_added == again.entries_updated == 0
    assert again.parties_added == again.counsel_added == 0
    assert rows(store) == before


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_page_cut_in_its_middle_is_refused_and_writes_nothing(
    store: Store, path: Path, tmp_path: Path
) -> None:
    text = path.read_text("utf-8")
    entered = [m.start() for m in re.finditer(r"[\[(]Entered:", text)]
    middle = entered[len(entered) // 2]
    cut = tmp_path / path.name
    cut.write_text(text[: text.rfind(">", 0, middle) + 1], "utf-8")
    with pytest.raises(InputError) as caught:
        import_pacer(store, cut)
    assert caught.value.field == "path"
    assert "looks cut off" in str(caught.value)
    assert rows(store) == dict.fromkeys(rows(store), 0)


def test_a_bankruptcy_page_is_not_taken_for_its_district_court(store: Store) -> None:
    path = PACER_SAMPLES / "bankruptcy" / "almb.html"
    assert import_pacer(store, path).case_id is not None
    with pytest.raises(InputError) as caught:
        import_pacer(store, path, "almd")
    assert caught.value.field == "court"
    assert "is a docket of almb, not almd" in str(caught.value)


def test_an_appellate_page_names_its_circuit_not_the_district_it_links(store: Store) -> None:
    path = PACER_SAMPLES / "appellate" / "ca9_1.html"
    assert "ecf.hid.uscourts.gov" in path.read_text("utf-8")
    report = import_pacer(store, path, "ca9")
    case = store.get_case(report.case_id or 0)
    assert case.court == "ca9" and case.kind == CaseKind.APPEAL
    assert "Appeal from: U.S. District Court for Hawaii, Honolulu" in (case.summary or "")
    with pytest.raises(InputError) as caught:
        import_pacer(store, path, "hid")
    assert caught.value.field == "court"
