"""Who is at the keyboard: the user's name and role (reporter or editor).

Stored in the library's settings as ``user_name`` and ``role``; asked once at
the first start and changeable in Settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.store import Library
from deskapp.ui.desk.desk_labels import ROLES, role_text


@dataclass(frozen=True)
class Profile:
    name: str
    role: str

    def label(self) -> str:
        """"Nguyễn Văn A · Phóng viên" for the status bar."""
        return f"{self.name} · {role_text(self.role)}" if self.name else role_text(self.role)


# Asks for a profile (None: the user declined); the window calls it at the first start.
AskProfile = Callable[[QWidget | None], Profile | None]


def load_profile(library: Library, fallback_name: str = "") -> Profile:
    role = library.get_setting("role") or "reporter"
    return Profile(library.get_setting("user_name") or fallback_name,
                   role if role in ROLES else "reporter")


def save_profile(library: Library, profile: Profile) -> None:
    library.set_setting("user_name", profile.name.strip())
    library.set_setting("role", profile.role)


def needs_profile(library: Library) -> bool:
    return not (library.get_setting("user_name") or "").strip()


class ProfileFields(QWidget):
    """A name field and a role choice (used by the first-run dialog and Settings)."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(profile.name, self)
        self.name.setObjectName("profileName")
        self.name.setPlaceholderText(self.tr("e.g. Nguyễn Văn A"))
        self.role = QComboBox(self)
        self.role.setObjectName("profileRole")
        for role in ROLES:
            self.role.addItem(role_text(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData(profile.role)))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Your &name"), self.name)
        form.addRow(self.tr("&Role"), self.role)

    def profile(self) -> Profile:
        return Profile(" ".join(self.name.text().split()), str(self.role.currentData()))


class ProfileDialog(QDialog):
    """The first-run question: who are you, and do you write or edit?"""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Deskapp"))
        intro = QLabel(self.tr("Your name is recorded on every revision, comment and "
                               "change of status. The role decides what the Article menu "
                               "offers: reporters submit, editors take, return and approve."),
                       self)
        intro.setWordWrap(True)
        self.fields = ProfileFields(profile, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        self.fields.name.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.fields.name.text().strip()))

    @staticmethod
    def ask(parent: QWidget | None) -> Profile | None:
        dialog = ProfileDialog(Profile("", "reporter"), parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.fields.profile()
        return None
