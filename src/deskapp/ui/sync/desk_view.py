"""Newsroom → Desk: what everyone submitted, as the server has it, with who is editing.

The list and the locks come from the server on a worker thread
(:mod:`deskapp.sync.desk`); opening an article takes its soft lock, and when
someone else holds it the window asks before taking it over. When the server
wants a password no keyring holds, it is asked for as Sync now asks, then
the list loads.
"""

from __future__ import annotations

import platform
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskapp.sync.desk import (
    DeskRow,
    desk_articles,
    release_lock,
    reporters,
    sections,
    take_lock,
)
from deskapp.sync.errors import LockHeld, SyncError
from deskapp.sync.target import connect, load_target
from deskapp.ui.common.errors import error_words
from deskapp.ui.common.shortcuts import make_action
from deskapp.ui.desk.desk_labels import status_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from deskapp.ui.common.workers import Runner
    from deskapp.ui.editor.session import ArticleSession
    from deskapp.ui.sync.sync_panel import SyncPanel


class DeskView(QObject):
    """The desk dock: filters, the table, and opening an article with its lock."""

    loaded = Signal(int)  # rows shown
    lockTaken = Signal(str, str)  # article id, the holder it was taken from ("" if free)

    def __init__(self, window: QMainWindow, session: ArticleSession, runner: Runner,
                 sync_panel: SyncPanel) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.runner = runner
        self.sync_panel = sync_panel
        self.rows: list[DeskRow] = []
        self.locked: str | None = None  # the article whose soft lock this window holds
        self.dock = QDockWidget(self.tr("Desk"), window)
        self.dock.setObjectName("deskViewDock")
        body = QWidget(self.dock)
        layout = QVBoxLayout(body)
        filters = QHBoxLayout()
        self.section = QComboBox(body)
        self.reporter = QComboBox(body)
        for box in (self.section, self.reporter):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMinimumContentsLength(12)
        self.refresh_button = QPushButton(self.tr("Refresh"), body)
        for label, box in ((self.tr("Section:"), self.section),
                           (self.tr("Reporter:"), self.reporter)):
            filters.addWidget(QLabel(label, body))
            filters.addWidget(box, 1)
        filters.addWidget(self.refresh_button)
        layout.addLayout(filters)
        self.table = QTableWidget(0, 5, body)
        self.table.setHorizontalHeaderLabels([
            self.tr("Headline"), self.tr("Section"), self.tr("Reporter"), self.tr("Status"),
            self.tr("Being edited by")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.note = QLabel(body)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.dock.setWidget(body)
        # Across the top, the whole width of the window: the desk is a table to scan.
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.dock)
        self.dock.hide()
        self._reset_filters([], [])

        self.act_show = make_action(self.tr("&Desk view"), window)
        self.act_show.setCheckable(True)
        self.act_show.toggled.connect(self._toggled)
        self.dock.visibilityChanged.connect(self.act_show.setChecked)
        sync_panel.menu.addSeparator()
        sync_panel.menu.addAction(self.act_show)
        self.refresh_button.clicked.connect(lambda _checked=False: self.refresh())
        self.section.activated.connect(lambda _i: self.refresh())
        self.reporter.activated.connect(lambda _i: self.refresh())
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        sync_panel.finished.connect(lambda _report: self.dock.isVisible() and self.refresh())

    def _toggled(self, on: bool) -> None:
        self.dock.setVisible(on)
        if on:
            self.dock.raise_()
            self.refresh()

    # ---- the list ------------------------------------------------------------
    def _connector(self) -> Callable[[], Any] | None:
        """Connecting, for a worker thread (the library is read here, on the UI thread)."""
        target = load_target(self.session.library)
        if target is None:
            self._failed(SyncError("sync_not_configured"))
            return None
        password = self.sync_panel.session_password
        return lambda: connect(target, password)

    def refresh(self) -> None:
        section = self.section.currentData() or None
        reporter = self.reporter.currentData() or None
        connection = self._connector()
        if connection is None:
            return

        def job() -> tuple[list[DeskRow], list[str], list[str]]:
            with connection() as conn:
                return (desk_articles(conn, section=section, reporter=reporter),
                        sections(conn), reporters(conn))

        self.note.setText(self.tr("Loading…"))
        self.runner.start(job, self._loaded,
                                 lambda error: self._failed(error, retry=self.refresh))

    def _loaded(self, result: tuple[list[DeskRow], list[str], list[str]]) -> None:
        rows, all_sections, all_reporters = result
        self._reset_filters(all_sections, all_reporters)
        self.show_rows(rows)

    def show_rows(self, rows: list[DeskRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            editing = ""
            if row.locked_by:
                editing = "{} ({})".format(row.locked_by,
                                           row.locked_since.astimezone().strftime("%H:%M")
                                           if row.locked_since else "")
            # The sign-in, which the Reporter filter lists, then the byline the article carries.
            reporter = (f"{row.reporter} · {row.byline}"
                        if row.byline and row.byline != row.reporter else row.reporter)
            for column, text in enumerate((row.title or self.tr("(no headline)"), row.section,
                                           reporter, status_text(row.status), editing)):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.note.setText("" if rows else self.tr("Nothing waiting on the desk."))
        self.loaded.emit(len(rows))

    def _reset_filters(self, all_sections: list[str], all_reporters: list[str]) -> None:
        for box, items, everyone in ((self.section, all_sections, self.tr("All sections")),
                                     (self.reporter, all_reporters, self.tr("All reporters"))):
            chosen = box.currentData()
            box.clear()
            box.addItem(everyone, "")
            for item in items:
                box.addItem(item, item)
            index = box.findData(chosen) if chosen else 0
            box.setCurrentIndex(max(index, 0))

    def _failed(self, error: Exception, retry: Callable[[], object] | None = None) -> None:
        """Say why; when the server wants a password, ask for it and ``retry``."""
        from deskapp.ui.sync.sync_panel import needs_password

        text = error_words(error)
        self.note.setText(text)
        if (retry is not None and needs_password(error) and self.window.isVisible()
                and self.sync_panel.ask_password(text)):
            retry()

    # ---- opening with the soft lock ----------------------------------------------
    def open_row(self, index: int, *, take_over: bool = False) -> None:
        row = self.rows[index]
        if self.session.library.db.execute("SELECT 1 FROM articles WHERE id = ?",
                                           [row.article_id]).fetchone() is None:
            self.note.setText(self.tr("“%1” is not in this library yet: sync first.")
                              .replace("%1", row.title))
            return
        self.session.open(row.article_id)
        connection = self._connector()
        if connection is None:
            return

        left = self.locked if self.locked != row.article_id else None

        def job() -> str:
            with connection() as conn:
                previous = take_lock(conn, row.article_id, host=platform.node(),
                                     take_over=take_over)
                if left is not None:  # one article at a time: the last one is free again
                    release_lock(conn, left)
            return previous.holder if previous else ""

        def taken(holder: str) -> None:
            self.locked = row.article_id
            self.lockTaken.emit(row.article_id, holder)

        self.runner.start(job, taken,
                          lambda error: self._lock_refused(error, index, take_over))

    def release(self, wait_s: float = 2.0) -> bool:
        """Give back this window's soft lock as it closes; whether the server took it back.

        Best effort and short: a server out of reach keeps the lock until it lapses
        (two hours), and closing never waits longer than ``wait_s``.
        """
        article_id = self.locked
        target = load_target(self.session.library) if article_id else None
        if article_id is None or target is None:
            return False
        password = self.sync_panel.session_password
        released: list[bool] = []

        def work() -> None:
            try:
                with connect(target, password) as conn:
                    release_lock(conn, article_id)
                released.append(True)
            except Exception:
                pass

        thread = threading.Thread(target=work, name="deskapp-release-lock", daemon=True)
        thread.start()
        thread.join(wait_s)
        if released:
            self.locked = None
        return bool(released)

    def _lock_refused(self, error: Exception, index: int, take_over: bool = False) -> None:
        if not isinstance(error, LockHeld):
            self._failed(error, retry=lambda: self.open_row(index, take_over=take_over))
            return
        answer = QMessageBox.question(
            self.window, self.tr("Desk"),
            "{}\n\n{}".format(error_words(error),
                              self.tr("Take over editing this article?")))
        if answer == QMessageBox.StandardButton.Yes:
            self.open_row(index, take_over=True)
