"""Keys chosen by the person, not the program: an optional TOML file of binding id = key.

    # ~/.config/docket/keymap.toml
    "cases.new" = "ctrl+n"
    "case.void" = "V"

Every binding in the app has an id (`cases.new`, `case.filing`, …), all listed in
tui/bindings.py; the Help screen shows the keys in force. The file is read once at start. A
file that cannot be used is reported in one notification and ignored as a whole: half a keymap
would leave keys doing surprising things.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from tui.bindings import binding_ids

ENV_VAR = "DOCKET_KEYMAP"
#: A key as Textual names it (`ctrl+n`, `f2`, `question_mark`, `V`), several joined by commas.
_KEYS = re.compile(r"^[A-Za-z0-9_+\-]+(,[A-Za-z0-9_+\-]+)*$")


class KeymapError(Exception):
    """Why the keymap file was not used; one line, naming the file."""


def keymap_path() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("docket")) / "keymap.toml"


def load_keymap(path: Path) -> dict[str, str]:
    """The keymap in `path` ({} when there is no file); KeymapError when it cannot be used."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise KeymapError(f"keymap {path}: cannot be read ({error.strerror})") from None
    try:
        table = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KeymapError(
            f'keymap {path}: not valid TOML ({error}); write lines like "cases.new" = "ctrl+n"'
        ) from None
    known = binding_ids()
    keymap: dict[str, str] = {}
    for binding_id, keys in table.items():
        if binding_id not in known:
            raise KeymapError(
                f"keymap {path}: no binding has the id {binding_id!r} "
                "(ids look like cases.new or case.filing)"
            )
        if not isinstance(keys, str) or not _KEYS.match(keys.replace(" ", "")):
            raise KeymapError(
                f'keymap {path}: {binding_id!r} needs a key such as "ctrl+n" or "f2", not {keys!r}'
            )
        keymap[binding_id] = keys.replace(" ", "")
    return keymap
