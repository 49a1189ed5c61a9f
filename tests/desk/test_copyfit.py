"""Copyfitting counts and lines as they will print."""

from __future__ import annotations

import pytest

from deskapp.desk.copyfit import counts, lines_in_layout, over_target
from deskapp.model import Article
from deskapp.pdf.options import PrintSettings


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


def _body_lines_in_pdf(path, vocabulary: set[str]) -> int:
    """Lines of the PDF made only of body words (not the headline, footer or page numbers)."""
    import pypdfium2 as pdfium

    found = 0
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            for line in page.get_textpage().get_text_range().splitlines():
                words = [w.strip("•–-—.,").lower() for w in line.split()]
                # list numbers and footnote marks ("họp1") are not words
                words = [w.rstrip("0123456789") or w for w in words]
                words = [w for w in words if w and not w.isdigit()]
                if words and all(w in vocabulary for w in words):
                    found += 1
    finally:
        pdf.close()
    return found


@pytest.mark.parametrize("preset", ["a4-article", "newspaper-3col", "a5-booklet"])
def test_lines_in_layout_are_the_lines_of_the_exported_pdf(tmp_path, preset):
    import random

    from deskapp.pdf import export_pdf

    words = ("người dân phường quyết thắng bàn bạc dân chủ về quy chế mới trong buổi họp "
             "chiều qua tại nhà văn hóa tỉnh").split()
    rng = random.Random(7)

    def text(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n))

    body = "\n\n".join([text(45), text(90), text(8), text(150), text(2)])
    body += f"\n\n- {text(6)}\n- {text(35)}\n\n> {text(40)}"
    body += f"\n\n1. {text(20)}\n2. {text(50)}\n\n    - {text(30)}\n\n{text(25)}"
    body += f"[^1]\n\n> [!pull] {text(14)}\n\n{text(20)}\n\n[^1]: {text(30)}\n"
    article = Article(title="Tít", body=body)
    pdf = export_pdf(article, tmp_path / f"{preset}.pdf", PrintSettings(preset=preset))
    printed = _body_lines_in_pdf(pdf, set(words))
    assert printed > 20
    assert lines_in_layout(article, preset) == printed


def test_fit_against_a_target_in_words_or_in_lines():
    from deskapp.desk.copyfit import Fit, describe_fit, measure

    body = " ".join(["chữ"] * 200)
    in_words = measure(Article(body=body, target_words=165))
    assert in_words.unit == "words" and in_words.over == 35
    assert describe_fit(in_words, "vi") == "+35 chữ"
    assert describe_fit(in_words, "en") == "+35 words"
    lines = in_words.lines
    assert lines is not None and lines > 3
    in_lines = measure(Article(body=body, target_lines=lines - 3))
    assert in_lines.unit == "lines" and in_lines.over == 3
    assert describe_fit(in_lines, "vi") == "+3 dòng"
    under = Fit(words=100, lines=10, target_lines=12)
    assert describe_fit(under, "vi") == "còn 2 dòng"
    assert describe_fit(under, "en") == "2 lines left"
    assert describe_fit(Fit(words=100, lines=10, target_words=100), "vi") == "vừa đủ"
    assert describe_fit(Fit(words=100, lines=10), "vi") == ""
    assert Fit(words=1, lines=None, target_lines=5).over is None


def test_target_in_lines_is_kept_with_the_article(tmp_path):
    from deskapp.store import Library

    library = Library.open(tmp_path / "lib.sqlite")
    try:
        article = library.create(Article(title="Tít", body="Thân bài."))
        article.target_lines = 40
        library.save(article)  # the text is unchanged: only the target is stored
        stored = library.get(article.id)
        assert (stored.target_lines, stored.target_words) == (40, None)
        stored.target_lines, stored.target_words = None, 300
        library.save(stored)
        assert (library.get(article.id).target_lines, library.get(article.id).target_words) \
            == (None, 300)
    finally:
        library.close()
