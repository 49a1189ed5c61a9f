"""Run core work off the UI thread and report back through Qt signals."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot


class _Signals(QObject):
    """The outcomes of a :class:`Runner`'s jobs, as (job number, value).

    One object per runner, made and destroyed on the UI thread. A QObject per
    job would be freed with its job on the worker thread while its queued
    signal still waits on the UI thread, which Qt does not allow.
    """

    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], number: int, signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.number = number
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # reported to the UI thread, never swallowed
            self._emit(self.signals.failed, error)
        else:
            self._emit(self.signals.done, result)

    def _emit(self, signal: Any, value: Any) -> None:
        try:
            signal.emit(self.number, value)
        except RuntimeError:
            pass  # the runner's window is gone: nobody waits for this result


class Runner(QObject):
    """Starts background jobs; results and errors arrive on the UI thread.

    When the runner (a child of the widget that started the jobs) is
    destroyed, late results are dropped with it and never reach a deleted widget.
    """

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._numbers = itertools.count()

    def start(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> None:
        number = next(self._numbers)
        self._waiting[number] = (on_done, on_failed)
        self.pool.start(_Job(fn, number, self._signals))

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    @Slot(int, object)
    def _done(self, number: int, value: Any) -> None:
        callbacks = self._waiting.pop(number, None)
        if callbacks is not None:
            callbacks[0](value)

    @Slot(int, object)
    def _failed(self, number: int, error: Any) -> None:
        callbacks = self._waiting.pop(number, None)
        if callbacks is not None:
            callbacks[1](error)


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
