"""Run core work off the UI thread and report back through Qt signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # reported to the UI thread, never swallowed
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class _Relay(QObject):
    """Delivers one job's outcome on the UI thread, and only while its owner lives.

    A child of the :class:`Runner`: when the widget that started the job is
    destroyed, Qt drops the connection with it, so a late result never reaches
    a deleted widget.
    """

    def __init__(self, owner: QObject, on_done: Callable[[Any], None],
                 on_failed: Callable[[Exception], None]) -> None:
        super().__init__(owner)
        self._on_done = on_done
        self._on_failed = on_failed

    @Slot(object)
    def done(self, value: Any) -> None:
        self.deleteLater()
        self._on_done(value)

    @Slot(object)
    def failed(self, error: Exception) -> None:
        self.deleteLater()
        self._on_failed(error)


class Runner(QObject):
    """Starts background jobs; results and errors arrive on the UI thread."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)

    def start(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        job = _Job(fn)
        relay = _Relay(self, on_done, on_failed)
        job.signals.done.connect(relay.done)
        job.signals.failed.connect(relay.failed)
        self.pool.start(job)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


class Coalesced(QObject):
    """Background work that follows the typing: after a pause, one job at a time.

    ``request()`` (re)starts the pause; when it ends, ``fire`` runs. A caller's
    ``fire`` asks ``begin()`` first: while a job is in flight the request is
    remembered and runs once more when that job finishes, so the result always
    catches up with the newest text without queueing stale jobs.
    """

    def __init__(self, parent: QObject, delay_ms: int, fire: Callable[[], None]) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(fire)
        self._runner = Runner(self, threads=1)
        self._running = False
        self._again = False

    def request(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def begin(self) -> bool:
        """Called by ``fire``: False when a job is in flight (it will run again after)."""
        self.timer.stop()
        if self._running:
            self._again = True
            return False
        return True

    def start(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
              on_failed: Callable[[Exception], None]) -> None:
        self._running = True
        self._runner.start(fn, lambda value: self._finish(on_done, value),
                           lambda error: self._finish(on_failed, error))

    def is_busy(self) -> bool:
        return self._running or self.timer.isActive()

    def wait(self) -> bool:
        return self._runner.wait()

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.timer.start()
        callback(value)
