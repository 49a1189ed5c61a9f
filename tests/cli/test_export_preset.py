"""`deskapp export` of a library article prints with the article's own preset unless told."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from deskapp.cli import main
from deskapp.model import Article
from deskapp.store import Library

A4_WIDTH = 595.28
A5_WIDTH = 419.53


def page_width(path: Path) -> float:
    return float(PdfReader(path).pages[0].trimbox.width)


@pytest.fixture
def two_articles(library_path: Path) -> tuple[str, str]:
    library = Library.open(library_path)
    try:
        body = "Hội nghị diễn ra ở Kon Tum. Các xã báo cáo kết quả."
        first = library.create(Article(title="Bài một", body=body))
        second = library.create(Article(title="Bài hai", body=body))
        library.set_article_preset(first.id, "a5-booklet")
        return first.id, second.id
    finally:
        library.close()


def test_each_article_exports_with_its_own_preset(library_path, two_articles, tmp_path):
    first, second = two_articles
    out_first, out_second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    assert main(["--library", str(library_path), "export", first, "-o", str(out_first)]) == 0
    assert main(["--library", str(library_path), "export", second, "-o", str(out_second)]) == 0
    assert page_width(out_first) == pytest.approx(A5_WIDTH, abs=0.5)
    assert page_width(out_second) == pytest.approx(A4_WIDTH, abs=0.5)


def test_the_library_default_is_what_an_article_without_its_own_takes(library_path,
                                                                      two_articles, tmp_path):
    _first, second = two_articles
    library = Library.open(library_path)
    library.set_setting("pdf_preset", "a5-booklet")
    library.close()
    out = tmp_path / "second.pdf"
    assert main(["--library", str(library_path), "export", second, "-o", str(out)]) == 0
    assert page_width(out) == pytest.approx(A5_WIDTH, abs=0.5)


def test_the_command_line_preset_overrides_the_article(library_path, two_articles, tmp_path):
    first, _second = two_articles
    out = tmp_path / "first.pdf"
    assert main(["--library", str(library_path), "export", first, "-o", str(out),
                 "--preset", "a4-article"]) == 0
    assert page_width(out) == pytest.approx(A4_WIDTH, abs=0.5)
    library = Library.open(library_path)
    try:  # the override is for this export only
        assert library.article_preset(first) == "a5-booklet"
    finally:
        library.close()
