"""Backups: verified copies beside the library, rotated, restorable without loss."""

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from deskapp.errors import LibraryError
from deskapp.model import Article
from deskapp.store import Library
from deskapp.store.backup import (
    KEEP_DAILY,
    KEEP_PRE_MIGRATION,
    backup_folder,
    backup_now,
    ensure_daily_backup,
    list_backups,
    restore_backup,
    rotate,
)
from deskapp.workspace import open_library

NOON = datetime(2025, 3, 12, 12, 0, tzinfo=UTC)


@pytest.fixture
def library(library_path: Path):
    lib = Library.open(library_path)
    lib.create(Article(title="Hội nghị tổng kết", body="Quy chế dân chủ ở cơ sở."))
    yield lib
    lib.close()


def read_titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM articles ORDER BY title")]
    finally:
        conn.close()


def test_backup_is_a_verified_single_file_beside_the_library(library, library_path):
    path = backup_now(library, "manual", now=NOON)
    assert path.parent == library_path.parent / "backups"
    assert path.name == "library-20250312T120000000000Z-manual.sqlite"
    assert read_titles(path) == ["Hội nghị tổng kết"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".part")]


def test_backup_sees_changes_still_in_the_wal(library, library_path):
    article = library.create(Article(title="Bài mới", body="chưa checkpoint"))
    assert Path(f"{library_path}-wal").stat().st_size > 0
    path = backup_now(library, "manual")
    assert article.title in read_titles(path)


def test_backup_of_a_closed_library_by_path(library, library_path):
    library.close()
    path = backup_now(library_path, "manual")
    assert read_titles(path) == ["Hội nghị tổng kết"]


def test_list_backups_newest_first_with_details(library, library_path):
    backup_now(library, "manual", now=NOON)
    backup_now(library, "daily", now=NOON + timedelta(days=1))
    backup_now(library, "pre-migration", now=NOON + timedelta(days=2))
    found = list_backups(library_path)
    assert [b.reason for b in found] == ["pre-migration", "daily", "manual"]
    assert found[0].created_at == NOON + timedelta(days=2)
    assert all(b.articles == 1 and b.size > 0 for b in found)
    (backup_folder(library_path) / "notes.txt").write_text("x")
    (backup_folder(library_path) / "other-20250312T120000000000Z-manual.sqlite").write_text("x")
    assert len(list_backups(library_path)) == 3


def test_unreadable_backup_is_listed_without_a_count(library, library_path):
    path = backup_now(library, "manual", now=NOON)
    path.write_bytes(b"garbage" * 100)
    assert list_backups(library_path)[0].articles is None


def test_two_backups_in_the_same_instant_get_two_names(library):
    assert backup_now(library, "manual", now=NOON) != backup_now(library, "manual", now=NOON)


def test_daily_backup_once_per_day(library, library_path):
    first = ensure_daily_backup(library, now=NOON)
    assert first is not None
    assert ensure_daily_backup(library, now=NOON + timedelta(minutes=5)) is None
    assert ensure_daily_backup(library, now=NOON + timedelta(days=1)) is not None
    assert [b.reason for b in list_backups(library_path)] == ["daily", "daily"]


def test_in_memory_library_has_no_daily_backup():
    assert ensure_daily_backup(Library.in_memory()) is None


def test_open_library_takes_the_daily_backup(library_path):
    open_library(library_path).close()
    open_library(library_path).close()
    backups = list_backups(library_path)
    assert [b.reason for b in backups] == ["daily"]
    assert backups[0].articles == 1  # the welcome article


def test_open_library_survives_a_failed_backup(library_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise LibraryError("backup_failed", path="x", reason="disk full")

    monkeypatch.setattr("deskapp.store.backup.ensure_daily_backup", refuse)
    library = open_library(library_path)
    assert not library.is_empty()
    library.close()


def test_rotation_keeps_seven_days_four_weeks_and_five_upgrades(library, library_path):
    for day in range(40):
        backup_now(library, "daily", now=NOON - timedelta(days=day))
    for n in range(8):
        backup_now(library, "pre-migration", now=NOON - timedelta(hours=n))
    for n in range(3):
        backup_now(library, "manual", now=NOON - timedelta(days=100 + n))
    rotate(library_path)
    kept = list_backups(library_path, count_articles=False)
    daily = [b.created_at for b in kept if b.reason == "daily"]
    assert daily[:KEEP_DAILY] == [NOON - timedelta(days=d) for d in range(KEEP_DAILY)]
    older = daily[KEEP_DAILY:]
    assert 1 <= len(older) <= 4  # newest of each of the last four weeks beyond the week
    assert all(NOON - when <= timedelta(days=28) for when in older)
    assert len([b for b in kept if b.reason == "pre-migration"]) == KEEP_PRE_MIGRATION
    assert len([b for b in kept if b.reason == "manual"]) == 3


def test_failed_backup_leaves_nothing_and_says_why(library, library_path, monkeypatch):
    def full(self, target, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    class Conn:
        backup = full

    with pytest.raises(LibraryError) as caught:
        from deskapp.store.backup import backup_connection

        backup_connection(Conn(), library_path, "manual")  # type: ignore[arg-type]
    assert caught.value.code == "backup_failed"
    assert "disk is full" in caught.value.data["reason"]
    assert list(backup_folder(library_path).iterdir()) == []


def test_pre_migration_backup_before_a_schema_upgrade(library, library_path):
    library.close()
    conn = sqlite3.connect(library_path)
    with conn:  # make it look like a library from before the search index
        conn.execute("DROP TABLE articles_fts")
        conn.execute("DROP TABLE articles_fts_rowid")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_articles_fts'")
    conn.execute("PRAGMA user_version=1")
    conn.close()
    reopened = Library.open(library_path)
    backups = list_backups(library_path)
    assert [b.reason for b in backups] == ["pre-migration"]
    old = sqlite3.connect(backups[0].path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    assert reopened.search("hoi nghi")
    reopened.close()


def test_no_backup_for_a_new_or_current_library(library_path):
    Library.open(library_path).close()
    Library.open(library_path).close()
    assert list_backups(library_path) == []


def test_restore_moves_the_damaged_file_aside_first(library, library_path):
    backup = backup_now(library, "manual")
    library.close()
    damaged = library_path.read_bytes()[:4096] + b"\0" * 100
    library_path.write_bytes(damaged)
    Path(f"{library_path}-wal").write_bytes(b"old wal")
    aside = restore_backup(backup, library_path)
    assert aside != library_path and aside.read_bytes() == damaged
    assert Path(f"{aside}-wal").read_bytes() == b"old wal"
    assert not Path(f"{library_path}-wal").exists()
    again = Library.open(library_path)
    assert [s.title for s in again.list()] == ["Hội nghị tổng kết"]
    again.close()
    assert backup.exists()


def test_restore_refuses_a_damaged_backup_and_touches_nothing(library, library_path):
    backup = backup_now(library, "manual")
    library.close()
    before = library_path.read_bytes()
    backup.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    with pytest.raises(LibraryError) as caught:
        restore_backup(backup, library_path)
    assert caught.value.code == "library_corrupt"
    assert library_path.read_bytes() == before


def test_restore_into_an_empty_place(library, tmp_path):
    backup = backup_now(library, "manual")
    target = tmp_path / "elsewhere" / "library.sqlite"
    target.parent.mkdir()
    assert restore_backup(backup, target) == target
    assert read_titles(target) == ["Hội nghị tổng kết"]
