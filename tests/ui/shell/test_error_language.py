"""Every error the window shows is in the window's language, whatever the system's.

A Vietnamese system with the window set to English (and the reverse): errors
of each family (store, import, package, print, desk, sync) come out in the
window's words, never as a bare code or a class name.
"""

from __future__ import annotations

import re

import pytest

from deskapp.desk.workflow import DeskError
from deskapp.errors import ExportError, ImportRejected, LibraryError
from deskapp.exchange.merge import MergeError
from deskapp.messages import words
from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.sync.errors import SyncError
from deskapp.ui.common.i18n import Translation
from deskapp.ui.desk.desk_labels import status_text
from deskapp.ui.shell.main_window import MainWindow

FAMILIES = {
    "store": LibraryError("library_corrupt", path="/tmp/thu-vien.sqlite"),
    "import": ImportRejected("file_empty", name="tin.txt"),
    "package": ImportRejected("package_unsafe", name="bai.deskpkg", reason="../../x"),
    "merge": MergeError(ref="bai"),
    "print": ExportError("layout_impossible", path=""),
    "desk": DeskError("transition_refused", action="approve", status="draft", role="reporter"),
    "sync": SyncError("sync_not_configured"),
}
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")


@pytest.fixture(params=[("vi_VN.UTF-8", "en"), ("en_GB.UTF-8", "vi")],
                ids=["vietnamese-system-english-window", "english-system-vietnamese-window"])
def languages(request, monkeypatch):
    system, window = request.param
    monkeypatch.delenv("DESKAPP_LANG", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.setenv(var, system)
    translation = Translation.for_app()
    translation.install(window)
    yield system[:2], window
    translation.install("en")


def test_errors_of_every_family_come_in_the_window_language(qtbot, library, languages):
    system, chosen = languages
    window = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(window)
    window.show()
    try:
        for family, error in FAMILIES.items():
            shown = window.errors.show(error)
            assert shown == words(error, chosen), family
            assert shown != words(error, system), family
            assert error.code not in shown, family
            assert not CODE.search(shown.replace("deskpkg", "")), (family, shown)
            assert type(error).__name__ not in shown, family
            assert "Something went wrong" not in shown and "Đã có lỗi:" not in shown, family
    finally:
        window.close()
        window.runner.wait()


def test_a_refused_status_change_is_worded_in_the_window_language(qtbot, library, languages):
    """Through the real path: the Article menu on a draft an editor cannot approve."""
    system, chosen = languages
    article = library.create(Article(title="Bài nháp", body="Nội dung."), author="PV")
    window = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(window)
    window.show()
    try:
        window.session.open(article.id)
        with qtbot.waitSignal(window.errors.shown, timeout=3000) as shown:
            window.desk.perform("approve")
        text = shown.args[0]
        assert text == words(DeskError("transition_refused", action="approve",
                                       status="draft", role="reporter"), chosen)
        assert "transition_refused" not in text
        assert text != words(DeskError("transition_refused", action="approve",
                                       status="draft", role="reporter"), system)
        assert status_text("draft") in window.desk.badge.text()
        if chosen == "en":
            assert "approve" in text.lower()
        else:
            assert "duyệt" in text
    finally:
        window.close()
        window.runner.wait()


def test_an_import_that_fails_is_worded_in_the_window_language(qtbot, library, languages,
                                                               tmp_path):
    system, chosen = languages
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    window = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.errors.shown, timeout=3000) as shown:
            assert window.files.import_paths([empty]) == []
        assert shown.args[0] == words(ImportRejected("file_empty", name="trong.txt"), chosen)
        assert shown.args[0] != words(ImportRejected("file_empty", name="trong.txt"), system)
    finally:
        window.close()
        window.runner.wait()
