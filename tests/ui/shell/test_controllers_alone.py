"""The window's command families work without a main window: a session, an editor, a library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QStatusBar

from deskapp.model import Article
from deskapp.store import Library
from deskapp.ui.common.errors import ErrorPresenter
from deskapp.ui.common.workers import Runner
from deskapp.ui.editor.editor import EditorPanel
from deskapp.ui.editor.session import ArticleSession
from deskapp.ui.exchange.files import FileCommands
from deskapp.ui.exchange.hand_off import HandOff
from deskapp.ui.library.commands import LibraryCommands
from deskapp.ui.library.library_panel import LibraryPanel
from deskapp.ui.safety.backups import BackupCommands
from deskapp.ui.shell.profile import Profile
from deskapp.workspace import open_library
from qt_helpers import type_text


class Parts:
    """What a command family is built with, and nothing more."""

    def __init__(self, qtbot, library: Library, who: Profile) -> None:
        self.host = QMainWindow()
        qtbot.addWidget(self.host)
        self.editor = EditorPanel(self.host)
        self.bar = QStatusBar(self.host)
        self.errors = ErrorPresenter(self.host)
        self.runner = Runner(self.host)
        self.session = ArticleSession(library, self.editor, lambda: who, self.errors, self.host)


@pytest.fixture
def parts(qtbot, library) -> Parts:
    made = Parts(qtbot, library, Profile("Nguyễn Văn A", "reporter"))
    yield made
    made.runner.wait()


def test_the_session_opens_saves_and_flushes(qtbot, parts, library):
    session = parts.session
    shown: list[str | None] = []
    saved: list[tuple[str, str]] = []
    modified: list[bool] = []
    session.opened.connect(lambda article, _changed: shown.append(article and article.id))
    session.saved.connect(lambda article, _shown, kind: saved.append((article.id, kind)))
    session.modifiedChanged.connect(modified.append)

    first = session.new()
    assert first is not None and shown == [first.id]
    assert library.get(first.id).revision_id
    type_text(parts.editor.body, "Đồng bào dân tộc")
    assert session.modified and modified == [True]
    assert session.autosave_timer.isActive()  # saved after a pause, not per key

    other = library.create(Article(title="Bài khác", body="Nội dung."), author="PV")
    session.open(other.id)  # switching saves the typing first
    assert library.get(first.id).body == "Đồng bào dân tộc"
    assert saved == [(first.id, "autosave")]
    assert shown[-1] == other.id and not session.modified and modified == [True, False]
    assert library.revisions(first.id)[-1].author == "Nguyễn Văn A"

    session.open(first.id)
    assert parts.editor.body.toPlainText() == "Đồng bào dân tộc"
    assert session.flush()  # nothing typed: nothing written
    assert saved == [(first.id, "autosave")]


def test_a_refused_save_keeps_the_text_and_says_why(qtbot, parts, library):
    session = parts.session
    article = session.new()
    type_text(parts.editor.body, "Chữ chưa lưu")
    library.close()  # the file goes away under the window
    failures: list[str] = []
    session.failed.connect(failures.append)
    assert not session.save()
    assert failures and failures[0] == parts.errors.last
    assert "Traceback" not in failures[0] and "Error" not in failures[0]
    assert parts.editor.body.toPlainText() == "Chữ chưa lưu"
    assert session.modified and article is not None


def test_the_library_list_follows_the_session(qtbot, parts, library):
    panel = LibraryPanel(parts.host)
    commands = LibraryCommands(panel, parts.session, parts.bar, set, parts.host)
    library.create(Article(title="Bài một"), author="PV")
    commands.refresh()
    assert panel.ids()
    article = parts.session.new()
    assert article is not None and panel.current_id() == article.id
    parts.editor.title.setText("Tít mới")
    assert parts.session.save()
    assert any(panel.model.index(row, 0).data() == "Tít mới"
               for row in range(panel.model.rowCount()))
    commands.trash_selected()
    assert not library.is_listed(article.id)
    assert parts.session.article_id is None


def test_packages_travel_between_two_sessions(qtbot, tmp_path, parts, library):
    hand_off = HandOff(parts.host, parts.session, parts.bar)
    article = parts.session.new()
    parts.editor.title.setText("Mùa cà phê")
    type_text(parts.editor.body, "Giá cà phê tăng.")
    written = hand_off.send_package_to(tmp_path / "bai.deskpkg")
    assert written is not None and written.exists()

    desk = open_library(tmp_path / "desk" / "library.sqlite")
    try:
        other = Parts(qtbot, desk, Profile("Trần Thị B", "editor"))
        their_hand_off = HandOff(other.host, other.session, other.bar)
        outcomes: list[str] = []
        their_hand_off.packageOpened.connect(outcomes.append)
        result = their_hand_off.open_package(written)
        assert result is not None and outcomes == ["created"]
        assert other.session.article_id == article.id
        assert other.editor.body.toPlainText() == "Giá cà phê tăng."
    finally:
        desk.close()


def test_files_import_and_export_without_a_window(qtbot, tmp_path, parts, library):
    files = FileCommands(parts.host, parts.session, HandOff(parts.host, parts.session,
                                                            parts.bar), parts.runner, parts.bar)
    source = tmp_path / "tin.txt"
    source.write_text("(baokontum.vn) – Sáng 5/3, hội nghị diễn ra.\n\nTHU HÀ\n", encoding="utf-8")
    [imported] = files.import_paths([source])
    assert parts.session.article_id == imported.id
    assert imported.source == "baokontum.vn" and imported.byline == "THU HÀ"
    target = tmp_path / "tin.md"
    assert files.export_markdown_to(target)
    assert "Sáng 5/3, hội nghị diễn ra." in target.read_text(encoding="utf-8")


def test_backups_without_a_window(qtbot, parts, library):
    backups = BackupCommands(parts.host, parts.session, parts.runner, parts.bar,
                             quiesce=parts.runner.wait, open_first=lambda: None)
    menu = parts.host.menuBar().addMenu("File")
    backups.fill_menu(menu)
    parts.session.new()
    with qtbot.waitSignal(backups.backupFinished, timeout=10000) as done:
        backups.backup_now()
    assert Path(done.args[0]).exists()
