"""Page plans travel in article packages: the editions placing the article, with history."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace

import pytest
from sample_articles import BRIDGE, COFFEE
from sample_edition import PLAN, build_sample

from deskapp.desk.approvals import install_keys, trusted_keys
from deskapp.errors import ImportRejected
from deskapp.exchange.merge import apply_package
from deskapp.exchange.package import EDITIONS, read_package, write_package
from deskapp.makeup.store import edition_history, find_edition, save_edition
from deskapp.store import Library


@pytest.fixture
def desks(tmp_path):
    one = Library.open(tmp_path / "desk.sqlite")
    build_sample(one)
    other = Library.open(tmp_path / "other.sqlite")
    yield one, other
    one.close()
    other.close()


def _send(source, target, article_id, path):
    write_package(source, article_id, path, sender="Bình", role="editor")
    install_keys(target, trusted_keys(source, "own"), "file")  # IT installed the desk's keys
    return apply_package(target, read_package(path))


def test_the_edition_goes_with_the_article_and_comes_back_changed(desks, tmp_path):
    desk, other = desks
    result = _send(desk, other, BRIDGE.id, tmp_path / "cau.deskpkg")
    assert result.new_editions == 1
    arrived = find_edition(other, PLAN["name"])
    assert arrived == find_edition(desk, PLAN["name"])
    # changed there (a block taken off page 2), sent back: the later plan wins here
    page = arrived.page(2)
    smaller = arrived.with_page(replace(page, blocks=page.blocks[:-1]))
    save_edition(other, smaller, author="An")
    back = _send(other, desk, BRIDGE.id, tmp_path / "cau-lai.deskpkg")
    assert back.new_editions == 1
    assert find_edition(desk, PLAN["name"]) == smaller
    assert [r.author for r in edition_history(desk, smaller.id)] == ["An", "Trần Bình"]
    # the same package again changes nothing
    again = apply_package(desk, read_package(tmp_path / "cau-lai.deskpkg"))
    assert again.new_editions == 0


def test_an_older_plan_does_not_replace_a_newer_one(desks, tmp_path):
    desk, _other = desks
    path = tmp_path / "cau.deskpkg"
    write_package(desk, BRIDGE.id, path, sender="Bình", role="editor")
    edition = find_edition(desk, PLAN["name"])
    newer = edition.with_page(replace(edition.page(2), blocks=()))
    save_edition(desk, newer, author="Bình")
    apply_package(desk, read_package(path))  # the package holds the older plan
    assert find_edition(desk, PLAN["name"]) == newer


def test_a_sent_autosave_is_not_rewritten_in_place(desks, tmp_path):
    desk, _other = desks
    edition = find_edition(desk, PLAN["name"])
    first = edition.with_page(replace(edition.page(2), blocks=edition.page(2).blocks[:-1]))
    save_edition(desk, first, author="Bình", kind="autosave")
    write_package(desk, BRIDGE.id, tmp_path / "cau.deskpkg", sender="Bình", role="editor")
    second = first.with_page(replace(first.page(2), blocks=first.page(2).blocks[:-1]))
    save_edition(desk, second, author="Bình", kind="autosave")
    history = edition_history(desk, edition.id)
    assert [r.edition() for r in history[:2]] == [second, first]


def test_an_article_no_edition_places_carries_none(tmp_path):
    library = Library.open(tmp_path / "lib.sqlite")
    build_sample(library)
    from deskapp.model import Article

    alone = library.create(Article(title="Tin ngắn", body="Một câu."))
    path = write_package(library, alone.id, tmp_path / "tin.deskpkg", sender="An",
                         role="reporter")
    with zipfile.ZipFile(path) as archive:
        assert EDITIONS not in archive.namelist()
        assert EDITIONS in zipfile.ZipFile(write_package(
            library, COFFEE.id, tmp_path / "cf.deskpkg", sender="An", role="reporter")
        ).namelist()
    library.close()


def test_a_malformed_plan_in_a_package_is_refused_whole(desks, tmp_path):
    desk, other = desks
    path = write_package(desk, BRIDGE.id, tmp_path / "cau.deskpkg", sender="Bình",
                         role="editor")
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    records = json.loads(members[EDITIONS])
    plan = json.loads(records[0]["revisions"][0]["plan"])
    plan["pages"][0]["blocks"][0]["grid"] = [0, 0, 0, 0]
    records[0]["revisions"][0]["plan"] = json.dumps(plan)
    members[EDITIONS] = json.dumps(records).encode()
    manifest = json.loads(members["manifest.json"])
    import hashlib

    for entry in manifest["files"]:
        entry["sha256"] = hashlib.sha256(members[entry["name"]]).hexdigest()
        entry["size"] = len(members[entry["name"]])
    members["manifest.json"] = json.dumps(manifest).encode()
    bad = tmp_path / "bad.deskpkg"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ImportRejected) as caught:
        read_package(bad)
    assert caught.value.code == "package_corrupt" and EDITIONS in str(caught.value)
    assert other.db["articles"].count == 0


def test_plans_from_an_editor_this_laptop_does_not_trust_are_not_taken(desks, tmp_path):
    desk, other = desks
    path = tmp_path / "cau.deskpkg"
    write_package(desk, BRIDGE.id, path, sender="Bình", role="editor")
    result = apply_package(other, read_package(path))
    assert result.article_id == BRIDGE.id and result.outcome == "created"  # the article came
    assert result.new_editions == 0 and result.refused_editions == "unknown_key"
    from deskapp.makeup.plan import PlanError

    with pytest.raises(PlanError):
        find_edition(other, PLAN["name"])
    from deskapp.messages import describe

    [error] = result.signature_errors()
    assert error.code == "editions_refused_package"
    assert "Bình" in describe(error, "en")


def test_hand_edited_plans_under_a_real_signature_are_not_taken(desks, tmp_path):
    desk, other = desks
    path = tmp_path / "cau.deskpkg"
    write_package(desk, BRIDGE.id, path, sender="Bình", role="editor")
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    plans = json.loads(contents[EDITIONS])
    plans[0]["name"] = "Số báo sửa tay"
    contents[EDITIONS] = json.dumps(plans, ensure_ascii=False).encode()
    import hashlib

    manifest = json.loads(contents["manifest.json"])
    for entry in manifest["files"]:
        if entry["name"] == EDITIONS:
            entry["sha256"] = hashlib.sha256(contents[EDITIONS]).hexdigest()
            entry["size"] = len(contents[EDITIONS])
    contents["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, value in contents.items():
            archive.writestr(name, value)
    install_keys(other, trusted_keys(desk, "own"), "file")
    result = apply_package(other, read_package(path))
    assert result.new_editions == 0 and result.refused_editions == "bad_signature"
