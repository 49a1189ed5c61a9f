"""The main window: wires the library, editor and preview panels to the core."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from deskapp.desk import counts_by_status, save_edit
from deskapp.errors import DeskappError
from deskapp.messages import describe
from deskapp.model import Article, RevisionKind
from deskapp.store import ArticleSummary, Library
from deskapp.store.library import Cursor, Page, import_writer
from deskapp.store.lock import WriterLock
from deskapp.text import nfc
from deskapp.ui import window_state
from deskapp.ui.backups import BackupCommands
from deskapp.ui.batch_import import BatchImport
from deskapp.ui.copyfit_info import CopyfitInfo
from deskapp.ui.desk_actions import DeskActions
from deskapp.ui.desk_window import DeskWindow
from deskapp.ui.editor import EditorPanel
from deskapp.ui.format_toolbar import FormatActions
from deskapp.ui.hand_off import HandOff
from deskapp.ui.i18n import OwnContextTr, Translation, plural, resolve_language
from deskapp.ui.import_export import ImportExport
from deskapp.ui.library_panel import LibraryPanel
from deskapp.ui.outside_exports import OutsideExports
from deskapp.ui.preview import PreviewPanel
from deskapp.ui.print_window import PrintWindow
from deskapp.ui.profile import AskProfile, Profile, load_profile, needs_profile, save_profile
from deskapp.ui.review_docks import ReviewDocks
from deskapp.ui.scroll_sync import ScrollSync
from deskapp.ui.settings_dialog import SettingsDialog
from deskapp.ui.shortcuts import keys, make_action
from deskapp.ui.status_info import ArticleStatus
from deskapp.ui.sync_panel import SyncPanel
from deskapp.ui.theme import ThemeManager
from deskapp.ui.typing_panel import TypingControls, TypingDiagnostics
from deskapp.ui.view_actions import ViewActions
from deskapp.ui.workers import Runner
from deskapp.workspace import user_presets_dir

if TYPE_CHECKING:
    from deskapp.model import PhotoLookup

AUTOSAVE_DELAY_MS = 2000
# A body longer than this (some 30 pages) is shown first and coloured and counted just after
# the first paint: for a book-length article both would hold that paint back by ~50 ms.
LONG_BODY_CHARS = 100_000
INDEX_DELAY_MS = 1500


class MainWindow(OwnContextTr, ImportExport, HandOff, BatchImport, OutsideExports,
                 BackupCommands, DeskWindow, PrintWindow, QMainWindow):
    """One library, one open article, a live preview beside it."""

    exportFinished = Signal(str)
    exportFailed = Signal(str)
    errorShown = Signal(str)
    backupFinished = Signal(str)
    libraryExported = Signal(str)
    packageOpened = Signal(str)  # the merge outcome
    batchImported = Signal(int, int)  # imported, failed
    settled = Signal()  # the first paint is done and the deferred panels are filled

    def __init__(
        self,
        library: Library,
        *,
        user: str,
        render_html: Callable[[Article], str],
        ask_profile: AskProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.profile = load_profile(library, user)
        if ask_profile is not None and needs_profile(library):
            asked = ask_profile(self)
            if asked is not None and asked.name:
                self._guard(lambda: save_profile(library, asked))
                self.profile = asked
        self.last_error = ""
        self.runner = Runner(self)
        self.writer_lock: WriterLock | None = None  # held for the window's life by app.run
        # The preview, copyfit and the desk's panels are filled after the first paint.
        self._settled = False
        self._settle_scheduled = False

        self.library_panel = LibraryPanel(self)
        self.editor = EditorPanel(self)
        self.preview = PreviewPanel(render_html, self)
        self.preview.assets_for = self._photos_for
        self.preview.preset = lambda: (self._preset(), (str(user_presets_dir()),))
        self._photo_bytes: dict[str, bytes] = {}
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.library_panel)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([380, 520, 520])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.setAcceptDrops(True)
        self.resize(1440, 880)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        # Saves leave the search index to this timer (Library.defer_index): re-indexing
        # costs more than the save itself and can wait for a pause.
        library.defer_index = True
        self.index_timer = QTimer(self)
        self.index_timer.setSingleShot(True)
        self.index_timer.setInterval(INDEX_DELAY_MS)
        self.index_timer.timeout.connect(self.index_pending)

        self.typing_controls = TypingControls(self.editor.typing, self)
        self.typing_controls.set_style(library.get_setting("tone_style") or "old")
        self.typing_controls.styleChanged.connect(
            lambda style: self._guard(lambda: self.library.set_setting("tone_style", style))
        )
        self.typing_controls.set_method(library.get_setting("typing_method") or None)
        self.typing_controls.changed.connect(
            lambda method: self._guard(lambda: self.library.set_setting("typing_method",
                                                                        method or ""))
        )
        self.status_info = ArticleStatus(self.editor.lead, self.editor.body, self)
        self.desk = DeskActions(self)
        self.review = ReviewDocks(self, library, self.editor, lambda: self.user,
                                  self._tone_style, on_restore=self.restore_revision,
                                  on_error=self.show_error)
        self.copyfit = CopyfitInfo(self.editor, self._preset, self)
        self._fill_presets()
        self.profile_label = QLabel(self)
        self.profile_label.setObjectName("profileLabel")
        for label in (self.desk.badge, self.status_info.words, self.copyfit.label,
                      self.status_info.saved, self.profile_label, self.typing_controls.badge):
            self.statusBar().addPermanentWidget(label)
        self._show_profile()
        self.format_actions = FormatActions(self.editor.body, self)
        self.view_actions = ViewActions(self, splitter, self.library_panel, self.editor,
                                        self.preview)
        self.scroll_sync = ScrollSync(self.editor.body, self.preview.browser, self)
        self.preview.rendered.connect(self.scroll_sync.preview_rendered)
        self.themes = ThemeManager.for_app(QApplication.instance())  # type: ignore[arg-type]
        self.apply_theme(library.get_setting("ui_theme") or "system")
        self._build_actions()
        self.sync_panel = SyncPanel(self)  # Newsroom menu, background sync, desk view
        self.library_panel.openRequested.connect(self.open_article)
        self.library_panel.trashModeChanged.connect(self._trash_mode_changed)
        self.library_panel.queryChanged.connect(lambda _q: self.refresh_library())
        self.library_panel.sortChanged.connect(lambda _s: self.refresh_library())
        self.library_panel.statusFilterChanged.connect(lambda _s: self.refresh_library())
        self.editor.changed.connect(self._edited)
        self.editor.pasteRejected.connect(lambda error: self.show_error(describe(error)))
        self.editor.title.textChanged.connect(lambda _t: self._update_title())
        self.editor.targetChanged.connect(lambda _t: self._store_target())
        self.desk.statusChanged.connect(lambda _a: self._desk_changed())

        self.library_panel.fetchFailed.connect(self._fetch_failed)

        self.refresh_library()
        window_state.restore_geometry(library, self, splitter)
        self.editor.body.set_zoom(window_state.zoom_steps(library))
        self.open_first_article(window_state.last_article(library))
        self._update_title()
        self._set_tab_order()

    # ---- actions -----------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text: str, slot: Callable[[], object], shortcut: object = None) -> QAction:
            act = make_action(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.act_new = action(self.tr("&New article"), self.new_article,
                              QKeySequence.StandardKey.New)
        self.act_open = action(self.tr("&Open…"), self.library_panel.focus_filter,
                               QKeySequence.StandardKey.Open)
        self.act_import = action(self.tr("&Import…"), self.import_dialog,
                                 keys("Ctrl+Shift+I"))
        self.act_save = action(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self.act_export = action(self.tr("&Export PDF…"), self.export_dialog,
                                 keys("Ctrl+E"))
        self.act_quit = action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_trash = action(self.tr("Move to &trash"), self.trash_selected,
                                QKeySequence.StandardKey.Delete)
        # Delete must keep deleting text in the editor: the shortcut only works in the list.
        self.act_trash.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.library_panel.addAction(self.act_trash)
        self.act_restore = action(self.tr("&Restore from trash"), self.restore_selected,
                                  keys("Ctrl+Shift+R"))
        self.act_show_trash = action(self.tr("Show t&rash"), self._toggle_trash,
                                     keys("Ctrl+Shift+T"))
        self.act_show_trash.setCheckable(True)

        self.act_open_package = action(self.tr("Open &package…"), self.open_package_dialog)
        self.act_send = action(self.tr("Send to &desk / Send back…"), self.send_package_dialog,
                               keys("Ctrl+Shift+S"))
        self.act_export_word = action(self.tr("Export as &Word…"), self.export_word_dialog)
        self.act_export_markdown = action(self.tr("Export as &Markdown…"),
                                          self.export_markdown_dialog)
        self.act_conflict = action(self.tr("Compare &two versions…"), self.show_open_conflict)
        self.act_paste_plain = action(self.tr("Paste as plain te&xt"), self.editor.body.paste_plain,
                                      keys("Ctrl+Shift+V"))
        self.act_paste_plain.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.editor.body.addAction(self.act_paste_plain)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for act in (self.act_new, self.act_open, self.act_import, self.act_save):
            file_menu.addAction(act)
        file_menu.addSeparator()
        for act in (self.act_open_package, self.act_send, self.act_conflict):
            file_menu.addAction(act)
        file_menu.addSeparator()
        for act in (self.act_export, self.act_export_word, self.act_export_markdown):
            file_menu.addAction(act)
        file_menu.addSeparator()
        self._build_backups_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.act_trash)
        edit_menu.addAction(self.act_restore)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_paste_plain)
        edit_menu.addSeparator()
        self.act_tone_style = action(self.tr("Apply the newsroom &tone style to this article"),
                                     self.apply_tone_style)
        edit_menu.addAction(self.act_tone_style)
        edit_menu.addSeparator()
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.act_show_trash)
        view_menu.addSeparator()
        self.view_actions.fill_menus(edit_menu, view_menu)
        self._build_print_actions(file_menu, view_menu)
        edit_menu.addSeparator()
        self.act_settings = action(self.tr("Se&ttings…"), self.show_settings,
                                   keys("Ctrl+,"))
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.act_settings)
        format_menu = self.menuBar().addMenu(self.tr("F&ormat"))
        for act in self.format_actions.all:
            format_menu.addAction(act)
        typing_menu = self.menuBar().addMenu(self.tr("&Typing"))
        self.typing_controls.fill_menu(typing_menu)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for act in (self.act_new, self.act_import, self.act_save, self.act_export):
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addAction(self.typing_controls.toggle)
        self.toolbar = toolbar
        self.format_toolbar = self.format_actions.toolbar(self)
        self.addToolBar(self.format_toolbar)
        self.format_toolbar.setMovable(False)
        self._build_article_menu(toolbar)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.act_diagnostics = action(self.tr("Typing &diagnostics…"), self.show_diagnostics)
        help_menu.addAction(self.act_diagnostics)
        self._trash_mode_changed(False)

    # ---- the desk ------------------------------------------------------------
    @property
    def user(self) -> str:
        return self.profile.name

    def _show_profile(self) -> None:
        self.profile_label.setText(self.profile.label())
        self.profile_label.setToolTip(self.tr("You, as recorded on revisions (Settings to change)"))
        self.desk.update()

    def _desk_changed(self) -> None:
        self.refresh_library()
        self.desk.update()
        self.review.history_changed()

    def _tone_style(self) -> str | None:
        try:
            return self.library.get_setting("tone_style") or None
        except sqlite3.Error:  # the library is closing
            return None

    def _preset(self) -> str:
        try:
            return self.library.get_setting("pdf_preset") or "a4-article"
        except sqlite3.Error:  # the library is closing
            return "a4-article"

    def _photos_for(self, article: Article) -> PhotoLookup | None:
        """The article's stored photos for the preview, read here (the library's thread).

        The bytes of a photo are read once and kept while the article shows it.
        """
        from deskapp.store.assets import get_photo, list_photos

        try:
            stored = list_photos(self.library, article.id)
            photos = {}
            known = {}
            for asset in stored:
                data = self._photo_bytes.get(asset.sha256)
                if data is None:
                    full = get_photo(self.library, article.id, asset.name)
                    data = full.data if full is not None else b""
                known[asset.sha256] = data
                photos[asset.name] = replace(asset, data=data).as_photo()
        except (sqlite3.Error, DeskappError):
            return None
        self._photo_bytes = known
        if not photos:
            return None
        return lambda name: photos.get(nfc(name).strip())

    def apply_tone_style(self) -> int:
        """Move tones in every field to the newsroom's style; each field is one undo step."""
        if self.editor.article_id is None:
            return 0
        from deskapp.text.tone import convert_tone_style

        changed = self.editor.convert_text(
            lambda text: convert_tone_style(text, self.editor.typing.style)
        )
        self.statusBar().showMessage(
            plural(self.tr("Tone style applied: %n field(s) changed", "", changed), changed), 4000)
        return changed

    def show_diagnostics(self) -> TypingDiagnostics:
        dialog = TypingDiagnostics(self.editor.typing, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- library -----------------------------------------------------------
    def refresh_library(self) -> None:
        """Show the library (or the trash): search hits when there is a query.

        Both are read a page at a time as the list scrolls (:meth:`Library.page`,
        :meth:`Library.search_page`).
        """
        panel = self.library_panel
        trash, query = panel.is_trash(), panel.query()
        status = "" if trash else panel.status()
        if not trash:
            counts = self._guard(lambda: counts_by_status(self.library))
            panel.set_counts(counts if isinstance(counts, dict) else {})
        marked = self.conflict_ids()
        library, sort = self.library, panel.sort()

        def fetch(after: Cursor | int | None) -> Page:
            if query:
                return library.search_page(query, trashed=trash, status=status,
                                           after=after if isinstance(after, int) else None)
            return library.page(trashed=trash, sort=sort, status=status,  # type: ignore[arg-type]
                                after=after if isinstance(after, Cursor) else None)

        panel.show_pages(fetch, self.editor.article_id, marked=marked)

    def _show_saved(self, saved: Article) -> None:
        """After a save: the counts, and the one row moved to its place (no list re-read)."""
        panel = self.library_panel
        row = ArticleSummary(saved.id, saved.title, saved.status, saved.updated_at,
                             saved.deleted_at)
        if not panel.place_saved(row):
            self.refresh_library()
            return
        counts = self._guard(lambda: counts_by_status(self.library))
        panel.set_counts(counts if isinstance(counts, dict) else {})

    def open_first_article(self, preferred: str | None = None) -> None:
        """Open ``preferred`` if it is in the library (not the trash), else the list's first row."""
        if preferred and self._guard(lambda: self.library.is_listed(preferred)):
            self.open_article(preferred)
            return
        ids = self.library_panel.ids()
        if ids:
            self.open_article(ids[0])

    def _fetch_failed(self, error: object) -> None:
        if isinstance(error, DeskappError):  # a closing library needs no message
            self.show_error(describe(error))

    def open_article(self, article_id: str) -> None:
        if article_id == self.editor.article_id:
            return
        if not self.flush():
            return
        try:
            article = self.library.get(article_id)
        except DeskappError as error:
            self.show_error(describe(error))
            return
        # Opening changes no row (a pending save already moved its own): only the selection.
        self._show(article, list_changed=False)

    def new_article(self) -> None:
        if not self.flush():
            return
        self.library_panel.show_trash(False)
        article = self._guard(lambda: self.library.create(Article(), author=self.user))
        if article is not None:
            self._show(article)
            self.editor.title.setFocus()

    def trash_selected(self) -> None:
        article_id = self.library_panel.current_id() or self.editor.article_id
        if article_id is None or self.library_panel.is_trash():
            return
        if article_id == self.editor.article_id:
            if not self.flush():
                return
            self._show(None)
        self._guard(lambda: self.library.trash(article_id))
        self.refresh_library()
        self.statusBar().showMessage(self.tr("Moved to the trash (View → Show trash to restore)"),
                                     5000)

    def restore_selected(self) -> None:
        article_id = self.library_panel.current_id()
        if article_id is None or not self.library_panel.is_trash():
            return
        self._guard(lambda: self.library.restore(article_id))
        self.library_panel.show_trash(False)
        self.open_article(article_id)
        self.statusBar().showMessage(self.tr("Restored"), 3000)

    def _toggle_trash(self) -> None:
        self.library_panel.show_trash(self.act_show_trash.isChecked())

    def _trash_mode_changed(self, trash: bool) -> None:
        self.act_show_trash.setChecked(trash)
        self.act_restore.setEnabled(trash)
        self.act_trash.setEnabled(not trash)
        if hasattr(self, "library"):
            self.refresh_library()

    # ---- saving ------------------------------------------------------------
    def _edited(self) -> None:
        if not self.isWindowModified():
            self.setWindowModified(True)
            self.status_info.set_saved(False)
        self.autosave_timer.start()
        # The snapshot is taken when the preview renders, not on every keystroke.
        self.preview.request(self.editor.snapshot, len_hint=self.editor.body.document()
                             .characterCount())

    def autosave(self) -> bool:
        return self.save(kind=RevisionKind.AUTOSAVE)

    def save(self, kind: str = RevisionKind.SAVE) -> bool:
        """Write the open article; on failure the text stays in the editor and is retried."""
        self.autosave_timer.stop()
        snapshot = self.editor.snapshot()
        if snapshot is None or (not self.isWindowModified() and kind == RevisionKind.AUTOSAVE):
            return True
        try:
            saved = save_edit(self.library, snapshot, kind=kind, user=self.user,
                              role=self.profile.role)
        except DeskappError as error:
            if self.library.refused is not None:  # found damaged: already explained
                self.statusBar().showMessage(self.tr(
                    "Not saved: the library is damaged (File → Backups → Restore a backup…)"))
                return False
            self.show_error(describe(error))
            self.autosave_timer.start()  # try again later; nothing is dropped
            return False
        shown = self.editor.article.status if self.editor.article else saved.status
        self.editor.accept_saved(saved)
        self._status_after_save(shown, saved)
        self.setWindowModified(False)
        self.status_info.set_saved(True)
        self._show_saved(saved)
        self.index_timer.start()
        self.review.history_changed()
        if kind != RevisionKind.AUTOSAVE:
            self.statusBar().showMessage(self.tr("Saved"), 2000)
        return True

    def index_pending(self) -> None:
        """Re-index what the last saves left for later (a search would do it first anyway)."""
        self.index_timer.stop()
        try:
            self.library.index_pending()
        except (DeskappError, sqlite3.Error):  # a damaged or closing library: search catches up
            pass

    def flush(self) -> bool:
        """Save pending typing now (switching article, exporting, quitting)."""
        if self.isWindowModified():
            return self.save(kind=RevisionKind.AUTOSAVE)
        return True

    # ---- drag and drop -----------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    # ---- window ------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.review.stop()
        self.copyfit.stop()
        if not self.flush():
            answer = QMessageBox.question(
                self,
                self.tr("Deskapp"),
                self.tr("The article could not be saved. Quit anyway and lose the last changes?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.sync_panel.window_closing()
        self._guard(lambda: window_state.save_state(
            self.library, self, self.view_actions.normal_sizes(), self.editor.article_id,
            self.editor.body.zoom_steps))
        self.index_pending()
        self.runner.wait()
        self.review.wait()
        self.preview.shutdown()
        self._print_shutdown()
        self.copyfit.wait()
        event.accept()

    def show_error(self, text: str) -> None:
        """Tell the user without blocking the window (and without losing any text)."""
        from PySide6.QtWidgets import QMessageBox

        self.last_error = text
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Deskapp"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.errorShown.emit(text)

    def _show(self, article: Article | None, *, list_changed: bool = True) -> None:
        self.autosave_timer.stop()
        later = (not self._settled and article is not None
                 and len(article.body) > LONG_BODY_CHARS)
        if later:
            self.editor.body.colour_later()  # and counted later: see _settle
        self.editor.load(article)
        self.desk.update()
        self.review.article_changed()
        self.setWindowModified(False)
        self.status_info.set_saved(True, visible=article is not None)
        if not later:
            self.status_info.count_now()
        if list_changed or article is None:
            self.refresh_library()
        else:
            self.library_panel.select_article(article.id)
        if article is None:
            self.preview.clear()
        if self._settled:
            self.copyfit.run()
            if article is not None:
                self.preview.show_article(article, immediately=True)
        else:
            self.copyfit.job.request()  # counted once the window is painted (see _settle)
        self._print_article_changed()
        self._update_title()

    # ---- after the first paint -------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._settle_scheduled:
            self._settle_scheduled = True
            QTimer.singleShot(0, self._settle)

    def _settle(self) -> None:
        """Work the first paint does not wait for: the preview, copyfit, the desk's panels."""
        if self._settled or not self.isVisible():  # closed before it settled: nothing to start
            return
        self._settled = True
        if self.editor.body.highlighter.document() is None:  # a long body shown uncoloured
            self.editor.body.colour_now()
            self.status_info.count_now()
        article = self.editor.snapshot()
        if article is not None:
            self.preview.show_article(article, immediately=True)
        self.copyfit.run()
        self.review.settle()
        self.sync_panel.settle()
        # The store's writing half (sqlite-utils) is imported off the UI thread, before the
        # first save needs it; the first paint read the library without it.
        self.runner.start(import_writer, lambda _: None, lambda _: None)
        self.settled.emit()

    def is_settled(self) -> bool:
        return self._settled

    def _update_title(self) -> None:
        if self.editor.article_id is None:
            self.setWindowTitle("Deskapp")
            return
        title = self.editor.title.text().strip() or self.tr("(no headline)")
        self.setWindowTitle(f"{title}[*] — Deskapp")

    # ---- settings and look ---------------------------------------------------
    def show_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.library.get_setting("ui_language") or "system",
                                self.themes.mode, self, profile=self.profile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            language, theme = dialog.values()
            self.apply_settings(language, theme)
            self.set_profile(dialog.profile())

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def apply_settings(self, language: str, theme: str) -> None:
        """Store the choices; colours and language change at once."""
        changed_language = language != (self.library.get_setting("ui_language") or "system")
        self._guard(lambda: self.library.set_setting("ui_language", language))
        self._guard(lambda: self.library.set_setting("ui_theme", theme))
        self.apply_theme(theme)
        if changed_language:
            self.set_language(resolve_language(language))

    def set_language(self, language: str) -> None:
        """Show the window in ``language`` ("vi" or "en") now, keeping everything open."""
        from deskapp.ui.retranslate import retranslate_tree

        translation = Translation.for_app()
        translation.install(language)
        retranslate_tree(self, translation.recorder)
        self._write_texts_again()

    def _write_texts_again(self) -> None:
        """Texts made of several pieces (counts, names, dates), in the language now installed."""
        self._update_title()
        self._show_profile()
        self.status_info.count_now()
        self.status_info.set_saved(self.status_info.is_saved,
                                   visible=self.editor.article_id is not None)
        self.typing_controls.set_method(self.editor.typing.method)
        if self.copyfit.fit is not None:
            self.copyfit.show(self.copyfit.fit)
        self.library_panel.retranslate()
        self.refresh_library()
        self.review.article_changed()

    def set_profile(self, profile: Profile) -> None:
        """Store a changed name or role; the Article menu follows the role at once."""
        if not profile.name:
            profile = Profile(self.profile.name, profile.role)
        self._guard(lambda: save_profile(self.library, profile))
        self.profile = profile
        self._show_profile()

    def apply_theme(self, mode: str) -> bool:
        dark = self.themes.apply(mode)
        self.editor.body.set_dark(dark)
        self.preview.set_dark(dark)
        return dark

    def _set_tab_order(self) -> None:
        """Tab walks library → headline → lead → credits → body (Ctrl+L / Ctrl+J jump)."""
        chain = [self.library_panel.mode, self.library_panel.by_title,
                 self.library_panel.filter, self.library_panel.tree, self.editor.title,
                 self.editor.lead, self.editor.byline, self.editor.source,
                 self.editor.section, self.editor.body, self.preview.browser]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _guard(self, fn: Callable[[], object]) -> object:
        try:
            return fn()
        except DeskappError as error:
            self.show_error(describe(error))
            return None
