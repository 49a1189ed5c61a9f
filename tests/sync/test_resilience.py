"""Cut short, refused, unreachable: a clear message, local work untouched, a retry succeeds."""

from __future__ import annotations

import pytest

from deskapp.desk import transition
from deskapp.desk.comments import add_comment
from deskapp.model import Article
from deskapp.sync import SyncError, SyncTarget, run_sync
from deskapp.sync.messages import describe
from pg_cluster import PASSWORD

STAGES = ["pull:fetched", "pull:applied", "push:sent", "push:committed", "push:recorded"]


class Cut(Exception):
    """The network dropped, or the process was killed, right here."""


def _busy_day(reporter, editor):
    """Work on both sides since they last synced: something to pull and to push."""
    arts = [reporter.library.create(Article(title=f"Bài số {i}", body=f"Nội dung {i}."),
                                    author=reporter.name) for i in range(3)]
    for a in arts[:2]:
        transition(reporter.library, a.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    editor.sync()
    first = editor.library.get(arts[0].id)
    add_comment(editor.library, first, "body", 0, 3, "Kiểm tra số liệu.", editor.name)
    transition(editor.library, arts[0].id, "return", user=editor.name, role="editor",
               reason="Thiếu nguồn")
    editor.sync()
    lib = reporter.library
    lib.save(lib.get(arts[2].id).with_content(body="Nội dung mới của bài 2."),
             author=reporter.name)
    transition(lib, arts[2].id, "submit", user=reporter.name, role="reporter")
    lib.create(Article(title="Bài viết thêm", body="Viết trên xe."), author=reporter.name)
    return arts


def _state(library):
    """Everything that matters, by id: articles' heads, revisions, comments, events."""
    db = library.db
    return {
        "heads": dict(db.execute("SELECT id, revision_id FROM articles WHERE title != ''")
                      .fetchall()),
        "revisions": sorted(r[0] for r in db.execute("SELECT id FROM revisions")),
        "comments": sorted(r[0] for r in db.execute("SELECT id FROM comments")),
        "events": sorted(r[0] for r in db.execute("SELECT id FROM status_events")),
    }


def _server(newsroom):
    with newsroom.admin() as conn:
        return {
            "heads": dict(conn.execute("SELECT id, head_id FROM deskapp.articles").fetchall()),
            "revisions": sorted(r[0] for r in conn.execute("SELECT id FROM deskapp.revisions")),
            "comments": sorted(r[0] for r in conn.execute("SELECT id FROM deskapp.comments")),
            "events": sorted(r[0] for r in conn.execute("SELECT id FROM deskapp.status_events")),
        }


@pytest.mark.parametrize("stage", STAGES)
def test_a_sync_cut_anywhere_is_completed_by_the_next(stage, newsroom, reporter, editor):
    _busy_day(reporter, editor)
    before = _state(reporter.library)

    def cut(where: str) -> None:
        if where == stage:
            raise Cut(where)

    with pytest.raises(Cut):
        reporter.sync(checkpoint=cut)
    after_cut = _state(reporter.library)
    assert set(before["revisions"]) <= set(after_cut["revisions"])  # nothing local lost

    reporter.sync()
    editor.sync()
    mine, theirs, server = _state(reporter.library), _state(editor.library), _server(newsroom)
    assert mine["heads"] == theirs["heads"] == server["heads"]
    for key in ("revisions", "comments", "events"):
        assert mine[key] == server[key] == sorted(set(server[key]))  # no duplicates
        assert set(theirs[key]) >= set(server[key])
    assert set(before["revisions"]) <= set(server["revisions"])
    assert reporter.sync().pushed == 0


def test_server_restarted_mid_sync(newsroom, reporter, editor):
    _busy_day(reporter, editor)
    before = _state(reporter.library)

    def restart(where: str) -> None:
        # between the pull and the push (from schema 6 a push is one statement, committed
        # by the time "push:sent" is reached, and nothing follows it on the server)
        if where == "pull:fetched":
            newsroom.cluster.restart()

    with pytest.raises(SyncError) as caught:
        reporter.sync(checkpoint=restart)
    assert caught.value.code == "sync_interrupted"
    assert "next sync carries on" in str(caught.value)
    assert set(before["revisions"]) <= set(_state(reporter.library)["revisions"])
    reporter.sync()
    assert _state(reporter.library)["heads"] == _server(newsroom)["heads"]


def test_unreachable_server_says_so_and_changes_nothing(reporter, pg):
    reporter.library.create(Article(title="Viết khi mất mạng"), author=reporter.name)
    before = _state(reporter.library)
    target, _ = SyncTarget.parse(f"postgresql://{reporter.name}@127.0.0.1:1/newsroom")
    with pytest.raises(SyncError) as caught:
        run_sync(reporter.library, target, password=PASSWORD)
    assert caught.value.code == "sync_unreachable"
    assert "Cannot reach the newsroom server 127.0.0.1:1/newsroom" in str(caught.value)
    # libpq's cause, not its indented "Is the server running…" hint
    assert "(Connection refused)" in str(caught.value)
    assert "không kết nối được" in describe(caught.value, "vi").lower()
    assert _state(reporter.library) == before
    assert reporter.library.get_setting("sync_last") is None


def test_wrong_password(reporter):
    with pytest.raises(SyncError) as caught:
        run_sync(reporter.library, reporter.target, password="sai-mật-khẩu")
    assert caught.value.code == "sync_auth_failed"
    assert reporter.name in str(caught.value)
    assert reporter.sync().refused == []  # the right password works at once


def test_a_newer_server_schema_is_refused(newsroom, reporter):
    reporter.library.create(Article(title="Bài chờ gửi"), author=reporter.name)
    before = _state(reporter.library)
    with newsroom.admin() as conn:
        conn.execute("UPDATE deskapp.meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(SyncError) as caught:
        reporter.sync()
    assert caught.value.code == "server_too_new"
    assert "newer Deskapp (99" in str(caught.value)
    assert _state(reporter.library) == before
    with newsroom.admin() as conn:
        assert conn.execute("SELECT count(*) FROM deskapp.articles").fetchone()[0] == 0
        from deskapp.sync.server import setup_server

        with pytest.raises(SyncError):
            setup_server(conn)  # an older Deskapp never "upgrades" a newer schema


def test_a_server_never_set_up(pg, reporter):
    dbname = pg.new_database()
    with pg.admin(dbname) as conn:
        conn.execute(f'GRANT CONNECT ON DATABASE "{dbname}" TO {reporter.name}')
    target, _ = SyncTarget.parse(pg.url(reporter.name, dbname))
    with pytest.raises(SyncError) as caught:
        run_sync(reporter.library, target, password=PASSWORD)
    assert caught.value.code == "server_not_ready"
    assert "deskapp server setup" in str(caught.value)


KILLER = """
import os, signal, sys
from deskapp.store import Library
from deskapp.sync import SyncTarget, run_sync

def kill(stage):
    if stage == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)

library = Library.open(sys.argv[1])
target, password = SyncTarget.parse(sys.argv[2])
run_sync(library, target, password=password, checkpoint=kill)
"""


@pytest.mark.parametrize("stage", ["push:sent", "push:committed"])
def test_a_killed_sync_process_is_completed_by_the_next(stage, newsroom, reporter, editor):
    """The process dies with transactions open on both sides (SIGKILL, no clean-up)."""
    import signal
    import subprocess
    import sys

    _busy_day(reporter, editor)
    before = _state(reporter.library)
    url = reporter.target.url.replace(f"{reporter.name}@", f"{reporter.name}:{PASSWORD}@")
    done = subprocess.run([sys.executable, "-c", KILLER, str(reporter.library.path), url, stage],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    reporter.sync()
    editor.sync()
    mine, theirs, server = _state(reporter.library), _state(editor.library), _server(newsroom)
    assert mine["heads"] == theirs["heads"] == server["heads"]
    assert mine["revisions"] == server["revisions"]
    assert set(before["revisions"]) <= set(server["revisions"])
