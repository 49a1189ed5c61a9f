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
                "INSERT INTO deskapp.comments (id, article_id, body, start, \"end\") "
                "VALUES (%s, %s, 'x', 0, 0)",
                [revision.id, article.id])


def _message(refusal):
    from deskapp.sync.messages import sync_message

    return sync_message("server_refused", "en", title=refusal.title, why=refusal.why)


# ---------------------------------------------------------------- schema version 2

_INSERT_REVISION = (
    "INSERT INTO deskapp.revisions (id, article_id, parent_id, created_at, author, kind, "
    "content_hash, title, lead, body, byline, source, section, tags, status) VALUES "
    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)")
_INSERT_EVENT = (
    'INSERT INTO deskapp.status_events (id, article_id, revision_id, "user", role, action, '
    "from_status, to_status) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)")


def _revision_row(article_id, parent, status, author):
    article = Article(id=article_id, title="Bài nháp", body="Nội dung.", status=status)
    return [new_id(), article_id, parent, now_iso(), author, "status", article.content_hash(),
            article.title, "", article.body, "", "", "", "[]", status]


@pytest.fixture
def draft(reporter):
    """A reporter's draft on the server, with a submitted revision (not yet its head)."""
    article = reporter.library.create(Article(title="Bài nháp", body="Nội dung."),
                                      author=reporter.name)
    reporter.sync()
    row = _revision_row(article.id, article.revision_id, "submitted", reporter.name)
    with reporter.connect() as conn:
        conn.execute(_INSERT_REVISION, row)
    return article.id, row[0]


def _refused(conn, sql, params):
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
        conn.execute(sql, params)
    return caught.value.diag.message_hint


def _events(newsroom, article_id):
    with newsroom.admin() as conn:
        return conn.execute("SELECT count(*) FROM deskapp.status_events WHERE article_id = %s",
                            [article_id]).fetchone()[0]


def test_reporter_cannot_insert_a_false_status_event(newsroom, reporter, editor, draft):
    article_id, submitted_revision = draft
    me = reporter.name
    rev = submitted_revision
    forged = [  # (revision, user, role, action, from, to) → the reason
        ((rev, editor.name, "editor", "submit", "draft", "approved"),
         "deskapp:event_inconsistent"),
        ((rev, me, "editor", "approve", "submitted", "approved"), "deskapp:action_not_allowed"),
        ((rev, me, "editor", "submit", "draft", "submitted"), "deskapp:action_not_allowed"),
        ((rev, me, "reporter", "submit", "approved", "submitted"),
         "deskapp:action_not_allowed"),
        ((rev, me, "reporter", "submit", "draft", None), "deskapp:event_inconsistent"),
        ((None, me, "reporter", "submit", "draft", "submitted"), "deskapp:event_inconsistent"),
        ((rev, editor.name, "reporter", "submit", "draft", "submitted"),
         "deskapp:not_yourself"),
    ]
    with reporter.connect() as conn:
        for values, reason in forged:
            hint = _refused(conn, _INSERT_EVENT, [new_id(), article_id, *values])
            assert hint == reason, values
        assert _events(newsroom, article_id) == 0
        # the same row in the reporter's own name is a submit like the window's
        conn.execute(_INSERT_EVENT, [new_id(), article_id, submitted_revision, me, "reporter",
                                     "submit", "draft", "submitted"])
    assert _events(newsroom, article_id) == 1


def test_reporter_cannot_add_a_submit_event_to_a_submitted_article(newsroom, reporter,
                                                                   submitted):
    with newsroom.admin() as conn:
        head = conn.execute("SELECT head_id FROM deskapp.articles WHERE id = %s",
                            [submitted]).fetchone()[0]
    before = _events(newsroom, submitted)
    with reporter.connect() as conn:
        hint = _refused(conn, _INSERT_EVENT, [new_id(), submitted, head, reporter.name,
                                              "reporter", "submit", "draft", "submitted"])
    assert hint == "deskapp:not_draft"
    assert _events(newsroom, submitted) == before


def test_rows_may_not_name_another_sign_in(newsroom, reporter, editor, draft):
    article_id, parent = draft
    with reporter.connect() as conn:
        assert _refused(conn, _INSERT_REVISION,
                        _revision_row(article_id, parent, "draft", editor.name)) \
            == "deskapp:not_yourself"
        assert _refused(conn, "INSERT INTO deskapp.comments (id, article_id, body, author, "
                        "start, \"end\") VALUES (%s, %s, 'x', %s, 0, 0)",
                        [new_id(), article_id, editor.name]) \
            == "deskapp:not_yourself"
        # a name that is nobody's sign-in (the profile's "Nguyễn Lan") is the person's own
        conn.execute("INSERT INTO deskapp.comments (id, article_id, body, author, start, "
                     "\"end\") VALUES (%s, %s, 'x', 'Nguyễn Lan', 0, 0)", [new_id(), article_id])
        conn.execute(_INSERT_REVISION, _revision_row(article_id, parent, "draft", reporter.name))


def test_an_editor_records_steps_only_in_their_own_name(newsroom, reporter, editor, submitted):
    other = newsroom.person("editor")
    other.library.close()
    with newsroom.admin() as conn:
        head = conn.execute("SELECT head_id FROM deskapp.articles WHERE id = %s",
                            [submitted]).fetchone()[0]
    with editor.connect() as conn:
        assert _refused(conn, _INSERT_EVENT, [new_id(), submitted, head, other.name, "editor",
                                              "take", "submitted", "in_review"]) \
            == "deskapp:not_yourself"
        assert _refused(conn, _INSERT_EVENT, [new_id(), submitted, head, other.name,
                                              "reporter", "submit", "draft", "submitted"]) \
            == "deskapp:not_yourself"
        assert _refused(conn, _INSERT_EVENT, [new_id(), submitted, head, editor.name,
                                              "reporter", "approve", "submitted", "approved"]) \
            == "deskapp:action_not_allowed"
        conn.execute(_INSERT_EVENT, [new_id(), submitted, head, editor.name, "editor", "take",
                                     "submitted", "in_review"])
        # carrying a reporter's submit (a package from an offline laptop) stays possible
        conn.execute(_INSERT_EVENT, [new_id(), submitted, head, reporter.name, "reporter",
                                     "submit", "draft", "submitted"])


def _target_words(newsroom, article_id):
    with newsroom.admin() as conn:
        return conn.execute("SELECT target_words FROM deskapp.articles WHERE id = %s",
                            [article_id]).fetchone()[0]


def test_reporter_changes_the_article_row_only_as_a_save_does(newsroom, reporter, editor,
                                                             submitted, draft):
    draft_id, _ = draft
    update = "UPDATE deskapp.articles SET target_words = 900 WHERE id = %s"
    with reporter.connect() as conn:
        assert _refused(conn, update, [submitted]) == "deskapp:not_draft"
        assert _refused(conn, update, [draft_id]) == "deskapp:row_not_allowed"
        _refused(conn, "UPDATE deskapp.articles SET created_at = 'x', owner = 'x' "
                 "WHERE id = %s", [draft_id])  # not even granted
        # a change of nothing (a retried head swap) is no change
        assert conn.execute("UPDATE deskapp.articles SET head_id = head_id WHERE id = %s "
                            "RETURNING id", [submitted]).fetchone() == (submitted,)
    assert _target_words(newsroom, submitted) is None
    assert _target_words(newsroom, draft_id) is None
    with editor.connect() as conn:
        conn.execute(update, [submitted])
    assert _target_words(newsroom, submitted) == 900


def test_helper_functions_are_not_public(newsroom, reporter, submitted):
    with reporter.connect() as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT deskapp.touch(%s)", [submitted])
        callable_ = {r[0] for r in conn.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'deskapp' AND has_function_privilege(p.oid, 'EXECUTE')")}
    # the row-level security policies' own, and (schema 5) the pure functions the CHECK
    # constraints call as the person inserting; (schema 6) the push, which runs as the
    # caller (so it may do only what the caller's own INSERTs may), and recording a sync
    assert callable_ == {"is_editor", "can_see", "is_id", "is_tags", "is_text",
                         "content_hash", "push", "push_article", "synced"}
    with newsroom.admin() as conn:
        public = conn.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, "
            "aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a "
            "WHERE n.nspname = 'deskapp' AND a.grantee = 0").fetchall()
    assert public == []
