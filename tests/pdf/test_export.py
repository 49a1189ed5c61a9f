"""PDF export: A4, embedded subset fonts, exact Vietnamese text, all-or-nothing files."""

from __future__ import annotations

import os
import re
import unicodedata
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from deskapp.errors import ExportError, MissingGlyphs
from deskapp.model import Article
from deskapp.pdf import export
from deskapp.pdf.export import export_pdf, render_pdf
from deskapp.pdf.fonts import SERIF, face_name, missing_glyphs, register_fonts
from deskapp.pdf.options import PrintSettings

BASE14 = (
    "Helvetica",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Courier",
    "Symbol",
    "ZapfDingbats",
)
TITLE = "Kon Tum tổng kết thực hiện quy chế dân chủ ở cơ sở"
LEAD = "Sáng 9/1, Ban chỉ đạo tổ chức hội nghị tổng kết công tác năm 2013."
EVERY_ELEMENT = """\
## ẤN TƯỢNG ẮT ĐỀ CAO KỶ NIỆM Ỗ

Đoạn có **chữ đậm**, *chữ nghiêng*, `mã chủ đề`, [liên kết](https://kontumtv.vn/a)
và ngắt dòng\x20\x20
ở đây, cùng ảnh nhỏ ![ảnh nhỏ](nho.jpg) trong dòng.

### Danh sách

- mục một
- mục hai

3. mục ba
4. mục bốn

> Dân biết, dân bàn, dân làm, dân kiểm tra.

    khối mã: Ủy ban

| Đơn vị | Số cuộc |
|:-------|--------:|
| Đắk Hà | 8       |

---

![Đồng chí Quí phát biểu](https://example.com/anh.jpg)
"""

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def text_of(pdf: pdfium.PdfDocument) -> list[str]:
    return [page.get_textpage().get_text_range() for page in pdf]


def flat(text: str) -> str:
    """Extracted text with line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def pdf_fonts(path: Path) -> list[tuple[str, object]]:
    fonts = []
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.append((str(font["/BaseFont"]), font.get("/FontDescriptor")))
    return fonts


def bitmaps(data: bytes) -> list[bytes]:
    pdf = pdfium.PdfDocument(data)
    return [bytes(page.render(scale=1).buffer) for page in pdf]


def make_article(**fields: object) -> Article:
    values: dict[str, object] = {
        "title": TITLE,
        "lead": LEAD,
        "body": EVERY_ELEMENT,
        "byline": "Minh Tuấn",
        "source": "kontumtv.vn",
        "section": "Thời sự",
        "tags": ["dân chủ"],
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "bai.pdf"
    return export_pdf(make_article(), path, PrintSettings(author="Biên tập viên"))


def test_export_returns_the_path_of_a_pdf(exported: Path):
    assert exported.name == "bai.pdf"
    assert exported.read_bytes().startswith(b"%PDF-")


def test_every_part_and_element_is_in_the_text(exported: Path):
    text = flat("\n".join(text_of(pdfium.PdfDocument(exported))))
    for expected in (
        "THỜI SỰ",
        TITLE,
        LEAD,
        "ẤN TƯỢNG ẮT ĐỀ CAO KỶ NIỆM Ỗ",
        "Đoạn có chữ đậm, chữ nghiêng, mã chủ đề, liên kết và ngắt dòng",
        "[Ảnh: ảnh nhỏ]",
        "Danh sách",
        "• mục một",
        "3. mục ba",
        "4. mục bốn",
        "Dân biết, dân bàn, dân làm, dân kiểm tra.",
        "khối mã: Ủy ban",
        "Đơn vị Số cuộc Đắk Hà 8",
        "Ảnh: Đồng chí Quí phát biểu",
        "Minh Tuấn",
        "Nguồn: kontumtv.vn",
        "Trang 1/1",
    ):
        assert expected in text, expected
    assert unicodedata.is_normalized("NFC", text)


def test_page_is_a4(exported: Path):
    for page in pdfium.PdfDocument(exported):
        width, height = page.get_size()
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1


def test_fonts_are_embedded_subsets_never_base14(exported: Path):
    fonts = pdf_fonts(exported)
    assert fonts
    for name, descriptor in fonts:
        assert re.fullmatch(r"/[A-Z]{6}\+[A-Za-z0-9-]+", name), name
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), name
    names = " ".join(name for name, _ in fonts)
    for face in ("NotoSans-Bold", "NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic"):
        assert face in names
    raw = exported.read_bytes()
    for base in BASE14:
        assert base not in names
        assert f"/{base}".encode() not in raw


def test_metadata_language_and_bookmarks(exported: Path):
    reader = PdfReader(exported)
    info = reader.metadata
    assert info.title == TITLE
    assert info.author == "Biên tập viên"
    assert info.subject == LEAD
    assert info["/Creator"] == "Deskapp"
    assert "dân chủ" in info["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "vi-VN"
    outline = reader.outline
    assert outline[0].title == TITLE
    h2, nested = outline[1]
    assert h2.title == "ẤN TƯỢNG ẮT ĐỀ CAO KỶ NIỆM Ỗ"
    assert [entry.title for entry in nested] == ["Danh sách"]


def test_author_defaults_to_the_byline():
    reader = PdfReader(BytesIO(render_pdf(make_article())))
    assert reader.metadata.author == "Minh Tuấn"


def test_nfd_and_nfc_give_the_same_text_and_the_same_glyphs(sample_path: Path):
    body = sample_path.read_text(encoding="utf-8") + "\n\n" + EVERY_ELEMENT
    nfc_article = make_article(body=body)
    nfd_article = make_article(body=body)
    # Bypass the model's own normalization: the renderer must not trust it.
    for name in ("title", "lead", "body", "byline", "section"):
        setattr(nfd_article, name, unicodedata.normalize("NFD", getattr(nfc_article, name)))
    assert nfd_article.body != nfc_article.body
    nfc_pdf, nfd_pdf = render_pdf(nfc_article), render_pdf(nfd_article)
    nfc_text = text_of(pdfium.PdfDocument(nfc_pdf))
    assert nfc_text == text_of(pdfium.PdfDocument(nfd_pdf))
    assert all(unicodedata.is_normalized("NFC", page) for page in nfc_text)
    assert "chủ trì Hội nghị" in flat("".join(nfc_text))
    assert bitmaps(nfc_pdf) == bitmaps(nfd_pdf)


def test_long_article_numbers_its_pages(tmp_path: Path):
    paragraph = "Đồng chí Đào Xuân Quý yêu cầu các cấp ngành nâng cao trách nhiệm. " * 6
    body = "\n\n".join([paragraph] * 40)
    path = export_pdf(make_article(body=body), tmp_path / "dai.pdf")
    pages = text_of(pdfium.PdfDocument(path))
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert text.rstrip().endswith(f"Trang {number}/{len(pages)}")


@pytest.mark.parametrize(
    ("body", "pages"),
    [
        ("> " + "\n>\n> ".join(["Dân biết, dân bàn, dân làm, dân kiểm tra. " * 30] * 12), 2),
        ("\n".join(f"    dòng mã {n}: ả = ấ + 1" for n in range(200)), 2),
        (
            "| Số | Nội dung |\n|--|--|\n"
            + "\n".join(f"| {n} | {'chữ ' * 60} |" for n in range(80)),
            2,
        ),
        ("\n".join(f"- mục {n}\n    - mục con {n}" for n in range(150)), 2),
        ("https://kontumtv.vn/" + "a" * 500, 1),
    ],
    ids=["quote", "code", "table", "lists", "long-word"],
)
def test_long_blocks_stay_inside_the_margins(body: str, pages: int):
    pdf = pdfium.PdfDocument(render_pdf(make_article(body=body)))
    assert len(pdf) >= pages
    right_edge = export.PAGE_SIZE[0] - export.MARGIN_X
    for page in pdf:
        textpage = page.get_textpage()
        for index in range(textpage.count_rects()):
            left, bottom, right, _ = textpage.get_rect(index)
            assert export.MARGIN_X - 1 <= left and right <= right_edge + 1
            assert bottom >= export.FOOTER_BASELINE - 3


def test_every_vowel_with_every_tone_in_every_style_extracts_exactly(tmp_path: Path):
    letters = [unicodedata.normalize("NFC", v + tone) for v in VOWELS for tone in TONES]
    line = " ".join(letters) + " đ " + " ".join(letters).upper() + " Đ"
    body = f"{line}\n\n**{line}**\n\n*{line}*\n\n***{line}***\n"
    path = export_pdf(make_article(title="Nguyên âm", lead="", body=body), tmp_path / "v.pdf")
    text = flat("\n".join(text_of(pdfium.PdfDocument(path))))
    assert text.count(line) == 4
    names = " ".join(name for name, _ in pdf_fonts(path))
    for face in ("NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic"):
        assert face in names


@pytest.mark.parametrize(
    ("fields", "where", "char"),
    [
        ({"body": "Cười \U0001fae0 nhé"}, "body", "\U0001fae0"),
        ({"body": "Chữ Hán 中 đây"}, "body", "中"),
        ({"title": "Tít \U0001fae0"}, "title", "\U0001fae0"),
        ({"lead": "Sapo क"}, "lead", "क"),
        ({"byline": "Tác giả 中"}, "byline", "中"),
        ({"source": "nguồn क"}, "source", "क"),
        ({"body": "## Tít phụ 中"}, "body", "中"),
        ({"body": "`mã 中`"}, "body", "中"),
    ],
)
def test_a_character_without_a_glyph_is_refused_before_writing(
    tmp_path: Path, fields: dict[str, str], where: str, char: str
):
    target = tmp_path / "x.pdf"
    with pytest.raises(MissingGlyphs) as caught:
        export_pdf(make_article(**fields), target)
    assert caught.value.data["where"] == where
    assert char in caught.value.data["chars"]
    assert caught.value.code == "missing_glyphs"
    assert list(tmp_path.iterdir()) == []


def test_symbols_the_text_faces_lack_come_from_the_symbol_face(tmp_path: Path):
    article = make_article(title="Tệp → Xuất", body="Nhiệt độ −5 °C, **Tệp → Nhập** ☃")
    target = export_pdf(article, tmp_path / "symbols.pdf")
    text = flat(" ".join(text_of(pdfium.PdfDocument(str(target)))))
    assert "Tệp → Xuất" in text
    assert "Nhiệt độ −5 °C, Tệp → Nhập ☃" in text
    names = [name for name, _descriptor in pdf_fonts(target)]
    assert any(name.endswith("+DejaVuSans") for name in names), names
    assert any(name.endswith("+DejaVuSans-Bold") for name in names), names


def test_whitespace_and_controls_are_not_glyphs():
    register_fonts()
    assert missing_glyphs("Ấ ắ\n\t\r\u00a0x", face_name(SERIF)) == set()
    assert missing_glyphs("a\U0001f600b中", face_name(SERIF)) == {"\U0001f600", "中"}


def test_failed_render_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = export_pdf(make_article(), tmp_path / "bai.pdf")
    good = target.read_bytes()

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(export, "render_report", broken)
    with pytest.raises(ExportError) as caught:
        export_pdf(make_article(title="Bài khác"), target)
    assert caught.value.data["path"] == str(target)
    assert "layout exploded" in caught.value.data["reason"]
    assert target.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bai.pdf"]


def test_a_layout_failure_is_an_export_error(monkeypatch: pytest.MonkeyPatch):
    def overflow(*args: object) -> bytes:
        raise ValueError("flowable too large")

    monkeypatch.setattr(export, "_typeset", overflow)
    with pytest.raises(ExportError) as caught:
        render_pdf(make_article())
    assert caught.value.code == "export_failed"
    assert caught.value.data["reason"] == "ValueError: flowable too large"


def test_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = export_pdf(make_article(), tmp_path / "bai.pdf")
    good = target.read_bytes()

    def full_disk(handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ExportError) as caught:
        export_pdf(make_article(title="Bài khác"), target)
    assert caught.value.data["reason"] == "No space left on device"
    assert target.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bai.pdf"]


def test_successful_export_replaces_the_old_file(tmp_path: Path):
    target = export_pdf(make_article(), tmp_path / "bai.pdf")
    export_pdf(make_article(title="Tít mới hoàn toàn"), target)
    assert "Tít mới hoàn toàn" in text_of(pdfium.PdfDocument(target))[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bai.pdf"]


def test_missing_folder_is_an_export_error(tmp_path: Path):
    target = tmp_path / "khong-co" / "bai.pdf"
    with pytest.raises(ExportError) as caught:
        export_pdf(make_article(), target)
    assert caught.value.code == "export_failed"
    assert caught.value.data["path"] == str(target)
    assert not target.parent.exists()


def test_a_folder_in_the_way_is_an_export_error(tmp_path: Path):
    (tmp_path / "bai.pdf").mkdir()
    with pytest.raises(ExportError):
        export_pdf(make_article(), tmp_path / "bai.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bai.pdf"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_unwritable_folder_is_an_export_error(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError):
            export_pdf(make_article(), folder / "bai.pdf")
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_permission_denied_is_an_export_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    real_open = os.open

    def denied(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(ExportError) as caught:
        export_pdf(make_article(), tmp_path / "bai.pdf")
    assert caught.value.data["reason"] == "Permission denied"
    assert list(tmp_path.iterdir()) == []


def test_the_error_explains_itself_in_both_languages(tmp_path: Path):
    from deskapp.messages import describe

    with pytest.raises(MissingGlyphs) as caught:
        export_pdf(make_article(body="\U0001fae0"), tmp_path / "x.pdf")
    assert "\U0001fae0 (U+1FAE0)" in describe(caught.value, "vi")
    assert "thân bài" in describe(caught.value, "vi")
    assert "body" in describe(caught.value, "en")


def test_empty_article_is_one_numbered_page():
    pdf = pdfium.PdfDocument(render_pdf(Article()))
    assert len(pdf) == 1
    assert "Trang 1/1" in text_of(pdf)[0]


def test_register_fonts_is_idempotent():
    register_fonts()
    register_fonts()
    assert face_name(SERIF, bold=True, italic=True) == "DeskSerif-BoldItalic"
