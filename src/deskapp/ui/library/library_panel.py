"""The library list: articles newest first (or by headline), the trash, and search.

The list is a model over the store (:class:`LibraryModel`) shown in a
``QTreeView``. It asks the library for a page of rows at a time as the view
scrolls (``canFetchMore``/``fetchMore``), so a library of 100,000 articles
opens with one page read and the rows nobody scrolls to are never loaded.
Search results (a few hundred at most) are handed over as a whole list.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from deskapp.errors import DeskappError
from deskapp.store import ArticleSummary
from deskapp.store.keys import title_order_key
from deskapp.store.library import Cursor, Page
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.time_format import local_time
from deskapp.ui.desk.desk_labels import status_text
from deskapp.ui.editor.text_edit import NfcLineEdit, VietnameseTyping

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QFontMetrics, QPainter, QResizeEvent

    from deskapp.store.search import SearchHit

STATUSES = ("draft", "submitted", "in_review", "returned", "approved", "exported")
ID_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # a search hit in full, as rich text (its tooltip)
LINES_ROLE = Qt.ItemDataRole.UserRole + 2  # a search hit's two lines, as runs to draw
ELLIPSIS = "…"
# The headline column keeps room for about this many characters; past that the
# Changed column, then the Status column, give way (their words are in the tooltip).
HEADLINE_CHARS = 14
MATCH_BACKGROUND = "#fff0a8"
# Typing in the search box waits this long before asking the library.
SEARCH_DELAY_MS = 150
CONFLICT_MARK = "⚠"
# A refresh of the same list reloads at most this many rows to keep the place
# the person scrolled to; deeper than that it starts again from the top.
KEEP_ROWS = 2000

Row: TypeAlias = "ArticleSummary | SearchHit"


def _is_hit(row: Row) -> bool:
    """A search hit (the rows are either the library's summaries or hits)."""
    return not isinstance(row, ArticleSummary)
After = Cursor | int | None
FetchPage = Callable[[After], Page]
_INDEX = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Headline, status and time of the articles, fetched a page at a time.

    :meth:`show_pages` lists through ``fetch(after)`` (a page of the store
    after a cursor); :meth:`show_rows` shows a finished list (search hits).
    ``fetchFailed`` reports a page the library could not give.
    """

    fetchFailed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._position: dict[str, int] = {}
        self._fetch: FetchPage | None = None
        self._after: After = None
        self._marked: frozenset[str] = frozenset()
        self._times: dict[int, str] = {}

    # ---- filling ---------------------------------------------------------------
    def show_pages(self, fetch: FetchPage, marked: Collection[str] = (),
                   at_least: int = 0) -> bool:
        """List through ``fetch``: the first page now (or ``at_least`` rows), more on demand.

        When the rows read are the rows shown (opening an article refreshes
        the list without changing it), the view is left alone: no reset, so
        the selection and the scroll position stay as they are. Returns
        whether the rows changed.
        """
        rows: list[Row] = []
        page = self._ask(fetch, None)
        while page is not None:
            rows += page.rows  # type: ignore[arg-type]
            if page.after is None or len(rows) >= at_least:
                break
            page = self._ask(fetch, page.after)
        after = page.after if page is not None else None
        if rows == self._rows and frozenset(marked) == self._marked and self._fetch is not None:
            self._fetch, self._after = fetch, after
            return False
        self._replace_rows(rows, marked, fetch, after)
        return True

    def show_rows(self, rows: list[Row], marked: Collection[str] = ()) -> bool:
        """Show a finished list; returns whether it differs from what was shown."""
        if rows == self._rows and frozenset(marked) == self._marked and self._fetch is None:
            return False
        self._replace_rows(list(rows), marked, None, None)
        return True

    def canFetchMore(self, parent: _INDEX = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None and self._after is not None

    def fetchMore(self, parent: _INDEX = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._fetch is not None
        page = self._ask(self._fetch, self._after)
        if page is None or not page.rows:
            self._after = None
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._append(page.rows)  # type: ignore[arg-type]
        self._after = page.after
        self.endInsertRows()

    # ---- reading -----------------------------------------------------------------
    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header_text(section)
        return None

    def retranslate(self) -> None:
        """Show the headers, statuses and times again in the language now installed."""
        self._times.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._title(row)
            if column == 1:
                return status_text(row.status)
            return self._time(index.row(), row)
        if role == ID_ROLE:
            return row.id
        if role in (HTML_ROLE, Qt.ItemDataRole.ToolTipRole) and column == 0 and _is_hit(row):
            return _row_html(self._title(row), row)
        if role == LINES_ROLE and column == 0 and _is_hit(row):
            return _hit_lines(self._title(row), row)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.title or None
        return None

    def place(self, row: ArticleSummary, key: Callable[[Row], tuple[Any, ...]],
              keep: bool) -> None:
        """Put one changed row where ``key`` (ascending) says, without reading the list again.

        ``keep`` is False when the row no longer belongs in the list (another
        status than the one shown). A row whose place is past the loaded rows
        is left for ``fetchMore`` to bring.
        """
        old = self._position.get(row.id)
        if keep and old is not None:
            before = self._rows[old - 1] if old > 0 else None
            after = self._rows[old + 1] if old + 1 < len(self._rows) else None
            if (before is None or key(before) <= key(row)) and (
                    after is None or key(row) <= key(after)):
                self._rows[old] = row  # same place: only its cells change
                self._times.pop(old, None)
                self.dataChanged.emit(self.index(old, 0), self.index(old, 2))
                return
        if old is not None:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self._rows[old]
            self._reindex()
            self.endRemoveRows()
        if not keep:
            return
        at = bisect.bisect_right(self._rows, key(row), key=key)
        if at == len(self._rows) and self.canFetchMore():
            return
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, row)
        self._reindex()
        self.endInsertRows()

    def _reindex(self) -> None:
        self._position = {}
        for at, row in enumerate(self._rows):
            self._position.setdefault(row.id, at)
        self._times = {}

    def row_of(self, article_id: str | None) -> int | None:
        return self._position.get(article_id) if article_id else None

    def id_at(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        return [row.id for row in self._rows]

    def has_html(self) -> bool:
        """Whether the rows are search hits (two lines: the headline and an excerpt)."""
        return bool(self._rows) and _is_hit(self._rows[0])

    # ---- internals ----------------------------------------------------------------
    def _replace_rows(self, rows: list[Row], marked: Collection[str],
                      fetch: FetchPage | None, after: After) -> None:
        self.beginResetModel()
        self._rows = []
        self._position = {}
        self._times = {}
        self._marked = frozenset(marked)
        self._append(rows)
        self._fetch, self._after = fetch, after
        self.endResetModel()

    def _append(self, rows: list[Row]) -> None:
        for row in rows:
            self._position.setdefault(row.id, len(self._rows))
            self._rows.append(row)

    def _ask(self, fetch: FetchPage, after: After) -> Page | None:
        try:
            return fetch(after)
        except (DeskappError, sqlite3.Error) as error:  # a closing or failing library
            self.fetchFailed.emit(error)
            return None

    def _title(self, row: Row) -> str:
        title = row.title or QCoreApplication.translate("LibraryPanel", "(no headline)")
        return f"{CONFLICT_MARK} {title}" if row.id in self._marked else title

    def _time(self, at: int, row: Row) -> str:
        shown = self._times.get(at)
        if shown is None:
            shown = self._times[at] = local_time(row.updated_at)
        return shown


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
        key = _title_order if self.sort() == "title" else _newest_first
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


def _newest_first(row: Row) -> tuple[Any, ...]:
    """The list's "updated" order as an ascending key (``Library.page``: time, then id, down).

    Each string becomes its code points negated, closed by 0 so that a longer
    string sorts before its own prefix, as it does in descending order.
    """
    return (*(-ord(ch) for ch in row.updated_at), 0, *(-ord(ch) for ch in row.id), 0)


def _title_order(row: Row) -> tuple[Any, ...]:
    """A–Z as ``Library.page`` orders it: the title key, then newest first."""
    return (title_order_key(row.title), *_newest_first(row))


def _row_html(title: str, row: Row) -> str:
    """Headline, and for a search hit the whole excerpt with its matches in bold."""
    import html

    text = f"<b>{html.escape(title)}</b>" if _is_hit(row) else html.escape(title)
    if _is_hit(row) and row.snippet:
        marked = html.escape(row.marked("\x01", "\x02"))
        marked = marked.replace("\x01", f"<b style='background:{MATCH_BACKGROUND}'>")
        text += "<br>" + marked.replace("\x02", "</b>")
    return text


Run: TypeAlias = tuple[str, bool]  # a piece of a line, and whether it is a match


def _hit_lines(title: str, row: Row) -> tuple[str, list[Run]]:
    """A search hit's headline and its excerpt as runs (matches marked)."""
    import re

    runs: list[Run] = []
    last = 0
    for start, end in row.highlights:
        runs += [(row.snippet[last:start], False), (row.snippet[start:end], True)]
        last = end
    runs.append((row.snippet[last:], False))
    return title, [(re.sub(r"\s+", " ", text), match) for text, match in runs if text]


def elide_runs(runs: list[Run], metrics: Callable[[bool], QFontMetrics],
               width: int) -> list[Run]:
    """``runs`` cut to fit ``width`` pixels, closed by "…" when something was cut.

    ``metrics(match)`` measures a run (matches are drawn bold).
    """
    if sum(metrics(match).horizontalAdvance(text) for text, match in runs) <= width:
        return runs
    room = width - metrics(False).horizontalAdvance(ELLIPSIS)
    shown: list[Run] = []
    for text, match in runs:
        advance = metrics(match).horizontalAdvance
        wide = advance(text)
        if wide <= room:
            shown.append((text, match))
            room -= wide
            continue
        low, high = 0, len(text)  # the longest prefix that fits
        while low < high:
            middle = (low + high + 1) // 2
            if advance(text[:middle]) <= room:
                low = middle
            else:
                high = middle - 1
        shown.append((text[:low], match))
        break
    while shown and not shown[-1][0].rstrip():  # no space before the "…"
        shown.pop()
    if shown:
        shown[-1] = (shown[-1][0].rstrip(), shown[-1][1])
    return [*shown, (ELLIPSIS, False)]


class HitDelegate(QStyledItemDelegate):
    """Draws a search hit as two elided lines: the headline in bold, the excerpt below.

    Matches in the excerpt are bold on a light yellow. Both lines end in "…"
    where the column is too narrow, never wrap, and the row's height does not
    depend on the column's width, so every row keeps the same height whatever
    the window's arrangement. Other rows take the stock path: one line, elided.
    """

    PAD = 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if index.data(LINES_ROLE) is None:
            super().paint(painter, option, index)
            return
        # Loaded with the first search hit drawn: a plain list never needs them.
        from PySide6.QtGui import QColor, QPalette
        from PySide6.QtWidgets import QStyle

        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter,
                              options.widget)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        palette = options.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        excerpt_colour = text_colour if selected else palette.color(
            QPalette.ColorRole.PlaceholderText)
        fonts = self._fonts(options)
        line = self._line_height(options)
        rect = options.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        title, excerpt = self.shown(options, index)
        painter.save()
        painter.setClipRect(options.rect)
        for number, (runs, colour) in enumerate(((title, text_colour),
                                                 (excerpt, excerpt_colour))):
            top = rect.top() + number * line
            x = rect.left()
            for text, match in runs:
                bold = match or number == 0
                painter.setFont(fonts[bold])
                metrics = painter.fontMetrics()
                width = metrics.horizontalAdvance(text)
                baseline = top + line - metrics.descent() - 1
                if match and number == 1:
                    painter.fillRect(x, top + 1, width, line - 1, QColor(MATCH_BACKGROUND))
                    painter.setPen(QColor("#000000"))
                else:
                    painter.setPen(colour)
                painter.drawText(x, baseline, text)
                x += width
        painter.restore()

    def shown(self, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> tuple[list[Run], list[Run]]:
        """The two lines as drawn in ``option.rect``: headline runs and excerpt runs."""
        title, excerpt = index.data(LINES_ROLE)
        fonts = self._fonts(option)
        width = option.rect.width() - 2 * self.PAD - 2
        from PySide6.QtGui import QFontMetrics

        bold, plain = QFontMetrics(fonts[True]), QFontMetrics(fonts[False])
        return (elide_runs([(title, True)], lambda _m: bold, width),
                elide_runs(excerpt, lambda match: bold if match else plain, width))

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.data(LINES_ROLE) is None:
            # Room above the line for capitals with two marks (Ấ, Ắ, Ể): the
            # font's ascent alone clips them in a tight row.
            return QSize(hint.width(), hint.height() + option.fontMetrics.height() // 2)
        return QSize(hint.width(), 2 * self._line_height(option) + 2 * self.PAD)

    @staticmethod
    def _line_height(option: QStyleOptionViewItem) -> int:
        """A line with room for capitals with two marks above the ascent."""
        metrics = option.fontMetrics
        return metrics.height() + metrics.height() // 4

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> dict[bool, QFont]:
        from PySide6.QtGui import QFont

        bold = QFont(option.font)
        bold.setBold(True)
        return {False: QFont(option.font), True: bold}


def _header_text(section: int) -> str | None:
    """A column's header in the language installed now (translated in the panel's context)."""
    if section == 0:
        return QCoreApplication.translate("LibraryPanel", "Headline")
    if section == 1:
        return QCoreApplication.translate("LibraryPanel", "Status")
    if section == 2:
        return QCoreApplication.translate("LibraryPanel", "Changed")
    return None
