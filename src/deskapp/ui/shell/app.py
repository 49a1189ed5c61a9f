"""Start the GUI: build the library and services, then the main window."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from deskapp import __version__
from deskapp.messages import message
from deskapp.model import Article
from deskapp.store import default_library_path
from deskapp.ui.common.fonts import SCREEN_FACES, load_bundled_fonts
from deskapp.ui.common.i18n import Translation, resolve_language
from deskapp.ui.safety.library_checkup import LibraryCheckup
from deskapp.ui.safety.recovery_dialog import Choice, library_to_open, reason_text
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.platform_check import XCB_PACKAGES, missing_display_library, no_display
from deskapp.ui.shell.profile import ProfileDialog
from deskapp.ui.shell.startup import open_for_writing
from deskapp.workspace import current_user

if TYPE_CHECKING:
    from deskapp.model import PhotoLookup
    from deskapp.render.html import PreviewLook
    from deskapp.store.recovery import Diagnosis


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Deskapp")
    app.setOrganizationName("Deskapp")
    app.setApplicationVersion(__version__)
    if not app.property("deskappFontsLoaded"):
        load_bundled_fonts(SCREEN_FACES)  # the preview's faces come with its first render
        app.setProperty("deskappFontsLoaded", True)
        Translation.for_app().record_shown_texts()
    return app  # type: ignore[return-value]


def render_html(article: Article, *, assets: PhotoLookup | None = None,
                look: PreviewLook | None = None, budget_s: float | None = None) -> str:
    """The preview's HTML; the Markdown machinery loads on the first (background) render."""
    from deskapp.render.html import article_html

    return article_html(article, assets=assets, look=look, budget_s=budget_s)


# Hidden switch for installers' smoke tests and start-up benchmarks: with
# DESKAPP_QUIT_AFTER_START=1 the window quits by itself once it has been shown, and the
# start-up time (from process start to the window on screen) is printed on stderr.
# Errors are then printed instead of shown in a dialog nobody would close.
QUIT_AFTER_START = "DESKAPP_QUIT_AFTER_START"
_IMPORTED_AT = time.monotonic()


def _quit_after_start() -> bool:
    return os.environ.get(QUIT_AFTER_START) == "1"


def _report_startup_and_quit(app: QApplication, window: MainWindow) -> None:
    """Print the start-up time, then close the window as a user would (saving first)."""
    elapsed_ms = (time.monotonic() - _process_start()) * 1000
    print(f"deskapp: window shown after {elapsed_ms:.0f} ms", file=sys.stderr)
    if not window.close():
        app.quit()


def _process_start() -> float:
    """When this process started, on the ``time.monotonic()`` clock (exact on Linux)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            now_since_boot = float(uptime.read().split()[0])
        return time.monotonic() - (now_since_boot - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return _IMPORTED_AT


def run(library_path: Path, open_files: Sequence[Path | str] = ()) -> int:
    """Open the window on the library; ``open_files`` (packages, articles) open in it.

    The writer lock is taken first: when another Deskapp has the library, that
    window is brought to the front (and given ``open_files``) and this start
    exits. A library that cannot be opened goes through the recovery dialog.
    """
    if no_display():  # before Qt, which would abort with a hint about xcb-cursor0
        print(f"deskapp: {message('no_display')}", file=sys.stderr)
        return 1
    missing = missing_display_library()
    if missing:
        text = message("display_library_missing", library=missing, packages=XCB_PACKAGES)
        print(f"deskapp: {text}", file=sys.stderr)
        return 1
    app = application()
    translation = Translation.for_app()
    translation.install(resolve_language(None))
    files = [Path(f) for f in open_files]
    if Path(library_path) == default_library_path():
        library_path = library_to_open(Path(library_path))
    opened = open_for_writing(Path(library_path), choose=_choose, inform=_inform, files=files)
    if opened is None:
        return 1
    library = opened.library
    translation.install(resolve_language(library.get_setting("ui_language")))
    window = MainWindow(library, user=current_user(library), render_html=render_html,
                        ask_profile=None if _quit_after_start() else ProfileDialog.ask)
    window.writer_lock = opened.lock
    servers: list = []

    def listen() -> None:
        # Other starts find this window once it is painted; until then they are told the
        # library is open elsewhere (the writer lock is already ours).
        from deskapp.ui.shell.single_instance import InstanceServer

        server = InstanceServer(opened.path, window)
        server.activated.connect(window.bring_forward)
        servers.append(server)

    window.settled.connect(listen)
    # Reading every page and the day's backup, once the window is on screen.
    checkup = LibraryCheckup(opened.path, window)
    checkup.finished.connect(window.backups.library_checked)
    window.settled.connect(checkup.start)
    window.show()
    if files:
        QTimer.singleShot(0, lambda: window.files.open_files(files))
    if _quit_after_start():
        QTimer.singleShot(0, lambda: _report_startup_and_quit(app, window))
    code = app.exec()
    checkup.stop()
    for server in servers:
        server.close()
    opened.close()
    return code


def _choose(diagnosis: Diagnosis) -> Choice:
    from deskapp.ui.safety.backup_dialogs import RecoveryDialog

    print(f"deskapp: {reason_text(diagnosis)}", file=sys.stderr)
    if _quit_after_start():
        return Choice("quit")
    return RecoveryDialog.ask(diagnosis)


def _inform(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    print(f"deskapp: {text}", file=sys.stderr)
    if not _quit_after_start():
        QMessageBox.information(None, "Deskapp", text)


def main() -> int:
    return run(default_library_path())
