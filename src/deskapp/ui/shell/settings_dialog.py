"""Settings: who you are (name, role), the window's language and colours, the print default."""

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
                 typing: VietnameseTyping | None = None,
                 presets: list[tuple[str, str]] | None = None,
                 default_preset: str = "") -> None:
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
        self.preset = QComboBox(self)
        self.preset.setObjectName("defaultPresetChoice")
        self.preset.setToolTip(self.tr("The print preset a new article takes. Each article "
                                       "keeps the preset chosen for it in the print preview; "
                                       "changing this one changes no article that has its own."))
        for name, title in presets or []:
            self.preset.addItem(title or name, name)
        if default_preset and self.preset.findData(default_preset) < 0:
            self.preset.addItem(default_preset, default_preset)
        self.preset.setCurrentIndex(max(0, self.preset.findData(default_preset)))
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Colours"), self.theme)
        form.addRow(self.tr("&Print preset for new articles"), self.preset)
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

    def default_preset(self) -> str:
        """The print preset chosen for new articles ("" when none was offered)."""
        return str(self.preset.currentData() or "")

    def values(self) -> tuple[str, str]:
        return str(self.language.currentData()), str(self.theme.currentData())
