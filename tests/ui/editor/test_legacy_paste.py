from PySide6.QtCore import QMimeData

from deskapp.text.legacy import encode_legacy

TEXT = (
    "Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh vừa tổ chức hội nghị "
    "tổng kết công tác năm 2013, đề ra phương hướng nhiệm vụ năm 2014. Các cấp ủy đảng đã "
    "thực sự quan tâm lãnh đạo, chỉ đạo triển khai thực hiện ở khu dân cư, xã, phường."
)


def paste(edit, text):
    mime = QMimeData()
    mime.setText(text)
    edit.insertFromMimeData(mime)


def test_vni_mojibake_paste_is_offered_converted_and_one_undo_restores(qtbot, window):
    window.act_new.trigger()
    body = window.editor.body
    paste(body, "Mở đầu. ")
    mojibake = encode_legacy(TEXT, "vni").decode("cp1252", errors="replace")
    paste(body, mojibake)
    bar = window.editor.legacy_bar
    assert bar.isVisible()
    assert "VNI" in bar.message.text()
    assert body.toPlainText() == "Mở đầu. " + mojibake  # nothing changed yet

    bar.convert_button.click()
    assert body.toPlainText() == "Mở đầu. " + TEXT
    assert not bar.isVisible()
    body.undo()
    assert body.toPlainText() == "Mở đầu. " + mojibake


def test_tcvn3_paste_can_be_kept(qtbot, window):
    window.act_new.trigger()
    body = window.editor.body
    mojibake = encode_legacy(TEXT, "tcvn3").decode("latin-1")
    paste(body, mojibake)
    assert window.editor.legacy_bar.isVisible()
    assert "TCVN3" in window.editor.legacy_bar.message.text()
    window.editor.legacy_bar.keep_button.click()
    assert body.toPlainText() == mojibake


def test_unicode_and_english_pastes_are_left_alone(qtbot, window):
    window.act_new.trigger()
    for text in (TEXT, "The committee met on Monday to review the year."):
        paste(window.editor.body, text)
        assert not window.editor.legacy_bar.isVisible()


def test_edited_range_is_not_converted_blindly(qtbot, window):
    window.act_new.trigger()
    body = window.editor.body
    mojibake = encode_legacy(TEXT, "vni").decode("cp1252", errors="replace")
    paste(body, mojibake)
    body.selectAll()
    body.textCursor().removeSelectedText()
    body.setPlainText("khác hẳn")
    window.editor.legacy_bar.convert_button.click()
    assert body.toPlainText() == "khác hẳn"


def test_legacy_file_import_asks_first(qtbot, window, library, tmp_path, monkeypatch):
    src = tmp_path / "cu.txt"
    src.write_bytes(encode_legacy(TEXT, "tcvn3"))
    asked = []

    def decline(name, found):
        asked.append((name, found.encoding, found.changes[:2]))
        return False

    monkeypatch.setattr(window.files, "confirm_conversion", decline)
    assert window.files.import_paths([src]) == []
    assert asked and asked[0][:2] == ("cu.txt", "tcvn3")
    assert "chose not to convert" in window.errors.last
    assert len(library.list()) == 1

    monkeypatch.setattr(window.files, "confirm_conversion", lambda name, found: True)
    imported = window.files.import_paths([src])
    assert len(imported) == 1
    assert imported[0].body.startswith("Ban chỉ đạo xây dựng")
    assert "TCVN3" in window.statusBar().currentMessage()


def _paste_keys(widget):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_V,
                                                 Qt.KeyboardModifier.ControlModifier))


def test_a_legacy_headline_pasted_into_the_headline_is_offered_and_converted(qtbot, window):
    from PySide6.QtWidgets import QApplication

    window.act_new.trigger()
    title = window.editor.title
    bar = window.editor.title_legacy_bar
    for pasted in ("HO^.I NGHI. TO^?NG KE^'T",
                   encode_legacy("HỘI NGHỊ TỔNG KẾT", "vni").decode("cp1252", errors="replace"),
                   encode_legacy("HỘI NGHỊ TỔNG KẾT", "tcvn3").decode("latin-1")):
        title.clear()
        QApplication.clipboard().setText(pasted)
        _paste_keys(title)
        assert title.text() == pasted
        assert bar.isVisible()
        assert "HỘI" in bar.message.text()
        bar.convert_button.click()
        assert title.text() == "HỘI NGHỊ TỔNG KẾT"
        assert not bar.isVisible()
    title.undo()
    assert title.text() == encode_legacy("HỘI NGHỊ TỔNG KẾT", "tcvn3").decode("latin-1")


def test_english_capitals_pasted_into_the_headline_raise_no_alarm(qtbot, window):
    from PySide6.QtWidgets import QApplication

    window.act_new.trigger()
    for pasted in ("THE NEW YORK TIMES", "WHAT'S UP? I'M OK.", "U.S. AND U.K."):
        window.editor.title.clear()
        QApplication.clipboard().setText(pasted)
        _paste_keys(window.editor.title)
        assert window.editor.title.text() == pasted
        assert not window.editor.title_legacy_bar.isVisible()


def test_a_short_viqr_headline_pasted_into_the_body_is_offered(qtbot, window):
    window.act_new.trigger()
    paste(window.editor.body, "KON TUM: HO^.I NGHI. TO^?NG KE^'T NA(M 2026")
    bar = window.editor.legacy_bar
    assert bar.isVisible() and "VIQR" in bar.message.text()
    bar.convert_button.click()
    assert window.editor.body.toPlainText() == "KON TUM: HỘI NGHỊ TỔNG KẾT NĂM 2026"
