"""Preflight in the window: the list of findings, and a click puts the cursor on the spot."""

from __future__ import annotations

from io import BytesIO

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from deskapp.model import Article
from deskapp.store.assets import add_photo
from deskapp.ui.printing.preflight_panel import FINDING_ROLE

BODY = "Dòng đầu tiên.\nXin chào 中 và hết.\n\n![Toàn cảnh](asset:nho.png \"Minh Hùng\")\n"


def small_png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (120, 80), (200, 40, 40)).save(out, "PNG")
    return out.getvalue()


def open_article(window, library, body: str = BODY) -> Article:
    created = library.create(Article(title="Kiểm tra bản in", body=body), author="Tester")
    add_photo(library, created.id, small_png(), name="nho.png")
    window.library_commands.refresh()
    window.session.open(created.id)
    return created


def click(qtbot, list_widget, row: int) -> None:
    item = list_widget.item(row)
    list_widget.scrollToItem(item)
    qtbot.mouseClick(list_widget.viewport(), Qt.MouseButton.LeftButton,
                     pos=list_widget.visualItemRect(item).center())


def test_check_for_print_lists_findings_and_clicks_go_there(qtbot, window, library):
    open_article(window, library)
    assert window.printing.preflight is None  # built on first use
    window.printing.act_preflight.trigger()
    qtbot.waitUntil(lambda: window.printing.preflight is not None
                    and window.printing.preflight.list.count() == 2, timeout=20000)
    panel = window.printing.preflight
    assert window.printing.preflight_dock.isVisible()
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    glyph = next(i for i, t in enumerate(texts) if "U+4E2D" in t)
    photo = next(i for i, t in enumerate(texts) if "nho.png" in t)
    assert "中" in texts[glyph] and "line 2, column 10" in texts[glyph]
    assert panel.list.item(glyph).data(FINDING_ROLE).blocking
    assert not panel.list.item(photo).data(FINDING_ROLE).blocking and "dpi" in texts[photo]
    assert not panel.list.item(glyph).icon().isNull()
    assert "line 4" in texts[photo]

    window.editor.title.setFocus()
    click(qtbot, panel.list, glyph)
    body = window.editor.body
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body, timeout=2000)
    cursor = body.textCursor()
    assert cursor.selectedText() == "中"
    assert cursor.blockNumber() == 1 and cursor.selectionStart() - cursor.block().position() == 9

    click(qtbot, panel.list, photo)
    cursor = body.textCursor()
    assert cursor.blockNumber() == 3
    assert cursor.selectedText().startswith("![Toàn cảnh](asset:nho.png")


def test_click_follows_the_character_after_edits(qtbot, window, library):
    open_article(window, library)
    window.printing.act_preflight.trigger()
    qtbot.waitUntil(lambda: window.printing.preflight is not None
                    and window.printing.preflight.list.count() == 2, timeout=20000)
    body = window.editor.body
    cursor = body.textCursor()
    cursor.setPosition(0)
    cursor.insertText("Thêm một dòng mới ở đầu.\n")
    panel = window.printing.preflight
    row = next(i for i in range(panel.list.count()) if "U+4E2D" in panel.list.item(i).text())
    click(qtbot, panel.list, row)
    assert body.textCursor().selectedText() == "中"
    assert body.textCursor().blockNumber() == 2


def test_a_missing_glyph_stops_the_export_with_the_list(qtbot, window, library, tmp_path):
    open_article(window, library)
    out = tmp_path / "bai.pdf"
    with qtbot.waitSignal(window.printing.exportFailed, timeout=20000) as failed:
        window.printing.export_to(out)
    assert not out.exists()
    assert "not written" in failed.args[0]
    assert window.printing.preflight_dock.isVisible()
    assert any("U+4E2D" in window.printing.preflight.list.item(i).text()
               for i in range(window.printing.preflight.list.count()))


def test_warnings_do_not_stop_the_export(qtbot, window, library, tmp_path):
    open_article(window, library, body="Chỉ có ảnh nhỏ.\n\n![Ảnh](asset:nho.png)\n")
    out = tmp_path / "bai.pdf"
    with qtbot.waitSignal(window.printing.exportFinished, timeout=20000):
        window.printing.export_to(out)
    assert out.read_bytes().startswith(b"%PDF")
    assert window.printing.preflight.list.count() == 1
    assert "dpi" in window.printing.preflight.list.item(0).text()


def test_a_clean_article_is_ready_to_print(qtbot, window, library):
    open_article(window, library, body="Không có gì lạ.")
    window.printing.act_preflight.trigger()
    qtbot.waitUntil(lambda: window.printing.preflight is not None
                    and "Ready to print" in window.printing.preflight.summary.text(), timeout=20000)
    assert window.printing.preflight.list.count() == 0
