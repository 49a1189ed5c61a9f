"""Built-in Telex/VNI typing in the real editor, and living beside OS input methods."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from qt_helpers import type_text


def backspace(widget, times=1):
    for _ in range(times):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)
            )


def test_telex_in_body_and_headline(qtbot, window, library):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    qtbot.keyClicks(window.editor.body, "Vieejt Nam ddepj, truongwf hocj.")
    assert window.editor.body.toPlainText() == "Việt Nam đẹp, trường học."
    qtbot.keyClicks(window.editor.title, "Hooij nghij toongr keets")
    assert window.editor.title.text() == "Hội nghị tổng kết"
    assert window.typing_controls.badge.text().strip() == "Telex (Unikey)"
    assert library.get_setting("typing_method") == "telex"


def test_one_undo_takes_back_one_transformation(qtbot, window):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    qtbot.keyClicks(window.editor.body, "as")
    assert window.editor.body.toPlainText() == "á"
    window.editor.body.undo()
    assert window.editor.body.toPlainText() == "a"


def test_vni_and_tone_style(qtbot, window, library):
    library.set_setting("tone_style", "new")
    window.editor.set_typing("vni", "new")
    window.act_new.trigger()
    qtbot.keyClicks(window.editor.body, "hoa2 thuy3 qua3")
    assert window.editor.body.toPlainText() == "hoà thuỷ quả"


def test_alt_z_toggles_and_off_means_literal(qtbot, window):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    window.typing_controls.toggle.trigger()
    assert window.editor.typing.method is None
    qtbot.keyClicks(window.editor.body, "Vieejt")
    assert window.editor.body.toPlainText() == "Vieejt"
    window.typing_controls.toggle.trigger()
    assert window.editor.typing.method == "telex"
    assert window.typing_controls.toggle.shortcut().toString() == "Alt+Z"


def test_backspace_inside_a_word_then_keep_typing(qtbot, window):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    qtbot.keyClicks(window.editor.body, "vieet")
    backspace(window.editor.body)
    qtbot.keyClicks(window.editor.body, "tj")
    assert window.editor.body.toPlainText() == "việt"


def test_os_input_method_rewrites_are_not_fought(qtbot, window):
    """Unikey/EVKey rewrite a word by sending Backspaces and the new characters."""
    window.act_new.trigger()
    body = window.editor.body
    for method in (None, "telex"):
        body.clear()
        window.typing_controls.set_method(method)
        # What Unikey sends for "Chur ddeef": the letters, then rewrites of each word.
        type_text(body, "Chu")
        backspace(body, 1)
        type_text(body, "ủ ")
        type_text(body, "de")
        backspace(body, 2)
        type_text(body, "đe")
        backspace(body, 1)
        type_text(body, "ề")
        assert body.toPlainText() == "Chủ đề", method


def test_engine_stands_aside_while_an_input_method_composes(qtbot, window):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    body = window.editor.body
    body.setFocus()
    QApplication.sendEvent(body, QInputMethodEvent("vie", []))
    assert body.composing
    qtbot.keyClicks(body, "s")  # would be a tone key, but the OS is composing
    commit = QInputMethodEvent("", [])
    commit.setCommitString("viế")
    QApplication.sendEvent(body, commit)
    assert not body.composing
    assert "viế" in body.toPlainText()


def test_diagnostics_panel_shows_the_input_method_facts(qtbot, window):
    window.typing_controls.set_method("vni")
    dialog = window.text_commands.show_diagnostics()
    facts = dict(dialog.facts(window.editor.typing))
    assert facts["Window system"] == "offscreen"
    assert facts["Built-in typing"] == "VNI"
    qtbot.keyClicks(dialog.test_field, "Tie6ng1 Vie65t")
    assert dialog.test_field.text() == "Tiếng Việt"
    dialog.close()


def test_tone_style_setting_and_conversion(qtbot, window, library):
    window.act_new.trigger()
    window.editor.title.setText("Hòa bình cho xứ Quảng")
    window.editor.body.setPlainText("Sức khỏe của thủy thủ, quả là quý.")
    window.typing_controls.style_actions["new"].trigger()
    assert library.get_setting("tone_style") == "new"
    assert window.text_commands.apply_tone_style() == 2
    assert window.editor.title.text() == "Hoà bình cho xứ Quảng"
    assert window.editor.body.toPlainText() == "Sức khoẻ của thuỷ thủ, quả là quý."
    window.editor.body.undo()
    assert window.editor.body.toPlainText() == "Sức khỏe của thủy thủ, quả là quý."
    window.typing_controls.set_method("telex")
    window.editor.body.setPlainText("")
    qtbot.keyClicks(window.editor.body, "hoaf")
    assert window.editor.body.toPlainText() == "hoà"


def test_toolbar_button_toggles_typing(qtbot, window):
    button = window.toolbar.widgetForAction(window.typing_controls.toggle)
    window.typing_controls.set_method(None)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.editor.typing.method == "telex"
    assert "Telex (Unikey)" in window.typing_controls.toggle.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.editor.typing.method is None


def _typing_menu(window):
    return next(a.menu() for a in window.menuBar().actions()
                if a.menu() is not None and "Typing" in a.text().replace("&", ""))


def test_typing_menu_offers_unikey_telex_and_classic_telex(qtbot, window, library):
    window.act_new.trigger()
    menu = _typing_menu(window)
    texts = [a.text() for a in menu.actions()]
    assert "Telex as Unikey types it (w → ư)" in texts
    assert "Telex classic (w stays w)" in texts
    classic = next(a for a in menu.actions() if a.text() == "Telex classic (w stays w)")
    classic.trigger()
    assert classic.isChecked()
    assert window.editor.typing.method == "telex-classic"
    assert library.get_setting("typing_method") == "telex-classic"
    assert window.typing_controls.toggle.text() == "Vietnamese typing: Telex classic"
    assert window.typing_controls.badge.text().strip() == "Telex classic"
    qtbot.keyClicks(window.editor.body, "thw www ")
    assert window.editor.body.toPlainText() == "thw www "
    unikey = next(a for a in menu.actions() if a.text() == "Telex as Unikey types it (w → ư)")
    unikey.trigger()
    assert window.typing_controls.toggle.text() == "Vietnamese typing: Telex (Unikey)"
    qtbot.keyClicks(window.editor.body, "thw ngwowif truwfowng ww")
    assert window.editor.body.toPlainText() == "thw www thư người trường w"
