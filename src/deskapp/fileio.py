"""Writing files so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from deskapp.errors import UnsafeTarget


def write_atomically(target: Path, data: bytes) -> None:
    """Write beside ``target``, flush to disk, then swap it in with one rename.

    A crash or an error at any step leaves either the old file or the new one
    at ``target``, never a half-written one; the temporary file is removed on
    failure and the ``OSError`` is raised to the caller. Only a new path or a
    regular file is replaced: a device, a folder, a pipe, a socket or a
    symbolic link at ``target`` raises :class:`~deskapp.errors.UnsafeTarget`
    and nothing is written (see :func:`check_target`).
    """
    target = Path(target)
    check_target(target)
    temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(temp, flags, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        check_target(target)  # again, just before the swap
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def check_target(target: Path) -> None:
    """Refuse to replace anything at ``target`` but a regular file.

    ``os.replace`` would put a regular file in place of a device node (as
    root, ``/dev/full`` became a file), a FIFO or a socket another program
    listens on, or an empty folder. A symbolic link is refused too, wherever
    it points: writing through it would change a file outside the chosen
    folder, replacing it would silently break the link. Only the last part of
    the path is judged; folders on the way may be links (``/tmp`` on macOS).
    """
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return  # nothing there (or nothing we may look at): the write says why
    if stat.S_ISREG(mode):
        return
    if stat.S_ISLNK(mode):
        kind = "link"
    elif stat.S_ISDIR(mode):
        kind = "folder"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "device"
    elif stat.S_ISFIFO(mode):
        kind = "fifo"
    elif stat.S_ISSOCK(mode):
        kind = "socket"
    else:
        kind = "special"
    raise UnsafeTarget(name=str(target), kind=kind)


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
