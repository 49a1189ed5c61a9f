"""File → Backups: back up now, restore a backup, show the folder, export as Markdown.

Backups and the Markdown export run in the background on their own SQLite
connection (a connection belongs to the thread that opened it); pending
typing is saved first so the copy holds it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from deskapp.errors import DeskappError, LibraryError
from deskapp.model import Article, RevisionKind
from deskapp.store import Library
from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.safety.library_checkup import DAMAGED

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

    from deskapp.store.backup import BackupInfo
    from deskapp.ui.common.workers import Runner
    from deskapp.ui.editor.session import ArticleSession

ChooseBackup = Callable[[list["BackupInfo"]], "BackupInfo | None"]


class BackupCommands(OwnContextTr, QObject):
    """The Backups submenu of File."""

    backupFinished = Signal(str)
    libraryExported = Signal(str)

    def __init__(self, host: QWidget, session: ArticleSession, runner: Runner,
                 status_bar: QStatusBar, *, quiesce: Callable[[], object],
                 open_first: Callable[[], object]) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        self.runner = runner
        self._status = status_bar
        self._quiesce = quiesce  # stops every worker that reads the library
        self._open_first = open_first
        self.backupChosen: ChooseBackup | None = None  # tests replace the dialog

    def fill_menu(self, file_menu: QMenu) -> QMenu:
        menu = file_menu.addMenu(self.tr("&Backups"))

        def add(text: str, slot: Callable[[], object]) -> QAction:
            act = menu.addAction(text)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.act_backup_now = add(self.tr("&Back up now"), self.backup_now)
        self.act_restore_backup = add(self.tr("&Restore a backup…"), self.restore_backup_dialog)
        self.act_backups_folder = add(self.tr("Show the backups &folder"),
                                      self.show_backups_folder)
        menu.addSeparator()
        self.act_export_library = add(self.tr("Export the library as &Markdown…"),
                                      self.export_library_dialog)
        return menu

    def _library_file(self) -> Path | None:
        if self.session.library.path is None:
            self.session.errors.show(self.tr("This library is not stored in a file."))
        return self.session.library.path

    def backup_now(self) -> None:
        """Take a manual backup in the background; the status bar names the file."""
        path = self._library_file()
        if path is None or not self.session.flush():
            return
        self.act_backup_now.setEnabled(False)
        self._status.showMessage(self.tr("Backing up…"))

        def done(target: object) -> None:
            self.act_backup_now.setEnabled(True)
            name = Path(str(target)).name
            self._status.showMessage(self.tr("Backup saved: %1").replace("%1", name), 8000)
            self.backupFinished.emit(str(target))

        from deskapp.store.backup import backup_now

        self.runner.start(lambda: backup_now(path, "manual"), done,
                          lambda error: self._background_failed(error, self.act_backup_now))

    def restore_backup_dialog(self) -> bool:
        path = self._library_file()
        if path is None:
            return False
        from deskapp.store.backup import list_backups
        from deskapp.ui.safety.backup_dialogs import BackupList

        backups = list_backups(path)
        if not backups:
            self.session.errors.show(self.tr("There are no backups of this library yet."))
            return False
        choose = self.backupChosen or (lambda found: BackupList.ask(found, self.host))
        chosen = choose(backups)
        return chosen is not None and self.restore_from_backup(chosen.path)

    def library_checked(self, result: str) -> None:
        """The background check of the library file is done (:mod:`library_checkup`).

        A damaged file is never written again: the library refuses writes,
        the open text stays in the window, and the person is told how to put
        a backup in its place (which keeps that text).
        """
        if result != DAMAGED or self.session.library.path is None:
            return
        error = LibraryError("library_corrupt", path=str(self.session.library.path))
        self.session.library.refuse_writes(error)
        self.session.errors.show(self.session.errors.words(error) + "\n\n" + self.tr(
            "Deskapp no longer writes to it. What is open stays in the window: File → Backups "
            "→ Restore a backup… puts a backup in its place and keeps your open text."))

    def restore_from_backup(self, backup: Path) -> bool:
        """Close the library, put the backup in its place (the current file set aside), reopen.

        Text not yet saved (a damaged library refuses it) is saved into the
        restored library, so restoring never costs what is on screen.
        """
        path = self._library_file()
        if path is None:
            return False
        from deskapp.store.backup import restore_backup
        from deskapp.workspace import open_library

        pending = self.session.editor.snapshot() if self.session.modified else None
        if not self.session.flush() and self.session.library.refused is None:
            return False
        self._quiesce()
        self.session.library.close()
        try:
            aside = restore_backup(backup, path)
        except DeskappError as error:
            self.session.errors.show(error)
            aside = None
        try:
            reopened = open_library(path)
        except DeskappError as error:
            self.session.errors.show(self.session.errors.words(error) + "\n\n"
                                     + self.tr("Restart Deskapp to recover."))
            return False
        self.session.use_library(reopened)
        self._open_first()
        if pending is not None and self.session.library.refused is None:
            self._keep_pending(pending)
        if aside is not None:
            self._status.showMessage(
                self.tr("Backup restored; the previous library is kept as %1")
                .replace("%1", Path(aside).name), 10000)
        return aside is not None

    def _keep_pending(self, pending: Article) -> None:
        """Save text the old library could not take into the restored one, and open it."""
        try:
            library = self.session.library
            if library.is_listed(pending.id, trashed=True):
                library.restore(pending.id)
            saved = library.save(pending, kind=RevisionKind.AUTOSAVE, author=self.session.user)
        except DeskappError as error:
            self.session.errors.show(error)
            return
        self.session.open(saved.id)

    def show_backups_folder(self) -> bool:
        path = self._library_file()
        if path is None:
            return False
        from PySide6.QtCore import QUrl

        from deskapp.store.backup import backup_folder

        folder = backup_folder(path)
        folder.mkdir(parents=True, exist_ok=True)
        return self.open_url(QUrl.fromLocalFile(str(folder)))

    def export_library_dialog(self) -> None:
        from deskapp.ui.common import file_dialogs

        folder = file_dialogs.choose_folder(self.host, self.tr("Export the library to a folder"),
                                            "library")
        if folder is not None:
            self.export_library_to(folder)

    def export_library_to(self, folder: Path) -> None:
        """Every article as a Markdown file (photos beside them), in the background."""
        path = self._library_file()
        if path is None or not self.session.flush():
            return
        self.act_export_library.setEnabled(False)
        self._status.showMessage(self.tr("Exporting the library…"))

        from deskapp.exchange.markdown_export import export_library_markdown

        def work() -> int:
            library = Library.open(path)
            try:
                return export_library_markdown(library, folder)
            finally:
                library.close()

        def done(count: object) -> None:
            self.act_export_library.setEnabled(True)
            self._status.showMessage(
                self.tr("%1 article(s) written to %2").replace("%1", str(count))
                .replace("%2", str(folder)), 8000)
            self.libraryExported.emit(str(folder))

        self.runner.start(work, done,
                          lambda error: self._background_failed(error, self.act_export_library))

    def _background_failed(self, error: Exception, action: QAction) -> None:
        action.setEnabled(True)
        self._status.clearMessage()
        self.session.errors.show(error)

    def open_url(self, url: QUrl) -> bool:
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(url)
