"""The article every new library starts with must itself be clean and printable."""

import pypdfium2 as pdfium

from deskapp.pdf import render_pdf
from deskapp.proof import check
from deskapp.welcome import welcome_article


def test_welcome_article_passes_proofing():
    assert check(welcome_article()) == []


def test_welcome_article_prints_with_every_mark():
    pdf = pdfium.PdfDocument(render_pdf(welcome_article()))
    text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdf)
    assert "Chào mừng đến với Deskapp" in text
    assert "ẤP BẮC, TIỀN GIANG, BỖNG, NGỮ" in text
    assert "Tệp → Xuất PDF" in text


def test_english_welcome_passes_proofing_and_a_new_library_takes_the_language(tmp_path):
    from deskapp.workspace import open_library

    english = welcome_article("en")
    assert check(english) == []
    assert english.title == "Welcome to Deskapp" and "Export PDF" in english.body
    library = open_library(tmp_path / "l.sqlite", language="en", daily_backup=False)
    try:
        assert [a.title for a in library.list()] == ["Welcome to Deskapp"]
    finally:
        library.close()
