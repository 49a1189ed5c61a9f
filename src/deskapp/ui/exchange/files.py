"""Files in and out: Import…, many files at once, Word and Markdown exports, dropped files.

Several files are imported in the background on the batch's own connection
to the library (a SQLite connection belongs to its thread); progress comes
back through a Qt signal. A legacy-encoded file is converted only if the
person agrees: the worker waits for the answer from the window. A cancelled
batch keeps what was already imported; failures are listed, one line per
file, at the end. Word and Markdown files are written atomically (an old file
stays whole if the write fails).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from deskapp.errors import DeskappError
from deskapp.fileio import write_atomically
from deskapp.model import Article
from deskapp.store import Library
from deskapp.ui.common.i18n import OwnContextTr, plural
from deskapp.ui.common.shortcuts import command
from deskapp.ui.exchange.hand_off import safe_file_name
from deskapp.workspace import ImportOutcome, import_into, import_many, is_package

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QStatusBar, QWidget

    from deskapp.text.legacy import Detection
    from deskapp.ui.common.workers import Runner
    from deskapp.ui.editor.session import ArticleSession
    from deskapp.ui.exchange.hand_off import HandOff


def importable() -> str:
    """The file dialog's patterns: every importable suffix and packages."""
    from deskapp.exchange.importers import IMPORTABLE_SUFFIXES
    from deskapp.exchange.package import PACKAGE_SUFFIX

    return " ".join(f"*{suffix}" for suffix in (*IMPORTABLE_SUFFIXES, PACKAGE_SUFFIX))


class _Bridge(QObject):
    """Carries progress and conversion questions from the worker to the window's thread."""

    progress = Signal(int, int, str)
    ask = Signal(str, object, object)  # file name, detection, list for the answer

    def __init__(self, confirm: Callable[[str, Detection], bool], parent: QObject) -> None:
        super().__init__(parent)
        self._confirm = confirm
        self.ask.connect(self._ask, Qt.ConnectionType.BlockingQueuedConnection)

    @Slot(str, object, object)
    def _ask(self, name: str, found: Detection, answer: list[bool]) -> None:
        answer.append(self._confirm(name, found))

    def confirm(self, name: str, found: Detection) -> bool:
        answer: list[bool] = []
        self.ask.emit(name, found, answer)
        return bool(answer and answer[0])


class FileCommands(OwnContextTr, QObject):
    """File → Import… / Export as Word… / Export as Markdown…, and files dropped on the window."""

    batchImported = Signal(int, int)  # imported, failed
    listChanged = Signal()  # articles were added: show the library (not the trash) again

    def __init__(self, host: QWidget, session: ArticleSession, hand_off: HandOff,
                 runner: Runner, status_bar: QStatusBar) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self.editor = session.editor
        self.hand_off = hand_off
        self.runner = runner
        self._status = status_bar
        self.act_import = command(self.tr("&Import…"), host, self.import_dialog, "Ctrl+Shift+I")
        self.act_export_word = command(self.tr("Export as &Word…"), host,
                                       self.export_word_dialog)
        self.act_export_markdown = command(self.tr("Export as &Markdown…"), host,
                                           self.export_markdown_dialog)

    def open_files(self, paths: Iterable[Path]) -> None:
        """Packages are merged; other files are imported as new articles."""
        paths = [Path(p) for p in paths]
        for package in (p for p in paths if is_package(p)):
            self.hand_off.open_package(package)
        others = [p for p in paths if not is_package(p)]
        if len(others) > 1:
            self.import_many_paths(others)
        elif others:
            self.import_paths(others)

    def import_dialog(self) -> None:
        from deskapp.ui.common import file_dialogs

        paths = file_dialogs.open_files(self.host, self.tr("Import articles"), "import",
                                        self.tr("Articles and packages") + f" ({importable()})")
        if paths:
            self.open_files(paths)

    def import_paths(self, paths: Iterable[Path]) -> list[Article]:
        if not self.session.flush():
            return []
        imported: list[Article] = []
        problems: list[str] = []
        converted: list[str] = []

        def confirm(name: str, found: Detection) -> bool:
            agreed = self.confirm_conversion(name, found)
            if agreed:
                converted.append(f"{name}: {found.encoding.upper()}")
            return agreed

        for path in paths:
            try:
                imported.append(import_into(self.session.library, path, confirm))
            except DeskappError as error:
                problems.append(self.session.errors.words(error))
        self.listChanged.emit()
        if imported:
            self.session.show(imported[-1])
            if not imported[-1].title:
                self.editor.ask_for_headline()
            note = plural(self.tr("Imported %n article(s)", "", len(imported)), len(imported))
            if converted:
                note += " — " + self.tr("converted to Unicode: ") + ", ".join(converted)
            self._status.showMessage(note, 8000)
        if problems:
            self.session.errors.show("\n\n".join(problems))
        return imported

    def confirm_conversion(self, name: str, found: Detection) -> bool:
        """Ask before converting a legacy-encoded file, showing what will change."""
        from PySide6.QtWidgets import QMessageBox

        sample = "\n".join(f"  {before}  →  {after}" for before, after in found.changes[:8])
        answer = QMessageBox.question(
            self.host,
            self.tr("Convert to Unicode?"),
            self.tr("“%1” looks like %2 (%3% sure). %4 words will change, for example:\n\n%5"
                    "\n\nConvert it to Unicode and import it?")
            .replace("%1", name).replace("%2", found.encoding.upper())
            .replace("%3", str(round(found.confidence * 100)))
            .replace("%4", str(found.change_count)).replace("%5", sample),
        )
        return answer == QMessageBox.StandardButton.Yes

    def import_many_paths(self, paths: Sequence[Path]) -> QProgressDialog | None:
        """Start importing ``paths`` in the background; the dialog shows the progress."""
        from PySide6.QtWidgets import QProgressDialog

        library_path = self.session.library.path
        if library_path is None:
            for path in paths:  # an in-memory library cannot be shared with a thread
                self.import_paths([path])
            return None
        if not self.session.flush():
            return None
        unsaved = [self.session.article_id] if self.session.article_id else []
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, len(paths), self.host)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        stop = threading.Event()
        dialog.canceled.connect(stop.set)
        bridge = _Bridge(self.confirm_conversion, self)
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
            self.session.errors.show(error)

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
        self.listChanged.emit()
        last = next((o.article_id for o in reversed(ok) if o.article_id), None)
        if last is not None:
            self.session.open(last)
        note = self.tr("Imported %1 of %2 file(s)").replace("%1", str(len(ok))) \
            .replace("%2", str(total))
        if cancelled:
            note += " — " + self.tr("cancelled")
        self._status.showMessage(note, 10000)
        if failures:
            lines = [f"{o.path.name}: {self.session.errors.words(o.error)}"
                     for o in failures if o.error is not None]
            self.session.errors.show(self.tr("These files were not imported:") + "\n\n"
                            + "\n\n".join(lines))
        self.batchImported.emit(len(ok), len(failures))
    def export_word_dialog(self) -> None:
        self._export_dialog(self.tr("Export as Word"), ".docx", self.tr("Word document"),
                            self.export_word_to)

    def export_markdown_dialog(self) -> None:
        self._export_dialog(self.tr("Export as Markdown"), ".md", self.tr("Markdown"),
                            self.export_markdown_to)

    def _export_dialog(self, title: str, suffix: str, kind: str,
                       write: Callable[[Path], bool]) -> None:
        from deskapp.ui.common import file_dialogs

        snapshot = self.editor.snapshot()
        if snapshot is None:
            return
        path = file_dialogs.save_file(self.host, title, "document",
                                      safe_file_name(snapshot.title) + suffix,
                                      f"{kind} (*{suffix})", suffix)
        if path is not None:
            write(path)

    def export_word_to(self, path: Path) -> bool:
        from deskapp.exchange.docx_export import export_docx  # python-docx loads on first use

        return self._write(path, lambda article: export_docx(article, path))

    def export_markdown_to(self, path: Path) -> bool:
        from deskapp.exchange.markdown_export import article_markdown

        return self._write(path, lambda article: write_atomically(
            path, article_markdown(article).encode("utf-8")))

    def _write(self, path: Path, write: Callable[[Article], object]) -> bool:
        if not self.session.flush():
            return False
        snapshot = self.editor.snapshot()
        if snapshot is None:
            return False
        try:
            write(snapshot)
        except (DeskappError, OSError) as error:
            self.session.errors.show(
                error if isinstance(error, DeskappError)
                else self.tr("%1 could not be written: %2")
                .replace("%1", str(path)).replace("%2", self.session.errors.words(error)))
            return False
        self._status.showMessage(self.tr("Exported %1").replace("%1", str(path)), 5000)
        return True
