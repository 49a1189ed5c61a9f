"""Comments anchored to text, and finding their text again after edits."""

from __future__ import annotations

import pytest

from deskapp.desk import DeskError
from deskapp.desk.comments import (
    add_comment,
    anchored_comments,
    list_comments,
    move_anchor,
    reanchor,
    reopen,
    resolve,
)
from deskapp.model import Article
from deskapp.store import Library

BODY = ("Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh vừa tổ chức "
        "Hội nghị tổng kết công tác năm 2013, đề ra phương hướng nhiệm vụ năm 2014.")
QUOTE = "quy chế dân chủ"


@pytest.fixture
def library():
    lib = Library.in_memory()
    yield lib
    lib.close()


@pytest.fixture
def comment(library):
    article = library.create(Article(title="Tít", body=BODY))
    start = BODY.index(QUOTE)
    return add_comment(library, article, "body", start, start + len(QUOTE), "Kiểm tra tên",
                       "bình")


def test_comment_is_stored_with_quote_and_context(library, comment):
    assert comment.quote == QUOTE
    assert comment.prefix == BODY[comment.start - 32:comment.start]
    assert comment.suffix == BODY[comment.end:comment.end + 32]
    [stored] = list_comments(library, comment.article_id)
    assert stored == comment and stored.revision_id is not None


def test_resolve_and_reopen(library, comment):
    assert resolve(library, comment.id).resolved
    assert list_comments(library, comment.article_id, include_resolved=False) == []
    assert not reopen(library, comment.id).resolved
    assert len(list_comments(library, comment.article_id, include_resolved=False)) == 1


def test_invalid_range_is_refused(library):
    article = library.create(Article(body="ngắn"))
    with pytest.raises(DeskError):
        add_comment(library, article, "body", 2, 99, "x", "y")


def test_unchanged_text_is_exact(comment):
    assert reanchor(comment, BODY).status == "exact"


def test_edit_before_the_comment_moves_it(library, comment):
    text = "Tin mới: " + BODY
    anchor = reanchor(comment, text)
    assert anchor.status == "moved" and text[anchor.start:anchor.end] == QUOTE
    moved = move_anchor(library, comment, anchor)
    assert moved.start == anchor.start


def test_edit_inside_the_context_still_finds_the_quote(comment):
    text = BODY.replace("xây dựng và thực hiện", "ban hành, thực hiện")
    anchor = reanchor(comment, text)
    assert anchor.status == "moved" and text[anchor.start:anchor.end] == QUOTE


def test_several_copies_are_told_apart_by_context(comment):
    text = "Về quy chế dân chủ trong trường học. " + BODY.replace("tổ chức", "tổ chức lại")
    anchor = reanchor(comment, text)
    assert anchor.status == "fuzzy" and anchor.start == text.index(QUOTE, 10)


def test_slightly_edited_quote_is_fuzzy(comment):
    text = BODY.replace(QUOTE, "qui chế dân chủ")
    anchor = reanchor(comment, text)
    assert anchor.status == "fuzzy" and text[anchor.start:anchor.end] == "qui chế dân chủ"


def test_deleted_quote_is_lost(library, comment):
    text = BODY.replace(QUOTE + " ", "")
    assert reanchor(comment, text).status == "lost"
    article = library.get(comment.article_id).with_content(body=text)
    [(_, anchor)] = anchored_comments(library, article)
    assert anchor.status == "lost"


def test_purging_an_article_removes_its_comments_and_status_events():
    from deskapp.desk import transition

    library = Library.in_memory()
    article = library.create(Article(title="Tin", lead="Sapo.", body="Một câu.", byline="PV"))
    add_comment(library, article, "body", 0, 3, "Xem lại", "BT")
    transition(library, article.id, "submit", user="PV", role="reporter")
    library.trash(article.id)
    library.purge(article.id)
    for table in ("comments", "status_events", "revisions", "articles"):
        column = "id" if table == "articles" else "article_id"
        assert library.db.execute(
            f"SELECT count(*) FROM {table} WHERE {column} = ?", [article.id]).fetchone()[0] == 0


def test_refound_ranges_are_written_back_with_their_new_context(library, comment):
    article = library.get(comment.article_id)
    edited = article.with_content(body="Tin mới trong ngày. " + BODY)
    [(moved, anchor)] = anchored_comments(library, edited, store=True)
    shift = len("Tin mới trong ngày. ")
    assert anchor.status == "moved" and moved.start == comment.start + shift
    [stored] = list_comments(library, comment.article_id)
    assert (stored.start, stored.end) == (comment.start + shift, comment.end + shift)
    assert stored.prefix == edited.body[stored.start - 32:stored.start]
    assert stored.quote == QUOTE
    # Found where it was stored now, exactly: the next edit starts from there.
    assert reanchor(stored, edited.body).status == "exact"


def test_a_comment_follows_its_words_through_edits_on_both_sides(library, comment):
    body = BODY
    for before, after in (("Ban chỉ đạo", "Ban chỉ đạo của tỉnh"),
                          ("ở cơ sở tỉnh vừa", "ở cơ sở vừa"),
                          ("xây dựng và thực hiện", "thực hiện"),
                          ("tổ chức Hội nghị", "tổ chức trọng thể Hội nghị")):
        body = body.replace(before, after)
        article = library.get(comment.article_id).with_content(body=body)
        [(_, anchor)] = anchored_comments(library, article, store=True)
        assert anchor.status in ("exact", "moved")
        assert body[anchor.start:anchor.end] == QUOTE
    [stored] = list_comments(library, comment.article_id)
    assert body[stored.start:stored.end] == QUOTE


def test_a_lost_comment_keeps_its_last_range_and_is_flagged(library, comment):
    article = library.get(comment.article_id).with_content(body=BODY.replace(QUOTE + " ", ""))
    [(kept, anchor)] = anchored_comments(library, article, store=True)
    assert anchor.status == "lost"
    [stored] = list_comments(library, comment.article_id)
    assert stored == comment == kept
    restored = library.get(comment.article_id)  # the text comes back (undo, restore)
    [(_, again)] = anchored_comments(library, restored, store=True)
    assert again.status == "exact"
