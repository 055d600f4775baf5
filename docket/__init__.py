"""docket: a keyboard-first case and investigation docket tracker for paralegals.

This package is the domain: models, lifecycles, deadline rules, reminders and date parsing.
It does no I/O of its own and imports neither the store (`db`) nor the UI (`tui`);
only `docket.cli`, the composition root, wires those together.
"""

__version__ = "0.1.0"
