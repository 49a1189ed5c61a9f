"""The window's language: Vietnamese or English, from the settings or the system."""

from __future__ import annotations

import os
import sys
import threading
from functools import cache

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


Source = tuple[str, str, "str | None"]  # context, English source, disambiguation


class RecordingTranslator(QTranslator):
    """Deskapp's translator (or none, in English) that remembers where each shown text came from.

    For every ``tr()`` it answers it records the text the window will show
    (the translation, or the English source when there is none) with its
    context and source, so :mod:`deskapp.ui.shell.retranslate` can translate a
    window that is already built into another language.
    """

    def __init__(self, inner: QTranslator | None = None,
                 record: dict[str, list[Source]] | None = None) -> None:
        super().__init__()
        self.inner = inner
        self.record: dict[str, list[Source]] = record if record is not None else {}
        self._lock = threading.Lock()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        text = self.inner.translate(context, source, disambiguation, n) if self.inner else ""
        if n < 0 and context and source:  # counted texts are written again by the window
            shown = text or source
            entry = (context, source, disambiguation or None)
            with self._lock:
                known = self.record.setdefault(shown, [])
                if entry not in known:
                    known.append(entry)
        return text or None  # None (a null string): "not translated here", ask the next one

    def isEmpty(self) -> bool:
        return False

    def sources(self, shown: str) -> list[Source]:
        with self._lock:
            return list(self.record.get(shown, ()))


class OwnContextTr:
    """``self.tr()`` in the context of the class whose code calls it, as lupdate files it.

    PySide's ``QObject.tr`` asks the translators once for each class of the
    object's MRO until one translates the text; in English none does, so the
    main window (eight mixins, four Qt bases) asked twelve times per text —
    about 500 calls into Python at every start. Put first among the bases.
    """

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        context = sys._getframe(1).f_code.co_qualname.split(".", 1)[0]
        if context not in _class_names(type(self)):  # called from outside the classes
            context = type(self).__name__
        return QCoreApplication.translate(context, source, disambiguation, n)


@cache
def _class_names(cls: type) -> frozenset[str]:
    return frozenset(klass.__name__ for klass in cls.__mro__)


class Translation:
    """Installs (and removes) the window's translators on the application.

    :meth:`for_app` is the application's one instance: the window switches
    language through it, and its recorder knows the texts shown so far.
    """

    def __init__(self) -> None:
        self.language = "en"
        self._translators: list[QTranslator] = []
        self.recorder = RecordingTranslator()

    @classmethod
    def for_app(cls) -> Translation:
        app = QCoreApplication.instance()
        found = getattr(app, "deskapp_translation", None)
        if found is None:
            found = cls()
            if app is not None:
                app.deskapp_translation = found  # type: ignore[attr-defined]
        return found

    def record_shown_texts(self) -> None:
        """Note the texts shown from now on, before any language has been chosen."""
        app = QCoreApplication.instance()
        if app is not None and not self._translators:
            app.installTranslator(self.recorder)
            self._translators.append(self.recorder)

    def install(self, language: str) -> bool:
        """Switch to ``language``; returns whether Deskapp's own translation was loaded."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []
        self.language = language
        record = self.recorder.record
        if language != "vi":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
            use_own_dialogs(language)
            self.recorder = RecordingTranslator(None, record)
            if app is not None:
                app.installTranslator(self.recorder)
                self._translators.append(self.recorder)
            return False
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        ours = QTranslator()
        loaded = ours.load(str(resource_path("i18n", "deskapp_vi.qm")))
        self.recorder = RecordingTranslator(ours if loaded else None, record)
        # Qt ships no Vietnamese catalogue for its own parts (buttons, file dialogs,
        # context menus): ours (qt_vi.qm) is asked first, Qt's would fill the rest if a
        # later Qt brought one. The last translator installed is asked first.
        qt_shipped = QTranslator()
        shipped = qt_shipped.load(QLocale(QLocale.Language.Vietnamese), "qtbase", "_",
                                  QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qt_ours = QTranslator()
        qt_loaded = qt_ours.load(str(resource_path("i18n", "qt_vi.qm")))
        for translator, ok in ((qt_shipped, shipped), (qt_ours, qt_loaded),
                               (self.recorder, True)):
            if ok and app is not None:
                app.installTranslator(translator)
                self._translators.append(translator)
        use_own_dialogs(language)
        return loaded


def use_own_dialogs(language: str, platform: str = sys.platform,
                    theme_chosen: bool | None = None) -> bool:
    """Whether Qt's own dialogs replace the desktop's: on Linux, for Vietnamese or a chosen theme.

    A native file dialog speaks the desktop's language and wears the desktop's
    colours, not the window's: Linux desktops are often set up in English and
    light. Qt's own dialog is translated by ``qt_vi.qm`` and follows the theme
    chosen in Settings. On Windows and macOS the native dialogs stay: people
    expect them there, and they follow a Vietnamese system. ``theme_chosen``
    (light or dark picked in Settings rather than following the system) is read
    from the application's theme manager when not given.
    """
    from PySide6.QtCore import Qt

    app = QCoreApplication.instance()
    if theme_chosen is None:
        themes = getattr(app, "deskapp_themes", None)
        theme_chosen = themes is not None and themes.mode != "system"
    own = platform.startswith("linux") and (language == "vi" or theme_chosen)
    if app is not None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, own)
    return own


def plural(text: str, count: int) -> str:
    """English source strings say "word(s)": choose the form when no translation did."""
    one = count == 1
    return text.replace("(es)", "" if one else "es").replace("(s)", "" if one else "s")


def core_language() -> str:
    """The language for sentences written by the core: the window's own ("vi" or "en")."""
    from PySide6.QtCore import QLocale

    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"
