"""Who is at the keyboard: the user's name and role (reporter or editor).

Stored in the library's settings as ``user_name`` and ``role``; asked once at
the first start and changeable in Settings. The first-run question also
offers the interface language (applied to the dialog at once) and the
built-in Vietnamese typing, so a name with its marks can be typed without an
OS input method; its answer is a :class:`FirstRun`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from deskapp.store import Library
from deskapp.ui.common.i18n import Translation
from deskapp.ui.desk.desk_labels import ROLES, role_text
from deskapp.ui.editor.text_edit import NfcLineEdit, VietnameseTyping


@dataclass(frozen=True)
class Profile:
    name: str
    role: str

    def label(self) -> str:
        """"Nguyễn Văn A · Phóng viên" for the status bar."""
        return f"{self.name} · {role_text(self.role)}" if self.name else role_text(self.role)


@dataclass(frozen=True)
class FirstRun(Profile):
    """The first-run answer: the profile, the interface language, the built-in typing."""

    language: str = "en"  # "vi" or "en"
    typing: str | None = None  # "telex", "telex-classic", "vni" or None


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

    def __init__(self, profile: Profile, parent: QWidget | None = None,
                 typing: VietnameseTyping | None = None) -> None:
        super().__init__(parent)
        self.name = NfcLineEdit(self, typing)
        self.name.setText(profile.name)
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
    """The first-run question: who are you, and do you write or edit?

    Also which language the window speaks (the dialog changes at once) and
    whether Deskapp's own Telex/VNI types the marks.
    """

    def __init__(self, profile: Profile, parent: QWidget | None = None,
                 typing: VietnameseTyping | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.typing = typing or VietnameseTyping()
        self.setWindowTitle(self.tr("Welcome to Deskapp"))
        intro = QLabel(self.tr("Your name is recorded on every revision, comment and "
                               "change of status. The role decides what the Article menu "
                               "offers: reporters submit, editors take, return and approve."),
                       self)
        intro.setWordWrap(True)
        self.language = QComboBox(self)
        self.language.setObjectName("welcomeLanguage")
        for code, text in (("vi", "Tiếng Việt"), ("en", "English")):  # each in its own words
            self.language.addItem(text, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(Translation.for_app().language)))
        self.typing_choice = QComboBox(self)
        self.typing_choice.setObjectName("welcomeTyping")
        for method, text in ((None, self.tr("Off (use the system input method)")),
                             ("telex", self.tr("Telex as Unikey types it (w → ư)")),
                             ("telex-classic", self.tr("Telex classic (w stays w)")),
                             ("vni", self.tr("VNI"))):
            self.typing_choice.addItem(text, method)
        self.typing_choice.setCurrentIndex(max(0, self.typing_choice.findData(self.typing.method)))
        choices = QFormLayout()
        choices.addRow(self.tr("&Language / Ngôn ngữ"), self.language)
        choices.addRow(self.tr("Vietnamese &typing"), self.typing_choice)
        self.fields = ProfileFields(profile, self, self.typing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        self.fields.name.textChanged.connect(self._update)
        self.language.currentIndexChanged.connect(lambda _i: self._language_chosen())
        self.typing_choice.currentIndexChanged.connect(lambda _i: self._typing_chosen())
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._update()

    def answer(self) -> FirstRun:
        profile = self.fields.profile()
        return FirstRun(profile.name, profile.role, language=str(self.language.currentData()),
                        typing=self.typing.method)

    def _language_chosen(self) -> None:
        """Speak the chosen language from now on, starting with this dialog."""
        from deskapp.ui.shell.retranslate import retranslate_tree

        translation = Translation.for_app()
        translation.install(str(self.language.currentData()))
        retranslate_tree(self, translation.recorder)

    def _typing_chosen(self) -> None:
        self.typing.method = self.typing_choice.currentData()
        self.fields.name.setFocus()

    def _update(self) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.fields.name.text().strip()))

    @staticmethod
    def ask(parent: QWidget | None) -> FirstRun | None:
        dialog = ProfileDialog(Profile("", "reporter"), parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.answer()
        return None
