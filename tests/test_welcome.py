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
