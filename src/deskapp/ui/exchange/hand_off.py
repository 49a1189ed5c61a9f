"""Article packages: Send to desk / Send back, Open package, and the conflicts they bring.

A mixin of the main window, like :mod:`deskapp.ui.exchange.import_export`. Pending
typing is saved before a package is written; an article open with unsaved
changes is never updated under the editor (the merge keeps both versions).
The folder packages were last written to is remembered in the user's Qt
settings (``packages/folder``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt

from deskapp.errors import DeskappError
from deskapp.messages import describe
from deskapp.ui.shell.i18n import core_language
from deskapp.workspace import import_package, is_package

if TYPE_CHECKING:
    from deskapp.exchange.merge import MergeResult
    from deskapp.ui.exchange.conflict_dialog import ConflictDialog
    from deskapp.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

FOLDER_KEY = "packages/folder"


def safe_file_name(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return " ".join(cleaned.split())[:80] or "article"


class HandOff(_Base):
    """File → Send to desk / Send back / Open package…, for :class:`MainWindow`."""

    def send_package_dialog(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        from deskapp.exchange.package import PACKAGE_SUFFIX

        if not self.flush():
            return None
        snapshot = self.editor.snapshot()
        if snapshot is None:
            return None
        settings = QSettings("Deskapp", "Deskapp")
        folder = str(settings.value(FOLDER_KEY, "") or "")
        suggested = str(Path(folder) / (safe_file_name(snapshot.title) + PACKAGE_SUFFIX))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Send the article"), suggested,
            self.tr("Deskapp package") + f" (*{PACKAGE_SUFFIX})")
        if not path:
            return None
        if not path.endswith(PACKAGE_SUFFIX):
            path += PACKAGE_SUFFIX
        settings.setValue(FOLDER_KEY, str(Path(path).parent))
        return self.send_package_to(Path(path))

    def send_package_to(self, path: Path) -> Path | None:
        """Write the open article, its history and comments to one package file."""
        from deskapp.exchange.package import write_package

        if not self.flush() or self.editor.article_id is None:
            return None
        article_id = self.editor.article_id
        try:
            written = write_package(self.library, article_id, path, sender=self.user,
                                    role=self.profile.role)
        except (DeskappError, OSError) as error:
            self.show_error(describe(error) if isinstance(error, DeskappError) else
                            self.tr("The package could not be written: %1").replace("%1",
                                                                                 str(error)))
            return None
        self.statusBar().showMessage(self.tr("Package written: %1").replace("%1", str(written)),
                                     8000)
        return written

    def open_package_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from deskapp.exchange.package import PACKAGE_SUFFIX

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a package"), str(QSettings("Deskapp", "Deskapp")
                                                 .value(FOLDER_KEY, "") or ""),
            self.tr("Deskapp package") + f" (*{PACKAGE_SUFFIX})")
        if path:
            self.open_package(Path(path))

    def open_package(self, path: Path) -> MergeResult | None:
        """Merge a package into the library and say what happened."""
        unsaved = [self.editor.article_id] if (self.isWindowModified()
                                               and self.editor.article_id) else []
        try:
            result = import_package(self.library, path, unsaved_article_ids=unsaved)
        except DeskappError as error:
            self.show_error(describe(error, core_language()))
            return None
        self.statusBar().showMessage(self.outcome_text(result), 10000)
        self.library_panel.show_trash(False)
        if result.outcome == "diverged":
            self.flush()
            self.refresh_library()
            self.show_conflict(result.article_id)
        elif result.outcome in ("created", "updated"):
            if result.article_id == self.editor.article_id:
                self.reload_current()
            else:
                self.open_article(result.article_id)
            self.refresh_library()
        self.packageOpened.emit(result.outcome)
        return result

    def outcome_text(self, result: MergeResult) -> str:
        title = result.title or self.tr("(no headline)")
        texts = {
            "created": self.tr("“%1” is new here: added to the library."),
            "updated": self.tr("“%1” updated with the sender's newer version."),
            "nothing_new": self.tr("Nothing new: this package's version of “%1” is already "
                                   "here."),
            "diverged": self.tr("“%1” was changed on both sides: both versions are kept — "
                                "choose which to use."),
        }
        return texts[result.outcome].replace("%1", title)

    def show_conflict(self, article_id: str) -> ConflictDialog | None:
        """The side-by-side view for an article with an open conflict (non-blocking)."""
        from deskapp.exchange.merge import open_conflict
        from deskapp.ui.exchange.conflict_dialog import ConflictDialog

        if open_conflict(self.library, article_id) is None:
            return None
        dialog = ConflictDialog(self.library, article_id, self.user, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(lambda article: self._conflict_resolved(article))
        dialog.failed.connect(self.show_error)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def show_open_conflict(self) -> ConflictDialog | None:
        article_id = self.editor.article_id
        if article_id is None or not self.flush():
            return None
        dialog = self.show_conflict(article_id)
        if dialog is None:
            self.statusBar().showMessage(self.tr("This article has no open conflict."), 4000)
        return dialog

    def _conflict_resolved(self, article: object) -> None:
        from deskapp.model import Article

        if isinstance(article, Article):
            self._show(article)
            self.statusBar().showMessage(self.tr("Conflict resolved"), 5000)

    def open_files(self, paths: Iterable[Path]) -> None:
        """Packages are merged; other files are imported as new articles."""
        paths = [Path(p) for p in paths]
        for package in (p for p in paths if is_package(p)):
            self.open_package(package)
        others = [p for p in paths if not is_package(p)]
        if len(others) > 1:
            self.import_many_paths(others)
        elif others:
            self.import_paths(others)

    def bring_forward(self, files: list[str]) -> None:
        """Another start asked for this window: show it in front, then open its files."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if files:
            self.open_files(Path(f) for f in files)

    def conflict_ids(self) -> set[str]:
        """Articles waiting for a decision between two versions."""
        try:
            rows = self.library.conn.execute(
                "SELECT DISTINCT article_id FROM revisions WHERE kind = 'import-conflict'")
            candidates = [row[0] for row in rows]
            if not candidates:
                return set()
            from deskapp.exchange.merge import open_conflict

            return {a for a in candidates if open_conflict(self.library, a) is not None}
        except (sqlite3.Error, DeskappError):  # a closing library: no marks, no error
            return set()
