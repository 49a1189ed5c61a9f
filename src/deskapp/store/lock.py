"""One library, one writer: an advisory lock file beside the library.

``library.sqlite.lock`` holds the process id and host name of the Deskapp
that writes to the library, so a second window (a double click on the icon)
can step back and hand over to the first instead of two editors
autosaving over each other.

The lock is the operating system's (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows), not the file's existence: the OS drops it
when its process dies, however it dies, so a lock file left by a crashed or
killed Deskapp is simply taken over by the next one. The text inside is
only information for the person (and for the GUI, to find the first window).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

LOCK_SUFFIX = ".lock"
# Windows locks byte ranges, and a locked range cannot be read by others:
# lock one byte far past the text so the owner's details stay readable.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class LockOwner:
    """Who holds (or last held) the writer lock, as written in the lock file."""

    pid: int
    host: str

    @property
    def is_this_process(self) -> bool:
        return self.pid == os.getpid() and self.host == _host()


def lock_path(library_path: Path | str) -> Path:
    """``<library file>.lock`` beside the library."""
    library_path = Path(library_path)
    return library_path.with_name(library_path.name + LOCK_SUFFIX)


class WriterLock:
    """The held lock; released by :meth:`release`, on ``with`` exit or at process exit."""

    def __init__(self, path: Path, handle: IO[bytes]) -> None:
        self.path = path
        self._handle: IO[bytes] | None = handle
        atexit.register(self.release)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        """Give the lock up; the file stays (removing it would race a new owner)."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()
        atexit.unregister(self.release)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire_writer_lock(library_path: Path | str) -> WriterLock | None:
    """Take the writer lock for the library, or return None if a live process holds it.

    A lock file left by a dead process is taken over: its lock died with it.
    Raises ``OSError`` when the lock file cannot be created at all (a
    read-only folder), which the caller reports like an unwritable library.
    """
    path = lock_path(library_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+b")
    try:
        if not _try_lock(handle):
            handle.close()
            return None
        _write_owner(handle)
    except BaseException:
        handle.close()
        raise
    return WriterLock(path, handle)


def lock_owner(library_path: Path | str) -> LockOwner | None:
    """The live holder of the library's writer lock, or None when it is free.

    The check takes the lock for an instant and gives it back; a lock held
    by this very process (through another handle) is reported as its owner.
    """
    path = lock_path(library_path)
    try:
        handle = open(path, "rb")
    except OSError:
        return None
    with handle:
        if _try_lock(handle):
            _unlock(handle)
            return None
        return _read_owner(handle)


def _write_owner(handle: IO[bytes]) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()} {_host()}\n".encode())
    # Flushed, not synced: the line only names the holder in a message (the lock itself
    # is the kernel's and ends with the process), and an fsync here would make every start
    # wait for the disk. After a power cut an empty line reads as an unknown holder.
    handle.flush()


def _read_owner(handle: IO[bytes]) -> LockOwner:
    handle.seek(0)
    words = handle.read(400).decode("utf-8", "replace").split()
    try:
        return LockOwner(int(words[0]), words[1] if len(words) > 1 else "")
    except (IndexError, ValueError):
        return LockOwner(0, "")


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _host() -> str:
    """This computer's network name, as ``platform.node()`` gives it (without importing
    the platform module at every start, where os.uname has it)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import platform

    return platform.node()
