"""The slow checks of a library, after the window is on screen.

Reading every page (``PRAGMA quick_check``) and copying the library for the
day's backup each take seconds on a library of a gigabyte; before the first
paint they would keep a person staring at nothing. :class:`LibraryCheckup`
runs them on a thread of its own with connections of its own, in that order:
a library found damaged is never backed up (the copy would push a sound
backup out of the rotation) and the window is told, so it stops writing to
the file and offers a backup.

The thread is a daemon: quitting never waits for a backup. One cut short
leaves only a temporary file, which the next rotation removes.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from deskapp.errors import LibraryError
from deskapp.store.library import check_pages

OK, DAMAGED, STOPPED, FAILED = "ok", "damaged", "stopped", "failed"


class LibraryCheckup(QObject):
    """Check the library file, then take today's backup; ``finished`` says how it went."""

    finished = Signal(str)  # OK, DAMAGED, STOPPED, or FAILED (the check could not run)

    def __init__(self, path: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.result: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.finished.connect(self._remember)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="library-checkup", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Cut the page check short (a backup under way finishes or dies with the process)."""
        self._stop.set()

    def wait(self, seconds: float = 30.0) -> bool:
        if self._thread is not None:
            self._thread.join(seconds)
        return self._thread is None or not self._thread.is_alive()

    def _run(self) -> None:
        try:
            verdict = check_pages(self.path, stop=self._stop.is_set)
        except LibraryError as exc:
            logging.getLogger(__name__).warning("library check skipped: %s", exc)
            self._emit(FAILED)
            return
        if verdict is None:
            self._emit(STOPPED)
            return
        if not verdict:
            self._emit(DAMAGED)
            return
        if not self._stop.is_set():
            from deskapp.store.backup import ensure_daily_backup  # on this worker thread

            try:
                ensure_daily_backup(self.path)
            except LibraryError as exc:  # a failed backup must not keep anyone from writing
                logging.getLogger(__name__).warning("daily backup skipped: %s", exc)
        self._emit(OK)

    def _emit(self, result: str) -> None:
        try:
            self.finished.emit(result)
        except RuntimeError:  # the window (and this object) went away meanwhile
            pass

    def _remember(self, result: str) -> None:
        self.result = result
