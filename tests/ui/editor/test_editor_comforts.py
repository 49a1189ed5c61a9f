"""Formatting, find and replace, smart punctuation, zoom, focus mode, status bar."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from deskapp.ui.editor.find_replace import find_spans
from deskapp.ui.editor.format_toolbar import insert_photo
from deskapp.ui.editor.smart_punctuation import smart_replacement
from qt_helpers import type_text


def new_body(window, text=""):
    window.act_new.trigger()
    body = window.editor.body
    body.setPlainText(text)
    body.setFocus()
    return body


def select(body, start, end):
    cursor = body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)


def test_shortcuts(window):
    shortcuts = {
        window.files.act_import: "Ctrl+Shift+I",
        window.format_actions.bold: "Ctrl+B",
        window.format_actions.italic: "Ctrl+I",
        window.format_actions.link: "Ctrl+K",
        window.view_actions.find: "Ctrl+F",
        window.view_actions.replace: "Ctrl+H",
        window.view_actions.go_library: "Ctrl+L",
        window.view_actions.go_editor: "Ctrl+J",
        window.view_actions.zoom_reset: "Ctrl+0",
    }
    for action, keys in shortcuts.items():
        assert QKeySequence(keys) in action.shortcuts(), action.text()
    focus = [s.toString() for s in window.view_actions.focus_mode.shortcuts()]
    assert focus == ["F11", "Ctrl+Shift+F"]
    everything = [s.toString() for a in window.findChildren(type(window.act_new))
                  for s in a.shortcuts()]
    clashes = {k for k in everything if everything.count(k) > 1}
    assert not clashes


def test_bold_italic_by_keyboard_and_one_undo(qtbot, window):
    body = new_body(window, "Kon Tum đẹp")
    select(body, 0, 7)
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "**Kon Tum** đẹp"
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "Kon Tum đẹp"
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "*Kon Tum* đẹp"
    body.undo()
    assert body.toPlainText() == "Kon Tum đẹp"


def test_line_commands_link_and_photo(qtbot, window):
    fa = window.format_actions
    body = new_body(window, "Tin một\nTin hai")
    select(body, 0, len(body.toPlainText()))
    fa.bullets.trigger()
    assert body.toPlainText() == "- Tin một\n- Tin hai"
    fa.bullets.trigger()
    assert body.toPlainText() == "Tin một\nTin hai"
    fa.quote.trigger()
    assert body.toPlainText().startswith("> Tin một\n> Tin hai")
    body.setPlainText("Tiêu đề")
    fa.heading.trigger()
    assert body.toPlainText() == "## Tiêu đề"
    body.setPlainText("báo")
    select(body, 0, 3)
    fa.link.trigger()
    assert body.toPlainText() == "[báo](https://)"
    assert body.textCursor().selectedText() == "https://"
    body.setPlainText("Đoạn đầu.")
    # The placeholder command; the window's Photo action asks for a file instead
    # (tests/ui/test_photo_insert.py).
    insert_photo(body)
    assert body.toPlainText() == "Đoạn đầu.\n\n![chú thích](ảnh.jpg)"
    assert body.textCursor().selectedText() == "chú thích"
    type_text(body, "Hội nghị")
    assert body.toPlainText().endswith("![Hội nghị](ảnh.jpg)")


def test_find_spans_with_and_without_diacritics():
    text = "Quy chế dân chủ. QUY CHẾ mới; quy che cũ; Đồng, đồng và dong."
    assert find_spans(text, "quy chế") == [(0, 7), (17, 24)]
    assert find_spans(text, "quy chế", match_case=True) == []
    assert find_spans(text, "Quy chế", match_case=True) == [(0, 7)]
    folded = find_spans(text, "quy che", ignore_diacritics=True)
    assert [text[a:b] for a, b in folded] == ["Quy chế", "QUY CHẾ", "quy che"]
    assert [text[a:b] for a, b in find_spans(text, "dong", ignore_diacritics=True)] == [
        "Đồng", "đồng", "dong"]
    assert [text[a:b] for a, b in find_spans(text, "đồng", ignore_diacritics=True)] == [
        "Đồng", "đồng", "dong"]
    # A letter that folds to two keeps the positions around it right.
    assert find_spans("Straße Ấp", "ap", ignore_diacritics=True) == [(7, 9)]
    # Every NFC Vietnamese letter folds to exactly one character.
    letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    from deskapp.text import fold
    for ch in letters + letters.upper():
        assert len(fold(ch)) == 1, ch


def test_find_and_replace_in_the_window(qtbot, window):
    body = new_body(window, "Quy chế dân chủ ở cơ sở. Thực hiện quy che dân chủ.")
    qtbot.keyClick(body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.editor.find_bar
    assert bar.isVisible() and bar.find_field.hasFocus()
    assert not bar.replace_field.isVisible()
    qtbot.keyClicks(bar.find_field, "quy che")
    assert len(bar.spans) == 2  # diacritics ignored by default
    bar.ignore_diacritics.setChecked(False)
    assert len(bar.spans) == 1
    type_text(bar.find_field, "")
    bar.find_field.setText("quy chế")
    assert len(bar.spans) == 1
    bar.ignore_diacritics.setChecked(True)
    assert bar.find_next()
    assert body.textCursor().selectedText() == "Quy chế"
    qtbot.keyClick(body, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_field.isVisible()
    bar.replace_field.setText("Quy định")
    assert bar.replace_all() == 2
    assert body.toPlainText() == "Quy định dân chủ ở cơ sở. Thực hiện Quy định dân chủ."
    body.undo()  # one undo for the whole replacement
    assert body.toPlainText() == "Quy chế dân chủ ở cơ sở. Thực hiện quy che dân chủ."
    bar.replace_field.setText("nội quy")
    bar.find_field.setText("dân chủ")
    select(body, 0, 0)
    bar.replace_current()  # selects the first match
    bar.replace_current()  # replaces it
    assert body.toPlainText().startswith("Quy chế nội quy ở cơ sở.")
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert body.hasFocus()


def test_smart_quotes_and_dashes_undo_to_straight(qtbot, window):
    body = new_body(window)
    qtbot.keyClicks(body, 'Anh noi "xin chao" -- roi di')
    assert body.toPlainText() == "Anh noi “xin chao” – roi di"
    body.setPlainText("")
    qtbot.keyClicks(body, '"')
    assert body.toPlainText() == "“"
    body.undo()
    assert body.toPlainText() == '"'
    body.setPlainText("a")
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, "--")
    assert body.toPlainText() == "a–"
    body.undo()
    assert body.toPlainText() == "a--"
    body.setPlainText("")
    qtbot.keyClicks(body, "it's")
    assert body.toPlainText() == "it’s"


def test_smart_punctuation_leaves_markdown_and_code_alone():
    assert smart_replacement("---", "-") is None
    assert smart_replacement("--", "-") is None
    assert smart_replacement("`a \"", '"') is None
    assert smart_replacement("    x = '", "'") is None
    assert smart_replacement("(\"", '"') == (1, "“")


def test_smart_punctuation_stays_out_of_input_methods(qtbot, window):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    body = new_body(window)
    QApplication.sendEvent(body, QInputMethodEvent("ch", []))
    qtbot.keyClicks(body, '"')
    commit = QInputMethodEvent("", [])
    commit.setCommitString("chữ")
    QApplication.sendEvent(body, commit)
    assert "“" not in body.toPlainText()
    # Unikey-style rewrites (Backspace + new letters) go through untouched.
    body.setPlainText("")
    type_text(body, "\"Chủ đề\"")
    assert body.toPlainText() == "“Chủ đề”"


def test_focus_mode(qtbot, window):
    view = window.view_actions
    qtbot.keyClick(window.editor.body, Qt.Key.Key_F11)
    assert window.library_panel.isHidden() and window.preview.isHidden()
    assert view.focus_mode.isChecked()
    view.focus_mode.trigger()
    assert window.library_panel.isVisible() and window.preview.isVisible()


def test_zoom(qtbot, window):
    body = window.editor.body
    size = body.font().pointSizeF()
    window.view_actions.zoom_in.trigger()
    window.view_actions.zoom_in.trigger()
    assert body.font().pointSizeF() == size + 2
    window.view_actions.zoom_out.trigger()
    assert body.font().pointSizeF() == size + 1
    qtbot.keyClick(body, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert body.font().pointSizeF() == size


def test_keyboard_focus_moves(qtbot, window):
    qtbot.keyClick(window.editor.body, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.library_panel.tree.hasFocus()
    qtbot.keyClick(window.library_panel.tree, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.body.hasFocus()


def test_word_count_and_save_state(qtbot, window):
    body = new_body(window)
    type_text(body, "Ba từ đây")
    assert window.status_info.saved.text() == "Not saved"
    qtbot.waitUntil(lambda: window.status_info.words.text() == "3 words", timeout=2000)
    window.act_save.trigger()
    assert window.status_info.saved.text() == "Saved"


def formats(block):
    """(start, length, bold, italic, underline) of each coloured range in ``block``."""
    found = []
    for rng in block.layout().formats():
        fmt = rng.format
        found.append((rng.start, rng.length, fmt.fontWeight() > 400, fmt.fontItalic(),
                      fmt.fontUnderline()))
    return found


def test_markdown_highlighting(window):
    body = new_body(window, "# Tít\n**đậm** và *nghiêng* `mã` [báo](https://x)\n> trích\n- mục")
    blocks = [formats(body.document().findBlockByNumber(i)) for i in range(4)]
    assert blocks[0][0][2]  # heading in bold
    inline = {start: rest for start, *rest in blocks[1]}
    assert inline[0][1]  # **đậm**
    assert any(italic for _l, _b, italic, _u in inline.values())
    assert any(underline for *_x, underline in inline.values())
    assert blocks[2][0][3]  # quote in italics
    assert blocks[3][0][1] == 2  # the list marker "- "
