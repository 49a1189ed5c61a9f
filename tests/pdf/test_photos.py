"""Photos stored with the article: the store, the preview, the PDF and the warnings."""

from __future__ import annotations

import base64
import re
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader

from deskapp.errors import ImportRejected
from deskapp.model import Article
from deskapp.pdf import export_pdf_report, render_report
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.presets import load_preset
from deskapp.render.html import article_html
from deskapp.store import Library
from deskapp.store.assets import (
    MAX_PHOTO_BYTES,
    add_photo,
    get_photo,
    list_photos,
    photo_lookup,
    remove_photo,
)


def jpeg(width: int, height: int, color: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    out = BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", quality=90)
    return out.getvalue()


def png_rgba(width: int, height: int) -> bytes:
    out = BytesIO()
    Image.new("RGBA", (width, height), (0, 120, 200, 128)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def library() -> Library:
    lib = Library.in_memory()
    yield lib
    lib.close()


def stored(library: Library, body: str, **photos: bytes) -> Article:
    article = library.create(Article(title="Ảnh trong bài", body=body))
    for name, data in photos.items():
        add_photo(library, article.id, data, name=name, caption="Hội nghị tổng kết",
                  credit="Minh Hùng")
    return article


def image_widths(pdf: bytes) -> list[float]:
    """The placed width (points) of every image drawn on the first page."""
    page = PdfReader(BytesIO(pdf)).pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    matrices = re.findall(
        r"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) cm\s*/([\w.+-]+) Do", content)
    return [float(m[0]) for m in matrices]


def test_a_photo_is_stored_with_its_size_hash_and_credits(library: Library):
    article = library.create(Article(title="x"))
    asset = add_photo(library, article.id, jpeg(640, 480), name="Đắk Hà.jpg",
                      caption="Ảnh  hội nghị", credit="Minh Hùng")
    assert (asset.width, asset.height, asset.mime) == (640, 480, "image/jpeg")
    assert asset.name == "dak-ha.jpg"
    assert asset.caption == "Ảnh hội nghị"
    assert len(asset.sha256) == 64
    again = add_photo(library, article.id, jpeg(640, 480), name="khac.jpg")
    assert again.id == asset.id  # the same bytes are stored once
    second = add_photo(library, article.id, jpeg(640, 480, (1, 2, 3)), name="Đắk Hà.jpg")
    assert second.name == "dak-ha-2.jpg"
    assert [p.name for p in list_photos(library, article.id)] == ["dak-ha.jpg", "dak-ha-2.jpg"]
    assert get_photo(library, article.id, "dak-ha.jpg").data == jpeg(640, 480)
    assert remove_photo(library, article.id, "dak-ha-2.jpg")
    assert not remove_photo(library, article.id, "dak-ha-2.jpg")
    assert get_photo(library, article.id, "dak-ha-2.jpg") is None


def test_a_photo_from_a_path(library: Library, tmp_path: Path):
    article = library.create(Article(title="x"))
    path = tmp_path / "Ảnh đẹp.png"
    path.write_bytes(png_rgba(30, 20))
    asset = add_photo(library, article.id, path)
    assert (asset.name, asset.mime, asset.width) == ("anh-dep.png", "image/png", 30)


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 not a photo at all", b"", jpeg(300, 200)[:400], b"%PDF-1.7\n" + b"x" * 100],
)
def test_what_is_not_an_image_is_refused(library: Library, tmp_path: Path, data: bytes):
    article = library.create(Article(title="x"))
    path = tmp_path / "anh.jpg"
    path.write_bytes(data)
    with pytest.raises(ImportRejected) as caught:
        add_photo(library, article.id, path)
    assert caught.value.code == "photo_invalid"
    assert caught.value.data["name"] == "anh.jpg"
    assert "anh.jpg" in str(caught.value)
    assert list_photos(library, article.id) == []


def test_a_photo_over_the_size_limit_is_refused(library: Library, tmp_path: Path):
    article = library.create(Article(title="x"))
    path = tmp_path / "big.jpg"
    with path.open("wb") as handle:
        handle.truncate(MAX_PHOTO_BYTES + 1)
    with pytest.raises(ImportRejected) as caught:
        add_photo(library, article.id, path)
    assert caught.value.code == "photo_too_large"


def test_purging_an_article_removes_its_photos(library: Library):
    article = stored(library, "", a=jpeg(10, 10))
    library.trash(article.id)
    library.purge(article.id)
    assert library.db.execute("SELECT COUNT(*) FROM assets").fetchone()[0] == 0


def test_the_preview_embeds_a_stored_photo_and_boxes_the_rest(library: Library):
    article = stored(library, "![](asset:anh.jpg)\n\n![Ảnh xa](https://x.vn/a.jpg)\n\n![](khong)",
                     **{"anh.jpg": jpeg(2000, 1000)})
    html = article_html(article, assets=photo_lookup(library, article.id))
    uris = re.findall(r'src="data:image/jpeg;base64,([^"]+)"', html)
    assert len(uris) == 1
    preview = Image.open(BytesIO(base64.b64decode(uris[0])))
    assert preview.size == (640, 320)  # scaled for the preview, aspect kept
    assert "Hội nghị tổng kết" in html and "Ảnh: Minh Hùng" in html
    assert "x.vn" not in html
    assert html.count('class="photo"') == 2  # the remote and the unknown one
    assert 'class="photo"' in article_html(article)  # no lookup: placeholders only


def test_the_pdf_places_a_photo_at_column_width_with_caption_and_credit(library: Library):
    article = stored(library, "Đoạn mở.\n\n![](asset:anh.jpg)\n\nĐoạn sau.",
                     **{"anh.jpg": jpeg(2400, 1600)})
    report = render_report(article, PrintSettings(assets=photo_lookup(library, article.id)))
    preset = load_preset("a4-article")
    assert image_widths(report.data) == [pytest.approx(preset.column_width, abs=0.01)]
    text = " ".join(pdfium.PdfDocument(report.data)[0].get_textpage().get_text_range().split())
    assert "Hội nghị tổng kết" in text and "Ảnh: Minh Hùng" in text
    assert report.warnings == []


def test_the_alt_text_and_title_override_the_stored_credits(library: Library):
    article = stored(library, '![Chú thích riêng](asset:anh.jpg "Thu Hà")',
                     **{"anh.jpg": jpeg(2400, 1600)})
    pdf = render_report(article, PrintSettings(assets=photo_lookup(library, article.id))).data
    text = " ".join(pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range().split())
    assert "Chú thích riêng" in text and "Ảnh: Thu Hà" in text
    assert "Minh Hùng" not in text


def test_a_tall_photo_is_never_taller_than_sixty_percent_of_the_frame(library: Library):
    article = stored(library, "![](asset:doc.jpg)", **{"doc.jpg": jpeg(1000, 4000)})
    pdf = render_report(article, PrintSettings(assets=photo_lookup(library, article.id))).data
    preset = load_preset("a4-article")
    width = image_widths(pdf)[0]
    assert width * 4 == pytest.approx(preset.content_height * 0.6, abs=0.05)


def test_a_small_photo_at_column_width_is_low_resolution(library: Library):
    article = stored(library, "Mở đầu\n\n![](asset:nho.jpg)", **{"nho.jpg": jpeg(100, 80)})
    report = render_report(article, PrintSettings(assets=photo_lookup(library, article.id)))
    [warning] = report.warnings
    assert warning.code == "low_resolution" and warning.severity == "warning"
    assert warning.where == "body" and warning.offset == len("Mở đầu\n\n")
    assert (warning.line, warning.column) == (3, 1)
    column_inches = load_preset("a4-article").column_width / 72
    assert warning.data["dpi"] == pytest.approx(100 / column_inches, abs=0.1)
    assert "dpi" in warning.message("en")
    assert len(image_widths(report.data)) == 1  # still printed


def test_a_missing_photo_is_a_warning_and_a_placeholder(library: Library, tmp_path: Path):
    article = stored(library, "![Không có](asset:mat.jpg)\n\n![](https://x.vn/a.jpg)")
    report = export_pdf_report(article, tmp_path / "a.pdf",
                               PrintSettings(assets=photo_lookup(library, article.id)))
    assert [w.code for w in report.warnings] == ["photo_missing", "photo_missing"]
    assert report.warnings[0].data["name"] == "asset:mat.jpg"
    assert report.warnings[0].offset == 0
    assert report.path.exists() and report.pages == 1
    text = pdfium.PdfDocument(str(report.path))[0].get_textpage().get_text_range()
    assert "Ảnh: Không có" in text


def test_unreadable_photo_bytes_or_a_failing_lookup_never_crash():
    def broken(name: str) -> object:
        if name == "hong.jpg":
            return (b"\xff\xd8\xff garbage", 400, 300)
        raise RuntimeError("database gone")

    article = Article(title="x", body="![](asset:hong.jpg)\n\n![](asset:loi.jpg)")
    report = render_report(article, PrintSettings(assets=broken))
    assert [w.data["reason"] for w in report.warnings] == ["unreadable", "not_found"]


def test_cmyk_export_writes_photos_in_cmyk(library: Library):
    article = stored(library, "![](asset:anh.png)", **{"anh.png": png_rgba(600, 400)})
    settings = PrintSettings(cmyk=True, assets=photo_lookup(library, article.id))
    pdf = render_report(article, settings).data
    page = PdfReader(BytesIO(pdf)).pages[0]
    images = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    assert [str(image["/ColorSpace"]) for image in images] == ["/DeviceCMYK"]
    rgb = render_report(article, PrintSettings(assets=photo_lookup(library, article.id))).data
    images = PdfReader(BytesIO(rgb)).pages[0]["/Resources"]["/XObject"].values()
    assert [str(x.get_object()["/ColorSpace"]) for x in images] == ["/DeviceRGB"]


def test_a_huge_photo_is_resampled_for_print(library: Library):
    article = stored(library, "![](asset:lon.jpg)", **{"lon.jpg": jpeg(6000, 4000)})
    pdf = render_report(article, PrintSettings(assets=photo_lookup(library, article.id))).data
    page = PdfReader(BytesIO(pdf)).pages[0]
    [image] = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    column_inches = load_preset("a4-article").column_width / 72
    assert int(image["/Width"]) == round(column_inches * 300)
