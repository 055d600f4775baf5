"""The docket entry form, built for entering a stack of filings in a row.

ctrl+n saves and opens a fresh form for the same case keeping the date and type, so ten
entries from one day's mail are ten titles typed and ten ctrl+n.

The same form edits a saved entry (given `filing=`): the fields start filled, and saving goes
through `Store.update_filing`, which recomputes the deadlines the entry set when its date or
service changed. If someone else saved the entry while the form was open, the save is refused:
the form stays open with what was typed and says what they changed. Where an imported entry
came from (its source) is not a field: it stays.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select

from docket.errors import InputError, StaleRecord
from docket.models import Deadline, DocType, Filing, ServiceMethod
from tui import bindings
from tui.forms.base import FormErrors, FormScreen, build, field_row, stale_message
from tui.widgets.date_input import DateField

if TYPE_CHECKING:
    from db.store import Store


@dataclass
class FilingFormResult:
    filing: Filing
    deadlines: list[Deadline]
    again: bool = False
    """ctrl+n: the person wants the next entry's form straight away."""
    keep_date: str = ""
    keep_type: str = ""
    edited: bool = False
    """An existing entry was changed; `deadlines` are the ones recomputed."""
    met: list[Deadline] = field(default_factory=list)
    """Open deadlines the new entry met, and so closed."""


def doc_type_from(text: str) -> DocType:
    """`motion`, `Notice of appeal`, `notice-of-appeal` all name a type; blank is `other`."""
    if not text.strip():
        return DocType.OTHER
    return DocType.choose(text, "type")


class FilingForm(FormScreen[FilingFormResult]):
    BINDINGS: ClassVar[list[BindingType]] = bindings.FILING_FORM

    def __init__(
        self,
        store: Store,
        case_id: int,
        case_number: str,
        *,
        date_text: str = "",
        type_text: str = "",
        filing: Filing | None = None,
    ) -> None:
        self.store = store
        self.case_id = case_id
        self.editing = filing
        self.today = store.clock.today()
        if filing is None:
            self.form_title = f"New docket entry · {case_number}"
            self.date_text = date_text or self.today.isoformat()
            self.type_text = type_text
        else:
            source = "" if filing.source.value == "manual" else f" · from {filing.source.label}"
            self.form_title = f"Edit entry {filing.entry_no} · {case_number}{source}"
            self.date_text = filing.filed_on.isoformat()
            self.type_text = filing.doc_type.label
        self.continuing = bool(date_text)
        super().__init__()

    def keys_hint(self) -> str:
        if self.editing is not None:
            return "tab next field · ctrl+s save · escape cancel"
        return "tab next field · ctrl+s save · ctrl+n save and next · escape cancel"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An edit saves one entry; "and next" belongs to entering new ones.
        return not (action == "save_next" and self.editing is not None)

    def fields(self) -> ComposeResult:
        parties = [p.name for p in self.store.case_parties(self.case_id)]
        type_labels = [t.label for t in DocType]
        yield field_row(
            "Date filed",
            DateField(field="date", today=self.today, value=self.date_text, id="date"),
            "date",
        )
        yield field_row(
            "Type",
            Input(
                value=self.type_text,
                placeholder="motion, order, notice of appeal…",
                suggester=SuggestFromList(type_labels, case_sensitive=False),
                id="type",
            ),
            "type",
        )
        old = self.editing
        yield field_row(
            "Title",
            Input(value=old.title if old else "", placeholder="as on the docket", id="title"),
            "title",
        )
        yield field_row(
            "Description",
            Input(
                value=(old.description or "") if old else "",
                placeholder="optional",
                id="description",
            ),
            "description",
        )
        yield field_row(
            "Filed by",
            Input(
                value=(old.filed_by or "") if old else "",
                placeholder="a party",
                suggester=SuggestFromList(parties, case_sensitive=False),
                id="filed_by",
            ),
            "filed_by",
        )
        yield field_row(
            "Served on",
            DateField(
                field="served on",
                today=self.today,
                optional=True,
                value=old.served_on.isoformat() if old and old.served_on else "",
                id="served",
            ),
            "served",
        )
        yield field_row(
            "Service",
            Select(
                [(m.label, m.value) for m in ServiceMethod],
                prompt="(none)",
                allow_blank=True,
                value=old.service.value if old and old.service else Select.NULL,
                id="service",
            ),
            "service",
        )

    def on_mount(self) -> None:
        super().on_mount()
        target = "#title" if self.continuing else "#date Input"
        self.query_one(target, Input).focus()

    def values(self) -> Filing:
        """Every field checked at once; all failures reported together."""
        errors: dict[str, str] = {}
        filed_on: date | None = None
        served_on: date | None = None
        doc_type = DocType.OTHER
        try:
            filed_on = self.query_one("#date", DateField).parse()
        except InputError as error:
            errors["date"] = str(error)
        try:
            served_on = self.query_one("#served", DateField).parse()
        except InputError as error:
            errors["served"] = str(error)
        try:
            doc_type = doc_type_from(self.query_one("#type", Input).value)
        except InputError as error:
            errors["type"] = str(error)
        title = self.query_one("#title", Input).value
        if not title.strip():
            errors["title"] = "title: is required (for example: Motion to compel discovery)"
        service_value = self.query_one("#service", Select).value
        service = None if service_value is Select.NULL else ServiceMethod(str(service_value))
        if errors:
            raise FormErrors(errors)
        assert filed_on is not None
        return build(
            Filing,
            {"filed_on": "date", "doc_type": "type", "served_on": "served"},
            filed_on=filed_on,
            doc_type=doc_type,
            title=title,
            description=self.query_one("#description", Input).value,
            filed_by=self.query_one("#filed_by", Input).value,
            served_on=served_on,
            service=service,
        )

    def submit(self) -> FilingFormResult:
        from docket.doubts import filing_doubts, touching

        filing = self.values()
        old = self.editing
        doubts = filing_doubts(filing, self.today)
        if old is not None:
            # An odd date saved before was confirmed then: asked again only when it changes.
            dates = ("filed_on", "served_on")
            doubts = touching(doubts, [d for d in dates if getattr(filing, d) != getattr(old, d)])
        self.question(doubts)
        if old is not None:
            # What the form does not show (number, source, document links) is kept as it was.
            kept = old.model_dump(
                include={
                    "id",
                    "case_id",
                    "entry_no",
                    "document_number",
                    "document_ref",
                    "source",
                    "source_id",
                    "version",
                }
            )
            try:
                saved, moved = self.store.update_filing(filing.model_copy(update=kept))
            except StaleRecord as stale:
                assert old.id is not None
                # The next save is made over the entry as it is now saved, knowing what moved.
                self.editing = self.store.get_filing(old.id)
                what = f"entry {old.entry_no}"
                raise FormErrors({"form": stale_message(what, stale, self.editing)}) from None
            return FilingFormResult(saved, moved, edited=True)
        saved, deadlines = self.store.add_filing(self.case_id, filing)
        assert saved.id is not None
        return FilingFormResult(saved, deadlines, met=self.store.deadlines_met_by(saved.id))

    def action_save_next(self) -> None:
        result = self.try_submit()
        if result is not None:
            result.again = True
            result.keep_date = self.query_one("#date", DateField).value
            result.keep_type = self.query_one("#type", Input).value
            self.dismiss(result)
