"""Later schema versions on a server set up at an earlier one, and Deskapps of either version."""

from __future__ import annotations

import json

import psycopg
import pytest

from deskapp.desk import transition
from deskapp.model import Article, new_id
from deskapp.sync import SyncError, server
from deskapp.sync.server import setup_server


@pytest.fixture
def v1_newsroom(older_server):
    """A newsroom whose server was set up by a Deskapp that knew only schema version 1."""
    return older_server(1)


def _version(newsroom):
    with newsroom.admin() as conn:
        return conn.execute("SELECT value FROM deskapp.meta WHERE key = 'schema_version'"
                            ).fetchone()[0]


# The columns version 1 had; later versions may add columns, never change these.
_V1_EVENT_COLUMNS = ('id, article_id, revision_id, at, "user", role, action, from_status, '
                     "to_status, reason, note, pushed_by, pushed_at")
_V1_ARTICLE_COLUMNS = ("id, owner, created_at, target_words, head_id, status, title, section, "
                       "byline, changed_at, seq")


def _snapshot(newsroom):
    # revisions' tags are read as JSON values: text before schema 5, jsonb from it
    with newsroom.admin() as conn:
        columns = {"status_events": _V1_EVENT_COLUMNS, "articles": _V1_ARTICLE_COLUMNS}
        return {table: sorted(_as_json(row) if table == "revisions" else row for row in
                              conn.execute(f"SELECT {columns.get(table, '*')} "
                                           f"FROM deskapp.{table}").fetchall())
                for table in ("meta", "articles", "revisions", "comments", "status_events",
                              "photos")}


def _as_json(row):
    return tuple(json.dumps(json.loads(v) if isinstance(v, str) and v.startswith("[") else v,
                            ensure_ascii=False, default=str)
                 if isinstance(v, (str, list)) else v for v in row)


def test_setup_migrates_a_version_1_server_keeping_its_data(v1_newsroom):
    newsroom = v1_newsroom
    assert _version(newsroom) == "1"
    reporter, editor = newsroom.person("reporter"), newsroom.person("editor")
    article = reporter.library.create(Article(title="Lũ miền Trung", body="Nước lên."),
                                      author=reporter.name)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()  # a Deskapp that knows version 2 syncs with a version 1 server
    editor.sync()
    with newsroom.admin() as conn:
        head = conn.execute("SELECT head_id FROM deskapp.articles WHERE id = %s",
                            [article.id]).fetchone()[0]
    with reporter.connect() as conn:  # the hole version 2 closes
        conn.execute('INSERT INTO deskapp.status_events (id, article_id, revision_id, "user", '
                     "role, action, from_status, to_status) VALUES (%s, %s, %s, %s, 'editor', "
                     "'submit', 'submitted', 'approved')",
                     [new_id(), article.id, head, editor.name])
    before = _snapshot(newsroom)

    with newsroom.admin() as conn:
        assert setup_server(conn, newsroom.dbname) == server.SERVER_SCHEMA_VERSION - 1
        assert setup_server(conn, newsroom.dbname) == 0  # nothing more to do
    assert _version(newsroom) == str(server.SERVER_SCHEMA_VERSION)
    after = _snapshot(newsroom)
    meta = dict(after.pop("meta"))
    assert meta["schema_version"] == str(server.SERVER_SCHEMA_VERSION)
    assert meta["server_id"] == dict(before.pop("meta"))["server_id"]
    assert after == before

    with reporter.connect() as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute('INSERT INTO deskapp.status_events (id, article_id, revision_id, '
                         '"user", role, action, from_status, to_status) VALUES (%s, %s, %s, '
                         "%s, 'editor', 'submit', 'submitted', 'approved')",
                         [new_id(), article.id, head, editor.name])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT deskapp.touch(%s)", [article.id])
    # and the people go on working as before
    transition(editor.library, article.id, "take", user=editor.name, role="editor")
    transition(editor.library, article.id, "return", user=editor.name, role="editor",
               reason="Thiếu nguồn")
    assert not editor.sync().refused
    reporter.sync()
    assert reporter.library.get(article.id).status == "returned"
    lib = reporter.library
    lib.save(lib.get(article.id).with_content(body="Nước lên, theo tỉnh."), author=reporter.name)
    transition(lib, article.id, "submit", user=reporter.name, role="reporter")
    assert not reporter.sync().refused
    assert editor.sync().pulled == 1
    assert editor.library.get(article.id).status == "submitted"
    reporter.library.close()
    editor.library.close()


def test_a_deskapp_knowing_only_version_1_meets_a_newer_schema(newsroom, reporter,
                                                               monkeypatch):
    latest = server.SERVER_SCHEMA_VERSION
    assert _version(newsroom) == str(latest)
    reporter.library.create(Article(title="Bài chờ gửi"), author=reporter.name)
    monkeypatch.setattr(server, "SERVER_SCHEMA_VERSION", 1)
    with pytest.raises(SyncError) as caught:
        reporter.sync()
    assert caught.value.code == "server_too_new"
    assert f"newer Deskapp ({latest}; this version knows up to 1)" in str(caught.value)
