"""The main window: it builds the panels and the command families and wires their signals.

Every command lives with its family (``ui/<job>/commands.py`` and the like),
built with the narrow services it needs: the :class:`ArticleSession` (the
library and the open article), the :class:`ErrorPresenter`, the worker
:class:`Runner` and the status bar. The window holds no article state.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from deskapp.model import Article
from deskapp.store import Library
from deskapp.store.library import import_writer
from deskapp.store.lock import WriterLock
from deskapp.ui.common.errors import ErrorPresenter
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.side_area import SideArea
from deskapp.ui.common.workers import Runner
from deskapp.ui.desk.commands import DeskCommands
from deskapp.ui.desk.copyfit_info import CopyfitInfo
from deskapp.ui.desk.desk_actions import DeskActions
from deskapp.ui.desk.review_docks import ReviewDocks
from deskapp.ui.editor.commands import TextCommands
from deskapp.ui.editor.edit_actions import EditActions
from deskapp.ui.editor.editor import EditorPanel
from deskapp.ui.editor.format_toolbar import FormatActions
from deskapp.ui.editor.photos import StoredPhotos
from deskapp.ui.editor.preview import PreviewPanel
from deskapp.ui.editor.scroll_sync import ScrollSync
from deskapp.ui.editor.session import ArticleSession
from deskapp.ui.editor.typing_panel import TypingControls
from deskapp.ui.exchange.files import FileCommands
from deskapp.ui.exchange.hand_off import HandOff
from deskapp.ui.help.commands import HelpCommands
from deskapp.ui.library.commands import LibraryCommands
from deskapp.ui.library.library_panel import LibraryPanel
from deskapp.ui.makeup.commands import MakeupCommands
from deskapp.ui.printing.commands import PrintCommands
from deskapp.ui.safety.backups import BackupCommands
from deskapp.ui.shell import window_state
from deskapp.ui.shell.menus import build_menus
from deskapp.ui.shell.preferences import Preferences
from deskapp.ui.shell.profile import AskProfile
from deskapp.ui.shell.status_info import ArticleStatus
from deskapp.ui.shell.text_room import TextRoom
from deskapp.ui.shell.view_actions import ViewActions
from deskapp.ui.sync.sync_panel import SyncPanel
from deskapp.workspace import user_presets_dir

# A body longer than this (some 30 pages) is shown first and coloured and counted just after
# the first paint: for a book-length article both would hold that paint back by ~50 ms.
LONG_BODY_CHARS = 100_000


class MainWindow(OwnContextTr, QMainWindow):
    """One library, one open article, a live preview beside it."""

    settled = Signal()  # the first paint is done and the deferred panels are filled

    def __init__(self, library: Library, *, user: str, render_html: Callable[[Article], str],
                 ask_profile: AskProfile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.writer_lock: WriterLock | None = None  # held for the window's life by app.run
        self._settled = self._settle_scheduled = False
        self.errors = ErrorPresenter(self)
        self.runner = Runner(self)
        self.library_panel = LibraryPanel(self)
        self.editor = EditorPanel(self)
        self.session = ArticleSession(library, self.editor, lambda: self.preferences.profile,
                                      self.errors, self)
        self.preferences = Preferences(self, self.session, user, ask_profile)
        self.preview = PreviewPanel(render_html, self)
        self.preview.assets_for = StoredPhotos(self.session)
        self.preview.preset = lambda: (self.printing.preset(), (str(user_presets_dir()),))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for index, (panel, stretch) in enumerate(((self.library_panel, 2), (self.editor, 4),
                                                  (self.preview, 4))):
            self.splitter.addWidget(panel)
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([380, 520, 520])
        self.setCentralWidget(self.splitter)
        self.setAcceptDrops(True)
        # The desk's and the print panels, tabbed beside the text; the room they take
        # comes from the preview and the library before the editor.
        self.room = TextRoom(self.splitter)
        self.side = SideArea(self, self.room.make_room)
        self.room.side_open = self.side.is_open
        self._build_parts()
        build_menus(self)
        self._wire()
        self.library_commands.refresh()
        window_state.restore_geometry(library, self, self.splitter)
        self.layouts = window_state.RoleLayouts(
            self, self.side, lambda: self.session.library, self.preferences.profile.role,
            lambda: self.view_actions.set_focus_mode(False))
        self.editor.body.set_zoom(window_state.zoom_steps(library))
        self.library_commands.open_first(window_state.last_article(library))
        self._update_title()
        self._set_tab_order()

    def _build_parts(self) -> None:
        session, bar = self.session, self.statusBar()
        self.typing_controls = TypingControls(self.editor.typing, self)
        self.library_panel.share_typing(self.editor.typing)
        self.preferences.keep_typing_choices(self.typing_controls)
        self.status_info = ArticleStatus(self.editor.lead, self.editor.body, self)
        self.review = ReviewDocks(self, self.side, session.library, self.editor,
                                  lambda: session.user,
                                  session.house_style,
                                  on_restore=lambda rid: self.desk_commands.restore_revision(rid),
                                  on_error=self.errors.show)
        self.desk = DeskActions(self, session, bar, self.review)
        self.copyfit = CopyfitInfo(self.editor, lambda: self.printing.preset(), self)
        self.format_actions = FormatActions(self.editor.body, self)
        self.view_actions = ViewActions(self, self.splitter, self.library_panel, self.editor,
                                        self.preview)
        self.scroll_sync = ScrollSync(self.editor.body, self.preview.browser, self)
        self.hand_off = HandOff(self, session, bar)
        self.library_commands = LibraryCommands(self.library_panel, session, bar,
                                                self.hand_off.conflict_ids, self)
        self.files = FileCommands(self, session, self.hand_off, self.runner, bar)
        self.desk_commands = DeskCommands(session, self.review, bar, self)
        self.printing = PrintCommands(self, session, self.runner, bar, self.copyfit,
                                      self.preview, self.library_panel.selected_ids,
                                      self.format_actions.photo, self.side)
        self.makeup = MakeupCommands(self, session)
        self.backups = BackupCommands(self, session, self.runner, bar, quiesce=self._quiesce,
                                      open_first=self.library_commands.open_first)
        self.text_commands = TextCommands(self, self.editor, bar)
        self.edit_actions = EditActions(self)
        self.help = HelpCommands(self)
        self.sync_panel = SyncPanel(self, session, self.runner, self.review, self.hand_off,
                                    self.library_commands.refresh)
        for label in (self.desk.badge, self.status_info.words, self.copyfit.label,
                      self.status_info.saved, self.preferences.label, self.typing_controls.badge,
                      self.sync_panel.label):
            bar.addPermanentWidget(label)

    def _wire(self) -> None:
        session, prefs = self.session, self.preferences
        session.opened.connect(self._article_shown)
        session.saved.connect(self._article_saved)
        session.failed.connect(lambda text: self.statusBar().showMessage(text))
        session.notice.connect(self.statusBar().showMessage)
        session.modifiedChanged.connect(self._modified_changed)
        session.libraryChanged.connect(self.review.use_library)
        self.editor.changed.connect(lambda: self.preview.request(
            self.editor.snapshot, len_hint=self.editor.body.document().characterCount()))
        self.editor.pasteRejected.connect(self.errors.show)
        self.editor.title.textChanged.connect(lambda _t: self._update_title())
        self.desk.statusChanged.connect(lambda _a: self._statuses_changed())
        # A submitted, returned or approved article should reach the others at once.
        self.desk.statusChanged.connect(lambda _a: self.sync_panel.sync_now(background=True))
        self.printing.statusesChanged.connect(self._statuses_changed)
        self.printing.exportFinished.connect(lambda _path: self.desk.record_export())
        self.hand_off.listChanged.connect(self._show_library)
        self.files.listChanged.connect(self._show_library)
        self.format_actions.photo_handler = self.printing.insert_photo_dialog
        self.printing.show_comments = self.desk_commands.show_comments
        self.preview.rendered.connect(self.scroll_sync.preview_rendered)
        self.settled.connect(self.printing.list_presets)
        prefs.languageChanged.connect(self._write_texts_again)
        prefs.languageChanged.connect(self.printing.list_presets)  # their titles' language
        prefs.profileChanged.connect(lambda _p: self.desk.update())
        prefs.profileChanged.connect(
            lambda p: self.errors.guard(lambda: self.layouts.switch(p.role)))
        prefs.defaultPresetChanged.connect(lambda _name: self.printing.preset_changed())
        prefs.darkChanged.connect(self.editor.body.set_dark)
        prefs.darkChanged.connect(self.preview.set_dark)
        prefs.apply_theme(session.setting("ui_theme", "system"))
        prefs.show_profile()

    # ---- what the session tells -----------------------------------------------------
    def _article_shown(self, article: Article | None, list_changed: bool) -> None:
        later = not self._settled and article is not None and len(article.body) > LONG_BODY_CHARS
        if later:
            self.editor.body.colour_later()  # and counted later: see _settle
        self.desk.update()
        self.review.article_changed()
        self.status_info.set_saved(True, visible=article is not None)
        if not later:
            self.status_info.count_now()
        if article is None:
            self.preview.clear()
        if self._settled:
            self.copyfit.run()
            if article is not None:
                self.preview.show_article(article, immediately=True)
        else:
            self.copyfit.job.request()  # counted once the window is painted (see _settle)
        self._update_title()

    def _article_saved(self, saved: Article, shown: object, _kind: str) -> None:
        if str(saved.status) != str(shown):
            self.desk.update()  # the banner says why (an approved text edited: back in review)
        self.review.history_changed(appended=True)

    def _modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        self.status_info.set_saved(not modified)

    def _statuses_changed(self) -> None:
        self.library_commands.refresh()
        self.desk.update()
        self.review.history_changed()

    def _show_library(self) -> None:
        self.library_panel.show_trash(False)
        self.library_commands.refresh()

    # ---- files dropped or handed over -------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_files(paths)

    def bring_forward(self, files: list[str]) -> None:
        """Another start asked for this window: show it in front, then open its files."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if files:
            self.files.open_files(Path(f) for f in files)

    # ---- the window's life ------------------------------------------------------------
    def _quiesce(self) -> None:
        """Wait for every worker that reads the library (before it is closed or replaced)."""
        self.runner.wait()
        self.review.wait()
        self.desk.wait()
        self.preview.shutdown()
        self.copyfit.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.review.stop()
        self.copyfit.stop()
        if not self.session.flush():
            answer = QMessageBox.question(self, self.tr("Deskapp"), self.tr(
                "The article could not be saved. Quit anyway and lose the last changes?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.sync_panel.window_closing()
        self.errors.guard(self.layouts.save)
        self.errors.guard(lambda: window_state.save_state(
            self.session.library, self, self.view_actions.normal_sizes(),
            self.session.article_id, self.editor.body.zoom_steps))
        self.session.index_pending()
        self._quiesce()
        self.printing.shutdown()
        event.accept()

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
        from deskapp.ui.shell.toolbar_icons import set_icons  # QIcon and QtSvg: after the paint

        set_icons(self)
        self.edit_actions.watch_clipboard()
        self.settled.emit()

    def is_settled(self) -> bool:
        return self._settled

    def _update_title(self) -> None:
        if self.session.article_id is None:
            self.setWindowTitle("Deskapp")
            return
        title = self.editor.title.text().strip() or self.tr("(no headline)")
        self.setWindowTitle(f"{title}[*] — Deskapp")

    def _write_texts_again(self) -> None:
        """Texts made of several pieces (counts, names, dates), in the language now installed."""
        self._update_title()
        self.desk.update()
        self.status_info.count_now()
        self.status_info.set_saved(self.status_info.is_saved,
                                   visible=self.session.article_id is not None)
        self.typing_controls.set_method(self.editor.typing.method)
        if self.copyfit.fit is not None:
            self.copyfit.show(self.copyfit.fit)
        self.library_panel.retranslate()
        self.library_commands.refresh()
        self.review.article_changed()

    def _set_tab_order(self) -> None:
        """Tab walks library → headline → lead → credits → body (Ctrl+L / Ctrl+J jump)."""
        panel, editor = self.library_panel, self.editor
        chain = [panel.mode, panel.by_title, panel.filter, panel.tree, editor.title, editor.lead,
                 editor.byline, editor.source, editor.section, editor.body, self.preview.browser]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
