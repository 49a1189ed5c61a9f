"""Article packages: round trip, and every kind of hostile or broken file refused."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path

import pytest

from deskapp.desk import transition
from deskapp.desk.comments import add_comment, list_comments
from deskapp.desk.workflow import status_events
from deskapp.errors import ImportRejected
from deskapp.exchange.package import FORMAT_VERSION, read_package, write_package
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.store import Library
from deskapp.workspace import import_package


def _counts(library: Library) -> dict[str, int]:
    return {t: library.db[t].count for t in ("articles", "revisions", "comments",
                                              "status_events")}


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Library, Article, Path]:
    """A reporter's library with an edited, commented, submitted article, packaged."""
    library = Library.open(tmp_path / "reporter.sqlite")
    article = library.create(Article(title="Hội nghị quy chế dân chủ", lead="Sapo ngắn.",
                                     body="Ban chỉ đạo **tỉnh** họp.", tags=["dân chủ"]),
                             author="Thanh Tùng")
    article = library.save(article.with_content(body="Ban chỉ đạo **tỉnh** họp tổng kết."),
                           author="Thanh Tùng")
    add_comment(library, article, "body", 0, 3, "Ghi rõ tên ban.", "Biên tập")
    transition(library, article.id, "submit", user="Thanh Tùng", role="reporter")
    path = write_package(library, article.id, tmp_path / "bai.deskpkg", sender="Thanh Tùng",
                         role="reporter")
    return library, library.get(article.id), path


def test_round_trip_into_an_empty_library(desk, tmp_path):
    source, article, path = desk
    target = Library.open(tmp_path / "desk.sqlite")
    result = import_package(target, path)
    assert result.outcome == "created"
    copy = target.get(article.id)
    assert copy.content() == article.content()
    assert copy.revision_id == article.revision_id
    theirs = [(r.id, r.parent_id, r.author, r.kind, r.content_hash, r.created_at)
              for r in source.revisions(article.id)]
    ours = [(r.id, r.parent_id, r.author, r.kind, r.content_hash, r.created_at)
            for r in target.revisions(article.id)]
    assert ours == theirs
    assert list_comments(target, article.id) == list_comments(source, article.id)
    assert status_events(target, article.id) == status_events(source, article.id)
    assert [h.id for h in target.search("quy che dan chu")] == [article.id]


def test_manifest_describes_every_member(desk):
    _, article, path = desk
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
        for entry in manifest["files"]:
            data = archive.read(entry["name"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["size"]
        markdown = archive.read("article.md").decode("utf-8")
    assert manifest["format"] == "deskapp-package"
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["sender"] == {"name": "Thanh Tùng", "role": "reporter"}
    assert manifest["article"]["id"] == article.id
    assert names == {"manifest.json", "article.md", "revisions.json", "comments.json",
                     "status_events.json"}
    assert "title: Hội nghị quy chế dân chủ" in markdown


def test_read_package_gives_the_lineage(desk):
    _, article, path = desk
    package = read_package(path)
    assert package.head_id == article.revision_id
    assert [r.kind for r in package.lineage()] == ["status", "save", "create"]
    assert package.article().content() == article.content()


# ------------------------------------------------------------ hostile files


def _rewrite(source: Path, target: Path, *, drop: tuple[str, ...] = (),
             change: dict[str, bytes] | None = None,
             extra: list[tuple[zipfile.ZipInfo | str, bytes]] | None = None,
             fix_manifest: bool = False) -> Path:
    """A copy of a package with members dropped, changed or added."""
    change = dict(change or {})
    with zipfile.ZipFile(source) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n not in drop}
    members.update(change)
    if fix_manifest:
        manifest = json.loads(members["manifest.json"])
        for entry in manifest["files"]:
            data = members[entry["name"]]
            entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
        members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for info, data in extra or []:
            archive.writestr(info, data)
    return target


def _refused(path: Path, library: Library, code: str) -> ImportRejected:
    before = _counts(library)
    with pytest.raises(ImportRejected) as caught:
        import_package(library, path)
    assert caught.value.code == code
    assert _counts(library) == before
    assert path.name in describe(caught.value)
    return caught.value


@pytest.fixture
def empty(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "empty.sqlite")
    library.create(Article(title="Bài có sẵn"))
    return library


def test_zip_slip_member_refused(desk, tmp_path, empty):
    bad = _rewrite(desk[2], tmp_path / "slip.deskpkg", extra=[("../../evil.txt", b"x")])
    _refused(bad, empty, "package_unsafe")


def test_absolute_path_refused(desk, tmp_path, empty):
    bad = _rewrite(desk[2], tmp_path / "abs.deskpkg", extra=[("/etc/evil", b"x")])
    _refused(bad, empty, "package_unsafe")


def test_drive_letter_refused(desk, tmp_path, empty):
    bad = _rewrite(desk[2], tmp_path / "drive.deskpkg", extra=[("C:/evil.txt", b"x")])
    _refused(bad, empty, "package_unsafe")


def test_symlink_member_refused(desk, tmp_path, empty):
    link = zipfile.ZipInfo("photos/link")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    bad = _rewrite(desk[2], tmp_path / "link.deskpkg", extra=[(link, b"/etc/passwd")])
    _refused(bad, empty, "package_unsafe")


def test_zip_bomb_refused(desk, tmp_path, empty):
    bomb = zipfile.ZipInfo("photos/zeros.bin")
    bomb.compress_type = zipfile.ZIP_DEFLATED
    bad = _rewrite(desk[2], tmp_path / "bomb.deskpkg", extra=[(bomb, bytes(100 * 2**20))])
    assert bad.stat().st_size < 2 * 2**20
    error = _refused(bad, empty, "package_unsafe")
    assert "zeros.bin" in error.data["reason"]


def test_compression_ratio_bomb_under_the_size_limit_refused(desk, tmp_path, empty):
    bomb = zipfile.ZipInfo("photos/zeros.bin")
    bomb.compress_type = zipfile.ZIP_DEFLATED
    bad = _rewrite(desk[2], tmp_path / "ratio.deskpkg", extra=[(bomb, bytes(20 * 2**20))])
    error = _refused(bad, empty, "package_unsafe")
    assert "zip bomb" in error.data["reason"]


def test_checksum_mismatch_refused(desk, tmp_path, empty):
    with zipfile.ZipFile(desk[2]) as archive:
        markdown = archive.read("article.md")
    bad = _rewrite(desk[2], tmp_path / "sum.deskpkg",
                   change={"article.md": markdown.replace(b"tinh", b"TINH") + b"sua"})
    error = _refused(bad, empty, "package_checksum")
    assert error.data["member"] == "article.md"


def test_tampered_revision_content_refused_even_with_fixed_checksums(desk, tmp_path, empty):
    with zipfile.ZipFile(desk[2]) as archive:
        revisions = json.loads(archive.read("revisions.json"))
    revisions[-1]["content"]["body"] = "Nội dung bị thay."
    bad = _rewrite(desk[2], tmp_path / "forged.deskpkg", fix_manifest=True,
                   change={"revisions.json": json.dumps(revisions).encode()})
    _refused(bad, empty, "package_corrupt")


def test_truncated_file_refused(desk, tmp_path, empty):
    data = desk[2].read_bytes()
    bad = tmp_path / "cut.deskpkg"
    bad.write_bytes(data[: len(data) // 2])
    _refused(bad, empty, "package_corrupt")


def test_not_a_zip_refused(tmp_path, empty):
    bad = tmp_path / "note.deskpkg"
    bad.write_text("xin chào", encoding="utf-8")
    _refused(bad, empty, "package_corrupt")


def test_newer_format_refused_with_versions(desk, tmp_path, empty):
    with zipfile.ZipFile(desk[2]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["format_version"] = FORMAT_VERSION + 1
    bad = _rewrite(desk[2], tmp_path / "new.deskpkg",
                   change={"manifest.json": json.dumps(manifest).encode()})
    error = _refused(bad, empty, "package_too_new")
    assert (error.data["found"], error.data["known"]) == (FORMAT_VERSION + 1, FORMAT_VERSION)
    assert "newer Deskapp" in describe(error, "en")


def test_missing_manifest_refused(desk, tmp_path, empty):
    bad = _rewrite(desk[2], tmp_path / "nomanifest.deskpkg", drop=("manifest.json",))
    _refused(bad, empty, "package_corrupt")


@pytest.mark.parametrize("manifest", [
    b"[1, 2]", b"{not json", b'{"format": "deskapp-package", "format_version": NaN}',
    b'{"format": "deskapp-package", "format_version": 1}', b"[" * 100_000,
    b'{"format": "deskapp-package", "format_version": "1"}',
])
def test_malformed_manifest_refused(desk, tmp_path, empty, manifest):
    bad = _rewrite(desk[2], tmp_path / "bad.deskpkg", change={"manifest.json": manifest})
    _refused(bad, empty, "package_corrupt")


def test_unlisted_member_refused(desk, tmp_path, empty):
    bad = _rewrite(desk[2], tmp_path / "extra.deskpkg", extra=[("photos/a.jpg", b"x")])
    _refused(bad, empty, "package_corrupt")


def test_package_writes_atomically_over_an_old_file(desk, tmp_path):
    library, article, path = desk
    before = path.read_bytes()
    again = write_package(library, article.id, path, sender="x", role="reporter")
    assert again == path and path.read_bytes() != before
    assert not list(tmp_path.glob(".*.part"))


def test_a_package_whose_head_passes_the_limits_is_refused_untouched(tmp_path):
    """What a package brings must render and print: its head is held to deskapp.limits."""
    from deskapp.limits import LimitExceeded

    sender = Library.open(tmp_path / "sender.sqlite")
    article = sender.create(Article(title="Lồng sâu", body="> " * 40 + "chữ"), author="PV")
    path = write_package(sender, article.id, tmp_path / "sau.deskpkg", sender="PV",
                         role="reporter")
    receiver = Library.open(tmp_path / "receiver.sqlite")
    before = _counts(receiver)
    with pytest.raises(LimitExceeded) as refused:
        import_package(receiver, path)
    assert refused.value.code == "limit_nesting"
    assert "40" in describe(refused.value, "en") and "16" in describe(refused.value, "en")
    assert _counts(receiver) == before
