"""The library list: articles newest first (or by headline), the trash, and search."""

from __future__ import annotations

import html
from collections.abc import Collection

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.store import ArticleSummary
from deskapp.store.search import SearchHit
from deskapp.ui.desk_labels import status_text
from deskapp.ui.time_format import local_time

STATUSES = ("draft", "submitted", "in_review", "returned", "approved", "exported")
ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
# Typing in the search box waits this long before asking the library.
SEARCH_DELAY_MS = 150
CONFLICT_MARK = "⚠"

Row = ArticleSummary | SearchHit


class LibraryPanel(QWidget):
    """Lists articles; ``openRequested(id)`` when one is chosen, ``queryChanged`` to search."""

    openRequested = Signal(str)
    trashModeChanged = Signal(bool)
    queryChanged = Signal(str)
    sortChanged = Signal(str)
    statusFilterChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        self.mode.addItems([self.tr("Articles"), self.tr("Trash")])
        self.by_title = QCheckBox(self.tr("A–Z"), self)
        self.by_title.setToolTip(self.tr("Sort by headline in Vietnamese order"))
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setToolTip(self.tr("Show only the articles in one status"))
        self.set_counts({})
        self.filter = QLineEdit(self)
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Search (accents optional)…"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setHeaderLabels([self.tr("Headline"), self.tr("Status"), self.tr("Changed")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemDelegateForColumn(0, _RichTextDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.mode, 1)
        top.addWidget(self.by_title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)

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
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _col: self._request(item))

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
        """Replace the list; keep ``select_id`` selected without asking to open it.

        Rows in ``marked`` (articles with two versions waiting for a choice) get a ⚠.
        """
        self._search_timer.stop()
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            for row in rows:
                title = row.title or self.tr("(no headline)")
                if row.id in marked:
                    title = f"{CONFLICT_MARK} {title}"
                item = QTreeWidgetItem([title, self.status_label(row.status),
                                        local_time(row.updated_at)])
                item.setData(0, ID_ROLE, row.id)
                item.setData(0, HTML_ROLE, _row_html(title, row))
                item.setToolTip(0, row.title)
                self.tree.addTopLevelItem(item)
                if row.id == select_id:
                    self.tree.setCurrentItem(item)
        finally:
            self.tree.blockSignals(False)

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def ids(self) -> list[str]:
        return [self.tree.topLevelItem(i).data(0, ID_ROLE)
                for i in range(self.tree.topLevelItemCount())]

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def status_label(self, status: str) -> str:
        return status_text(status)

    def _open_first(self) -> None:
        if self._search_timer.isActive():  # Enter before the search ran: run it now
            self._search_timer.stop()
            self.queryChanged.emit(self.query())
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
            self.tree.setFocus()

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None and not self.is_trash():
            self._request(current)

    def _request(self, item: QTreeWidgetItem) -> None:
        self.openRequested.emit(item.data(0, ID_ROLE))


def _row_html(title: str, row: Row) -> str:
    """Headline, and for a search hit the excerpt with its matches in bold."""
    text = f"<b>{html.escape(title)}</b>" if isinstance(row, SearchHit) else html.escape(title)
    if isinstance(row, SearchHit) and row.snippet:
        marked = html.escape(row.marked("\x01", "\x02"))
        marked = marked.replace("\x01", "<b style='background:#fff0a8'>").replace("\x02", "</b>")
        text += f"<br><span style='color:#555555'>{marked}</span>"
    return text


class _RichTextDelegate(QStyledItemDelegate):
    """Draws the headline column as small HTML (search excerpts with highlights)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        document = self._document(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter,
                              options.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if options.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     options.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(options.rect.topLeft())
        painter.setClipRect(options.rect.translated(-options.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        document = self._document(options, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    def _document(self, options: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(options.font)
        document.setDocumentMargin(2)
        document.setHtml(index.data(HTML_ROLE) or html.escape(options.text))
        width = options.rect.width() if options.rect.width() > 0 else 300
        document.setTextWidth(width)
        return document

