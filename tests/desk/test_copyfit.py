"""Copyfitting counts and lines as they will print."""

from __future__ import annotations

import pytest

from deskapp.desk.copyfit import counts, lines_in_layout, over_target
from deskapp.model import Article


def test_counts_syllables_words_and_characters():
    article = Article(title="Quy chế", body="Năm **2014** có [71 cơ sở](http://x.vn/a-b-c).")
    result = counts(article)
    assert result.words == 8  # Quy chế Năm 2014 có 71 cơ sở.
    assert result.syllables == 6  # numbers are not syllables
    assert result.characters == len("Quy chế\nNăm 2014 có 71 cơ sở.")
    assert result.characters_no_spaces == len("QuychếNăm2014có71cơsở.")


def test_over_target():
    article = Article(body=" ".join(["chữ"] * 120), target_words=100)
    assert over_target(article) == 20
    assert over_target(article, 150) == -30
    with pytest.raises(ValueError):
        over_target(Article(body="x"))


def test_lines_in_layout_grow_with_text_and_narrow_columns():
    paragraph = "Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh. " * 6
    article = Article(body=paragraph)
    wide = lines_in_layout(article, "a4-article")
    narrow = lines_in_layout(article, "newspaper-3col")
    assert 1 < wide < narrow
    assert lines_in_layout(Article(body=paragraph + "\n\n" + paragraph), "a4-article") == 2 * wide
    assert lines_in_layout(Article(body="một"), "a4-article") == 1


def test_lines_in_layout_counts_lists_and_quotes():
    article = Article(body="- một\n- hai\n\n> trích dẫn")
    assert lines_in_layout(article, "a4-article") == 3
