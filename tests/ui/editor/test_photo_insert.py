"""Insert photo…: the file is stored with the article and referenced with caption and credit."""

from __future__ import annotations

from PIL import Image
from PySide6.QtWidgets import QDialog, QFileDialog

from deskapp.model import Article
from deskapp.render.tree import build_document
from deskapp.store.assets import get_photo, list_photos
from qt_helpers import type_text


def open_article(window, library) -> Article:
    created = library.create(Article(title="Ảnh hội nghị", body="Đoạn mở đầu."),
                             author="Tester")
    window.library_commands.refresh()
    window.session.open(created.id)
    return created


def choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(path), "Images"))


def test_insert_photo_stores_it_and_writes_the_reference(qtbot, window, library, tmp_path,
                                                          monkeypatch):
    article = open_article(window, library)
    photo = tmp_path / "Hội nghị.png"
    Image.new("RGB", (300, 200), (30, 90, 160)).save(photo)
    choose_file(monkeypatch, photo)
    asked = []

    def fill(dialog):
        asked.append(dialog)
        type_text(dialog.caption, "Toàn cảnh hội nghị")
        type_text(dialog.credit, "Minh Hùng")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(window.printing, "ask_photo_details", fill)
    body = window.editor.body
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    window.format_actions.photo.trigger()

    assert len(asked) == 1
    stored = list_photos(library, article.id)
    assert [(p.name, p.width, p.height, p.caption, p.credit) for p in stored] == [
        ("hoi-nghi.png", 300, 200, "Toàn cảnh hội nghị", "Minh Hùng")]
    assert get_photo(library, article.id, "hoi-nghi.png").data == photo.read_bytes()
    text = body.toPlainText()
    assert text == 'Đoạn mở đầu.\n\n![Toàn cảnh hội nghị](asset:hoi-nghi.png "Minh Hùng")'
    # The renderer reads it as a stored photo with that caption and credit.
    image = build_document(window.editor.snapshot()).body.find(".//img")
    assert image.get("src") == "asset:hoi-nghi.png" and image.get("title") == "Minh Hùng"
    assert body.textCursor().selectedText() == "Toàn cảnh hội nghị"
    body.undo()
    assert body.toPlainText() == "Đoạn mở đầu."

    # 300 pixels across a column is far below 200 dpi: the print check says so.
    body.redo()
    window.printing.act_preflight.trigger()
    qtbot.waitUntil(lambda: window.printing.preflight is not None
                    and window.printing.preflight.list.count() == 1, timeout=20000)
    assert "hoi-nghi.png" in window.printing.preflight.list.item(0).text()
    assert "dpi" in window.printing.preflight.list.item(0).text()


def test_a_file_that_is_not_an_image_is_refused(qtbot, window, library, tmp_path,
                                                 monkeypatch):
    article = open_article(window, library)
    fake = tmp_path / "anh.jpg"
    fake.write_text("Đây là văn bản, không phải ảnh.", encoding="utf-8")
    choose_file(monkeypatch, fake)
    monkeypatch.setattr(window.printing, "ask_photo_details",
                        lambda dialog: (_ for _ in ()).throw(AssertionError("asked")))
    with qtbot.waitSignal(window.errors.shown, timeout=2000) as shown:
        window.format_actions.photo.trigger()
    assert "anh.jpg" in shown.args[0] and "not a usable photo" in shown.args[0]
    assert list_photos(library, article.id) == []
    assert window.editor.body.toPlainText() == "Đoạn mở đầu."


def test_cancelling_the_caption_stores_nothing(qtbot, window, library, tmp_path, monkeypatch):
    article = open_article(window, library)
    photo = tmp_path / "a.jpg"
    Image.new("RGB", (50, 40)).save(photo)
    choose_file(monkeypatch, photo)
    monkeypatch.setattr(window.printing, "ask_photo_details",
                        lambda dialog: QDialog.DialogCode.Rejected)
    window.format_actions.photo.trigger()
    assert list_photos(library, article.id) == []
    assert window.editor.body.toPlainText() == "Đoạn mở đầu."
