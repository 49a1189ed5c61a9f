"""Approvals through the newsroom server: only an editor's signature makes one (schema 4)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import psycopg
import pytest

from deskapp.desk import approval_for, transition
from deskapp.desk.approvals import signing_key, trusted_keys
from deskapp.exchange.package import write_package
from deskapp.model import Article, new_id, now_iso
from deskapp.sync.approvals import exchange_keys
from deskapp.workspace import import_package


def _server(newsroom, sql, params=()):
    with newsroom.admin() as conn:
        return conn.execute(sql, list(params)).fetchall()


def _submitted(reporter):
    article = reporter.library.create(Article(title="Giá cà phê tăng", body="Giá tăng mạnh."),
                                      author=reporter.name)
    transition(reporter.library, article.id, "submit", user=reporter.name, role="reporter")
    return article


def _forge(source: Path, target: Path, approver: str) -> Path:
    """A reporter's package edited by hand to arrive approved, in ``approver``'s name."""
    with zipfile.ZipFile(source) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    manifest = json.loads(members.pop("manifest.json"))
    revisions = json.loads(members["revisions.json"])
    head = next(r for r in revisions if r["id"] == manifest["article"]["head"])
    content = {**head["content"], "body": "Chữ không ai duyệt.", "status": "approved"}
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True)
                            .encode("utf-8")).hexdigest()
    forged = {"id": new_id(), "parent_id": head["id"], "created_at": now_iso(),
              "author": approver, "kind": "status", "content_hash": digest, "content": content}
    revisions.append(forged)
    events = json.loads(members["status_events.json"])
    events.append({"id": new_id(), "article_id": manifest["article"]["id"],
                   "revision_id": forged["id"], "at": now_iso(), "user": approver,
                   "role": "editor", "action": "approve", "from_status": "submitted",
                   "to_status": "approved", "reason": "", "note": ""})
    members["revisions.json"] = json.dumps(revisions, ensure_ascii=False).encode("utf-8")
    members["status_events.json"] = json.dumps(events, ensure_ascii=False).encode("utf-8")
    manifest["article"]["head"] = forged["id"]
    manifest["files"] = [{"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                         for n, d in members.items()]
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def test_a_forged_approval_carried_by_an_editors_laptop_is_not_recorded(
        newsroom, reporter, editor, tmp_path):
    # An offline reporter hands the desk a package claiming the editor approved it.
    article = _submitted(reporter)
    package = write_package(reporter.library, article.id, tmp_path / "bai.deskpkg",
                            sender=reporter.name, role="reporter")
    forged = _forge(package, tmp_path / "forged.deskpkg", approver=editor.name)
    signing_key(editor.library, editor.name)  # the editor has a key, published at sync
    result = import_package(editor.library, forged)
    assert [r.approver for r in result.refused_approvals] == [editor.name]

    report = editor.sync()

    assert not report.refused
    [(status,)] = _server(newsroom, "SELECT status FROM deskapp.articles WHERE id = %s",
                          [article.id])
    assert status == "submitted"
    assert _server(newsroom, "SELECT count(*) FROM deskapp.status_events WHERE "
                             "article_id = %s AND action = 'approve'", [article.id]) == [(0,)]
    # and a reporter's laptop pulling it sees no approval either
    desk_copy = editor.library.get(article.id)
    assert desk_copy.status == "submitted" and approval_for(editor.library, article.id) is None


def test_the_server_refuses_an_approval_nobody_signed_even_from_an_editor(
        newsroom, reporter, editor):
    article = _submitted(reporter)
    reporter.sync()
    editor.sync()
    [(head,)] = _server(newsroom, "SELECT head_id FROM deskapp.articles WHERE id = %s",
                        [article.id])
    approved = Article(id=article.id, title="Giá cà phê tăng", body="Giá tăng mạnh.",
                       status="approved")
    revision = new_id()
    with editor.connect() as conn:
        conn.execute(
            "INSERT INTO deskapp.revisions (id, article_id, parent_id, created_at, author, "
            "kind, content_hash, title, lead, body, byline, source, section, tags, status) "
            "VALUES (%s, %s, %s, %s, %s, 'status', %s, %s, '', %s, '', '', '', '[]', "
            "'approved')", [revision, article.id, head, now_iso(), "Trần Thị B",
                            approved.content_hash(), approved.title, approved.body])
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
            conn.execute(
                'INSERT INTO deskapp.status_events (id, article_id, revision_id, at, "user", '
                "role, action, from_status, to_status, reason, note) VALUES (%s, %s, %s, %s, "
                "'Trần Thị B', 'editor', 'approve', 'submitted', 'approved', '', '')",
                [new_id(), article.id, revision, now_iso()])
        assert caught.value.diag.message_hint == "deskapp:approval_unsigned"
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE deskapp.articles SET head_id = %s WHERE id = %s",
                         [revision, article.id])
    assert _server(newsroom, "SELECT status FROM deskapp.articles WHERE id = %s",
                   [article.id]) == [("submitted",)]


def test_a_real_approval_through_the_server_reaches_the_reporter(newsroom, reporter, editor):
    article = _submitted(reporter)
    reporter.sync()
    editor.sync()
    transition(editor.library, article.id, "approve", user=editor.name, role="editor",
               override_note="ok")
    assert not editor.sync().refused

    report = reporter.sync()

    assert not report.approvals_refused
    assert reporter.library.get(article.id).status == "approved"
    assert approval_for(reporter.library, article.id).approver == editor.name
    assert [k.source for k in trusted_keys(reporter.library)] == ["server"]
    assert _server(newsroom, "SELECT signed_by, pushed_by FROM deskapp.status_events "
                             "WHERE article_id = %s AND action = 'approve'",
                   [article.id]) == [(editor.name, editor.name)]


def test_a_carried_approval_keeps_its_real_signer(newsroom, reporter, editor, tmp_path):
    other = newsroom.person("editor")
    signer = "Trần Thị B"  # a profile name, not a sign-in
    editor.library.set_setting("user_name", signer)
    article = _submitted(reporter)
    reporter.sync()
    editor.sync()
    transition(editor.library, article.id, "approve", user=signer, role="editor",
               override_note="ok")
    with editor.connect() as conn:
        exchange_keys(editor.library, conn)  # her key is published; the article is not
    other.sync()  # the other editor learns her key
    package = write_package(editor.library, article.id, tmp_path / "duyet.deskpkg",
                            sender=signer, role="editor")
    assert import_package(other.library, package).refused_approvals == ()

    assert not other.sync().refused

    assert _server(newsroom, "SELECT status FROM deskapp.articles WHERE id = %s",
                   [article.id]) == [("approved",)]
    assert _server(newsroom, "SELECT signed_by, pushed_by FROM deskapp.status_events "
                             "WHERE article_id = %s AND action = 'approve'",
                   [article.id]) == [(editor.name, other.name)]
    other.library.close()


def test_only_an_editors_sign_in_publishes_a_key(newsroom, reporter, editor):
    signing_key(reporter.library, reporter.name)
    with reporter.connect() as conn:
        exchange_keys(reporter.library, conn)  # a reporter's key stays at home
        [key] = trusted_keys(reporter.library, "own")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO deskapp.editor_keys (key_id, name, public_key) "
                         "VALUES (%s, %s, %s)", [key.key_id, key.name, key.public_key])
    signing_key(editor.library, reporter.name)  # an editor claiming the reporter's name…
    editor.sync()
    rows = _server(newsroom, "SELECT signin, name FROM deskapp.editor_keys")
    assert rows == [(editor.name, reporter.name)]  # …is recorded under her own sign-in
