"""Article packages: Send to desk / Send back, Open package, and the conflicts they bring.

Pending typing is saved before a package is written; an article open with
unsaved changes is never updated under the editor (the merge keeps both
versions). The folder packages were last written to or read from is remembered
(``common.file_dialogs``, kind ``package``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from deskapp.errors import DeskappError
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import command
from deskapp.workspace import import_package

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from deskapp.exchange.merge import MergeResult
    from deskapp.ui.editor.session import ArticleSession
    from deskapp.ui.exchange.conflict_dialog import ConflictDialog

FOLDER_KEY = "packages/folder"  # the kind "package" of common.file_dialogs


def safe_file_name(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return " ".join(cleaned.split())[:80] or "article"


class HandOff(OwnContextTr, QObject):
    """File → Send to desk / Send back / Open package… / Compare two versions…"""

    packageOpened = Signal(str)  # the merge outcome
    listChanged = Signal()  # a package added or changed articles: show the library again

    def __init__(self, host: QWidget, session: ArticleSession, status_bar: QStatusBar) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self._status = status_bar
        self.conflict_dialog: ConflictDialog | None = None
        self.act_open_package = command(self.tr("Open &package…"), host,
                                        self.open_package_dialog)
        self.act_send = command(self.tr("Send to &desk / Send back…"), host,
                                self.send_package_dialog, "Ctrl+Shift+S")
        self.act_conflict = command(self.tr("Compare &two versions…"), host,
                                    self.show_open_conflict)


    def send_package_dialog(self) -> Path | None:
        from deskapp.exchange.package import PACKAGE_SUFFIX
        from deskapp.ui.common import file_dialogs

        if not self.session.flush():
            return None
        snapshot = self.session.editor.snapshot()
        if snapshot is None:
            return None
        path = file_dialogs.save_file(
            self.host, self.tr("Send the article"), "package",
            safe_file_name(snapshot.title) + PACKAGE_SUFFIX,
            self.tr("Deskapp package") + f" (*{PACKAGE_SUFFIX})", PACKAGE_SUFFIX)
        return None if path is None else self.send_package_to(path)

    def send_package_to(self, path: Path) -> Path | None:
        """Write the open article, its history and comments to one package file."""
        from deskapp.exchange.package import write_package

        if not self.session.flush() or self.session.article_id is None:
            return None
        article_id = self.session.article_id
        try:
            written = write_package(self.session.library, article_id, path,
                                    sender=self.session.user, role=self.session.role)
        except (DeskappError, OSError) as error:
            self.session.errors.show(
                error if isinstance(error, DeskappError) else
                self.tr("The package could not be written: %1")
                .replace("%1", self.session.errors.words(error)))
            return None
        self._status.showMessage(self.tr("Package written: %1").replace("%1", str(written)),
                                 8000)
        return written

    def open_package_dialog(self) -> None:
        from deskapp.exchange.package import PACKAGE_SUFFIX
        from deskapp.ui.common import file_dialogs

        path = file_dialogs.open_file(self.host, self.tr("Open a package"), "package",
                                      self.tr("Deskapp package") + f" (*{PACKAGE_SUFFIX})")
        if path is not None:
            self.open_package(path)

    def open_package(self, path: Path) -> MergeResult | None:
        """Merge a package into the library and say what happened."""
        session = self.session
        unsaved = [session.article_id] if session.modified and session.article_id else []
        try:
            result = import_package(self.session.library, path, unsaved_article_ids=unsaved)
        except DeskappError as error:
            self.session.errors.show(error)
            return None
        self._status.showMessage(self.outcome_text(result), 10000)
        refusals = [refused.error() for refused in result.refused_approvals]
        refusals += result.signature_errors()  # a register or pages no trusted editor signed
        if refusals:  # an approval no trusted editor signed: not taken
            session.errors.show("\n\n".join(session.errors.words(error)
                                              for error in refusals))
        if result.outcome == "diverged":
            self.session.flush()
            self.listChanged.emit()
            self.show_conflict(result.article_id)
        elif result.outcome in ("created", "updated"):
            if result.article_id == self.session.article_id:
                self.session.reload()
            else:
                self.session.open(result.article_id)
            self.listChanged.emit()
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

        if open_conflict(self.session.library, article_id) is None:
            return None
        dialog = ConflictDialog(self.session.library, article_id, self.session.user, self.host,
                                self.session.editor.typing)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(lambda article: self._conflict_resolved(article))
        dialog.failed.connect(self.session.errors.show)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def show_open_conflict(self) -> ConflictDialog | None:
        article_id = self.session.article_id
        if article_id is None or not self.session.flush():
            return None
        dialog = self.show_conflict(article_id)
        if dialog is None:
            self._status.showMessage(self.tr("This article has no open conflict."), 4000)
        return dialog

    def _conflict_resolved(self, article: object) -> None:
        from deskapp.model import Article

        if isinstance(article, Article):
            self.session.show(article)
            self._status.showMessage(self.tr("Conflict resolved"), 5000)

    def conflict_ids(self) -> set[str]:
        """Articles waiting for a decision between two versions."""
        try:
            rows = self.session.library.conn.execute(
                "SELECT DISTINCT article_id FROM revisions WHERE kind = 'import-conflict'")
            candidates = [row[0] for row in rows]
            if not candidates:
                return set()
            from deskapp.exchange.merge import open_conflict

            return {a for a in candidates if open_conflict(self.session.library, a) is not None}
        except (sqlite3.Error, DeskappError):  # a closing library: no marks, no error
            return set()
