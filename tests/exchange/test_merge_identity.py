"""Merges decide by revision identity and author, in linear work, within limits."""

from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from deskapp.errors import ImportRejected
from deskapp.exchange import merge, package
from deskapp.exchange.merge import apply_package, open_conflict
from deskapp.exchange.package import Package, read_package, revision_record, write_package
from deskapp.messages import describe
from deskapp.model import Article, Revision, new_id, now_iso
from deskapp.store import Library
from deskapp.workspace import import_package


def _chain(article_id: str, count: int, *, author: str = "PV", start: int = 0,
           parent: str | None = None, bodies: list[str] | None = None) -> list[Revision]:
    """``count`` revisions in one line, each the child of the one before."""
    revisions = []
    for i in range(count):
        article = Article(id=article_id, title="Mưa lớn",
                          body=bodies[i] if bodies else f"Đoạn {start + i}.")
        article.normalize()
        revision = Revision(id=new_id(), article_id=article_id, parent_id=parent,
                            created_at=now_iso(), author=author, kind="autosave",
                            content_hash=article.content_hash(), content=article.content())
        revisions.append(revision)
        parent = revision.id
    return revisions


def _package(article_id: str, revisions: list[Revision], head: str | None = None) -> Package:
    return Package(name="p.deskpkg", format_version=1, app_version="", created_at=now_iso(),
                   sender="PV", role="reporter", article_id=article_id,
                   head_id=head or revisions[-1].id, article_created_at=now_iso(),
                   target_words=None,
                   revisions=revisions)


def _counts(library: Library) -> tuple[int, int]:
    return library.db["articles"].count, library.db["revisions"].count


def test_a_lineage_rebuilt_from_known_text_is_a_conflict(tmp_path):
    """New ids over the same texts, then other text on top: never a fast-forward."""
    desk = Library.open(tmp_path / "desk.sqlite")
    mine = desk.create(Article(title="Mưa lớn", body="Đêm qua mưa lớn."), author="PV")
    desk.save(desk.get(mine.id).with_content(body="Đêm qua mưa lớn, sông dâng."), author="PV")
    known = desk.revisions(mine.id)
    # someone who read the texts (a Markdown export, a PDF) rebuilds the lineage
    rebuilt = []
    parent = None
    for revision in known:
        rebuilt.append(replace(revision, id=new_id(), parent_id=parent))
        parent = rebuilt[-1].id
    forged = _chain(mine.id, 1, parent=parent, bodies=["Chữ của người khác."])
    result = apply_package(desk, _package(mine.id, rebuilt + forged))
    assert result.outcome == "diverged"
    assert result.common_ancestor is None
    assert desk.get(mine.id).body == "Đêm qua mưa lớn, sông dâng."
    assert open_conflict(desk, mine.id).content["body"] == "Chữ của người khác."


def test_a_known_id_carrying_other_text_or_author_is_refused(tmp_path):
    desk = Library.open(tmp_path / "desk.sqlite")
    mine = desk.create(Article(title="Mưa lớn", body="Đêm qua mưa lớn."), author="PV")
    [root] = desk.revisions(mine.id)
    before = _counts(desk)
    other = Article(id=mine.id, title="Mưa lớn", body="Chữ khác.")
    other.normalize()
    wearing = replace(root, content=other.content(), content_hash=other.content_hash())
    for impostor in (wearing, replace(root, author="Người khác")):
        child = _chain(mine.id, 1, parent=root.id, bodies=["Tiếp theo."])
        with pytest.raises(ImportRejected) as caught:
            apply_package(desk, _package(mine.id, [impostor, *child]))
        assert caught.value.code == "package_corrupt"
        assert root.id in describe(caught.value)
        assert _counts(desk) == before
        assert desk.get(mine.id).body == "Đêm qua mưa lớn."


def _calls(work) -> int:
    """How many Python function calls ``work()`` makes (a count, not a time)."""
    count = 0

    def profile(_frame, event, _arg):
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def _fast_forward_calls(tmp_path: Path, size: int) -> int:
    """Calls spent merging ``size`` known revisions plus one new one (given newest first)."""
    library = Library.open(tmp_path / f"{size}.sqlite")
    article_id = new_id()
    history = _chain(article_id, size)
    apply_package(library, _package(article_id, history))
    new = _chain(article_id, 1, parent=history[-1].id, bodies=["Bản mới."])
    incoming = _package(article_id, list(reversed(history + new)), head=new[0].id)
    calls = _calls(lambda: apply_package(library, incoming))
    assert library.get(article_id).body == "Bản mới."
    library.close()
    return calls


def test_merge_work_grows_linearly_with_the_history(tmp_path):
    """Four times the history costs about four times the calls, not sixteen."""
    small = _fast_forward_calls(tmp_path, 1_000)
    large = _fast_forward_calls(tmp_path, 4_000)
    assert large < 5 * small, (small, large)


def test_twenty_thousand_revisions_merge(tmp_path):
    """The size the issue measured at 100-230 s now merges in one pass (see bench_merge)."""
    library = Library.open(tmp_path / "long.sqlite")
    article_id = new_id()
    history = _chain(article_id, 20_000)
    assert apply_package(library, _package(article_id, history)).outcome == "created"
    new = _chain(article_id, 1, parent=history[-1].id, bodies=["Bản mới."])
    result = apply_package(library, _package(article_id, history + new))
    assert (result.outcome, result.new_revisions) == ("updated", 1)
    assert library.db["revisions"].count_where("article_id = ?", [article_id]) == 20_001


def test_an_article_past_the_revision_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(merge, "MAX_ARTICLE_REVISIONS", 5)
    library = Library.open(tmp_path / "desk.sqlite")
    article_id = new_id()
    history = _chain(article_id, 5)
    apply_package(library, _package(article_id, history))
    before = _counts(library)
    more = _chain(article_id, 1, parent=history[-1].id)
    with pytest.raises(ImportRejected) as caught:
        apply_package(library, _package(article_id, history + more))
    assert (caught.value.code, caught.value.data["count"]) == ("too_many_revisions", 6)
    assert _counts(library) == before
    with pytest.raises(ImportRejected):
        apply_package(library, _package(new_id(), _chain(new_id(), 6)))
    assert _counts(library) == before


def _package_file(path: Path, revisions: list[Revision], article_id: str) -> Path:
    """A well-formed package file holding ``revisions`` (checksums right)."""
    members = {
        "article.md": b"# x\n",
        "revisions.json": json.dumps([revision_record(r) for r in revisions]).encode(),
        "comments.json": b"[]",
        "status_events.json": b"[]",
    }
    manifest = {
        "format": "deskapp-package", "format_version": 1, "app_version": "x",
        "created_at": now_iso(), "sender": {"name": "PV", "role": "reporter"},
        "article": {"id": article_id, "head": revisions[-1].id, "created_at": now_iso(),
                    "target_words": None, "target_lines": None},
        "files": [{"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                  for n, d in members.items()],
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_package_of_forty_thousand_revisions_is_refused_before_checking_them(
        tmp_path, monkeypatch):
    article_id = new_id()
    base = _chain(article_id, 1)[0]
    # 40,000 small revisions (a 2 MB package), built without hashing each one
    revisions = [base]
    for _ in range(39_999):
        revisions.append(replace(base, id=new_id(), parent_id=revisions[-1].id))
    path = _package_file(tmp_path / "long.deskpkg", revisions, article_id)
    checked = []
    original = package._revision
    monkeypatch.setattr(package, "_revision",
                        lambda *a: checked.append(1) or original(*a))
    library = Library.open(tmp_path / "desk.sqlite")
    before = _counts(library)
    with pytest.raises(ImportRejected) as caught:
        import_package(library, path)
    assert caught.value.code == "too_many_revisions"
    assert caught.value.data == {"name": "long.deskpkg", "count": 40_000,
                                 "limit": package.MAX_PACKAGE_REVISIONS}
    assert checked == []
    assert _counts(library) == before
    for lang, words in (("vi", "phiên bản"), ("en", "revisions")):
        text = describe(caught.value, lang)
        assert words in text and "40000" in text and "long.deskpkg" in text


def test_a_package_within_the_limit_still_reads(tmp_path):
    article_id = new_id()
    path = _package_file(tmp_path / "ok.deskpkg", _chain(article_id, 3), article_id)
    assert len(read_package(path).revisions) == 3


def test_writing_a_package_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_PACKAGE_REVISIONS", 2)
    library = Library.open(tmp_path / "lib.sqlite")
    article = library.create(Article(title="A", body="1"), author="PV")
    for body in ("2", "3"):
        library.save(library.get(article.id).with_content(body=body), author="PV")
    target = tmp_path / "out.deskpkg"
    with pytest.raises(ImportRejected) as caught:
        write_package(library, article.id, target, sender="PV", role="reporter")
    assert caught.value.code == "too_many_revisions"
    assert not target.exists()
