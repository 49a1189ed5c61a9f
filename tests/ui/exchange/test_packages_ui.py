"""Packages between reporters and the desk, conflicts, rich paste, batch import, exports."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import QMimeData

from deskapp.exchange.package import read_package
from deskapp.render.html import article_html
from deskapp.ui.library.library_model import CONFLICT_MARK
from deskapp.ui.shell.main_window import MainWindow
from deskapp.workspace import open_library


def _article(window, title: str, body: str) -> str:
    window.session.new()
    window.editor.title.setText(title)
    window.editor.body.setPlainText(body)
    assert window.session.save()
    return window.editor.article_id


def _second_window(qtbot, tmp_path):
    library = open_library(tmp_path / "desk" / "library.sqlite")
    other = MainWindow(library, user="Biên tập", render_html=article_html)
    qtbot.addWidget(other)
    other.show()
    return other


def _close(window) -> None:
    window.close()
    window.runner.wait()
    window.preview.shutdown()
    window.session.library.close()


def test_send_to_desk_writes_a_package_read_package_accepts(window, tmp_path):
    article_id = _article(window, "Gửi toà soạn", "Bài viết ở hiện trường.")
    window.editor.body.setPlainText("Bài viết ở hiện trường, có sửa.")  # pending typing
    written = window.hand_off.send_package_to(tmp_path / "gui.deskpkg")
    package = read_package(written)
    assert package.article_id == article_id
    assert package.article().body == "Bài viết ở hiện trường, có sửa."


def test_open_package_in_another_library_creates_the_article(qtbot, window, tmp_path):
    _article(window, "Bài mới", "Nội dung.")
    package = window.hand_off.send_package_to(tmp_path / "p.deskpkg")
    other = _second_window(qtbot, tmp_path)
    try:
        result = other.hand_off.open_package(package)
        assert result is not None and result.outcome == "created"
        assert other.editor.title.text() == "Bài mới"
        assert "new here" in other.statusBar().currentMessage()
        again = other.hand_off.open_package(package)
        assert again is not None and again.outcome == "nothing_new"
    finally:
        _close(other)


def test_diverged_edits_show_the_conflict_and_take_theirs(qtbot, window, tmp_path):
    article_id = _article(window, "Bài hai bên", "Bản đầu.")
    first = window.hand_off.send_package_to(tmp_path / "1.deskpkg")
    other = _second_window(qtbot, tmp_path)
    try:
        assert other.hand_off.open_package(first).outcome == "created"
        other.editor.body.setPlainText("Bản của toà soạn.")
        assert other.session.save()
        window.editor.body.setPlainText("Bản của phóng viên.")
        assert window.session.save()
        second = window.hand_off.send_package_to(tmp_path / "2.deskpkg")
        result = other.hand_off.open_package(second)
        assert result.outcome == "diverged"
        assert article_id in other.hand_off.conflict_ids()
        assert other.library_panel.model.index(0, 0).data().startswith(CONFLICT_MARK)
        dialog = other.hand_off.conflict_dialog
        qtbot.waitUntil(lambda: "phóng viên" in dialog.theirs.toPlainText(), timeout=5000)
        assert "Comparing" not in dialog.mine.toPlainText()
        assert "toà soạn" in dialog.mine.toPlainText()
        dialog.take_theirs()
        assert other.editor.body.toPlainText() == "Bản của phóng viên."
        assert article_id not in other.hand_off.conflict_ids()
    finally:
        _close(other)


def test_merge_by_hand_stores_the_edited_text(qtbot, window, tmp_path):
    _article(window, "Bài gộp", "Gốc.")
    first = window.hand_off.send_package_to(tmp_path / "1.deskpkg")
    other = _second_window(qtbot, tmp_path)
    try:
        other.hand_off.open_package(first)
        other.editor.body.setPlainText("Sửa ở toà soạn.")
        other.session.save()
        window.editor.body.setPlainText("Sửa ở hiện trường.")
        window.session.save()
        other.hand_off.open_package(window.hand_off.send_package_to(tmp_path / "2.deskpkg"))
        dialog = other.hand_off.conflict_dialog
        dialog.merge_by_hand()
        assert dialog.merge_editor.toPlainText() == "Sửa ở hiện trường."
        dialog.merge_editor.setPlainText("Sửa ở hiện trường và toà soạn.")
        dialog.save_merge()
        assert other.editor.body.toPlainText() == "Sửa ở hiện trường và toà soạn."
    finally:
        _close(other)


def test_rich_paste_becomes_markdown_in_one_undo_step(window):
    _article(window, "Dán", "")
    body = window.editor.body
    mime = QMimeData()
    mime.setHtml("<p><b>Đậm</b> và <i>nghiêng</i></p>")
    mime.setText("Đậm và nghiêng")
    body.insertFromMimeData(mime)
    assert body.toPlainText() == "**Đậm** và *nghiêng*"
    body.undo()
    assert body.toPlainText() == ""


def test_paste_as_plain_text_ignores_the_formatting(window, monkeypatch):
    _article(window, "Dán thường", "")
    mime = QMimeData()
    mime.setHtml("<p><b>Đậm</b> và <i>nghiêng</i></p>")
    mime.setText("Đậm và nghiêng")
    body = window.editor.body
    # The system clipboard would take ownership of the QMimeData that Python also owns
    # (a double free at exit); paste what the clipboard would hand over instead.
    monkeypatch.setattr(body, "paste", lambda: body.insertFromMimeData(mime))
    body.setFocus()
    body.paste_plain()
    assert body.toPlainText() == "Đậm và nghiêng"


def test_import_many_lists_the_bad_file(qtbot, window, tmp_path):
    good = []
    for n in range(3):
        path = tmp_path / f"bai-{n}.md"
        path.write_text(f"---\ntitle: Bài số {n}\n---\n\nNội dung {n}.\n", encoding="utf-8")
        good.append(path)
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a word file at all")
    with qtbot.waitSignal(window.files.batchImported, timeout=20000) as finished:
        dialog = window.files.import_many_paths([good[0], bad, *good[1:]])
    assert finished.args == [3, 1]
    assert dialog is not None and window.files.batch_progress == (4, 4)
    assert "hong.docx" in window.errors.last
    titles = {window.session.library.get(i).title for i in window.library_panel.ids()}
    assert {"Bài số 0", "Bài số 1", "Bài số 2"} <= titles


def test_export_as_word_and_markdown(window, tmp_path):
    _article(window, "Xuất ra ngoài", "Đoạn **đậm**.")
    assert window.files.export_markdown_to(tmp_path / "bai.md")
    text = (tmp_path / "bai.md").read_text(encoding="utf-8")
    assert "title: Xuất ra ngoài" in text and "Đoạn **đậm**." in text
    assert window.files.export_word_to(tmp_path / "bai.docx")
    assert "word/document.xml" in zipfile.ZipFile(tmp_path / "bai.docx").namelist()
