"""Run the real window on a library, type, and wait to be killed.

Used by test_crash.py: prints "saved" once the first text reached the
library through the autosave, then types more and waits for SIGKILL.
"""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from deskapp.render.html import article_html
from deskapp.ui.shell.app import application
from deskapp.ui.shell.main_window import MainWindow
from deskapp.workspace import open_library


def main(path: str, first: str, second: str) -> None:
    app = application()
    library = open_library(path)
    window = MainWindow(library, user="crash", render_html=article_html)
    window.show()
    window.act_new.trigger()
    print("id", window.editor.article_id, flush=True)
    QTest.keyClicks(window.editor.body, first)

    def check() -> None:
        if not window.isWindowModified():
            print("saved", flush=True)
            QTest.keyClicks(window.editor.body, second)
            print("typed", flush=True)
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(50, check)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main(*sys.argv[1:4])
