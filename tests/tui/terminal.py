"""A real terminal around the real program: tmux runs `docket` on a database, keys go in the
way a keyboard's do (one `send-keys` is one burst, every key in the pty at once), and the
screen is read back as text. The end-to-end type-ahead test and bench/bench_typeahead.py
share it, and the flows below.

Each tmux here runs on a server of its own (`-L`), with no configuration but its own, and is
killed with it; nothing touches the tmux of whoever runs the tests.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import count
from pathlib import Path
from types import TracebackType

from db.store import Store
from docket.clock import Clock

#: What the app shows once it is up, and again once a flow has gone back to the list.
CASES_TITLE = "Cases ·"
TODAY = date(2026, 11, 25)
NUMBER = "1:26-cv-00042"
_servers = count()


class Terminal:
    """One tmux session, `size` columns by rows, running `command` with `env` added."""

    def __init__(
        self,
        command: list[str],
        env: dict[str, str],
        size: tuple[int, int] = (120, 36),
        cwd: Path | None = None,
    ) -> None:
        self.command = command
        self.env = env
        self.size = size
        self.cwd = cwd
        self.server = f"docket-{os.getpid()}-{next(_servers)}"
        self._folder = tempfile.TemporaryDirectory(prefix="docket-tmux-")

    def __enter__(self) -> Terminal:
        conf = Path(self._folder.name) / "tmux.conf"
        # Keep the pane when the program exits (to read a traceback); no wait after ESC.
        conf.write_text("set -g remain-on-exit on\nset -g escape-time 0\n", encoding="utf-8")
        line = " ".join(
            ["env", *(shlex.quote(f"{k}={v}") for k, v in self.env.items())]
            + [shlex.quote(part) for part in self.command]
        )
        width, height = self.size
        self._tmux(
            "-f", str(conf), "new-session", "-d", "-s", "docket", "-x", str(width), "-y",
            str(height), "-c", str(self.cwd or self._folder.name), line,
        )  # fmt: skip
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True)
        self._folder.cleanup()

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.server, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "docket")

    def exited(self) -> bool:
        return self._tmux("display-message", "-p", "-t", "docket", "#{pane_dead}").strip() == "1"

    def send(self, *keys: str, pace: float = 0.0) -> None:
        """tmux key names (`Enter`, `Tab`, `C-s`, `Escape`, `F2`) or text; with no `pace`,
        in one `send-keys`, all at once; else `pace` seconds apart."""
        if not pace:
            self._tmux("send-keys", "-t", "docket", *keys)
            return
        for key in keys:
            for one in [key] if _is_key_name(key) else list(key):
                self._tmux("send-keys", "-t", "docket", *(["-l", one] if one == ";" else [one]))
                time.sleep(pace)

    def wait_for(self, text: str, timeout: float = 60.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text in self.screen():
                return True
            if self.exited():
                return False
            time.sleep(0.1)
        return False

    def wait_until_still(self, still: float = 2.0, timeout: float = 90.0) -> str:
        """The screen once it has not changed for `still` seconds (or at `timeout`)."""
        end = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < end:
            time.sleep(0.1)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= still:
                break
        return last

    def quit(self, timeout: float = 30.0) -> None:
        self.send("C-q")
        end = time.monotonic() + timeout
        while time.monotonic() < end and not self.exited():
            time.sleep(0.1)


def _is_key_name(key: str) -> bool:
    return bool(_KEY_NAME.fullmatch(key))


_KEY_NAME = re.compile(r"Enter|Tab|BTab|Escape|Space|Up|Down|[CM]-.|F\d{1,2}")
#: What a form, a question or the help draws over the Cases list: its box's corner.
DIALOG = "╭"


# ------------------------------------------------------------------------------ the flows


@dataclass(frozen=True)
class Flow:
    """Keys sent from the Cases list, and what they save, as text to compare: one line
    per record, in the order typed."""

    name: str
    keys: tuple[str, ...]
    expected: tuple[str, ...]
    saved: Callable[[Store, int], list[str]]


def _filings(store: Store, case_id: int) -> list[str]:
    return [f"{f.entry_no} {f.doc_type.value} {f.title}" for f in store.filings(case_id)]


def _deadlines(store: Store, case_id: int) -> list[str]:
    return [f"{d.due_on.isoformat()} {d.title}" for d in store.deadlines(case_id)]


def _notes(store: Store, case_id: int) -> list[str]:
    return [f"{n.text} / {n.source}" for n in store.notes(case_id)]


#: The issue's four flows, each ending back on the Cases list.
FLOWS = (
    Flow(
        "a filing",
        ("Enter", "f", "Tab", "motion", "Tab", "Motion to dismiss", "C-s", "Escape"),
        ("1 motion Motion to dismiss",),
        _filings,
    ),
    Flow(
        "two filings with ctrl+n",
        (
            "Enter",
            "f",
            "Tab",
            "motion",
            "Tab",
            "Motion to dismiss",
            "C-n",
            "Brief in support",
            "C-s",
            "Escape",
        ),
        ("1 motion Motion to dismiss", "2 motion Brief in support"),
        _filings,
    ),
    Flow(
        "a deadline",
        ("Enter", "d", "2026-12-15", "Tab", "Reply brief due", "C-s", "Escape"),
        ("2026-12-15 Reply brief due",),
        _deadlines,
    ),
    Flow(
        "a note",
        ("Enter", "u", "Clerk says the order is coming", "Tab", "phone call", "C-s", "Escape"),
        ("Clerk says the order is coming / phone call",),
        _notes,
    ),
)


@dataclass
class Outcome:
    flow: Flow
    saved: list[str]
    back_on_cases: bool
    screen: str

    @property
    def right(self) -> bool:
        return tuple(self.saved) == self.flow.expected and self.back_on_cases

    @property
    def keys_astray(self) -> int:
        """Characters saved wrong or not at all (edit distance from what was typed), plus
        one for a flow that did not end back on the Cases list."""
        typed, got = "\n".join(self.flow.expected), "\n".join(self.saved)
        return _distance(typed, got) + (0 if self.back_on_cases else 1)


def new_database(path: Path) -> int:
    """One civil matter, nothing on it yet; its id."""
    from docket.models import Case, CaseKind

    with Store.open(path, clock=Clock(TODAY), user="tester") as store:
        case = store.add_case(
            Case(number=NUMBER, title="Smith v. Jones", kind=CaseKind.CIVIL, opened_on=TODAY)
        )
    assert case.id is not None
    return case.id


def run_flow(
    flow: Flow,
    command: list[str],
    folder: Path,
    *,
    pace: float = 0.0,
    env: dict[str, str] | None = None,
) -> Outcome:
    """`flow` typed into `command --db DB` (a fresh database in `folder`) once the Cases list
    shows: its keys in one burst, or `pace` seconds apart."""
    db = folder / f"{flow.name.replace(' ', '-').replace('+', '')}-{pace}.db"
    case_id = new_database(db)
    extra = {
        "DOCKET_TODAY": TODAY.isoformat(),
        "DOCKET_USER": "tester",
        "DOCKET_KEYMAP": str(folder / "no-keymap.toml"),
        **(env or {}),
    }
    # Started in `folder`, so that no source tree in the working directory is imported.
    with Terminal([*command, "--db", str(db)], extra, cwd=folder) as terminal:
        if not terminal.wait_for(CASES_TITLE):
            raise RuntimeError(f"docket did not start:\n{terminal.screen()}")
        terminal.send(*flow.keys, pace=pace)
        screen = terminal.wait_until_still()
        top = screen.splitlines()[0] if screen else ""
        back = CASES_TITLE in top and DIALOG not in screen
        terminal.quit()
    with Store.open(db, clock=Clock(TODAY), user="tester") as store:
        saved = flow.saved(store, case_id)
    return Outcome(flow, saved, back, screen)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions from `a` to `b`."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]
