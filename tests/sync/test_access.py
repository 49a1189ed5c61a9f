"""The server, not the window, decides who may do what."""

from __future__ import annotations

import psycopg
import pytest

from deskapp.desk import transition
from deskapp.model import Article, Revision, new_id, now_iso


@pytest.fixture
def submitted(reporter, editor):
    """A reporter's article submitted to the desk and seen by the editor."""
    article = reporter.library.create(Article(title="Giá cà phê tăng", body="Giá tăng mạnh."),
                                      author=reporter.name)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    editor.sync()
    return article.id


def _server_status(newsroom, article_id):
    with newsroom.admin() as conn:
        return conn.execute("SELECT status FROM deskapp.articles WHERE id = %s",
                            [article_id]).fetchone()[0]


def _approved_revision_row(article_id, parent):
    article = Article(id=article_id, title="Giá cà phê tăng", body="Giá tăng mạnh.",
                      status="approved")
    return [new_id(), article_id, parent, now_iso(), "x", "status", article.content_hash(),
            article.title, "", article.body, "", "", "", "[]", "approved"]


def test_reporter_cannot_approve_even_with_direct_sql(newsroom, reporter, submitted):
    with newsroom.admin() as conn:
        head = conn.execute("SELECT head_id FROM deskapp.articles WHERE id = %s",
                            [submitted]).fetchone()[0]
    attempts = [
        ("UPDATE deskapp.articles SET status = 'approved' WHERE id = %s", [submitted]),
        ("INSERT INTO deskapp.revisions (id, article_id, parent_id, created_at, author, kind, "
         "content_hash, title, lead, body, byline, source, section, tags, status) VALUES "
         "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
         _approved_revision_row(submitted, head)),
        ("INSERT INTO deskapp.status_events (id, article_id, action, from_status, to_status) "
         "VALUES (%s, %s, 'approve', 'submitted', 'approved')", [new_id(), submitted]),
        ("UPDATE deskapp.revisions SET status = 'approved' WHERE id = %s", [head]),
        ("DELETE FROM deskapp.articles WHERE id = %s", [submitted]),
        ("SET ROLE deskapp_editor", []),
    ]
    with reporter.connect() as conn:
        for sql, params in attempts:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, params)
    assert _server_status(newsroom, submitted) == "submitted"


def test_editor_may_approve(newsroom, editor, submitted):
    transition(editor.library, submitted, "approve", user=editor.name, role="editor",
               override_note="ok")
    report = editor.sync()
    assert not report.refused
    assert _server_status(newsroom, submitted) == "approved"


def test_reporter_cannot_change_a_submitted_article(newsroom, reporter, submitted):
    lib = reporter.library
    lib.save(lib.get(submitted).with_content(body="Sửa sau khi gửi."), author=reporter.name)
    report = reporter.sync()
    assert [(r.article_id, r.why) for r in report.refused] == [(submitted, "not_draft")]
    assert lib.get(submitted).body == "Sửa sau khi gửi."  # local work untouched
    with newsroom.admin() as conn:
        bodies = [r[0] for r in conn.execute(
            "SELECT body FROM deskapp.revisions WHERE article_id = %s", [submitted])]
    assert "Sửa sau khi gửi." not in bodies


def test_a_reporter_library_posing_as_editor_is_refused(newsroom, reporter, submitted):
    """The role setting is only the window's: the server judges the signed-in person."""
    transition(reporter.library, submitted, "approve", user=reporter.name, role="editor",
               override_note="tự duyệt")
    report = reporter.sync()
    assert [r.article_id for r in report.refused] == [submitted]
    assert "reporter" in str(_message(report.refused[0]))
    assert reporter.library.get(submitted).status == "approved"  # nothing lost locally
    assert _server_status(newsroom, submitted) == "submitted"


def test_reporter_cannot_push_to_someone_elses_article(newsroom, reporter, editor):
    article = editor.library.create(Article(title="Bài của ban biên tập"), author=editor.name)
    editor.sync()
    with reporter.connect() as conn:
        assert conn.execute("SELECT count(*) FROM deskapp.articles").fetchone()[0] == 0
        revision = Revision(new_id(), article.id, None, now_iso(), "x", "save",
                            article.content_hash(), article.content())
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO deskapp.comments (id, article_id, body) VALUES (%s, %s, 'x')",
                [revision.id, article.id])


def _message(refusal):
    from deskapp.sync.messages import sync_message

    return sync_message("server_refused", "en", title=refusal.title, why=refusal.why)
