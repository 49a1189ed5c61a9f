"""File → Backups, and the preview's links and remote resources."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from deskapp.store.backup import backup_folder


def _edit_body(window, text: str) -> None:
    window.editor.body.setPlainText(text)
    assert window.session.save()


def test_back_up_now_writes_a_backup_file(qtbot, window, library_path):
    with qtbot.waitSignal(window.backups.backupFinished, timeout=10000) as finished:
        window.backups.act_backup_now.trigger()
    made = finished.args[0]
    assert made.endswith("-manual.sqlite")
    assert (backup_folder(library_path) / made.rsplit("/", 1)[-1]).exists()
    assert made.rsplit("/", 1)[-1] in window.statusBar().currentMessage()


def test_restore_from_the_menu_brings_the_old_text_back(qtbot, window, library_path):
    window.session.new()
    window.editor.title.setText("Bài sao lưu")
    _edit_body(window, "Trước khi sửa.")
    with qtbot.waitSignal(window.backups.backupFinished, timeout=10000):
        window.backups.backup_now()
    _edit_body(window, "Sau khi sửa.")
    window.backups.backupChosen = lambda backups: next(b for b in backups if b.reason == "manual")
    assert window.backups.restore_backup_dialog()
    try:
        ids = window.library_panel.ids()
        bodies = [window.session.library.get(i).body for i in ids]
        assert "Trước khi sửa." in bodies and "Sau khi sửa." not in bodies
        aside = list(library_path.parent.glob("library.damaged-*.sqlite"))
        assert len(aside) == 1
        library = window.session.library
        window.session.open(next(i for i in ids if library.get(i).title == "Bài sao lưu"))
        assert window.editor.body.toPlainText() == "Trước khi sửa."
    finally:
        window.close()
        window.session.library.close()


def test_export_library_as_markdown(qtbot, window, tmp_path):
    target = tmp_path / "xuất"
    with qtbot.waitSignal(window.backups.libraryExported, timeout=10000):
        window.backups.export_library_to(target)
    assert list(target.glob("*.md"))


def test_link_click_asks_and_opens_only_when_confirmed(window):
    opened: list[str] = []
    asked: list[str] = []
    links = window.preview.links
    links.opener = lambda url: opened.append(url.toString()) or True
    links.confirm = lambda url: asked.append(url.toString()) or False
    window.preview.browser.anchorClicked.emit(QUrl("https://vnexpress.net/bai"))
    assert asked == ["https://vnexpress.net/bai"] and opened == []
    links.confirm = lambda url: True
    window.preview.browser.anchorClicked.emit(QUrl("https://vnexpress.net/bai"))
    assert opened == ["https://vnexpress.net/bai"]
    window.preview.browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    window.preview.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://vnexpress.net/bai"]


def test_preview_never_loads_remote_resources(window):
    browser = window.preview.browser
    kind = int(QTextDocument.ResourceType.ImageResource.value)
    assert browser.loadResource(kind, QUrl("https://example.com/x.png")) is None
    assert browser.loadResource(kind, QUrl("http://example.com/x.png")) is None
