"""Lifecycles: which stages a matter of each kind passes through, as data.

The stages and moves live in `lifecycles.toml` so that a firm can read (and one day adjust)
them without reading code. `check_move` is the only gate a stage change passes through, in the
CLI, the TUI and imports alike.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
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

    def check_move(self, current: str, target: str, disposition: str | None) -> None:
        """Refuse a move the lifecycle does not allow, naming the ones it does."""
        if target not in self.stages:
            raise Refused(
                f"{target!r} is not a stage of a {self.kind.value} matter "
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


@cache
def lifecycles() -> dict[CaseKind, Lifecycle]:
    raw = tomllib.loads(resources.files("docket").joinpath("lifecycles.toml").read_text("utf-8"))
    result: dict[CaseKind, Lifecycle] = {}
    for kind in CaseKind:
        spec = raw[kind.value]
        stages = tuple(spec["stages"])
        moves = {stage: tuple(targets) for stage, targets in spec.get("moves", {}).items()}
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
        )
    return result


def lifecycle_for(kind: CaseKind | str) -> Lifecycle:
    return lifecycles()[CaseKind(kind)]


def terminal_stages() -> dict[str, frozenset[str]]:
    """Terminal stages by kind value, for the store's `resolved` flag."""
    return {kind.value: cycle.terminal for kind, cycle in lifecycles().items()}
