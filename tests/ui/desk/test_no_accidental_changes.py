"""No accidental status changes: a menu that never moves, questions before Approve, Return,
a submit with proofing findings and an export with open comments."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu

from deskapp.desk import Action, allowed_actions, status_events, transition
from deskapp.desk.comments import add_comment, list_comments, resolve
from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.ui.desk.desk_actions import FIX_FIRST, SUBMIT_ANYWAY
from deskapp.ui.printing.commands import EXPORT_ANYWAY, LOOK_FIRST
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.profile import Profile

STATUS_ACTIONS = {"submit", "take", "return", "approve"}
REPORTER = Profile("Nguyễn Văn A", "reporter")
EDITOR = Profile("Trần Thị B", "editor")
CLEAN = {"title": "Hội nghị tổng kết", "lead": "Sáng nay, tỉnh tổng kết năm.",
         "body": "Hội nghị diễn ra ở Kon Tum. Các xã báo cáo kết quả.",
         "byline": "Nguyễn Văn A"}
# "qui" beside "quy": one proofing finding.
WITH_FINDING = dict(CLEAN, body="Đại biểu góp ý về quy chế. Xã bàn về qui chế.")


@pytest.fixture
def win(qtbot, library) -> MainWindow:
    library.set_setting("user_name", REPORTER.name)
    library.set_setting("role", REPORTER.role)
    window = MainWindow(library, user="ignored", render_html=article_html)
    qtbot.addWidget(window)
    window.show()

    def unexpected(*_args):
        raise AssertionError("a question nobody expected")

    window.desk.ask_confirm = window.desk.ask_findings = unexpected
    window.desk.ask_reason = window.printing.ask_open_comments = unexpected
    yield window
    window.close()
    window.desk.wait()
    window.runner.wait()
    window.preview._runner.wait()
    window.review.wait()
    window.copyfit.wait()


def article_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == "&Article":
            return action.menu()
    raise AssertionError("no Article menu")


def layout(window: MainWindow) -> list[tuple[str, bool]]:
    """The Article menu and the toolbar as the user sees them: text and visibility, in order."""
    items = [(a.text(), a.isVisible()) for a in article_menu(window).actions()]
    return items + [(a.text(), a.isVisible()) for a in window.toolbar.actions()]


def enabled(window: MainWindow) -> set[str]:
    return {str(a) for a, item in window.desk.actions.items() if item.isEnabled()}


def events(library, article_id: str) -> list[str]:
    return [e.action for e in status_events(library, article_id)]


def test_the_article_menu_never_rearranges(win, library):
    article = library.create(Article(**CLEAN), author="PV")
    win.session.open(article.id)
    first = layout(win)
    assert all(visible for text, visible in first if text)
    seen = []
    for status_steps, profile in (((), REPORTER), ((), EDITOR), (("submit",), EDITOR),
                                  (("submit",), REPORTER), (("submit", "take"), EDITOR),
                                  (("submit", "take", "return"), REPORTER),
                                  (("submit", "take", "approve"), REPORTER)):
        fresh = library.create(Article(**CLEAN), author="PV")
        for step in status_steps:
            transition(library, fresh.id, step, user="x",
                       role="reporter" if step == "submit" else "editor", reason="Thiếu.",
                       override_note="thử")
        win.preferences.set_profile(profile)
        win.session.open(fresh.id)
        status = library.get(fresh.id).status
        assert enabled(win) == set(allowed_actions(status, profile.role)) & STATUS_ACTIONS
        seen.append(layout(win))
    assert all(items == first for items in seen)  # same items, same places, all shown


def test_approve_asks_first_and_cancel_changes_nothing(win, library):
    article = library.create(Article(**CLEAN), author="PV")
    transition(library, article.id, "submit", user="PV", role="reporter")
    win.preferences.set_profile(EDITOR)
    win.session.open(article.id)
    revisions = len(library.revisions(article.id))
    asked: list[str] = []
    win.desk.ask_confirm = lambda question: asked.append(question) and False
    win.desk.actions[Action.APPROVE].trigger()
    assert "Approve “Hội nghị tổng kết” for print?" in asked[0]
    assert str(library.get(article.id).status) == "submitted"
    assert events(library, article.id) == ["submit"]
    assert len(library.revisions(article.id)) == revisions

    win.desk.ask_confirm = lambda question: True
    win.desk.actions[Action.APPROVE].trigger()
    assert str(library.get(article.id).status) == "approved"
    assert events(library, article.id) == ["submit", "approve"]
    assert library.revisions(article.id)[-1].kind == "status"  # kept in the history


def test_return_asks_why_naming_the_article_and_cancel_changes_nothing(win, library):
    article = library.create(Article(**CLEAN), author="PV")
    transition(library, article.id, "submit", user="PV", role="reporter")
    win.preferences.set_profile(EDITOR)
    win.session.open(article.id)
    asked: list[str] = []
    win.desk.ask_reason = lambda prompt: asked.append(prompt)  # Cancel: None
    win.desk.actions[Action.RETURN].trigger()
    assert "Return “Hội nghị tổng kết” to the reporter?" in asked[0]
    assert str(library.get(article.id).status) == "submitted"
    assert events(library, article.id) == ["submit"]
    win.desk.ask_reason = lambda prompt: "Thiếu ngày họp."
    win.desk.actions[Action.RETURN].trigger()
    assert events(library, article.id) == ["submit", "return"]


def test_submit_with_findings_says_how_many_and_offers_to_fix(qtbot, win, library):
    article = library.create(Article(**WITH_FINDING), author="PV")
    win.session.open(article.id)
    panel = win.review.proof
    qtbot.waitUntil(lambda: panel.current_count() == 1, timeout=5000)
    told: list[str] = []
    # Fix first: the proofing panel comes up, nothing is submitted.
    win.desk.ask_findings = lambda message: told.append(message) or FIX_FIRST
    win.review.proof_dock.hide()
    win.desk.actions[Action.SUBMIT].trigger()  # the panel's count is for this text: asked now
    assert told == ["“Hội nghị tổng kết” still has 1 proofing finding.\n\n"
                    "Submit it anyway, or fix them first?"]
    assert win.review.proof_dock.isVisible()
    assert str(library.get(article.id).status) == "draft" and events(library, article.id) == []
    # Cancel: nothing either.
    qtbot.waitUntil(lambda: panel.current_count() == 1, timeout=5000)  # the panel checked again
    win.desk.ask_findings = lambda message: told.append(message)  # None: Cancel
    win.desk.actions[Action.SUBMIT].trigger()
    assert len(told) == 2 and str(library.get(article.id).status) == "draft"

    # Typing makes the panel's count stale: the check runs on a worker, then asks.
    win.editor.replace_text("body", WITH_FINDING["body"] + " Hai  khoảng.")  # a double space
    win.desk.ask_findings = lambda message: told.append(message) or SUBMIT_ANYWAY
    with qtbot.waitSignal(win.desk.statusChanged, timeout=5000):
        win.desk.actions[Action.SUBMIT].trigger()
    assert "still has 2 proofing findings." in told[-1]
    assert str(library.get(article.id).status) == "submitted"
    assert library.get(article.id).body.endswith("Hai  khoảng.")
    assert events(library, article.id) == ["submit"]


def test_a_clean_article_is_submitted_without_a_question(qtbot, win, library):
    article = library.create(Article(**CLEAN), author="PV")
    win.session.open(article.id)
    with qtbot.waitSignal(win.desk.statusChanged, timeout=5000):
        win.desk.actions[Action.SUBMIT].trigger()  # ask_findings would raise
    assert str(library.get(article.id).status) == "submitted"


def test_export_with_open_comments_says_how_many(qtbot, win, library, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    article = library.create(Article(**CLEAN), author="PV")
    first = add_comment(library, article, "body", 0, 8, "Ghi rõ ngày.", author="BT")
    add_comment(library, article, "body", 9, 15, "Tên xã?", author="BT")
    win.session.open(article.id)
    chosen: list[str] = []
    out = tmp_path / "bai.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: chosen.append("file") or (str(out), "")))
    told: list[str] = []
    win.printing.ask_open_comments = lambda message: told.append(message) or LOOK_FIRST
    win.review.comments_dock.hide()
    win.printing.act_export.trigger()
    assert told == ["“Hội nghị tổng kết” still has 2 open comments.\n\n"
                    "Export it anyway, or look at them first?"]
    assert chosen == [] and not out.exists()
    assert win.review.comments_dock.isVisible()

    resolve(library, first.id, by="BT")
    win.printing.ask_open_comments = lambda message: told.append(message) or EXPORT_ANYWAY
    with qtbot.waitSignal(win.printing.exportFinished, timeout=30000):
        win.printing.act_export.trigger()
    assert "still has 1 open comment." in told[-1] and chosen == ["file"] and out.exists()

    resolve(library, list_comments(library, article.id, include_resolved=False)[0].id)
    out.unlink()
    win.printing.ask_open_comments = lambda message: pytest.fail("no open comment left")
    with qtbot.waitSignal(win.printing.exportFinished, timeout=30000):
        win.printing.act_export.trigger()
    assert out.exists()
