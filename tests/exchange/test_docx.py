"""Word documents in and out, on files the tests build with python-docx."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
import pytest

from deskapp.errors import ImportRejected
from deskapp.exchange import import_file
from deskapp.exchange.docx_export import export_docx
from deskapp.exchange.docx_import import OLE2_MAGIC
from deskapp.model import Article
from deskapp.store import Library
from deskapp.workspace import import_into


def _png() -> bytes:
    """A 1×1 white PNG, enough for Word to hold a picture."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Mưa lớn ở Kon Tum", style="Title")
    intro = document.add_paragraph("Đêm qua, ")
    intro.add_run("mưa lớn").bold = True
    intro.add_run(" kéo dài ")
    intro.add_run("suốt sáu giờ").italic = True
    intro.add_run(".")
    document.add_heading("Thiệt hại", level=2)
    document.add_paragraph("Ba cây cầu bị cuốn trôi", style="List Bullet")
    document.add_paragraph("Hai xã bị cô lập", style="List Bullet")
    document.add_paragraph("Sơ tán dân", style="List Number")
    document.add_paragraph("Mở kho lương thực", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Xã", "Số hộ"
    table.cell(1, 0).text, table.cell(1, 1).text = "Đăk Hà", "120"
    document.add_picture(io.BytesIO(_png()))
    document.add_paragraph("Nước sông Đăk Bla dâng cao", style="Caption")
    document.add_paragraph("Giá 2*3 [tạm tính]")
    path = tmp_path / "bai.docx"
    document.save(str(path))
    return path


def test_docx_imports_to_markdown(word_file):
    draft = import_file(word_file)
    assert draft.title == "Mưa lớn ở Kon Tum"
    assert draft.body == (
        "Đêm qua, **mưa lớn** kéo dài *suốt sáu giờ*.\n\n"
        "## Thiệt hại\n\n"
        "- Ba cây cầu bị cuốn trôi\n- Hai xã bị cô lập\n"
        "1. Sơ tán dân\n1. Mở kho lương thực\n\n"
        "| Xã | Số hộ |\n| --- | --- |\n| Đăk Hà | 120 |\n\n"
        "![Nước sông Đăk Bla dâng cao](image-1)\n\n"
        "Giá 2\\*3 \\[tạm tính\\]"
    )


def _numbered(paragraph: object, num_id: int) -> None:
    """Give a plain paragraph Word's direct numbering (``w:numPr``), as Word itself does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = OxmlElement("w:numPr")
    level, number = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    level.set(qn("w:val"), "0")
    number.set(qn("w:val"), str(num_id))
    numbering.extend([level, number])
    paragraph._p.get_or_add_pPr().append(numbering)  # type: ignore[attr-defined]


def test_docx_numbering_from_the_numbering_part(tmp_path):
    """Lists made with direct numbering (no list style) keep their kind."""
    document = docx.Document()
    ordered = document.styles["List Number"].element.pPr.numPr.numId.val
    bullets = document.styles["List Bullet"].element.pPr.numPr.numId.val
    for text, num_id in (("Một", ordered), ("Hai", ordered), ("Chấm", bullets)):
        _numbered(document.add_paragraph(text), num_id)
    path = tmp_path / "so.docx"
    document.save(str(path))
    assert import_file(path).body == "1. Một\n1. Hai\n- Chấm"


def test_docx_into_the_library(word_file, tmp_path):
    library = Library.open(tmp_path / "l.sqlite")
    article = import_into(library, word_file)
    assert library.get(article.id).title == "Mưa lớn ở Kon Tum"
    assert library.revisions(article.id)[0].kind == "import"


def test_renamed_doc_refused(tmp_path):
    path = tmp_path / "cu.docx"
    path.write_bytes(OLE2_MAGIC + bytes(600))
    with pytest.raises(ImportRejected) as caught:
        import_file(path)
    assert caught.value.code == "file_legacy_word"
    assert "cu.docx" in str(caught.value) and ".doc" in str(caught.value)


@pytest.mark.parametrize("data", [b"PK\x03\x04broken", b"<html>not word</html>"])
def test_corrupt_docx_refused(tmp_path, data):
    path = tmp_path / "hong.docx"
    path.write_bytes(data)
    with pytest.raises(ImportRejected) as caught:
        import_file(path)
    assert caught.value.code == "file_corrupt"
    assert "hong.docx" in str(caught.value)


def test_zip_without_word_inside_refused(tmp_path):
    import zipfile

    path = tmp_path / "zip.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportRejected) as caught:
        import_file(path)
    assert caught.value.code == "file_corrupt"


def test_docx_export_opens_in_python_docx(tmp_path):
    article = Article(
        title="Mưa lớn ở Kon Tum", lead="Nhiều xã bị cô lập.", byline="Thanh Tùng",
        source="kontumtv.vn",
        body="Đêm qua **mưa lớn** kéo dài *sáu giờ*.\n\n## Thiệt hại\n\n- Cầu\n- Đường\n\n"
             "1. Sơ tán\n\n| Xã | Hộ |\n|---|---|\n| Đăk Hà | 120 |\n\n![Nước dâng](a.jpg)",
    )
    path = export_docx(article, tmp_path / "bai.docx")
    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Mưa lớn ở Kon Tum") in paragraphs
    assert ("Heading 2", "Thiệt hại") in paragraphs
    assert ("List Bullet", "Cầu") in paragraphs and ("List Number", "Sơ tán") in paragraphs
    texts = [text for _, text in paragraphs]
    assert "Đêm qua mưa lớn kéo dài sáu giờ." in texts
    assert "Thanh Tùng" in texts and "Nguồn: kontumtv.vn" in texts and "Ảnh: Nước dâng" in texts
    lead = next(p for p in document.paragraphs if p.text == "Nhiều xã bị cô lập.")
    assert all(run.bold for run in lead.runs)
    body = next(p for p in document.paragraphs if p.text.startswith("Đêm qua"))
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in body.runs] == [
        ("Đêm qua ", False, False), ("mưa lớn", True, False), (" kéo dài ", False, False),
        ("sáu giờ", False, True), (".", False, False)]
    assert document.tables[0].cell(1, 0).text == "Đăk Hà"
    assert document.core_properties.title == "Mưa lớn ở Kon Tum"


def test_docx_round_trip_keeps_the_words(tmp_path):
    article = Article(title="Tít", body="Một **hai** ba.\n\n## Mục\n\n- a\n- b")
    path = export_docx(article, tmp_path / "x.docx")
    draft = import_file(path)
    assert draft.title == "Tít"
    assert draft.body == "Một **hai** ba.\n\n## Mục\n\n- a\n- b"
