"""Every key of the app, by binding id, in one registry.

Screens take their `BINDINGS` from here (`BINDINGS = bindings.CASE`) and keep the actions the
keys run; the keymap file (tui/keymap.py) checks the ids a person names against this module
alone. Keeping the keys apart from the screens is what lets the keymap, the help text and a
test read every binding without importing a screen (and the screens, the app).

Each binding has an id (`<place>.<what>`), a description for the footer and a tooltip for the
help screen; the README's key table is this module in prose.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: Anywhere: help, the palette, and the three places to work (by letter where no text field has
#: focus, by F2 / F3 / F4 everywhere).
APP: list[BindingType] = [
    Binding(
        "question_mark",
        "help",
        "Help",
        id="app.help",
        tooltip="Every key of this screen",
        key_display="?",
    ),
    Binding(
        "ctrl+p",
        "command_palette",
        "Commands",
        id="app.palette",
        tooltip="Jump to a case by number or title, or run any action",
        show=False,
    ),
    Binding("c", "goto('cases')", "Cases", id="app.cases", tooltip="The list of cases"),
    Binding(
        "a",
        "goto('agenda')",
        "Agenda",
        id="app.agenda",
        tooltip="Overdue, today, this week, later",
    ),
    Binding("s", "goto('search')", "Search", id="app.search", tooltip="Search everything"),
    # The letters above are text while a field has focus (the filter, the search box); these
    # keys are not, so they switch places from anywhere. An open form or question is
    # answered or closed first (ctrl+s, escape): it keeps the keyboard until then.
    Binding(
        "f2",
        "goto('cases')",
        "Cases",
        id="app.cases_anywhere",
        tooltip="The list of cases, from any screen, even while typing in a field",
        show=False,
    ),
    Binding(
        "f3",
        "goto('agenda')",
        "Agenda",
        id="app.agenda_anywhere",
        tooltip="The agenda, from any screen, even while typing in a field",
        show=False,
    ),
    Binding(
        "f4",
        "goto('search')",
        "Search",
        id="app.search_anywhere",
        tooltip="Search, from any screen, even while typing in a field",
        show=False,
    ),
]

#: The Cases list (the start screen).
CASES: list[BindingType] = [
    Binding("enter", "open_case", "Open", id="cases.open", tooltip="Open the selected case"),
    Binding(
        "slash",
        "focus_filter",
        "Filter",
        id="cases.filter",
        tooltip="Filter by number or title",
        key_display="/",
    ),
    Binding("n", "new_case", "New case", id="cases.new", tooltip="Enter a new case"),
    Binding(
        "m",
        "toggle_mine",
        "Mine",
        id="cases.mine",
        tooltip="Only the matters you answer for (again: every matter)",
    ),
    Binding(
        "space",
        "read_row",
        "Read",
        id="cases.read",
        tooltip="The selected case in full: court, title, stage, dates and summary",
    ),
    Binding(
        "escape",
        "leave_filter",
        "To list",
        id="cases.back",
        tooltip="From the filter box back to the list; from a linked group, to every matter",
        show=False,
    ),
    Binding("q", "app.quit", "Quit", id="cases.quit", tooltip="Leave docket"),
]

#: The Case screen's tabs, in order: (pane id, label).
CASE_TABS: list[tuple[str, str]] = [
    ("tab-docket", "Docket"),
    ("tab-parties", "Parties"),
    ("tab-hearings", "Hearings"),
    ("tab-deadlines", "Deadlines"),
    ("tab-status", "Status & notes"),
    ("tab-links", "Links"),
]
_TABS = Binding.Group("Tabs")

#: One case. Keys that act on a row work on the tab they name in their tooltip.
CASE: list[BindingType] = [
    Binding("escape", "back", "Back", id="case.back", tooltip="Back to the list"),
    *(
        Binding(
            str(number),
            f"show_tab('{pane}')",
            label,
            id=f"case.{pane}",
            tooltip=f"Go to the {label} tab",
            group=_TABS,
        )
        for number, (pane, label) in enumerate(CASE_TABS, 1)
    ),
    Binding(
        "enter",
        "read_row",
        "Read",
        id="case.read",
        tooltip="The selected row in full, every field (on Deadlines: how it was counted)",
        show=False,
    ),
    Binding("f", "new_filing", "Filing", id="case.filing", tooltip="Enter a docket entry"),
    Binding("h", "new_hearing", "Hearing", id="case.hearing", tooltip="Schedule a hearing"),
    Binding("d", "new_deadline", "Deadline", id="case.deadline", tooltip="Add a deadline"),
    Binding("p", "new_party", "Party", id="case.party", tooltip="Add a party"),
    Binding(
        "t",
        "change_status",
        "Status",
        id="case.status",
        tooltip="Change stage, stay, lift or reopen",
    ),
    Binding("u", "add_note", "Note", id="case.note", tooltip="Add a dated note"),
    Binding(
        "L",
        "new_limitation",
        "Limitation",
        id="case.limitation",
        tooltip="Add a limitation period: the last day to bring a claim, from the incident",
        show=False,
    ),
    Binding(
        "o",
        "follow_up",
        "Follow up",
        id="case.follow_up",
        tooltip="Set or clear the day to look at this matter again",
    ),
    # Off the footer, which is full on a case; on the help screen and in the palette.
    Binding(
        "g",
        "linked_group",
        "Linked group",
        id="case.group",
        tooltip="The Cases list of this matter and every matter linked to it",
        show=False,
    ),
    Binding(
        "l",
        "new_link",
        "Link",
        id="case.link",
        tooltip="Link this matter to a related one",
        show=False,
    ),
    Binding(
        "r",
        "responsible",
        "Who",
        id="case.responsible",
        tooltip="The matter's attorney, paralegal, matter and client numbers",
        show=False,
    ),
    Binding(
        "e",
        "edit_filing",
        "Edit",
        id="case.edit_filing",
        tooltip="Docket tab: edit the selected entry",
    ),
    Binding(
        "v",
        "void_filing",
        "Void",
        id="case.void",
        tooltip="Docket tab: void the selected entry (it stays, marked)",
    ),
    Binding(
        "e",
        "edit_hearing",
        "Update",
        id="case.edit_hearing",
        tooltip="Hearings tab: change time, status, outcome, continuance",
    ),
    Binding(
        "x",
        "deadline_done",
        "Done",
        id="case.done",
        tooltip="Deadlines tab: the selected deadline was met; it leaves the open list",
    ),
    Binding(
        "w",
        "waive_deadline",
        "Waive",
        id="case.waive",
        tooltip="Deadlines tab: the selected deadline no longer applies (waived or excused); "
        "it is kept, marked waived",
    ),
    Binding(
        "i",
        "explain_deadline",
        "How counted",
        id="case.explain",
        tooltip="Deadlines tab: the rule and counting steps (also enter)",
    ),
    Binding(
        "E",
        "edit_case",
        "Edit case",
        id="case.edit",
        tooltip="Change number, title, kind, court, judge, summary; a new court recounts "
        "the open deadlines",
    ),
]

#: The Case screen's Links tab, while its list has the keyboard.
LINKS: list[BindingType] = [
    Binding(
        "x",
        "unlink",
        "Unlink",
        id="links.unlink",
        tooltip="Remove the link to the selected matter (asks first)",
    ),
]

AGENDA: list[BindingType] = [
    Binding("enter", "open_case", "Open case", id="agenda.open", tooltip="Open the item's case"),
    Binding(
        "space",
        "read_row",
        "Read",
        id="agenda.read",
        tooltip="The selected item in full: whole title, case, court, rule",
    ),
    Binding("x", "done", "Done", id="agenda.done", tooltip="Mark the selected deadline done"),
    Binding(
        "m",
        "toggle_mine",
        "Mine",
        id="agenda.mine",
        tooltip="Only what you answer for (again: everything)",
    ),
    Binding("escape", "app.goto('cases')", "Back", id="agenda.back", tooltip="Back to the cases"),
]

SEARCH: list[BindingType] = [
    Binding("enter", "open_case", "Open case", id="search.open", tooltip="Open the hit's case"),
    Binding(
        "space",
        "read_row",
        "Read",
        id="search.read",
        tooltip="The selected hit in full: what matched, in which case",
    ),
    Binding(
        "slash",
        "focus_query",
        "Query",
        id="search.query",
        tooltip="Back to the search box",
        key_display="/",
    ),
    Binding("escape", "back", "Back", id="search.back", tooltip="Back to the cases"),
]

HELP: list[BindingType] = [
    Binding("escape,question_mark,q", "close", "Close", id="help.close", tooltip="Close help"),
]

CONFIRM: list[BindingType] = [
    Binding("y,enter", "answer(True)", "Yes", id="confirm.yes", tooltip="Go ahead"),
    Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="Keep things as they were"),
]

ROW_DETAIL: list[BindingType] = [
    Binding("escape,enter,space,q", "close", "Close", id="detail.close", tooltip="Close"),
]

DEADLINE_INFO: list[BindingType] = [
    Binding("escape,enter,i,q", "close", "Close", id="deadline_info.close", tooltip="Close"),
]

#: Every form.
FORM: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save and close", priority=True),
    Binding(
        "escape",
        "cancel",
        "Cancel",
        id="form.cancel",
        tooltip="Close without saving (asks first if anything was typed)",
    ),
]

#: The docket entry form, on top of FORM.
FILING_FORM: list[BindingType] = [
    Binding(
        "ctrl+n",
        "save_next",
        "Save + next",
        id="filing.next",
        tooltip="Save, then start the next filing for this case",
        priority=True,
    ),
]

#: Every group above, by the place it belongs to.
REGISTRY: dict[str, list[BindingType]] = {
    "app": APP,
    "cases": CASES,
    "case": CASE,
    "links": LINKS,
    "agenda": AGENDA,
    "search": SEARCH,
    "help": HELP,
    "confirm": CONFIRM,
    "deadline_info": DEADLINE_INFO,
    "detail": ROW_DETAIL,
    "form": FORM,
    "filing": FILING_FORM,
}


#: When the footer has no room for every key even on two lines, these give way, in this order
#: (the help screen, `?`, lists them all).
FOOTER_GIVES_WAY: tuple[str, ...] = (
    "app.palette",
    "app.search",
    "app.agenda",
    "case.follow_up",
    "case.note",
)


def binding_ids() -> set[str]:
    """Every binding id there is, so that a misspelt id in a keymap is caught, not ignored."""
    return {
        binding.id
        for group in REGISTRY.values()
        for binding in group
        if isinstance(binding, Binding) and binding.id
    }
