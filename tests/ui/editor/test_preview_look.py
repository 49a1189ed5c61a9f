"""The preview is set like the chosen print preset and shows the article's stored photos."""

import io

from PIL import Image
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextEdit

from deskapp.model import Article
from deskapp.pdf.presets import load_preset
from deskapp.render.html import article_html
from deskapp.store.assets import add_photo
from deskapp.ui.shell.app import render_html
from deskapp.ui.shell.main_window import MainWindow


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), (190, 60, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def _block(document: QTextDocument, start: str):
    block = document.begin()
    while block.isValid():
        if block.text().startswith(start):
            return block
        block = block.next()
    raise AssertionError(f"no block starts with {start!r}")


def _font(document: QTextDocument, start: str):
    block = _block(document, start)
    return block.begin().fragment().charFormat().font()


def _images(document: QTextDocument) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_preview_follows_the_print_preset_and_shows_stored_photos(qtbot, library):
    article = library.create(Article(
        title="Chợ phiên ngày Tết", lead="Sapo: đồng bào vui Tết.", byline="Minh Anh",
        body=("Đoạn đầu của bài viết về chợ phiên.\n\n![Chợ phiên](asset:cho.png)\n\n"
              "![Ảnh ngoài](https://example.com/anh.jpg)\n\nĐoạn cuối.")))
    add_photo(library, article.id, _png(), name="cho.png", caption="Chợ phiên")
    library.set_setting("pdf_preset", "a4-article")
    win = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    win.session.open(article.id)
    browser = win.preview.browser
    qtbot.waitUntil(lambda: win.preview.layout_used is not None
                    and win.preview.layout_used.preset == "a4-article", timeout=10000)
    qtbot.waitUntil(win.preview.is_idle, timeout=5000)
    a4 = load_preset("a4-article")
    document = browser.document()
    body = _font(document, "Đoạn đầu")
    assert body.family() == "Noto Serif"  # the PDF's serif face
    assert body.pointSizeF() == a4.body.size
    assert _font(document, "Sapo").family() == "Noto Serif"
    # The stored photo is in the page as a data: URI; the remote one stays a placeholder.
    images = _images(document)
    assert len(images) == 1 and images[0].startswith("data:image/")
    assert "example.com" not in "".join(images)
    assert browser.lineWrapMode() == QTextEdit.LineWrapMode.FixedPixelWidth
    a4_width = win.preview.layout_used.wrap_px

    # Choosing the 3-column newspaper page in the window sets the preview like it.
    combo = win.editor.preset
    qtbot.waitUntil(lambda: combo.findData("newspaper-3col") >= 0, timeout=10000)
    combo.setCurrentIndex(combo.findData("newspaper-3col"))
    qtbot.waitUntil(lambda: win.preview.layout_used is not None
                    and win.preview.layout_used.preset == "newspaper-3col", timeout=10000)
    qtbot.waitUntil(win.preview.is_idle, timeout=5000)
    paper = load_preset("newspaper-3col")
    document = browser.document()
    assert _font(document, "Sapo").family() == "Noto Sans"  # its lead is set in sans
    assert _font(document, "Đoạn đầu").pointSizeF() == paper.body.size
    body_block = _block(document, "Đoạn đầu")
    assert body_block.blockFormat().rightMargin() > 0  # the body keeps to one column
    column = a4_width - body_block.blockFormat().rightMargin()
    assert column < a4_width / 2
    # The byline goes under the headline on this page, as the PDF places it.
    order = [block.text() for block in _blocks(document)]
    assert order.index("Minh Anh") < order.index("Sapo: đồng bào vui Tết.")
    win.close()


def _blocks(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_preview_past_its_budget_says_so_in_words(qtbot, library, monkeypatch):
    import deskapp.ui.editor.preview as preview_module

    monkeypatch.setattr(preview_module, "RENDER_BUDGET_S", 0.0)
    article = library.create(Article(title="Dài", body="Một.\n\nHai.\n\nBa."))
    window = MainWindow(library, user="Tester", render_html=render_html)
    qtbot.addWidget(window)
    window.show()
    try:
        window.session.open(article.id)
        qtbot.waitUntil(lambda: "preview stopped" in window.preview.browser.toPlainText(),
                        timeout=5000)
        text = window.preview.browser.toPlainText()
        assert "LimitExceeded" not in text and "limit_render_time" not in text
        assert window.editor.body.toPlainText() == "Một.\n\nHai.\n\nBa."  # nothing lost
    finally:
        window.close()
        window.runner.wait()
        window.preview._runner.wait()
