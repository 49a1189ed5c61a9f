"""The window's Sync action, status-bar text and desk view, against the real server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from deskapp.desk import transition
from deskapp.render.html import article_html
from deskapp.sync import LockHeld, load_target
from deskapp.sync.desk import lock_of, take_lock
from deskapp.ui.shell.main_window import MainWindow
from newsroom_fixtures import MemoryKeyring
from pg_cluster import PASSWORD
from qt_helpers import type_text


@pytest.fixture(autouse=True)
def _window_setup(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from deskapp.ui.shell.app import application

    application()
    folder = tmp_path / "qsettings"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def _window(qtbot, person, password=PASSWORD):
    win = MainWindow(person.library, user=person.name, render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    assert win.sync_panel.apply_settings(person.target.url, password)
    return win


def _unreachable(win, person):
    assert win.sync_panel.apply_settings(
        f"postgresql://{person.name}@127.0.0.1:1/tin", PASSWORD)


def _message_boxes(win):
    from PySide6.QtWidgets import QMessageBox

    return [box for box in win.findChildren(QMessageBox) if box.isVisible()]


def _answer_password(qtbot, password, seen):
    """Type ``password`` into the password dialog when it comes up (``None``: cancel it)."""
    from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog.labelText())
        if password is None:
            dialog.reject()
            return
        type_text(dialog.findChild(QLineEdit), password)
        dialog.accept()

    QTimer.singleShot(50, answer)


def _sync(qtbot, win):
    with qtbot.waitSignal(win.sync_panel.finished, timeout=30000) as blocker:
        win.sync_panel.act_sync.trigger()
    return blocker.args[0]


def _close(win):
    win.close()
    win.runner.wait()
    win.preview.shutdown()


def test_sync_button_sends_the_article_and_says_when(qtbot, newsroom, reporter, tmp_path):
    win = _window(qtbot, reporter)
    try:
        assert win.sync_panel.label.text() == "Not synced yet"
        win.session.new()
        type_text(win.editor.title, "Lũ quét ở Đăk Glei")
        win.editor.body.setPlainText("Mưa lớn kéo dài.")
        report = _sync(qtbot, win)
        assert report.pushed == 1
        assert win.sync_panel.label.text() == "Synced just now"
        with newsroom.admin() as conn:
            titles = [r[0] for r in conn.execute("SELECT title FROM deskapp.articles")]
        assert titles == ["Lũ quét ở Đăk Glei"]
        win.grab().save(str(tmp_path / "synced.png"))
    finally:
        _close(win)


def test_unreachable_server_shows_in_the_status_bar(qtbot, reporter):
    win = _window(qtbot, reporter)
    try:
        _unreachable(win, reporter)
        with qtbot.waitSignal(win.sync_panel.failed, timeout=30000) as blocker:
            win.sync_panel.act_sync.trigger()
        assert "Cannot reach the newsroom server" in blocker.args[0]
        assert win.sync_panel.label.text() == "Not synced"
        assert "untouched" in win.sync_panel.label.toolTip()
        assert win.sync_panel.act_sync.isEnabled()
    finally:
        _close(win)


def test_failed_sync_now_says_why_in_a_message(qtbot, reporter):
    win = _window(qtbot, reporter)
    try:
        _unreachable(win, reporter)
        with qtbot.waitSignal(win.errors.shown, timeout=30000) as blocker:
            win.sync_panel.act_sync.trigger()
        text = blocker.args[0]
        assert text.startswith("Cannot reach the newsroom server 127.0.0.1:1/tin (")
        assert text.endswith("Deskapp will try again when the network is back.")
        assert win.sync_panel.label.toolTip() == text
        boxes = _message_boxes(win)
        assert [box.text() for box in boxes] == [text]
        boxes[0].accept()
        assert win.sync_panel.act_sync.isEnabled()
        assert (win.sync_panel.sentence(RuntimeError("boom"))
                == "The sync stopped on an unexpected error: boom")
    finally:
        _close(win)


def test_failed_background_sync_stays_in_the_status_bar(qtbot, reporter):
    win = _window(qtbot, reporter)
    try:
        panel = win.sync_panel
        _unreachable(win, reporter)
        shown = []
        win.errors.shown.connect(shown.append)
        panel.failed.connect(lambda _text: panel.background.stop())  # one round is enough
        panel.background.setInterval(10)
        panel.background.start()
        with qtbot.waitSignal(panel.failed, timeout=30000) as blocker:
            pass
        assert "Cannot reach the newsroom server" in blocker.args[0]
        qtbot.wait(200)
        assert shown == [] and _message_boxes(win) == []
        assert panel.label.text() == "Not synced"
        assert panel.label.toolTip() == blocker.args[0]
    finally:
        _close(win)


def test_sync_now_asks_for_a_missing_password(qtbot, reporter):
    from deskapp.sync.target import stored_password

    win = _window(qtbot, reporter, password="")
    try:
        shown, seen = [], []
        win.errors.shown.connect(shown.append)
        _answer_password(qtbot, None, seen)  # cancelled: the dialog said why, no box after
        with qtbot.waitSignal(win.sync_panel.failed, timeout=30000) as blocker:
            win.sync_panel.act_sync.trigger()
        assert blocker.args[0].startswith(f"The password of “{reporter.name}”")
        assert seen and seen[0].startswith(blocker.args[0])
        assert shown == [] and _message_boxes(win) == []

        _answer_password(qtbot, PASSWORD, seen)
        report = _sync(qtbot, win)
        assert report is not None and len(seen) == 2
        assert stored_password(reporter.target) == PASSWORD
        assert shown == []
        assert win.sync_panel.label.text() == "Synced just now"
    finally:
        _close(win)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_sync_text_is_never_cut_off(qtbot, reporter, tmp_path, language):
    from deskapp.ui.common.i18n import Translation

    translation = Translation()
    assert translation.install(language) == (language == "vi")
    try:
        win = _window(qtbot, reporter)
        panel = win.sync_panel
        label = panel.label
        seen = []

        def measure(*_args) -> None:  # as the text changes, before any later layout pass
            bar = win.statusBar()
            seen.append((label.text(), label.width(),
                         label.fontMetrics().horizontalAdvance(label.text()),
                         label.geometry().right(), bar.width()))
            bar.grab().save(str(tmp_path / f"status-{language}-{len(seen)}.png"))

        panel.failed.connect(measure)
        panel.finished.connect(measure)
        _unreachable(win, reporter)
        with qtbot.waitSignal(win.errors.shown, timeout=30000) as blocker:
            panel.act_sync.trigger()
        for box in _message_boxes(win):
            box.accept()
        assert win.sync_panel.apply_settings(reporter.target.url, PASSWORD)
        _sync(qtbot, win)
        texts = {"en": ["Not synced", "Synced just now"],
                 "vi": ["Chưa đồng bộ được", "Vừa đồng bộ xong"]}[language]
        assert [text for text, *_ in seen] == texts
        for _text, width, advance, right, bar_width in seen:
            assert width >= advance
            assert right < bar_width
        if language == "vi":
            assert blocker.args[0].startswith("Không kết nối được máy chủ tòa soạn")
        win.grab().save(str(tmp_path / f"window-{language}.png"))
        _close(win)
    finally:
        translation.install("en")


def test_status_text_counts_minutes_hours_days(qtbot, reporter):
    win = _window(qtbot, reporter)
    try:
        panel = win.sync_panel
        now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
        ago = [(now - delta).isoformat() for delta in (
            timedelta(seconds=20), timedelta(minutes=2), timedelta(hours=1, minutes=5),
            timedelta(days=3))]
        assert [panel.synced_text(stamp, now) for stamp in ago] == [
            "Synced just now", "Synced 2 minutes ago", "Synced 1 hour ago",
            "Synced 3 days ago"]
    finally:
        _close(win)


def test_editor_desk_view_lists_and_locks(qtbot, newsroom, reporter, editor, tmp_path):
    from deskapp.model import Article

    article = reporter.library.create(Article(title="Giá sầu riêng giảm", section="Kinh tế",
                                              body="…"), author=reporter.name)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    win = _window(qtbot, editor)
    try:
        _sync(qtbot, win)
        desk = win.sync_panel.desk_view
        with qtbot.waitSignal(desk.loaded, timeout=30000) as blocker:
            desk.act_show.trigger()
        assert blocker.args == [1]
        assert desk.table.item(0, 0).text() == "Giá sầu riêng giảm"
        assert desk.table.item(0, 1).text() == "Kinh tế"
        assert desk.table.item(0, 2).text() == reporter.name  # as the Reporter filter lists it
        assert desk.section.findData("Kinh tế") > 0
        with qtbot.waitSignal(desk.lockTaken, timeout=30000) as blocker:
            desk.open_row(0)
        assert blocker.args == [article.id, ""]
        assert win.editor.article_id == article.id
        other = newsroom.person("editor")
        with other.connect() as conn, pytest.raises(LockHeld):
            take_lock(conn, article.id)
        other.library.close()
        with qtbot.waitSignal(desk.loaded, timeout=30000):
            desk.refresh()
        assert desk.table.item(0, 4).text().startswith(editor.name)
        second = reporter.library.create(Article(title="Bài thứ hai", section="Kinh tế"),
                                         author=reporter.name)
        transition(reporter.library, second.id, "submit", user=reporter.name, role="reporter")
        reporter.sync()
        _sync(qtbot, win)
        with qtbot.waitSignal(desk.loaded, timeout=30000):
            desk.refresh()
        with qtbot.waitSignal(desk.lockTaken, timeout=30000):
            desk.open_row([r.article_id for r in desk.rows].index(second.id))
        with editor.connect() as conn:  # one article at a time: the first is free again
            assert lock_of(conn, article.id) is None
            assert lock_of(conn, second.id).holder == editor.name
        win.resize(1300, 900)
        win.grab().save(str(tmp_path / "desk.png"))
    finally:
        _close(win)


def test_closing_the_window_gives_the_soft_lock_back(qtbot, reporter, editor):
    from deskapp.model import Article

    article = reporter.library.create(Article(title="Đường tránh lũ", section="Thời sự",
                                              byline="Thanh Tùng"), author=reporter.name)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    win = _window(qtbot, editor)
    try:
        _sync(qtbot, win)
        desk = win.sync_panel.desk_view
        with qtbot.waitSignal(desk.loaded, timeout=30000):
            desk.act_show.trigger()
        assert desk.table.item(0, 2).text() == f"{reporter.name} · Thanh Tùng"
        with qtbot.waitSignal(desk.lockTaken, timeout=30000):
            desk.open_row(0)
        with editor.connect() as conn:
            assert lock_of(conn, article.id).holder == editor.name
    finally:
        _close(win)
    with editor.connect() as conn:  # nobody is shown as editing it any more
        assert lock_of(conn, article.id) is None


def test_closing_with_the_server_out_of_reach_is_not_held_up(qtbot, editor):
    import time

    win = _window(qtbot, editor)
    desk = win.sync_panel.desk_view
    desk.locked = "an-article-id"  # as if a lock had been taken before the network went
    _unreachable(win, editor)
    started = time.monotonic()
    _close(win)
    assert time.monotonic() - started < 10
    assert desk.locked == "an-article-id"  # still held on the server until it lapses


@pytest.mark.parametrize("kept", ["keyring", "session"])
def test_desk_view_asks_for_a_missing_password_then_loads(qtbot, reporter, editor, tmp_path,
                                                         monkeypatch, kept):
    from keyring.backends import fail

    from deskapp.model import Article
    from deskapp.sync.target import stored_password

    article = reporter.library.create(Article(title="Đường sạt lở", section="Thời sự",
                                              body="…"), author=reporter.name)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    if kept == "session":  # no keyring at all (nor secret-tool to fall back on)
        monkeypatch.setenv("PATH", str(tmp_path))
        keyring.set_keyring(fail.Keyring())
    win = _window(qtbot, editor, password="")
    try:
        desk = win.sync_panel.desk_view
        seen = []
        _answer_password(qtbot, PASSWORD, seen)
        with qtbot.waitSignal(desk.loaded, timeout=30000) as blocker:
            desk.act_show.trigger()
        assert blocker.args == [1]
        assert desk.table.item(0, 0).text() == "Đường sạt lở"
        assert len(seen) == 1
        assert seen[0].startswith(f"The password of “{editor.name}”")
        assert seen[0].endswith(f"Password for {editor.name}:")
        if kept == "keyring":
            assert stored_password(editor.target) == PASSWORD
        else:
            assert win.sync_panel.session_password == PASSWORD
        with qtbot.waitSignal(desk.loaded, timeout=30000):  # asked once, not every time
            desk.refresh()
        assert len(seen) == 1
    finally:
        _close(win)


def test_desk_view_password_cancelled_says_why(qtbot, editor):
    win = _window(qtbot, editor, password="")
    try:
        desk = win.sync_panel.desk_view
        seen = []
        _answer_password(qtbot, None, seen)
        desk.act_show.trigger()
        qtbot.waitUntil(lambda: bool(seen), timeout=30000)
        qtbot.waitUntil(lambda: desk.note.text().startswith("The password of"), timeout=3000)
        assert desk.rows == [] and len(seen) == 1
    finally:
        _close(win)


def test_vietnamese_status_bar_and_menu(qtbot, reporter, tmp_path):
    from deskapp.ui.common.i18n import Translation

    translation = Translation()
    assert translation.install("vi")
    try:
        win = _window(qtbot, reporter)
        panel = win.sync_panel
        now = datetime.now(UTC)
        reporter.library.set_setting("sync_last", (now - timedelta(minutes=2)).isoformat())
        panel.show_state()
        assert panel.label.text() == "Đã đồng bộ 2 phút trước"
        assert panel.menu.title() == "&Tòa soạn"
        assert panel.act_sync.text() == "Đồng &bộ ngay"
        qtbot.waitUntil(lambda: panel.label.geometry().right() <= win.statusBar().width())
        qtbot.wait(50)
        win.statusBar().grab().save(str(tmp_path / "status-vi.png"))
        _close(win)
    finally:
        translation.install("en")


def test_open_article_gets_the_desks_version_and_refusals_show(qtbot, reporter, editor):
    from deskapp.exchange.merge import open_conflict
    from deskapp.model import Article

    article = reporter.library.create(Article(title="Cầu treo bị hỏng", body="Bản đầu."),
                                      author=reporter.name)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    win = _window(qtbot, reporter)
    try:
        win.session.open(article.id)
        _sync(qtbot, win)
        editor.sync()
        transition(editor.library, article.id, "return", user=editor.name, role="editor",
                   reason="Cần ảnh")
        editor.sync()
        _sync(qtbot, win)  # the open article arrives held back, then is settled at once
        assert win.editor.article_id == article.id
        assert reporter.library.get(article.id).status == "returned"
        assert open_conflict(reporter.library, article.id) is None
        qtbot.waitUntil(lambda: not win.sync_panel.running, timeout=30000)

        other = reporter.library.create(Article(title="Tự duyệt", body="…"),
                                        author=reporter.name)
        transition(reporter.library, other.id, "submit", user=reporter.name, role="reporter")
        _sync(qtbot, win)
        transition(reporter.library, other.id, "approve", user=reporter.name, role="editor",
                   override_note="thử")
        report = _sync(qtbot, win)
        assert [r.article_id for r in report.refused] == [other.id]
        label = win.sync_panel.label
        assert label.text() == "Synced just now — the server refused some changes"
        assert "Tự duyệt" in label.toolTip() and "reporters change only" in label.toolTip()
    finally:
        _close(win)


def test_submitting_sends_the_article_at_once(qtbot, newsroom, reporter, editor):
    from deskapp.desk import Action
    from deskapp.sync.desk import desk_articles
    from deskapp.ui.desk.desk_actions import SUBMIT_ANYWAY

    win = _window(qtbot, reporter)
    try:
        win.session.new()
        type_text(win.editor.title, "Cháy rừng ở Kon Plông")
        win.editor.body.setPlainText("Lửa bùng lên lúc chiều.")
        told: list[str] = []  # no byline: proofing says so, and the reporter submits anyway
        win.desk.ask_findings = lambda message: told.append(message) or SUBMIT_ANYWAY
        with qtbot.waitSignal(win.sync_panel.finished, timeout=30000):
            win.desk.actions[Action.SUBMIT].trigger()
        assert len(told) == 1
        with editor.connect() as conn:
            assert [r.title for r in desk_articles(conn)] == ["Cháy rừng ở Kon Plông"]
    finally:
        _close(win)


def test_server_dialog_keeps_the_password_out_of_the_library(qtbot, reporter, tmp_path):
    from PySide6.QtWidgets import QApplication

    from deskapp.sync.target import stored_password
    from deskapp.ui.sync.sync_panel import ServerDialog

    win = MainWindow(reporter.library, user=reporter.name, render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    try:
        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, ServerDialog)
            dialog.url.setText(reporter.target.url)
            type_text(dialog.password, "bí-mật-mới")
            dialog.grab().save(str(tmp_path / "server-dialog.png"))
            dialog.accept()

        QTimer.singleShot(200, fill)
        assert win.sync_panel.edit_settings()
        target = load_target(reporter.library)
        assert target == reporter.target
        assert stored_password(target) == "bí-mật-mới"
        assert win.sync_panel.label.text() == "Not synced yet"
        rows = reporter.library.db.execute("SELECT value FROM settings").fetchall()
        assert not any("bí-mật-mới" in (value or "") for (value,) in rows)
    finally:
        _close(win)


def test_switching_language_rewrites_the_sync_text(qtbot, reporter):
    win = _window(qtbot, reporter)
    try:
        reporter.library.set_setting(
            "sync_last", (datetime.now(UTC) - timedelta(minutes=3)).isoformat())
        win.sync_panel.show_state()
        assert win.sync_panel.label.text() == "Synced 3 minutes ago"
        win.preferences.set_language("vi")
        qtbot.waitUntil(lambda: win.sync_panel.label.text() == "Đã đồng bộ 3 phút trước",
                        timeout=3000)
        assert win.sync_panel.menu.title() == "&Tòa soạn"
        win.preferences.set_language("en")
        qtbot.waitUntil(lambda: win.sync_panel.label.text() == "Synced 3 minutes ago",
                        timeout=3000)
    finally:
        _close(win)


def test_a_comment_resolved_on_the_desk_shows_resolved_in_the_open_article(
        qtbot, reporter, editor):
    from deskapp.desk.comments import add_comment, resolve
    from deskapp.model import Article

    article = reporter.library.create(
        Article(title="Cầu treo Đăk Pxi", section="Thời sự", body="Cầu dài 120 mét."),
        author=reporter.name)
    comment = add_comment(reporter.library, article, "body", 0, 3, "Kiểm tra tên cầu",
                          reporter.name)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    editor.sync()
    resolve(editor.library, comment.id, by=editor.name)
    editor.sync()
    win = _window(qtbot, reporter)
    try:
        win.session.open(article.id)
        panel = win.review.comments
        win.review.comments_dock.show()
        with qtbot.waitSignal(panel.refreshed, timeout=5000):
            panel.refresh()
        assert [c.resolved for c, _anchor in panel.entries] == [False]
        win.editor.body.moveCursor(QTextCursor.MoveOperation.End)
        with qtbot.waitSignal(win.sync_panel.finished, timeout=30000):
            win.sync_panel.act_sync.trigger()
            type_text(win.editor.body, " Mới")  # typed while the sync runs: not saved yet
        assert win.isWindowModified()
        assert win.editor.body.toPlainText().endswith(" Mới")
        qtbot.waitUntil(lambda: [c.resolved for c, _anchor in panel.entries] == [True],
                        timeout=5000)
        assert f"resolved by {editor.name}" in panel.list.item(0).text()
    finally:
        _close(win)


def test_get_older_articles_brings_what_the_first_sync_left(qtbot, newsroom, editor):
    """A new desk laptop: the first sync takes the recent window, the menu the rest."""
    from deskapp.model import Article

    author = newsroom.person("editor")
    lib = author.library
    old = []
    for i in range(3):
        article = lib.create(Article(title=f"Bài cũ {i}", body="x"), author=author.name)
        transition(lib, article.id, "submit", user=author.name, role="reporter")
        transition(lib, article.id, "take", user=author.name, role="editor")
        transition(lib, article.id, "approve", user=author.name, role="editor",
                   override_note="đã đọc")
        old.append(article.id)
    author.sync()
    author.library.close()
    with newsroom.admin() as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE deskapp.articles SET changed_at = now() - interval '90 days'")
        conn.execute("SET session_replication_role = DEFAULT")
    win = _window(qtbot, editor)
    try:
        panel = win.sync_panel
        assert not panel.act_older.isEnabled()  # nothing known to wait yet
        _sync(qtbot, win)
        assert not set(old) & {a.id for a in editor.library.list()}
        assert panel.act_older.isEnabled()
        assert panel.act_older in panel.menu.actions()
        with qtbot.waitSignal(panel.finished, timeout=30000) as blocker:
            panel.act_older.trigger()
        assert blocker.args[0].older_fetched == 3
        assert set(old) <= {a.id for a in editor.library.list()}
        assert not panel.act_older.isEnabled()
    finally:
        _close(win)


def test_the_desks_register_reaches_the_reporters_proofing(qtbot, reporter, editor):
    from deskapp.model import Article
    from deskapp.store.names import set_name

    set_name(editor.library, "Hoàng Văn Kỳ", user=editor.name)
    editor.sync()
    article = reporter.library.create(
        Article(title="Xã Đắk Pék", lead="Sapo.", body="Ông Hoàng Văn Kì, chủ tịch xã, cho biết."),
        author=reporter.name)
    win = _window(qtbot, reporter)
    try:
        win.session.open(article.id)
        proof = win.review.proof

        def register_fixes():
            proof.run()
            qtbot.waitUntil(lambda: not proof.is_busy(), timeout=10000)
            return [f.fix for f in proof.findings if f.rule == "name_register"]

        assert register_fixes() == []
        report = _sync(qtbot, win)
        assert report.names_pulled == 1
        assert register_fixes() == ["Hoàng Văn Kỳ"]
        assert not win.sync_panel.refused and not win.sync_panel.note
    finally:
        _close(win)


def test_an_older_server_leaves_the_register_aside_with_a_note(qtbot, older_server):
    old = older_server(6)
    person = old.person("reporter")
    win = _window(qtbot, person)
    try:
        report = _sync(qtbot, win)
        assert report.names_note == "names_server_old"
        label = win.sync_panel.label
        assert label.text() == "Synced just now"  # not a failure
        assert "does not carry the name register" in label.toolTip()
    finally:
        _close(win)
        person.library.close()
