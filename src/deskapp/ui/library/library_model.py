"""The library list's model: pages of rows from the store, asked for as the view scrolls.

The model (:class:`LibraryModel`) asks the library for a page of rows at a time
(``canFetchMore``/``fetchMore``), so a library of 100,000 articles opens with one
page read and the rows nobody scrolls to are never loaded. Search results (a
few hundred at most) are handed over as a whole list.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from deskapp.errors import DeskappError
from deskapp.store import ArticleSummary
from deskapp.store.keys import title_order_key
from deskapp.store.library import Cursor, Page
from deskapp.ui.common.time_format import local_time
from deskapp.ui.desk.desk_labels import status_text
from deskapp.ui.library.library_rows import (
    HTML_ROLE,
    ID_ROLE,
    LINES_ROLE,
    Row,
    hit_lines,
    is_hit,
    row_html,
)

CONFLICT_MARK = "⚠"
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
            return header_text(section)
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
        if role in (HTML_ROLE, Qt.ItemDataRole.ToolTipRole) and column == 0 and is_hit(row):
            return row_html(self._title(row), row)
        if role == LINES_ROLE and column == 0 and is_hit(row):
            return hit_lines(self._title(row), row)
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
        return bool(self._rows) and is_hit(self._rows[0])

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



def newest_first(row: Row) -> tuple[Any, ...]:
    """The list's "updated" order as an ascending key (``Library.page``: time, then id, down).

    Each string becomes its code points negated, closed by 0 so that a longer
    string sorts before its own prefix, as it does in descending order.
    """
    return (*(-ord(ch) for ch in row.updated_at), 0, *(-ord(ch) for ch in row.id), 0)


def title_order(row: Row) -> tuple[Any, ...]:
    """A–Z as ``Library.page`` orders it: the title key, then newest first."""
    return (title_order_key(row.title), *newest_first(row))



def header_text(section: int) -> str | None:
    """A column's header in the language installed now (translated in the panel's context)."""
    if section == 0:
        return QCoreApplication.translate("LibraryPanel", "Headline")
    if section == 1:
        return QCoreApplication.translate("LibraryPanel", "Status")
    if section == 2:
        return QCoreApplication.translate("LibraryPanel", "Changed")
    return None
