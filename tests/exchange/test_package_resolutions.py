"""Comment resolutions travel in packages: idempotent, earliest wins, bad records refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from deskapp.desk.comments import add_comment, get_comment, reopen, resolution_of, resolve
from deskapp.errors import ImportRejected
from deskapp.exchange.package import RESOLUTIONS, read_package, write_package
from deskapp.model import Article
from deskapp.store import Library
from deskapp.workspace import import_package


@pytest.fixture
def pair(tmp_path: Path):
    """A reporter's article with the reporter's own comment, handed to the desk once."""
    reporter = Library.open(tmp_path / "reporter.sqlite")
    desk = Library.open(tmp_path / "desk.sqlite")
    article = reporter.create(Article(title="Mưa lớn ở Kon Tum", body="Đêm qua mưa lớn."),
                              author="PV Lan")
    comment = add_comment(reporter, article, "body", 0, 7, "Kiểm tra giờ", "PV Lan")
    _send(reporter, desk, article.id, tmp_path / "1.deskpkg")
    yield reporter, desk, article.id, comment.id
    reporter.close()
    desk.close()


def _send(source: Library, target: Library, article_id: str, path: Path):
    write_package(source, article_id, path, sender="x", role="editor")
    return import_package(target, path)


def _rewrite(path: Path, changes: dict[str, bytes | None]) -> None:
    """Replace (or with ``None`` drop) members, keeping the manifest's checksums right."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    for name, data in changes.items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    manifest["files"] = [{"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                         for n, d in members.items()]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            archive.writestr(name, data)


def test_the_editors_resolution_reaches_the_reporter(pair, tmp_path):
    reporter, desk, article_id, comment_id = pair
    resolved = resolve(desk, comment_id, by="BT Hà")
    package = tmp_path / "back.deskpkg"
    result = _send(desk, reporter, article_id, package)
    assert result.outcome == "updated" and result.new_resolutions == 1
    here = get_comment(reporter, comment_id)
    assert here.resolved and here.resolved_at == resolved.resolved_at
    assert resolution_of(reporter, comment_id) == (resolved.resolved_at, "BT Hà")
    # the same package again changes nothing
    again = import_package(reporter, package)
    assert again.outcome == "nothing_new" and again.new_resolutions == 0
    assert get_comment(reporter, comment_id) == here
    assert reporter.db["comment_resolutions"].count == 1


def test_both_sides_resolving_keep_the_earliest(pair, tmp_path):
    reporter, desk, article_id, comment_id = pair
    first = resolve(reporter, comment_id, by="PV Lan")
    resolve(desk, comment_id, by="BT Hà")
    _send(desk, reporter, article_id, tmp_path / "a.deskpkg")
    _send(reporter, desk, article_id, tmp_path / "b.deskpkg")
    for library in (reporter, desk):
        assert resolution_of(library, comment_id) == (first.resolved_at, "PV Lan")
        assert get_comment(library, comment_id).resolved_at == first.resolved_at


def test_a_comment_reopened_here_stays_open_when_the_resolution_comes_again(pair, tmp_path):
    reporter, desk, article_id, comment_id = pair
    resolve(desk, comment_id, by="BT Hà")
    package = tmp_path / "back.deskpkg"
    _send(desk, reporter, article_id, package)
    reopen(reporter, comment_id)
    import_package(reporter, package)
    assert not get_comment(reporter, comment_id).resolved


def test_an_old_package_without_resolutions_still_imports(pair, tmp_path):
    reporter, desk, article_id, comment_id = pair
    add_comment(desk, desk.get(article_id), "body", 8, 11, "Nguồn?", "BT Hà")
    resolve(desk, comment_id, by="BT Hà")
    package = tmp_path / "old.deskpkg"
    write_package(desk, article_id, package, sender="x", role="editor")
    _rewrite(package, {RESOLUTIONS: None})
    assert read_package(package).resolutions == []
    result = import_package(reporter, package)
    assert result.new_comments == 1 and result.new_resolutions == 0
    assert not get_comment(reporter, comment_id).resolved  # nothing told it


def test_a_resolution_for_a_comment_not_here_is_skipped(pair, tmp_path):
    reporter, desk, article_id, _comment_id = pair
    package = tmp_path / "p.deskpkg"
    write_package(desk, article_id, package, sender="x", role="editor")
    record = {"comment_id": "not-here-yet", "article_id": article_id,
              "resolved_at": "2026-01-01T00:00:00Z", "resolved_by": "BT Hà"}
    _rewrite(package, {RESOLUTIONS: json.dumps([record]).encode()})
    result = import_package(reporter, package)
    assert result.new_resolutions == 0
    assert reporter.db["comment_resolutions"].count == 0


@pytest.mark.parametrize("records", [
    {"not": "a list"},
    ["a string"],
    [{"comment_id": "c1", "article_id": "another-article", "resolved_at": "2026",
      "resolved_by": ""}],
    [{"comment_id": "c1", "article_id": None, "resolved_at": 5, "resolved_by": ""}],
    [{"comment_id": "../../x", "article_id": None, "resolved_at": "2026", "resolved_by": ""}],
    [{"comment_id": "c1", "article_id": None, "resolved_at": "", "resolved_by": ""}],
    [{"comment_id": "c1", "article_id": None, "resolved_at": "2026", "resolved_by": "x" * 600}],
    [{"comment_id": "c1", "article_id": None, "resolved_at": "2026", "resolved_by": ""}] * 2,
])
def test_malformed_resolutions_are_refused_cleanly(pair, tmp_path, records):
    reporter, desk, article_id, _comment_id = pair
    add_comment(desk, desk.get(article_id), "body", 8, 11, "Nguồn?", "BT Hà")
    package = tmp_path / "bad.deskpkg"
    write_package(desk, article_id, package, sender="x", role="editor")
    if isinstance(records, list):
        records = [{**r, "article_id": r["article_id"] or article_id} if isinstance(r, dict)
                   else r for r in records]
    _rewrite(package, {RESOLUTIONS: json.dumps(records).encode()})
    before = reporter.db["comments"].count
    with pytest.raises(ImportRejected) as caught:
        import_package(reporter, package)
    assert caught.value.code == "package_corrupt"
    assert "resol" in str(caught.value)
    assert reporter.db["comments"].count == before  # nothing of it was kept


def test_a_resolution_naming_another_articles_comment_refuses_the_package(pair, tmp_path):
    reporter, desk, article_id, _comment_id = pair
    other = reporter.create(Article(title="Bài khác", body="Nội dung khác."), author="PV Lan")
    foreign = add_comment(reporter, other, "body", 0, 3, "Của bài khác", "PV Lan")
    add_comment(desk, desk.get(article_id), "body", 8, 11, "Nguồn?", "BT Hà")
    package = tmp_path / "forged.deskpkg"
    write_package(desk, article_id, package, sender="x", role="editor")
    record = {"comment_id": foreign.id, "article_id": article_id,
              "resolved_at": "2026-01-01T00:00:00Z", "resolved_by": "BT Hà"}
    _rewrite(package, {RESOLUTIONS: json.dumps([record]).encode()})
    before = reporter.db["comments"].count
    with pytest.raises(ImportRejected) as caught:
        import_package(reporter, package)
    assert caught.value.code == "package_corrupt"
    assert reporter.db["comments"].count == before
    assert not get_comment(reporter, foreign.id).resolved
