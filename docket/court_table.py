"""The shipped court registry as plain values: what a court is called, where and under which
rules, read straight from `courts.toml`.

`docket.courts` checks every entry as a model when a court is added or a deadline counted;
a screen that names a case's court, or `case show`, only looks one up, and reading the file
into dictionaries is a fraction of what building the models (and loading pydantic) costs.
The defaults a court takes from its kind and system are filled in here, once, for both.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple


class CourtFacts(NamedTuple):
    """A registered court as `case show` and the screens name it."""

    id: str
    name: str
    system: str
    kind: str
    tz: str
    rules: str | None


def court_entries(text: str) -> list[tuple[str | None, dict[str, Any]]]:
    """Each court of a registry file, as written there with its defaults filled in (from its
    kind and system, and `US-<state>` holidays), beside the system of the list it is in (None
    for the agencies); nothing is checked here."""
    return court_entries_of(tomllib.loads(text))


def court_entries_of(raw: Mapping[str, Any]) -> list[tuple[str | None, dict[str, Any]]]:
    """`court_entries` of a registry already parsed."""
    defaults: Mapping[str, Mapping[str, str]] = raw.get("defaults", {})
    entries: list[tuple[str | None, dict[str, Any]]] = []
    for group, system in (("federal", "federal"), ("state", "state"), ("agency", None)):
        for entry in raw.get(group, []):
            values = dict(entry)
            if system is None:
                values.setdefault("kind", "agency")
            else:
                values.setdefault("system", system)
                values.setdefault("rules", defaults.get(system, {}).get(values.get("kind", "")))
            values.setdefault("holidays", f"US-{values.get('state', '')}")
            entries.append((system, values))
    return entries


@cache
def shipped_text() -> str:
    beside = Path(__file__).with_name("courts.toml")
    if beside.is_file():
        # Read directly: importlib.resources loads tempfile, shutil and lzma to say the same.
        return beside.read_text("utf-8")
    from importlib import resources

    return resources.files("docket").joinpath("courts.toml").read_text("utf-8")


def facts_of(values: Mapping[str, Any]) -> CourtFacts:
    return CourtFacts(
        id=str(values["id"]),
        name=str(values["name"]),
        system=str(values.get("system", "")),
        kind=str(values.get("kind", "")),
        tz=str(values.get("tz", "")),
        rules=values.get("rules"),
    )


@cache
def shipped_facts() -> dict[str, CourtFacts]:
    """The shipped courts by id, read once (the file is checked where models are built)."""
    return {str(values["id"]): facts_of(values) for _, values in court_entries(shipped_text())}


_GROUP = re.compile(r"^(federal|state|agency) = \[", re.MULTILINE)


@cache
def _defaults() -> str:
    text = shipped_text()
    return text[text.index("\n[defaults") :]


@lru_cache(maxsize=1024)
def shipped_court(court_id: str) -> CourtFacts | None:
    """One shipped court, from its own line of the file: the registry writes a court a line
    (`{ id = "nmd", ... }`), so naming one court parses that line and the defaults, not the
    whole file. A file written otherwise is read whole, with the same answer."""
    text = shipped_text()
    at = text.find(f'{{ id = "{court_id}",')
    groups = list(_GROUP.finditer(text, 0, max(at, 0)))
    if at < 0 or not groups:
        return shipped_facts().get(court_id)
    line = text[at : text.index("\n", at)].rstrip().rstrip(",")
    one = tomllib.loads(f"{groups[-1].group(1)} = [{line}]\n{_defaults()}")
    entries = court_entries_of(one)
    if len(entries) != 1 or entries[0][1].get("id") != court_id:
        return shipped_facts().get(court_id)
    return facts_of(entries[0][1])
