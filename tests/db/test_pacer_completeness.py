"""A saved docket report is whole or cut off, judged by what a report is: header and
parties, the entries table (or PACER's line that none match), then the transaction receipt.
Every sample is cut at many points: a cut that loses any of the docket is refused, and every
way a browser ends a whole page is accepted."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from db.pacer import import_pacer, parse_docket_page
from db.pacer.page import docket_cut_off
from db.store import Store
from docket.errors import InputError
from tests.conftest import PACER_SAMPLES

#: Every docket report sample, district, bankruptcy and court of appeals (nysd_3 is a page
#: that is not a docket at all).
PAGES = sorted(p for p in PACER_SAMPLES.glob("**/*.html") if p.stem != "nysd_3")
CUTS = 120


def text_of(path: Path) -> str:
    return path.read_text("utf-8", errors="replace")


def landmarks(path: Path, text: str) -> tuple[int, int, int]:
    """(end of the docket's content, start of the receipt, end of the receipt).

    The docket's content ends with the table that holds the last entry juriscraper reads
    (its date cell is found from the expected parse), or, for a report that lists none, with
    PACER's line saying so.
    """
    receipt = re.search(r"PACER\s+Service\s+Center", text, re.IGNORECASE)
    assert receipt is not None
    entries = json.loads(path.with_suffix(".json").read_text("utf-8"))["docket_entries"]
    if entries:
        filed = date.fromisoformat(entries[-1]["date_filed"]).strftime("%m/%d/%Y")
        last_row = [m.end() for m in re.finditer(rf">\s*{filed}\s*<", text[: receipt.start()])][-1]
        closing = text.lower().find("</table>", last_row)
        assert "<table" not in text[last_row:closing].lower()
        content_end = closing + len("</table>")
    else:
        none_match = re.search(r"none satisfy the selection criteria", text)
        assert none_match is not None
        content_end = none_match.end()
    receipt_end = text.lower().find("</table>", receipt.end()) + len("</table>")
    return content_end, text.lower().rfind("<table", 0, receipt.start()), receipt_end


def cut_points(path: Path, text: str) -> list[int]:
    content_end, receipt_start, receipt_end = landmarks(path, text)
    even = [len(text) * i // CUTS for i in range(1, CUTS)]
    near = [
        point + delta
        for point in (content_end, receipt_start, receipt_end)
        for delta in (-40, -9, -8, -1)
    ]
    return sorted(set(even + near))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_cut_that_loses_part_of_the_docket_is_refused(path: Path) -> None:
    text = text_of(path)
    content_end, receipt_start, receipt_end = landmarks(path, text)
    refused = 0
    for cut in cut_points(path, text):
        page = text[:cut]
        if cut < content_end or receipt_start < cut < receipt_end:
            assert docket_cut_off(page) is not None, f"cut at {cut} of {len(text)}"
            refused += 1
        else:
            # Between the entries and the receipt nothing of the docket is lost: a page cut
            # there imports, unless it stops inside a tag or a table (the View button's).
            assert docket_cut_off(page) in (
                None,
                "inside an HTML tag",
                "inside a table after its docket entries",
            ), f"cut at {cut} of {len(text)}"
    assert refused >= CUTS * 3 // 4


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_way_a_whole_page_ends_is_accepted(path: Path) -> None:
    text = text_of(path)
    content_end, receipt_start, receipt_end = landmarks(path, text)
    body_end = text.lower().rfind("</body>")
    endings = {
        "as served": text,
        "at </body>": text[: body_end + len("</body>")],
        "at the receipt": text[:receipt_end],
        "at the receipt and its centering": text[:receipt_end] + "</CENTER>\n",
        "before </body>": text[:body_end],
        "without the receipt": text[:content_end],
        "without the receipt, closed": text[:content_end] + "\n</body></html>\n",
    }
    for how, page in endings.items():
        assert docket_cut_off(page) is None, how


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_what_is_accepted_short_of_the_receipt_holds_the_whole_docket(path: Path) -> None:
    """The earliest cut accepted (the end of the entries) reads exactly as the whole page."""
    text = text_of(path)
    content_end, _start, _end = landmarks(path, text)
    court = path.stem.split("_")[0]
    whole = parse_docket_page(text, court)
    short = parse_docket_page(text[:content_end], court)
    assert short["docket_entries"] == whole["docket_entries"]
    assert short["parties"] == whole["parties"]
    assert short["docket_number"] == whole["docket_number"]


def test_a_cut_page_is_refused_saying_where_and_writes_nothing(
    store: Store, tmp_path: Path
) -> None:
    path = PACER_SAMPLES / "njd_509180.html"
    text = text_of(path)
    content_end, receipt_start, receipt_end = landmarks(path, text)
    for near, where in (
        (3000, "before its docket entries"),
        (content_end - 200, "inside its docket entries"),
        (receipt_end - 20, "inside the PACER transaction receipt"),
        (receipt_end - 3, "inside an HTML tag"),
    ):
        cut = near if where.endswith("tag") else text.rfind(">", 0, near) + 1
        cut_page = tmp_path / "cut.html"
        cut_page.write_text(text[:cut], "utf-8")
        with pytest.raises(InputError) as caught:
            import_pacer(store, cut_page, "njd")
        assert caught.value.field == "path"
        assert f"cut.html ends {where}; it looks cut off" in str(caught.value)
    assert store.count_cases() == 0


def test_a_page_saved_without_its_receipt_imports(store: Store, tmp_path: Path) -> None:
    sample = PACER_SAMPLES / "utd.html"
    text = text_of(sample)
    content_end, _start, _end = landmarks(sample, text)
    path = tmp_path / "utd.html"
    path.write_text(text[:content_end], "utf-8")
    report = import_pacer(store, path, "utd")
    assert report.case_created and report.entries_added > 100
