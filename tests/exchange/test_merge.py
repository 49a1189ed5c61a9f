"""Merging packages: created, fast-forward, nothing new, diverged, and resolving."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskapp.desk.comments import add_comment, list_comments
from deskapp.desk.diff import diff_words, has_changes
from deskapp.exchange.merge import (
    CONFLICT_KIND,
    MergeError,
    open_conflict,
    resolve_conflict,
)
from deskapp.exchange.package import write_package
from deskapp.model import Article
from deskapp.store import Library
from deskapp.workspace import import_package


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Library, Library, str]:
    """A reporter's and a desk's library holding the same article after one hand-off."""
    reporter = Library.open(tmp_path / "reporter.sqlite")
    desk = Library.open(tmp_path / "desk.sqlite")
    article = reporter.create(Article(title="Mưa lớn ở Kon Tum", body="Đêm qua mưa lớn."),
                              author="PV")
    _send(reporter, desk, article.id, tmp_path / "1.deskpkg")
    return reporter, desk, article.id


def _send(source: Library, target: Library, article_id: str, path: Path,
          **kwargs: object):
    write_package(source, article_id, path, sender="x", role="reporter")
    return import_package(target, path, **kwargs)


def _edit(library: Library, article_id: str, body: str, author: str) -> Article:
    return library.save(library.get(article_id).with_content(body=body), author=author)


def test_reimport_says_nothing_new(pair, tmp_path):
    reporter, desk, article_id = pair
    before = desk.db["revisions"].count
    result = _send(reporter, desk, article_id, tmp_path / "again.deskpkg")
    assert result.outcome == "nothing_new"
    assert desk.db["revisions"].count == before


def test_edit_on_one_side_fast_forwards(pair, tmp_path):
    reporter, desk, article_id = pair
    _edit(reporter, article_id, "Đêm qua mưa lớn, nước sông dâng.", "PV")
    result = _send(reporter, desk, article_id, tmp_path / "2.deskpkg")
    assert result.outcome == "updated"
    assert result.new_revisions == 1
    assert desk.get(article_id).body == "Đêm qua mưa lớn, nước sông dâng."
    assert desk.get(article_id).revision_id == reporter.get(article_id).revision_id
    assert [h.id for h in desk.search("nuoc song dang")] == [article_id]


def test_older_package_does_not_overwrite_newer_local_work(pair, tmp_path):
    reporter, desk, article_id = pair
    write_package(reporter, article_id, tmp_path / "old.deskpkg", sender="x", role="reporter")
    _edit(desk, article_id, "Biên tập đã sửa.", "BT")
    result = import_package(desk, tmp_path / "old.deskpkg")
    assert result.outcome == "nothing_new"
    assert desk.get(article_id).body == "Biên tập đã sửa."


def test_round_trip_back_to_the_reporter_fast_forwards(pair, tmp_path):
    reporter, desk, article_id = pair
    _edit(desk, article_id, "Đêm qua, mưa lớn kéo dài.", "BT")
    result = _send(desk, reporter, article_id, tmp_path / "back.deskpkg")
    assert result.outcome == "updated"
    assert reporter.get(article_id).body == "Đêm qua, mưa lớn kéo dài."


def test_edits_on_both_sides_keep_both(pair, tmp_path):
    reporter, desk, article_id = pair
    _edit(reporter, article_id, "Bản của phóng viên.", "PV")
    local = _edit(desk, article_id, "Bản của biên tập.", "BT")
    result = _send(reporter, desk, article_id, tmp_path / "2.deskpkg")
    assert result.outcome == "diverged"
    assert desk.get(article_id).body == "Bản của biên tập."
    assert desk.get(article_id).revision_id == local.revision_id == result.local_head
    conflict = open_conflict(desk, article_id)
    assert conflict is not None and conflict.kind == CONFLICT_KIND
    assert conflict.id == result.incoming_head
    assert conflict.content["body"] == "Bản của phóng viên."
    first = desk.revisions(article_id)[0]
    assert result.common_ancestor == first.id == conflict.parent_id
    assert has_changes(diff_words("Bản của biên tập.", conflict.content["body"]))
    again = _send(reporter, desk, article_id, tmp_path / "3.deskpkg")
    assert again.outcome == "nothing_new"


def test_resolve_taking_incoming_then_reporter_fast_forwards(pair, tmp_path):
    reporter, desk, article_id = pair
    _edit(reporter, article_id, "Bản của phóng viên.", "PV")
    _edit(desk, article_id, "Bản của biên tập.", "BT")
    _send(reporter, desk, article_id, tmp_path / "2.deskpkg")
    resolved = resolve_conflict(desk, article_id, "incoming", author="BT")
    assert resolved.body == "Bản của phóng viên."
    assert open_conflict(desk, article_id) is None
    assert desk.revisions(article_id)[-1].kind == "resolve"
    back = _send(desk, reporter, article_id, tmp_path / "back.deskpkg")
    assert back.outcome == "updated"
    with pytest.raises(MergeError):
        resolve_conflict(desk, article_id, "local")


def test_resolve_with_merged_text_and_local(pair, tmp_path):
    reporter, desk, article_id = pair
    _edit(reporter, article_id, "Bản A.", "PV")
    _edit(desk, article_id, "Bản B.", "BT")
    _send(reporter, desk, article_id, tmp_path / "2.deskpkg")
    merged = resolve_conflict(desk, article_id, "Bản A và B.", author="BT")
    assert desk.get(article_id).body == merged.body == "Bản A và B."
    _edit(reporter, article_id, "Bản A2.", "PV")
    assert _send(reporter, desk, article_id, tmp_path / "3.deskpkg").outcome == "diverged"
    kept = resolve_conflict(desk, article_id, "local", author="BT")
    assert kept.body == "Bản A và B."


def test_unsaved_local_work_gets_the_diverged_treatment(pair, tmp_path):
    reporter, desk, article_id = pair
    _edit(reporter, article_id, "Bản mới của phóng viên.", "PV")
    result = _send(reporter, desk, article_id, tmp_path / "2.deskpkg",
                   unsaved_article_ids={article_id})
    assert result.outcome == "diverged"
    assert desk.get(article_id).body == "Đêm qua mưa lớn."
    assert open_conflict(desk, article_id) is not None


def test_new_comments_arrive_without_content_change(pair, tmp_path):
    reporter, desk, article_id = pair
    add_comment(desk, desk.get(article_id), "body", 0, 3, "Giờ nào?", "BT")
    result = _send(desk, reporter, article_id, tmp_path / "c.deskpkg")
    assert result.outcome == "updated" and result.new_comments == 1
    assert [c.body for c in list_comments(reporter, article_id)] == ["Giờ nào?"]


def test_the_same_text_made_on_both_sides_is_two_revisions(tmp_path):
    one = Library.open(tmp_path / "one.sqlite")
    article = one.create(Article(title="A", body="x"), author="PV")
    two = Library.open(tmp_path / "two.sqlite")
    _send(one, two, article.id, tmp_path / "1.deskpkg")
    before = two.db["revisions"].count
    # the same edit made on both machines: identity decides, not text, so both are kept
    # and the receiver chooses (the comparison shows no difference)
    _edit(one, article.id, "y", "PV")
    _edit(two, article.id, "y", "PV")
    result = _send(one, two, article.id, tmp_path / "2.deskpkg")
    assert result.outcome == "diverged"
    assert two.db["revisions"].count == before + 2
    assert two.get(article.id).body == "y"
