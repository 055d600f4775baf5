"""Colours for table cells, taken from the running theme.

Table cells are Rich `Text`, which cannot name a theme variable; these helpers read the
colour of `$error`, `$warning`, … from the theme in force when the row is built, and screens
rebuild their rows when the theme changes, so a light theme gets its own readable shades.
"""

from __future__ import annotations

from textual.app import App


def tone(app: App[object], variable: str, extra: str = "") -> str:
    """A Rich style in the theme's `variable` colour (`error`, `warning`, `success`, `accent`)."""
    colour = app.theme_variables.get(variable, "") if variable else ""
    if not colour.startswith("#"):
        colour = ""  # `auto 60%` and the like are CSS-only; fall back to the plain text colour
    return " ".join(part for part in (extra, colour) if part)
