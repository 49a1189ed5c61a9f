"""Approvals through packages: a hand-made approval is refused, an editor's real one travels."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from deskapp.desk import approval_for, transition
from deskapp.desk.approvals import (
    export_keys,
    install_keys,
    read_keys_file,
    signing_key,
    trusted_keys,
)
from deskapp.desk.workflow import status_events
from deskapp.errors import ImportRejected
from deskapp.exchange.package import write_package
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.pdf.export import export_pdf
from deskapp.pdf.options import PrintSettings
from deskapp.store import Library
from deskapp.workspace import import_package

EDITOR = "Trần Thị B"
REPORTER = "Thanh Tùng"


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.get_textpage().get_text_range().split())
                    for page in pdfium.PdfDocument(str(path)))


def _print(library: Library, article_id: str, path: Path) -> str:
    settings = PrintSettings(author=REPORTER, approval=approval_for(library, article_id))
    return _pdf_text(export_pdf(library.get(article_id), path, settings))


@pytest.fixture
def reporter(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "reporter.sqlite")
    library.set_setting("user_name", REPORTER)
    return library


@pytest.fixture
def editor(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "editor.sqlite")
    library.set_setting("user_name", EDITOR)
    library.set_setting("role", "editor")
    return library


def _submitted(reporter: Library, tmp_path: Path) -> tuple[Article, Path]:
    article = reporter.create(Article(title="Mưa lớn ở Kon Tum", lead="Sapo.",
                                      body="Đêm qua mưa lớn ở Kon Tum."), author=REPORTER)
    transition(reporter, article.id, "submit", user=REPORTER, role="reporter")
    path = write_package(reporter, article.id, tmp_path / "bai.deskpkg", sender=REPORTER,
                         role="reporter")
    return reporter.get(article.id), path


def _forge(source: Path, target: Path, *, approver: str, body: str,
           signature_from: dict | None = None) -> Path:
    """The package edited by hand: a new approved revision on top, and an approve event."""
    with zipfile.ZipFile(source) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    manifest = json.loads(members.pop("manifest.json"))
    revisions = json.loads(members["revisions.json"])
    head = next(r for r in revisions if r["id"] == manifest["article"]["head"])
    content = {**head["content"], "body": body, "status": "approved"}
    payload = json.dumps(content, ensure_ascii=False, sort_keys=True)
    forged = {"id": "forged-approval", "parent_id": head["id"], "created_at": head["created_at"],
              "author": approver, "kind": "status",
              "content_hash": hashlib.sha256(payload.encode("utf-8")).hexdigest(),
              "content": content}
    revisions.append(forged)
    events = json.loads(members["status_events.json"])
    event = {"id": "forged-event", "article_id": manifest["article"]["id"],
             "revision_id": forged["id"], "at": "2026-11-26T07:05:09.123456+00:00",
             "user": approver, "role": "editor", "action": "approve",
             "from_status": "submitted", "to_status": "approved", "reason": "", "note": ""}
    if signature_from is not None:
        event.update(key_id=signature_from["key_id"], signature=signature_from["signature"])
    events.append(event)
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


def _real_approval(editor: Library, package: Path, tmp_path: Path) -> tuple[str, Path]:
    """The editor imports the reporter's package, approves it and packages it back."""
    article_id = import_package(editor, package).article_id
    transition(editor, article_id, "approve", user=EDITOR, role="editor", override_note="ok")
    back = write_package(editor, article_id, tmp_path / "duyet.deskpkg", sender=EDITOR,
                         role="editor")
    return article_id, back


def test_a_hand_made_approval_arrives_submitted_and_is_named(reporter, editor, tmp_path):
    article, path = _submitted(reporter, tmp_path)
    # The desk trusts the real editor's key: a claim in that name without her signature fails.
    _real_approval(editor, path, tmp_path)
    desk = Library.open(tmp_path / "desk.sqlite")
    install_keys(desk, trusted_keys(editor, "own"), "file")

    forged = _forge(path, tmp_path / "forged.deskpkg", approver=EDITOR,
                    body="Chữ không ai duyệt.")
    result = import_package(desk, forged)

    landed = desk.get(article.id)
    assert landed.body == "Chữ không ai duyệt."
    assert landed.status == "submitted"
    assert approval_for(desk, article.id) is None
    assert "approve" not in [e.action for e in status_events(desk, article.id)]
    [refused] = result.refused_approvals
    assert (refused.approver, refused.reason) == (EDITOR, "unsigned")
    sentence = describe(refused.error(), "en")
    assert EDITOR in sentence and "Mưa lớn ở Kon Tum" in sentence and "signature" in sentence
    assert EDITOR in describe(refused.error(), "vi")
    assert "Duyệt" not in _print(desk, article.id, tmp_path / "bai.pdf")


def test_a_real_signature_copied_onto_other_text_is_refused(reporter, editor, tmp_path):
    article, path = _submitted(reporter, tmp_path)
    _article_id, _back = _real_approval(editor, path, tmp_path)
    real = next(e for e in editor.db.query(
        "SELECT key_id, signature FROM status_events WHERE action = 'approve'"))
    install_keys(reporter, trusted_keys(editor, "own"), "file")
    forged = _forge(path, tmp_path / "forged.deskpkg", approver=EDITOR, body="Chữ khác.",
                    signature_from=real)
    result = import_package(reporter, forged)
    assert reporter.get(article.id).status == "submitted"
    assert [r.reason for r in result.refused_approvals] == ["bad_signature"]
    assert approval_for(reporter, article.id) is None


def test_an_editors_real_approval_reaches_an_offline_reporter(reporter, editor, tmp_path):
    article, path = _submitted(reporter, tmp_path)
    article_id, back = _real_approval(editor, path, tmp_path)
    assert approval_for(editor, article_id).approver == EDITOR
    keys_file = tmp_path / "editors.json"
    keys_file.write_bytes(export_keys(editor))
    assert b"private" not in keys_file.read_bytes()
    assert "private" not in back.read_bytes().decode("latin-1")
    install_keys(reporter, read_keys_file(keys_file), "file")  # what IT does

    result = import_package(reporter, back)

    assert result.refused_approvals == ()
    assert reporter.get(article.id).status == "approved"
    assert approval_for(reporter, article.id).approver == EDITOR
    assert f"Duyệt: {EDITOR}" in _print(reporter, article.id, tmp_path / "bai.pdf")


def test_without_the_editors_key_the_approval_waits_at_the_desk(reporter, editor, tmp_path):
    article, path = _submitted(reporter, tmp_path)
    _article_id, back = _real_approval(editor, path, tmp_path)
    result = import_package(reporter, back)
    assert reporter.get(article.id).status == "submitted"
    assert [r.reason for r in result.refused_approvals] == ["unknown_key"]
    assert "key" in describe(result.refused_approvals[0].error(), "en")


def test_a_keys_file_whose_id_does_not_match_its_key_is_refused(editor, tmp_path):
    signing_key(editor, EDITOR)  # made at the editor's first approval
    document = json.loads(export_keys(editor))
    document["keys"][0]["key_id"] = "0" * 32
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        read_keys_file(bad)
    assert caught.value.code == "keys_file_invalid"
    assert "bad.json" in describe(caught.value, "en")
