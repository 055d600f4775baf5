"""Errors a paralegal can read.

An error names what is wrong by the model's field (`number`, `court`, `changed_on`), never by
the way a front end asks for it: the CLI turns a field into its flag (`--on`), a form into the
field it marks. `str(error)` reads on its own, as `field: what is wrong (for example: value)`.
Nothing else should reach the user.
"""

from __future__ import annotations


class DocketError(Exception):
    """Base of every error that is meant to be shown to the user.

    `field` is the model field (or action argument) at fault, when there is one; `example` is
    a value that would be accepted, as a person would type it into that field.
    """

    def __init__(
        self, problem: str, *, field: str | None = None, example: str | None = None
    ) -> None:
        self.field = field
        self.problem = problem
        self.example = example
        text = f"{field}: {problem}" if field else problem
        if example:
            text += f" (for example: {example})"
        super().__init__(text)
        self.message = text

    def __str__(self) -> str:
        return self.message


class InputError(DocketError):
    """Typed input that cannot be accepted: names the field, the problem and an example."""

    field: str

    def __init__(self, field: str, problem: str, example: str | None = None) -> None:
        super().__init__(problem, field=field, example=example)


class NotFound(DocketError):
    """A case, entry, deadline or other record that the user named does not exist."""


class Refused(DocketError):
    """A well-formed request that the rules do not allow (a lifecycle transition, a re-void)."""


class StaleRecord(DocketError):
    """The record changed since it was read (optimistic locking): reload and try again.

    `changed` names the fields someone else changed since then, so a form can say what moved
    under the paralegal's typing instead of only that something did.
    """

    def __init__(
        self,
        problem: str,
        *,
        changed: tuple[str, ...] = (),
        field: str | None = None,
        example: str | None = None,
    ) -> None:
        super().__init__(problem, field=field, example=example)
        self.changed = changed


class Unconfirmed(DocketError):
    """A date that is possible but hardly right, not saved until the person confirms it
    (`docket.doubts` says which; the CLI's `--yes` confirms)."""
