"""What every form shares: ctrl+s saves, escape cancels (asking first if anything was typed),
and one validation pass that marks every failing field with its message.

A subclass lays out its fields with `field_row` and implements `submit`, which either returns
the result the form is dismissed with or raises `FormErrors` naming the fields at fault.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from docket.doubts import Doubt
from docket.errors import DocketError, StaleRecord
from tui import bindings
from tui.verbatim import INERT_FIELD, shown

R = TypeVar("R")
M = TypeVar("M", bound=BaseModel)

#: A store or domain error names the model's field; a form marks its own field, in its own
#: words. Model field → (form field id, the form's word for it), where either differs from
#: the model's name; a form that spells a field its own way adds `form_fields`.
FORM_FIELDS: dict[str, tuple[str, str]] = {
    "filed_on": ("date", "date"),
    "doc_type": ("type", "type"),
    "served_on": ("served", "served on"),
    "changed_on": ("on", "on"),
    "noted_on": ("on", "date"),
    "follow_up_on": ("on", "follow up on"),
    "opened_on": ("opened", "opened"),
    "due_on": ("due", "due"),
    "remind_days": ("remind", "remind"),
    "starts_at": ("when", "when"),
    "location": ("where", "where"),
    "continued_to": ("continued", "continued to"),
    "void_reason": ("reason", "reason"),
    "stage": ("move", "move to"),
    "reported_on": ("reported", "reported"),
    "party": ("who", "who"),
    "reason": ("note", "note"),  # a stay's reason is the status form's Note
}


def stale_message(what: str, stale: StaleRecord, saved: BaseModel) -> str:
    """What someone else changed while the form was open, with each field's saved value: the
    form keeps what the paralegal typed, and a second save is a choice made knowing this."""
    shown = []
    for name in stale.changed:
        word = FORM_FIELDS.get(name, (name, name.replace("_", " ")))[1]
        value = getattr(saved, name, None)
        shown.append(f"{word} is now {_shown_value(value)}")
    changes = "; ".join(shown) or "it was changed"
    return (
        f"Someone else saved {what} while this form was open ({changes}). Nothing was saved; "
        "what you typed is kept: ctrl+s saves it over their change, escape drops it."
    )


def _shown_value(value: object) -> str:
    if value is None or value == "":
        return "empty"
    text = getattr(value, "value", value)
    if hasattr(text, "isoformat"):
        text = text.isoformat()
    return f"“{text}”"


class FormErrors(Exception):
    """Messages by field id; the form shows each under its field and saves nothing."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def build(model: type[M], field_of: Mapping[str, str], **values: Any) -> M:
    """The model from the form's values; what pydantic rejects is shown under its field.

    `field_of` names the form field of each model field whose id differs (`filed_on` is
    typed in `date`); a model field with no form field of its own goes to the form message.
    """
    try:
        return model(**values)
    except ValidationError as error:
        problem = error.errors()[0]
        where = str(problem["loc"][0]) if problem["loc"] else "form"
        message = str(problem.get("msg", "is not valid")).removeprefix("Value error, ")
        raise FormErrors({field_of.get(where, where): f"{where}: {message}"}) from None


def field_row(label: str, widget: Widget, field_id: str, hint: str = "") -> Vertical:
    """A labelled field with a message line below it for what is wrong."""
    return Vertical(
        Static(label, classes="field-label", markup=False),
        widget,
        Static(hint, id=f"{field_id}-error", classes="field-error", markup=False),
        id=f"{field_id}-row",
        classes="field-row",
    )


class FormScreen(ModalScreen[R | None], Generic[R]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.FORM
    form_title: str = ""
    form_fields: ClassVar[Mapping[str, tuple[str, str]]] = {}
    """This form's own (field id, word) for a model field, ahead of `FORM_FIELDS`."""

    def __init__(self) -> None:
        super().__init__()
        self._initial: dict[str, object] = {}
        self._questioned: dict[str, object] | None = None
        """What the form held when its dates were questioned: saving it again confirms them."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form"):
            yield Static(shown(self.form_title), classes="form-title", markup=False)
            yield from self.fields()
            yield Static("", id="form-message", classes="field-error", markup=False)
            yield Static(self.keys_hint(), classes="dialog-keys", markup=False)

    def keys_hint(self) -> str:
        return "tab next field · ctrl+s save · escape cancel"

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self._initial = self.snapshot()
        for field in self.query(Input):
            if field.highlighter is None:
                field.highlighter = INERT_FIELD

    def snapshot(self) -> dict[str, object]:
        """What is typed now, to tell whether cancelling would drop anything."""
        values: dict[str, object] = {}
        for widget in self.query("Input, Select, TextArea"):
            key = widget.id or str(id(widget))
            if isinstance(widget, (Input, Select)):
                values[key] = widget.value
            elif isinstance(widget, TextArea):
                values[key] = widget.text
        return values

    def submit(self) -> R:
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> None:
        for row in self.query(".field-row"):
            row.remove_class("-invalid")
        for label in self.query(".field-error"):
            if isinstance(label, Static) and label.id and label.id.endswith("-error"):
                label.update("")
        self.query_one("#form-message", Static).update("")
        first: Widget | None = None
        for field_id, message in errors.items():
            rows = self.query(f"#{field_id}-row")
            if rows:
                rows.first().add_class("-invalid")
                self.query_one(f"#{field_id}-error", Static).update(shown(message))
                if first is None:
                    focusable = rows.first().query("Input, Select, TextArea")
                    first = focusable.first() if focusable else None
            else:
                self.query_one("#form-message", Static).update(shown(message))
        if first is not None:
            first.focus()

    def field_error(self, error: DocketError) -> dict[str, str]:
        """The error under the form field it names, in the form's words; one that names no
        field of this form goes to the message line below the fields."""
        if error.field is None:
            return {"form": str(error)}
        field_id, word = self.form_field(error.field)
        text = f"{word}: {error.problem}"
        if error.example:
            text += f" (for example: {error.example})"
        return {field_id: text}

    def form_field(self, name: str) -> tuple[str, str]:
        """The form field id and the form's word for a model field."""
        return self.form_fields.get(name) or FORM_FIELDS.get(name) or (name, name.replace("_", " "))

    def question(self, doubts: Sequence[Doubt]) -> None:
        """Ask about dates that are hardly right (`docket.doubts`) before anything is saved:
        the first save marks them and saves nothing; saving the very same values again
        confirms them, and they are saved as typed. Call in `submit`, before writing."""
        if not doubts:
            self._questioned = None
            return
        now = self.snapshot()
        if self._questioned == now:
            return
        self._questioned = now
        errors: dict[str, str] = {}
        for doubt in doubts:
            field_id, word = self.form_field(doubt.field)
            text = f"{word}: {doubt.problem}"
            errors[field_id] = f"{errors[field_id]}; {text}" if field_id in errors else text
        errors["form"] = "Check the marked dates: ctrl+s again saves them as typed."
        raise FormErrors(errors)

    def try_submit(self) -> R | None:
        """Validate and save; on any error, mark the fields and return None."""
        try:
            result = self.submit()
        except FormErrors as problems:
            self.show_errors(problems.errors)
            return None
        except DocketError as error:
            self.show_errors(self.field_error(error))
            return None
        self.show_errors({})
        return result

    def action_save(self) -> None:
        result = self.try_submit()
        if result is not None:
            self.dismiss(result)

    def action_cancel(self) -> None:
        if self.snapshot() == self._initial:
            self.dismiss(None)
            return
        from tui.screens.confirm import ConfirmScreen

        def answered(drop: bool | None) -> None:
            if drop:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Drop what you typed?", "y drops it, n goes back to the form"),
            answered,
        )
