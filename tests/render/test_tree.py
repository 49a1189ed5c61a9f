"""The one parse: Markdown → element tree shared by the preview and the PDF."""

from __future__ import annotations

import unicodedata
from xml.etree.ElementTree import Element

import pytest

from deskapp.model import Article
from deskapp.render.tree import (
    ArticleDocument,
    MarkdownParser,
    build_document,
    parse_markdown,
    plain_text,
)

EVERY_ELEMENT = """\
# Tiêu đề một

## Tiêu đề hai

### Tiêu đề ba

#### Tiêu đề bốn

##### Tiêu đề năm

###### Tiêu đề sáu

Đoạn có **chữ đậm**, *chữ nghiêng*, `mã`, [liên kết](https://kontumtv.vn/a "tựa")
và ngắt dòng\x20\x20
ở đây, cùng ảnh nhỏ ![ảnh nhỏ](nho.jpg) trong dòng.

- một
- hai

3. ba
4. bốn

> Trích dẫn *nghiêng*.

    khối mã thụt lề

| Cột A | Cột B |
|:------|------:|
| ô 1   | ô 2   |

---

![Ảnh lớn](https://example.com/lon.jpg)
"""


def tags(root: Element) -> set[str]:
    return {element.tag for element in root.iter()}


def all_strings(root: Element) -> list[str]:
    strings = []
    for element in root.iter():
        strings += [element.text or "", element.tail or "", *element.attrib.values()]
    return strings


def test_every_element_type_is_in_the_tree():
    root = parse_markdown(EVERY_ELEMENT)
    block_tags = [child.tag for child in root]
    for tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "blockquote", "pre"):
        assert tag in block_tags
    assert {"table", "thead", "tbody", "tr", "th", "td", "hr", "li", "code"} <= tags(root)
    assert {"strong", "em", "a", "br", "img"} <= tags(root)


def test_an_image_alone_is_a_block_and_one_in_a_line_stays_inline():
    root = parse_markdown(EVERY_ELEMENT)
    block_images = [child for child in root if child.tag == "img"]
    assert [image.get("alt") for image in block_images] == ["Ảnh lớn"]
    paragraph = next(child for child in root if child.tag == "p")
    assert paragraph.find("img").get("alt") == "ảnh nhỏ"


def test_inline_details_are_kept():
    root = parse_markdown(EVERY_ELEMENT)
    link = root.find(".//a")
    assert link.get("href") == "https://kontumtv.vn/a"
    assert link.get("title") == "tựa"
    assert root.find(".//ol").get("start") == "3"
    assert [cell.get("style") for cell in root.iter("th")] == [
        "text-align: left;",
        "text-align: right;",
    ]


def test_nfd_input_gives_nfc_text_and_attributes():
    source = 'Ủy ban **quyết định**: *chế độ* ![ảnh Đắk Lắk](x.jpg "Quý") [Huế](h.html)'
    root = parse_markdown(unicodedata.normalize("NFD", source))
    for value in all_strings(root):
        assert unicodedata.is_normalized("NFC", value), repr(value)
    assert "Ủy ban " in root.find("p").text
    assert root.find(".//img").get("alt") == "ảnh Đắk Lắk"


def test_entities_decoded_into_nfc():
    root = parse_markdown("AT&T &amp; &copy; &#7871; e&#769;")
    assert root.find("p").text == "AT&T & © ế é"


def test_raw_html_block_becomes_one_raw_element():
    root = parse_markdown("Trước\n\n<script>alert('x')</script>\n\n<div onclick=\"x()\">hi</div>\n")
    assert tags(root) == {"div", "p", "raw"}  # the root is a div; nothing else came alive
    assert [child.tag for child in root] == ["p", "p", "p"]
    assert root[1][0].tag == "raw" and root[1][0].text == "<script>alert('x')</script>"
    assert root[2][0].text == '<div onclick="x()">hi</div>'


def test_inline_raw_html_keeps_its_place_among_the_text():
    root = parse_markdown("chữ <b>đậm</b> và <img src=x onerror=alert(1)> &amp; hết")
    paragraph = root.find("p")
    assert paragraph.text == "chữ "
    assert [(c.tag, c.text, c.tail) for c in paragraph] == [
        ("raw", "<b>", "đậm"),
        ("raw", "</b>", " và "),
        ("raw", "<img src=x onerror=alert(1)>", " & hết"),
    ]
    assert plain_text(paragraph) == "chữ <b>đậm</b> và <img src=x onerror=alert(1)> & hết"


def test_no_markdown_placeholder_survives():
    source = (
        "<b>x</b> &amp; \\*y\\* <foo@bar.vn> <http://a.vn/?q=1&r=2>\n\n"
        "```\n<i>code</i>\n```\n\n<p>raw</p>\n"
    )
    for value in all_strings(parse_markdown(source)):
        assert "\x02" not in value and "\x03" not in value, repr(value)


def test_backslash_escapes_and_autolinks_are_resolved():
    root = parse_markdown(
        "\\*không nghiêng\\* <toa.soan@kontumtv.vn> <https://kontumtv.vn/?a=1&b=2>"
    )
    paragraph = root.find("p")
    assert paragraph.text.startswith("*không nghiêng* ")
    mail, web = paragraph.findall("a")
    assert (mail.get("href"), mail.text) == ("mailto:toa.soan@kontumtv.vn", "toa.soan@kontumtv.vn")
    assert (web.get("href"), web.text) == ("https://kontumtv.vn/?a=1&b=2",) * 2


def test_script_links_lose_their_target():
    root = parse_markdown("[bấm](javascript:alert(1)) [thư](mailto:a@b.vn) [trang](/muc/bai)")
    hrefs = [link.get("href") for link in root.iter("a")]
    assert hrefs == [None, "mailto:a@b.vn", "/muc/bai"]


def test_code_text_is_exact():
    source = "Gõ `a <b> &amp; c` nhé.\n\n    x < y && z\n    dòng hai\n"
    root = parse_markdown(source)
    assert root.find("p/code").text == "a <b> &amp; c"
    assert root.find("pre/code").text == "x < y && z\ndòng hai\n"


def test_fenced_code_becomes_pre_code_with_blank_lines_and_markup_kept():
    source = "Trước\n```python\ndef f():\n    return '<i>' & 1\n\n# cuối\n```\nSau\n"
    root = parse_markdown(source)
    assert [child.tag for child in root] == ["p", "pre", "p"]
    assert root.find("pre/code").text == "def f():\n    return '<i>' & 1\n\n# cuối\n"
    assert root[2].text == "Sau"


def test_tilde_fence_and_empty_fence():
    root = parse_markdown("~~~\nmột\n~~~\n\n```\n```\n")
    assert [code.text for code in root.iter("code")] == ["một\n", ""]


def test_nested_lists_and_loose_items():
    root = parse_markdown("- một\n    - một a\n- hai\n\n    đoạn thứ hai của mục hai\n")
    top = root.find("ul")
    assert top.find("li/ul/li").text == "một a"
    assert [p.text for p in top.findall("li")[1].findall("p")] == [
        "hai",
        "đoạn thứ hai của mục hai",
    ]


def test_empty_text_gives_an_empty_root():
    assert len(parse_markdown("")) == 0
    assert len(parse_markdown("   \n\n")) == 0


def test_parser_is_reusable_and_forgets_the_previous_article():
    parser = MarkdownParser()
    first = parser.parse("<b>một</b>\n\n```\nmã một\n```\n")
    second = parser.parse("hai <i>x</i>\n\n```\nmã hai\n```\n")
    assert plain_text(first.find("p")) == "<b>một</b>"
    assert first.find("pre/code").text == "mã một\n"
    assert plain_text(second.find("p")) == "hai <i>x</i>"
    assert second.find("pre/code").text == "mã hai\n"
    assert plain_text(parser.parse(EVERY_ELEMENT)) == plain_text(parse_markdown(EVERY_ELEMENT))


def test_build_document_normalizes_every_field():
    article = Article(title="x", body="Thân *bài*")
    nfd = unicodedata.normalize("NFD", "Kon Tum tổng kết  quy chế\ndân chủ")
    article.title = nfd
    article.byline = unicodedata.normalize("NFD", " Minh  Tuấn ")
    article.source = "kontumtv.vn"
    article.section = unicodedata.normalize("NFD", "Thời sự")
    article.lead = unicodedata.normalize("NFD", "Sáng nay,\nhội nghị")
    doc = build_document(article)
    assert isinstance(doc, ArticleDocument)
    assert doc.title == "Kon Tum tổng kết quy chế dân chủ"
    assert doc.byline == "Minh Tuấn"
    assert doc.section == "Thời sự"
    assert doc.lead == "Sáng nay,\nhội nghị"
    assert doc.source == "kontumtv.vn"
    assert doc.body.find("p/em").text == "bài"


@pytest.mark.parametrize("source", ["<", "&", "]]>", "\x00", "![](", "|a|\n|-|", "> > >"])
def test_odd_input_never_raises(source: str):
    parse_markdown(source)
