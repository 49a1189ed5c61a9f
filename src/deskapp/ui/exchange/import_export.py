"""Import files into the library and export the open article as PDF.

A mixin of the main window: it uses the window's library, editor, runner,
status bar and error reporting, and emits its ``exportFinished`` /
``exportFailed`` signals.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from deskapp.errors import DeskappError
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.ui.shell.i18n import plural
from deskapp.workspace import import_into

if TYPE_CHECKING:
    from deskapp.text.legacy import Detection
    from deskapp.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object



def importable() -> str:
    """The file dialog's patterns: every importable suffix and packages."""
    from deskapp.exchange.importers import IMPORTABLE_SUFFIXES
    from deskapp.exchange.package import PACKAGE_SUFFIX

    return " ".join(f"*{suffix}" for suffix in (*IMPORTABLE_SUFFIXES, PACKAGE_SUFFIX))


class ImportExport(_Base):
    """File → Import… and File → Export PDF…, for :class:`MainWindow`."""

    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import articles"), "",
            self.tr("Articles and packages") + f" ({importable()})"
        )
        if paths:
            self.open_files([Path(p) for p in paths])

    def import_paths(self, paths: Iterable[Path]) -> list[Article]:
        if not self.flush():
            return []
        imported: list[Article] = []
        problems: list[str] = []
        converted: list[str] = []

        def confirm(name: str, found: Detection) -> bool:
            agreed = self.confirm_conversion(name, found)
            if agreed:
                converted.append(f"{name}: {found.encoding}")
            return agreed

        for path in paths:
            try:
                imported.append(import_into(self.library, path, confirm))
            except DeskappError as error:
                problems.append(describe(error))
        self.library_panel.show_trash(False)
        if imported:
            self._show(imported[-1])
            if not imported[-1].title:
                self.editor.ask_for_headline()
            note = plural(self.tr("Imported %n article(s)", "", len(imported)), len(imported))
            if converted:
                note += " — " + self.tr("converted to Unicode: ") + ", ".join(converted)
            self.statusBar().showMessage(note, 8000)
        if problems:
            self.show_error("\n\n".join(problems))
        return imported

    def confirm_conversion(self, name: str, found: Detection) -> bool:
        """Ask before converting a legacy-encoded file, showing what will change."""
        from PySide6.QtWidgets import QMessageBox

        sample = "\n".join(f"  {before}  →  {after}" for before, after in found.changes[:8])
        answer = QMessageBox.question(
            self,
            self.tr("Convert to Unicode?"),
            self.tr("“%1” looks like %2 (%3% sure). %4 words will change, for example:\n\n%5"
                    "\n\nConvert it to Unicode and import it?")
            .replace("%1", name).replace("%2", found.encoding.upper())
            .replace("%3", str(round(found.confidence * 100)))
            .replace("%4", str(found.change_count)).replace("%5", sample),
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        snapshot = self.editor.snapshot()
        if snapshot is None:
            return
        if not snapshot.title:
            self.editor.ask_for_headline()
            self.show_error(self.tr("Give the article a headline before exporting it."))
            return
        suggested = _safe_file_name(snapshot.title) + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), suggested, "PDF (*.pdf)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the open article to ``path`` in the background.

        The print preset, bleed, CMYK and photos are the print preview's
        (:class:`PrintJob`); an approved article's PDF carries who approved it
        and when. Preflight runs first: characters no font can draw stop the
        export and are listed, photo warnings are listed after it.
        """
        if not self.flush():
            return
        job = self.print_job()
        if job is None:
            return
        self.act_export.setEnabled(False)
        self.statusBar().showMessage(self.tr("Exporting…"))

        def done(result: object) -> None:
            self.act_export.setEnabled(True)
            if isinstance(result, list):  # the preflight's blocking findings
                self.statusBar().clearMessage()
                self.exportFailed.emit(self.show_preflight(result, stopped=True))
                return
            self.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(path)), 5000)
            if result.warnings:  # type: ignore[attr-defined]
                self.show_preflight(result.warnings)  # type: ignore[attr-defined]
            self.exportFinished.emit(str(path))

        def failed(error: Exception) -> None:
            self.act_export.setEnabled(True)
            self.statusBar().clearMessage()
            text = describe(error) if isinstance(error, DeskappError) else str(error)
            self.show_error(text)
            self.exportFailed.emit(text)

        def write() -> object:  # reportlab loads on the first export only
            findings = job.preflight()
            if any(finding.blocking for finding in findings):
                return findings
            return job.write(path)

        self.runner.start(write, done, failed)


def _safe_file_name(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return " ".join(cleaned.split())[:80] or "article"
