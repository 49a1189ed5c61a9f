"""The text keeps its width when a desk panel opens beside it.

When History, Proofing, Comments or the print preview open in the side area,
the window takes their width from its central splitter, which would share the
loss by its stretch factors, the editor's included. :class:`TextRoom` notes the
library's, editor's and preview's widths while the side area is closed and,
once the panel is laid out, gives its room from the preview first, then the
library, and from the editor only what is still missing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtWidgets import QSplitter

from deskapp.ui.common.side_area import room_beside

# How long after an opening the splitter's resizes are still the panel's layout settling.
SETTLE_MS = 300


class TextRoom(QObject):
    """Keeps the editor's width across the side area's opening."""

    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.side_open: Callable[[], bool] = lambda: False
        self._free: list[int] | None = None  # the widths with the side area closed
        self._opening = QElapsedTimer()
        splitter.splitterMoved.connect(lambda *_: self._note())
        splitter.installEventFilter(self)

    def make_room(self) -> None:
        """The side area is opening: the next layouts give its room from the neighbours."""
        if self._free is None and not self.side_open():
            self._note()
        self._opening.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if self._opening.isValid() and self._opening.elapsed() < SETTLE_MS:
                # After the splitter's own resize handling, which shares the loss out.
                QTimer.singleShot(0, self._give_room)
            else:
                self._opening.invalidate()
                QTimer.singleShot(0, self._note)  # the widths once the splitter has its own
        return False

    def _note(self) -> None:
        if not self.side_open() and len(self.splitter.sizes()) == 3:
            self._free = self.splitter.sizes()

    def _give_room(self) -> None:
        free = self._free
        sizes = self.splitter.sizes()
        if free is None or len(sizes) != 3:
            return
        lost = sum(free) - sum(sizes)
        if lost > 0:
            self.splitter.setSizes(room_beside(free, lost))
