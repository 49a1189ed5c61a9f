"""The print renderer: the element tree as reportlab flowables."""

from __future__ import annotations

from io import BytesIO
from xml.etree.ElementTree import Element

import pytest
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import HRFlowable, ListFlowable, Paragraph, Table, XPreformatted

from deskapp.pdf.flowables import body_flowables
from deskapp.pdf.fonts import MONO, SANS, SERIF, register_fonts
from deskapp.pdf.markup import GlyphLog, inline_markup
from deskapp.pdf.paragraph import SetParagraph
from deskapp.pdf.styles import PrintStyles, make_print_styles
from deskapp.render.tree import parse_markdown

BASE14 = {
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Symbol",
    "ZapfDingbats",
}
WIDTH = 450.0


@pytest.fixture(scope="module")
def styles() -> PrintStyles:
    register_fonts()
    return make_print_styles(text_family=SERIF, heading_family=SANS, mono_family=MONO)


def flow(source: str, styles: PrintStyles, log: GlyphLog | None = None) -> list:
    return body_flowables(parse_markdown(source), styles, WIDTH, log)


def paragraph_of(source: str) -> Element:
    return parse_markdown(source).find("p")


def test_one_flowable_kind_per_block(styles: PrintStyles):
    source = (
        "# Một\n\nĐoạn.\n\n- a\n- b\n\n1. c\n\n> trích\n\n    mã\n\n"
        "| A | B |\n|---|---|\n| 1 | 2 |\n\n---\n\n![ảnh](x.jpg)\n"
    )
    flowables = flow(source, styles)
    kinds = [type(flowable) for flowable in flowables]
    assert kinds[:4] == [SetParagraph, SetParagraph, ListFlowable, ListFlowable]  # h1, p, ul, ol
    assert kinds[5:] == [XPreformatted, Table, HRFlowable, Table]  # pre, table, hr, photo
    quote = flowables[4]  # one ruled block per block of the quotation
    assert isinstance(quote.content, Paragraph)
    assert quote.content.style is styles.quote


def test_styles_keep_vietnamese_clear_and_text_tidy(styles: PrintStyles):
    body = styles.body
    assert body.alignment == TA_JUSTIFY
    assert body.allowWidows == 0 and body.allowOrphans == 0
    assert body.leading / body.fontSize >= 1.4
    for heading in styles.headings:
        assert heading.keepWithNext
        assert heading.leading / heading.fontSize >= 1.3


def test_no_style_names_a_base14_font(styles: PrintStyles):
    all_styles = [
        styles.body,
        styles.item,
        styles.quote,
        styles.code,
        styles.cell,
        styles.head_cell,
        styles.photo,
        *styles.headings,
    ]
    for style in all_styles:
        assert style.fontName not in BASE14, style.name
        assert style.bulletFontName not in BASE14, style.name


def test_headings_use_the_heading_family(styles: PrintStyles):
    h2 = flow("## Tiêu đề", styles)[0]
    assert h2.style.fontName == "DeskSans-Bold"
    assert h2.style is styles.headings[1]


def test_inline_markup_escapes_and_maps_every_inline(styles: PrintStyles):
    source = (
        "A < B & C > D **đậm *cả hai*** *nghiêng* `x<y>` "
        "[liên kết](https://a.vn/?p=1&q=2 'tựa') dòng  \nmới ![ảnh & chữ](x.jpg)"
    )
    markup = inline_markup(paragraph_of(source), styles)
    assert markup.startswith("A &lt; B &amp; C &gt; D <b>đậm <i>cả hai</i></b> <i>nghiêng</i> ")
    assert '<font face="DeskMono" size="9.45">x&lt;y&gt;</font>' in markup
    assert '<a href="https://a.vn/?p=1&amp;q=2" color="#1d4f91">liên kết</a>' in markup
    assert "dòng<br/>\nmới" in markup
    assert '<font color="#666666">[Ảnh: ảnh &amp; chữ]</font>' in markup
    Paragraph(markup, styles.body)  # reportlab accepts it


def test_inline_markup_defuses_markup_in_text(styles: PrintStyles):
    markup = inline_markup(paragraph_of('<font color="red">x</font> <b>y</b> &amp;lt;'), styles)
    assert "<font" not in markup and "<b>" not in markup
    assert Paragraph(markup, styles.body).getPlainText() == "x y &lt;"


def test_raw_html_prints_as_its_text(styles: PrintStyles):
    source = (
        'A <b onclick="x()">đậm</b> <script>alert(1)</script> 3 &lt; 4 '
        '<a href="javascript:x">b</a>'
    )
    markup = inline_markup(paragraph_of(source), styles)
    assert "<b>" not in markup and "script" not in markup and "javascript" not in markup
    assert "onclick" not in markup
    plain = Paragraph(markup, styles.body).getPlainText()
    assert plain.startswith("A đậm ") and "3 < 4 b" in plain and "alert" not in plain


def test_raw_html_around_markdown_keeps_the_markdown(styles: PrintStyles):
    markup = inline_markup(paragraph_of("<span>**đậm** và</span> `<i>`"), styles)
    assert markup.startswith("<b>đậm</b> và ")
    assert "&lt;i&gt;" in markup


def test_glyph_log_records_the_face_of_every_run(styles: PrintStyles):
    log = GlyphLog()
    flow("Thường **đậm *đậm nghiêng*** *nghiêng*\n\n## Tít\n\n> trích", styles, log)
    faces = log.by_face()
    assert "Thường" in faces["DeskSerif"]
    assert "đậm" in faces["DeskSerif-Bold"]
    assert "đậm nghiêng" in faces["DeskSerif-BoldItalic"]
    assert "nghiêng" in faces["DeskSerif-Italic"]
    assert "trích" in faces["DeskSerif-Italic"]
    assert "Tít" in faces["DeskSans-Bold"]


def test_vietnamese_in_code_falls_back_to_the_sans_face(styles: PrintStyles):
    log = GlyphLog()
    flowables = flow("`chủ đề`\n\n```\nin('ả ấ')\n```\n", styles, log)
    faces = log.by_face()
    assert set("ủềảấ") <= set(faces["DeskSans"])
    assert set("chđin('") <= set(faces["DeskMono"])
    assert not set("ủềảấ") & set(faces["DeskMono"])
    assert '<font face="DeskSans" size="9.45">ủ</font>' in flowables[0].text


def test_long_code_lines_are_cut_to_the_width(styles: PrintStyles):
    block = flow("    " + "x" * 300, styles)[0]
    _, height = block.wrap(WIDTH, 1000)
    assert block.minWidth() <= WIDTH
    assert height >= 3 * styles.code.leading


def test_tables_repeat_their_header_and_wrap_cells(styles: PrintStyles):
    rows = "\n".join(f"| {n} | {'chữ ' * 40} |" for n in range(40))
    table = flow(f"| Số | Nội dung |\n|--:|:--|\n{rows}\n", styles)[0]
    assert table.repeatRows == 1
    width, _ = table.wrapOn(Canvas(BytesIO()), WIDTH, 700)
    assert width <= WIDTH + 0.01  # long cells wrap instead of widening the table
    assert len(table.split(WIDTH, 700)) == 2  # splits over pages


def test_a_quotation_longer_than_a_page_splits(styles: PrintStyles):
    paragraph = "Dân biết, dân bàn, dân làm, dân kiểm tra. " * 120
    (block,) = flow(f"> {paragraph}", styles)
    canvas = Canvas(BytesIO())
    _, height = block.wrapOn(canvas, WIDTH, 700)
    assert height > 700
    first, rest = block.splitOn(canvas, WIDTH, 700)
    assert first.wrapOn(canvas, WIDTH, 700)[1] <= 700
    assert isinstance(rest.content, Paragraph)


def test_lists_inside_a_quotation_keep_the_quote_style(styles: PrintStyles):
    log = GlyphLog()
    (block,) = flow("> - một\n> - hai\n", styles, log)
    assert isinstance(block.content, ListFlowable)
    assert log.by_face()["DeskSerif-Italic"] == "mộthai"


def test_nested_lists_lay_out_below_their_parent(styles: PrintStyles):
    outer = flow("3. ba\n4. bốn\n    - con\n", styles)[0]
    assert isinstance(outer, ListFlowable)
    _, height = outer.wrapOn(Canvas(BytesIO()), WIDTH, 1000)
    assert height > 2 * styles.item.leading
