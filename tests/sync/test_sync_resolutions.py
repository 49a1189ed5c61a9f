"""Comment resolutions through the newsroom server (schema version 3)."""

from __future__ import annotations

import json

import psycopg
import pytest

from deskapp.desk import transition
from deskapp.desk.comments import add_comment, get_comment, reopen, resolution_of, resolve
from deskapp.model import Article, new_id
from deskapp.sync import server
from deskapp.sync.server import setup_server

_INSERT = ("INSERT INTO deskapp.comment_resolutions (comment_id, article_id, resolved_at, "
           "resolved_by) VALUES (%s, %s, %s, %s)")


def _submitted_with_comment(reporter, editor):
    """A reporter's article with the reporter's own comment, submitted and on both laptops."""
    lib = reporter.library
    article = lib.create(Article(title="Giá cà phê tăng", body="Giá tăng mạnh."),
                         author=reporter.name)
    comment = add_comment(lib, article, "body", 0, 3, "Cần số liệu", reporter.name)
    transition(lib, article.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    editor.sync()
    return article.id, comment.id


def _server_rows(newsroom, comment_id):
    with newsroom.admin() as conn:
        return conn.execute("SELECT resolved_at, resolved_by, pushed_by FROM "
                            "deskapp.comment_resolutions WHERE comment_id = %s",
                            [comment_id]).fetchall()


def test_the_editors_resolution_reaches_the_reporter(newsroom, reporter, editor):
    _, comment_id = _submitted_with_comment(reporter, editor)
    assert not get_comment(editor.library, comment_id).resolved
    done = resolve(editor.library, comment_id)
    assert resolution_of(editor.library, comment_id) == (done.resolved_at, editor.name)
    report = editor.sync()
    assert not report.refused and report.pushed == 1
    assert _server_rows(newsroom, comment_id) == [(done.resolved_at, editor.name, editor.name)]

    pulled = reporter.sync()
    assert pulled.pulled == 1 and not pulled.refused
    here = get_comment(reporter.library, comment_id)
    assert here.resolved_at == done.resolved_at
    assert resolution_of(reporter.library, comment_id) == (done.resolved_at, editor.name)

    # idempotent: syncing again on both sides changes nothing and sends nothing
    for person in (reporter, editor, reporter):
        again = person.sync()
        assert again.pushed == 0 and again.pulled == 0 and not again.refused
    assert get_comment(reporter.library, comment_id) == here
    assert len(_server_rows(newsroom, comment_id)) == 1
    assert reporter.library.db["comment_resolutions"].count == 1

    # a reopen stays on the laptop where it was done, and the next sync does not undo it
    reopen(reporter.library, comment_id)
    reporter.sync()
    assert not get_comment(reporter.library, comment_id).resolved


def test_a_reporter_resolves_a_comment_on_their_own_article(newsroom, reporter, editor):
    article_id, _ = _submitted_with_comment(reporter, editor)
    note = add_comment(editor.library, editor.library.get(article_id), "body", 4, 7,
                       "Ghi nguồn", editor.name)
    transition(editor.library, article_id, "take", user=editor.name, role="editor")
    editor.sync()
    reporter.sync()
    resolve(reporter.library, note.id)
    assert not reporter.sync().refused  # in review, yet the resolution goes up
    editor.sync()
    assert get_comment(editor.library, note.id).resolved
    assert resolution_of(editor.library, note.id)[1] == reporter.name


def test_resolutions_made_on_both_sides_end_resolved_everywhere(newsroom, reporter, editor):
    _, comment_id = _submitted_with_comment(reporter, editor)
    first = resolve(editor.library, comment_id)
    resolve(reporter.library, comment_id)
    editor.sync()
    assert not reporter.sync().refused
    editor.sync()
    rows = _server_rows(newsroom, comment_id)
    assert [r[1] for r in rows] == [editor.name]  # the first pushed stays
    for person in (reporter, editor):
        assert get_comment(person.library, comment_id).resolved
        assert resolution_of(person.library, comment_id)[0] == first.resolved_at


def test_reporters_may_not_make_resolutions_by_direct_sql(newsroom, reporter, editor):
    article_id, comment_id = _submitted_with_comment(reporter, editor)
    other = newsroom.person("reporter")
    own = other.library.create(Article(title="Bài của người khác", body="Nội dung."),
                               author=other.name)
    theirs = add_comment(other.library, own, "body", 0, 3, "Ghi chú", other.name)
    other.sync()
    with reporter.connect() as conn:
        # a comment on someone else's article: row-level security and the guard say no
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(_INSERT, [theirs.id, own.id, "2026-01-01T00:00:00Z", reporter.name])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor under its own id
            conn.execute(_INSERT, [theirs.id, article_id, "2026-01-01T00:00:00Z", ""])
        # in the editor's name
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
            conn.execute(_INSERT, [comment_id, article_id, "2026-01-01T00:00:00Z", editor.name])
        assert caught.value.diag.message_hint == "deskapp:not_yourself"
        # a comment the server does not have, or no time
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
            conn.execute(_INSERT, [new_id(), article_id, "2026-01-01T00:00:00Z", ""])
        assert caught.value.diag.message_hint == "deskapp:comment_unknown"
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
            conn.execute(_INSERT, [comment_id, article_id, "", ""])
        assert caught.value.diag.message_hint == "deskapp:resolution_inconsistent"
        # their own, in their own name: allowed, and append-only afterwards
        conn.execute(_INSERT, [comment_id, article_id, "2026-01-01T00:00:00Z", reporter.name])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE deskapp.comment_resolutions SET resolved_at = '2030' "
                         "WHERE comment_id = %s", [comment_id])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM deskapp.comment_resolutions WHERE comment_id = %s",
                         [comment_id])
        # a second resolution of the same comment is skipped, not an error
        conn.execute(_INSERT, [comment_id, article_id, "2025-01-01T00:00:00Z", reporter.name])
    assert _server_rows(newsroom, comment_id) == [
        ("2026-01-01T00:00:00Z", reporter.name, reporter.name)]
    with other.connect() as conn:  # and the other reporter does not even see it
        assert conn.execute("SELECT count(*) FROM deskapp.comment_resolutions").fetchone() \
            == (0,)
    other.library.close()


@pytest.fixture
def v2_newsroom(older_server):
    """A newsroom whose server was set up by a Deskapp that knew only schema version 2."""
    return older_server(2)


def _snapshot(newsroom):
    # status_events as version 2 had it: later versions add columns, never change these;
    # revisions' tags are read as JSON values: text before schema 5, jsonb from it
    events = ('id, article_id, revision_id, at, "user", role, action, from_status, '
              "to_status, reason, note, pushed_by, pushed_at")
    columns = {"status_events": events, "articles": "id, owner, created_at, target_words, "
               "head_id, status, title, section, byline, changed_at, seq"}
    with newsroom.admin() as conn:
        return {table: sorted(_as_json(row) if table == "revisions" else row for row in
                              conn.execute(
                                  f"SELECT {columns.get(table, '*')} "
                                  f"FROM deskapp.{table}").fetchall())
                for table in ("meta", "articles", "revisions", "comments", "status_events",
                              "photos")}


def _as_json(row):
    return tuple(json.dumps(json.loads(v) if isinstance(v, str) and v.startswith("[") else v,
                            ensure_ascii=False, default=str)
                 if isinstance(v, (str, list)) else v for v in row)


def test_a_version_2_server_migrates_and_waiting_resolutions_arrive(v2_newsroom):
    newsroom = v2_newsroom
    reporter, editor = newsroom.person("reporter"), newsroom.person("editor")
    article_id, comment_id = _submitted_with_comment(reporter, editor)  # syncs with version 2
    done = resolve(editor.library, comment_id)
    waiting = editor.sync()  # nowhere to put it yet: it waits
    assert not waiting.refused and waiting.pushed == 0
    assert get_comment(editor.library, comment_id).resolved
    reporter.sync()
    assert not get_comment(reporter.library, comment_id).resolved
    before = _snapshot(newsroom)

    with newsroom.admin() as conn:
        assert setup_server(conn, newsroom.dbname) == server.SERVER_SCHEMA_VERSION - 2
        assert setup_server(conn, newsroom.dbname) == 0
    after = _snapshot(newsroom)
    meta = dict(after.pop("meta"))
    assert meta["schema_version"] == str(server.SERVER_SCHEMA_VERSION)
    assert meta["server_id"] == dict(before.pop("meta"))["server_id"]
    assert after == before  # every row kept

    assert editor.sync().pushed == 1
    reporter.sync()
    assert get_comment(reporter.library, comment_id).resolved_at == done.resolved_at
    assert resolution_of(reporter.library, comment_id) == (done.resolved_at, editor.name)
    assert reporter.library.get(article_id).status == "submitted"
    reporter.library.close()
    editor.library.close()
