"""The window's language: Vietnamese or English, from the settings or the system."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from deskapp.resources import resource_path

LANGUAGES = ("system", "en", "vi")


def system_language() -> str:
    """"vi" when DESKAPP_LANG, LC_ALL/LC_MESSAGES/LANG or the system locale says Vietnamese."""
    wanted = os.environ.get("DESKAPP_LANG", "").strip().lower()
    if wanted:
        return "vi" if wanted.startswith("vi") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


def resolve_language(setting: str | None) -> str:
    """The language to show for a "ui_language" setting ("system", "en", "vi" or unset)."""
    if setting in ("en", "vi"):
        return setting
    return system_language()


class Translation:
    """Installs (and removes) the window's translators on the application."""

    def __init__(self) -> None:
        self.language = "en"
        self._translators: list[QTranslator] = []

    def install(self, language: str) -> bool:
        """Switch to ``language``; returns whether Deskapp's own translation was loaded."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []
        self.language = language
        if language != "vi":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
            return False
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        ours = QTranslator()
        loaded = ours.load(str(resource_path("i18n", "deskapp_vi.qm")))
        qt_own = QTranslator()
        qt_loaded = qt_own.load(QLocale(QLocale.Language.Vietnamese), "qtbase", "_",
                                QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for translator, ok in ((qt_own, qt_loaded), (ours, loaded)):
            if ok and app is not None:
                app.installTranslator(translator)
                self._translators.append(translator)
        return loaded


def plural(text: str, count: int) -> str:
    """English source strings say "word(s)": choose the form when no translation did."""
    one = count == 1
    return text.replace("(es)", "" if one else "es").replace("(s)", "" if one else "s")


def core_language() -> str:
    """The language for sentences written by the core: the window's own ("vi" or "en")."""
    from PySide6.QtCore import QLocale

    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"
