"""The preview renderer: the element tree as HTML for QTextBrowser."""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser

import pytest

from deskapp.model import Article
from deskapp.render.html import NO_TITLE, article_html, body_html
from deskapp.render.tree import build_document, parse_markdown

BODY = """\
## Bối cảnh

Đoạn có **chữ đậm**, *chữ nghiêng*, `mã <x>`, [liên kết](https://kontumtv.vn/?a=1&b=2 'tựa "x" <y>')
và ngắt dòng\x20\x20
ở đây, cùng ảnh nhỏ ![ảnh nhỏ](https://example.com/nho.jpg) trong dòng.

### Chi tiết

- một
- hai

3. ba
4. bốn

> Trích dẫn *nghiêng*.

    khối <mã> & thụt lề

| Cột A | Cột B |
|:------|------:|
| ô 1   | ô 2   |

---

![Ảnh lớn](https://example.com/lon.jpg)

#### Bốn

##### Năm

###### Sáu
"""


class _Tags(HTMLParser):
    """Collects the start tags and their attributes, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def article(**fields: object) -> Article:
    values: dict[str, object] = {
        "title": "Kon Tum tổng kết thực hiện quy chế dân chủ ở cơ sở",
        "lead": "Sáng 9/1, Ban chỉ đạo tổ chức hội nghị.",
        "body": BODY,
        "byline": "Minh Tuấn",
        "source": "kontumtv.vn",
        "section": "Thời sự",
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def test_a_complete_document_with_every_part():
    html = article_html(article())
    assert html.startswith("<!DOCTYPE html>")
    tags = parsed(html).tags
    names = [name for name, _ in tags]
    assert names[:4] == ["html", "head", "meta", "title"]
    assert ("h1", {"class": "headline"}) in tags
    assert ("p", {"class": "lead"}) in tags
    assert ("p", {"class": "byline"}) in tags
    assert "Kon Tum tổng kết thực hiện quy chế dân chủ ở cơ sở</h1>" in html
    assert '<p class="lead">Sáng 9/1, Ban chỉ đạo tổ chức hội nghị.</p>' in html
    assert '<p class="source">Nguồn: kontumtv.vn</p>' in html
    assert '<p class="section">THỜI SỰ</p>' in html
    # The lead is bold and text has room for stacked marks.
    assert "p.lead { font-weight: bold; }" in html
    assert "p { line-height: 125%;" in html


def test_every_element_type_is_rendered():
    names = {name for name, _ in parsed(article_html(article())).tags}
    expected = {"h2", "h3", "h4", "h5", "h6", "p", "strong", "em", "code", "a", "br", "ul", "ol"}
    expected |= {"li", "blockquote", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr"}
    assert expected <= names


def test_images_are_labelled_boxes_and_nothing_is_fetched():
    html = article_html(article())
    tags = parsed(html).tags
    assert not [name for name, _ in tags if name == "img"]
    assert "example.com" not in html
    assert '<span class="photo">[Ảnh: ảnh nhỏ]</span>' in html
    assert '<td class="photo" align="center">Ảnh: Ảnh lớn</td>' in html


def test_links_cells_and_lists_keep_their_attributes_escaped():
    tags = parsed(article_html(article())).tags
    link = {"href": "https://kontumtv.vn/?a=1&b=2", "title": 'tựa "x" <y>'}
    assert ("a", link) in tags
    assert ("ol", {"start": "3"}) in tags
    assert ("th", {"align": "left"}) in tags
    assert ("td", {"align": "right"}) in tags


def test_code_and_attributes_are_escaped_text():
    html = body_html(parse_markdown(BODY))
    assert 'href="https://kontumtv.vn/?a=1&amp;b=2"' in html
    assert 'title="tựa &quot;x&quot; &lt;y&gt;"' in html
    assert "<code>mã &lt;x&gt;</code>" in html
    assert "<pre><code>khối &lt;mã&gt; &amp; thụt lề</code></pre>" in html


def test_script_never_becomes_a_live_tag():
    hostile = "<script>alert(1)</script>"
    html = article_html(
        article(
            title=hostile,
            lead=hostile,
            byline=hostile,
            source=hostile,
            section=hostile,
            body=f"{hostile}\n\nChữ {hostile} <SCRIPT src=x></SCRIPT> [a](javascript:alert(1))\n",
        )
    )
    result = parsed(html)
    assert "script" not in {name for name, _ in result.tags}
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert all(attrs.get("href") is None for name, attrs in result.tags if name == "a")
    assert "javascript" not in html


def test_event_handlers_in_raw_html_never_survive():
    html = body_html(parse_markdown('<img src="x" onerror="alert(1)">\n\n<b onclick="x()">b</b>'))
    tags = parsed(html).tags
    assert all("onerror" not in attrs and "onclick" not in attrs for _, attrs in tags)
    assert "<img" not in html and "alert" not in html
    assert "<b>b</b>" in html


def test_raw_html_keeps_only_the_small_allow_list():
    source = (
        'Chữ <b>đậm</b> <i>nghiêng</i> <u>gạch</u> H<sub>2</sub>O m<sup>2</sup> <span>x</span> '
        '<font color="red">đỏ</font> <span style="color:red" class="c">s</span><br>'
        '<a href="https://kontumtv.vn/" onclick="x()" target="_blank">web</a> '
        '<a href="mailto:a@b.vn">thư</a> <a href="javascript:alert(1)">xấu</a> '
        '<a href="data:text/html,x">dữ liệu</a>'
    )
    html = body_html(parse_markdown(source))
    assert "<b>đậm</b> <i>nghiêng</i> <u>gạch</u> H<sub>2</sub>O m<sup>2</sup>" in html
    assert "<span>x</span> đỏ <span>s</span><br>" in html
    assert '<a href="https://kontumtv.vn/">web</a> <a href="mailto:a@b.vn">thư</a>' in html
    assert "<a>xấu</a> <a>dữ liệu</a>" in html
    assert all(
        set(attrs) <= {"href"} and attrs.get("href", "https:").startswith(("https:", "mailto:"))
        for name, attrs in parsed(html).tags
    )


def test_raw_script_style_and_iframes_vanish_with_their_content():
    source = (
        "<script>alert(1)</script>\n\n<style>p{}</style>\n\n"
        "Chữ <script>alert(2)</script> <iframe src=https://x.vn></iframe> "
        '<svg onload="alert(3)"><a href="javascript:1">v</a></svg> <!-- ghi chú --> còn'
    )
    html = body_html(parse_markdown(source))
    assert "<script" not in html.lower() and "alert" not in html
    assert "iframe" not in html and "svg" not in html and "ghi chú" not in html
    assert "p{}" not in html and "javascript" not in html
    assert "Chữ" in html and "còn" in html


def test_raw_html_next_to_markdown_keeps_both():
    html = body_html(parse_markdown("**<i>đậm nghiêng</i>** và `<b>mã</b>` ![ảnh](https://x.vn/a.jpg)"))
    assert "<strong><i>đậm nghiêng</i></strong>" in html
    assert "<code>&lt;b&gt;mã&lt;/b&gt;</code>" in html
    assert '<span class="photo">[Ảnh: ảnh]</span>' in html and "x.vn" not in html


def test_raw_html_with_decomposed_marks_renders_nfc():
    source = "<b>Quye&#770;&#769;t</b> ch" + unicodedata.normalize("NFD", "ế")
    html = body_html(parse_markdown(source))
    assert unicodedata.is_normalized("NFC", html)
    assert "<b>Quyết</b> chế" in html


def test_empty_headline_shows_a_muted_placeholder():
    html = article_html(article(title="   "))
    assert ("h1", {"class": "headline untitled"}) in parsed(html).tags
    assert f">{NO_TITLE}</h1>" in html
    assert "h1.untitled { color: #8a8a8a" in html


def test_nfd_article_renders_nfc():
    nfd = Article(title="x")
    nfd.title = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh")
    nfd.body = unicodedata.normalize("NFD", "Chế độ **quyết định** ![Đắk Lắk](x)")
    html = article_html(nfd)
    assert unicodedata.is_normalized("NFC", html)
    assert "Ủy ban nhân dân tỉnh" in html
    assert "Chế độ <strong>quyết định</strong>" in html


def test_document_and_article_give_the_same_html():
    item = article()
    assert article_html(item) == article_html(build_document(item))


def test_empty_article_is_still_a_document():
    html = article_html(Article())
    tags = parsed(html).tags
    assert [name for name, _ in tags].count("h1") == 1
    assert "byline" not in html.split("</style>")[1]


def test_a_render_past_its_budget_stops_with_a_sentence():
    from deskapp.limits import LimitExceeded
    from deskapp.messages import words

    article = Article(title="Dài", body="\n\n".join(f"Đoạn {n}." for n in range(50)))
    assert "Đoạn 49." in article_html(article, budget_s=30.0)
    with pytest.raises(LimitExceeded) as refused:
        article_html(article, budget_s=0.0)
    assert refused.value.code == "limit_render_time"
    sentence = words(refused.value, "en")
    assert sentence.startswith("The preview stopped after 0") and "nothing was lost" in sentence
    assert "Bản xem trước dừng lại" in words(refused.value, "vi")
