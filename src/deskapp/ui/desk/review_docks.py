"""The desk's panels as dock widgets in the side area: proofing, comments and history."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QWidget,
)

from deskapp.store import Library
from deskapp.ui.common.side_area import SideArea
from deskapp.ui.editor.editor import EditorPanel

if TYPE_CHECKING:
    from deskapp.proof.house import HouseStyle
    from deskapp.ui.desk.comments_panel import CommentsPanel
    from deskapp.ui.desk.history_panel import HistoryPanel
    from deskapp.ui.desk.proof_panel import ProofPanel

# Lists and diff views may shrink this far so a low window still fits a dock.
MIN_LIST_HEIGHT = 24


def _t(text: str) -> str:
    return QCoreApplication.translate("ReviewDocks", text)


# Dock titles, listed for the translation tools.
_TITLES = (QCoreApplication.translate("ReviewDocks", "Proofing"),
           QCoreApplication.translate("ReviewDocks", "Comments"),
           QCoreApplication.translate("ReviewDocks", "History"))


class ReviewDocks:
    """Docks the panels in the window's side area; each panel is built when first needed.

    The docks themselves (and so the window's layout) exist from the start,
    hidden until asked for (:meth:`open`). A
    panel, and the proofing engine or diff code behind it, is built by
    :meth:`settle` once the window has been painted (for the docks then
    visible), when its dock is first shown, or when the window first asks for it.
    """

    def __init__(self, window: QMainWindow, side: SideArea, library: Library,
                 editor: EditorPanel, author: Callable[[], str],
                 house: Callable[[], HouseStyle], *,
                 on_restore: Callable[[str], object], on_error: Callable[[str], object]) -> None:
        self._window = window
        self._library = library
        self._editor = editor
        self._author = author
        self._house = house
        self._on_restore = on_restore
        self._on_error = on_error
        self._proof: ProofPanel | None = None
        self._comments: CommentsPanel | None = None
        self._history: HistoryPanel | None = None
        self._history_stale = False
        self._settled = False
        self.proof_dock = _dock(window, _t("Proofing"), "proofDock")
        self.comments_dock = _dock(window, _t("Comments"), "commentsDock")
        self.history_dock = _dock(window, _t("History"), "historyDock")
        self.side = side
        for dock in self.docks():
            side.add(dock)
        for dock, build in ((self.proof_dock, lambda: self.proof),
                            (self.comments_dock, lambda: self.comments),
                            (self.history_dock, lambda: self.history)):
            dock.visibilityChanged.connect(
                lambda visible, build=build: self._settled and visible and build())
        self.history_dock.visibilityChanged.connect(self._history_shown)

    def recheck_proofing(self) -> None:
        """Check the open article again (the name register changed), if the panel exists."""
        if self._proof is not None:
            self._proof.request()

    # ---- the panels, built on first use ------------------------------------------
    @property
    def proof(self) -> ProofPanel:
        if self._proof is None:
            from deskapp.ui.desk.proof_panel import ProofPanel

            self._proof = ProofPanel(self._editor, self._house, self._window)
            _fill(self.proof_dock, self._proof)
            self._proof.article_changed()
        return self._proof

    @property
    def comments(self) -> CommentsPanel:
        if self._comments is None:
            from deskapp.ui.desk.comments_panel import CommentsPanel

            self._comments = CommentsPanel(self._library, self._editor, self._author,
                                           self._window)
            self._comments.failed.connect(self._on_error)
            _fill(self.comments_dock, self._comments)
        return self._comments

    @property
    def history(self) -> HistoryPanel:
        if self._history is None:
            from deskapp.ui.desk.history_panel import HistoryPanel

            self._history = HistoryPanel(self._library, self._window)
            self._history.restoreRequested.connect(self._on_restore)
            _fill(self.history_dock, self._history)
            self._history.show_article(self._editor.article_id)
        return self._history

    def latest_findings(self) -> int | None:
        """The proofing panel's count for the text as it is now (None: not checked so)."""
        return self._proof.current_count() if self._proof is not None else None

    def settle(self) -> None:
        """Build the panels whose docks are on screen (after the window's first paint)."""
        self._settled = True
        if _on_screen(self.proof_dock):
            self.proof  # noqa: B018 (builds it)
        if _on_screen(self.comments_dock):
            self.comments  # noqa: B018
        if _on_screen(self.history_dock):
            self.history  # noqa: B018

    # ---- what the window tells every built panel ---------------------------------
    def article_changed(self) -> None:
        """Another article is open (or none)."""
        if self._proof is not None:
            self._proof.article_changed()
        if self._comments is not None:
            self._comments.refresh()
        self.history_changed()

    def comments_changed(self) -> None:
        """Comments of the open article arrived or were resolved elsewhere (a sync)."""
        if self._comments is not None:
            self._comments.refresh()
        self.history_changed()

    def history_changed(self, *, appended: bool = False) -> None:
        """The open article's history changed (or another article is open).

        ``appended``: a save here added (or rewrote) its newest revision. Read
        again only while the History dock is on screen; otherwise when it
        comes back (a save never reads the history behind a hidden dock).
        """
        if self._history is None:
            return
        if self.history_dock.isVisible():
            self._history.show_article(self._editor.article_id,
                                       appended=appended and not self._history_stale)
            self._history_stale = False
        else:
            self._history_stale = True

    def _history_shown(self, visible: bool) -> None:
        if visible and self._history is not None and self._history_stale:
            self.history_changed()

    def use_library(self, library: Library) -> None:
        self._library = library
        for panel in (self._comments, self._history):
            if panel is not None:
                panel.library = library

    def docks(self) -> list[QDockWidget]:
        return [self.proof_dock, self.comments_dock, self.history_dock]

    def open(self, dock: QDockWidget) -> None:
        """Show ``dock`` as the side area's front tab."""
        self.side.show(dock)

    def wait(self) -> None:
        if self._proof is not None:
            self._proof.wait()
        if self._history is not None:
            self._history.wait()
        if self._comments is not None:
            self._comments.wait()

    def stop(self) -> None:
        """No more checks or re-anchoring (the window is closing)."""
        if self._proof is not None:
            self._proof.job.stop()
        if self._comments is not None:
            self._comments.stop()


def _on_screen(dock: QDockWidget) -> bool:
    """Shown, and the front tab when tabbed with other docks."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def _fill(dock: QDockWidget, panel: QWidget) -> None:
    for child in panel.findChildren(QAbstractScrollArea):
        child.setMinimumHeight(MIN_LIST_HEIGHT)
    holder = dock.widget()
    assert isinstance(holder, QScrollArea)
    holder.setWidget(panel)


def _dock(window: QMainWindow, title: str, name: str) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    holder = QScrollArea(dock)  # lets a small window squeeze the dock instead of growing
    holder.setWidgetResizable(True)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setMinimumHeight(MIN_LIST_HEIGHT)
    dock.setWidget(holder)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    return dock
