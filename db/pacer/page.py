"""A saved PACER docket report page: read and checked before anything is written.

A page is refused with an `InputError` naming `path` or `court` when it is missing, empty,
binary, cut off, not a docket report, or a docket of another court than the one given. The
courts a page names come from its CM/ECF links and its header's district line (a court of
appeals page: its `Court of Appeals for the ... Circuit` header and its links); juriscraper
reads the rest (imported only here, and only when a page is read): district and bankruptcy
pages with its `DocketReport`, courts of appeals' pages with its `AppellateDocketReport`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docket.errors import InputError

_STATES = {
    "alabama": "al",
    "alaska": "ak",
    "arizona": "az",
    "arkansas": "ar",
    "california": "ca",
    "colorado": "co",
    "connecticut": "ct",
    "delaware": "de",
    "district of columbia": "dc",
    "columbia": "dc",
    "florida": "fl",
    "georgia": "ga",
    "hawaii": "hi",
    "idaho": "id",
    "illinois": "il",
    "indiana": "in",
    "iowa": "ia",
    "kansas": "ks",
    "kentucky": "ky",
    "louisiana": "la",
    "maine": "me",
    "maryland": "md",
    "massachusetts": "ma",
    "michigan": "mi",
    "minnesota": "mn",
    "mississippi": "ms",
    "missouri": "mo",
    "montana": "mt",
    "nebraska": "ne",
    "nevada": "nv",
    "new hampshire": "nh",
    "new jersey": "nj",
    "new mexico": "nm",
    "new york": "ny",
    "north carolina": "nc",
    "north dakota": "nd",
    "ohio": "oh",
    "oklahoma": "ok",
    "oregon": "or",
    "pennsylvania": "pa",
    "rhode island": "ri",
    "south carolina": "sc",
    "south dakota": "sd",
    "tennessee": "tn",
    "texas": "tx",
    "utah": "ut",
    "vermont": "vt",
    "virginia": "va",
    "washington": "wa",
    "west virginia": "wv",
    "wisconsin": "wi",
    "wyoming": "wy",
    "puerto rico": "pr",
    "guam": "gu",
    "virgin islands": "vi",
    "northern mariana islands": "nmi",
}
_DIRECTIONS = {
    "northern": "n",
    "southern": "s",
    "eastern": "e",
    "western": "w",
    "central": "c",
    "middle": "m",
}


def _court_from_district(line: str, kind: str = "d") -> str | None:
    """`Western District of North Carolina (Asheville)` -> `ncwd` (`ncwb` for its bankruptcy
    court, `kind="b"`); None when unsure."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", line).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    direction = next((code for word, code in _DIRECTIONS.items() if word in text.split()), "")
    # Longest state names first, so that `west virginia` is not read as `virginia`.
    for state in sorted(_STATES, key=len, reverse=True):
        if re.search(rf"\b{state}\b", text):
            return f"{_STATES[state]}{direction}{kind}"
    return None


_CIRCUITS = {
    "first": "ca1",
    "second": "ca2",
    "third": "ca3",
    "fourth": "ca4",
    "fifth": "ca5",
    "sixth": "ca6",
    "seventh": "ca7",
    "eighth": "ca8",
    "ninth": "ca9",
    "tenth": "ca10",
    "eleventh": "ca11",
    "district of columbia": "cadc",
    "federal": "cafc",
}
_APPELLATE_COURT = re.compile(r"^(?:ca\d{1,2}|cadc|cafc)$")
#: What only a court of appeals' docket shows: its case stub and its CM/ECF address.
_APPELLATE_PAGE = re.compile(r"court\s+of\s+appeals\s+docket\s+#|/n/beam/")
_APPELLATE_HEADER = re.compile(
    r"united\s+states\s+court\s+of\s+appeals\s+for\s+(?:the\s+)?([a-z ]+?)\s+circuit"
)
_APPELLATE_LINK = re.compile(r"(?:ecf|www)\.(ca\d{1,2}|cadc|cafc)\.uscourts\.gov")
#: A bankruptcy court's header outside an `<h3>` (`U.S. Bankruptcy Court<BR>Middle District
#: of Alabama (Montgomery)`).
_BANKRUPTCY_HEADER = re.compile(
    r"u\.s\.\s+bankruptcy\s+court\s*<br\s*/?>\s*([^<]*\bdistrict\b[^<]*)", re.IGNORECASE
)


def is_appellate_court(court_id: str) -> bool:
    """A court of appeals' id (`ca9`, `cadc`, `cafc`), whose dockets read differently."""
    return bool(_APPELLATE_COURT.match(court_id))


def _appellate_courts(lowered: str) -> set[str]:
    """The courts of appeals a court of appeals' docket names: its header and its links.

    Its entries and originating-court lines link the district court too (`ecf.hid`), which
    is not the court of the docket.
    """
    found = set(_APPELLATE_LINK.findall(lowered))
    for name in _APPELLATE_HEADER.findall(lowered):
        court = _CIRCUITS.get(" ".join(name.split()))
        if court:
            found.add(court)
    return found


def detect_courts(html_text: str) -> set[str]:
    """Court ids the page names: its CM/ECF links, its title and its header's district line."""
    # Searched in lower case: a case-blind search of a large page costs ten times more.
    lowered = html_text.lower()
    if _APPELLATE_PAGE.search(lowered):
        return _appellate_courts(lowered)
    found = set(re.findall(r"ecf\.([a-z]{2,6})\.uscourts\.gov", lowered))
    for line in _BANKRUPTCY_HEADER.findall(html_text):
        court = _court_from_district(line, "b")
        if court:
            found.add(court)
    found |= set(re.findall(r"district court:\s*([a-z]{2,6})\b", lowered))
    header = re.search(r"<h3[^>]*>(.*?)</h3>", html_text, re.IGNORECASE | re.DOTALL)
    if header:
        lines = [
            re.sub(r"<[^>]+>", "", part).strip()
            for part in re.split(r"<br\s*/?>", header.group(1), flags=re.IGNORECASE)
        ]
        kind = "b" if "bankruptcy" in header.group(1).casefold() else "d"
        for line in lines:
            if "district" in line.casefold() and "district court" not in line.casefold():
                court = _court_from_district(line, kind)
                if court:
                    found.add(court)
    return {court.lower() for court in found}


@dataclass(frozen=True)
class DocketPage:
    """A page that passed every check: juriscraper's reading and the courts the page names."""

    data: dict[str, Any]
    """juriscraper's `DocketReport.data` (`AppellateDocketReport.data` for a court of
    appeals), with a non-blank `docket_number`."""
    courts: set[str]
    """Court ids the page names; empty when it names none."""
    court: str
    """The court the docket is imported as: the one given, or the one the page names."""


def read_docket_page(path: Path, court: str | None = None) -> DocketPage:
    """The docket on a saved page, for a court id already in PACER's form (`nmd`, `ca9`), or
    for the court the page names (its CM/ECF links and its header) when none is given.

    Raises InputError naming `path` or `court` when the page cannot be used.
    """
    html_text = read_page(path)
    named = detect_courts(html_text)
    if court is None:
        if len(named) != 1:
            which = f"names {', '.join(sorted(named))}" if named else "does not name its court"
            raise InputError(
                "court", f"{path.name} {which}; give the court id", min(named, default="nysd")
            )
        court = next(iter(named))
    if named and court not in named:
        raise InputError(
            "court",
            f"{path.name} is a docket of {', '.join(sorted(named))}, not {court}",
            sorted(named)[0],
        )
    try:
        data = parse_docket_page(html_text, court)
    except Exception as error:  # juriscraper raises many kinds on malformed pages
        raise InputError(
            "path",
            f"{path.name} could not be read as a PACER docket report ({type(error).__name__})",
            "the Docket Report page saved from PACER as .html",
        ) from None
    if not data or not str(data.get("docket_number") or "").strip():
        raise InputError(
            "path",
            f"{path.name} is not a PACER docket report (no case number found on the page)",
            "the Docket Report page (Reports > Docket Report) saved as .html",
        )
    return DocketPage(data=data, courts=named, court=court)


def read_page(path: Path) -> str:
    """The page's text, once it is known to be a whole web page."""
    if not path.exists():
        raise InputError("path", f"{path} does not exist", "~/Downloads/docket.html")
    if path.is_dir():
        raise InputError("path", f"{path} is a folder, not a saved docket page", "docket.html")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError("path", f"cannot read {path} ({error.strerror})") from None
    if not raw.strip():
        raise InputError(
            "path", f"{path.name} is empty", "save the docket report page from PACER as HTML"
        )
    if b"\x00" in raw[:8192]:
        raise InputError(
            "path",
            f"{path.name} is not a web page (binary data)",
            "the docket report saved from PACER as .html",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if "<html" not in text[:4096].casefold() and "<table" not in text.casefold():
        raise InputError(
            "path", f"{path.name} is not a web page", "the docket report saved from PACER as .html"
        )
    problem = docket_cut_off(text)
    if problem:
        raise InputError(
            "path",
            f"{path.name} ends {problem}; it looks cut off",
            "save the docket report from PACER again",
        )
    return text


#: The header row of the entries table: district (`Date Filed | # | Docket Text`), bankruptcy
#: (`Filing Date | # | Docket Text`) and some courts' `Date Entered` column.
_ENTRIES_HEADER = re.compile(
    r"(?:date\s+filed|filing\s+date|date\s+entered)(?:(?!</table).){0,600}?docket\s+text",
    re.IGNORECASE | re.DOTALL,
)
#: What PACER prints instead of the table when the report lists no entries.
_NO_ENTRIES = re.compile(
    r"none\s+satisfy\s+the\s+selection\s+criteria|no\s+(?:docket\s+)?entries|"
    r"no\s+proceedings",
    re.IGNORECASE,
)
#: Where a court of appeals' report starts its entries: the comment that opens the section.
_APPELLATE_ENTRIES = re.compile(r"new\s+section\s*-\s*docket\s+entries", re.IGNORECASE)
#: A court of appeals' entry row: its first cell is the day it was filed.
_DATED_ROW = re.compile(r"<tr[^>]*>\s*<td[^>]*>\s*\d{2}/\d{2}/\d{4}\s*</td>", re.IGNORECASE)
_RECEIPT = re.compile(r"PACER\s+Service\s+Center", re.IGNORECASE)
_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)
_PAGE_END = re.compile(r"</(?:html|body)\s*>(?:\s|<[^>]*>)*\Z", re.IGNORECASE)


def docket_cut_off(text: str) -> str | None:
    """Where a saved docket report stops short, or None when it is whole.

    A report is its header and parties, then the entries table (or PACER's line saying no
    entry matches), then the transaction receipt. A page is whole when it ends as a page does
    (`</body>` or `</html>`, then nothing but tags), or when every table it opens from the
    entries on is closed: browsers save pages that end at the receipt, and a page saved
    without its receipt still holds the whole docket.
    """
    tail = text[-4096:]
    if _PAGE_END.search(tail):
        return None
    if tail.rfind("<") > tail.rfind(">"):
        return "inside an HTML tag"
    receipt = _RECEIPT.search(text)
    if receipt is not None:
        closing = _TABLE_TAG.search(text, receipt.end())
        if closing is None or not closing.group(1):
            return "inside the PACER transaction receipt"
        return None
    header = _ENTRIES_HEADER.search(text)
    section = _APPELLATE_ENTRIES.search(text)
    first_row = _DATED_ROW.search(text, section.end()) if section is not None else None
    if first_row is not None:
        # A court of appeals' entries table has no header row: its first entry opens it.
        start, depth = first_row.end(), 1
    elif header is not None:
        start, depth = header.end(), 1
    else:
        none_listed = _NO_ENTRIES.search(text)
        if none_listed is None:
            return "before its docket entries"
        start, depth = none_listed.end(), 0
    closed = depth == 0
    for tag in _TABLE_TAG.finditer(text, start):
        depth += -1 if tag.group(1) else 1
        closed = closed or depth == 0
    if not closed:
        return "inside its docket entries"
    if depth > 0:
        return "inside a table after its docket entries"
    return None


def parse_docket_page(html_text: str, court_id: str) -> dict[str, Any]:
    """juriscraper's reading of the page: its `DocketReport.data`, or its
    `AppellateDocketReport.data` for a court of appeals."""
    # juriscraper logs to /var/log/juriscraper unless told otherwise, and says so on stderr.
    os.environ.setdefault("JURISCRAPER_LOG", os.devnull)
    from juriscraper.pacer import AppellateDocketReport, DocketReport

    report: AppellateDocketReport | DocketReport
    if is_appellate_court(court_id):
        report = AppellateDocketReport(court_id)
    else:
        report = DocketReport(court_id)
    report._parse_text(html_text)
    data: dict[str, Any] = report.data
    return data
