"""The library list: articles newest first (or by headline), the trash, and search.

The list is a model over the store (:class:`LibraryModel`) shown in a
``QTreeView``. It asks the library for a page of rows at a time as the view
scrolls (``canFetchMore``/``fetchMore``), so a library of 100,000 articles
opens with one page read and the rows nobody scrolls to are never loaded.
Search results (a few hundred at most) are handed over as a whole list.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from deskapp.store import ArticleSummary
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.time_format import local_time
from deskapp.ui.desk.desk_labels import status_text
from deskapp.ui.editor.text_edit import NfcLineEdit, VietnameseTyping
from deskapp.ui.library.library_model import FetchPage, LibraryModel, newest_first, title_order
from deskapp.ui.library.library_rows import HitDelegate, Row

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

STATUSES = ("draft", "submitted", "in_review", "returned", "approved", "exported")
# The headline column keeps room for about this many characters; past that the
# Changed column, then the Status column, give way (their words are in the tooltip).
HEADLINE_CHARS = 14
# Typing in the search box waits this long before asking the library.
SEARCH_DELAY_MS = 150
# A refresh of the same list reloads at most this many rows to keep the place
# the person scrolled to; deeper than that it starts again from the top.
KEEP_ROWS = 2000


class LibraryPanel(OwnContextTr, QWidget):
    """Lists articles; ``openRequested(id)`` when one is chosen, ``queryChanged`` to search."""

    openRequested = Signal(str)
    trashModeChanged = Signal(bool)
    queryChanged = Signal(str)
    sortChanged = Signal(str)
    statusFilterChanged = Signal(str)
    fetchFailed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        self.mode.addItems([self.tr("Articles"), self.tr("Trash")])
        self.by_title = QCheckBox(self.tr("A–Z"), self)
        self.by_title.setToolTip(self.tr("Sort by headline in Vietnamese order"))
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setToolTip(self.tr("Show only the articles in one status"))
        self._counts: dict[str, int] | None = None
        self.set_counts({})
        self.filter = NfcLineEdit(self)  # typed like the article: see share_typing
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Search (accents optional)…"))
        self.filter.setClearButtonEnabled(True)
        self.model = LibraryModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setAllColumnsShowFocus(True)
        # Every row of a list is as high as the others, whatever the width: a search
        # hit is two elided lines (headline, excerpt), any other row one.
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setItemDelegateForColumn(0, HitDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized once from a sample, not from every row: ResizeToContents would
        # measure each row loaded, on every page.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self._column_widths = (0, 0)
        self._size_columns()
        top = QHBoxLayout()
        top.addWidget(self.mode, 1)
        top.addWidget(self.by_title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        self._shown: tuple[object, ...] | None = None
        self._restoring = False

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.queryChanged.emit(self.query()))
        self.mode.currentIndexChanged.connect(lambda i: self.trashModeChanged.emit(i == 1))
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.statusFilterChanged.emit(self.status()))
        self.by_title.toggled.connect(lambda on: self.sortChanged.emit(self.sort()))
        self.filter.textChanged.connect(lambda _text: self._search_timer.start())
        self.filter.returnPressed.connect(self._open_first)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.activated.connect(self._request)
        self.model.fetchFailed.connect(self.fetchFailed)

    def is_trash(self) -> bool:
        return self.mode.currentIndex() == 1

    def show_trash(self, trash: bool) -> None:
        self.mode.setCurrentIndex(1 if trash else 0)

    def query(self) -> str:
        return self.filter.text().strip()

    def sort(self) -> str:
        return "title" if self.by_title.isChecked() else "updated"

    def status(self) -> str:
        """The status shown ("" for every status)."""
        return str(self.status_filter.currentData() or "")

    def set_counts(self, counts: dict[str, int]) -> None:
        """Label the status filter with how many articles are in each status."""
        if counts == self._counts and self.status_filter.count():
            return  # unchanged: no need to rebuild the menu
        self._counts = dict(counts)
        current = self.status()
        self.status_filter.blockSignals(True)
        try:
            self.status_filter.clear()
            total = sum(counts.values())
            self.status_filter.addItem(self.tr("All statuses (%1)").replace("%1", str(total)), "")
            for status in STATUSES:
                self.status_filter.addItem(f"{status_text(status)} ({counts.get(status, 0)})",
                                           status)
            self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(current)))
        finally:
            self.status_filter.blockSignals(False)

    def show_status(self, status: str) -> None:
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))

    def refresh(self, rows: list[Row], select_id: str | None = None,
                marked: Collection[str] = ()) -> None:
        """Show a finished list (search hits); keep ``select_id`` selected without opening it.

        Rows in ``marked`` (articles with two versions waiting for a choice) get a ⚠.
        """
        self._replace(lambda: self.model.show_rows(rows, marked), select_id, keep=False)

    def show_pages(self, fetch: FetchPage, select_id: str | None = None,
                   marked: Collection[str] = ()) -> None:
        """List the library through ``fetch`` (see :meth:`Library.page`), a page at a time.

        Refreshing the same list (same mode, order, status and query) keeps
        the rows loaded so far and the scroll position, so a save while the
        person reads row 3,000 does not throw the list back to the top.
        """
        keep = self._shown == self._view_key() and self.model.rowCount() > 0
        at_least = min(self.model.rowCount(), KEEP_ROWS) if keep else 0
        self._replace(lambda: self.model.show_pages(fetch, marked, at_least), select_id, keep)

    def place_saved(self, row: ArticleSummary) -> bool:
        """Move one saved article to its place in the list shown, without reading it again.

        Only for the article list (not search hits, not the trash); False
        when the list must be read again instead.
        """
        if self._shown != self._view_key() or self.query() or self.is_trash():
            return False
        status = self.status()
        key = title_order if self.sort() == "title" else newest_first
        self._restoring = True
        try:
            self.model.place(row, key, keep=not status or row.status == status)
            if self.current_id() != row.id and self.model.row_of(row.id) is not None:
                self._select(row.id, [])
        finally:
            self._restoring = False
        return True

    def select_article(self, article_id: str) -> None:
        """Make the article's row current (if it is loaded) without asking to open it."""
        if self.current_id() == article_id:
            return
        self._restoring = True
        try:
            if self.model.row_of(article_id) is None:  # not in the rows shown: no row stays lit
                self.tree.selectionModel().clear()
            else:
                self._select(article_id, [])
        finally:
            self._restoring = False

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[str]:
        """The ids of the selected rows, in list order (several with Shift or Ctrl)."""
        rows = sorted(index.row() for index in self.tree.selectionModel().selectedRows())
        return [article_id for row in rows if (article_id := self.model.id_at(row))]

    def ids(self) -> list[str]:
        """The ids of the rows loaded so far, in list order."""
        return self.model.ids()

    def select_first(self) -> None:
        """Make the first row current if none is (without a list, nothing happens)."""
        if not self.tree.currentIndex().isValid() and self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def status_label(self, status: str) -> str:
        return status_text(status)

    def _view_key(self) -> tuple[object, ...]:
        return (self.is_trash(), self.sort(), self.status(), self.query())

    def _replace(self, fill: Callable[[], bool], select_id: str | None, keep: bool) -> None:
        self._search_timer.stop()
        scroll = self.tree.verticalScrollBar().value() if keep else 0
        selected = self.selected_ids() if keep else []
        self._restoring = True
        try:
            if fill() or self.current_id() != select_id:
                self._select(select_id, selected if select_id in selected else [])
                self.tree.verticalScrollBar().setValue(scroll)
        finally:
            self._restoring = False
        self._shown = self._view_key()

    def _select(self, current_id: str | None, others: list[str]) -> None:
        """Make ``current_id`` current and selected, with ``others`` still selected."""
        row = self.model.row_of(current_id)
        if row is None:
            return
        flags = QItemSelectionModel.SelectionFlag
        selection = QItemSelection()
        for other in others:
            at = self.model.row_of(other)
            if at is not None:
                selection.select(self.model.index(at, 0), self.model.index(at, 2))
        selection.select(self.model.index(row, 0), self.model.index(row, 2))
        model = self.tree.selectionModel()
        model.select(selection, flags.ClearAndSelect)
        model.setCurrentIndex(self.model.index(row, 0), flags.NoUpdate)

    def share_typing(self, typing: VietnameseTyping) -> None:
        """Search with the window's Telex/VNI, as the article is typed."""
        self.filter.typing = typing

    def retranslate(self) -> None:
        """The list's own texts (headers, statuses, times) in the language now installed."""
        self.model.retranslate()
        self._size_columns()
        counts, self._counts = self._counts, None  # the same counts, written in new words
        self.set_counts(counts or {})

    def _size_columns(self) -> None:
        metrics = self.tree.fontMetrics()
        status_width = max(metrics.horizontalAdvance(status_text(s)) for s in STATUSES)
        time_width = metrics.horizontalAdvance(local_time("2024-12-31T23:59:00+00:00"))
        self._column_widths = (status_width + 24, time_width + 24)
        header = self.tree.header()
        for column, width in enumerate(self._column_widths, start=1):
            if not header.isSectionHidden(column):
                header.resizeSection(column, width)
        self._fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Keep the headline readable: in a narrow list, Changed and then Status give way."""
        tree = self.tree
        room = tree.width() - 2 * tree.frameWidth()
        if tree.verticalScrollBar().isVisible():
            room -= tree.verticalScrollBar().width()
        headline = tree.fontMetrics().averageCharWidth() * HEADLINE_CHARS
        status, changed = self._column_widths
        header = tree.header()
        header.setSectionHidden(2, room < headline + status + changed)
        header.setSectionHidden(1, room < headline + status)
        for column, width in ((1, status), (2, changed)):
            if not header.isSectionHidden(column) and header.sectionSize(column) == 0:
                header.resizeSection(column, width)

    def _open_first(self) -> None:
        if self._search_timer.isActive():  # Enter before the search ran: run it now
            self._search_timer.stop()
            self.queryChanged.emit(self.query())
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))
            self.tree.setFocus()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring or not current.isValid() or self.is_trash():
            return
        self._request(current)

    def _request(self, index: QModelIndex) -> None:
        article_id = self.model.id_at(index.row())
        if article_id is not None:
            self.openRequested.emit(article_id)
