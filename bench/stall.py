"""An event-loop stall detector for benchmarks of the window.

A timer on the UI thread beats every few milliseconds; a watchdog thread
checks the beat. When the UI thread has not beaten for longer than the
threshold, the watchdog takes the UI thread's stack at that moment (once
per stall), so each stall is reported with where it happened, not only how
long it lasted. Wall time is measured; nothing in it is specific to Deskapp.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer


@dataclass
class Stall:
    started: float  # perf_counter when the last beat before it happened
    length_ms: float
    where: list[str] = field(default_factory=list)  # "file:line function" lines, innermost last


class StallDetector(QObject):
    """``start()`` on the UI thread; ``stop()`` returns the stalls seen over the threshold."""

    def __init__(self, threshold_ms: float = 50.0, beat_ms: int = 4,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = threshold_ms / 1000
        self.timer = QTimer(self)
        self.timer.setInterval(beat_ms)
        self.timer.timeout.connect(self._beat)
        self.longest_ms = 0.0
        self.stalls: list[Stall] = []
        self._last = time.perf_counter()
        self._ui_thread = threading.get_ident()
        self._sampled: list[str] | None = None  # the stack taken during the current stall
        self._running = False
        self._lock = threading.Lock()
        self._watchdog: threading.Thread | None = None

    def start(self) -> None:
        self._ui_thread = threading.get_ident()
        self._last = time.perf_counter()
        self._running = True
        self.timer.start()
        self._watchdog = threading.Thread(target=self._watch, name="stall-watchdog",
                                          daemon=True)
        self._watchdog.start()

    def stop(self) -> list[Stall]:
        self._beat()
        self._running = False
        self.timer.stop()
        if self._watchdog is not None:
            self._watchdog.join()
        return self.stalls

    def _beat(self) -> None:
        now = time.perf_counter()
        with self._lock:
            gap = now - self._last
            self.longest_ms = max(self.longest_ms, gap * 1000)
            if gap > self.threshold:
                self.stalls.append(Stall(self._last, gap * 1000, self._sampled or []))
            self._last = now
            self._sampled = None

    def _watch(self) -> None:
        step = self.threshold / 4
        while self._running:
            time.sleep(step)
            with self._lock:
                stalled = time.perf_counter() - self._last > self.threshold
                if stalled and self._sampled is None:
                    frame = sys._current_frames().get(self._ui_thread)
                    self._sampled = _where(frame) if frame is not None else []


def _where(frame: object) -> list[str]:
    """The stack as short lines, the project's own frames only when there are any."""
    entries = traceback.extract_stack(frame)  # type: ignore[arg-type]
    lines = [f"{e.filename.rsplit('/src/', 1)[-1]}:{e.lineno} {e.name}" for e in entries]
    own = [line for line in lines if line.startswith("deskapp/")]
    return own or lines[-6:]
