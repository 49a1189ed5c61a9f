"""The editor's desk through the real widgets: submit, take, comment, return, approve, export."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from deskapp.desk import Action, status_events
from deskapp.desk.comments import list_comments
from deskapp.render.html import article_html
from deskapp.ui.desk.desk_actions import SUBMIT_ANYWAY
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.profile import Profile, ProfileDialog
from qt_helpers import type_text

REPORTER = Profile("Nguyễn Văn A", "reporter")
EDITOR = Profile("Trần Thị B", "editor")


@pytest.fixture
def desk(qtbot, library) -> MainWindow:
    library.set_setting("user_name", REPORTER.name)
    library.set_setting("role", REPORTER.role)
    win = MainWindow(library, user="ignored", render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.runner.wait()
    win.preview._runner.wait()
    win.review.wait()
    win.copyfit.wait()


def status(window: MainWindow) -> str:
    return str(window.session.library.get(window.editor.article_id).status)


def visible_actions(window: MainWindow) -> set[str]:
    """The status actions the user can take now; the others stay in place, disabled."""
    assert all(item.isVisible() for item in window.desk.actions.values())
    return {str(a) for a, item in window.desk.actions.items() if item.isEnabled()}


def take(qtbot, window: MainWindow, action: Action) -> None:
    """Choose ``action`` in the Article menu and wait for the change (a submit checks first)."""
    with qtbot.waitSignal(window.desk.statusChanged, timeout=5000):
        window.desk.actions[action].trigger()


def wait_proofed(qtbot, window: MainWindow) -> None:
    panel = window.review.proof
    panel.run()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)


def write_article(window: MainWindow) -> str:
    window.act_new.trigger()
    type_text(window.editor.title, "Hội nghị quy chế dân chủ")
    type_text(window.editor.lead, "Sáng nay, tỉnh tổng kết năm năm thực hiện quy chế.")
    type_text(window.editor.byline, "Nguyễn Văn A")
    type_text(window.editor.body, "Hội nghị diễn ra ở Kon Tum. Đại biểu góp ý về qui chế. "
                                  "Các xã báo cáo kết quả.")
    return window.editor.article_id


def test_profile_shown_and_first_run_question_is_injectable(qtbot, library):
    asked = []

    def ask(parent):
        asked.append(parent)
        return Profile("Lê Văn C", "editor")

    win = MainWindow(library, user="x", render_html=article_html, ask_profile=ask)
    qtbot.addWidget(win)
    assert asked and library.get_setting("user_name") == "Lê Văn C"
    assert library.get_setting("role") == "editor"
    assert win.preferences.label.text() == "Lê Văn C · Editor"
    dialog = ProfileDialog(Profile("", "reporter"))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    type_text(dialog.fields.name, "Phạm D")
    assert ok.isEnabled() and dialog.fields.profile() == Profile("Phạm D", "reporter")
    win.close()


def test_submit_take_comment_return_resubmit_approve_export(qtbot, desk, library, tmp_path):
    window = desk
    assert window.preferences.label.text() == "Nguyễn Văn A · Reporter"
    article_id = write_article(window)
    assert visible_actions(window) == {"submit"}

    # The reporter submits: pending typing is saved first; the qui/quy finding is named
    # and the reporter submits anyway.
    told: list[str] = []
    window.desk.ask_findings = lambda message: told.append(message) or SUBMIT_ANYWAY
    take(qtbot, window, Action.SUBMIT)
    assert status(window) == "submitted"
    assert len(told) == 1 and "still has 1 proofing finding." in told[0]
    assert "“Hội nghị quy chế dân chủ”" in told[0]
    assert library.get(article_id).body.endswith("báo cáo kết quả.")
    assert window.library_panel.status_filter.itemText(
        window.library_panel.status_filter.findData("submitted")) == "Submitted (1)"

    # The editor takes it, comments on a sentence and edits.
    window.preferences.set_profile(EDITOR)
    assert window.preferences.label.text() == "Trần Thị B · Editor"
    assert visible_actions(window) == {"take", "return", "approve"}
    window.desk.actions[Action.TAKE].trigger()
    assert status(window) == "in_review"
    body = window.editor.body.toPlainText()
    start = body.index("Hội nghị diễn ra")
    end = body.index(".", start) + 1
    assert window.editor.select_range("body", start, end)
    with qtbot.waitSignal(window.review.comments.refreshed, timeout=5000):
        comment = window.review.comments.add_from_selection("Ghi rõ ngày họp.")
    assert comment is not None and comment.quote == "Hội nghị diễn ra ở Kon Tum."
    assert comment.author == EDITOR.name
    assert window.review.comments.list.count() == 1
    assert "Ghi rõ ngày họp." in window.review.comments.list.item(0).text()
    marks = window.editor.decorations["body"].layer("comments")
    assert [(m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in marks] == [(start, end)]
    cursor = window.editor.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.body.setTextCursor(cursor)
    type_text(window.editor.body, " Biên tập viên bổ sung.")

    prompts: list[str] = []
    window.desk.ask_reason = lambda prompt: prompts.append(prompt) or "Thiếu ngày họp."
    window.desk.actions[Action.RETURN].trigger()
    assert status(window) == "returned"
    assert "Return “Hội nghị quy chế dân chủ” to the reporter?" in prompts[0]

    # The reporter sees why, fixes the text and resubmits.
    window.preferences.set_profile(REPORTER)
    assert visible_actions(window) == {"submit"}
    assert window.editor.desk_banner.isVisibleTo(window)
    assert "Thiếu ngày họp." in window.editor.desk_banner.text()
    assert "Returned" in window.desk.badge.text()
    with qtbot.waitSignal(window.review.history.diffShown, timeout=5000):
        assert window.desk_commands.show_review("editor")
    assert "Biên tập viên bổ sung." in window.review.history.diff_text()
    assert window.editor.body.toPlainText().endswith("Biên tập viên bổ sung.")
    cursor = window.editor.body.textCursor()
    cursor.setPosition(0)
    window.editor.body.setTextCursor(cursor)
    type_text(window.editor.body, "Ngày 5/3, ")
    take(qtbot, window, Action.SUBMIT)
    assert status(window) == "submitted" and len(told) == 2
    with qtbot.waitSignal(window.review.comments.refreshed, timeout=5000):
        window.review.comments.refresh()
    assert window.review.comments.entries[0][1].status == "moved"

    # The editor approves: refused while "qui"/"quy" both appear, unless a note says why.
    window.preferences.set_profile(EDITOR)
    notes: list[str] = []

    def decline(message: str) -> None:
        notes.append(message)
        return None

    questions: list[str] = []
    window.desk.ask_confirm = lambda question: questions.append(question) or True
    window.desk.ask_override = decline
    window.desk.actions[Action.APPROVE].trigger()
    assert status(window) == "submitted" and notes
    assert "Approve “Hội nghị quy chế dân chủ” for print?" in questions[0]
    window.desk.ask_override = lambda message: "Giữ nguyên theo trích dẫn."
    window.desk.actions[Action.APPROVE].trigger()
    assert status(window) == "approved"
    assert len(questions) == 2  # asked once for each choice of Approve
    assert status_events(library, article_id)[-1].note == "Giữ nguyên theo trích dẫn."

    # Export records the "export" step; the PDF says who approved it (metadata and footer).
    out = tmp_path / "bai.pdf"
    with qtbot.waitSignal(window.printing.exportFinished, timeout=20000):
        window.printing.export_to(out)
    qtbot.waitUntil(lambda: status(window) == "exported", timeout=3000)
    assert f"duyệt: {EDITOR.name} 20" in PdfReader(out).metadata["/Keywords"]
    footer = pdfium.PdfDocument(out)[0].get_textpage().get_text_range()
    assert f"Duyệt: {EDITOR.name}, " in " ".join(footer.split())
    events = status_events(library, article_id)
    assert [e.action for e in events] == ["submit", "take", "return", "submit", "approve",
                                          "export"]
    assert events[-1].user == EDITOR.name
    assert list_comments(library, article_id)[0].body == "Ghi rõ ngày họp."

    # History: revisions listed; the editor's change shows in the diff. (Each role keeps
    # its own side panels: the editor opens History, which the reporter had opened.)
    window.review.open(window.review.history_dock)
    history = window.review.history
    assert history.list.topLevelItemCount() == len(library.revisions(article_id))
    # Since the resubmission answered a return, the editor sees the reporter's answer.
    with qtbot.waitSignal(history.diffShown, timeout=5000):
        assert history.show_review("submit")
    assert "returned to the reporter" in history.caption.text()
    assert "Ngày 5/3," in history.diff_text()
    revisions = library.revisions(article_id)
    with qtbot.waitSignal(history.diffShown, timeout=5000):
        history.choose(revisions[0].id, revisions[-1].id)
    assert "Biên tập viên bổ sung." in history.diff_text()
    history.mode.setCurrentIndex(1)
    assert "Biên tập viên bổ sung." in history.right.toPlainText()
    assert window.library_panel.status_filter.itemText(
        window.library_panel.status_filter.findData("exported")) == "Exported (1)"


def test_status_filter_lists_one_status(qtbot, desk):
    window = desk
    write_article(window)
    window.desk.ask_findings = lambda message: SUBMIT_ANYWAY
    take(qtbot, window, Action.SUBMIT)
    window.act_new.trigger()
    panel = window.library_panel
    panel.show_status("submitted")
    assert len(panel.ids()) == 1
    panel.show_status("draft")
    assert len(panel.ids()) == 2  # the welcome article and the new one
    panel.show_status("")
    assert len(panel.ids()) == 3
    assert panel.status_filter.itemText(0) == "All statuses (3)"


def test_restore_makes_a_new_revision(qtbot, desk, library):
    window = desk
    article_id = write_article(window)
    window.act_save.trigger()
    first = library.revisions(article_id)[-1]
    type_text(window.editor.body, " Thêm câu.")
    window.act_save.trigger()
    assert window.desk_commands.restore_revision(first.id)
    assert library.revisions(article_id)[-1].kind == "restore"
    assert not window.editor.body.toPlainText().endswith("Thêm câu.")


def test_proofing_panel_lists_and_fixes_the_sample(qtbot, desk, sample_path):
    window = desk
    window.files.import_paths([sample_path])
    wait_proofed(qtbot, window)
    panel = window.review.proof
    rules = [f.rule for f in panel.findings]
    assert "name_variants" in rules and rules.count("iy_variants") == 2
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any("Đào Xuân Quí" in t for t in texts)
    marks = window.editor.decorations["body"].layer("proof")
    assert marks and all(m.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
                         for m in marks)

    # Clicking an entry selects its words in the body.
    index = rules.index("name_variants")
    item = panel.list.item(index)
    panel.list.setCurrentItem(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())
    assert window.editor.body.textCursor().selectedText() == "Đào Xuân Quí"

    qtbot.mouseClick(panel.fix_all_button, Qt.MouseButton.LeftButton)
    wait_proofed(qtbot, window)
    left = {f.rule for f in panel.findings}
    assert not left & {"name_variants", "iy_variants"}
    body = window.editor.body.toPlainText()
    assert "Quí" not in body and " qui " not in body
    # The fixes are ordinary edits: undo brings the old text back.
    window.editor.body.undo()
    assert window.editor.body.toPlainText() != body
