"""Writing files so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """Write beside ``target``, flush to disk, then swap it in with one rename.

    A crash or an error at any step leaves either the old file or the new one
    at ``target``, never a half-written one; the temporary file is removed on
    failure and the ``OSError`` is raised to the caller.
    """
    target = Path(target)
    temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(temp, flags, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open a folder for this."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)
