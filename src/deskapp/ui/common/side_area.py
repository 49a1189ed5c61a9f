"""One side area for the desk's panels: docks tabbed together beside the text, shown on demand.

History, proofing, comments, the print check and the print preview are
docks that share the window's right-hand dock area as tabs. They start
hidden (a first start shows the text, the library and the preview), open
when asked for (F7, the Article menu, View → Print preview) and may move to
the left side, never above or below the editor: a dock there would take its
height, and the text would shrink to a few lines on a laptop screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

SIDES = Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
# The side area's width when first opened: a quarter of the window, within these bounds
# (on a 1366-pixel laptop the panel's room then comes from the preview and the library).
MIN_WIDTH, MAX_WIDTH = 340, 520
# What is left of the text's neighbours when the side area makes room beside the editor.
KEEP_PREVIEW, KEEP_LIBRARY = 260, 200


class SideArea:
    """Places docks in the shared side area and shows them when asked for."""

    def __init__(self, window: QMainWindow,
                 make_room: Callable[[], None] | None = None) -> None:
        self._window = window
        # Called when the side area opens from closed, so its room comes from the
        # editor's neighbours and not from the text (see :func:`room_beside`).
        self._make_room = make_room
        self._docks: list[QDockWidget] = []
        self._sized = False
        window.setTabPosition(SIDES, QTabWidget.TabPosition.North)  # tabs under the title

    def add(self, dock: QDockWidget) -> None:
        """Place ``dock`` with the others (where a restored layout had it), hidden.

        A dock built after the layout was restored (the print preview, the
        print check) goes where that layout kept it, if it did.
        """
        dock.setAllowedAreas(SIDES)
        window = self._window
        if not window.restoreDockWidget(dock):
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if self._docks:
                window.tabifyDockWidget(self._docks[0], dock)
            dock.hide()
        self._docks.append(dock)
        # Its menu item (Article → History…) brings it to the front of its tabs.
        # Qt has shown the dock by then: it was closed before.
        dock.toggleViewAction().triggered.connect(lambda on: on and self.show(dock, True))

    def docks(self) -> list[QDockWidget]:
        return list(self._docks)

    def show(self, dock: QDockWidget, was_closed: bool | None = None) -> None:
        """Show ``dock`` as the front tab of the side area."""
        if was_closed is None:
            was_closed = not dock.isVisible()
        opening = was_closed and not dock.isFloating() and not any(
            other is not dock and other.isVisible() and not other.isFloating()
            for other in self._docks)
        if opening and self._make_room is not None:
            self._make_room()
        dock.show()
        dock.raise_()
        if not self._sized and not dock.isFloating():  # the first time: a quarter of the window
            self._sized = True
            width = max(MIN_WIDTH, min(MAX_WIDTH, self._window.width() // 4))
            self._window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def is_open(self) -> bool:
        """Whether a panel is open beside the text (a floating one takes no room there)."""
        return any(dock.isVisible() and not dock.isFloating() for dock in self._docks)

    def shown(self) -> list[QDockWidget]:
        return [dock for dock in self._docks if dock.isVisible()]

    def hide_all(self) -> None:
        for dock in self._docks:
            dock.hide()

    def layout_restored(self) -> None:
        """A saved layout was applied: its widths stand, nothing to size on first show."""
        self._sized = any(dock.isVisible() for dock in self._docks)


def room_beside(sizes: list[int], width: int) -> list[int]:
    """The library's, editor's and preview's widths once ``width`` is given to the side area.

    The room comes from the preview first (down to ``KEEP_PREVIEW``), then from
    the library (down to ``KEEP_LIBRARY``); the editor gives only what is still
    missing, so opening Comments or History never narrows the text first.
    """
    library, editor, preview = sizes
    take = min(width, max(0, preview - KEEP_PREVIEW))
    preview -= take
    width -= take
    take = min(width, max(0, library - KEEP_LIBRARY))
    library -= take
    width -= take
    return [library, max(0, editor - width), preview]
