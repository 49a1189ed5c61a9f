"""Bad input at the desk, in the window: two windows at once, a damaged revision, late edits."""

from __future__ import annotations

import pytest

from deskapp.desk import Action, approval_for, status_events, transition
from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.store import Library
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.profile import Profile
from qt_helpers import type_text

CLEAN = {"title": "Hội nghị quy chế dân chủ", "lead": "Sáng nay, tỉnh tổng kết.",
         "byline": "Nguyễn Văn A", "body": "Hội nghị diễn ra ở Kon Tum."}


def open_window(qtbot, library: Library, profile: Profile) -> MainWindow:
    window = MainWindow(library, user=profile.name, render_html=article_html)
    qtbot.addWidget(window)
    window.show()
    window.preferences.profile = profile
    window.preferences.show_profile()
    window.desk.update()
    return window


def close(window: MainWindow) -> None:
    window.close()
    window.runner.wait()
    window.preview._runner.wait()
    window.review.wait()
    window.copyfit.wait()


def assert_history_whole(library: Library, article_id: str) -> None:
    """Every revision reads and matches its checksum; each status change has its own revision."""
    revisions = library.revisions(article_id)
    assert revisions and not any(r.damaged for r in revisions)
    by_id = {r.id: r for r in revisions}
    events = status_events(library, article_id)
    assert len({e.revision_id for e in events}) == len(events)
    for event in events:
        revision = by_id[event.revision_id]
        assert (revision.kind, revision.content["status"]) == ("status", event.to_status)
    parents = [r.parent_id for r in revisions[1:]]
    assert parents == [r.id for r in revisions[:-1]]  # one unbroken line


@pytest.fixture
def second_library(library_path):
    lib = Library.open(library_path)  # another window's own connection to the same file
    yield lib
    lib.close()


def test_two_windows_change_one_status_at_once(qtbot, library, second_library):
    article = library.create(Article(**CLEAN))
    transition(library, article.id, "submit", user="Nguyễn Văn A", role="reporter")
    first = open_window(qtbot, library, Profile("Trần Thị B", "editor"))
    second = open_window(qtbot, second_library, Profile("Lê Văn C", "editor"))
    try:
        for window in (first, second):
            window.session.open(article.id)
            assert str(window.editor.article.status) == "submitted"
            assert window.desk.actions[Action.APPROVE].isVisible()
        # The second editor is typing when the first one takes the article.
        type_text(second.editor.body, " Thêm ý kiến.")
        first.desk.actions[Action.TAKE].trigger()
        assert str(library.get(article.id).status) == "in_review"

        with qtbot.waitSignal(second.errors.shown, timeout=3000) as shown:
            second.desk.actions[Action.APPROVE].trigger()
        message = shown.args[0]
        assert "Someone else has moved this article" in message and "In review" in \
            message.replace("“in review”", "In review")
        # Nothing of theirs is lost, the status is the first window's, and the window says so.
        stored = library.get(article.id)
        assert str(stored.status) == "in_review"
        assert "Thêm ý kiến." in stored.body
        assert str(second.editor.article.status) == "in_review"
        assert "In review" in second.desk.badge.text()
        events = status_events(library, article.id)
        assert [(e.action, e.user) for e in events] == [("submit", "Nguyễn Văn A"),
                                                       ("take", "Trần Thị B")]
        assert_history_whole(library, article.id)
    finally:
        close(second)
        close(first)


def test_restoring_a_damaged_revision_is_refused_and_loses_nothing(qtbot, library):
    article = library.create(Article(**CLEAN))
    window = open_window(qtbot, library, Profile("Trần Thị B", "editor"))
    try:
        window.session.open(article.id)
        for sentence in (" Câu thứ hai.", " Câu thứ ba."):
            type_text(window.editor.body, sentence)
            assert window.session.save()
        revisions = library.revisions(article.id)
        assert len(revisions) == 3
        damaged = revisions[1]
        library.db.execute("UPDATE revisions SET body = ? WHERE id = ?",
                           ["Hội nghị diễn ra ở Kon Tùm. Câu thứ hai.", damaged.id])
        library.db.conn.commit()
        history = window.review.history
        history.show_article(article.id)
        assert history.list.topLevelItemCount() == 3
        with qtbot.waitSignal(history.diffShown, timeout=5000):
            history.choose(damaged.id)
        assert not history.restore_button.isEnabled()
        assert "damaged" in history.caption.text()
        assert "damaged" in history.list.topLevelItem(1).text(2)

        body_before = window.editor.body.toPlainText()
        with qtbot.waitSignal(window.errors.shown, timeout=3000) as shown:
            assert not window.desk_commands.restore_revision(damaged.id)
        assert "damaged" in shown.args[0] and "Nothing was changed" in shown.args[0]
        assert window.editor.body.toPlainText() == body_before
        assert library.get(article.id).body == body_before
        assert [r.id for r in library.revisions(article.id)] == [r.id for r in revisions]

        # A revision that cannot even be read does not hide the others either.
        library.db.execute("UPDATE revisions SET tags = '[[' WHERE id = ?", [revisions[0].id])
        library.db.conn.commit()
        history.show_article(article.id)
        assert history.list.topLevelItemCount() == 3
        # the intact ones still restore
        assert window.desk_commands.restore_revision(revisions[2].id) is True
        window.review.history_dock.show()
        window.review.history_dock.raise_()
        history.show_article(article.id)
        history.choose(damaged.id)
        window.grab().save("/tmp/desk-damaged-revision.png")
    finally:
        close(window)


def test_editing_after_approval_goes_back_to_review_and_each_export_is_recorded(
        qtbot, library, tmp_path):
    article = library.create(Article(**CLEAN))
    transition(library, article.id, "submit", user="Nguyễn Văn A", role="reporter")
    transition(library, article.id, "approve", user="Trần Thị B", role="editor")
    window = open_window(qtbot, library, Profile("Trần Thị B", "editor"))
    try:
        window.session.open(article.id)
        for name in ("a.pdf", "b.pdf"):
            with qtbot.waitSignal(window.printing.exportFinished, timeout=20000):
                window.printing.export_to(tmp_path / name)
            qtbot.waitUntil(lambda: len(status_events(library, article.id)) >= 3, timeout=3000)
        qtbot.waitUntil(lambda: len(status_events(library, article.id)) == 4, timeout=3000)
        assert [(e.action, e.to_status) for e in status_events(library, article.id)][2:] == \
            [("export", "exported"), ("export", "exported")]

        type_text(window.editor.body, " Sửa sau khi in.")
        assert window.session.save()
        assert str(library.get(article.id).status) == "in_review"
        assert "In review" in window.desk.badge.text()
        assert window.editor.desk_banner.isVisibleTo(window)
        assert "after it was approved: back in review" in window.editor.desk_banner.text()
        assert window.desk.actions[Action.APPROVE].isVisible()
        assert approval_for(library, article.id) is None
        events = status_events(library, article.id)
        assert (events[-1].action, events[-1].from_status) == ("reopen", "exported")
        texts = [window.review.history.list.topLevelItem(i).text(2)
                 for i in range(window.review.history.list.topLevelItemCount())]
        assert texts[1] == "Edited after approval: back in review"
        assert "Exported" in texts[2:4]
        assert_history_whole(library, article.id)
    finally:
        close(window)
