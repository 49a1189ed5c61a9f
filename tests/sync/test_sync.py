"""A reporter's and an editor's libraries synced through a real PostgreSQL server."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from deskapp.desk import transition
from deskapp.desk.comments import add_comment, list_comments
from deskapp.exchange.merge import open_conflict, resolve_conflict
from deskapp.model import Article, RevisionKind
from deskapp.store.assets import add_photo, list_photos


def tiny_png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (40, 30), (200, 40, 40)).save(out, "PNG")
    return out.getvalue()


def _write(person, title="Mưa lớn ở Kon Tum", body="Đêm qua mưa lớn.", section="Thời sự"):
    return person.library.create(Article(title=title, body=body, section=section),
                                 author=person.name)


def _edit(person, article_id, body):
    lib = person.library
    return lib.save(lib.get(article_id).with_content(body=body), author=person.name)


def test_submitted_article_reaches_the_editor_and_comes_back_approved(reporter, editor):
    article = _write(reporter)
    add_photo(reporter.library, article.id, tiny_png(), caption="Nước dâng", credit="PV")
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    report = reporter.sync()
    assert report.pushed == 1 and not report.refused

    report = editor.sync()
    assert report.outcomes["created"] == 1
    on_desk = editor.library.get(article.id)
    assert (on_desk.title, on_desk.status) == ("Mưa lớn ở Kon Tum", "submitted")
    assert [p.name for p in list_photos(editor.library, article.id)] == \
        [p.name for p in list_photos(reporter.library, article.id)]

    transition(editor.library, article.id, "take", user=editor.name, role="editor")
    comment = add_comment(editor.library, editor.library.get(article.id), "body", 0, 3,
                          "Ghi rõ giờ.", editor.name)
    transition(editor.library, article.id, "approve", user=editor.name, role="editor",
               override_note="đã đọc")
    editor.sync()

    report = reporter.sync()
    assert report.outcomes["updated"] == 1
    back = reporter.library.get(article.id)
    assert back.status == "approved"
    assert [c.id for c in list_comments(reporter.library, article.id)] == [comment.id]
    events = [r["action"] for r in reporter.library.db.query(
        "SELECT action FROM status_events WHERE article_id = ? ORDER BY at", [article.id])]
    assert events == ["submit", "take", "approve"]


def test_sync_is_idempotent(reporter, editor, newsroom):
    article = _write(reporter)
    reporter.sync()
    editor.sync()
    counts = _server_counts(newsroom)
    again_r, again_e = reporter.sync(), editor.sync()
    assert again_r.pushed == 0 and again_e.pushed == 0
    assert again_r.outcomes["created"] == again_e.outcomes["created"] == 0
    assert _server_counts(newsroom) == counts
    assert [r.id for r in editor.library.revisions(article.id)] == \
        [r.id for r in reporter.library.revisions(article.id)]


def test_conflicting_edits_keep_both_sides(reporter, editor, newsroom):
    article = _write(reporter)
    reporter.sync()
    editor.sync()
    _edit(reporter, article.id, "Đêm qua mưa lớn, nước sông Đăk Bla dâng cao.")
    _edit(editor, article.id, "Đêm qua, mưa rất lớn.")
    reporter.sync()
    report = editor.sync()

    assert [c.article_id for c in report.conflicts] == [article.id]
    assert editor.library.get(article.id).body == "Đêm qua, mưa rất lớn."
    incoming = open_conflict(editor.library, article.id)
    assert incoming is not None
    assert incoming.content["body"] == "Đêm qua mưa lớn, nước sông Đăk Bla dâng cao."
    with newsroom.admin() as conn:  # both versions are on the server too
        bodies = {r[0] for r in conn.execute(
            "SELECT body FROM deskapp.revisions WHERE article_id = %s", [article.id])}
    assert {"Đêm qua, mưa rất lớn.", "Đêm qua mưa lớn, nước sông Đăk Bla dâng cao."} <= bodies

    resolve_conflict(editor.library, article.id, "Đêm qua mưa rất lớn, nước sông dâng cao.",
                     author=editor.name)
    editor.sync()
    report = reporter.sync()
    assert report.outcomes["updated"] == 1 and not report.conflicts
    assert reporter.library.get(article.id).body == "Đêm qua mưa rất lớn, nước sông dâng cao."
    assert open_conflict(reporter.library, article.id) is None


def test_returned_article_can_be_edited_and_submitted_again(reporter, editor):
    article = _write(reporter)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    reporter.sync()
    editor.sync()
    transition(editor.library, article.id, "return", user=editor.name, role="editor",
               reason="Thiếu nguồn")
    editor.sync()
    reporter.sync()
    assert reporter.library.get(article.id).status == "returned"
    _edit(reporter, article.id, "Đêm qua mưa lớn (theo Đài KTTV).")
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    report = reporter.sync()
    assert not report.refused
    editor.sync()
    got = editor.library.get(article.id)
    assert (got.status, got.body) == ("submitted", "Đêm qua mưa lớn (theo Đài KTTV).")


def test_reporter_sees_only_own_articles(newsroom, reporter, editor):
    other = newsroom.person("reporter")
    try:
        _write(other, title="Bài của người khác")
        other.sync()
        mine = _write(reporter)
        reporter.sync()
        assert {a.id for a in reporter.library.list()} >= {mine.id}
        assert "Bài của người khác" not in {a.title for a in reporter.library.list()}
        editor.sync()
        assert "Bài của người khác" in {a.title for a in editor.library.list()}
    finally:
        other.library.close()


def test_autosave_never_rewrites_a_revision_the_server_has(reporter, editor):
    article = _write(reporter)
    lib = reporter.library
    lib.save(lib.get(article.id).with_content(body="Bản một."), kind=RevisionKind.AUTOSAVE,
             author=reporter.name)
    reporter.sync()
    lib.save(lib.get(article.id).with_content(body="Bản hai."), kind=RevisionKind.AUTOSAVE,
             author=reporter.name)
    reporter.sync()
    editor.sync()
    assert editor.library.get(article.id).body == "Bản hai."
    bodies = [r.content["body"] for r in editor.library.revisions(article.id)]
    assert bodies[-2:] == ["Bản một.", "Bản hai."]


def _server_counts(newsroom) -> dict[str, int]:
    with newsroom.admin() as conn:
        return {t: conn.execute(f"SELECT count(*) FROM deskapp.{t}").fetchone()[0]
                for t in ("articles", "revisions", "comments", "status_events", "photos")}


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "en")


def test_a_revision_damaged_here_stays_here(reporter, editor, newsroom):
    article = _write(reporter)
    first = reporter.library.revisions(article.id)[0].id
    _edit(reporter, article.id, "Đêm qua mưa lớn, trời lạnh.")
    reporter.library.db.execute("UPDATE revisions SET body = 'hỏng' WHERE id = ?", [first])
    report = reporter.sync()
    assert not report.refused
    with newsroom.admin() as conn:
        on_server = {r[0] for r in conn.execute(
            "SELECT id FROM deskapp.revisions WHERE article_id = %s", [article.id])}
    assert first not in on_server and len(on_server) == 1
    report = editor.sync()
    assert report.outcomes["created"] == 1 and not report.refused
    assert editor.library.get(article.id).body == "Đêm qua mưa lớn, trời lạnh."


def test_pulls_racing_with_pushes_miss_nothing(newsroom, editor):
    """Change numbers follow commit order, so a cursor never jumps over a late commit."""
    import threading

    from deskapp.store import Library
    from deskapp.sync import run_sync
    from pg_cluster import PASSWORD

    writers = [newsroom.person("reporter") for _ in range(2)]
    expected = set()
    for person in writers:
        for i in range(40):
            expected.add(_write(person, title=f"{person.name} {i}").id)
    errors: list[BaseException] = []

    def sync_in_thread(path, target, rounds):
        library = Library.open(path)
        try:
            for _ in range(rounds):
                run_sync(library, target, password=PASSWORD)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            library.close()

    threads = [threading.Thread(target=sync_in_thread, args=(p.library.path, p.target, 1))
               for p in writers]
    threads.append(threading.Thread(target=sync_in_thread,
                                    args=(editor.library.path, editor.target, 40)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    editor.sync()
    assert {a.id for a in editor.library.list()} >= expected
    for person in writers:
        person.library.close()


def test_a_row_failing_the_package_checks_is_refused_by_the_server(reporter, editor):
    """Rows written by hand in psql that a library would refuse never reach the server."""
    import psycopg

    with reporter.connect() as conn:
        conn.execute("INSERT INTO deskapp.articles (id, created_at) VALUES ('bai-tay', "
                     "'2026-01-01T00:00:00+00:00')")
        with pytest.raises(psycopg.errors.CheckViolation) as caught:
            conn.execute(
                "INSERT INTO deskapp.revisions (id, article_id, created_at, kind, "
                "content_hash, title, lead, body, byline, source, section, tags, status) "
                "VALUES ('ban-tay', 'bai-tay', '2026-01-01T00:00:00+00:00', 'create', "
                "'không-phải-mã-băm', 'Bài gõ tay', '', 'thân', '', '', 'Thời sự', '[]', "
                "'draft')")
    assert caught.value.diag.constraint_name == "revisions_hash"
    report = editor.sync()
    assert not report.refused
    assert "bai-tay" not in {a.id for a in editor.library.list()}
