from __future__ import annotations

import pytest

from deskapp.render.html import article_html
from deskapp.store import Library
from deskapp.ui.shell.main_window import MainWindow
from deskapp.workspace import open_library


@pytest.fixture
def library(library_path) -> Library:
    lib = open_library(library_path)
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot, library) -> MainWindow:
    win = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.runner.wait()
    win.preview._runner.wait()


@pytest.fixture(autouse=True)
def _bundled_fonts(qapp):
    """Tests see the window with the fonts the app ships, as users do."""
    from deskapp.ui.shell.app import application

    application()


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path, monkeypatch):
    """Qt settings (the remembered library, the packages folder) stay in the test's folder."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "qsettings"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A test that switches the window to Vietnamese (Settings does it at once) leaves English."""
    yield
    from deskapp.ui.common.i18n import Translation

    translation = Translation.for_app()
    if translation.language != "en":
        translation.install("en")
