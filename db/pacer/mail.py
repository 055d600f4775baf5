"""ECF notice emails as a mail client saves them: one message, an mbox file or a maildir folder.

A Notice of Electronic Filing (NEF) is read by juriscraper's notification-email parser, given
the raw message exactly as its own tests give it; this module only finds the messages, names
each one for the report, works out which court sent it (the parser must be told, and a
bankruptcy court's notices read differently) and decides whether the parse is an NEF at all.
juriscraper is imported only when a message is parsed.
"""

from __future__ import annotations

import email
import email.message
import mailbox
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docket.errors import InputError

#: Words every ECF notice carries (district and bankruptcy NEFs; appellate notices of docket
#: activity). A message without them is not parsed at all.
_NOTICE_WORDS = re.compile(
    r"Notice\s+of\s+Electronic\s+Filing|Notice\s+of\s+Docket\s+Activity|CM/ECF", re.IGNORECASE
)
_ECF_HOST = re.compile(r"ecf\.([a-z]{2,6})\.uscourts\.gov", re.IGNORECASE)
_COURT_ADDRESS = re.compile(r"@([a-z]{2,6})\.uscourts\.gov", re.IGNORECASE)
_COURT_RELAY = re.compile(r"\b([a-z]{2,6})db\.\1\.gtwy\.dcn\b", re.IGNORECASE)
#: The header lines that name the sending court, most direct first.
_COURT_HEADERS = ("From", "Sender", "Return-Path", "X-Authentication-Warning", "Received")


@dataclass(frozen=True)
class RawMessage:
    """One saved message and the name the report gives it."""

    name: str
    """The file name, or `mbox-file #3` for the third message of an mbox, or the maildir key."""
    raw: bytes


@dataclass(frozen=True)
class Notice:
    """A message that is an NEF: juriscraper's reading and the court that sent it."""

    name: str
    court: str
    data: dict[str, Any]
    """`NotificationEmail.data`: `dockets`, each with its `docket_entries`."""


class NotANotice(Exception):
    """A message that is not an ECF notice; the text says why, for the report."""


def is_mail_folder(path: Path) -> bool:
    """A maildir (its `cur` and `new` folders), as opposed to a plain folder of .eml files."""
    return (path / "cur").is_dir() and (path / "new").is_dir()


#: An mbox separator: `From sender date` (Thunderbird writes `From - date`), ending in the year.
_SEPARATOR = re.compile(rb"^From \S+ .*\d{4}\s*$")


def _is_mbox(path: Path, head: bytes) -> bool:
    """An mbox file: named so, or a file of several messages each opened by a `From ` line
    after a blank line.

    A single message saved with its envelope line (`From sender date`) starts the same way,
    so it takes a second separator to tell an mbox apart.
    """
    if path.suffix.casefold() == ".mbox" or path.name == "mbox":
        return True
    if not head.startswith(b"From "):
        return False
    with path.open("rb") as handle:
        handle.readline()
        blank = False
        for line in handle:
            if blank and _SEPARATOR.match(line):
                return True
            blank = not line.strip()
    return False


def messages_in(path: Path) -> tuple[list[RawMessage], bool]:
    """The messages a path holds, and whether it holds several (a folder or an mbox), in
    which case a message that is not an NEF is skipped rather than refusing the whole path.

    Raises InputError naming `path` when there is nothing there to read.
    """
    if not path.exists():
        raise InputError("path", f"{path} does not exist", "~/Mail/notice.eml")
    if path.is_dir():
        if (path / "mbox").is_file():  # Apple Mail's export: `NEF.mbox/mbox`
            return messages_in(path / "mbox")
        if is_mail_folder(path):
            box = mailbox.Maildir(path, factory=None, create=False)
            return [
                RawMessage(f"{path.name}/{key}", box.get_bytes(key))
                for key in sorted(box.iterkeys())
            ], True
        files = sorted(p for p in path.iterdir() if p.suffix.casefold() == ".eml" and p.is_file())
        if not files:
            raise InputError(
                "path", f"{path} holds no .eml files and is not a maildir", "~/Mail/notices/"
            )
        return [RawMessage(p.name, p.read_bytes()) for p in files], True
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError("path", f"cannot read {path} ({error.strerror})") from None
    if not raw.strip():
        raise InputError("path", f"{path.name} is empty", "a notice saved as .eml")
    if _is_mbox(path, raw[:5]):
        mbox = mailbox.mbox(path, factory=None, create=False)
        found = [
            RawMessage(f"{path.name} #{number}", mbox.get_bytes(key))
            for number, key in enumerate(mbox.keys(), start=1)
        ]
        return found, True
    return [RawMessage(path.name, raw)], False


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("iso-8859-1")


def _decoded_parts(message: email.message.Message) -> Iterator[str]:
    for part in message.walk():
        if part.get_content_maintype() != "text":
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            yield _text(payload)


def sending_court(message: email.message.Message, texts: list[str]) -> str | None:
    """The court id the notice comes from: the CM/ECF host its document links point at, else
    the court address or relay in its headers (a forwarded notice keeps the links)."""
    hosts: Counter[str] = Counter()
    for text in texts:
        hosts.update(host.lower() for host in _ECF_HOST.findall(text))
    if hosts:
        return hosts.most_common(1)[0][0]
    for header in _COURT_HEADERS:
        for value in message.get_all(header) or []:
            found = _COURT_ADDRESS.search(str(value)) or _COURT_RELAY.search(str(value))
            if found:
                return found.group(1).lower()
    return None


def read_notice(message: RawMessage) -> Notice:
    """juriscraper's reading of an NEF; raises NotANotice saying why the message is not one."""
    parsed = email.message_from_bytes(message.raw)
    if not parsed.keys():
        raise NotANotice("not an email message (no headers)")
    texts = list(_decoded_parts(parsed))
    if not any(_NOTICE_WORDS.search(text) for text in texts):
        raise NotANotice("not an ECF notice (no Notice of Electronic Filing in it)")
    court = sending_court(parsed, texts)
    if court is None:
        raise NotANotice("no court named (no CM/ECF link or court address in it)")
    try:
        data = parse_notice(_text(message.raw), court)
    except Exception as error:  # juriscraper raises many kinds on messages it cannot read
        raise NotANotice(f"could not be read as an ECF notice ({type(error).__name__})") from None
    dockets = data.get("dockets") or []
    if not dockets:
        raise NotANotice("not a Notice of Electronic Filing (no case in it)")
    for docket in dockets:
        if not str(docket.get("docket_number") or "").strip():
            raise NotANotice("a case in it has no docket number")
        entries = docket.get("docket_entries") or []
        if not entries or any(entry.get("date_filed") is None for entry in entries):
            raise NotANotice("no dated docket entry in it")
    return Notice(name=message.name, court=court, data=data)


def parse_notice(text: str, court_id: str) -> dict[str, Any]:
    """juriscraper's reading of a raw message, as its own tests read their examples."""
    # juriscraper logs to /var/log/juriscraper unless told otherwise, and says so on stderr.
    os.environ.setdefault("JURISCRAPER_LOG", os.devnull)
    from juriscraper.pacer.email import S3NotificationEmail

    report = S3NotificationEmail(court_id)
    report._parse_text(text)
    data: dict[str, Any] = report.data
    return data
