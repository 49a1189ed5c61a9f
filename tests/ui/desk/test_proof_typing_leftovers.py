"""Typing leftovers in the proofing panel: listed with the word meant, fixed in one click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from deskapp.render.html import article_html
from deskapp.ui.shell.main_window import MainWindow


@pytest.fixture
def desk(qtbot, library) -> MainWindow:
    library.set_setting("user_name", "Nguyễn Văn A")
    library.set_setting("role", "reporter")
    win = MainWindow(library, user="ignored", render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.runner.wait()
    win.preview._runner.wait()
    win.review.wait()
    win.copyfit.wait()


def test_leftovers_are_listed_and_fixed(qtbot, desk):
    window = desk
    window.act_new.trigger()
    window.editor.title.setText("Hội nghị tổng kết")
    window.editor.lead.setPlainText("Sáng nay, tỉnh tổng kết năm 2026.")
    window.editor.byline.setText("Thanh Tùng")
    window.editor.body.setPlainText(
        "Các ngành chức năng đã đwowcj báo Vieetj Nam. UBND, HĐND và COVID-19 không đổi.")
    panel = window.review.proof
    panel.run()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert [(f.rule, f.text, f.fix) for f in panel.findings] == [
        ("typing_leftover", "đwowcj", "được"), ("typing_leftover", "Vieetj", "Việt")]
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any("đwowcj" in t and "được" in t for t in texts)

    qtbot.mouseClick(panel.fix_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "được" in window.editor.body.toPlainText(), timeout=5000)
    assert window.editor.body.toPlainText() == (
        "Các ngành chức năng đã được báo Việt Nam. UBND, HĐND và COVID-19 không đổi.")


def test_mangled_foreign_words_are_listed_and_fixed(qtbot, desk):
    window = desk
    window.act_new.trigger()
    window.editor.title.setText("Sámung ra mắt điện thoại")
    window.editor.lead.setPlainText("Sáng nay, hãng công bố sản phẩm mới.")
    window.editor.byline.setText("Thanh Tùng")
    window.editor.body.setPlainText("Máy chạy Ưindows, bán ở Pái và Ứahington; Mesi dùng thử.")
    panel = window.review.proof
    panel.run()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert [(f.rule, f.text, f.fix) for f in panel.findings] == [
        ("typing_leftover", "Sámung", "Samsung"), ("typing_leftover", "Ưindows", "Windows"),
        ("typing_leftover", "Pái", "Paris"), ("typing_leftover", "Ứahington", "Washington"),
        ("typing_leftover", "Mesi", "Messi")]
    qtbot.mouseClick(panel.fix_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Windows" in window.editor.body.toPlainText(), timeout=5000)
    assert window.editor.body.toPlainText() == (
        "Máy chạy Windows, bán ở Paris và Washington; Messi dùng thử.")
    assert window.editor.title.text() == "Samsung ra mắt điện thoại"
