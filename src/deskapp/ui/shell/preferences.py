"""Settings: who is at the keyboard, the window's language and colours, typing choices.

:class:`Preferences` keeps the choices in the library's settings and applies
them at once; the window hears ``languageChanged`` (to write its composed
texts again), ``darkChanged`` and ``profileChanged``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from deskapp.text.tone_setting import style_setting
from deskapp.ui.common.i18n import OwnContextTr, Translation, resolve_language
from deskapp.ui.common.theme import ThemeManager
from deskapp.ui.shell.profile import (
    AskProfile,
    FirstRun,
    Profile,
    load_profile,
    needs_profile,
    save_profile,
)

if TYPE_CHECKING:
    from deskapp.ui.editor.session import ArticleSession
    from deskapp.ui.editor.typing_panel import TypingControls
    from deskapp.ui.shell.settings_dialog import SettingsDialog


class Preferences(OwnContextTr, QObject):
    """Edit → Settings…, the profile in the status bar, and the typing choices kept."""

    languageChanged = Signal()
    darkChanged = Signal(bool)
    profileChanged = Signal(object)
    defaultPresetChanged = Signal(str)  # the print preset new articles take

    def __init__(self, host: QWidget, session: ArticleSession, user: str,
                 ask_profile: AskProfile | None = None) -> None:
        super().__init__(host)
        self.host = host
        self.session = session
        library = session.library
        self.profile = load_profile(library, user)
        self.label = QLabel(host)
        self.label.setObjectName("profileLabel")
        self.themes = ThemeManager.for_app(QApplication.instance())  # type: ignore[arg-type]
        if ask_profile is not None and needs_profile(library):
            asked = ask_profile(host)
            if asked is not None and asked.name:
                session.errors.guard(lambda: save_profile(library, asked))
                self.profile = Profile(asked.name, asked.role)
            if isinstance(asked, FirstRun):
                self._first_run(asked)

    def _first_run(self, answer: FirstRun) -> None:
        """Keep the language and typing chosen at the first start; the welcome follows."""
        from deskapp.workspace import welcome_in

        self._set("ui_language", answer.language)
        self._set("typing_method", answer.typing or "")
        self.session.errors.guard(lambda: welcome_in(self.session.library, answer.language))
        self.set_language(answer.language)

    def _set(self, key: str, value: str) -> None:
        self.session.errors.guard(lambda: self.session.library.set_setting(key, value))

    def show_profile(self) -> None:
        self.label.setText(self.profile.label())
        self.label.setToolTip(self.tr("You, as recorded on revisions (Settings to change)"))

    def keep_typing_choices(self, controls: TypingControls) -> None:
        """The tone style and typing method as last chosen, kept when changed."""
        controls.set_style(style_setting(self.session.setting("tone_style")))
        controls.styleChanged.connect(lambda style: self._set("tone_style", style))
        controls.set_method(self.session.setting("typing_method") or None)
        controls.changed.connect(lambda method: self._set("typing_method", method or ""))
        controls.set_restore(self.session.setting("typing_restore", "on") != "off")
        controls.restoreChanged.connect(
            lambda on: self._set("typing_restore", "on" if on else "off"))

    def show_settings(self) -> SettingsDialog:
        from deskapp.ui.shell.settings_dialog import SettingsDialog

        box = self.session.editor.preset  # the presets the window already listed
        presets = [(str(box.itemData(i)), box.itemText(i)) for i in range(box.count())]
        default = self.session.setting("pdf_preset") or "a4-article"
        dialog = SettingsDialog(self.session.setting("ui_language", "system"), self.themes.mode,
                                self.host, profile=self.profile,
                                typing=self.session.editor.typing, presets=presets,
                                default_preset=default)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            language, theme = dialog.values()
            self.apply_settings(language, theme)
            self.set_profile(dialog.profile())
            chosen = dialog.default_preset()
            if chosen and chosen != default:
                self._set("pdf_preset", chosen)
                self.defaultPresetChanged.emit(chosen)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def apply_settings(self, language: str, theme: str) -> None:
        """Store the choices; colours and language change at once."""
        changed_language = language != self.session.setting("ui_language", "system")
        self._set("ui_language", language)
        self._set("ui_theme", theme)
        self.apply_theme(theme)
        if changed_language:
            self.set_language(resolve_language(language))

    def set_language(self, language: str) -> None:
        """Show the window in ``language`` ("vi" or "en") now, keeping everything open."""
        from deskapp.ui.shell.retranslate import fit_combos, retranslate_tree

        translation = Translation.for_app()
        translation.install(language)
        retranslate_tree(self.host, translation.recorder)
        self.show_profile()
        self.languageChanged.emit()
        fit_combos(self.host)  # after the window has written its own texts again too

    def set_profile(self, profile: Profile) -> None:
        """Store a changed name or role; the Article menu follows the role at once."""
        if not profile.name:
            profile = Profile(self.profile.name, profile.role)
        self.session.errors.guard(lambda: save_profile(self.session.library, profile))
        self.profile = profile
        self.show_profile()
        self.profileChanged.emit(profile)

    def apply_theme(self, mode: str) -> bool:
        dark = self.themes.apply(mode)
        self.darkChanged.emit(dark)
        return dark
