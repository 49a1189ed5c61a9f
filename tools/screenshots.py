#!/usr/bin/env python3
"""Pictures of the real window for the README (offscreen, on a temporary library).

Imports the newsroom sample, gives it a headline and writes, in the layout a new
user gets (no panel open until asked for), at 1366×768 (a reporter's laptop)
``docs/screenshot-editor.png``, at 1920×1080 ``docs/screenshot-editor-1920.png``
and ``docs/screenshot-dark-1920.png``, and at 1366×768 ``docs/screenshot-dark.png``,
``docs/screenshot-search.png``, ``docs/screenshot-print-preview.png`` (with a
stored photo) and ``docs/screenshot-review.png`` (what changed since the
article was submitted).
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
if not SAMPLE.exists():  # a checkout one folder deeper than the shared samples
    SAMPLE = ROOT.parent.parent / "shared" / "samples" / SAMPLE.name
HEADLINE = "Kon Tum tổng kết 5 năm thực hiện quy chế dân chủ ở cơ sở"
LEAD = ("Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh Kon Tum "
        "tổng kết công tác năm 2013 và triển khai nhiệm vụ năm 2014.")


def main() -> int:
    from deskapp.ui.common.i18n import Translation
    from deskapp.ui.shell.app import application, render_html
    from deskapp.ui.shell.main_window import MainWindow
    from deskapp.workspace import open_library

    app = application()
    translation = Translation()
    translation.install(os.environ.get("DESKAPP_SCREENSHOT_LANG", "vi"))
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DESKAPP_LIBRARY"] = str(Path(tmp) / "default.sqlite")
        library = open_library(Path(tmp) / "library.sqlite")
        window = MainWindow(library, user="Phóng viên", render_html=render_html)
        window.resize(1366, 768)
        window.show()
        window.files.import_paths([SAMPLE])
        window.editor.title.setText(HEADLINE)
        window.editor.lead.setPlainText(LEAD)
        window.editor.section.setText("Thời sự")
        body = window.editor.body
        body.setPlainText("## Kết quả nổi bật\n\n" + body.toPlainText()
                          + "\n\n![Toàn cảnh hội nghị](hoi-nghi.jpg)")
        window.session.save()

        def settle(seconds: float = 0.6) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end or not window.preview.is_idle():
                app.processEvents()
                time.sleep(0.01)

        window.statusBar().clearMessage()
        settle()
        window.grab().save(str(docs / "screenshot-editor.png"))
        window.preferences.apply_theme("dark")
        settle()
        window.grab().save(str(docs / "screenshot-dark.png"))
        window.resize(1920, 1080)
        settle()
        window.grab().save(str(docs / "screenshot-dark-1920.png"))
        window.preferences.apply_theme("light")
        settle()
        window.grab().save(str(docs / "screenshot-editor-1920.png"))
        window.resize(1366, 768)

        window.library_panel.filter.setText("quy che dan chu")
        window.view_actions.replace.trigger()
        window.editor.find_bar.find_field.setText("dan chu")
        window.editor.find_bar.replace_field.setText("dân chủ")
        window.editor.find_bar.find_next()
        settle()
        window.grab().save(str(docs / "screenshot-search.png"))
        window.editor.find_bar.hide()
        window.library_panel.filter.clear()

        print_preview(app, window, library, docs, settle)
        review(app, window, library, docs, settle)
        window.close()
        library.close()
    return 0


def print_preview(app, window, library, docs: Path, settle) -> None:
    """The article's stored photo in place and the print preview dock beside the text."""
    from io import BytesIO

    from PIL import Image, ImageDraw

    from deskapp.store.assets import add_photo

    picture = Image.new("RGB", (2400, 1600), (196, 214, 232))
    draw = ImageDraw.Draw(picture)
    for band in range(16):  # a hall with rows of seats, drawn as shaded bands
        shade = 150 - band * 6
        draw.rectangle([0, 700 + band * 56, 2400, 740 + band * 56], fill=(shade, 90, 70))
    draw.rectangle([700, 180, 1700, 560], fill=(176, 38, 38))
    out = BytesIO()
    picture.save(out, "JPEG", quality=85)
    add_photo(library, window.editor.article_id, out.getvalue(), name="hoi-nghi.jpg",
              caption="Toàn cảnh hội nghị", credit="Minh Hùng")
    body = window.editor.body
    body.setPlainText(body.toPlainText().replace(
        "![Toàn cảnh hội nghị](hoi-nghi.jpg)",
        '![Toàn cảnh hội nghị](asset:hoi-nghi.jpg "Minh Hùng")'))
    window.session.save()
    window.statusBar().clearMessage()
    window.printing.act_print_preview.trigger()
    panel = window.printing.print_preview
    end = time.monotonic() + 30
    while time.monotonic() < end and not (panel.page_count() and panel.is_idle()):
        app.processEvents()
        time.sleep(0.01)
    panel.go_to(2 if panel.page_count() > 1 else 1)
    settle(1.0)
    while not panel.is_idle():
        app.processEvents()
        time.sleep(0.01)
    settle(0.3)
    window.grab().save(str(docs / "screenshot-print-preview.png"))
    window.printing.act_print_preview.trigger()  # hide it again


def review(app, window, library, docs: Path, settle) -> None:
    """What changed since the reporter submitted: the history dock with a real diff."""
    from deskapp.desk import transition

    article_id = window.editor.article_id
    transition(library, article_id, "submit", user="Phóng viên", role="reporter")
    window.session.reload()
    body = window.editor.body
    text = body.toPlainText()
    edited = text.replace("tổng kết công tác", "tổng kết 5 năm công tác", 1)
    edited = edited.replace("## Kết quả nổi bật", "## Những kết quả nổi bật", 1)
    paragraphs = edited.split("\n\n")
    if len(paragraphs) > 3:
        paragraphs.insert(3, "Đại biểu đề nghị công khai hơn nữa các khoản đóng góp "
                             "của nhân dân ở thôn, làng.")
    body.setPlainText("\n\n".join(paragraphs))
    window.editor.lead.setPlainText(LEAD.replace("năm 2014", "năm 2014 ở 102 xã"))
    window.session.save()
    window.desk_commands.show_review("submit")
    window.review.history_dock.raise_()
    window.statusBar().clearMessage()
    settle(1.0)
    window.grab().save(str(docs / "screenshot-review.png"))


if __name__ == "__main__":
    sys.exit(main())
