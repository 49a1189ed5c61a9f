"""The print commands: Export PDF, the print preview, preflight, batch export, photos, presets.

The print preview and preflight docks are built the first time they are
shown, so a window that never prints pays nothing for them at start-up; they
share the window's side area with the desk's panels, as tabs.
Export, preflight and the preset list run on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow

from deskapp.errors import DeskappError
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import command

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar

    from deskapp.model import Article
    from deskapp.pdf.findings import Finding
    from deskapp.ui.common.side_area import SideArea
    from deskapp.ui.common.workers import Runner
    from deskapp.ui.desk.copyfit_info import CopyfitInfo
    from deskapp.ui.editor.preview import PreviewPanel
    from deskapp.ui.editor.session import ArticleSession
    from deskapp.ui.printing.batch_export import BatchExportDialog, BatchOutcome
    from deskapp.ui.printing.preflight_panel import PreflightPanel
    from deskapp.ui.printing.print_options import PrintJob, PrintOptions
    from deskapp.ui.printing.print_preview import PrintPreviewPanel

DEFAULT_PRESET = "a4-article"
# The answers to "this article has open comments": export it anyway, or look at them.
EXPORT_ANYWAY = "export"
LOOK_FIRST = "look"


class PrintCommands(OwnContextTr, QObject):
    """File → Export PDF… / Check for print… / Export several…, View → Print preview."""

    exportFinished = Signal(str)
    exportFailed = Signal(str)
    statusesChanged = Signal()  # a batch export recorded exports

    print_preview: PrintPreviewPanel | None = None
    print_preview_dock: QDockWidget | None = None
    preflight: PreflightPanel | None = None
    preflight_dock: QDockWidget | None = None

    def __init__(self, host: QMainWindow, session: ArticleSession, runner: Runner,
                 status_bar: QStatusBar, copyfit: CopyfitInfo, preview: PreviewPanel,
                 selected: Callable[[], list[str]], photo: QAction, side: SideArea) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self.editor = session.editor
        self.runner = runner
        self._status = status_bar
        self.copyfit = copyfit
        self.preview = preview
        self._selected = selected
        self._side = side
        # Questions and where "look at them" leads; tests and the window replace them.
        self.ask_open_comments: Callable[[str], str | None] = self._ask_open_comments
        self.show_comments: Callable[[], object] = lambda: None
        self.act_export = command(self.tr("&Export PDF…"), host, self.export_dialog, "Ctrl+E")
        self.act_print_preview = command(self.tr("&Print preview"), host, lambda: None,
                                         "Ctrl+Alt+P")
        self.act_print_preview.setCheckable(True)
        self.act_print_preview.toggled.connect(self.show_print_preview)
        self.act_preflight = command(self.tr("Check for &print…"), host, self.preflight_now,
                                     "Shift+F7")
        self.act_batch_export = command(self.tr("Export &several articles…"), host,
                                        self.batch_export_dialog, "Ctrl+Shift+E")
        photo.setText(self.tr("Photo…"))
        photo.setToolTip(self.tr("Insert a photo with caption and credit (%1)").replace(
            "%1", photo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        self.editor.changed.connect(self._text_changed)
        self.editor.presetChanged.connect(self.choose_preset)
        self.editor.set_presets([], self.preset())
        session.opened.connect(lambda _article, _changed: self._article_changed())

    # ---- the preset -------------------------------------------------------------------
    def preset(self) -> str:
        """The open article's print preset (nothing open: the library's default)."""
        import sqlite3

        from deskapp.workspace import article_preset, default_preset

        library, article = self.session.library, self.editor.article
        try:
            if article is None:
                return default_preset(library)
            return article_preset(library, article)
        except sqlite3.Error:  # the library is closing
            return DEFAULT_PRESET

    def list_presets(self) -> None:
        """Offer the presets beside the length target (read on a worker: it loads reportlab)."""
        from deskapp.ui.common.i18n import core_language
        from deskapp.workspace import user_presets_dir

        folder, language = user_presets_dir(), core_language()

        def read() -> list[tuple[str, str]]:
            from deskapp.pdf.presets import list_presets

            return list_presets(extra_dirs=[folder], lang=language)

        self.runner.start(read, lambda presets: self.editor.set_presets(presets, self.preset()),
                          lambda _error: None)

    def choose_preset(self, name: str) -> None:
        """Print the open article (and no other) with ``name``.

        Its line count, the preview, the print preview and its next export follow.
        """
        article = self.editor.article
        if article is None:
            return
        self.session.errors.guard(
            lambda: self.session.library.set_article_preset(article.id, name))
        self.preset_changed()

    def preset_changed(self) -> None:
        """The open article's preset may have changed (chosen, or a new default followed)."""
        self._show_preset(self.preset())
        self.copyfit.job.request()
        self.preview.restyle()
        if self.print_preview is not None:
            self.print_preview.options_changed()

    # ---- export -----------------------------------------------------------------------
    def export_dialog(self) -> None:
        from deskapp.ui.common import file_dialogs
        from deskapp.ui.exchange.hand_off import safe_file_name

        snapshot = self.editor.snapshot()
        if snapshot is None:
            return
        if not snapshot.title:
            self.editor.ask_for_headline()
            self.session.errors.show(self.tr("Give the article a headline before exporting it."))
            return
        if not self.open_comments_seen(snapshot):
            return
        path = file_dialogs.save_file(self.host, self.tr("Export PDF"), "pdf",
                                      safe_file_name(snapshot.title) + ".pdf", "PDF (*.pdf)",
                                      ".pdf")
        if path is not None:
            self.export_to(path)

    def open_comments_seen(self, article: Article) -> bool:
        """True to go on exporting: no open comment, or the editor exports anyway.

        With open (unresolved) comments, says how many and offers to look at
        them first (the Comments panel opens; nothing is exported).
        """
        from deskapp.desk.comments import list_comments
        from deskapp.ui.common.i18n import plural

        try:
            count = len(list_comments(self.session.library, article.id, include_resolved=False))
        except DeskappError:
            count = 0
        if not count:
            return True
        found = plural(self.tr("%n open comment(s)", "", count), count)
        choice = self.ask_open_comments(
            self.tr("“%1” still has %2.\n\nExport it anyway, or look at them first?")
            .replace("%1", article.title.strip()).replace("%2", found))
        if choice == LOOK_FIRST:
            self.show_comments()
        return choice == EXPORT_ANYWAY

    def _ask_open_comments(self, message: str) -> str | None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export PDF"), message,
                          QMessageBox.StandardButton.Cancel, self.host)
        export = box.addButton(self.tr("&Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        look = box.addButton(self.tr("&Look at them"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(look)
        box.exec()
        clicked = box.clickedButton()
        return EXPORT_ANYWAY if clicked is export else LOOK_FIRST if clicked is look else None

    def export_to(self, path: Path) -> None:
        """Write the open article to ``path`` in the background.

        The print preset, bleed, CMYK and photos are the print preview's
        (:class:`PrintJob`); an approved article's PDF carries who approved it
        and when. Preflight runs first: characters no font can draw stop the
        export and are listed, photo warnings are listed after it.
        """
        if not self.session.flush():
            return
        job = self.print_job()
        if job is None:
            return
        self.act_export.setEnabled(False)
        self._status.showMessage(self.tr("Exporting…"))

        def done(result: object) -> None:
            self.act_export.setEnabled(True)
            if isinstance(result, list):  # the preflight's blocking findings
                self._status.clearMessage()
                self.exportFailed.emit(self.show_preflight(result, stopped=True))
                return
            self._status.showMessage(self.tr("Exported %1").replace("%1", str(path)), 5000)
            if result.warnings:  # type: ignore[attr-defined]
                self.show_preflight(result.warnings)  # type: ignore[attr-defined]
            self.exportFinished.emit(str(path))

        def failed(error: Exception) -> None:
            self.act_export.setEnabled(True)
            self._status.clearMessage()
            self.exportFailed.emit(self.session.errors.show(error))

        def write() -> object:  # reportlab loads on the first export only
            findings = job.preflight()
            if any(finding.blocking for finding in findings):
                return findings
            return job.write(path)

        self.runner.start(write, done, failed)

    # ---- print preview ----------------------------------------------------------------
    def show_print_preview(self, show: bool = True) -> PrintPreviewPanel | None:
        """Show (building it the first time) or hide the print preview dock."""
        if not show:
            if self.print_preview_dock is not None:
                self.print_preview_dock.hide()
            return self.print_preview
        if self.print_preview_dock is None:
            from deskapp.ui.printing.print_preview import PrintPreviewPanel

            panel = PrintPreviewPanel(self.print_job, self.print_options,
                                      self.set_print_options, self.host)
            dock = self._dock(self.tr("Print preview"), "printPreviewDock", panel,
                              floatable=True)
            dock.visibilityChanged.connect(self._print_preview_visible)
            self.print_preview, self.print_preview_dock = panel, dock
        self._side.show(self.print_preview_dock)
        if not self.act_print_preview.isChecked():
            self.act_print_preview.setChecked(True)
        return self.print_preview

    def _dock(self, title: str, name: str, panel: QObject, *,
              floatable: bool = False) -> QDockWidget:
        """A dock for ``panel`` in the side area, tabbed with the desk's panels (hidden)."""
        dock = QDockWidget(title, self.host)
        dock.setObjectName(name)
        dock.setWidget(panel)  # type: ignore[arg-type]
        features = (QDockWidget.DockWidgetFeature.DockWidgetClosable
                    | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        if floatable:
            features |= QDockWidget.DockWidgetFeature.DockWidgetFloatable
        dock.setFeatures(features)
        self._side.add(dock)
        return dock

    def _print_preview_visible(self, visible: bool) -> None:
        dock = self.print_preview_dock
        if not visible and dock is not None and dock.isHidden():
            self.act_print_preview.setChecked(False)

    def print_job(self) -> PrintJob | None:
        """The open article's PDF as Export would write it (None when nothing is open)."""
        snapshot = self.editor.snapshot()
        if snapshot is None:
            return None
        from deskapp.ui.printing.print_options import PrintJob

        return PrintJob(self.session.library, snapshot, self.session.user)

    def print_options(self) -> PrintOptions:
        """How the open article prints: its own preset, the library's bleed and colours."""
        from deskapp.ui.printing.print_options import load_options

        return load_options(self.session.library, self.editor.article)

    def set_print_options(self, options: PrintOptions) -> None:
        from deskapp.ui.printing.print_options import save_options

        article_id = self.editor.article_id
        self.session.errors.guard(
            lambda: save_options(self.session.library, options, article_id))
        self._show_preset(options.preset)
        self.copyfit.job.request()
        self.preview.restyle()

    def _show_preset(self, name: str) -> None:
        """Show ``name`` in the editor's preset box (the same choice), sending no signal."""
        box = self.editor.preset
        index = box.findData(name)
        if index < 0:
            box.blockSignals(True)
            box.addItem(name, name)
            box.blockSignals(False)
            index = box.count() - 1
        if index != box.currentIndex():
            box.blockSignals(True)
            box.setCurrentIndex(index)
            box.blockSignals(False)

    def _text_changed(self) -> None:
        if self.print_preview is not None:
            self.print_preview.request(self.editor.body.document().characterCount())

    def _article_changed(self) -> None:
        """Another article is open (or none): show its preset, make its print preview."""
        self._show_preset(self.preset())
        if self.print_preview is not None:
            self.print_preview.options_changed()  # its preset, then a new PDF

    def shutdown(self) -> None:
        if self.print_preview is not None:
            self.print_preview.shutdown()

    # ---- preflight --------------------------------------------------------------------
    def show_preflight(self, findings: list[Finding], *, stopped: bool = False) -> str:
        """List ``findings`` in the preflight dock (built when first needed); its summary."""
        if self.preflight_dock is None:
            from deskapp.ui.printing.preflight_panel import PreflightPanel

            panel = PreflightPanel(self.editor, self.host)
            dock = self._dock(self.tr("Print check"), "preflightDock", panel)
            self.preflight, self.preflight_dock = panel, dock
        assert self.preflight is not None
        self.preflight.show_findings(findings, stopped=stopped)
        self._side.show(self.preflight_dock)
        summary = self.preflight.summary.text()
        self._status.showMessage(summary, 8000)
        return summary

    def preflight_now(self) -> None:
        """Check the open article for print in the background and list what was found."""
        if not self.session.flush():
            return
        job = self.print_job()
        if job is None:
            return
        self._status.showMessage(self.tr("Checking for print…"))
        self.runner.start(job.preflight, lambda found: self.show_preflight(found),
                          self.session.errors.show)

    # ---- photos -----------------------------------------------------------------------
    def insert_photo_dialog(self) -> None:
        """Choose an image file, give it a caption and credit, store it, reference it."""
        from deskapp.ui.common import file_dialogs
        from deskapp.ui.editor.photo_insert import IMAGE_PATTERNS

        if self.editor.article_id is None:
            return
        path = file_dialogs.open_file(self.host, self.tr("Insert photo"), "photo",
                                      self.tr("Images") + f" ({IMAGE_PATTERNS})")
        if path is not None:
            self.insert_photo_file(path)

    def insert_photo_file(self, path: Path) -> bool:
        """Check ``path``, ask for caption and credit, then store and insert it."""
        from deskapp.store.assets import inspect_image
        from deskapp.ui.editor.photo_insert import PhotoDetailsDialog, read_photo, store_and_insert

        article_id = self.editor.article_id
        if article_id is None:
            return False
        errors = self.session.errors
        try:
            data = read_photo(path)
            info = inspect_image(data, path.name)
        except DeskappError as error:
            errors.show(error)
            return False
        dialog = PhotoDetailsDialog(path.name, info.width, info.height, self.editor.typing,
                                    self.host)
        if self.ask_photo_details(dialog) != QDialog.DialogCode.Accepted:
            return False
        caption, credit = dialog.values()
        try:
            asset = store_and_insert(self.session.library, article_id, self.editor.body, data,
                                     path.name, caption, credit)
        except DeskappError as error:
            errors.show(error)
            return False
        self.editor.body.setFocus()
        self._status.showMessage(self.tr("Photo %1 stored with the article")
                                 .replace("%1", asset.name), 5000)
        return True

    def ask_photo_details(self, dialog: QDialog) -> int:
        return dialog.exec()

    # ---- batch export -----------------------------------------------------------------
    def batch_export_dialog(self) -> BatchExportDialog | None:
        """The articles selected in the library (or all approved) as one edition or many PDFs."""
        from deskapp.ui.printing.batch_export import open_batch_export
        from deskapp.ui.printing.print_options import load_options

        if not self.session.flush():
            return None
        # The batch starts from the library's default preset, not the open article's.
        return open_batch_export(self.host, self.session.library, self._selected(),
                                 self.session.user, load_options(self.session.library),
                                 self._batch_finished, self.editor.typing)

    def _batch_finished(self, outcome: BatchOutcome) -> None:
        """Record the export of each approved article written as its own PDF (as the CLI does)."""
        from deskapp.desk import Action, allowed_actions, transition
        from deskapp.model import Status

        written = getattr(outcome.report, "written", None)
        if outcome.edition or not written:
            return
        session = self.session
        for item in written:
            try:
                article = session.library.get(item.article_id)
                if article.status != Status.APPROVED \
                        or Action.EXPORT not in allowed_actions(article.status, session.role):
                    continue
                saved = transition(session.library, article.id, Action.EXPORT,
                                   user=session.user, role=session.role,
                                   expected_status=article.status)
            except DeskappError as error:
                session.errors.show(error)
                continue
            if saved.id == self.editor.article_id:
                self.editor.accept_saved(saved)
        self.statusesChanged.emit()
