"""What the "damaged or unusable library" dialog needs to know and offer.

:func:`diagnose` looks at a library file without changing anything (no
migration, no WAL switch, no new file) and says what is wrong with it, which
backups could replace it and whether a new library can be started beside
it. :func:`open_new_library_beside` names that new library so the damaged
file is never overwritten; :func:`~deskapp.store.backup.restore_backup`
puts a backup in place after moving the damaged file aside.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from deskapp.errors import LibraryError
from deskapp.store.backup import BackupInfo, list_backups
from deskapp.store.keys import SCHEMA_VERSION
from deskapp.store.lock import LockOwner, lock_owner

Code = Literal["ok", "library_corrupt", "library_too_new", "library_unwritable", "locked",
               "disk_full"]
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Diagnosis:
    """The state of one library file and the ways out of it."""

    code: Code
    path: Path
    backups: list[BackupInfo] = field(default_factory=list)
    can_open_new: bool = True
    owner: LockOwner | None = None  # who holds the library when ``locked``
    detail: str = ""


def diagnose(path: Path | str) -> Diagnosis:
    """Say whether the library at ``path`` can be opened for writing, and if not why."""
    path = Path(path)
    owner = lock_owner(path)
    if owner is not None and not owner.is_this_process:
        code: Code = "locked"
        detail = f"pid {owner.pid} on {owner.host}"
    else:
        code, detail = _file_state(path)
    return Diagnosis(
        code=code,
        path=path,
        backups=list_backups(path),
        can_open_new=_folder_writable(path.parent),
        owner=owner,
        detail=detail,
    )


def open_new_library_beside(path: Path | str) -> Path:
    """A path for a fresh library next to ``path`` that names no existing file.

    ``library.sqlite`` gives ``library.new-20250109T0830Z.sqlite``; the
    caller opens it (``workspace.open_library``) and may later point the
    settings at it. Raises ``LibraryError`` ``library_unwritable`` when the
    folder cannot take a new file.
    """
    path = Path(path)
    if not _folder_writable(path.parent):
        raise LibraryError("library_unwritable", path=str(path.parent), reason="read-only folder")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%MZ")
    candidate = path.with_name(f"{path.stem}.new-{stamp}{path.suffix}")
    counter = 1
    while _taken(candidate):
        counter += 1
        candidate = path.with_name(f"{path.stem}.new-{stamp}-{counter}{path.suffix}")
    return candidate


def _file_state(path: Path) -> tuple[Code, str]:
    if not path.exists():
        if _folder_writable(path.parent):
            return "ok", "a new library will be created"
        return "library_unwritable", "read-only folder"
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        return "library_unwritable", exc.strerror or str(exc)
    if head and head != SQLITE_HEADER:
        return "library_corrupt", "not an SQLite file"
    return _database_state(path)


def _database_state(path: Path) -> tuple[Code, str]:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            return "locked", str(exc)
        from deskapp.store.library import disk_is_full, is_disk_full, is_write_problem

        if is_disk_full(exc) or disk_is_full(path.parent):
            return "disk_full", str(exc)  # never damage: nothing to recover from
        if is_write_problem(exc):
            return "library_unwritable", str(exc)
        return "library_corrupt", str(exc)
    except sqlite3.DatabaseError as exc:
        return "library_corrupt", str(exc)
    if verdict != "ok":
        return "library_corrupt", str(verdict)
    if found > SCHEMA_VERSION:
        return "library_too_new", f"schema {found} > {SCHEMA_VERSION}"
    if not (_folder_writable(path.parent) and _file_writable(path)):
        return "library_unwritable", "read-only file or folder"
    from deskapp.store.library import disk_is_full

    if disk_is_full(path.parent):
        return "disk_full", "no space left on the disk"
    return "ok", ""


def _folder_writable(folder: Path) -> bool:
    """A real probe: creating a file is the only test ACLs and network shares agree with."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent  # a folder not made yet is writable if its parent is
    probe = folder / f".deskapp-probe-{uuid.uuid4().hex[:8]}"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.unlink(probe)
    except OSError:
        return False
    return True


def _file_writable(path: Path) -> bool:
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return False
    return True


def _taken(candidate: Path) -> bool:
    return any(Path(f"{candidate}{extra}").exists() for extra in ("", "-wal", "-shm", "-journal"))
