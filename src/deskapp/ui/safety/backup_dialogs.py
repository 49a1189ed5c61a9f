"""The dialogs that list a library's backups: recovery at start, and File → Backups.

Kept apart from :mod:`deskapp.ui.safety.recovery_dialog` and :mod:`deskapp.ui.safety.backups`,
which every start imports, so that their widgets load only when a dialog opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskapp.store.backup import BackupInfo
from deskapp.store.recovery import Diagnosis
from deskapp.ui.safety.recovery_dialog import Choice, backup_label, reason_text


class RecoveryDialog(QDialog):
    """Shows the reason and the choices; :meth:`choice` after it closes."""

    def __init__(self, diagnosis: Diagnosis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deskapp — the library cannot be opened"))
        self._choice = Choice("quit")
        self.reason = QLabel(reason_text(diagnosis), self)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backups = QListWidget(self)
        for info in diagnosis.backups:
            item = QListWidgetItem(backup_label(info))
            item.setData(Qt.ItemDataRole.UserRole, info)
            if info.articles is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.backups.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        if diagnosis.backups:
            layout.addWidget(QLabel(self.tr("Backups of this library, newest first:"), self))
            layout.addWidget(self.backups)
            self.backups.setCurrentRow(0)
        else:
            layout.addWidget(QLabel(self.tr("There are no backups of this library."), self))
            self.backups.hide()
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore the chosen backup"), self)
        self.restore_button.setEnabled(bool(diagnosis.backups))
        self.new_button = QPushButton(self.tr("Start a &new library beside it"), self)
        self.new_button.setEnabled(diagnosis.can_open_new)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        for button, role in ((self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole),
                             (self.new_button, QDialogButtonBox.ButtonRole.ActionRole),
                             (self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)):
            buttons.addButton(button, role)
        self.restore_button.clicked.connect(self._restore)
        self.new_button.clicked.connect(lambda: self._finish(Choice("new")))
        self.quit_button.clicked.connect(lambda: self._finish(Choice("quit")))
        layout.addWidget(buttons)
        self.resize(620, 360)

    def choice(self) -> Choice:
        return self._choice

    def _restore(self) -> None:
        item = self.backups.currentItem()
        if item is not None:
            self._finish(Choice("restore", item.data(Qt.ItemDataRole.UserRole)))

    def _finish(self, choice: Choice) -> None:
        self._choice = choice
        self.accept()

    @classmethod
    def ask(cls, diagnosis: Diagnosis) -> Choice:
        """Show the dialog modally (the application's ``choose``)."""
        dialog = cls(diagnosis)
        dialog.exec()
        return dialog.choice()


class BackupList(QDialog):
    """The library's backups, newest first; :meth:`chosen` after it is accepted."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.list = QListWidget(self)
        for info in backups:
            item = QListWidgetItem(backup_label(info))
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        note = QLabel(self.tr("The library as it is now is kept beside it under another "
                              "name; nothing is overwritten."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        restore = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def chosen(self) -> BackupInfo | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @classmethod
    def ask(cls, backups: list[BackupInfo], parent: QWidget | None = None) -> BackupInfo | None:
        dialog = cls(backups, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
