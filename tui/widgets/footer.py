"""The footer: the keys of the screen in force, on as many lines as they need (at most two).

Textual's own footer is one line that scrolls sideways: at 80 columns the Case screen's last
keys (Follow up, Edit, Void, Help, Cases) fell off its end and a stray letter of a hidden key
showed after the palette's. This one lays the keys out itself, so it knows what fits: it
wraps onto a second line, and when even two lines are too few it leaves out the keys named
in `bindings.FOOTER_GIVES_WAY`, in that order (each is on the help screen, `?`). Bindings that
share a group (the Case tabs' `1`..`5`) show as one item, `1-5 Tabs`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from tui import bindings

#: Lines the footer may take before it leaves keys out.
MAX_LINES = 2
#: Below this many columns the footer is compact: one space between keys, not two.
COMPACT_BELOW = 110


@dataclass(frozen=True)
class FooterItem:
    """One key (or a group of keys) as the footer shows it."""

    keys: str
    """What is drawn for the key: `esc`, `^p`, `1-5`."""
    description: str
    press: str
    """The key a click on the item presses (empty for a group)."""
    binding_id: str

    @property
    def width(self) -> int:
        return len(self.keys) + 1 + len(self.description)


class DocketFooter(Widget, can_focus=False):
    DEFAULT_CLASSES = "docket-footer"

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    @property
    def compact(self) -> bool:
        return self.size.width < COMPACT_BELOW

    @property
    def gap(self) -> str:
        return " " if self.compact else "  "

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh(layout=True)

    def on_resize(self, _event: events.Resize) -> None:
        self.refresh(layout=True)

    # ------------------------------------------------------------------ what to show

    def items(self) -> list[FooterItem]:
        """The screen's shown keys in force, in the order they are declared, then the
        palette's; grouped keys as one item."""
        found: list[FooterItem] = []
        actions: set[str] = set()
        grouped: dict[str, list[Binding]] = {}
        palette: FooterItem | None = None
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or binding.action in actions:
                continue
            if binding.action == "command_palette":
                palette = FooterItem(self._display(binding), "Commands", binding.key, "app.palette")
                continue
            if not binding.show or not binding.description:
                continue
            actions.add(binding.action)
            if binding.group is not None:
                members = grouped.setdefault(binding.group.description, [])
                if not members:
                    found.append(FooterItem("", binding.group.description, "", binding.id or ""))
                members.append(binding)
                continue
            found.append(
                FooterItem(
                    self._display(binding), binding.description, binding.key, binding.id or ""
                )
            )
        items = []
        for item in found:
            members = grouped.get(item.description, []) if not item.keys else []
            if members:
                keys = self._display(members[0])
                if len(members) > 1:
                    keys += "-" + self._display(members[-1])
                item = FooterItem(keys, item.description, "", item.binding_id)
            items.append(item)
        if palette is not None:
            items.append(palette)
        return items

    def _display(self, binding: Binding) -> str:
        return binding.key_display or self.app.get_key_display(binding)

    def lines(self, width: int) -> list[list[FooterItem]]:
        """The items wrapped to `width`, leaving out those that give way until they fit."""
        items = self.items()
        gives_way = list(bindings.FOOTER_GIVES_WAY)
        while True:
            wrapped = _wrap(items, width, " " if width < COMPACT_BELOW else "  ")
            if len(wrapped) <= MAX_LINES or not gives_way:
                return wrapped[:MAX_LINES]
            dropped = gives_way.pop(0)
            items = [item for item in items if item.binding_id != dropped]

    # ------------------------------------------------------------------ drawing

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.lines(width)))

    def render(self) -> Content:
        self._spans = []
        rows: list[Content] = []
        for y, line in enumerate(self.lines(self.size.width)):
            parts: list[str | tuple[str, str]] = [" "]
            x = 1
            for index, item in enumerate(line):
                if index:
                    parts.append(self.gap)
                    x += len(self.gap)
                parts.append((item.keys, "bold $footer-key-foreground"))
                parts.append(" ")
                parts.append((item.description, "$footer-description-foreground"))
                self._spans.append((y, x, x + item.width, item.press))
                x += item.width
            rows.append(Content.assemble(*parts))
        return Content("\n").join(rows)

    def on_click(self, event: events.Click) -> None:
        for y, start, end, key in self._spans:
            if event.y == y and start <= event.x < end and key:
                self.app.simulate_key(key.split(",")[0])
                return


def _wrap(items: list[FooterItem], width: int, gap: str) -> list[list[FooterItem]]:
    room = max(1, width - 1)  # one cell of margin on the left
    lines: list[list[FooterItem]] = [[]]
    used = 0
    for item in items:
        need = item.width + (len(gap) if lines[-1] else 0)
        if lines[-1] and used + need > room:
            lines.append([])
            used = 0
            need = item.width
        lines[-1].append(item)
        used += need
    return lines if lines[-1] else lines[:-1]
