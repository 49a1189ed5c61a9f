"""When the library cannot be opened: say why and offer the ways out.

:func:`recover` looks at the library (``recovery.diagnose``), asks the person
through a ``choose`` callback (the dialog in the application, a plain function
in tests) and carries out the choice: restore a backup (the damaged file is set
aside by ``restore_backup``, never overwritten), start a new library beside it,
or quit. It returns the path to open next, or ``None`` to quit.

The library chosen last is remembered in the user's Qt settings
(``QSettings("Deskapp", "Deskapp")``, key ``library/path``) so the next start
opens it instead of the damaged default (see :func:`library_to_open`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QSettings, Qt
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

from deskapp.store.backup import BackupInfo, restore_backup
from deskapp.store.recovery import Diagnosis, diagnose, open_new_library_beside
from deskapp.ui.i18n import plural
from deskapp.ui.time_format import local_time

SETTINGS_KEY = "library/path"

Action = Literal["restore", "new", "quit"]


@dataclass(frozen=True)
class Choice:
    """What the person chose: ``restore`` (with ``backup``), ``new`` or ``quit``."""

    action: Action
    backup: BackupInfo | None = None


Choose = Callable[[Diagnosis], Choice]


def reason_text(diagnosis: Diagnosis) -> str:
    """One or two sentences on what is wrong with the library, in the window's language."""
    translate = QCoreApplication.translate
    reasons = {
        "library_corrupt": translate(
            "RecoveryDialog", "The library file “%1” is damaged or is not a Deskapp library."),
        "library_too_new": translate(
            "RecoveryDialog", "The library “%1” was made by a newer version of Deskapp."),
        "library_unwritable": translate(
            "RecoveryDialog",
            "The library “%1” cannot be written (read-only file, folder or disk)."),
        "locked": translate(
            "RecoveryDialog", "The library “%1” is open in another Deskapp window."),
        "ok": translate("RecoveryDialog", "The library “%1” could not be opened."),
    }
    text = reasons.get(diagnosis.code, reasons["ok"]).replace("%1", str(diagnosis.path))
    return text + " " + translate("RecoveryDialog", "The file will not be overwritten.")


def backup_label(info: BackupInfo) -> str:
    """“date — reason — N articles”, as the list shows a backup."""
    translate = QCoreApplication.translate
    reasons = {
        "daily": translate("RecoveryDialog", "daily"),
        "pre-migration": translate("RecoveryDialog", "before an upgrade"),
        "manual": translate("RecoveryDialog", "by hand"),
    }
    if info.articles is None:
        count = translate("RecoveryDialog", "unreadable")
    else:
        count = plural(translate("RecoveryDialog", "%1 article(s)")
                       .replace("%1", str(info.articles)), info.articles)
    when = local_time(info.created_at.isoformat())
    return f"{when} — {reasons.get(info.reason, info.reason)} — {count}"


def recover(path: Path, choose: Choose) -> Path | None:
    """Diagnose ``path``, ask, act; the library path to open now, or None to quit."""
    diagnosis = diagnose(path)
    choice = choose(diagnosis)
    if choice.action == "restore" and choice.backup is not None:
        restore_backup(choice.backup.path, path)
        remember_library(path)
        return path
    if choice.action == "new" and diagnosis.can_open_new:
        fresh = open_new_library_beside(path)
        remember_library(fresh)
        return fresh
    return None


def remember_library(path: Path) -> None:
    QSettings("Deskapp", "Deskapp").setValue(SETTINGS_KEY, str(path))


def library_to_open(default: Path) -> Path:
    """The library remembered after a recovery when it still exists, else ``default``."""
    stored = QSettings("Deskapp", "Deskapp").value(SETTINGS_KEY, "")
    if isinstance(stored, str) and stored and Path(stored).exists():
        return Path(stored)
    return default


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
