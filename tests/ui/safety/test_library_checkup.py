"""The page check and the day's backup run after the window shows; damage stops all writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.store.backup import backup_now, list_backups
from deskapp.ui.safety.library_checkup import DAMAGED, OK, STOPPED, LibraryCheckup
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.startup import open_for_writing
from qt_helpers import type_text


def _fill(path: Path, count: int = 60) -> list[str]:
    library = _open(path)
    ids = [library.create(Article(title=f"Bài {n}", body="chữ " * 300)).id
           for n in range(count)]
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    return ids


def _open(path: Path):
    from deskapp.workspace import open_library

    return open_library(path, daily_backup=False)


def _damage_last_pages(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    for page in range(pages - 4, pages):
        data[page * page_size: page * page_size + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    return bytes(data)


def _window(qtbot, opened) -> tuple[MainWindow, LibraryCheckup]:
    window = MainWindow(opened.library, user="Tester", render_html=article_html)
    qtbot.addWidget(window)
    checkup = LibraryCheckup(opened.path, window)
    checkup.finished.connect(window.backups.library_checked)
    window.settled.connect(checkup.start)
    window.show()
    return window, checkup


def test_a_sound_library_is_checked_then_backed_up_after_the_first_paint(qtbot, library_path):
    _fill(library_path)
    opened = open_for_writing(library_path, choose=pytest.fail, inform=pytest.fail)
    assert opened is not None
    try:
        assert list_backups(library_path) == []  # nothing slow before the window
        window, checkup = _window(qtbot, opened)
        with qtbot.waitSignal(checkup.finished, timeout=20000) as done:
            pass
        assert done.args == [OK]
        assert [b.reason for b in list_backups(library_path)] == ["daily"]
        assert window.errors.last == ""
        window.close()
    finally:
        opened.close()


def test_a_damaged_library_is_never_written_and_a_restore_keeps_the_open_text(
        qtbot, library_path):
    oldest = _fill(library_path)[0]  # written first: far from the damaged pages
    library = _open(library_path)
    backup = backup_now(library, "manual")
    library.close()
    damaged = _damage_last_pages(library_path)
    opened = open_for_writing(library_path, choose=pytest.fail, inform=pytest.fail)
    assert opened is not None  # the header is sound: the window opens at once
    try:
        window, checkup = _window(qtbot, opened)
        with qtbot.waitSignal(checkup.finished, timeout=20000) as done:
            pass
        assert done.args == [DAMAGED]
        assert "damaged" in window.errors.last and "Restore a backup" in window.errors.last
        assert not [b for b in list_backups(library_path) if b.reason == "daily"]

        window.act_new.trigger()  # refused: no new article in a damaged library
        window.session.open(oldest)
        assert window.editor.article_id == oldest
        window.editor.body.setFocus()
        type_text(window.editor.body, "Câu viết sau khi hỏng.")
        assert not window.session.save()
        assert "damaged" in window.statusBar().currentMessage()
        assert "Câu viết sau khi hỏng." in window.editor.body.toPlainText()
        with pytest.raises(sqlite3.OperationalError):  # SQLite itself refuses too
            opened.library.db.execute("DELETE FROM settings")
        assert library_path.read_bytes() == damaged

        assert window.backups.restore_from_backup(backup)
        aside = list(library_path.parent.glob("library.damaged-*.sqlite"))
        assert len(aside) == 1 and aside[0].read_bytes() == damaged
        assert "Câu viết sau khi hỏng." in window.editor.body.toPlainText()
        assert not window.isWindowModified()
        restored = window.session.library
        assert "Câu viết sau khi hỏng." in restored.get(window.editor.article_id).body
        opened.library = restored
        window.close()
    finally:
        opened.close()


def test_a_check_can_be_stopped(qtbot, library_path):
    _fill(library_path, 200)
    checkup = LibraryCheckup(library_path)
    checkup.stop()
    with qtbot.waitSignal(checkup.finished, timeout=20000) as done:
        checkup.start()
    assert done.args == [STOPPED]
    assert list_backups(library_path) == []
