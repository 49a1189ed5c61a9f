"""The library list: articles newest first, or the trash."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.store import ArticleSummary
from deskapp.text import fold

ID_ROLE = Qt.ItemDataRole.UserRole


class LibraryPanel(QWidget):
    """Lists articles; ``openRequested(id)`` when one is chosen."""

    openRequested = Signal(str)
    trashModeChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        self.mode.addItems([self.tr("Articles"), self.tr("Trash")])
        self.filter = QLineEdit(self)
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Find an article (accents optional)…"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setHeaderLabels([self.tr("Headline"), self.tr("Status"), self.tr("Changed")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)

        self.mode.currentIndexChanged.connect(lambda i: self.trashModeChanged.emit(i == 1))
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._open_first_visible)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _col: self._request(item))

    def is_trash(self) -> bool:
        return self.mode.currentIndex() == 1

    def show_trash(self, trash: bool) -> None:
        self.mode.setCurrentIndex(1 if trash else 0)

    def refresh(self, items: list[ArticleSummary], select_id: str | None = None) -> None:
        """Replace the list; keep ``select_id`` selected without asking to open it."""
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            for summary in items:
                item = QTreeWidgetItem([
                    summary.title or self.tr("(no headline)"),
                    self.status_label(summary.status),
                    _local_time(summary.updated_at),
                ])
                item.setData(0, ID_ROLE, summary.id)
                item.setToolTip(0, summary.title)
                self.tree.addTopLevelItem(item)
                if summary.id == select_id:
                    self.tree.setCurrentItem(item)
            self._apply_filter(self.filter.text())
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
        labels = {
            "draft": self.tr("Draft"),
            "submitted": self.tr("Submitted"),
            "in_review": self.tr("In review"),
            "approved": self.tr("Approved"),
            "exported": self.tr("Exported"),
            "returned": self.tr("Returned"),
        }
        return labels.get(status, status)

    def _apply_filter(self, text: str) -> None:
        needle = fold(text.strip())
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            item.setHidden(bool(needle) and needle not in fold(item.text(0)))

    def _open_first_visible(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if not item.isHidden():
                self.tree.setCurrentItem(item)
                self.tree.setFocus()
                return

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None and not self.is_trash():
            self._request(current)

    def _request(self, item: QTreeWidgetItem) -> None:
        self.openRequested.emit(item.data(0, ID_ROLE))


def _local_time(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return stamp
