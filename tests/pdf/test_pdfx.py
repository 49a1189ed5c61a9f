"""PDF/X-1a:2003 output, checked requirement by requirement in the PDF's own objects.

No open-source PDF/X validator installs from PyPI or Debian (veraPDF checks
PDF/A and PDF/UA, and is a Java download), so this test reads each thing a
print shop's preflight reads.
"""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from generated_articles import news_article
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream

from deskapp.cli import main as cli_main
from deskapp.model import Photo
from deskapp.pdf.export import preflight, render_pdf
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.pdfx import output_profile

PRESETS = ["a4-article", "newspaper-3col"]
RGB_OPERATORS = {b"rg", b"RG"}


def photo_bytes(mode: str, fmt: str) -> bytes:
    image = Image.new(mode, (900, 600), (30, 120, 200, 160) if mode == "RGBA" else (200, 60, 40))
    out = BytesIO()
    image.save(out, fmt)
    return out.getvalue()


PHOTOS = {"anh-rgb.jpg": photo_bytes("RGB", "JPEG"), "anh-trong.png": photo_bytes("RGBA", "PNG")}


def assets(name: str) -> Photo | None:
    data = PHOTOS.get(name)
    return Photo(data, 900, 600, caption="Hội nghị tổng kết", credit="Minh Hùng") if data else None


def article():
    made = news_article(700, seed=5)
    made.body = ("![Hội nghị](anh-rgb.jpg)\n\n" + made.body
                 + "\n\nXem [kontumtv.vn](https://kontumtv.vn) và chú thích[^1].\n\n"
                 "![Cánh đồng](anh-trong.png)\n\n[^1]: Theo báo cáo của tỉnh.")
    return made


def make(preset: str, pdfx: bool = True, bleed: float = 0.0) -> PdfReader:
    data = render_pdf(article(), PrintSettings(preset=preset, pdfx=pdfx, bleed_mm=bleed,
                                               assets=assets))
    return PdfReader(BytesIO(data)), data


def inside(inner, outer) -> bool:
    return (float(inner[0]) >= float(outer[0]) - 0.01 and float(inner[1]) >= float(outer[1]) - 0.01
            and float(inner[2]) <= float(outer[2]) + 0.01
            and float(inner[3]) <= float(outer[3]) + 0.01)


def xobjects(resources):
    for obj in (resources.get("/XObject") or {}).values():
        obj = obj.get_object()
        yield obj
        if obj.get("/Subtype") == "/Form":
            yield from xobjects(obj.get("/Resources") or {})


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("bleed", [0.0, 3.0])
def test_a_pdfx_export_meets_each_requirement(preset, bleed):
    reader, data = make(preset, bleed=bleed)
    # PDF 1.4 at most, no encryption, a document ID.
    version = re.match(rb"%PDF-(\d)\.(\d)", data).groups()
    assert (int(version[0]), int(version[1])) <= (1, 4)
    assert "/Encrypt" not in reader.trailer
    ids = reader.trailer["/ID"]
    assert len(ids) == 2 and all(len(part.original_bytes) == 16 for part in ids)
    # The standard named in the document information, with title, dates and trapping.
    info = reader.trailer["/Info"].get_object()
    assert info["/GTS_PDFXVersion"] == "PDF/X-1:2003"
    assert info["/GTS_PDFXConformance"] == "PDF/X-1a:2003"
    assert info["/Title"] == article().title
    assert info["/Trapped"] == "/False"
    for key in ("/CreationDate", "/ModDate"):
        assert re.fullmatch(r"D:\d{14}.*", str(info[key]))
    # The output intent with the embedded CMYK profile.
    intents = reader.trailer["/Root"]["/OutputIntents"]
    assert len(intents) == 1
    intent = intents[0].get_object()
    assert intent["/S"] == "/GTS_PDFX" and intent["/OutputConditionIdentifier"] == "FOGRA39"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 4 and profile.get_data() == output_profile()
    assert profile.get_data()[16:20] == b"CMYK" and profile.get_data()[12:16] == b"prtr"
    images = 0
    for page in reader.pages:
        media = page.mediabox
        # Trim and bleed boxes on every page, trim inside bleed inside media.
        assert "/TrimBox" in page and "/BleedBox" in page
        assert inside(page["/TrimBox"], page["/BleedBox"])
        assert inside(page["/BleedBox"], media)
        if bleed:
            assert float(page["/TrimBox"][0]) > 0
        # No annotations (links) on the page.
        assert not page.get("/Annots")
        # No RGB anywhere: no rg/RG operators, no RGB colour space, images in CMYK or grey.
        resources = page["/Resources"]
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            assert operator not in RGB_OPERATORS, (operator, operands)
        assert "/ColorSpace" not in resources or not resources["/ColorSpace"]
        for xobject in xobjects(resources):
            if xobject.get("/Subtype") == "/Image":
                images += 1
                assert xobject["/ColorSpace"] in ("/DeviceCMYK", "/DeviceGray")
                assert "/SMask" not in xobject and "/Mask" not in xobject
        # No transparency in graphics states.
        for state in (resources.get("/ExtGState") or {}).values():
            state = state.get_object()
            assert float(state.get("/CA", 1)) == 1 and float(state.get("/ca", 1)) == 1
            assert state.get("/SMask", "/None") == "/None"
            assert state.get("/BM", "/Normal") in ("/Normal", "/Compatible")
        # Every font embedded.
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            fonts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for each in fonts:
                descriptor = each["/FontDescriptor"].get_object()
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2",
                                                         "/FontFile3")), each["/BaseFont"]
    assert images == 2  # the RGB JPEG and the transparent PNG, both converted


def test_without_pdfx_there_is_no_output_intent_and_the_links_stay():
    reader, _data = make("a4-article", pdfx=False)
    assert "/OutputIntents" not in reader.trailer["/Root"]
    assert "/GTS_PDFXVersion" not in reader.trailer["/Info"].get_object()
    assert any(page.get("/Annots") for page in reader.pages)


def test_the_shipped_profile_has_its_licence():
    from deskapp.resources import resource_path

    licence = resource_path("icc", "LICENSE-ISOcoated_v2_300_bas.txt").read_text("utf-8")
    assert "basICColor" in licence and "scribus-data" in licence


def test_the_preflight_names_what_pdfx_would_lose():
    made = article()
    made.body += "\n\n![Ảnh chưa lưu](khong-co.jpg)"
    codes = {finding.code for finding in preflight(made, PrintSettings(pdfx=True,
                                                                       assets=assets))}
    assert {"pdfx_links_dropped", "photo_missing"} <= codes
    plain = {finding.code for finding in preflight(made, PrintSettings(assets=assets))}
    assert "pdfx_links_dropped" not in plain


def test_the_command_writes_pdfx(tmp_path):
    source = tmp_path / "bai.md"
    source.write_text("# Tin Kon Tum\n\nHội nghị tổng kết ở Kon Tum.\n", encoding="utf-8")
    target = tmp_path / "bai.pdf"
    assert cli_main(["export", str(source), "-o", str(target), "--pdfx"]) == 0
    info = PdfReader(target).trailer["/Info"].get_object()
    assert info["/GTS_PDFXConformance"] == "PDF/X-1a:2003"
