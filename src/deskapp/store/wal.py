"""A write-ahead log beside a library is trusted only once it is shown to belong there.

SQLite applies whatever ``<library>-wal`` it finds: the file's own header
(magic, page size, checkpoint sequence, two salts, checksums) and each
frame's header (page number, database size, the same salts, a cumulative
checksum) tie the frames to one another, but nothing in the format ties the
log to one database file. A log copied from another library (or left from an
older copy of this one) is replayed as if it were this library's, and the
first connection to close checkpoints it into the file for good.

So before a library is opened for writing, :func:`settle_log` judges a log
that holds frames and that no live connection is using:

* the library is read *with* the log, on a read-only connection (which never
  checkpoints: it cannot write the library), and checked with
  ``PRAGMA integrity_check``. A log left by a crash of this library (a killed
  process, a dead battery, a checkpoint cut short) gives a sound database:
  it holds acknowledged saves and is kept, and SQLite replays it on open;
* otherwise the library is read *without* the log (``immutable=1``, which
  ignores ``-wal``) and checked the same way. Sound without, damaged with: the
  log is not this library's. It is renamed to
  ``<library>-wal.set-aside-<UTC time>`` (its ``-shm`` index with it) and the
  library opens as its own file says; :class:`LogSetAside` names the file;
* damaged either way: the library itself is damaged. Nothing is renamed or
  written; the caller refuses it (``library_corrupt``).

A log is live when another connection has the library open: SQLite's unix
VFS holds a read lock on the ``-shm`` "dead man switch" byte for as long as a
connection is open, and treats whoever can lock it exclusively as the first
opener. The same test is made here (``fcntl.lockf`` on that byte), and a
live log is never judged. POSIX locks do not conflict within one process, so
libraries open in this process are counted instead (:func:`opened`,
:func:`closed`). Where ``fcntl`` is missing (Windows), a log open elsewhere
cannot be renamed (SQLite opens it without delete sharing), and a failed
rename leaves everything as it was.

The check costs one integrity pass over the library, and only when a log
with frames was left behind (after a crash, or a foreign file): a clean close
checkpoints and removes the log.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from deskapp.errors import LibraryError

WAL_HEADER_SIZE = 32
# The "dead man switch" byte of the -shm file in SQLite's unix VFS:
# (22 + SQLITE_SHM_NLOCK) * 4 + SQLITE_SHM_NLOCK with SQLITE_SHM_NLOCK = 8.
_SHM_DMS_OFFSET = 128
# SQLite's primary result codes for "this is not a sound database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26

_open_here: dict[str, int] = {}
_open_lock = threading.Lock()


@dataclass(frozen=True)
class LogSetAside:
    """A log that was not the library's, and where it now is."""

    library: Path
    moved_to: Path


def opened(path: Path | str) -> None:
    """Count a connection of this process on the library at ``path``."""
    key = _key(path)
    with _open_lock:
        _open_here[key] = _open_here.get(key, 0) + 1


def closed(path: Path | str) -> None:
    key = _key(path)
    with _open_lock:
        left = _open_here.get(key, 0) - 1
        if left > 0:
            _open_here[key] = left
        else:
            _open_here.pop(key, None)


def log_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def has_frames(path: Path) -> bool:
    """Whether the library's ``-wal`` file holds more than its 32-byte header."""
    try:
        return log_path(path).stat().st_size > WAL_HEADER_SIZE
    except OSError:
        return False


def settle_log(path: Path) -> LogSetAside | None:
    """Keep the log beside ``path`` if it is the library's; set it aside if not.

    Raises ``LibraryError("library_corrupt")`` when the library is damaged
    with and without its log; nothing is changed then. When the question
    cannot be answered (a live connection, a folder that cannot be read),
    everything is left as it is.
    """
    path = Path(path)
    if not has_frames(path) or _in_use(path):
        return None
    if not path.exists() or path.stat().st_size == 0:
        # SQLite would build a new library out of the log's pages.
        return _set_aside(path)
    with_log = _sound(path, with_log=True)
    if with_log is not False:
        return None  # sound (a crash of this library: its saves), or no verdict
    without_log = _sound(path, with_log=False)
    if without_log is None:
        return None
    if not without_log:
        raise LibraryError("library_corrupt", path=str(path))
    return _set_aside(path)


def _sound(path: Path, *, with_log: bool) -> bool | None:
    """``integrity_check`` on a read-only connection; None when it could not run."""
    options = "mode=ro" if with_log else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=10)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute("PRAGMA integrity_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return False
        return None
    finally:
        conn.close()
    return rows == [("ok",)]


def _set_aside(path: Path) -> LogSetAside | None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    log = log_path(path)
    target = log.with_name(f"{log.name}.set-aside-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = log.with_name(f"{log.name}.set-aside-{stamp}-{counter}")
    try:
        os.rename(log, target)
    except OSError:
        return None  # open elsewhere (Windows), or a folder we may not change
    shm = path.with_name(path.name + "-shm")
    with contextlib.suppress(OSError):
        os.rename(shm, target.with_name(target.name.replace("-wal.", "-shm.", 1)))
    return LogSetAside(path, target)


def _in_use(path: Path) -> bool:
    """Whether a connection (here or in another process) has the library open."""
    with _open_lock:
        if _open_here.get(_key(path)):
            return True
    shm = path.with_name(path.name + "-shm")
    try:
        import fcntl
    except ImportError:
        return False  # the rename in _set_aside is refused for a file open elsewhere
    try:
        handle = os.open(shm, os.O_RDWR)
    except FileNotFoundError:
        return False  # no connection reads a WAL library without its index
    except OSError:
        return True  # cannot tell: leave it alone
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_OFFSET)
    except OSError:
        return True
    else:
        fcntl.lockf(handle, fcntl.LOCK_UN, 1, _SHM_DMS_OFFSET)
        return False
    finally:
        os.close(handle)


def _key(path: Path | str) -> str:
    return os.path.realpath(path)
