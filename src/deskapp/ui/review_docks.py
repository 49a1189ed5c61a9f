"""The desk's side panels as dock widgets: proofing, comments and history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QWidget,
)

from deskapp.store import Library
from deskapp.ui.comments_panel import CommentsPanel
from deskapp.ui.editor import EditorPanel
from deskapp.ui.history_panel import HistoryPanel
from deskapp.ui.proof_panel import ProofPanel

# Lists and diff views may shrink this far so a small window still fits the docks.
MIN_LIST_HEIGHT = 24


def _t(text: str) -> str:
    return QCoreApplication.translate("ReviewDocks", text)


# Dock titles, listed for the translation tools.
_TITLES = (QCoreApplication.translate("ReviewDocks", "Proofing"),
           QCoreApplication.translate("ReviewDocks", "Comments"),
           QCoreApplication.translate("ReviewDocks", "History"))


class ReviewDocks:
    """Builds the panels and docks them under the editor and preview."""

    def __init__(self, window: QMainWindow, library: Library, editor: EditorPanel,
                 author: Callable[[], str], tone_style: Callable[[], str | None]) -> None:
        self.proof = ProofPanel(editor, tone_style, window)
        self.comments = CommentsPanel(library, editor, author, window)
        self.history = HistoryPanel(library, window)
        self.proof_dock = _dock(window, self.proof, _t("Proofing"), "proofDock")
        self.comments_dock = _dock(window, self.comments, _t("Comments"), "commentsDock")
        self.history_dock = _dock(window, self.history, _t("History"), "historyDock")
        area = Qt.DockWidgetArea.BottomDockWidgetArea
        window.addDockWidget(area, self.history_dock)
        window.addDockWidget(area, self.proof_dock)
        window.splitDockWidget(self.history_dock, self.proof_dock, Qt.Orientation.Horizontal)
        window.tabifyDockWidget(self.proof_dock, self.comments_dock)
        self.proof_dock.raise_()
        window.resizeDocks([self.history_dock, self.proof_dock], [760, 520],
                           Qt.Orientation.Horizontal)
        window.resizeDocks([self.history_dock], [300], Qt.Orientation.Vertical)

    def docks(self) -> list[QDockWidget]:
        return [self.proof_dock, self.comments_dock, self.history_dock]

    def wait(self) -> None:
        self.proof.wait()

    def stop(self) -> None:
        """No more checks or re-anchoring (the window is closing)."""
        self.proof.job.stop()
        self.comments.stop()


def _dock(window: QMainWindow, panel: QWidget, title: str, name: str) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    for child in panel.findChildren(QAbstractScrollArea):
        child.setMinimumHeight(MIN_LIST_HEIGHT)
    holder = QScrollArea(dock)  # lets a small window squeeze the dock instead of growing
    holder.setWidgetResizable(True)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setWidget(panel)
    holder.setMinimumHeight(MIN_LIST_HEIGHT)
    dock.setWidget(holder)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    return dock
