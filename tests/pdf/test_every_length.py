"""Every article length prints on every preset, and no page strands a line.

A property test over generated provincial-news articles (150 to 1,800
words, with subheads): each length is exported with each bundled preset
and the real PDF is opened to read where each line of each page sits.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from generated_articles import HEADS, news_article
from golden_pages import assets
from page_lines import Line, pdf_lines

from deskapp.model import Approval
from deskapp.pdf.export import render_report
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.presets import Preset, list_presets, load_preset

PRESETS = ["a4-article", "a5-booklet", "newspaper-2col", "newspaper-3col", "us-letter"]
# A dozen lengths across the range, with the ones whose last page once left
# a column too short for an unsplittable paragraph (786, 839, 892 words).
LENGTHS = [150, 233, 371, 502, 640, 786, 839, 892, 1013, 1187, 1420, 1800]
SOURCE = "Nguồn: kontumtv.vn"
BYLINE = "Minh Tuấn – Y Thoan"
APPROVAL = Approval("Trần Thị B", "2026-11-26T07:05:09+00:00")
APPROVAL_LINE = "Duyệt: Trần Thị B, 26/11/2026 14:05"
PHOTO_CREDIT = "Ảnh: Minh Hùng"  # the last line of the photo's block, under its caption


@pytest.fixture(autouse=True)
def _hanoi_time() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_bundled_presets_are_all_here():
    assert set(PRESETS) <= {name for name, _title in list_presets()}


class Page:
    """One page's lines, sorted into body lines, subheads and credits with their columns."""

    def __init__(self, lines: list[Line], preset: Preset) -> None:
        left = preset.margins.left
        step = preset.column_width + preset.gutter
        bottom, top = preset.margins.bottom, preset.page_size[1] - preset.margins.top

        def column(line: Line) -> int:
            return int((line.x - left + 1) // step) if preset.columns > 1 else 0

        inside = [line for line in lines if bottom - 1 <= line.y <= top + 1]
        self.body = [(column(line), line) for line in inside
                     if line.size == preset.body.size and "Regular" in line.font]
        self.heads = [(column(line), line) for line in inside if line.text in HEADS]
        self.texts = [line.text for line in lines]
        self.find = {text: (column(line), line) for line in inside for text in (line.text,)}


def stranded(data: bytes, preset: Preset, *, byline: str = BYLINE, source: str = SOURCE,
             photo: bool = True) -> list[str]:
    """Every keep rule the PDF breaks, in words."""
    step = preset.column_width + preset.gutter
    gutters = tuple(preset.margins.left + index * step - preset.gutter / 2
                    for index in range(1, preset.columns))
    pages = [Page(lines, preset) for lines in pdf_lines(data, gutters)]
    problems = []
    total = sum(len(page.body) for page in pages)
    for number, page in enumerate(pages, start=1):
        if len(page.body) < min(3, total):
            problems.append(f"page {number} has {len(page.body)} lines of text")
        for col, head in page.heads:
            if not any(c == col and line.y < head.y for c, line in page.body):
                problems.append(f"subhead {head.text!r} ends column {col + 1} of page {number}")
        if not any(APPROVAL_LINE in text for text in page.texts):
            problems.append(f"page {number} has no approval line")
    if photo:
        problems.extend(photo_problems(data, pages))
    last_page = max(number for number, page in enumerate(pages) if page.body)
    last_col, last_line = max(pages[last_page].body, key=lambda item: (item[0], -item[1].y))
    credits = [source] + ([byline] if preset.byline.position == "end" else [])
    for credit in credits:
        found = [(number, page.find[credit]) for number, page in enumerate(pages)
                 if credit in page.find]
        if not found:
            problems.append(f"{credit!r} is missing")
            continue
        number, (col, line) = found[-1]
        if (number, col) != (last_page, last_col) or line.y > last_line.y:
            problems.append(f"{credit!r} on page {number + 1} column {col + 1}, not under the "
                            f"last line of text (page {last_page + 1} column {last_col + 1})")
    return problems


def photo_problems(data: bytes, pages: list[Page]) -> list[str]:
    """The photo and its caption and credit must share a page, the credit just under the photo."""
    document = pdfium.PdfDocument(data)
    try:
        photos = [(number, obj.get_bounds()) for number, page in enumerate(document)
                  for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    finally:
        document.close()
    credits = [(number, page.find[PHOTO_CREDIT][1]) for number, page in enumerate(pages)
               if PHOTO_CREDIT in page.find]
    if len(photos) != 1 or len(credits) != 1:
        return [f"{len(photos)} photos and {len(credits)} photo credits"]
    (photo_page, (_left, bottom, _right, _top)), (credit_page, credit) = photos[0], credits[0]
    if photo_page != credit_page or not bottom - 40 < credit.y < bottom:
        return [f"the photo (page {photo_page + 1}) and its caption and credit (page "
                f"{credit_page + 1}) are apart"]
    return []


def with_photo(words: int):
    """The generated article with a photo after a paragraph that moves with the length."""
    article = news_article(words, seed=words)
    blocks = article.body.split("\n\n")
    at = (words // 7) % len(blocks)
    blocks.insert(at, "![Đồi chè](doi-che.png)")
    article.body = "\n\n".join(blocks)
    return article


@pytest.mark.parametrize("name", PRESETS)
def test_every_length_exports_with_nothing_stranded(name):
    preset = load_preset(name)
    settings = PrintSettings(preset=name, approval=APPROVAL, assets=assets)
    failures = {}
    for words in LENGTHS:
        report = render_report(with_photo(words), settings)
        assert report.data.startswith(b"%PDF") and report.pages >= 1, (name, words)
        problems = stranded(report.data, preset)
        if problems:
            failures[words] = problems
    assert not failures, failures


def test_the_imported_sample_never_ends_on_a_page_of_credits(sample_path):
    """The sample with a headline and lead once left its last A4 page to byline and source."""
    from deskapp.exchange import clean_web_copy

    article = clean_web_copy(sample_path.read_text(encoding="utf-8")).to_article()
    preset = load_preset("a4-article")
    for sentences in (1, 3):
        made = article.with_content(
            title="Kon Tum tổng kết công tác dân vận và quy chế dân chủ ở cơ sở năm 2013",
            lead="Sáng 9/1, Ban chỉ đạo tổ chức hội nghị tổng kết. " * sentences,
            section="Thời sự")
        report = render_report(made, PrintSettings(preset="a4-article", approval=APPROVAL))
        assert report.pages == 2
        problems = stranded(report.data, preset, byline="Thanh Tùng – Công Luận", photo=False)
        assert not problems, problems
        last = pdf_lines(report.data)[-1]
        assert [line.text for line in last][-3:-1] == ["Thanh Tùng – Công Luận",
                                                       "Nguồn: kontumtv.vn"]
