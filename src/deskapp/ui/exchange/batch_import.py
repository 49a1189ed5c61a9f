"""Import many files at once: in the background, with a progress dialog and Cancel.

A mixin of the main window. The batch runs ``workspace.import_many`` on its
own connection to the library (a SQLite connection belongs to its thread);
progress comes back through a Qt signal. A legacy-encoded file is converted
only if the person agrees: the worker waits for the answer from the window.
A cancelled batch keeps what was already imported; failures are listed, one
line per file, at the end.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from deskapp.messages import describe
from deskapp.store import Library
from deskapp.ui.shell.i18n import core_language
from deskapp.workspace import ImportOutcome, import_many

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from deskapp.text.legacy import Detection
    from deskapp.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class _Bridge(QObject):
    """Carries progress and conversion questions from the worker to the window's thread."""

    progress = Signal(int, int, str)
    ask = Signal(str, object, object)  # file name, detection, list for the answer

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.ask.connect(self._ask, Qt.ConnectionType.BlockingQueuedConnection)

    @Slot(str, object, object)
    def _ask(self, name: str, found: Detection, answer: list[bool]) -> None:
        answer.append(self._window.confirm_conversion(name, found))

    def confirm(self, name: str, found: Detection) -> bool:
        answer: list[bool] = []
        self.ask.emit(name, found, answer)
        return bool(answer and answer[0])


class BatchImport(_Base):
    """File → Import… with several files, for :class:`MainWindow`."""

    def import_many_paths(self, paths: Sequence[Path]) -> QProgressDialog | None:
        """Start importing ``paths`` in the background; the dialog shows the progress."""
        from PySide6.QtWidgets import QProgressDialog

        library_path = self.library.path
        if library_path is None:
            for path in paths:  # an in-memory library cannot be shared with a thread
                self.import_paths([path])
            return None
        if not self.flush():
            return None
        unsaved = [self.editor.article_id] if self.editor.article_id else []
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, len(paths), self)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        stop = threading.Event()
        dialog.canceled.connect(stop.set)
        bridge = _Bridge(self)
        bridge.progress.connect(lambda done, total, name: self._batch_progress(
            dialog, done, total, name))
        self.act_import.setEnabled(False)
        self.import_dialog_box = dialog

        def work() -> list[ImportOutcome]:
            library = Library.open(library_path)
            try:
                return import_many(library, list(paths), bridge.progress.emit, stop.is_set,
                                   confirm=bridge.confirm, unsaved_article_ids=unsaved)
            finally:
                library.close()

        def done(outcomes: object) -> None:
            self.act_import.setEnabled(True)
            bridge.deleteLater()
            dialog.setValue(dialog.maximum())
            dialog.close()
            self._batch_done(list(outcomes), len(paths), stop.is_set())  # type: ignore[call-overload]

        def failed(error: Exception) -> None:
            self.act_import.setEnabled(True)
            bridge.deleteLater()
            dialog.close()
            self.show_error(describe(error, core_language()))

        dialog.show()
        self.runner.start(work, done, failed)
        return dialog

    def _batch_progress(self, dialog: QProgressDialog, done: int, total: int,
                        name: str) -> None:
        self.batch_progress = (done, total)
        dialog.setMaximum(total)
        dialog.setValue(done)
        if name:
            dialog.setLabelText(self.tr("Importing %1 (%2 of %3)…").replace("%1", name)
                                .replace("%2", str(done + 1)).replace("%3", str(total)))

    def _batch_done(self, outcomes: list[ImportOutcome], total: int, cancelled: bool) -> None:
        ok = [o for o in outcomes if o.ok]
        failures = [o for o in outcomes if not o.ok]
        self.library_panel.show_trash(False)
        self.refresh_library()
        last = next((o.article_id for o in reversed(ok) if o.article_id), None)
        if last is not None:
            self.open_article(last)
        note = self.tr("Imported %1 of %2 file(s)").replace("%1", str(len(ok))) \
            .replace("%2", str(total))
        if cancelled:
            note += " — " + self.tr("cancelled")
        self.statusBar().showMessage(note, 10000)
        if failures:
            lines = [f"{o.path.name}: {describe(o.error, core_language())}"
                     for o in failures if o.error is not None]
            self.show_error(self.tr("These files were not imported:") + "\n\n"
                            + "\n\n".join(lines))
        self.batchImported.emit(len(ok), len(failures))
