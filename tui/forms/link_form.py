"""Link this matter to another: which one, how the two connect, and a word on it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.widgets import Input, Select

from docket.links import LinkRelation, relation_words
from tui.forms.base import FormErrors, FormScreen, field_row

if TYPE_CHECKING:
    from collections.abc import Mapping

    from db.rows import LinkRow
    from db.store import Store


class LinkForm(FormScreen["LinkRow"]):
    form_fields: ClassVar[Mapping[str, tuple[str, str]]] = {
        "other": ("other", "other matter"),
        "number": ("other", "other matter"),
        "relation": ("relation", "this matter is"),
    }

    def __init__(self, store: Store, case_id: int, number: str) -> None:
        self.store = store
        self.case_id = case_id
        self.form_title = f"Link {number} to another matter"
        super().__init__()

    def fields(self) -> ComposeResult:
        yield field_row(
            "Other matter",
            Input(placeholder="its number, e.g. D-101-CR-2026-0442", id="other"),
            "other",
        )
        choices = [
            (f"{relation_words(r, from_linking_side=True)} it", r.value) for r in LinkRelation
        ]
        yield field_row(
            "This matter is",
            Select(choices, value=LinkRelation.RELATED.value, allow_blank=False, id="relation"),
            "relation",
        )
        yield field_row("Note", Input(placeholder="a word on it (optional)", id="note"), "note")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#other", Input).focus()

    def submit(self) -> LinkRow:
        typed = self.query_one("#other", Input).value
        if not typed.strip():
            raise FormErrors(
                {"other": "other matter: is required (for example: D-101-CR-2026-0442)"}
            )
        other = self.store.find_case_near(typed, field="other")
        assert other.id is not None
        relation = LinkRelation(str(self.query_one("#relation", Select).value))
        note = self.query_one("#note", Input).value
        return self.store.link_cases(self.case_id, other.id, relation, note=note)
