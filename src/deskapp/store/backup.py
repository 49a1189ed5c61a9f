"""Rotating backups of the library, taken with SQLite's online backup API.

Backups live in ``backups/`` beside the library file, one self-contained
SQLite file each (rollback journal, no ``-wal`` beside it), named
``<library stem>-<UTC time>-<reason>.sqlite`` so a person browsing the
folder can see when and why each was taken. A backup is written under a
temporary name, checked with ``PRAGMA quick_check`` and only then renamed
into place: a backup that exists is a backup that opens.

Why the online backup API and not a file copy: it reads a consistent
snapshot through SQLite, including pages still in the ``-wal`` file, while
the library stays open and in use.

Rotation (applied after every backup):

* ``daily``: the newest backup of each of the last 7 days that have one,
  plus the newest of each of the 4 most recent calendar weeks, so one
  backup stays around for about a month after a bad week goes unnoticed;
* ``pre-migration``: the last 5 (taken before each schema upgrade);
* ``manual``: never removed automatically; the user asked for them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from deskapp.errors import LibraryError
from deskapp.fileio import sync_folder
from deskapp.store.lock import lock_owner

if TYPE_CHECKING:
    from deskapp.store.library import Library

Reason = Literal["daily", "pre-migration", "manual"]
REASONS: tuple[str, ...] = ("daily", "pre-migration", "manual")

BACKUP_FOLDER = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_PRE_MIGRATION = 5
# A temporary file older than this was left by a backup that died midway.
STALE_PART_SECONDS = 3600

_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>daily|pre-migration|manual)\.sqlite$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the recovery dialog lists it."""

    path: Path
    created_at: datetime  # aware, UTC
    reason: str
    size: int
    articles: int | None  # None when the file cannot be read


def backup_folder(library_path: Path | str) -> Path:
    """The ``backups/`` folder beside the library file."""
    return Path(library_path).parent / BACKUP_FOLDER


def backup_now(
    library_or_path: Library | Path | str, reason: Reason = "manual",
    *, now: datetime | None = None,
) -> Path:
    """Take a backup now and rotate old ones; return the new backup's path.

    Accepts an open :class:`~deskapp.store.Library` (the backup reads through
    its connection, so unsaved transactions are never copied half-done) or
    the path of a library file that is not open.
    """
    if isinstance(library_or_path, (str, Path)):
        path = Path(library_or_path)
        source = _connect_read_only(path)
        try:
            return backup_connection(source, path, reason, now=now)
        finally:
            source.close()
    if library_or_path.path is None:
        raise ValueError("an in-memory library has no place for backups")
    return backup_connection(library_or_path.db.conn, library_or_path.path, reason, now=now)


def backup_connection(
    source: sqlite3.Connection, library_path: Path, reason: Reason,
    *, now: datetime | None = None,
) -> Path:
    """Copy what ``source`` sees into a verified backup of ``library_path``.

    Raises :class:`LibraryError` ``backup_failed`` (nothing half-written is
    left behind) when the folder cannot be written or the copy is not sound.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason: {reason!r}")
    library_path = Path(library_path)
    folder = backup_folder(library_path)
    when = (now or datetime.now(UTC)).astimezone(UTC)
    target = _free_name(folder, library_path.stem, when, reason)
    temp = folder / f".{target.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _copy_verified(source, temp)
        os.replace(temp, target)
        sync_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise LibraryError(
            "backup_failed", path=str(library_path), reason=_reason(exc)
        ) from exc
    rotate(library_path)
    return target


def ensure_daily_backup(library_or_path: Library | Path | str, *,
                        now: datetime | None = None) -> Path | None:
    """Take today's backup unless one exists already; return it, or None.

    "Today" is the user's local calendar day: a reporter who works past
    midnight UTC should not get two backups of one working day. Given a
    path, the copy is read through a connection of its own, so a background
    thread can take it while the window keeps the library open.
    """
    path = library_or_path if isinstance(library_or_path, (str, Path)) else library_or_path.path
    if path is None:
        return None
    now = (now or datetime.now(UTC)).astimezone(UTC)
    today = _local_day(now)
    for info in list_backups(path, count_articles=False):
        if info.reason == "daily" and _local_day(info.created_at) == today:
            return None
    return backup_now(library_or_path, "daily", now=now)


def list_backups(library_path: Path | str, *, count_articles: bool = True) -> list[BackupInfo]:
    """Backups of the library at ``library_path``, newest first."""
    library_path = Path(library_path)
    folder = backup_folder(library_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match.group("stem") != library_path.stem or not entry.is_file():
            continue
        created = datetime.strptime(match.group("stamp"), _STAMP_FORMAT).replace(tzinfo=UTC)
        found.append(
            BackupInfo(
                path=entry,
                created_at=created,
                reason=match.group("reason"),
                size=entry.stat().st_size,
                articles=_count_articles(entry) if count_articles else None,
            )
        )
    found.sort(key=lambda info: (info.created_at, info.path.name), reverse=True)
    return found


def rotate(library_path: Path | str) -> list[Path]:
    """Delete the backups the retention rules no longer keep; return what went."""
    backups = list_backups(library_path, count_articles=False)
    keep = _kept(backups)
    removed = []
    for info in backups:
        if info.path not in keep:
            with contextlib.suppress(OSError):
                info.path.unlink()
                removed.append(info.path)
    _remove_stale_parts(backup_folder(library_path))
    return removed


def restore_backup(backup_path: Path | str, library_path: Path | str) -> Path:
    """Put a backup in place of the library; the current file is moved aside first.

    The backup is verified before anything is touched. The current library
    and its ``-wal``/``-shm`` files are renamed (never deleted, never
    overwritten) to ``<stem>.damaged-<UTC time><suffix>``; then a copy of
    the backup is renamed into the library's place. Returns the path of the
    file set aside, or ``library_path`` when there was no library file.
    The library must not be open, here or in another process.
    """
    backup_path, library_path = Path(backup_path), Path(library_path)
    owner = lock_owner(library_path)
    if owner is not None and not owner.is_this_process:
        raise LibraryError("library_locked", path=str(library_path), pid=owner.pid,
                           host=owner.host)
    verdict = _quick_check(backup_path)
    if verdict != "ok":
        raise LibraryError("library_corrupt", path=str(backup_path))
    temp = library_path.with_name(f".{library_path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        _copy_file_synced(backup_path, temp)
        aside = set_aside(library_path)
        os.replace(temp, library_path)
        sync_folder(library_path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise LibraryError(
            "library_unwritable", path=str(library_path), reason=_reason(exc)
        ) from exc
    return aside or library_path


def set_aside(library_path: Path | str, label: str = "damaged") -> Path | None:
    """Rename the library file (with its ``-wal`` and ``-shm``) to a new, unused name.

    The ``-wal`` file goes with the main file under the same new name, so
    opening the set-aside copy still sees the last committed changes.
    Returns the new name of the main file, or None when there was none.
    """
    library_path = Path(library_path)
    if not library_path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"{library_path.stem}.{label}-{stamp}"
    target = library_path.with_name(f"{base}{library_path.suffix}")
    counter = 1
    while _any_exists(target):
        counter += 1
        target = library_path.with_name(f"{base}-{counter}{library_path.suffix}")
    for extra in ("-wal", "-shm", "-journal"):
        companion = Path(f"{library_path}{extra}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{extra}"))
    os.replace(library_path, target)
    sync_folder(library_path.parent)
    return target


# ---- internals -----------------------------------------------------------
def _copy_verified(source: sqlite3.Connection, temp: Path) -> None:
    dest = sqlite3.connect(str(temp))
    try:
        source.backup(dest)
        # The copy carries the library's WAL flag; a backup should be one
        # file that opens anywhere, even from read-only media.
        dest.execute("PRAGMA journal_mode=DELETE")
        verdict = dest.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"backup check failed: {verdict}")
    finally:
        dest.close()
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())


def _copy_file_synced(source: Path, target: Path) -> None:
    with open(source, "rb") as reader, open(target, "xb") as writer:
        shutil.copyfileobj(reader, writer, 1024 * 1024)
        writer.flush()
        os.fsync(writer.fileno())


def _kept(backups: list[BackupInfo]) -> set[Path]:
    """Apply the retention rules of the module docstring."""
    keep = {info.path for info in backups if info.reason == "manual"}
    migrations = [info for info in backups if info.reason == "pre-migration"]
    keep.update(info.path for info in migrations[:KEEP_PRE_MIGRATION])
    days: dict[date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for info in backups:  # newest first: the first seen of a day/week is its newest
        if info.reason != "daily":
            continue
        day = _local_day(info.created_at)
        days.setdefault(day, info.path)
        weeks.setdefault(tuple(day.isocalendar())[:2], info.path)  # type: ignore[arg-type]
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    return keep


def _remove_stale_parts(folder: Path) -> None:
    if not folder.is_dir():
        return
    limit = time.time() - STALE_PART_SECONDS
    for entry in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < limit:
                entry.unlink()


def _free_name(folder: Path, stem: str, when: datetime, reason: str) -> Path:
    """A name not taken yet: two backups in one microsecond get different times."""
    while True:
        target = folder / f"{stem}-{when.strftime(_STAMP_FORMAT)}-{reason}.sqlite"
        if not target.exists():
            return target
        when = when.replace(microsecond=(when.microsecond + 1) % 1_000_000)


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _any_exists(target: Path) -> bool:
    return any(Path(f"{target}{extra}").exists() for extra in ("", "-wal", "-shm", "-journal"))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise LibraryError("library_unwritable", path=str(path), reason="no such file")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)


def _open_immutable(path: Path) -> sqlite3.Connection:
    """Read a backup without creating anything beside it (it may be on read-only media)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _quick_check(path: Path) -> str:
    try:
        conn = _open_immutable(path)
        try:
            return str(conn.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)


def _count_articles(path: Path) -> int | None:
    try:
        conn = _open_immutable(path)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)
