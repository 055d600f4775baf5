"""Imports open a case only in a registered court: a PACER page or an ECF notice of a court
the registry lacks is refused for a new case, naming the court and the closest ids, and
nothing is written; every court the real samples name is registered."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.pacer import detect_courts, import_notices, import_pacer
from db.pacer.mail import messages_in, read_notice
from db.store import Store
from docket.courts import CourtRegistry
from docket.errors import InputError
from tests.cli.helpers import table_counts
from tests.conftest import NEF_SAMPLES, PACER_SAMPLES

PAGES = sorted(PACER_SAMPLES.rglob("*.html"))
NOTICES = sorted(NEF_SAMPLES.glob("*.eml"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_sample_pages_court_is_registered(path: Path) -> None:
    named = detect_courts(path.read_text("utf-8", errors="replace"))
    assert named and all(CourtRegistry().get(court) is not None for court in named)


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_every_sample_notices_court_is_registered(path: Path) -> None:
    found, _many = messages_in(path)
    assert CourtRegistry().get(read_notice(found[0]).court) is not None


def _renamed(source: Path, old: str, new: str, target: Path) -> Path:
    """A real sample as if another court had sent it (its court id replaced throughout)."""
    target.write_bytes(source.read_bytes().replace(old.encode(), new.encode()))
    return target


def test_a_page_of_an_unknown_court_opens_no_case(store: Store, tmp_path: Path) -> None:
    page = _renamed(PACER_SAMPLES / "nysd.html", "nysd", "nyxd", tmp_path / "nyxd.html")
    # Its links now name nyxd (its header still reads Southern District of New York).
    assert "nyxd" in detect_courts(page.read_text("utf-8", errors="replace"))
    before = table_counts(store)
    with pytest.raises(InputError) as refused:
        import_pacer(store, page, "nyxd")
    assert refused.value.field == "court"
    assert "'nyxd' is not a registered court" in refused.value.problem
    assert "nysd" in refused.value.problem  # among the closest ids
    assert table_counts(store) == before


def test_a_case_already_in_an_unknown_court_is_still_refreshed(
    store: Store, tmp_path: Path
) -> None:
    page = _renamed(PACER_SAMPLES / "nysd.html", "nysd", "nyxd", tmp_path / "nyxd.html")
    number = import_pacer(store, PACER_SAMPLES / "nysd.html").case_number
    # The same docket, entered before under a court the registry lacks.
    store.conn.execute("UPDATE cases SET court = 'nyxd'")
    report = import_pacer(store, page, "nyxd")
    assert not report.case_created
    assert store.find_case(number, "nyxd").court == "nyxd"


def test_a_notice_of_an_unknown_court_is_refused_alone_or_skipped_in_a_folder(
    store: Store, tmp_path: Path
) -> None:
    notice = _renamed(NEF_SAMPLES / "njd_1.eml", "njd", "njx", tmp_path / "njx_1.eml")
    before = table_counts(store)
    with pytest.raises(InputError) as refused:
        import_notices(store, [notice])
    assert "'njx' is not a registered court" in str(refused.value)
    assert table_counts(store) == before
    folder = tmp_path / "mail"
    folder.mkdir()
    notice.rename(folder / "njx_1.eml")
    (folder / "nysd_1.eml").write_bytes((NEF_SAMPLES / "nysd_1.eml").read_bytes())
    report = import_notices(store, [folder])
    assert [s.message for s in report.skipped] == ["njx_1.eml"]
    assert "'njx' is not a registered court" in report.skipped[0].reason
    assert [case.split()[0] for case in report.cases] == ["nysd"]
    assert store.count_cases() == 1
