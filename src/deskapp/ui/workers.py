"""Run core work off the UI thread and report back through Qt signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


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
