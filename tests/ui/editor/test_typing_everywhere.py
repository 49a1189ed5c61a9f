"""Built-in Telex/VNI in every field a dialog, the search box or the find bar offers.

Each field is driven as a person would: ASCII Telex keys with the window's
typing on and off, and an OS input method's preedit and commit, which the
built-in engine must leave alone.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QWidget

from deskapp.desk import Action
from deskapp.model import Article
from deskapp.ui.editor.text_dialog import TextDialog
from deskapp.ui.editor.text_edit import NfcLineEdit, NfcPlainTextEdit
from deskapp.ui.shell.profile import FirstRun, Profile, ProfileDialog


def text_of(field) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def input_method(field, preedit: str = "", commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(field, event)


def typing_facts(qtbot, field, typing) -> dict[str, str]:
    """What the field holds after each way of typing (the field is left empty)."""
    facts = {}
    typing.method = "telex"
    field.clear()
    qtbot.keyClicks(field, "Vieetj Nam")
    facts["telex"] = text_of(field)
    field.clear()
    qtbot.keyClicks(field, "Samsung coffee.")  # not Vietnamese: the keys come back
    facts["restore"] = text_of(field)
    typing.method = None
    field.clear()
    qtbot.keyClicks(field, "Vieetj Nam")
    facts["off"] = text_of(field)
    typing.method = "telex"
    field.clear()
    input_method(field, commit="as")  # what an OS input method commits is kept as it is
    facts["commit"] = text_of(field)
    field.clear()
    qtbot.keyClicks(field, "a")
    input_method(field, preedit="x")  # the OS is composing: a tone key is not the engine's
    qtbot.keyClicks(field, "s")
    input_method(field)
    facts["while composing"] = text_of(field)
    field.clear()
    return facts


def assert_typed_everywhere(facts: dict[str, str], where: str) -> None:
    assert facts["telex"] == "Việt Nam", where
    assert facts["restore"] == "Samsung coffee.", where
    assert facts["off"] == "Vieetj Nam", where
    assert facts["commit"] == "as", where
    assert "á" not in facts["while composing"], where


def drive_modal(qtbot, fill) -> list:
    """Run ``fill(dialog)`` on the next modal dialog, then accept it; returns what fill said."""
    seen: list = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        try:
            seen.append(fill(dialog))
        finally:
            dialog.accept()

    QTimer.singleShot(0, run)
    return seen


def new_article(window, library, **fields) -> str:
    article = library.create(Article(**fields), author="Tester")
    window.library_commands.refresh()
    window.session.open(article.id)
    return article.id


def test_comment_dialog_types_vietnamese(qtbot, window, library):
    new_article(window, library, title="Hội nghị", body="Đoạn cần ghi chú.")
    typing = window.editor.typing
    assert window.editor.select_range("body", 0, 4)

    def fill(dialog):
        assert isinstance(dialog, TextDialog)
        facts = typing_facts(qtbot, dialog.field, typing)
        typing.method = "telex"
        qtbot.keyClicks(dialog.field, "Ghi rox ngayf hopj")
        return facts

    seen = drive_modal(qtbot, fill)
    comments = window.review.comments
    with qtbot.waitSignal(comments.refreshed, timeout=5000):
        comment = comments.add_from_selection()
    assert_typed_everywhere(seen[0], "comment")
    assert comment is not None and comment.body == "Ghi rõ ngày họp"


def test_return_reason_dialog_types_vietnamese(qtbot, window, library):
    library.set_setting("role", "editor")
    window.preferences.set_profile(Profile("Trần Thị B", "editor"))
    article_id = new_article(window, library, title="Bài nộp", lead="Sapo.", byline="A",
                             body="Nội dung.")
    from deskapp.desk import transition

    transition(library, article_id, Action.SUBMIT, user="A", role="reporter")
    transition(library, article_id, Action.TAKE, user="B", role="editor")
    window.session.reload()
    window.desk.update()
    typing = window.editor.typing

    def fill(dialog):
        facts = typing_facts(qtbot, dialog.field, typing)
        typing.method = "telex"
        qtbot.keyClicks(dialog.field, "Thieeus ngayf hopj")
        return facts

    seen = drive_modal(qtbot, fill)
    window.desk.actions[Action.RETURN].trigger()
    assert_typed_everywhere(seen[0], "return reason")
    from deskapp.desk import last_event

    event = last_event(library, article_id, ("return",))
    assert event is not None and event.reason == "Thiếu ngày họp"


def test_photo_caption_and_credit(qtbot, window, library, tmp_path, monkeypatch):
    from PIL import Image
    from PySide6.QtWidgets import QFileDialog

    new_article(window, library, title="Ảnh", body="Đoạn.")
    photo = tmp_path / "anh.png"
    Image.new("RGB", (40, 30), (10, 20, 30)).save(photo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    typing = window.editor.typing
    seen = []

    def fill(dialog):
        for field in (dialog.caption, dialog.credit):
            seen.append(typing_facts(qtbot, field, typing))
        typing.method = "telex"
        qtbot.keyClicks(dialog.caption, "Toanf canhr")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(window.printing, "ask_photo_details", fill)
    window.format_actions.photo.trigger()
    assert len(seen) == 2
    for facts in seen:
        assert_typed_everywhere(facts, "photo")
    assert "Toàn cảnh" in window.editor.body.toPlainText()


def test_settings_profile_name(qtbot, window):
    dialog = window.preferences.show_settings()
    try:
        assert_typed_everywhere(typing_facts(qtbot, dialog.profile_fields.name,
                                             window.editor.typing), "settings name")
    finally:
        dialog.reject()


def test_welcome_dialog_offers_its_own_typing(qtbot):
    dialog = ProfileDialog(Profile("", "reporter"))
    qtbot.addWidget(dialog)
    name = dialog.fields.name
    qtbot.keyClicks(name, "Nguyeenx")
    assert name.text() == "Nguyeenx"  # off until chosen
    name.clear()
    dialog.typing_choice.setCurrentIndex(dialog.typing_choice.findData("telex"))
    qtbot.keyClicks(name, "Nguyeenx Vawn A")
    assert name.text() == "Nguyễn Văn A"
    assert_typed_everywhere(typing_facts(qtbot, name, dialog.typing), "welcome name")
    qtbot.keyClicks(name, "Nguyeenx Vawn A")
    answer = dialog.answer()
    assert isinstance(answer, FirstRun)
    assert (answer.name, answer.typing) == ("Nguyễn Văn A", "telex")


def test_find_bar_and_library_search(qtbot, window):
    bar = window.editor.find_bar
    for field in (bar.find_field, bar.replace_field):
        assert_typed_everywhere(typing_facts(qtbot, field, window.editor.typing), "find bar")
    panel = window.library_panel
    with qtbot.waitSignal(panel.queryChanged, timeout=5000):  # the search runs after a pause
        facts = typing_facts(qtbot, panel.filter, window.editor.typing)
    assert_typed_everywhere(facts, "library search")


def test_merge_editor_of_a_conflict(qtbot, window, tmp_path):
    from deskapp.render.html import article_html
    from deskapp.ui.shell.main_window import MainWindow
    from deskapp.workspace import open_library

    window.session.new()
    window.editor.title.setText("Bài gộp")
    window.editor.body.setPlainText("Gốc.")
    assert window.session.save()
    first = window.hand_off.send_package_to(tmp_path / "1.deskpkg")
    other = MainWindow(open_library(tmp_path / "desk.sqlite"), user="Biên tập",
                       render_html=article_html)
    qtbot.addWidget(other)
    other.show()
    try:
        other.hand_off.open_package(first)
        other.editor.body.setPlainText("Sửa ở tòa soạn.")
        other.session.save()
        window.editor.body.setPlainText("Sửa ở hiện trường.")
        window.session.save()
        other.hand_off.open_package(window.hand_off.send_package_to(tmp_path / "2.deskpkg"))
        dialog = other.hand_off.conflict_dialog
        dialog.merge_by_hand()
        editor = dialog.merge_editor
        assert_typed_everywhere(typing_facts(qtbot, editor, other.editor.typing), "merge")
        dialog.reject()
    finally:
        other.close()
        other.runner.wait()
        other.preview.shutdown()
        other.session.library.close()


def test_batch_export_path(qtbot, window):
    dialog = window.printing.batch_export_dialog()
    try:
        assert_typed_everywhere(typing_facts(qtbot, dialog.output, window.editor.typing),
                                "batch output")
    finally:
        dialog.reject()


def test_server_address_and_password_are_typed_as_they_are(qtbot, window):
    from deskapp.ui.sync.sync_panel import ServerDialog

    window.editor.typing.method = "telex"
    dialog = ServerDialog(window.session.library, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.url, "postgresql://tester@host/toasoan")
    qtbot.keyClicks(dialog.password, "passwords")
    assert dialog.url.text() == "postgresql://tester@host/toasoan"
    assert dialog.password.text() == "passwords"


def fields_in(widget: QWidget) -> list:
    """Every field a person can type words into: editable, shown as typed (no password)."""
    found = []
    for field in widget.findChildren(QLineEdit) + widget.findChildren(QPlainTextEdit):
        if field.isReadOnly():
            continue
        if isinstance(field, QLineEdit) and field.echoMode() != QLineEdit.EchoMode.Normal:
            continue
        if isinstance(field.parent(), QWidget) and field.parent().inherits("QAbstractSpinBox"):
            continue  # a number
        found.append(field)
    return found


def test_every_field_of_every_dialog_shares_the_windows_typing(qtbot, window, monkeypatch):
    """No dialog builds a field of its own that would ignore Telex/VNI."""
    typing = window.editor.typing
    dialogs = {
        "settings": window.preferences.show_settings(),
        "batch export": window.printing.batch_export_dialog(),
        "comment": TextDialog("t", "p", typing, window),
        "window": window,
    }
    try:
        for name, dialog in dialogs.items():
            fields = fields_in(dialog)
            assert fields, name
            for field in fields:
                if name == "window" and field.window() is not window:
                    continue
                assert isinstance(field, NfcLineEdit | NfcPlainTextEdit), (name, field)
                assert field.typing is typing, (name, field.objectName())
    finally:
        for name, dialog in dialogs.items():
            if name != "window":
                dialog.reject()
