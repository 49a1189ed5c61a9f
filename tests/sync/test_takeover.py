"""An article id taken on the server by a colleague: the author's work still reaches the desk."""

from __future__ import annotations

import psycopg
import pytest

from deskapp.desk import approval_for, transition
from deskapp.desk.comments import list_comments
from deskapp.exchange.package import write_package
from deskapp.messages import describe
from deskapp.model import Article, new_id, now_iso
from deskapp.sync.audit import check_articles
from deskapp.sync.messages import sync_message
from deskapp.workspace import import_package


@pytest.fixture
def laptops(newsroom):
    """Two reporters' laptops and the desk; the first reporter's article is not synced yet."""
    author, colleague = newsroom.person("reporter"), newsroom.person("reporter")
    editor = newsroom.person("editor")
    # revisions carry the profile name, which is nobody's sign-in
    article = author.library.create(
        Article(title="Lũ quét ở Tu Mơ Rông", body="Đêm qua lũ quét cuốn trôi cầu."),
        author="Nguyễn Lan")
    author.library.save(author.library.get(article.id).with_content(
        body="Đêm qua lũ quét cuốn trôi cầu treo."), author="Nguyễn Lan")
    yield author, colleague, editor, article.id
    for person in (author, colleague, editor):
        person.library.close()


def _history(library, article_id):
    """Parent structure, authors and texts of an article's revisions, ids aside."""
    revisions = library.revisions(article_id)
    index = {r.id: i for i, r in enumerate(revisions)}
    return [(index.get(r.parent_id), r.author, r.content_hash, r.content["body"])
            for r in revisions]


def _assert_rekeyed(author, editor, old_id, before, text):
    report = author.sync()
    assert not report.refused
    [(old, new, title)] = report.rekeyed
    assert (old, title) == (old_id, "Lũ quét ở Tu Mơ Rông") and new != old_id
    ids = {a.id for a in author.library.list()}
    assert old_id not in ids and new in ids
    assert _history(author.library, new) == before  # the whole history, as it was
    assert author.library.get(new).body == text
    assert author.sync().rekeyed == []  # once
    # the desk gets the author's text under the new id, told why in a comment
    editor.sync()
    assert editor.library.get(new).body == text
    notes = [c.body for c in list_comments(editor.library, new)]
    assert any(old_id in note for note in notes)
    for lang in ("vi", "en"):
        assert old_id in sync_message("article_rekeyed", lang, title=title, old=old, new=new)
    # and the author keeps working on it as usual
    author.library.save(author.library.get(new).with_content(body=text + " Chưa có thương vong."),
                        author="Nguyễn Lan")
    assert not author.sync().refused
    editor.sync()
    assert editor.library.get(new).body.endswith("Chưa có thương vong.")
    return new


def test_an_id_created_first_by_a_colleague_is_rekeyed(laptops):
    author, colleague, editor, article_id = laptops
    before = _history(author.library, article_id)
    # the colleague read the id in `deskapp list` and creates it first, with their own text
    colleague.library.create(Article(id=article_id, title="Lũ quét ở Tu Mơ Rông",
                                     body="Chữ của người khác."), author="Trần Minh")
    assert not colleague.sync().refused
    new = _assert_rekeyed(author, editor, article_id, before,
                          "Đêm qua lũ quét cuốn trôi cầu treo.")
    # the desk never sees the author's text under the colleague's article
    assert editor.library.get(article_id).body == "Chữ của người khác."
    assert editor.library.get(new).body != editor.library.get(article_id).body


def test_a_colleague_pushing_the_authors_own_package_first(newsroom, laptops, tmp_path):
    """The colleague holds the author's revisions (a package) and adds their text on top."""
    author, colleague, editor, article_id = laptops
    before = _history(author.library, article_id)
    path = write_package(author.library, article_id, tmp_path / "a.deskpkg",
                         sender=author.name, role="reporter")
    import_package(colleague.library, path)
    colleague.library.save(colleague.library.get(article_id).with_content(
        body="Chữ của người khác."), author="Trần Minh")
    assert not colleague.sync().refused
    new = _assert_rekeyed(author, editor, article_id, before,
                          "Đêm qua lũ quét cuốn trôi cầu treo.")
    # IT sees that the colleague's article starts with the author's text
    with newsroom.admin() as conn:
        found = {a.article_id: a.problems for a in check_articles(conn)}
    assert found[article_id] == (f"same_text:{new}:{author.name}",)


def test_a_revision_id_of_another_article_is_refused_not_skipped(newsroom, laptops):
    author, colleague, _editor, article_id = laptops
    author.sync()
    [first, *_] = author.library.revisions(article_id)
    with colleague.connect() as conn:
        other = new_id()
        conn.execute("INSERT INTO deskapp.articles (id, created_at) VALUES (%s, %s)",
                     [other, now_iso()])
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
            conn.execute(
                "INSERT INTO deskapp.revisions (id, article_id, created_at, kind, content_hash, "
                "title, lead, body, byline, source, section, tags, status) VALUES "
                "(%s, %s, %s, 'create', %s, %s, '', %s, '', '', '', '[]', 'draft')",
                [first.id, other, now_iso(), first.content_hash, first.content["title"],
                 first.content["body"]])
    assert caught.value.diag.message_hint == "deskapp:id_taken"


def test_an_article_first_pushed_by_an_editor_is_not_rekeyed(laptops, tmp_path):
    """The desk holding an article from a USB stick is not a takeover (see Limits)."""
    author, _colleague, editor, article_id = laptops
    path = write_package(author.library, article_id, tmp_path / "a.deskpkg",
                         sender=author.name, role="reporter")
    import_package(editor.library, path)
    editor.sync()
    report = author.sync()
    assert report.rekeyed == []
    assert [(r.article_id, r.why) for r in report.refused] == [(article_id, "not_owner")]


def test_a_rekeyed_approval_goes_back_to_the_desk(newsroom, laptops, tmp_path):
    """An approval signs the article and revision ids: re-keyed, it can no longer vouch."""
    author, colleague, editor, article_id = laptops
    transition(author.library, article_id, "submit", user=author.name, role="reporter")
    path = write_package(author.library, article_id, tmp_path / "a.deskpkg",
                         sender=author.name, role="reporter")
    import_package(editor.library, path)  # the desk gets it by hand, before any sync
    transition(editor.library, article_id, "approve", user=editor.name, role="editor",
               override_note="ok")
    assert approval_for(editor.library, article_id).approver == editor.name
    [first, *_] = author.library.revisions(article_id)
    with colleague.connect() as conn:  # the colleague's article holds a revision id of it
        other = new_id()
        conn.execute("INSERT INTO deskapp.articles (id, created_at) VALUES (%s, %s)",
                     [other, now_iso()])
        conn.execute(
            "INSERT INTO deskapp.revisions (id, article_id, created_at, kind, content_hash, "
            "title, lead, body, byline, source, section, tags, status) VALUES "
            "(%s, %s, %s, 'create', %s, %s, '', %s, '', '', '', '[]', 'draft')",
            [first.id, other, now_iso(), first.content_hash, first.content["title"],
             first.content["body"]])

    report = editor.sync()

    [(old, new, _title)] = report.rekeyed
    assert old == article_id
    assert [(r.article_id, r.approver, r.reason) for r in report.approvals_refused] == [
        (new, editor.name, "rekeyed")]
    assert [r.why for r in report.refused if not r.pulled] == []  # the article went up
    assert editor.library.get(new).status == "submitted"
    assert approval_for(editor.library, new) is None
    sentence = describe(report.approvals_refused[0].error(), "en")
    assert "new id" in sentence and editor.name in sentence
    with newsroom.admin() as conn:
        assert conn.execute("SELECT status FROM deskapp.articles WHERE id = %s",
                            [new]).fetchall() == [("submitted",)]
        assert conn.execute("SELECT count(*) FROM deskapp.status_events WHERE article_id = %s "
                            "AND action = 'approve'", [new]).fetchone()[0] == 0
    assert not editor.sync().refused  # the dead approval is not offered again
    # the editor approves again: signed over the new ids, it travels and vouches
    transition(editor.library, new, "approve", user=editor.name, role="editor",
               override_note="ok")
    assert not editor.sync().refused
    desk = newsroom.person("editor")
    assert not desk.sync().approvals_refused
    assert desk.library.get(new).status == "approved"
    assert approval_for(desk.library, new).approver == editor.name
    desk.library.close()
