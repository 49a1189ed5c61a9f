"""Words that are not Vietnamese come back as typed when they end, in every field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

BOTH = ["Samsung", "Paris", "Washington", "Messi", "coffee", "office", "boss", "download"]
UNIKEY_ONLY = ["Windows", "web", "wifi", "Twitter", "Huawei", "Google", "password",
               "software", "Excel", "Word"]


def press(widget, key: Qt.Key, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                 text))


@pytest.mark.parametrize("method", ["telex", "telex-classic"])
def test_foreign_words_come_out_as_typed_in_the_body(qtbot, window, method):
    window.act_new.trigger()
    window.typing_controls.set_method(method)
    body = window.editor.body
    words = BOTH + UNIKEY_ONLY
    qtbot.keyClicks(body, " ".join(words) + ".")
    assert body.toPlainText() == " ".join(words) + "."


def test_vietnamese_still_converts_and_enter_ends_a_word(qtbot, window):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    body = window.editor.body
    qtbot.keyClicks(body, "thw truwfowng dduwowcj Vieetj Nam, Samsung")
    press(body, Qt.Key.Key_Return, "\r")
    qtbot.keyClicks(body, "coffee")
    assert body.toPlainText() == "thư trường được Việt Nam, Samsung\ncofee"  # not ended yet
    press(body, Qt.Key.Key_Tab, "\t")
    assert body.toPlainText() == "thư trường được Việt Nam, Samsung\ncoffee\t"


def test_the_restore_is_one_undo_step(qtbot, window):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    body = window.editor.body
    qtbot.keyClicks(body, "Samsung")
    assert body.toPlainText() == "Sámung"
    qtbot.keyClicks(body, " ")
    assert body.toPlainText() == "Samsung "
    body.undo()
    assert body.toPlainText() == "Sámung"  # what the keys made, whole (with the space)


def test_backspace_is_not_a_word_end(qtbot, window):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    body = window.editor.body
    qtbot.keyClicks(body, "boss")
    press(body, Qt.Key.Key_Backspace, "\b")
    assert body.toPlainText() == "bo"


def test_headline_and_dialog_fields_restore_too(qtbot, window):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    qtbot.keyClicks(window.editor.title, "Samsung ra mawts Galaxy taij Paris")
    assert window.editor.title.text() == "Samsung ra mắt Galaxy tại Pái"  # still typing
    qtbot.keyClicks(window.editor.title, " ")
    assert window.editor.title.text() == "Samsung ra mắt Galaxy tại Paris "
    window.editor.title.undo()
    assert window.editor.title.text() == "Samsung ra mắt Galaxy tại Pái"
    dialog = window.text_commands.show_diagnostics()
    qtbot.keyClicks(dialog.test_field, "Windows, Messi.")
    assert dialog.test_field.text() == "Windows, Messi."
    dialog.close()


def test_the_typing_menu_turns_the_restore_off_and_keeps_it(qtbot, window, library):
    window.act_new.trigger()
    window.typing_controls.set_method("telex")
    controls = window.typing_controls
    menu = next(a.menu() for a in window.menuBar().actions()
                if a.menu() is not None and "Typing" in a.text().replace("&", ""))
    assert controls.restore_action in menu.actions()
    assert controls.restore_action.isChecked()
    controls.restore_action.trigger()
    assert not window.editor.typing.restore
    assert library.get_setting("typing_restore") == "off"
    qtbot.keyClicks(window.editor.body, "boss ")
    assert window.editor.body.toPlainText() == "bos "
    controls.restore_action.trigger()
    assert library.get_setting("typing_restore") == "on"
    qtbot.keyClicks(window.editor.body, "boss ")
    assert window.editor.body.toPlainText() == "bos boss "


def test_the_restore_setting_is_read_at_start(qtbot, window, library):
    library.set_setting("typing_restore", "off")
    window.preferences.keep_typing_choices(window.typing_controls)
    assert not window.typing_controls.restore_action.isChecked()
    assert not window.editor.typing.restore
