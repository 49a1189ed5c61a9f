"""Open the library for writing at start: the writer lock, hand-over, recovery.

:func:`open_for_writing` takes the writer lock (or hands over to the Deskapp
that holds it), opens the library and, when that fails, runs the recovery
dialog until a library opens or the person quits. Nothing here blocks on a
dialog by itself: ``choose`` and ``inform`` are given by the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from deskapp.errors import DeskappError
from deskapp.messages import message
from deskapp.store import Library
from deskapp.store.lock import WriterLock, acquire_writer_lock, lock_owner
from deskapp.ui.common.errors import error_words
from deskapp.ui.common.i18n import core_language
from deskapp.ui.safety.recovery_dialog import Choose, recover
from deskapp.workspace import open_library

MAX_ATTEMPTS = 5


@dataclass
class Opened:
    """The library open for writing, with the lock that keeps it ours."""

    library: Library
    path: Path
    lock: WriterLock | None

    def close(self) -> None:
        """Close the library, then give the lock up (in that order)."""
        self.library.close()
        if self.lock is not None:
            self.lock.release()


def open_for_writing(path: Path, *, choose: Choose, inform: Callable[[str], None],
                     files: Sequence[Path] = ()) -> Opened | None:
    """The library at ``path`` (or the one recovery chose), or None when we should exit."""
    for _attempt in range(MAX_ATTEMPTS):
        try:
            lock = acquire_writer_lock(path)
        except OSError:
            lock = None  # a read-only folder: opening fails below and recovery explains
        else:
            if lock is None:
                inform(_held_elsewhere(path, files))
                return None
        try:
            # Reading every page and the daily backup wait for the window
            # (deskapp.ui.safety.library_checkup): on a big library they take seconds.
            library = open_library(path, check=False, daily_backup=False,
                                   language=core_language())
        except DeskappError as error:
            if error.code == "disk_full":  # not damage: no recovery to offer
                if lock is not None:
                    lock.release()
                inform(error_words(error))
                return None
        else:
            if library.log_set_aside is not None:
                inform(message("log_set_aside", core_language(), path=str(path),
                               moved_to=str(library.log_set_aside)))
            return Opened(library, path, lock)
        try:
            chosen = recover(path, choose)
        except DeskappError as error:
            inform(error_words(error))
            chosen = None
        finally:
            if lock is not None:
                lock.release()
        if chosen is None:
            return None
        path = chosen
    return None


def _held_elsewhere(path: Path, files: Sequence[Path]) -> str:
    """Hand over to the window that has the library; the sentence to show either way."""
    from deskapp.ui.shell.single_instance import hand_over

    translate = QCoreApplication.translate
    if hand_over(path, list(files)):
        return translate("Startup", "Deskapp is already open with this library: its window "
                                    "has been brought to the front.")
    owner = lock_owner(path)
    if owner is not None:
        who = translate("Startup", "process %1 on %2").replace("%1", str(owner.pid)) \
            .replace("%2", owner.host)
    else:
        who = translate("Startup", "another process")
    return translate("Startup", "The library “%1” is open in another Deskapp (%2). Use that "
                                "window, or close it and start Deskapp again.") \
        .replace("%1", str(path)).replace("%2", who)
