"""The open article: opening, new, saving, autosave, flush and the search index's timer.

:class:`ArticleSession` owns the library the window works on and the article
in the editor. Panels and commands hear what happens through its signals
(``opened``, ``saved``, ``failed``, ``modifiedChanged``, ``libraryChanged``)
and ask it to save pending typing (:meth:`flush`) before they act; nothing else
writes the open article's text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from deskapp.desk import save_edit
from deskapp.errors import DeskappError
from deskapp.model import Article, RevisionKind
from deskapp.store import Library
from deskapp.ui.common.i18n import OwnContextTr

if TYPE_CHECKING:
    from deskapp.proof.house import HouseStyle
    from deskapp.ui.common.errors import ErrorPresenter
    from deskapp.ui.editor.editor import EditorPanel

AUTOSAVE_DELAY_MS = 2000
INDEX_DELAY_MS = 1500


class Who(Protocol):
    """Who is at the keyboard, as revisions record it."""

    @property
    def name(self) -> str: ...

    @property
    def role(self) -> str: ...


class ArticleSession(OwnContextTr, QObject):
    """One library and the article open in one editor."""

    opened = Signal(object, bool)  # the article now shown (or None), whether the list changed
    saved = Signal(object, object, str)  # the saved article, the status shown before, the kind
    failed = Signal(str)  # a save the library refused: the text stays and is tried again
    modifiedChanged = Signal(bool)
    libraryChanged = Signal(object)  # another library file is now open (after a restore)
    notice = Signal(str, int)  # a short status-bar message and how long to show it

    def __init__(self, library: Library, editor: EditorPanel, profile: Callable[[], Who],
                 errors: ErrorPresenter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.editor = editor
        self._profile = profile
        self.errors = errors
        self.modified = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        # Saves leave the search index to this timer (Library.defer_index): re-indexing
        # costs more than the save itself and can wait for a pause.
        library.defer_index = True
        self._names: tuple[str, tuple] | None = None  # (register version, its names)
        self.index_timer = QTimer(self)
        self.index_timer.setSingleShot(True)
        self.index_timer.setInterval(INDEX_DELAY_MS)
        self.index_timer.timeout.connect(self.index_pending)
        editor.changed.connect(self._edited)

    # ---- who and what ------------------------------------------------------------
    @property
    def user(self) -> str:
        return self._profile().name

    @property
    def role(self) -> str:
        return self._profile().role

    @property
    def article_id(self) -> str | None:
        return self.editor.article_id

    def setting(self, key: str, default: str = "") -> str:
        """A library setting, or ``default`` (also while the library is closing)."""
        try:
            return self.library.get_setting(key) or default
        except sqlite3.Error:
            return default

    def house_style(self) -> HouseStyle:
        """The newsroom's proofing choices and name register (defaults while closing).

        The register is read again only when its version setting changed, so a
        check after each pause in the typing reads a few settings, not every name.
        """
        from deskapp.proof.house import DEFAULT, house_style
        from deskapp.store.names import register_version, registered_names

        try:
            version = register_version(self.library)
            if self._names is None or self._names[0] != version:
                self._names = (version, registered_names(self.library))
            return house_style(self.library.get_setting, self._names[1])
        except sqlite3.Error:
            return DEFAULT

    # ---- showing -------------------------------------------------------------------
    def show(self, article: Article | None, *, list_changed: bool = True) -> None:
        """Put ``article`` (or nothing) in the editor, with no pending typing."""
        self.autosave_timer.stop()
        self.editor.load(article)
        self._set_modified(False)
        self.opened.emit(article, list_changed)

    def open(self, article_id: str) -> None:
        if article_id == self.article_id or not self.flush():
            return
        try:
            article = self.library.get(article_id)
        except DeskappError as error:
            self.errors.show(error)
            return
        # Opening changes no row (a pending save already moved its own): only the selection.
        self.show(article, list_changed=False)

    def new(self) -> Article | None:
        if not self.flush():
            return None
        # The byline is the writer's name from the profile, to change when a desk signs it.
        article = self.errors.guard(lambda: self.library.create(
            Article(byline=self.user), author=self.user))
        if article is not None:
            self.show(article)
            self.editor.title.setFocus()
        return article

    def reload(self) -> None:
        """Show the open article as the library has it now (another window or a sync changed it)."""
        article_id = self.article_id
        if article_id is not None and self.flush():
            article = self.errors.guard(lambda: self.library.get(article_id))
            if isinstance(article, Article):
                self.show(article)

    def use_library(self, library: Library) -> None:
        """Work on ``library`` from now on (a backup was put in place of the old one)."""
        self.library = library
        library.defer_index = True
        self.libraryChanged.emit(library)
        self.show(None)

    # ---- saving --------------------------------------------------------------------
    def _edited(self) -> None:
        self._set_modified(True)
        self.autosave_timer.start()

    def _set_modified(self, modified: bool) -> None:
        if modified != self.modified:
            self.modified = modified
            self.modifiedChanged.emit(modified)

    def autosave(self) -> bool:
        return self.save(kind=RevisionKind.AUTOSAVE)

    def save(self, kind: str = RevisionKind.SAVE) -> bool:
        """Write the open article; on failure the text stays in the editor and is retried."""
        self.autosave_timer.stop()
        snapshot = self.editor.snapshot()
        if snapshot is None or (not self.modified and kind == RevisionKind.AUTOSAVE):
            return True
        try:
            saved = save_edit(self.library, snapshot, kind=kind, user=self.user, role=self.role)
        except DeskappError as error:
            if self.library.refused is not None:  # found damaged: already explained
                self.failed.emit(self.tr(
                    "Not saved: the library is damaged (File → Backups → Restore a backup…)"))
                return False
            self.failed.emit(self.errors.show(error))
            self.autosave_timer.start()  # try again later; nothing is dropped
            return False
        shown = self.editor.article.status if self.editor.article else saved.status
        self.editor.accept_saved(saved)
        self._set_modified(False)
        self.index_timer.start()
        self.saved.emit(saved, shown, str(kind))
        if kind != RevisionKind.AUTOSAVE:
            self.notice.emit(self.tr("Saved"), 2000)
        return True

    def flush(self) -> bool:
        """Save pending typing now (switching article, exporting, quitting)."""
        return self.save(kind=RevisionKind.AUTOSAVE) if self.modified else True

    def index_pending(self) -> None:
        """Re-index what the last saves left for later (a search would do it first anyway)."""
        self.index_timer.stop()
        try:
            self.library.index_pending()
        except (DeskappError, sqlite3.Error):  # a damaged or closing library: search catches up
            pass
