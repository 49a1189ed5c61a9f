"""A damaged library at start, and a second Deskapp on the same library."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.store.backup import backup_now
from deskapp.store.recovery import Diagnosis
from deskapp.ui.safety.backup_dialogs import RecoveryDialog
from deskapp.ui.safety.recovery_dialog import Choice, library_to_open, reason_text
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.single_instance import InstanceServer, hand_over
from deskapp.ui.shell.startup import open_for_writing
from deskapp.workspace import open_library

GARBAGE = b"this is not a database " * 200


def _damaged_library_with_backup(path: Path) -> bytes:
    library = open_library(path)
    library.create(Article(title="Bài trước khi hỏng", body="Nội dung còn nguyên."))
    backup_now(library, "manual")
    library.close()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    path.write_bytes(GARBAGE)
    return GARBAGE


def test_garbage_library_restore_opens_the_backup_and_keeps_the_damaged_file(qtbot, library_path):
    _damaged_library_with_backup(library_path)
    seen: list[Diagnosis] = []

    def choose(diagnosis: Diagnosis) -> Choice:
        seen.append(diagnosis)
        manual = next(b for b in diagnosis.backups if b.reason == "manual")
        return Choice("restore", manual)

    opened = open_for_writing(library_path, choose=choose, inform=lambda _t: None)
    assert opened is not None
    try:
        assert seen[0].code == "library_corrupt"
        assert "damaged" in reason_text(seen[0])
        aside = list(library_path.parent.glob("library.damaged-*.sqlite"))
        assert len(aside) == 1 and aside[0].read_bytes() == GARBAGE
        window = MainWindow(opened.library, user="Tester", render_html=article_html)
        qtbot.addWidget(window)
        titles = [opened.library.get(i).title for i in window.library_panel.ids()]
        assert "Bài trước khi hỏng" in titles
        window.close()
    finally:
        opened.close()


def test_new_library_beside_leaves_the_damaged_file_untouched(library_path):
    _damaged_library_with_backup(library_path)
    opened = open_for_writing(library_path, choose=lambda _d: Choice("new"),
                              inform=lambda _t: None)
    assert opened is not None
    try:
        assert opened.path != library_path
        assert opened.path.parent == library_path.parent
        assert library_path.read_bytes() == GARBAGE
        assert library_to_open(library_path) == opened.path  # remembered for the next start
    finally:
        opened.close()


def test_quit_changes_nothing(library_path):
    _damaged_library_with_backup(library_path)
    assert open_for_writing(library_path, choose=lambda _d: Choice("quit"),
                            inform=lambda _t: None) is None
    assert library_path.read_bytes() == GARBAGE


def test_recovery_dialog_lists_backups(qtbot, library_path):
    _damaged_library_with_backup(library_path)
    from deskapp.store.recovery import diagnose

    dialog = RecoveryDialog(diagnose(library_path))
    qtbot.addWidget(dialog)
    assert dialog.backups.count() >= 1
    assert "2 articles" in dialog.backups.item(0).text()
    dialog.restore_button.click()
    assert dialog.choice().action == "restore"


def test_second_instance_explains_and_exits_without_a_traceback(tmp_path, library_path):
    library_path.parent.mkdir(parents=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKAPP_LANG": "en",
           "DESKAPP_QUIT_AFTER_START": "1", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from deskapp.store.lock import acquire_writer_lock; "
         "lock = acquire_writer_lock(sys.argv[1]); print('held', flush=True); time.sleep(60)",
         str(library_path)], stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-c",
             "import sys; from pathlib import Path; from deskapp.ui.shell.app import run; "
             "sys.exit(run(Path(sys.argv[1])))", str(library_path)],
            capture_output=True, text=True, env=env, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert "database is locked" not in second.stderr
    assert f"process {holder.pid}" in second.stderr
    assert time.monotonic() - started < 30


def test_a_later_start_brings_the_first_window_forward(qtbot, library_path, tmp_path):
    server = InstanceServer(library_path)
    assert server.listening
    package = tmp_path / "bài.deskpkg"
    try:
        with qtbot.waitSignal(server.activated, timeout=5000) as received:
            assert hand_over(library_path, [package])
        assert received.args == [[str(package.resolve())]]
    finally:
        server.close()
    assert not hand_over(tmp_path / "other.sqlite", [])
