"""Where the library lives, and one setting read without opening it for writing.

Kept apart from :mod:`deskapp.store.library` (and sqlite-utils) so that a
command that never touches the articles, such as ``deskapp export FILE``,
starts quickly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def default_library_path() -> Path:
    """The library file in the platform's user data folder (or ``DESKAPP_LIBRARY``)."""
    override = os.environ.get("DESKAPP_LIBRARY")
    if override:
        return Path(override).expanduser()
    return _data_folder() / "library.sqlite"


def _data_folder() -> Path:
    """Deskapp's folder for user data, as each platform's conventions place it.

    On Linux and the BSDs this is the XDG Base Directory rule (``$XDG_DATA_HOME``
    when set to an absolute path, else ``~/.local/share``), worked out here: it is
    one line, and importing platformdirs for it costs the window about 7 ms at
    every start. Windows and macOS ask platformdirs.
    """
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        if not os.path.isabs(base):
            base = os.path.expanduser("~/.local/share")
        return Path(base) / "Deskapp"
    from platformdirs import user_data_dir

    return Path(user_data_dir("Deskapp", appauthor=False))


def peek_setting(path: Path | str, key: str) -> str | None:
    """The library's setting ``key``, read only; None if there is no library or no such setting.

    Nothing is created, migrated or locked: a missing, damaged or foreign
    file simply has no settings.
    """
    path = Path(path)
    if not path.is_file():
        return None
    import sqlite3  # only when there is a library to read (``deskapp export FILE`` has none)

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row and isinstance(row[0], str) else None
