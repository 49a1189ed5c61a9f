"""Word-level diffs of Vietnamese text and the article's history."""

from __future__ import annotations

import unicodedata

import pytest

from deskapp.desk import DeskError, status_events, transition
from deskapp.desk.diff import (
    Op,
    changes_since,
    diff_words,
    inline_html,
    review_base,
    side_by_side,
)
from deskapp.model import Article
from deskapp.store import Library


def test_a_changed_syllable_is_one_replaced_word():
    ops = diff_words("thực hiện quy chế dân chủ", "thực hiện quy định dân chủ")
    assert [op for op in ops if op.kind != "equal"] == [Op("replace", "chế", "định")]


def test_insert_and_delete_are_whole_words():
    ops = diff_words("Ban chỉ đạo tỉnh.", "Ban chỉ đạo cấp tỉnh.")
    assert [op for op in ops if op.kind != "equal"] == [Op("insert", "", "cấp ")]
    ops = diff_words("Ban chỉ đạo cấp tỉnh.", "Ban chỉ đạo tỉnh.")
    assert [op for op in ops if op.kind != "equal"] == [Op("delete", "cấp ", "")]


def test_nfd_and_nfc_are_the_same_word():
    old = unicodedata.normalize("NFD", "quy chế")
    assert all(op.kind == "equal" for op in diff_words(old, "quy chế"))


def test_inline_html_escapes_and_marks():
    html = inline_html(diff_words("a <b> quy chế", "a <b> quy định"))
    assert "&lt;b&gt;" in html
    assert "<del" in html and ">chế</del>" in html and ">định</ins>" in html
    assert "line-through" in html  # QTextBrowser needs the style inline


def test_side_by_side():
    left, right = side_by_side(diff_words("một hai ba", "một bốn ba"))
    assert ">hai</del>" in left and "bốn" not in left
    assert ">bốn</ins>" in right and "hai" not in right


def test_changes_since_submission_and_by_the_editor():
    library = Library.in_memory()
    try:
        article = library.create(Article(title="Tít", lead="Sapo.", byline="PV",
                                         body="Thực hiện qui chế dân chủ."))
        with pytest.raises(DeskError):
            changes_since(library, article.id)
        transition(library, article.id, "submit", user="an", role="reporter")
        transition(library, article.id, "take", user="bình", role="editor")
        edited = library.get(article.id).with_content(body="Thực hiện quy chế dân chủ.")
        library.save(edited, author="bình")
        transition(library, article.id, "return", user="bình", role="editor", reason="Xem lại")
        later = library.get(article.id).with_content(title="Tít mới")
        library.save(later, author="an")

        since = changes_since(library, article.id, "submit")
        assert set(since) == {"title", "body"}
        assert [op for op in since["body"] if op.kind != "equal"] == [
            Op("replace", "qui", "quy")]
        by_editor = changes_since(library, article.id, "editor")
        assert set(by_editor) == {"body"}
    finally:
        library.close()


def test_after_a_return_since_submission_starts_at_the_returned_version():
    library = Library.in_memory()
    try:
        article = library.create(Article(title="Tít", lead="Sapo.", byline="PV",
                                         body="Thực hiện quy chế dân chủ."))
        transition(library, article.id, "submit", user="an", role="reporter")
        transition(library, article.id, "take", user="bình", role="editor")
        library.save(library.get(article.id).with_content(body="Thực hiện tốt quy chế dân chủ."),
                     author="bình")
        transition(library, article.id, "return", user="bình", role="editor", reason="Xem lại")
        library.save(library.get(article.id).with_content(lead="Sapo mới."), author="an")
        transition(library, article.id, "submit", user="an", role="reporter")
        since = changes_since(library, article.id, "submit")
        assert set(since) == {"lead"}  # the reporter's answer, not the editor's own edit
        assert review_base(status_events(library, article.id)).action == "return"
        library.save(library.get(article.id).with_content(title="Tít hay"), author="bình")
        assert set(changes_since(library, article.id, "submit")) == {"lead", "title"}
    finally:
        library.close()
