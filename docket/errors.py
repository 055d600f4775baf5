"""Errors a paralegal can read.

Every entry point (form, CLI flag, import file) turns these into one line that names the field,
says what is wrong and shows an accepted form. Nothing else should reach the user.
"""

from __future__ import annotations


class DocketError(Exception):
    """Base of every error that is meant to be shown to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(DocketError):
    """Typed input that cannot be accepted: names the field, the problem and an example."""

    def __init__(self, field: str, problem: str, example: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.example = example
        text = f"{field}: {problem}"
        if example:
            text += f" (for example: {example})"
        super().__init__(text)


class NotFound(DocketError):
    """A case, entry, deadline or other record that the user named does not exist."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        """The domain field that named the record (`number`, `entry_no`), when there is one."""


class Refused(DocketError):
    """A well-formed request that the rules do not allow (a lifecycle transition, a re-void)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        """The domain field the refusal is about, when there is one."""


class StaleRecord(DocketError):
    """The record changed since it was read (optimistic locking): reload and try again."""
