"""Typography on the real PDF: what is drawn where, read back with pdfium and pypdf.

Lines are rebuilt from pdfium's character boxes (tight glyph boxes): a line is
the characters sharing a baseline, a paragraph break is a gap between lines
wider than the leading.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from io import BytesIO

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from deskapp.model import Article
from deskapp.pdf.export import render_pdf
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.presets import load_preset

SENTENCE = ("Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh Kon Tum vừa tổ "
            "chức hội nghị tổng kết công tác năm, đề ra nhiệm vụ trọng tâm cho năm tới. ")


@dataclass
class Char:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    baseline: float


@dataclass
class Line:
    chars: list[Char]

    @property
    def text(self) -> str:
        return "".join(char.text for char in self.chars)

    @property
    def baseline(self) -> float:
        return self.chars[0].baseline

    @property
    def left(self) -> float:
        return min(char.left for char in self.chars if char.text.strip())

    @property
    def right(self) -> float:
        return max(char.right for char in self.chars if char.text.strip())


def page_lines(page: pdfium.PdfPage, edges: list[float]) -> list[Line]:
    """The page's lines column by column, top to bottom, each left to right.

    ``edges`` are the x positions between columns (none for one column).
    """
    textpage = page.get_textpage()
    chars = []
    for index in range(textpage.count_chars()):
        text = textpage.get_text_range(index, 1)
        left, bottom, right, top = textpage.get_charbox(index)
        origin = textpage.get_charbox(index, loose=True)
        if not text or text in "\r\n":
            continue
        chars.append(Char(text, left, bottom, right, top, round(origin[1], 0)))
    lines: dict[tuple[float, float], list[Char]] = {}
    for char in chars:
        # Columns share baselines: key by baseline and by which column the char is in.
        column = sum(1 for edge in edges if char.left >= edge)
        lines.setdefault((char.baseline, column), []).append(char)
    ordered = sorted(lines.items(), key=lambda item: (item[0][1], -item[0][0]))
    return [Line(sorted(line, key=lambda c: c.left)) for _key, line in ordered
            if any(char.text.strip() for char in line)]


def pdf_pages(article: Article, preset: str = "a4-article") -> list[pdfium.PdfPage]:
    pdf = pdfium.PdfDocument(render_pdf(article, PrintSettings(preset=preset)))
    return [pdf[index] for index in range(len(pdf))]


def body_lines(page: pdfium.PdfPage, preset: str = "a4-article") -> list[Line]:
    """Lines inside the text area (no running header or footer)."""
    shape = load_preset(preset)
    height = page.get_size()[1]
    top = height - shape.margins.top + 2
    step = shape.column_width + shape.gutter
    edges = [shape.margins.left + index * step - shape.gutter / 2
             for index in range(1, shape.columns)]
    lines = page_lines(page, edges)
    return [line for line in lines if shape.margins.bottom - 2 < line.baseline < top]


# --- links and bookmarks -------------------------------------------------------------------


def test_links_are_clickable_annotations_with_their_address():
    body = ("Xem [trang của tỉnh](https://kontum.gov.vn/tin-tuc) và "
            "[bài gốc](https://kontumtv.vn/bai.html?id=1&x=2).\n\n" + SENTENCE * 3)
    reader = PdfReader(BytesIO(render_pdf(Article(title="Tin", body=body))))
    uris = []
    for annotation in reader.pages[0].get("/Annots", []):
        annotation = annotation.get_object()
        if annotation.get("/Subtype") == "/Link":
            uris.append(annotation["/A"]["/URI"])
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            assert x1 - x0 > 20 and y1 - y0 > 5  # a real area to click
    assert uris == ["https://kontum.gov.vn/tin-tuc", "https://kontumtv.vn/bai.html?id=1&x=2"]


def test_headings_become_a_nested_outline():
    body = "\n\n".join(["## Phần một", SENTENCE, "### Chi tiết", SENTENCE, "## Phần hai", SENTENCE])
    reader = PdfReader(BytesIO(render_pdf(Article(title="Bài có mục lục", body=body))))
    outline = reader.outline
    assert outline[0].title == "Bài có mục lục"
    titles = [item.title if not isinstance(item, list) else [i.title for i in item]
              for item in outline[1]]
    assert titles == ["Phần một", ["Chi tiết"], "Phần hai"]


# --- paragraphs across pages -----------------------------------------------------------------


def numbered_paragraphs(count: int, sentences: int = 3) -> list[str]:
    return [f"Đoạn {index}: " + SENTENCE * (sentences + index % 4) for index in range(count)]


def test_no_widows_or_orphans_at_page_breaks():
    pages = pdf_pages(Article(title="Dài", body="\n\n".join(numbered_paragraphs(40))))
    assert len(pages) >= 3
    for before, after in itertools.pairwise(pages):
        tail, head = body_lines(before), body_lines(after)
        starts_before = [i for i, line in enumerate(tail) if line.text.startswith("Đoạn")]
        if not head[0].text.startswith("Đoạn"):
            # The paragraph runs on: at least two lines on each side of the break.
            assert len(tail) - starts_before[-1] >= 2, tail[-1].text
            continued = next(i for i, line in enumerate(head) if line.text.startswith("Đoạn"))
            assert continued >= 2, head[0].text


def test_a_heading_is_never_the_last_thing_on_a_page():
    blocks = []
    for index in range(30):
        blocks.append(f"## Mục {index}")
        blocks.append(SENTENCE * (2 + index % 5))
    pages = pdf_pages(Article(title="Nhiều mục", body="\n\n".join(blocks)))
    assert len(pages) >= 3
    for page in pages:
        lines = body_lines(page)
        assert not lines[-1].text.startswith("Mục "), lines[-1].text
        for index, line in enumerate(lines):
            if line.text.startswith("Mục "):
                assert index + 1 < len(lines)  # its text follows on the same page


# --- justified text --------------------------------------------------------------------------


def word_gaps(line: Line) -> list[float]:
    """The widths of the spaces between the words of a line, in points."""
    drawn = [char for char in line.chars if char.text.strip()]
    gaps = []
    for previous, char in itertools.pairwise(drawn):
        gap = char.left - previous.right
        if gap > 1.2:  # between words, not between letters
            gaps.append(gap)
    return gaps


def test_justified_lines_fill_the_measure_and_last_lines_keep_natural_spaces():
    shape = load_preset("a4-article")
    right_edge = shape.margins.left + shape.content_width
    pages = pdf_pages(Article(title="Canh đều", body="\n\n".join(numbered_paragraphs(12))))
    size = shape.body.size
    full = short = 0
    for page in pages:
        lines = body_lines(page)
        for line, below in zip(lines, [*lines[1:], None], strict=False):
            if line.baseline > page.get_size()[1] - 140 and line is lines[0]:
                continue  # the headline
            gap_below = line.baseline - below.baseline if below is not None else 1e9
            ends_paragraph = gap_below > shape.body.leading + 2
            gaps = word_gaps(line)
            if not gaps:
                continue
            if ends_paragraph:
                short += 1
                # A paragraph's last line is not stretched: spaces stay a space wide.
                assert max(gaps) < 0.45 * size, (line.text, max(gaps))
            else:
                full += 1
                assert right_edge - line.right < 1.5, line.text  # flush right
                # No river: a justified space never grows past one em.
                assert max(gaps) < 1.0 * size, (line.text, max(gaps))
    assert full > 50 and short >= 12


# --- lists, quotes, tables -------------------------------------------------------------------


def test_lists_hang_their_text_after_the_bullet_or_number():
    body = ("- Mục đầu tiên của danh sách\n- Mục thứ hai, dài hơn nhiều để chữ chạy sang dòng "
            "thứ hai và còn dài thêm nữa cho chắc chắn chạy sang dòng dưới\n\n"
            "1. Bước một\n2. Bước hai\n")
    lines = body_lines(pdf_pages(Article(title="Danh sách", body=body))[0])
    bullets = [line for line in lines if line.text.startswith("•")]
    assert len(bullets) == 2
    numbered = [line for line in lines if line.text[:2] in ("1.", "2.")]
    assert len(numbered) == 2
    # The text after a bullet and its continuation line start at the same x.
    first_item = bullets[1]
    text_x = next(char.left for char in first_item.chars[1:] if char.text.strip())
    following = lines[lines.index(first_item) + 1]
    assert abs(following.left - text_x) < 1.0
    assert text_x - first_item.left > 8


def test_a_block_quote_is_indented_with_a_rule():
    shape = load_preset("a4-article")
    body = SENTENCE + "\n\n> " + SENTENCE * 2 + "\n\n" + SENTENCE
    data = render_pdf(Article(title="Trích", body=body))
    lines = body_lines(pdfium.PdfDocument(data)[0])
    quoted = [line for line in lines if line.left > shape.margins.left + 8]
    assert len(quoted) >= 3
    content = PdfReader(BytesIO(data)).pages[0].get_contents().get_data().decode("latin-1")
    assert " l\n" in content or " l " in content  # the rule down its left side


def test_a_table_split_across_pages_repeats_its_header_row():
    rows = "\n".join(f"| Huyện {i} | {i * 13} | Ghi chú cho hàng {i} |" for i in range(1, 80))
    head = "| Địa phương | Số hội nghị | Ghi chú |\n| --- | ---: | --- |"
    body = f"{SENTENCE * 4}\n\n{head}\n{rows}\n"
    pages = pdf_pages(Article(title="Bảng", body=body))
    assert len(pages) >= 3
    seen = []
    for page in pages:
        lines = body_lines(page)
        header = [index for index, line in enumerate(lines) if "Địa phương" in line.text]
        assert header, "no header row on this page"
        rows_here = [line.text for line in lines if line.text.startswith("Huyện")]
        # The header is above every row of the page.
        first_row = next(i for i, line in enumerate(lines) if line.text.startswith("Huyện"))
        assert header[0] < first_row
        seen += rows_here
    assert len(seen) == 79


# --- long words and the margins --------------------------------------------------------------


def test_long_words_and_urls_are_wrapped_inside_the_frame():
    shape = load_preset("a4-article")
    body = ("Địa chỉ https://example.com/một/đường/dẫn/rất/dài/không/có/chỗ/ngắt/nào/cả/"
            + "abcdefghij" * 12 + " và từ " + "Siêudàiliềnmạch" * 12 + " hết.\n\n" + SENTENCE)
    left, right = shape.margins.left, shape.margins.left + shape.content_width
    checked = 0
    for page in pdf_pages(Article(title="Từ dài", body=body)):
        for line in body_lines(page):
            for char in line.chars:
                if char.text.strip():
                    checked += 1
                    assert left - 0.5 <= char.left and char.right <= right + 0.5, line.text
    assert checked > 300


# --- stacked capitals ------------------------------------------------------------------------


@pytest.mark.parametrize("preset", ["a4-article", "a5-booklet", "newspaper-3col"])
def test_stacked_capitals_clear_the_descenders_of_the_line_above(preset: str):
    # Every line holds descenders (g, p, q, y) and tall capitals with two marks.
    words = "gặp ẤN quý ẮT giây ỀU phút Ễ gỡ Ỗ yêu Ộ " * 60
    pages = pdf_pages(Article(title="Dấu chồng", body=words), preset)
    pairs = 0
    lines = [line for line in body_lines(pages[0], preset) if "Ấ" in line.text or "g" in line.text]
    for above, below in itertools.pairwise(lines):
        if abs(above.left - below.left) > 30 or above.baseline - below.baseline > 40:
            continue  # another column, or not neighbours
        lowest = min(char.bottom for char in above.chars if char.text in "gpqyặỹ")
        tallest = max(char.top for char in below.chars if char.text in "ẤẮỀỄỖỘ")
        assert tallest < lowest, (above.text[:20], tallest, lowest)
        pairs += 1
    assert pairs >= 5


# --- columns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("preset", "paragraphs"), [("newspaper-2col", 6), ("newspaper-2col", 26),
                                                    ("newspaper-3col", 5), ("newspaper-3col", 30)])
def test_the_last_page_columns_end_level(preset: str, paragraphs: int):
    shape = load_preset(preset)
    article = Article(title="Cân cột", lead="Sapo.", body="\n\n".join([SENTENCE * 2] * paragraphs),
                      source="kontumtv.vn")
    pages = pdf_pages(article, preset)
    last = pages[-1]
    step = shape.column_width + shape.gutter
    bottoms = []
    for index in range(shape.columns):
        x0 = shape.margins.left + index * step
        x1 = x0 + shape.column_width
        chars = [char for line in body_lines(last, preset) for char in line.chars
                 if x0 - 1 <= char.left and char.right <= x1 + 1 and char.text.strip()]
        assert chars, f"column {index + 1} of the last page is empty"
        bottoms.append(min(char.baseline for char in chars))
    # Level within a couple of lines (lines and the widow rule rarely divide evenly).
    assert max(bottoms) - min(bottoms) <= 2.5 * shape.body.leading, bottoms


# --- footnotes and pull quotes ---------------------------------------------------------------

FOOTNOTED = (SENTENCE * 2 + "Theo báo cáo[^1], số hội nghị tăng[^so].\n\n" + SENTENCE * 3
             + "\n\n[^1]: Báo cáo của Ban chỉ đạo tỉnh, ngày 9/1/2014.\n"
             "[^so]: Năm 2012 là *bốn mươi hai* hội nghị.\n")


def test_footnotes_are_superscript_links_to_numbered_notes_at_the_end():
    data = render_pdf(Article(title="Chú thích", body=FOOTNOTED))
    lines = body_lines(pdfium.PdfDocument(data)[0])
    text = [line.text for line in lines]
    cited = next(line for line in lines if "Theo báo cáo" in line.text)
    # The marks sit above the line's baseline and are smaller than its letters.
    letter = next(c for c in cited.chars if c.text == "o")
    marks = [c for line in lines for c in line.chars if c.text in "12"
             and 1 < c.baseline - cited.baseline < 8 and cited.left <= c.left <= cited.right]
    assert len(marks) == 2, [line.text for line in lines]
    for char in marks:
        assert char.bottom > letter.bottom + 2 and char.top - char.bottom < 8
    lines = [line for line in lines if line.chars[0] not in marks]
    text = [line.text for line in lines]
    # The notes come last, numbered, after the body, without any back-arrow.
    assert text[-2].startswith("1.") and "Báo cáo của Ban chỉ đạo tỉnh" in text[-2]
    assert text[-1].startswith("2.") and "bốn mươi hai" in text[-1]
    assert "↩" not in "".join(text)
    assert lines[-2].chars[0].top - lines[-2].chars[0].bottom < 8  # small type
    # Each mark is a link to its note's place on the page.
    reader = PdfReader(BytesIO(data))
    targets = []
    for annotation in reader.pages[0].get("/Annots", []):
        annotation = annotation.get_object()
        assert annotation["/Subtype"] == "/Link"
        targets.append(float(annotation["/Dest"][3]))
    assert len(targets) == 2
    note_tops = [lines[-2].chars[0].top, lines[-1].chars[0].top]
    for target, top in zip(targets, note_tops, strict=True):
        assert abs(target - top) < 15, (target, top)


def test_the_preview_shows_footnote_marks_and_notes_without_back_links():
    from deskapp.render.html import article_html

    html = article_html(Article(title="Chú thích", body=FOOTNOTED))
    assert '<sup><a href="#fn:1">1</a></sup>' in html
    assert "Báo cáo của Ban chỉ đạo tỉnh" in html
    assert "↩" not in html and "zz1337" not in html and "qq3936" not in html


def test_a_pull_quote_is_large_centred_and_between_rules():
    shape = load_preset("a4-article")
    body = (SENTENCE * 3 + "\n\n> [!pull] Dân biết, dân bàn, dân làm, dân kiểm tra.\n\n"
            + SENTENCE * 3 + "\n\n> Một trích dẫn thường.")
    data = render_pdf(Article(title="Trích nổi bật", body=body))
    lines = body_lines(pdfium.PdfDocument(data)[0])
    pull = next(line for line in lines if "Dân biết" in line.text)
    plain = next(line for line in lines if "Ban chỉ đạo" in line.text)
    assert "[!pull]" not in "".join(line.text for line in lines)
    middle = shape.margins.left + shape.content_width / 2
    assert abs((pull.left + pull.right) / 2 - middle) < 2  # centred
    height = max(c.top - c.bottom for c in pull.chars if c.text == "D")
    assert height > 1.25 * max(c.top - c.bottom for c in plain.chars if c.text == "B")
    ordinary = next(line for line in lines if "trích dẫn thường" in line.text)
    assert ordinary.left > shape.margins.left + 8  # a plain quote stays a plain quote
    content = PdfReader(BytesIO(data)).pages[0].get_contents().get_data().decode("latin-1")
    assert content.count(" l\n") + content.count(" l ") >= 3  # two rules and the quote's rule


def test_narrow_table_columns_keep_their_words_whole():
    rows = "\n".join(f"| Huyện {i} | {i * 13} | Ghi chú dài hơn một chút cho hàng {i} |"
                     for i in range(1, 20))
    body = f"| Địa phương | Số hội nghị | Ghi chú |\n| --- | ---: | --- |\n{rows}\n"
    words = set()
    for page in pdf_pages(Article(title="Bảng hẹp", body=body), "newspaper-3col"):
        for line in body_lines(page, "newspaper-3col"):
            word = ""
            drawn = [char for char in line.chars if char.text.strip()]
            for previous, char in zip([None, *drawn], drawn, strict=False):
                if previous is not None and char.left - previous.right > 1.2:
                    words.add(word)
                    word = ""
                word += char.text
            words.add(word)
    assert {"Huyện", "Địa", "phương", "nghị"} <= words
    assert not words & {"Huy", "ện", "ph", "ươ", "ng"}, sorted(words)


def test_balanced_columns_keep_photos_and_their_credits():
    from io import BytesIO as Buffer

    from PIL import Image

    from deskapp.pdf.export import render_report
    from deskapp.store import Library
    from deskapp.store.assets import add_photo, photo_lookup

    out = Buffer()
    Image.new("RGB", (1600, 1000), (200, 40, 40)).save(out, "JPEG", quality=90)
    library = Library.in_memory()
    try:
        article = library.create(Article(title="Ảnh trong cột", body="\n\n".join(
            [SENTENCE * 2] * 3 + ["![](asset:anh.jpg)"] + [SENTENCE * 2] * 3)))
        add_photo(library, article.id, out.getvalue(), name="anh.jpg", caption="Hội nghị",
                  credit="Minh Hùng")
        report = render_report(article, PrintSettings(preset="newspaper-3col",
                                                      assets=photo_lookup(library, article.id)))
    finally:
        library.close()
    page = PdfReader(BytesIO(report.data)).pages[-1]
    assert " Do" in page.get_contents().get_data().decode("latin-1")
    pdf = pdfium.PdfDocument(report.data)
    text = " ".join(pdf[len(pdf) - 1].get_textpage().get_text_range().split())
    assert "Hội nghị" in text and "Ảnh: Minh Hùng" in text


def column_bottoms(page: pdfium.PdfPage, preset: str) -> list[float | None]:
    """Where each column's text ends on the page (None for an empty column)."""
    shape = load_preset(preset)
    step = shape.column_width + shape.gutter
    bottoms: list[float | None] = []
    for index in range(shape.columns):
        x0 = shape.margins.left + index * step
        x1 = x0 + shape.column_width
        chars = [char for line in body_lines(page, preset) for char in line.chars
                 if x0 - 1 <= char.left and char.right <= x1 + 1 and char.text.strip()]
        bottoms.append(min(char.baseline for char in chars) if chars else None)
    return bottoms


def test_each_article_of_an_edition_ends_with_level_columns(tmp_path):
    from deskapp.pdf import export_edition

    articles = [Article(title=f"Bài số {number}", lead="Sapo.", section="Thời sự",
                        body="\n\n".join([SENTENCE * 3] * paragraphs))
                for number, paragraphs in ((1, 8), (2, 26), (3, 4))]
    export_edition(articles, tmp_path / "so-bao.pdf", PrintSettings(preset="newspaper-3col"))
    pdf = pdfium.PdfDocument(str(tmp_path / "so-bao.pdf"))
    pages = [pdf[index] for index in range(len(pdf))]
    starts = [index for index, page in enumerate(pages)
              if "Bài số" in page.get_textpage().get_text_range()]
    assert len(starts) == 3
    leading = load_preset("newspaper-3col").body.leading
    for last in [start - 1 for start in starts[1:]] + [len(pages) - 1]:
        bottoms = column_bottoms(pages[last], "newspaper-3col")
        assert None not in bottoms, (last, bottoms)
        assert max(bottoms) - min(bottoms) <= 2.5 * leading, (last, bottoms)
