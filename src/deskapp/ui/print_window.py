"""The main window's print commands: print preview, preflight, batch export, photos.

A mixin of the main window, like :mod:`deskapp.ui.desk_window`. The print
preview and preflight docks are built the first time they are shown, so a
window that never prints pays nothing for them at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from deskapp.errors import DeskappError
from deskapp.messages import describe
from deskapp.ui.print_options import PrintJob, PrintOptions, load_options, save_options

if TYPE_CHECKING:
    from deskapp.ui.main_window import MainWindow
    from deskapp.ui.print_preview import PrintPreviewPanel

    _Base = MainWindow
else:
    _Base = object


class PrintWindow(_Base):
    """View → Print preview and the print commands of :class:`MainWindow`."""

    print_preview: PrintPreviewPanel | None = None
    print_preview_dock: QDockWidget | None = None

    def _build_print_actions(self, file_menu: QMenu, view_menu: QMenu) -> None:
        self.act_print_preview = QAction(self.tr("&Print preview"), self)
        self.act_print_preview.setShortcut(QKeySequence("Ctrl+Alt+P"))
        self.act_print_preview.setCheckable(True)
        self.act_print_preview.toggled.connect(self.show_print_preview)
        view_menu.addSeparator()
        view_menu.addAction(self.act_print_preview)
        self.editor.changed.connect(self._print_text_changed)

    # ---- print preview ------------------------------------------------------------
    def show_print_preview(self, show: bool = True) -> PrintPreviewPanel | None:
        """Show (building it the first time) or hide the print preview dock."""
        if not show:
            if self.print_preview_dock is not None:
                self.print_preview_dock.hide()
            return self.print_preview
        if self.print_preview_dock is None:
            from deskapp.ui.print_preview import PrintPreviewPanel

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
        return PrintJob(self.library, snapshot, self.user)

    def print_options(self) -> PrintOptions:
        return load_options(self.library)

    def set_print_options(self, options: PrintOptions) -> None:
        try:
            save_options(self.library, options)
        except DeskappError as error:
            self.show_error(describe(error))
        self.copyfit.job.request()

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
