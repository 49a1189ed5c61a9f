"""Saving never reads the article's history behind the person's back.

The count of revision texts read (``Library.revision_reads``) on the save path:
none while History is hidden, at most the two compared while a revision is
selected in it; the diff itself is made on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from deskapp.model import Article, RevisionKind
from deskapp.render.html import article_html
from deskapp.ui.shell.main_window import MainWindow
from qt_helpers import type_text

PARAGRAPH = ("Sáng 5/3, Ủy ban nhân dân tỉnh Kon Tum tổ chức hội nghị triển khai quy chế "
             "dân chủ ở cơ sở với sự tham dự của đại biểu các sở, ngành và địa phương. ")


def _long_history(library, revisions: int) -> Article:
    article = library.create(Article(title="Quy chế dân chủ", body=PARAGRAPH * 40),
                             author="PV")
    for n in range(revisions):
        article = library.save(article.with_content(body=article.body + f" Câu {n}."),
                               kind=RevisionKind.SAVE, author="PV")
    return article


def _close(window: MainWindow) -> None:
    window.close()
    window.runner.wait()
    window.preview._runner.wait()
    window.review.wait()
    window.copyfit.wait()


def test_saving_reads_no_revision_text_while_history_is_hidden(qtbot, library):
    article = _long_history(library, 40)
    window = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(window)
    window.show()
    try:
        window.session.open(article.id)
        window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
        history = window.review.history  # built, then its dock hidden
        window.review.history_dock.hide()
        before = library.revision_reads
        for word in (" một", " hai", " ba"):
            type_text(window.editor.body, word)
            assert window.session.autosave()
        assert library.revision_reads == before
        assert library.get(article.id).body.endswith(" một hai ba")
        # Shown again, the history catches up with the saves it missed.
        window.review.history_dock.show()
        qtbot.waitUntil(lambda: history.list.topLevelItemCount()
                        == len(library.revision_infos(article.id)), timeout=3000)
    finally:
        _close(window)


def test_saving_reads_only_the_two_compared_revisions(qtbot, library):
    article = _long_history(library, 40)
    window = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(window)
    window.show()
    try:
        window.session.open(article.id)
        window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
        window.review.history_dock.show()
        window.review.history_dock.raise_()
        history = window.review.history
        infos = library.revision_infos(article.id)
        with qtbot.waitSignal(history.diffShown, timeout=5000):
            history.choose(infos[5].id)
        assert "Câu 4." in history.diff_text()
        # An older revision chosen: a save adds a row on top and reads no text at all.
        type_text(window.editor.body, " bốn")
        before = library.revision_reads
        assert window.session.autosave()
        assert library.revision_reads == before
        newest = library.revision_infos(article.id)[-1]
        assert history.list.topLevelItemCount() == len(infos) + 1
        assert history.list.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) == newest.id
        assert [r.id for r in history.selected()] == [infos[5].id]  # the choice is kept
        # The newest revision chosen: the next autosave rewrites it, and only the two
        # revisions compared are read again; the diff follows on the worker.
        with qtbot.waitSignal(history.diffShown, timeout=5000):
            history.choose(newest.id)
        type_text(window.editor.body, " năm")
        before = library.revision_reads
        with qtbot.waitSignal(history.diffShown, timeout=5000):
            assert window.session.autosave()
        assert library.revision_reads - before <= 2
        assert history.list.topLevelItemCount() == len(infos) + 1  # rewritten in place
        assert "bốn năm" in history.diff_text()
    finally:
        _close(window)
