"""Damaged, newer, read-only, full or busy libraries: refused clearly, nothing lost."""

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from deskapp.errors import LibraryError
from deskapp.model import Article, RevisionKind
from deskapp.store import Library
from deskapp.store.backup import backup_now
from deskapp.store.lock import acquire_writer_lock, lock_owner, lock_path
from deskapp.store.recovery import diagnose, open_new_library_beside
from deskapp.store.schema import SCHEMA_VERSION

HOLDER = textwrap.dedent(
    """
    import sys, time
    from deskapp.store.lock import acquire_writer_lock
    lock = acquire_writer_lock(sys.argv[1])
    print("held" if lock else "busy", flush=True)
    time.sleep(60)
    """
)


def make_library(path: Path, title: str = "Bài một") -> None:
    lib = Library.open(path)
    lib.create(Article(title=title, body="Thân bài."))
    lib.close()


def deny_writes_under(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OS refusing writes in ``folder``, as a read-only mount does even for root."""
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if writing and Path(path).resolve().parent == folder.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


@pytest.fixture
def read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A folder holding a library that cannot be written: chmod, and the OS's word for root."""
    folder = tmp_path / "ro"
    folder.mkdir()
    make_library(folder / "library.sqlite")
    for name in os.listdir(folder):
        (folder / name).chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    deny_writes_under(folder, monkeypatch)  # chmod binds nobody when tests run as root
    yield folder
    folder.chmod(stat.S_IRWXU)
    for name in os.listdir(folder):
        (folder / name).chmod(stat.S_IRUSR | stat.S_IWUSR)


# ---- diagnose ----------------------------------------------------------------
def test_a_sound_library_is_ok(library_path):
    make_library(library_path)
    found = diagnose(library_path)
    assert (found.code, found.can_open_new, found.backups) == ("ok", True, [])


def test_a_missing_library_is_ok_and_not_created(library_path):
    assert diagnose(library_path).code == "ok"
    assert not library_path.exists()


def test_garbage_is_corrupt_and_lists_the_backups(library_path):
    make_library(library_path)
    backup_now(library_path, "manual")
    library_path.write_bytes(b"not a database at all" * 10)
    found = diagnose(library_path)
    assert found.code == "library_corrupt"
    assert [b.articles for b in found.backups] == [1]
    assert found.can_open_new
    with pytest.raises(LibraryError) as caught:
        Library.open(library_path)
    assert caught.value.code == "library_corrupt"


def test_truncated_library_is_corrupt(library_path):
    make_library(library_path)
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = library_path.read_bytes()
    library_path.write_bytes(data[: len(data) // 2])
    assert diagnose(library_path).code == "library_corrupt"


def test_newer_schema_is_too_new(library_path):
    make_library(library_path)
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    assert diagnose(library_path).code == "library_too_new"


def test_read_only_folder_is_unwritable(read_only_folder):
    path = read_only_folder / "library.sqlite"
    found = diagnose(path)
    assert found.code == "library_unwritable"
    assert not found.can_open_new
    with pytest.raises(LibraryError) as caught:
        open_new_library_beside(path)
    assert caught.value.code == "library_unwritable"


def test_library_open_refuses_a_read_only_folder(read_only_folder):
    with pytest.raises(LibraryError) as caught:
        Library.open(read_only_folder / "library.sqlite")
    assert caught.value.code == "library_unwritable"
    with pytest.raises(LibraryError) as caught:
        Library.open(read_only_folder / "new.sqlite")
    assert caught.value.code == "library_unwritable"


def test_library_open_refuses_a_read_only_file(library_path, monkeypatch):
    make_library(library_path)
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        if Path(path) == library_path and flags & os.O_RDWR:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    with pytest.raises(LibraryError) as caught:
        Library.open(library_path)
    assert caught.value.code == "library_unwritable"


def test_new_library_beside_never_names_an_existing_file(library_path):
    make_library(library_path)
    first = open_new_library_beside(library_path)
    assert first.parent == library_path.parent and not first.exists()
    assert first.name.startswith("library.new-") and first.suffix == ".sqlite"
    make_library(first)
    second = open_new_library_beside(library_path)
    assert second != first and not second.exists()


# ---- disk full ---------------------------------------------------------------
class FullDisk:
    """A connection whose writes fail as SQLite's do when the disk is full."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_disk_full_during_save_loses_nothing(library_path):
    lib = Library.open(library_path)
    article = lib.create(Article(title="Tít", body="Đoạn đã lưu."))
    real = lib.db.conn
    lib.db.conn = FullDisk(real)
    article.body = "Đoạn đã lưu. Đoạn mới gõ."
    with pytest.raises(LibraryError) as caught:
        lib.save(article, kind=RevisionKind.AUTOSAVE)
    assert caught.value.code == "disk_full"  # named as a full disk, never as damage
    assert "is full" in str(caught.value) and "is damaged" not in str(caught.value)
    assert article.body == "Đoạn đã lưu. Đoạn mới gõ."  # the text the window keeps
    lib.db.conn = real
    assert lib.get(article.id).body == "Đoạn đã lưu."  # no half-written change
    lib.save(article, kind=RevisionKind.AUTOSAVE)  # the retry once space is back
    lib.close()
    again = Library.open(library_path)
    assert again.get(article.id).body == "Đoạn đã lưu. Đoạn mới gõ."
    assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    again.close()


# ---- one writer ---------------------------------------------------------------
def test_lock_is_exclusive_and_released(library_path):
    first = acquire_writer_lock(library_path)
    assert first is not None
    assert lock_path(library_path).read_text().split()[0] == str(os.getpid())
    assert acquire_writer_lock(library_path) is None  # even a second handle here
    owner = lock_owner(library_path)
    assert owner is not None and owner.is_this_process
    first.release()
    assert lock_owner(library_path) is None
    with acquire_writer_lock(library_path) as again:
        assert again.held
    assert not again.held


def test_a_held_lock_whose_owner_line_was_lost_names_an_unknown_holder(library_path):
    """The owner line is flushed, not synced: after a power cut it may be empty."""
    make_library(library_path)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(library_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "held"
        lock_path(library_path).write_bytes(b"")
        owner = lock_owner(library_path)
        assert owner is not None and owner.pid == 0 and owner.host == ""
        assert acquire_writer_lock(library_path) is None  # still held all the same
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_another_live_process_holds_the_lock(library_path):
    make_library(library_path)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(library_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "held"
        assert acquire_writer_lock(library_path) is None
        owner = lock_owner(library_path)
        assert owner is not None and owner.pid == proc.pid and not owner.is_this_process
        found = diagnose(library_path)
        assert found.code == "locked" and found.owner == owner
    finally:
        proc.kill()
        proc.wait(timeout=10)
    # The holder died without cleaning up: its file stays, its lock does not.
    assert lock_path(library_path).read_text().split()[0] == str(proc.pid)
    taken = acquire_writer_lock(library_path)
    assert taken is not None
    assert lock_path(library_path).read_text().split()[0] == str(os.getpid())
    taken.release()
    assert diagnose(library_path).code == "ok"


def test_restore_refuses_while_another_process_writes(library_path):
    from deskapp.store.backup import restore_backup

    make_library(library_path)
    backup = backup_now(library_path, "manual")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(library_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(LibraryError) as caught:
            restore_backup(backup, library_path)
        assert caught.value.code == "library_locked"
    finally:
        proc.kill()
        proc.wait(timeout=10)
