"""Settings: who you are (name, role), the window's language and its colours."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from deskapp.ui.common.i18n import LANGUAGES
from deskapp.ui.common.theme import THEMES
from deskapp.ui.editor.text_edit import VietnameseTyping
from deskapp.ui.shell.profile import Profile, ProfileFields


class SettingsDialog(QDialog):
    """Pick "ui_language" and "ui_theme"; read them back with :meth:`values`."""

    def __init__(self, language: str, theme: str, parent: QWidget | None = None,
                 profile: Profile | None = None,
                 typing: VietnameseTyping | None = None) -> None:
        from PySide6.QtWidgets import QDialogButtonBox

        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        for code, text in zip(LANGUAGES, (self.tr("As the system"), "English", "Tiếng Việt"),
                              strict=True):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.theme = QComboBox(self)
        self.theme.setObjectName("themeChoice")
        for code, text in zip(THEMES, (self.tr("As the system"), self.tr("Light"),
                                       self.tr("Dark")), strict=True):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Colours"), self.theme)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.profile_fields = ProfileFields(profile or Profile("", "reporter"), self,
                                            typing)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profile_fields)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def profile(self) -> Profile:
        return self.profile_fields.profile()

    def values(self) -> tuple[str, str]:
        return str(self.language.currentData()), str(self.theme.currentData())
