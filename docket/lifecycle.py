"""Lifecycles: which stages a matter of each kind passes through, as data.

The stages and moves live in `lifecycles.toml` so that a firm can read (and one day adjust)
them without reading code. `check_move` is the only gate a stage change passes through, in the
CLI, the TUI and imports alike.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from docket.errors import Refused
from docket.models import CaseKind

REOPEN = "reopen"
"""The move that takes a closed matter back to an open stage (it needs a note)."""


@dataclass(frozen=True)
class Lifecycle:
    kind: CaseKind
    stages: tuple[str, ...]
    moves: dict[str, tuple[str, ...]]
    terminal: frozenset[str]
    dispositions: tuple[str, ...]
    reopen_to: str
    renamed: dict[str, str] = field(default_factory=dict)
    """Stage names an older version stored, and the stage that replaced each."""

    @property
    def initial(self) -> str:
        return self.stages[0]

    def is_resolved(self, stage: str) -> bool:
        return stage in self.terminal

    def allowed_from(self, stage: str) -> list[str]:
        """Stages a matter in `stage` may move to, in lifecycle order."""
        if stage in self.terminal:
            return []
        targets = set(self.moves.get(stage, ())) | set(self.terminal)
        return [s for s in self.stages if s in targets]

    def stage_named(self, text: str) -> str:
        """The stage a person meant: `grand-jury`, `Grand Jury` and `grand_jury` are one
        stage; an old name (`open`) is the stage that replaced it. Unknown text is returned
        as typed (lowered) for `check_move` to refuse with the list of stages."""
        key = stage_key(text)
        for stage in self.stages:
            if stage_key(stage) == key:
                return stage
        for old, new in self.renamed.items():
            if stage_key(old) == key:
                return new
        return key

    def check_move(self, current: str, target: str, disposition: str | None) -> None:
        """Refuse a move the lifecycle does not allow, naming the ones it does."""
        if target not in self.stages:
            raise Refused(
                f"{target!r} is not a stage of {self.kind.with_article} matter "
                f"(stages: {', '.join(self.stages)})",
                field="stage",
            )
        if current in self.terminal:
            raise Refused(
                f"the matter is {current}; reopen it first, with a note saying why",
                field="stage",
                example=REOPEN,
            )
        allowed = self.allowed_from(current)
        if target not in allowed:
            raise Refused(
                f"cannot move from {current} to {target}; "
                f"allowed from {current}: {', '.join(allowed)}",
                field="stage",
            )
        if target in self.terminal and not (disposition and disposition.strip()):
            raise Refused(
                "closing needs a disposition, such as "
                + ", ".join(repr(d) for d in self.dispositions[:3]),
                field="disposition",
            )


def stage_key(text: str) -> str:
    """A stage name as compared: lower case, words split by one space."""
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


@cache
def lifecycles() -> dict[CaseKind, Lifecycle]:
    raw = tomllib.loads(resources.files("docket").joinpath("lifecycles.toml").read_text("utf-8"))
    result: dict[CaseKind, Lifecycle] = {}
    for kind in CaseKind:
        spec = raw[kind.value]
        stages = tuple(spec["stages"])
        moves = {stage: tuple(targets) for stage, targets in spec.get("moves", {}).items()}
        for old, new in spec.get("renamed", {}).items():
            if new not in stages:
                raise ValueError(f"lifecycles.toml [{kind.value}]: {old} renamed to unknown {new}")
        for stage, targets in moves.items():
            unknown = [t for t in (stage, *targets) if t not in stages]
            if unknown:
                raise ValueError(f"lifecycles.toml [{kind.value}]: unknown stages {unknown}")
        result[kind] = Lifecycle(
            kind=kind,
            stages=stages,
            moves=moves,
            terminal=frozenset(spec["terminal"]),
            dispositions=tuple(spec["dispositions"]),
            reopen_to=spec["reopen_to"],
            renamed=dict(spec.get("renamed", {})),
        )
    return result


def lifecycle_for(kind: CaseKind | str) -> Lifecycle:
    return lifecycles()[CaseKind(kind)]


def terminal_stages() -> dict[str, frozenset[str]]:
    """Terminal stages by kind value, for the store's `resolved` flag."""
    return {kind.value: cycle.terminal for kind, cycle in lifecycles().items()}
