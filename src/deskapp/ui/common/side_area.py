"""One side area for the desk's panels: docks tabbed together beside the text, shown on demand.

History, proofing, comments, the print check and the print preview are
docks that share the window's right-hand dock area as tabs. They start
hidden (a first start shows the text, the library and the preview), open
when asked for (F7, the Article menu, View → Print preview) and may move to
the left side, never above or below the editor: a dock there would take its
height, and the text would shrink to a few lines on a laptop screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

SIDES = Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
# The side area's width when first opened: a third of the window, within these bounds.
MIN_WIDTH, MAX_WIDTH = 360, 560


class SideArea:
    """Places docks in the shared side area and shows them when asked for."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
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
        dock.toggleViewAction().triggered.connect(lambda on: on and self.show(dock))

    def docks(self) -> list[QDockWidget]:
        return list(self._docks)

    def show(self, dock: QDockWidget) -> None:
        """Show ``dock`` as the front tab of the side area."""
        dock.show()
        dock.raise_()
        if not self._sized and not dock.isFloating():  # the first time: a third of the window
            self._sized = True
            width = max(MIN_WIDTH, min(MAX_WIDTH, self._window.width() // 3))
            self._window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def shown(self) -> list[QDockWidget]:
        return [dock for dock in self._docks if dock.isVisible()]

    def hide_all(self) -> None:
        for dock in self._docks:
            dock.hide()

    def layout_restored(self) -> None:
        """A saved layout was applied: its widths stand, nothing to size on first show."""
        self._sized = any(dock.isVisible() for dock in self._docks)
