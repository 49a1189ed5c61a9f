"""File → Export as Word… / Export as Markdown…: the open article for people without Deskapp.

A mixin of the main window. Pending typing is saved first; both files are
written atomically (an old file stays whole if the write fails).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from deskapp.errors import DeskappError
from deskapp.fileio import write_atomically
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.ui.exchange.hand_off import safe_file_name

if TYPE_CHECKING:
    from deskapp.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class OutsideExports(_Base):
    """Word and Markdown exports of the open article, for :class:`MainWindow`."""

    def export_word_dialog(self) -> None:
        self._export_dialog(self.tr("Export as Word"), ".docx", self.tr("Word document"),
                            self.export_word_to)

    def export_markdown_dialog(self) -> None:
        self._export_dialog(self.tr("Export as Markdown"), ".md", self.tr("Markdown"),
                            self.export_markdown_to)

    def _export_dialog(self, title: str, suffix: str, kind: str,
                       write: Callable[[Path], bool]) -> None:
        from PySide6.QtWidgets import QFileDialog

        snapshot = self.editor.snapshot()
        if snapshot is None:
            return
        suggested = safe_file_name(snapshot.title) + suffix
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, f"{kind} (*{suffix})")
        if path:
            if not path.endswith(suffix):
                path += suffix
            write(Path(path))

    def export_word_to(self, path: Path) -> bool:
        from deskapp.exchange.docx_export import export_docx  # python-docx loads on first use

        return self._write(path, lambda article: export_docx(article, path))

    def export_markdown_to(self, path: Path) -> bool:
        from deskapp.exchange.markdown_export import article_markdown

        return self._write(path, lambda article: write_atomically(
            path, article_markdown(article).encode("utf-8")))

    def _write(self, path: Path, write: Callable[[Article], object]) -> bool:
        if not self.flush():
            return False
        snapshot = self.editor.snapshot()
        if snapshot is None:
            return False
        try:
            write(snapshot)
        except (DeskappError, OSError) as error:
            self.show_error(describe(error) if isinstance(error, DeskappError)
                            else self.tr("%1 could not be written: %2")
                            .replace("%1", str(path)).replace("%2", str(error)))
            return False
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(path)), 5000)
        return True
