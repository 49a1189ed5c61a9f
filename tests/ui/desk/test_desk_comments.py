"""Comments in the window follow their words through edits and say when the words are gone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from deskapp.desk.comments import list_comments
from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.ui.shell.main_window import MainWindow
from qt_helpers import type_text

BODY = ("Hội nghị diễn ra ở Kon Tum. Đại biểu góp ý về quy chế dân chủ ở cơ sở. "
        "Các xã báo cáo kết quả.")
QUOTE = "quy chế dân chủ"


def comment_marks(window: MainWindow) -> list[tuple[int, int]]:
    marks = window.editor.decorations["body"].layer("comments")
    return [(m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in marks]


def test_comment_follows_its_text_and_is_flagged_when_it_is_deleted(qtbot, library):
    article = library.create(Article(title="Hội nghị", body=BODY))
    window = MainWindow(library, user="Trần Thị B", render_html=article_html)
    qtbot.addWidget(window)
    window.show()
    try:
        window.session.open(article.id)
        panel = window.review.comments
        start = BODY.index(QUOTE)
        assert window.editor.select_range("body", start, start + len(QUOTE))
        comment = panel.add_from_selection("Viết hoa “Quy chế”?")
        assert comment is not None and comment.quote == QUOTE

        # Typing before the comment: the highlight and the stored range move with the words.
        cursor = window.editor.body.textCursor()
        cursor.setPosition(0)
        window.editor.body.setTextCursor(cursor)
        added = "Sáng 5/3, "
        type_text(window.editor.body, added)
        moved = (start + len(added), start + len(added) + len(QUOTE))
        qtbot.waitUntil(lambda: [(c.start, c.end) for c in list_comments(library, article.id)]
                        == [moved], timeout=3000)
        assert panel.entries[0][1].status in ("exact", "moved")
        assert comment_marks(window) == [moved]
        assert "detached" not in panel.summary.text()

        # Deleting the commented words: the comment stays, listed as detached.
        text = window.editor.body.toPlainText()
        at = text.index(QUOTE)
        cursor = window.editor.body.textCursor()
        cursor.setPosition(at)
        cursor.setPosition(at + len(QUOTE) + 1, QTextCursor.MoveMode.KeepAnchor)
        window.editor.body.setTextCursor(cursor)
        QTest.keyClick(window.editor.body, Qt.Key.Key_Delete)
        assert QUOTE not in window.editor.body.toPlainText()
        qtbot.waitUntil(lambda: "1 detached" in panel.summary.text(), timeout=3000)
        assert comment_marks(window) == []
        item = panel.list.item(0)
        assert "detached" in item.text() and "Viết hoa" in item.text()
        assert "gone" in item.toolTip()
        [kept] = list_comments(library, article.id)
        assert kept.body == "Viết hoa “Quy chế”?" and kept.quote == QUOTE
        window.review.comments_dock.show()
        window.review.comments_dock.raise_()
        panel.grab().save("/tmp/desk-comment-detached.png")

        # Undo brings the words back and the comment finds them again.
        window.editor.body.undo()
        qtbot.waitUntil(lambda: "detached" not in panel.summary.text(), timeout=3000)
        assert len(comment_marks(window)) == 1
    finally:
        window.close()
        window.runner.wait()
        window.preview._runner.wait()
        window.review.wait()
        window.copyfit.wait()
