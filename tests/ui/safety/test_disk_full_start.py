"""A full disk at start is named as one; the window offers no recovery for a healthy file."""

from __future__ import annotations

import sqlite3

from deskapp.model import Article
from deskapp.store import Library
from deskapp.ui.shell.startup import open_for_writing


class FullDisk:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith(("PRAGMA USER_VERSION", "PRAGMA JOURNAL_MODE")):
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = 13  # SQLITE_FULL
            raise error
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_full_disk_at_start_is_told_and_recovery_is_not_offered(library_path, monkeypatch):
    library = Library.open(library_path)
    library.create(Article(title="Tít"))
    library.close()
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: FullDisk(real_connect(*a, **k)))
    offered: list[object] = []
    told: list[str] = []
    opened = open_for_writing(library_path, choose=lambda d: offered.append(d),
                              inform=told.append)
    assert opened is None
    assert offered == []
    assert len(told) == 1 and "is full" in told[0] and "is damaged" not in told[0]
