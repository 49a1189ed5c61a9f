"""Start the GUI: build the library and services, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from deskapp import __version__
from deskapp.errors import DeskappError
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.store import default_library_path
from deskapp.ui.fonts import load_bundled_fonts
from deskapp.ui.i18n import Translation, resolve_language
from deskapp.ui.main_window import MainWindow
from deskapp.ui.platform_check import XCB_PACKAGES, missing_display_library
from deskapp.workspace import current_user, open_library


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Deskapp")
    app.setOrganizationName("Deskapp")
    app.setApplicationVersion(__version__)
    if not app.property("deskappFontsLoaded"):
        load_bundled_fonts()
        app.setProperty("deskappFontsLoaded", True)
    return app  # type: ignore[return-value]


def render_html(article: Article) -> str:
    """The preview's HTML; the Markdown machinery loads on the first (background) render."""
    from deskapp.render.html import article_html

    return article_html(article)


def run(library_path: Path) -> int:
    missing = missing_display_library()
    if missing:
        print(
            f"deskapp: cannot open the window: the system library {missing} is missing.\n"
            f"  On Debian or Ubuntu: sudo apt install {XCB_PACKAGES}\n"
            "  The command line (deskapp import/list/export) works without it.",
            file=sys.stderr,
        )
        return 1
    app = application()
    try:
        library = open_library(library_path)
    except DeskappError as error:
        QMessageBox.critical(None, "Deskapp", describe(error))
        return 1
    translation = Translation()
    translation.install(resolve_language(library.get_setting("ui_language")))
    window = MainWindow(library, user=current_user(library), render_html=render_html)
    window.show()
    code = app.exec()
    library.close()
    return code


def main() -> int:
    return run(default_library_path())
