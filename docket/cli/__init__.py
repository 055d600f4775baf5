"""The `docket` command: the composition root that wires the domain, the store and the TUI.

One module per group of commands (`cases`, `filings`, `transfer`, ...), each a few thin
handlers over the store's public methods; `main` assembles the parser and is the one place
an error becomes the line a person reads. The store, the importers and the TUI are imported
by the commands that use them, never at start-up.
"""

from __future__ import annotations

from docket.cli.main import main

__all__ = ["main"]
