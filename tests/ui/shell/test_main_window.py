import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from deskapp.ui.editor.session import AUTOSAVE_DELAY_MS
from qt_helpers import type_text


def pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in doc)
    finally:
        doc.close()


def test_starts_on_the_welcome_article(window):
    assert window.editor.title.text() == "Chào mừng đến với Deskapp"
    assert window.windowTitle().startswith("Chào mừng đến với Deskapp")
    assert window.library_panel.model.rowCount() == 1


def test_a_long_headline_opens_at_its_start(window, library):
    from deskapp.model import Article

    title = "Kon Tum tổng kết 5 năm thực hiện quy chế dân chủ ở cơ sở, " * 3
    article = library.create(Article(title=title.strip(), body="Nội dung."))
    window.session.open(article.id)
    assert window.editor.title.text() == title.strip()
    assert window.editor.title.cursorPosition() == 0


def test_type_preview_autosave_export(qtbot, window, library, tmp_path):
    window.act_new.trigger()
    article_id = window.editor.article_id
    qtbot.keyClicks(window.editor.title, "Hoi nghi ")
    type_text(window.editor.title, "tổng kết")
    type_text(window.editor.body, "Ủy ban Mặt trận Tổ quốc *họp* ở Kon Tum.")
    assert window.isWindowModified()
    assert "Hoi nghi tổng kết[*]" in window.windowTitle()

    qtbot.waitUntil(lambda: "Kon Tum" in window.preview.last_html, timeout=3000)
    assert "<em>họp</em>" in window.preview.last_html
    assert "Ủy ban Mặt trận" in window.preview.browser.toPlainText()

    # Not yet saved; after the autosave delay it is in SQLite.
    assert library.get(article_id).body == ""
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=AUTOSAVE_DELAY_MS + 3000)
    stored = library.get(article_id)
    assert stored.title == "Hoi nghi tổng kết"
    assert stored.body == "Ủy ban Mặt trận Tổ quốc *họp* ở Kon Tum."
    assert [r.kind for r in library.revisions(article_id)][-1] == "autosave"

    out = tmp_path / "out.pdf"
    with qtbot.waitSignal(window.printing.exportFinished, timeout=20000):
        window.printing.export_to(out)
    text = pdf_text(out)
    assert "Hoi nghi tổng kết" in text
    assert "Ủy ban Mặt trận Tổ quốc họp ở Kon Tum." in text


def test_save_shortcut_writes_a_save_revision(qtbot, window, library):
    window.act_new.trigger()
    type_text(window.editor.body, "Chữ")
    window.act_save.trigger()
    assert not window.isWindowModified()
    assert library.revisions(window.editor.article_id)[-1].kind == "save"


def test_switching_articles_saves_first(qtbot, window, library):
    window.act_new.trigger()
    first = window.editor.article_id
    type_text(window.editor.body, "đang gõ dở")
    window.act_new.trigger()
    assert window.editor.article_id != first
    assert library.get(first).body == "đang gõ dở"


def test_close_saves_pending_typing(qtbot, window, library):
    window.act_new.trigger()
    article_id = window.editor.article_id
    type_text(window.editor.body, "trước khi tắt")
    window.close()
    assert library.get(article_id).body == "trước khi tắt"


def test_trash_and_restore(qtbot, window, library):
    welcome = window.editor.article_id
    window.library_panel.tree.setFocus()
    window.library_commands.act_trash.trigger()
    assert library.list() == []
    assert window.editor.article_id is None
    window.library_commands.act_show_trash.trigger()
    assert window.library_panel.is_trash()
    window.library_panel.tree.setCurrentIndex(window.library_panel.model.index(0, 0))
    window.library_commands.act_restore.trigger()
    assert [s.id for s in library.list()] == [welcome]
    assert window.editor.article_id == welcome
    assert not window.library_panel.is_trash()


def test_delete_key_in_the_editor_does_not_trash(qtbot, window, library):
    window.editor.body.setFocus()
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.Start)
    before = window.editor.body.toPlainText()
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Delete)
    assert window.editor.body.toPlainText() == before[1:]
    assert len(library.list()) == 1


def test_import_sample_asks_for_a_headline(qtbot, window, library, sample_path):
    imported = window.files.import_paths([sample_path])
    assert len(imported) == 1
    assert window.editor.article_id == imported[0].id
    assert window.editor.title.text() == ""
    assert window.editor.headline_hint.isVisible()
    assert window.editor.source.text() == "kontumtv.vn"
    assert window.editor.byline.text() == "Thanh Tùng – Công Luận"
    assert "Trả lời" not in window.editor.body.toPlainText()

    # Exporting without a headline asks for one and writes nothing.
    window.printing.export_dialog()
    assert "headline" in window.errors.last
    assert window.editor.title.hasFocus() or window.editor.headline_hint.isVisible()


def test_drop_a_file_imports_it(qtbot, window, library, tmp_path):
    src = tmp_path / "tin.txt"
    src.write_text("(baokontum.com.vn) – Mưa lớn kéo dài.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(src))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.editor.source.text() == "baokontum.com.vn"
    assert window.editor.body.toPlainText() == "Mưa lớn kéo dài."
    assert len(library.list()) == 2


def test_bad_files_leave_the_library_alone(qtbot, window, library, tmp_path):
    welcome = library.get(window.editor.article_id)
    bad = [tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "legacy.txt"]
    bad[0].write_bytes(b"")
    bad[1].write_bytes(b"\x00\x01\x02\xff" * 1000)
    bad[2].write_bytes("Quê hương tôi".encode("cp1258"))
    assert window.files.import_paths(bad) == []
    assert "empty" in window.errors.last
    assert "not text" in window.errors.last
    assert "not UTF-8" in window.errors.last
    assert [s.id for s in library.list()] == [welcome.id]
    assert window.editor.body.toPlainText() == welcome.body


def test_huge_paste_is_refused_without_losing_text(qtbot, window, library):
    window.act_new.trigger()
    type_text(window.editor.body, "bản thảo")
    window.session.save()
    mime = QMimeData()
    mime.setText("chữ " * 2_600_000)  # about 10 MB
    window.editor.body.insertFromMimeData(mime)
    assert "too long" in window.errors.last
    assert window.editor.body.toPlainText() == "bản thảo"
    assert library.get(window.editor.article_id).body == "bản thảo"


def test_paste_and_typing_become_nfc(qtbot, window):
    window.act_new.trigger()
    body = window.editor.body
    mime = QMimeData()
    mime.setText(unicodedata.normalize("NFD", "Chủ đề quy chế"))
    body.insertFromMimeData(mime)
    assert body.toPlainText() == "Chủ đề quy chế"
    # A base letter then a combining mark, as some keyboards send them.
    type_text(body, " e\u0302\u0301")
    assert body.toPlainText() == "Chủ đề quy chế ế"
    # An input method committing decomposed text.
    event = QInputMethodEvent("", [])
    event.setCommitString(unicodedata.normalize("NFD", " Ủy"))
    QApplication.sendEvent(body, event)
    assert body.toPlainText() == "Chủ đề quy chế ế Ủy"
    body.undo()
    assert body.toPlainText() == "Chủ đề quy chế ế"


def test_preview_keeps_up_with_a_long_document(qtbot, window):
    window.act_new.trigger()
    # 280,000 characters in paragraphs: one paragraph that long is refused (deskapp.limits)
    window.editor.body.setPlainText(("Đoạn văn dài. " * 100 + "\n\n") * 200)
    qtbot.waitUntil(lambda: window.preview.is_idle(), timeout=30000)
    type_text(window.editor.body, " CUỐI")
    qtbot.waitUntil(lambda: "CUỐI" in window.preview.last_html, timeout=30000)


def test_failed_save_keeps_the_text_and_retries(qtbot, window, library, monkeypatch):
    from deskapp.errors import LibraryError

    window.act_new.trigger()
    calls = []
    real_save = library.save

    def failing(article, **kw):
        calls.append(article.body)
        if len(calls) == 1:
            raise LibraryError("library_unwritable", path="x", reason="disk full")
        return real_save(article, **kw)

    monkeypatch.setattr(library, "save", failing)
    type_text(window.editor.body, "không được mất")
    assert window.session.save() is False
    assert "disk full" in window.errors.last
    assert window.editor.body.toPlainText() == "không được mất"
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=AUTOSAVE_DELAY_MS + 3000)
    assert library.get(window.editor.article_id).body == "không được mất"

