"""Photos travel with the article: packages carry them, Markdown export writes them."""

from __future__ import annotations

import hashlib
import json
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from deskapp.errors import ImportRejected
from deskapp.exchange.markdown_export import export_library_markdown
from deskapp.exchange.merge import apply_package
from deskapp.exchange.package import read_package, write_package
from deskapp.model import Article
from deskapp.store import Library
from deskapp.store.assets import add_photo, get_photo, list_photos
from deskapp.store.schema import SCHEMA_VERSION


def jpeg(width: int = 64, height: int = 48) -> bytes:
    out = BytesIO()
    Image.new("RGB", (width, height), (10, 200, 30)).save(out, "JPEG")
    return out.getvalue()


def test_the_assets_migration_is_the_latest(tmp_path: Path):
    library = Library.open(tmp_path / "lib.sqlite")
    try:
        assert library.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "assets" in library.db.table_names()
    finally:
        library.close()


def test_a_package_carries_the_photos_and_restores_them(tmp_path: Path):
    sender = Library.open(tmp_path / "a.sqlite")
    article = sender.create(Article(title="Có ảnh", body="![](asset:hoi-nghi.jpg)"))
    photo = add_photo(sender, article.id, jpeg(), name="Hội nghị.jpg", caption="Hội nghị",
                      credit="Minh Hùng")
    path = write_package(sender, article.id, tmp_path / "bai.deskpkg", sender="A",
                         role="reporter")
    sender.close()
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        member = f"photos/{photo.sha256}.jpg"
        listed = {entry["name"]: entry for entry in manifest["files"]}
        assert listed[member]["sha256"] == hashlib.sha256(jpeg()).hexdigest()
        assert "photos.json" in listed
    package = read_package(path)
    assert [p.name for p in package.photos] == ["hoi-nghi.jpg"]
    receiver = Library.open(tmp_path / "b.sqlite")
    try:
        apply_package(receiver, package)
        apply_package(receiver, package)  # a second import adds nothing
        [restored] = list_photos(receiver, article.id)
        assert (restored.name, restored.caption, restored.credit) == (
            "hoi-nghi.jpg", "Hội nghị", "Minh Hùng")
        assert get_photo(receiver, article.id, "hoi-nghi.jpg").data == jpeg()
    finally:
        receiver.close()


def test_a_package_with_a_fake_photo_is_refused(tmp_path: Path):
    fake = b"not an image"
    members = {"photos/x.jpg": fake,
               "photos.json": json.dumps([{"name": "x.jpg", "file": "photos/x.jpg",
                                           "caption": "", "credit": ""}]).encode()}
    sender = Library.open(tmp_path / "a.sqlite")
    article = sender.create(Article(title="x"))
    path = write_package(sender, article.id, tmp_path / "p.deskpkg", sender="A", role="reporter")
    sender.close()
    rebuilt = tmp_path / "fake.deskpkg"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        for name, data in members.items():
            manifest["files"].append({"name": name, "size": len(data),
                                      "sha256": hashlib.sha256(data).hexdigest()})
            target.writestr(name, data)
        for info in source.infolist():
            if info.filename != "manifest.json":
                target.writestr(info, source.read(info))
        target.writestr("manifest.json", json.dumps(manifest))
    receiver = Library.open(tmp_path / "b.sqlite")
    try:
        with pytest.raises(ImportRejected) as caught:
            apply_package(receiver, read_package(rebuilt))
        assert caught.value.code == "package_corrupt"
        assert receiver.db["articles"].count == 0  # rolled back whole
    finally:
        receiver.close()


def test_markdown_export_writes_photos_beside_the_file(tmp_path: Path):
    library = Library.in_memory()
    article = library.create(Article(title="Ảnh", body="![](asset:a.jpg)"))
    add_photo(library, article.id, jpeg(), name="a.jpg")
    add_photo(library, article.id, jpeg(20, 20), name="b.jpg", caption="Phụ")
    export_library_markdown(library, tmp_path)
    [markdown] = tmp_path.glob("*.md")
    folder = markdown.with_name(markdown.stem + ".assets")
    assert sorted(p.name for p in folder.iterdir()) == ["a.jpg", "b.jpg"]
    text = markdown.read_text(encoding="utf-8")
    assert f"![Phụ]({folder.name}/b.jpg)" in text
    assert f"{folder.name}/a.jpg" not in text  # the body already shows it
