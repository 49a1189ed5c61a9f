#!/usr/bin/env python3
"""Pictures of the real window for the README (offscreen, on a temporary library).

Imports the newsroom sample, gives it a headline and writes
``docs/screenshot-editor.png``, ``docs/screenshot-dark.png`` and
``docs/screenshot-search.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SAMPLE = ROOT.parent / "shared" / "samples" / "kontum-quy-che-dan-chu.raw.txt"
HEADLINE = "Kon Tum tổng kết 5 năm thực hiện quy chế dân chủ ở cơ sở"
LEAD = ("Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh Kon Tum "
        "tổng kết công tác năm 2013 và triển khai nhiệm vụ năm 2014.")


def main() -> int:
    from deskapp.ui.app import application, render_html
    from deskapp.ui.i18n import Translation
    from deskapp.ui.main_window import MainWindow
    from deskapp.workspace import open_library

    app = application()
    translation = Translation()
    translation.install(os.environ.get("DESKAPP_SCREENSHOT_LANG", "vi"))
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DESKAPP_LIBRARY"] = str(Path(tmp) / "default.sqlite")
        library = open_library(Path(tmp) / "library.sqlite")
        window = MainWindow(library, user="Phóng viên", render_html=render_html)
        window.resize(1500, 900)
        window.show()
        window.import_paths([SAMPLE])
        window.editor.title.setText(HEADLINE)
        window.editor.lead.setPlainText(LEAD)
        window.editor.section.setText("Thời sự")
        body = window.editor.body
        body.setPlainText("## Kết quả nổi bật\n\n" + body.toPlainText()
                          + "\n\n![Toàn cảnh hội nghị](hoi-nghi.jpg)")
        window.save()

        def settle(seconds: float = 0.6) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end or not window.preview.is_idle():
                app.processEvents()
                time.sleep(0.01)

        window.statusBar().clearMessage()
        settle()
        window.grab().save(str(docs / "screenshot-editor.png"))

        window.apply_theme("dark")
        settle()
        window.grab().save(str(docs / "screenshot-dark.png"))
        window.apply_theme("light")

        window.library_panel.filter.setText("quy che dan chu")
        window.view_actions.replace.trigger()
        window.editor.find_bar.find_field.setText("dan chu")
        window.editor.find_bar.replace_field.setText("dân chủ")
        window.editor.find_bar.find_next()
        settle()
        window.grab().save(str(docs / "screenshot-search.png"))
        window.close()
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
