"""The library list's commands: what it shows, trash and restore, the first article.

:class:`LibraryCommands` reads the list a page at a time
(:meth:`Library.page`, :meth:`Library.search_page`) for the
:class:`LibraryPanel` and keeps it in step with the session's saves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from deskapp.desk import counts_by_status
from deskapp.errors import DeskappError
from deskapp.store import ArticleSummary
from deskapp.store.library import Cursor, Page
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import command

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from deskapp.model import Article
    from deskapp.ui.editor.session import ArticleSession
    from deskapp.ui.library.library_panel import LibraryPanel


class LibraryCommands(OwnContextTr, QObject):
    """File → Open, Edit → Move to trash / Restore, View → Show trash."""

    def __init__(self, panel: LibraryPanel, session: ArticleSession, status_bar: QStatusBar,
                 marked: Callable[[], set[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.session = session
        self._status = status_bar
        self._marked = marked  # articles with an open conflict, drawn marked in the list
        self.act_open = command(self.tr("&Open…"), panel, panel.focus_filter,
                                QKeySequence.StandardKey.Open)
        self.act_trash = command(self.tr("Move to &trash"), panel, self.trash_selected,
                                 QKeySequence.StandardKey.Delete)
        # Delete must keep deleting text in the editor: the shortcut only works in the list.
        self.act_trash.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        panel.addAction(self.act_trash)
        self.act_restore = command(self.tr("&Restore from trash"), panel, self.restore_selected,
                                   "Ctrl+Shift+R")
        self.act_show_trash = command(self.tr("Show t&rash"), panel, self._toggle_trash,
                                      "Ctrl+Shift+T")
        self.act_show_trash.setCheckable(True)
        panel.openRequested.connect(session.open)
        panel.trashModeChanged.connect(self._trash_mode_changed)
        panel.queryChanged.connect(lambda _q: self.refresh())
        panel.sortChanged.connect(lambda _s: self.refresh())
        panel.statusFilterChanged.connect(lambda _s: self.refresh())
        panel.fetchFailed.connect(self._fetch_failed)
        session.saved.connect(lambda saved, _shown, _kind: self.show_saved(saved))
        session.opened.connect(self.show_article)
        self._trash_mode_changed(False, refresh=False)

    def _counts(self) -> dict[str, int]:
        counts = self.session.errors.guard(lambda: counts_by_status(self.session.library))
        return counts if isinstance(counts, dict) else {}

    def refresh(self) -> None:
        """Show the library (or the trash): search hits when there is a query.

        Both are read a page at a time as the list scrolls.
        """
        panel = self.panel
        trash, query = panel.is_trash(), panel.query()
        status = "" if trash else panel.status()
        if not trash:
            panel.set_counts(self._counts())
        library, sort = self.session.library, panel.sort()

        def fetch(after: Cursor | int | None) -> Page:
            if query:
                return library.search_page(query, trashed=trash, status=status,
                                           after=after if isinstance(after, int) else None)
            return library.page(trashed=trash, sort=sort, status=status,  # type: ignore[arg-type]
                                after=after if isinstance(after, Cursor) else None)

        panel.show_pages(fetch, self.session.article_id, marked=self._marked())

    def show_saved(self, saved: Article) -> None:
        """After a save: the counts, and the one row moved to its place (no list re-read)."""
        row = ArticleSummary(saved.id, saved.title, saved.status, saved.updated_at,
                             saved.deleted_at)
        if not self.panel.place_saved(row):
            self.refresh()
            return
        self.panel.set_counts(self._counts())

    def show_article(self, article: Article | None, list_changed: bool) -> None:
        """The session shows ``article``: re-read the list or only move the selection."""
        if list_changed or article is None:
            self.refresh()
        else:
            self.panel.select_article(article.id)

    def open_first(self, preferred: str | None = None) -> None:
        """Open ``preferred`` if it is in the library (not the trash), else the list's first row."""
        session = self.session
        if preferred and session.errors.guard(lambda: session.library.is_listed(preferred)):
            session.open(preferred)
            return
        ids = self.panel.ids()
        if ids:
            session.open(ids[0])

    def new_article(self) -> Article | None:
        """A new article, shown in the list: a search or the trash that would hide it ends."""
        if not self.session.flush():
            return None
        if self.panel.query():
            self.panel.filter.clear()
        self.panel.show_trash(False)
        return self.session.new()

    def _fetch_failed(self, error: object) -> None:
        if isinstance(error, DeskappError):  # a closing library needs no message
            self.session.errors.show(error)

    def trash_selected(self) -> None:
        session = self.session
        article_id = self.panel.current_id() or session.article_id
        if article_id is None or self.panel.is_trash():
            return
        if article_id == session.article_id:
            if not session.flush():
                return
            session.show(None)
        session.errors.guard(lambda: session.library.trash(article_id))
        self.refresh()
        self._status.showMessage(self.tr("Moved to the trash (View → Show trash to restore)"),
                                 5000)

    def restore_selected(self) -> None:
        article_id = self.panel.current_id()
        if article_id is None or not self.panel.is_trash():
            return
        self.session.errors.guard(lambda: self.session.library.restore(article_id))
        self.panel.show_trash(False)
        self.session.open(article_id)
        self._status.showMessage(self.tr("Restored"), 3000)

    def _toggle_trash(self) -> None:
        self.panel.show_trash(self.act_show_trash.isChecked())

    def _trash_mode_changed(self, trash: bool, *, refresh: bool = True) -> None:
        self.act_show_trash.setChecked(trash)
        self.act_restore.setEnabled(trash)
        self.act_trash.setEnabled(not trash)
        if refresh:
            self.refresh()
