"""The name register travels in packages: editors' changes go out, reporters receive."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from deskapp.desk.approvals import install_keys, trusted_keys
from deskapp.errors import ImportRejected
from deskapp.exchange.package import NAMES, read_package, write_package
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.proof import check
from deskapp.proof.house import library_house_style
from deskapp.store import Library
from deskapp.store.names import entries, remove_name, set_name
from deskapp.workspace import import_package


def editor_package(tmp_path, *names: str):
    desk = Library.in_memory()
    for name in names:
        set_name(desk, name, user="Biên tập")
    article = desk.create(Article(title="Tít", lead="Sapo.", byline="PV", body="Nội dung."))
    path = write_package(desk, article.id, tmp_path / "bai.deskpkg", sender="Biên tập",
                         role="editor")
    return desk, article, path


def trusting(desk: Library) -> Library:
    """A reporter's library that trusts the desk's editor's key (installed by IT)."""
    reporter = Library.in_memory()
    install_keys(reporter, trusted_keys(desk, "own"), "file")
    return reporter


def test_the_reporter_receives_the_editors_register(tmp_path):
    desk, article, path = editor_package(tmp_path, "Hoàng Văn Kỳ", "Đắk Glei")
    assert {r["name"] for r in read_package(path).names} == {"Hoàng Văn Kỳ", "Đắk Glei"}
    reporter = trusting(desk)
    result = import_package(reporter, path)
    assert result.new_names == 2
    assert [e.name for e in entries(reporter)] == ["Đắk Glei", "Hoàng Văn Kỳ"]
    draft = Article(title="Tít", lead="Sapo.", byline="PV", body="Ông Hoàng Văn Kì về Đăk Glei.")
    fixes = {f.fix for f in check(draft, house=library_house_style(reporter))
             if f.rule == "name_register"}
    assert fixes == {"Hoàng Văn Kỳ", "Đắk Glei"}
    # The editor takes a name out: the next package takes it out here too.
    remove_name(desk, "Đắk Glei", user="Biên tập")
    again = write_package(desk, article.id, tmp_path / "lan2.deskpkg", sender="Biên tập",
                          role="editor")
    import_package(reporter, again)
    assert [e.name for e in entries(reporter)] == ["Hoàng Văn Kỳ"]


def test_a_reporters_package_carries_no_register_and_changes_none(tmp_path):
    reporter = Library.in_memory()
    set_name(reporter, "Hoàng Văn Kì")
    article = reporter.create(Article(title="Tít", lead="Sapo.", byline="PV", body="Bài."))
    path = write_package(reporter, article.id, tmp_path / "pv.deskpkg", sender="PV",
                         role="reporter")
    assert read_package(path).names == []
    with zipfile.ZipFile(path) as archive:
        assert NAMES not in archive.namelist()
    desk = Library.in_memory()
    set_name(desk, "Hoàng Văn Kỳ")
    import_package(desk, path)
    assert [e.name for e in entries(desk)] == ["Hoàng Văn Kỳ"]


def _rewrite(path, member: str, data: bytes) -> None:
    """Replace a member and its checksum, as someone editing a package by hand would."""
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    contents[member] = data
    manifest = json.loads(contents["manifest.json"])
    for entry in manifest["files"]:
        if entry["name"] == member:
            entry["sha256"] = hashlib.sha256(data).hexdigest()
            entry["size"] = len(data)
    contents["manifest.json"] = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, value in contents.items():
            archive.writestr(name, value)
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("records", [
    {"not": "a list"},
    [{"key": "sai", "name": "Hoàng Văn Kỳ", "kind": "person", "note": "",
      "updated_at": "2026", "updated_by": "", "removed_at": None}],
])
def test_a_malformed_register_refuses_the_package(tmp_path, records):
    _desk, _article, path = editor_package(tmp_path, "Hoàng Văn Kỳ")
    _rewrite(path, NAMES, json.dumps(records).encode())
    with pytest.raises(ImportRejected) as caught:
        read_package(path)
    assert "names.json" in str(caught.value)


def test_a_register_from_an_editor_this_laptop_does_not_trust_is_not_taken(tmp_path):
    _desk, article, path = editor_package(tmp_path, "Hoàng Văn Kỳ")
    stranger = Library.in_memory()
    set_name(stranger, "Hoàng Văn Kì")
    result = import_package(stranger, path)
    assert result.article_id == article.id and result.outcome == "created"  # the article came
    assert [e.name for e in entries(stranger)] == ["Hoàng Văn Kì"]  # the register did not
    assert result.refused_names == "unknown_key"
    [error] = result.signature_errors()
    assert error.code == "register_refused"
    said = describe(error, "en")
    assert "Biên tập" in said and "key" in said and "unchanged" in said


def test_a_hand_edited_register_under_a_real_signature_is_not_taken(tmp_path):
    desk, _article, path = editor_package(tmp_path, "Hoàng Văn Kỳ")
    forged = [{**record, "name": "Hoàng Văn Kì"} for record in read_package(path).names]
    _rewrite(path, NAMES, json.dumps(forged, ensure_ascii=False).encode())
    reporter = trusting(desk)
    result = import_package(reporter, path)
    assert entries(reporter) == [] and result.refused_names == "bad_signature"


def test_a_package_claiming_an_editor_without_a_signature_changes_no_register(tmp_path):
    desk, _article, path = editor_package(tmp_path, "Hoàng Văn Kỳ")
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    del contents["names.sig.json"]
    manifest = json.loads(contents["manifest.json"])
    manifest["files"] = [f for f in manifest["files"] if f["name"] != "names.sig.json"]
    contents["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, value in contents.items():
            archive.writestr(name, value)
    reporter = trusting(desk)
    result = import_package(reporter, path)
    assert entries(reporter) == [] and result.refused_names == "unsigned"
