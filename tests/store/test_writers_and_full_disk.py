"""Two writers wait for each other; a full disk is a full disk, never a damaged library."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from deskapp.errors import LibraryError
from deskapp.model import Article
from deskapp.store import Library
from deskapp.store.recovery import diagnose

SRC = Path(__file__).resolve().parents[2] / "src"
ENV = {**os.environ, "PYTHONPATH": str(SRC), "DESKAPP_LANG": "en"}
HOLD_SECONDS = 2.0


class WriteLockHolder(threading.Thread):
    """Another connection that takes the write lock and keeps it for ``HOLD_SECONDS``."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.taken = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('holder', '1')")
            self.taken.set()
            time.sleep(HOLD_SECONDS)
            conn.execute("COMMIT")
            conn.close()
        except BaseException as exc:
            self.error = exc
            self.taken.set()


def test_a_save_waits_for_another_writer_and_succeeds(library_path):
    library = Library.open(library_path)
    try:
        article = library.create(Article(title="Tít", body="Đoạn một."))
        holder = WriteLockHolder(library_path)
        holder.start()
        assert holder.taken.wait(10) and holder.error is None
        article.body = "Đoạn một. Đoạn hai."
        library.save(article)  # waits for the lock instead of "database is locked"
        holder.join()
        assert holder.error is None
        assert library.get(article.id).body == "Đoạn một. Đoạn hai."
        assert library.get_setting("holder") == "1"
        library.set_setting("after", "1")  # sqlite-utils' upsert reads first, then writes
        holder = WriteLockHolder(library_path)
        holder.start()
        assert holder.taken.wait(10)
        library.set_setting("after", "2")
        holder.join()
        assert library.get_setting("after") == "2"
    finally:
        library.close()


def test_a_command_waits_for_another_writer_and_succeeds(library_path, tmp_path):
    library = Library.open(library_path)
    article = library.create(Article(title="Tít", body="Đoạn một."))
    library.close()
    source = tmp_path / "bai.md"
    source.write_text("---\ntitle: Bài mới\n---\nThân bài.\n", encoding="utf-8")
    holder = WriteLockHolder(library_path)
    holder.start()
    assert holder.taken.wait(10) and holder.error is None
    runs = [subprocess.run([sys.executable, "-m", "deskapp", "--library", str(library_path),
                            *command], env=ENV, capture_output=True, text=True, timeout=60)
            for command in (["import", str(source)], ["status", article.id[:8], "submit"])]
    holder.join()
    for done in runs:
        assert done.returncode == 0, done.stderr
        assert "locked" not in done.stderr
    library = Library.open(library_path)
    try:
        assert library.get(article.id).status == "submitted"
        assert "Bài mới" in {item.title for item in library.list()}
    finally:
        library.close()


# ---- a full disk -------------------------------------------------------------
def full_disk_error() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # SQLITE_FULL
    error.sqlite_errorname = "SQLITE_FULL"
    return error


class FullDiskConnection:
    """A connection that fails as SQLite does when the disk is full (and only then)."""

    def __init__(self, conn: sqlite3.Connection, fail_on: tuple[str, ...]) -> None:
        self._conn = conn
        self._fail_on = fail_on

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith(self._fail_on):
            raise full_disk_error()
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_full_disk_at_open_is_named_and_not_judged_damaged(library_path, monkeypatch):
    library = Library.open(library_path)
    library.create(Article(title="Tít"))
    library.close()
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        return FullDiskConnection(conn, ("PRAGMA USER_VERSION", "PRAGMA JOURNAL_MODE"))

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(LibraryError) as caught:
        Library.open(library_path)
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    assert caught.value.code == "disk_full"
    assert "is full" in str(caught.value) and "is damaged" not in str(caught.value)


def test_diagnose_names_a_full_disk(library_path, monkeypatch):
    library = Library.open(library_path)
    library.close()
    usage = shutil.disk_usage(library_path.parent)
    monkeypatch.setattr(shutil, "disk_usage",
                        lambda _p: type(usage)(usage.total, usage.total, 0))
    assert diagnose(library_path).code == "disk_full"


FULL_TMPFS = """
import os, sys
from pathlib import Path
from deskapp.errors import LibraryError
from deskapp.model import Article
from deskapp.store import Library
from deskapp.store.recovery import diagnose
folder = Path(sys.argv[1])
path = folder / "library.sqlite"
library = Library.open(path)
article = library.create(Article(title="Tít", body="Đoạn đã lưu."))
with open(folder / "filler", "wb") as filler:
    try:
        while True:
            filler.write(b"x" * 65536)
            filler.flush()
    except OSError:
        pass
article.body = "Đoạn mới. " * 20000
try:
    library.save(article)
    print("saved")
except LibraryError as error:
    print(error.code)
    print(error)
print(diagnose(path).code)
library.close()
try:
    Library.open(path).close()
    print("opened")
except LibraryError as error:
    print(error.code)
"""


def test_a_real_full_disk_on_a_small_tmpfs(tmp_path):
    """Where a private mount is allowed (a user and mount namespace), fill a 2 MB tmpfs."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not available: the simulated SQLITE_FULL tests stand in")
    folder = tmp_path / "small"
    folder.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(FULL_TMPFS, encoding="utf-8")
    done = subprocess.run(
        [unshare, "-rm", "sh", "-c",
         f'mount -t tmpfs -o size=2m tmpfs "{folder}" && exec "{sys.executable}" "{script}" '
         f'"{folder}"'], env=ENV, capture_output=True, text=True, timeout=120)
    if "mount" in done.stderr and done.returncode != 0:
        pytest.skip(f"a tmpfs cannot be mounted here ({done.stderr.strip()})")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "disk_full", done.stdout
    assert "is full" in lines[1]
    assert lines[2] == "disk_full"  # the recovery dialog would not call it damaged
    assert lines[3] in ("opened", "disk_full")
