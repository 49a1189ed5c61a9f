"""Laying pages out: flow through a chain of blocks, jumps, copyfit, headlines, the preflight.

Each test opens the real PDF (pypdfium2: text and where it stands).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from sample_articles import BRIDGE, COFFEE
from sample_edition import articles, photos, sample_edition

from deskapp.makeup.export import MakeupRefused, Sources, compose, render_pages
from deskapp.makeup.layout import lay_out
from deskapp.makeup.plan import Block, Edition, Page
from deskapp.makeup.presets import load_page_preset
from deskapp.model import Approval

APPROVED = {article_id: Approval("Trần Bình", "2026-12-05T01:00:00+00:00")
            for article_id in articles()}


def _pages_text(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def _flat(text: str) -> str:
    """PDF text with its line breaks and hyphen-less wraps joined by single spaces."""
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def _word_boxes(data: bytes, page_index: int, needle: str) -> list[tuple[float, ...]]:
    document = pdfium.PdfDocument(data)
    try:
        textpage = document[page_index].get_textpage()
        searcher = textpage.search(needle)
        boxes = []
        while (found := searcher.get_next()) is not None:
            start, _count = found
            boxes.append(textpage.get_charbox(start))
        return boxes
    finally:
        document.close()


def _sources(approvals=None) -> Sources:
    return Sources(articles(), photos, APPROVED if approvals is None else approvals)


def test_the_body_flows_through_its_blocks_in_order_across_pages():
    data = render_pages(sample_edition(), _sources()).data
    first, second = (_flat(text) for text in _pages_text(data))
    body_words = _flat(re.sub(r"^(## |>\s?)", "", BRIDGE.body, flags=re.M)).split()
    # the first sentence is on page 1, the last on page 2, each printed once
    assert "Cây cầu có tổng mức đầu tư 7,8 tỷ đồng" in first
    assert "Nhiều người già lần đầu tiên qua suối" not in first
    assert "mà không ướt chân trong mùa mưa." in second
    assert second.count("Kết thúc buổi lễ") == 1 and first.count("Kết thúc buổi lễ") == 0
    # page 2 starts where page 1 stopped: the words just before the jump line on page 1
    before_jump = first.split("Xem tiếp trang 2")[0].split()[-3:]
    after_from = second.split("Tiếp theo trang 1")[1].split()[:3]
    joined = " ".join(body_words)
    assert " ".join(before_jump + after_from) in joined


def test_the_jump_lines_name_the_other_page_and_stand_at_the_break():
    edition = sample_edition()
    data = render_pages(edition, _sources()).data
    first, second = _pages_text(data)
    assert "Xem tiếp trang 2" in first and "Tiếp theo trang 1" in second
    preset = load_page_preset("tabloid-a3")
    page1 = edition.page(1)
    body = next(block for block in page1.blocks if block.id == "p1-body")
    x, y, width, _height = preset.rect(body)
    (left, bottom, right, top), = _word_boxes(data, 0, "Xem tiếp trang 2")[:1]
    # at the foot of the block's last column
    assert x + width / 2 < left and right <= x + width + 1
    assert y - 1 <= bottom and top <= y + 2 * preset.leading
    (left, bottom, right, top), = _word_boxes(data, 1, "Tiếp theo trang 1")[:1]
    cont = next(block for block in edition.page(2).blocks if block.id == "p2-body")
    cx, cy, _cwidth, cheight = preset.rect(cont)
    assert abs(left - cx) < 2 and cy + cheight - preset.leading * 1.5 < top <= cy + cheight + 1


def test_english_words_come_from_the_preset_language():
    edition = sample_edition()
    pages = tuple(replace(page, preset="broadsheet-en") for page in edition.pages)
    data = render_pages(replace(edition, pages=pages), _sources()).data
    first, second = _pages_text(data)
    assert "Continued on page 2" in first and "Continued from page 1" in second
    assert "Xem tiếp" not in first


def _short_chain(lines: int) -> Edition:
    page = Page(1, "tabloid-a3", (
        Block("headline", COFFEE.id, column=0, columns=2, line=0, lines=4, id="h"),
        Block("body", COFFEE.id, column=0, columns=2, line=4, lines=lines, id="b"),
    ))
    return Edition("Thử", "2026-12-05", (page,))


def test_over_set_text_is_measured_and_the_export_refuses_naming_the_block():
    layout = lay_out(_short_chain(6), articles(), photos)
    (fit,) = layout.overset()
    assert (fit.page, fit.index, fit.block_id) == (1, 2, "b")
    assert fit.over_lines > 20 and fit.over_words > 150
    total = len(COFFEE.body.split()) + len(COFFEE.byline.split())
    assert fit.over_words < total
    with pytest.raises(MakeupRefused) as caught:
        render_pages(_short_chain(6), _sources())
    sentence = str(caught.value)
    assert f"{fit.over_lines} lines, {fit.over_words} words over" in sentence
    assert "Page 1, block 2" in sentence and COFFEE.title in sentence


def test_under_set_counts_the_empty_lines_of_the_last_block():
    roomy = lay_out(_short_chain(60), articles(), photos).fits[1]
    snug = lay_out(_short_chain(40), articles(), photos).fits[1]
    assert not roomy.over and not snug.over
    assert roomy.under_lines - snug.under_lines == 2 * 20  # two columns, 20 lines each
    assert roomy.under_words > snug.under_words > 0


def test_columns_of_the_last_block_are_balanced():
    data = compose(lay_out(_short_chain(60), articles(), photos))
    preset = load_page_preset("tabloid-a3")
    document = pdfium.PdfDocument(data)
    textpage = document[0].get_textpage()
    column_x = preset.margins.left + preset.column_width + preset.gutter
    lows = [float("inf"), float("inf")]
    for index in range(textpage.count_chars()):
        left, bottom, _right, _top = textpage.get_charbox(index)
        if bottom > 0 and left > 0:
            side = 0 if left < column_x - 1 else 1
            lows[side] = min(lows[side], bottom)
    document.close()
    # level within the widow and orphan rules' two lines (unbalanced: 20 lines apart)
    assert abs(lows[0] - lows[1]) <= 2.5 * preset.leading


def test_a_headline_is_fitted_to_its_block():
    layout = lay_out(sample_edition(), articles(), photos)
    data = compose(layout)
    preset = load_page_preset("tabloid-a3")
    for page_index, block_id, words in ((0, "p1-head", "Khánh thành"),
                                        (0, "p1-school-head", "Học sinh")):
        block = next(b for b in sample_edition().pages[0].blocks if b.id == block_id)
        x, y, width, height = preset.rect(block)
        (left, bottom, right, top), = _word_boxes(data, page_index, words)[:1]
        assert x - 1 <= left and right <= x + width + 1
        assert top <= y + height + 1 and bottom >= y
    sizes = {}
    document = pdfium.PdfDocument(data)
    textpage = document[0].get_textpage()
    for block_id, words in (("p1-head", "Khánh thành"), ("p1-coffee-head", "Sa Thầy:"),
                            ("p1-school-head", "Học sinh")):
        start, _count = textpage.search(words).get_next()
        sizes[block_id] = pdfium_c.FPDFText_GetFontSize(textpage.raw, start)
    document.close()
    # the widest, tallest block takes the largest headline; all within the preset's range
    assert preset.headline_min <= sizes["p1-coffee-head"] < sizes["p1-head"]
    assert sizes["p1-school-head"] < sizes["p1-head"] <= preset.headline_max
    assert all(fit.over_lines == 0 for fit in layout.fits if fit.kind == "headline")


def test_a_headline_too_long_for_its_block_is_over_set():
    long_title = replace(COFFEE, title="Sa Thầy " * 30)
    page = Page(1, "tabloid-a3", (Block("headline", COFFEE.id, column=0, columns=1, line=0,
                                       lines=3),))
    layout = lay_out(Edition("Thử", "", (page,)), {COFFEE.id: long_title}, photos)
    assert layout.fits[0].over_lines > 0


def test_vietnamese_is_drawn_composed_whatever_form_the_article_came_in():
    decomposed = {key: replace(article, title=unicodedata.normalize("NFD", article.title),
                               body=unicodedata.normalize("NFD", article.body))
                  for key, article in articles().items()}
    data = render_pages(sample_edition(), Sources(decomposed, photos, APPROVED)).data
    first = _flat(_pages_text(data)[0])
    assert "Khánh thành cầu treo Đăk Pơ Kô" in first
    assert unicodedata.is_normalized("NFC", first)


def test_an_unapproved_article_is_named_and_the_export_refuses_unless_draft():
    approvals = dict(APPROVED)
    approvals[COFFEE.id] = None
    with pytest.raises(MakeupRefused) as caught:
        render_pages(sample_edition(), _sources(approvals))
    assert f"the article “{COFFEE.title}” is not approved" in str(caught.value)
    assert BRIDGE.title not in str(caught.value)
    report = render_pages(sample_edition(), _sources(approvals), draft=True)
    assert [f.code for f in report.findings if f.code == "unapproved"] == ["unapproved"]
    assert "BẢN NHÁP" in _pages_text(report.data)[0]
    clean = render_pages(sample_edition(), _sources())
    assert "BẢN NHÁP" not in _pages_text(clean.data)[0]


def test_pdfx_pages_carry_the_output_intent_and_boxes():
    import io

    from pypdf import PdfReader

    data = render_pages(sample_edition(), _sources(), pdfx=True).data
    reader = PdfReader(io.BytesIO(data))
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert reader.metadata["/GTS_PDFXVersion"] == "PDF/X-1:2003"
    for page in reader.pages:
        assert [round(v) for v in page.trimbox] == [0, 0, 842, 1191]
        assert "/BleedBox" in page
    assert b"/DeviceRGB" not in data


def test_a_missing_photo_leaves_a_frame_and_a_warning():
    report = render_pages(sample_edition(), Sources(articles(), lambda *_: None, APPROVED))
    missing = [f for f in report.findings if f.code == "photo_not_found"]
    assert len(missing) == 2 and all(not f.blocking for f in missing)
    assert "cau-treo.jpg" in missing[0].message("en")


def test_a_reserved_label_the_fonts_cannot_draw_stops_the_export():
    edition = sample_edition()
    page = edition.page(1)
    blocks = tuple(replace(b, label="QUẢNG CÁO \u4e2d\u6587") if b.id == "p1-ad" else b
                   for b in page.blocks)
    with pytest.raises(MakeupRefused) as caught:
        render_pages(edition.with_page(replace(page, blocks=blocks)), _sources())
    assert "U+4E2D" in str(caught.value)


def _image_widths(data: bytes) -> list[int]:
    document = pdfium.PdfDocument(data)
    try:
        return [obj.get_px_size()[0] for obj in document[0].get_objects(
            filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))]
    finally:
        document.close()


def test_the_page_view_draws_photos_for_the_screen_and_the_print_keeps_them_sharp():
    screen = compose(lay_out(sample_edition(), articles(), photos, screen=True))
    printed = compose(lay_out(sample_edition(), articles(), photos))
    assert max(_image_widths(printed)) == 1800  # the bridge photo's own pixels, as delivered
    assert max(_image_widths(screen)) < 1000


def test_the_folio_prints_the_date_as_a_paper_does():
    from deskapp.makeup.export import folio_date

    assert folio_date("2026-12-05", "vi") == "Thứ Bảy, 5/12/2026"
    assert folio_date("2026-12-06", "vi") == "Chủ Nhật, 6/12/2026"
    assert folio_date("2026-12-05", "en") == "Saturday, 5 December 2026"
    assert folio_date("số Tết", "vi") == "số Tết"  # not a date: as written
