"""The print preview dock: the real PDF's pages, following the text, zoom and navigation."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from deskapp.model import Article
from deskapp.ui.printing.print_options import PrintJob, load_options
from deskapp.ui.printing.print_preview import PDFIUM_LOCK
from qt_helpers import type_text

LONG_BODY = "\n\n".join(
    f"Đoạn {n}: Ủy ban nhân dân tỉnh Kon Tum tổ chức hội nghị tổng kết công tác "
    "dân vận, quy chế dân chủ ở cơ sở và phong trào thi đua yêu nước." * 3
    for n in range(40)
)


def pdf_pages(data: bytes) -> int:
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            return len(document)
        finally:
            document.close()


@pytest.fixture
def article(window, library) -> Article:
    created = library.create(Article(title="Hội nghị dân vận", lead="Sapo ngắn.",
                                     body="Một đoạn thân bài."), author="Tester")
    window.library_commands.refresh()
    window.session.open(created.id)
    return created


def open_preview(qtbot, window):
    assert window.printing.print_preview is None  # nothing is built until it is asked for
    window.printing.act_print_preview.trigger()
    panel = window.printing.print_preview
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: panel.page_count() > 0 and panel.is_idle()
                    and not panel.page_view.pixmap().isNull(), timeout=20000)
    return panel


def test_preview_shows_the_pages_export_writes(qtbot, window, library, article):
    panel = open_preview(qtbot, window)
    expected = PrintJob(library, window.editor.snapshot(), window.session.user).render()
    assert panel.page_count() == expected.pages == pdf_pages(panel.pdf_bytes())
    assert panel.page_label.text() == "Page 1/1"
    pixmap = panel.page_view.pixmap()
    assert pixmap.width() > 200 and pixmap.height() > pixmap.width()  # a portrait A4 page
    # The page is really drawn: not one flat colour.
    image = pixmap.toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 2


def test_preview_follows_typing_and_navigates(qtbot, window, article):
    panel = open_preview(qtbot, window)
    before = panel.page_view.pixmap().toImage()
    window.editor.body.setPlainText(LONG_BODY)
    type_text(window.editor.body, " Thêm chữ.")
    qtbot.waitUntil(lambda: panel.page_count() > 2 and panel.is_idle(), timeout=30000)
    assert panel.page_count() == pdf_pages(panel.pdf_bytes())
    assert panel.page_view.pixmap().toImage() != before
    count = panel.page_count()
    assert panel.page_label.text() == f"Page 1/{count}"
    assert not panel.prev_button.isEnabled()

    with qtbot.waitSignal(panel.pageShown, timeout=10000) as shown:
        panel.next_button.click()
    assert shown.args == [2]
    assert panel.page_label.text() == f"Page 2/{count}"
    with qtbot.waitSignal(panel.pageShown, timeout=10000):
        panel.go_to(count)
    assert panel.page_label.text() == f"Page {count}/{count}"
    assert not panel.next_button.isEnabled()
    with qtbot.waitSignal(panel.pageShown, timeout=10000) as shown:
        panel.prev_button.click()
    assert shown.args == [count - 1]


def test_zoom_changes_the_page_size(qtbot, window, article):
    panel = open_preview(qtbot, window)
    width = panel.page_view.pixmap().width()
    zoom = panel.zoom()
    panel.zoom_in_button.click()
    assert panel.zoom() == pytest.approx(zoom * 1.25)
    assert panel.page_view.pixmap().width() == pytest.approx(width * 1.25, rel=0.02)
    qtbot.waitUntil(panel.is_idle, timeout=10000)
    assert panel.page_view.pixmap().width() == pytest.approx(width * 1.25, rel=0.02)
    assert not panel.fit_button.isChecked()
    panel.zoom_out_button.click()
    panel.zoom_out_button.click()
    qtbot.waitUntil(panel.is_idle, timeout=10000)
    assert panel.page_view.pixmap().width() < width
    panel.fit_button.click()
    qtbot.waitUntil(panel.is_idle, timeout=10000)
    assert panel.fit_button.isChecked()
    assert panel.page_view.pixmap().width() == pytest.approx(width, rel=0.02)


def test_preset_choice_is_shared_with_export(qtbot, window, library, article):
    panel = open_preview(qtbot, window)
    qtbot.waitUntil(lambda: panel.preset_box.findData("a5-booklet") >= 0, timeout=10000)
    portrait = panel.page_view.pixmap().height() / panel.page_view.pixmap().width()
    with qtbot.waitSignal(panel.rendered, timeout=20000):
        panel.preset_box.setCurrentIndex(panel.preset_box.findData("a5-booklet"))
    assert load_options(library, article).preset == "a5-booklet"
    assert library.article_preset(article.id) == "a5-booklet"  # the article's, not the library's
    assert library.get_setting("pdf_preset") is None
    assert window.editor.preset_name() == "a5-booklet"  # the choice beside the length target
    with qtbot.waitSignal(panel.rendered, timeout=20000):
        panel.for_print.setChecked(True)
    options = load_options(library, article)
    assert (options.bleed_mm, options.cmyk) == (3.0, True)
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(panel.pdf_bytes())
        trim = document[0].get_trimbox()
        media = document[0].get_mediabox()
        document.close()
    assert media[2] - media[0] > trim[2] - trim[0]  # the bleed is there
    qtbot.waitUntil(panel.is_idle, timeout=10000)
    assert panel.page_view.pixmap().height() / panel.page_view.pixmap().width() != portrait

    # Chosen beside the length target, the preset shows here too.
    editor_box = window.editor.preset
    qtbot.waitUntil(lambda: editor_box.findData("us-letter") >= 0, timeout=10000)
    with qtbot.waitSignal(panel.rendered, timeout=20000):
        editor_box.setCurrentIndex(editor_box.findData("us-letter"))
    assert panel.preset_box.currentData() == "us-letter"


def test_a_pdf_that_cannot_be_made_is_explained(qtbot, window, article):
    panel = open_preview(qtbot, window)
    with qtbot.waitSignal(panel.failed, timeout=20000) as failed:
        type_text(window.editor.body, " 中")
    assert "U+4E2D" in failed.args[0]
    assert panel.status.isVisible()
    assert panel.page_count() == 1  # the last good page stays


def test_the_preview_shows_the_approval_on_a_newspaper_page(qtbot, window, library):
    from deskapp.desk import Action, transition

    created = library.create(Article(title="Hội nghị dân vận", lead="Sapo ngắn.",
                                     body="Một đoạn thân bài."), author="Tester")
    transition(library, created.id, Action.SUBMIT, user="Tester", role="reporter")
    transition(library, created.id, Action.APPROVE, user="Trần Thị B", role="editor",
               override_note="thử")
    library.set_article_preset(created.id, "newspaper-3col")
    window.library_commands.refresh()
    window.session.open(created.id)
    panel = open_preview(qtbot, window)
    assert panel.preset_box.currentData() == "newspaper-3col"
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(panel.pdf_bytes())
        text = document[0].get_textpage().get_text_range()
        document.close()
    assert "Duyệt: Trần Thị B" in text


def test_pdfx_is_on_for_newspaper_presets_and_can_be_chosen(qtbot, window, library, article):
    panel = open_preview(qtbot, window)
    assert not panel.pdfx_box.isChecked()  # a4-article: plain PDF by default
    qtbot.waitUntil(lambda: panel.preset_box.findData("newspaper-2col") >= 0, timeout=10000)
    with qtbot.waitSignal(panel.rendered, timeout=20000):
        panel.preset_box.setCurrentIndex(panel.preset_box.findData("newspaper-2col"))
    assert panel.pdfx_box.isChecked()
    with PDFIUM_LOCK:
        data = panel.pdf_bytes()
    assert b"GTS_PDFXVersion" in data and b"/OutputIntents" in data
    with qtbot.waitSignal(panel.rendered, timeout=20000):
        panel.pdfx_box.setChecked(False)
    assert load_options(library, article).pdfx is False
    assert b"/OutputIntents" not in panel.pdf_bytes()
