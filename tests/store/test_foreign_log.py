"""Only Deskapp's own writes change a library: a log that is not the library's is set aside.

A ``-wal`` copied from another library used to be replayed into a healthy one
and checkpointed when the open failed; a damaged library must stay byte for
byte as it was. A log left by a crash of the library itself holds
acknowledged saves and must be kept.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from deskapp.errors import LibraryError
from deskapp.model import Article
from deskapp.store import Library

SRC = Path(__file__).resolve().parents[2] / "src"
ENV = {**os.environ, "PYTHONPATH": str(SRC), "DESKAPP_LANG": "en"}

# Saves in a child that is then killed (os._exit: no close, no checkpoint), so the
# library's -wal keeps frames, as after a crash.
CRASH_AFTER_SAVES = """
import os, sys
from deskapp.model import Article
from deskapp.store import Library
library = Library.open(sys.argv[1])
for i in range(int(sys.argv[2])):
    library.create(Article(title=f"{sys.argv[3]} {i}", body="đoạn văn " * 400))
print("saved", flush=True)
os._exit(0)
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_library(path: Path, label: str, count: int = 20) -> None:
    library = Library.open(path)
    for i in range(count):
        library.create(Article(title=f"{label} {i}", body="chữ " * 500))
    library.close()


def crash_after_saves(path: Path, label: str, count: int = 5) -> None:
    done = subprocess.run([sys.executable, "-c", CRASH_AFTER_SAVES, str(path), str(count),
                           label], env=ENV, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "saved", done.stderr
    assert Path(f"{path}-wal").stat().st_size > 32  # frames left behind


def titles(library: Library) -> set[str]:
    return {item.title for item in library.list()}


def sound(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_a_log_from_another_library_is_set_aside_and_never_written_in(tmp_path):
    mine, other = tmp_path / "mine" / "library.sqlite", tmp_path / "other" / "library.sqlite"
    make_library(mine, "Của tôi")
    make_library(other, "Của người khác")
    crash_after_saves(other, "Muộn")
    foreign = Path(f"{other}-wal").read_bytes()
    Path(f"{mine}-wal").write_bytes(foreign)
    library = Library.open(mine)
    try:
        assert library.log_set_aside is not None
        assert library.log_set_aside.parent == mine.parent
        assert library.log_set_aside.name.startswith("library.sqlite-wal.set-aside-")
        assert library.log_set_aside.read_bytes() == foreign  # renamed, not rewritten
        assert titles(library) == {f"Của tôi {i}" for i in range(20)}
    finally:
        library.close()
    assert sound(mine)
    # Nothing from the log reached the file: its pages are the ones it had.
    conn = sqlite3.connect(f"{mine.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    assert conn.execute("SELECT count(*) FROM articles WHERE title LIKE 'Muộn%'").fetchone()[0] == 0
    conn.close()


def test_the_command_line_says_where_the_log_went(tmp_path):
    mine, other = tmp_path / "mine" / "library.sqlite", tmp_path / "other" / "library.sqlite"
    make_library(mine, "Của tôi", count=3)
    make_library(other, "Khác", count=3)
    crash_after_saves(other, "Muộn")
    shutil.copyfile(f"{other}-wal", f"{mine}-wal")
    done = subprocess.run([sys.executable, "-m", "deskapp", "--library", str(mine), "list"],
                          env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    aside = list(mine.parent.glob("library.sqlite-wal.set-aside-*"))
    assert len(aside) == 1
    assert f"renamed to “{aside[0]}”" in done.stderr
    assert "did not belong to it" in done.stderr
    assert len(done.stdout.splitlines()) == 3


def test_a_log_left_by_a_crash_is_kept_with_its_saves(tmp_path):
    path = tmp_path / "library.sqlite"
    make_library(path, "Trước", count=3)
    crash_after_saves(path, "Sau khi tắt đột ngột", count=4)
    library = Library.open(path)
    try:
        assert library.log_set_aside is None
        assert {f"Sau khi tắt đột ngột {i}" for i in range(4)} <= titles(library)
    finally:
        library.close()
    assert not list(tmp_path.glob("*set-aside*"))


def test_a_damaged_library_is_refused_byte_for_byte_unchanged(tmp_path):
    path = tmp_path / "library.sqlite"
    make_library(path, "Bài", count=30)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 5: page * 7] = os.urandom(page * 2)  # two pages of the tables' b-trees
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(LibraryError) as caught:
        Library.open(path)
    assert caught.value.code == "library_corrupt"
    assert digest(path) == before


def test_a_damaged_library_with_a_foreign_log_leaves_both_untouched(tmp_path):
    path, other = tmp_path / "a" / "library.sqlite", tmp_path / "b" / "library.sqlite"
    make_library(path, "Bài", count=30)
    make_library(other, "Khác", count=3)
    crash_after_saves(other, "Muộn")
    data = bytearray(path.read_bytes())
    data[4096 * 5: 4096 * 7] = os.urandom(4096 * 2)
    path.write_bytes(bytes(data))
    shutil.copyfile(f"{other}-wal", f"{path}-wal")
    before, log_before = digest(path), digest(Path(f"{path}-wal"))
    with pytest.raises(LibraryError) as caught:
        Library.open(path)
    assert caught.value.code == "library_corrupt"
    assert digest(path) == before
    assert digest(Path(f"{path}-wal")) == log_before
    assert not list(path.parent.glob("*set-aside*"))


def test_a_log_in_use_by_another_process_is_left_alone(tmp_path):
    """The window has the library open and writing: the command line must not touch its log."""
    path = tmp_path / "library.sqlite"
    make_library(path, "Bài", count=2)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from deskapp.model import Article\nfrom deskapp.store import Library\n"
         "library = Library.open(sys.argv[1])\n"
         "library.create(Article(title='Đang mở ở cửa sổ', body='chữ ' * 300))\n"
         "print('ready', flush=True)\ntime.sleep(60)\n", str(path)],
        stdout=subprocess.PIPE, text=True, env=ENV)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        library = Library.open(path)
        try:
            assert library.log_set_aside is None
            assert "Đang mở ở cửa sổ" in titles(library)
        finally:
            library.close()
    finally:
        holder.kill()
        holder.wait()
    assert not list(tmp_path.glob("*set-aside*"))


def test_a_second_open_in_this_process_leaves_the_log_alone(tmp_path):
    path = tmp_path / "library.sqlite"
    first = Library.open(path)
    try:
        first.create(Article(title="Một", body="chữ " * 300))
        second = Library.open(path)
        try:
            assert second.log_set_aside is None
            assert titles(second) == {"Một"}
        finally:
            second.close()
        first.create(Article(title="Hai"))
        assert titles(first) == {"Một", "Hai"}
    finally:
        first.close()
