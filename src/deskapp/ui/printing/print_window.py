"""The main window's print commands: print preview, preflight, batch export, photos.

A mixin of the main window, like :mod:`deskapp.ui.desk.desk_window`. The print
preview and preflight docks are built the first time they are shown, so a
window that never prints pays nothing for them at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu

from deskapp.errors import DeskappError
from deskapp.messages import describe
from deskapp.ui.shell.shortcuts import keys, make_action

if TYPE_CHECKING:
    from deskapp.pdf.findings import Finding
    from deskapp.ui.printing.batch_export import BatchExportDialog, BatchOutcome
    from deskapp.ui.shell.main_window import MainWindow
    from deskapp.ui.printing.preflight_panel import PreflightPanel
    from deskapp.ui.printing.print_options import PrintJob, PrintOptions
    from deskapp.ui.printing.print_preview import PrintPreviewPanel

    _Base = MainWindow
else:
    _Base = object


class PrintWindow(_Base):
    """View → Print preview and the print commands of :class:`MainWindow`."""

    print_preview: PrintPreviewPanel | None = None
    print_preview_dock: QDockWidget | None = None
    preflight: PreflightPanel | None = None
    preflight_dock: QDockWidget | None = None

    def _build_print_actions(self, file_menu: QMenu, view_menu: QMenu) -> None:
        self.act_print_preview = make_action(self.tr("&Print preview"), self)
        self.act_print_preview.setShortcut(keys("Ctrl+Alt+P"))
        self.act_print_preview.setCheckable(True)
        self.act_print_preview.toggled.connect(self.show_print_preview)
        view_menu.addSeparator()
        view_menu.addAction(self.act_print_preview)
        self.act_preflight = make_action(self.tr("Check for &print…"), self)
        self.act_preflight.setShortcut(keys("Shift+F7"))
        self.act_preflight.triggered.connect(lambda _checked=False: self.preflight_now())
        file_menu.insertAction(self.act_export_word, self.act_preflight)
        self.act_batch_export = make_action(self.tr("Export &several articles…"), self)
        self.act_batch_export.setShortcut(keys("Ctrl+Shift+E"))
        self.act_batch_export.triggered.connect(lambda _checked=False: self.batch_export_dialog())
        file_menu.insertAction(self.act_preflight, self.act_batch_export)
        photo = self.format_actions.photo
        photo.setText(self.tr("Photo…"))
        photo.setToolTip(self.tr("Insert a photo with caption and credit (%1)").replace(
            "%1", photo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        self.format_actions.photo_handler = self.insert_photo_dialog
        self.editor.changed.connect(self._print_text_changed)
        self.editor.presetChanged.connect(lambda _name: self._print_options_changed())

    # ---- print preview ------------------------------------------------------------
    def show_print_preview(self, show: bool = True) -> PrintPreviewPanel | None:
        """Show (building it the first time) or hide the print preview dock."""
        if not show:
            if self.print_preview_dock is not None:
                self.print_preview_dock.hide()
            return self.print_preview
        if self.print_preview_dock is None:
            from deskapp.ui.printing.print_preview import PrintPreviewPanel

            panel = PrintPreviewPanel(self.print_job, self.print_options,
                                      self.set_print_options, self)
            dock = QDockWidget(self.tr("Print preview"), self)
            dock.setObjectName("printPreviewDock")
            dock.setWidget(panel)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            dock.visibilityChanged.connect(self._print_preview_visible)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.resizeDocks([dock], [520], Qt.Orientation.Horizontal)
            self.print_preview, self.print_preview_dock = panel, dock
        self.print_preview_dock.show()
        self.print_preview_dock.raise_()
        if not self.act_print_preview.isChecked():
            self.act_print_preview.setChecked(True)
        return self.print_preview

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

        return PrintJob(self.library, snapshot, self.user)

    def print_options(self) -> PrintOptions:
        from deskapp.ui.printing.print_options import load_options

        return load_options(self.library)

    def set_print_options(self, options: PrintOptions) -> None:
        from deskapp.ui.printing.print_options import save_options

        try:
            save_options(self.library, options)
        except DeskappError as error:
            self.show_error(describe(error))
        box = self.editor.preset  # the same choice beside the length target
        index = box.findData(options.preset)
        if index >= 0 and index != box.currentIndex():
            box.blockSignals(True)
            box.setCurrentIndex(index)
            box.blockSignals(False)
        self.copyfit.job.request()

    def _print_options_changed(self) -> None:
        """The preset was chosen elsewhere (beside the length target)."""
        if self.print_preview is not None:
            self.print_preview.options_changed()

    def _print_text_changed(self) -> None:
        if self.print_preview is not None:
            self.print_preview.request(self.editor.body.document().characterCount())

    def _print_article_changed(self) -> None:
        """Another article is open (or none)."""
        if self.print_preview is not None and self.print_preview.isVisible():
            self.print_preview.refresh_now()
        elif self.print_preview is not None:
            self.print_preview.request()

    def _print_shutdown(self) -> None:
        if self.print_preview is not None:
            self.print_preview.shutdown()

    # ---- preflight ------------------------------------------------------------------
    def show_preflight(self, findings: list[Finding], *, stopped: bool = False) -> str:
        """List ``findings`` in the preflight dock (built when first needed); its summary."""
        if self.preflight_dock is None:
            from deskapp.ui.printing.preflight_panel import PreflightPanel

            panel = PreflightPanel(self.editor, self)
            dock = QDockWidget(self.tr("Print check"), self)
            dock.setObjectName("preflightDock")
            dock.setWidget(panel)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetMovable)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            proof = getattr(getattr(self, "review", None), "proof_dock", None)
            if proof is not None:
                self.tabifyDockWidget(proof, dock)
            self.preflight, self.preflight_dock = panel, dock
        assert self.preflight is not None
        self.preflight.show_findings(findings, stopped=stopped)
        self.preflight_dock.show()
        self.preflight_dock.raise_()
        summary = self.preflight.summary.text()
        self.statusBar().showMessage(summary, 8000)
        return summary

    def preflight_now(self) -> None:
        """Check the open article for print in the background and list what was found."""
        if not self.flush():
            return
        job = self.print_job()
        if job is None:
            return

        def failed(error: Exception) -> None:
            self.show_error(describe(error) if isinstance(error, DeskappError) else str(error))

        self.statusBar().showMessage(self.tr("Checking for print…"))
        self.runner.start(job.preflight, lambda found: self.show_preflight(found), failed)

    # ---- photos -----------------------------------------------------------------------
    def insert_photo_dialog(self) -> None:
        """Choose an image file, give it a caption and credit, store it, reference it."""
        from PySide6.QtWidgets import QFileDialog

        from deskapp.ui.editor.photo_insert import IMAGE_PATTERNS

        if self.editor.article_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Insert photo"), "", self.tr("Images") + f" ({IMAGE_PATTERNS})")
        if path:
            self.insert_photo_file(Path(path))

    def insert_photo_file(self, path: Path) -> bool:
        """Check ``path``, ask for caption and credit, then store and insert it."""
        from deskapp.ui.editor.photo_insert import PhotoDetailsDialog, read_photo, store_and_insert

        article_id = self.editor.article_id
        if article_id is None:
            return False
        try:
            data = read_photo(path)
            from deskapp.store.assets import inspect_image

            info = inspect_image(data, path.name)
        except DeskappError as error:
            self.show_error(describe(error))
            return False
        dialog = PhotoDetailsDialog(path.name, info.width, info.height, self.editor.typing, self)
        if self.ask_photo_details(dialog) != QDialog.DialogCode.Accepted:
            return False
        caption, credit = dialog.values()
        try:
            asset = store_and_insert(self.library, article_id, self.editor.body, data,
                                     path.name, caption, credit)
        except DeskappError as error:
            self.show_error(describe(error))
            return False
        self.editor.body.setFocus()
        self.statusBar().showMessage(self.tr("Photo %1 stored with the article")
                                     .replace("%1", asset.name), 5000)
        return True

    def ask_photo_details(self, dialog: QDialog) -> int:
        return dialog.exec()

    # ---- batch export -------------------------------------------------------------------
    def batch_export_dialog(self) -> BatchExportDialog | None:
        """The articles selected in the library (or all approved) as one edition or many PDFs."""
        from deskapp.ui.printing.batch_export import open_batch_export

        if not self.flush():
            return None
        return open_batch_export(self, self.library, self.library_panel.selected_ids(),
                                 self.user, self.print_options(), self._batch_finished)

    def _batch_finished(self, outcome: BatchOutcome) -> None:
        """Record the export of each approved article written as its own PDF (as the CLI does)."""
        from deskapp.desk import Action, allowed_actions, transition
        from deskapp.model import Status

        written = getattr(outcome.report, "written", None)
        if outcome.edition or not written:
            return
        role = self.profile.role
        for item in written:
            try:
                article = self.library.get(item.article_id)
                if article.status != Status.APPROVED \
                        or Action.EXPORT not in allowed_actions(article.status, role):
                    continue
                saved = transition(self.library, article.id, Action.EXPORT, user=self.user,
                                   role=role, expected_status=article.status)
            except DeskappError as error:
                self.show_error(describe(error))
                continue
            if saved.id == self.editor.article_id:
                self.editor.accept_saved(saved)
        self._desk_changed()
