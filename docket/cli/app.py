"""`docket` with no command opens the app; `docket --demo` opens it on fresh demo data.

Textual and the demo data are imported here, when the app is opened, and nowhere else in
the CLI: a command such as `docket case show` never pays for them.
"""

from __future__ import annotations

import gc
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from docket.cli.context import Context, is_empty_file, open_store, shown
from docket.errors import InputError, Refused

if TYPE_CHECKING:
    from db.store import Store


def _run_tui(store: Store, *, new_database: bool = False) -> int:
    # Textual and the app make some hundreds of thousands of objects that live as long as
    # the app; the collector would walk them all at every full collection while they are
    # made, and again later (one fell in the first paint). It waits until they are made,
    # then sets them aside (frozen), so its later passes look at new objects only.
    gc.disable()
    try:
        try:
            from tui.app import DocketApp  # type: ignore[import-not-found,unused-ignore]
        except ModuleNotFoundError:
            raise Refused(
                "the TUI is not installed with this copy of docket; use the commands"
            ) from None
        app = DocketApp(store, new_database=new_database)
    finally:
        gc.freeze()
        gc.enable()
    app.run()
    return 0


def open_tui(ctx: Context) -> int:
    if not ctx.args.demo:
        path = ctx.db_path
        # First run: the app creates the database, as `docket init` would, and says where.
        new = is_empty_file(path)
        with open_store(path, create=True) as store:
            return _run_tui(store, new_database=new or store.created)
    from fixtures.demo import load_demo

    if ctx.given_db:
        path = ctx.db_path
        if not isinstance(path, Path):
            with open_store(path, create=True) as store:
                if store.count_cases():
                    raise Refused(
                        f"--db: {shown(path)} already holds cases; --demo writes a fresh copy "
                        "into an empty database"
                    )
                load_demo(store)
                return _run_tui(store)
        if path.is_dir():
            raise InputError("--db", f"{path} is a folder, not a database file", "--db demo.db")
        if path.exists() and path.stat().st_size > 0:
            raise Refused(
                f"--db: {path} exists and is not empty; --demo writes a fresh copy "
                "(for example: docket --demo --db /tmp/docket-demo.db)"
            )
        with open_store(path, create=True) as store:
            load_demo(store)
            return _run_tui(store)
    with (
        tempfile.TemporaryDirectory(prefix="docket-demo-") as folder,
        open_store(Path(folder) / "demo.db", create=True) as store,
    ):
        load_demo(store)
        return _run_tui(store)
