"""Property tests: random input never crashes the parsers, renderers and importers.

Bounded for the everyday run (50 examples per property); a longer run by
hand sets ``DESKAPP_FUZZ_EXAMPLES`` (see ``bench/NOTES.md``).
"""

from __future__ import annotations

import os
import unicodedata
from html.parser import HTMLParser

import pypdfium2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskapp.errors import ImportRejected
from deskapp.exchange import clean_web_copy, decode_text
from deskapp.model import Article
from deskapp.pdf import render_pdf
from deskapp.render.html import article_html
from deskapp.render.tree import parse_markdown, plain_text
from deskapp.text import type_keys
from deskapp.text.legacy import detect

EXAMPLES = int(os.environ.get("DESKAPP_FUZZ_EXAMPLES", "50"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợ"
    "pqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
LETTERS = VIETNAMESE + VIETNAMESE.upper() + "fjwzFJWZ0123456789"
MARKUP = "*_`#>-+=|[](){}!<>/\\&;:\"'.,?~^%$@ \t\n"
# Tone and vowel marks as an NFD text carries them, and the HTML that authors paste.
MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
FRAGMENTS = (
    "**", "__", "`", "```\n", "\n\n", "> ", "- ", "1. ", "# ", "| a | b |\n|---|---|\n",
    "[x](http://a.vn)", "[x](javascript:alert(1))", "![ảnh](x.jpg)", "<b>", "</b>",
    "<script>", "</script>", "<a href='javascript:x'>", "<img src=x onerror=y>",
    "<div onclick='x()'>", "&amp;", "&#769;", "&lt;", "<!--", "-->", "  \n",
)

vietnamese_text = st.text(alphabet=LETTERS + MARKUP + MARKS, max_size=300)
markdown_text = st.lists(
    st.one_of(vietnamese_text, st.sampled_from(FRAGMENTS)), max_size=12
).map("".join)
nfd_markdown = markdown_text.map(lambda text: unicodedata.normalize("NFD", text))


@FUZZ
@given(st.one_of(markdown_text, nfd_markdown), vietnamese_text)
def test_preview_html_is_nfc_and_never_scripted(body: str, title: str) -> None:
    html = article_html(Article(title=title, body=body))
    assert unicodedata.is_normalized("NFC", html)
    assert "<script" not in html.lower()
    tags = _Tags()
    tags.feed(html)
    for name, attrs in tags.found:
        assert name not in {"script", "img", "iframe", "object", "embed", "style"} or (
            name == "style" and not attrs
        )
        assert not any(key.startswith("on") for key, _ in attrs)
        for key, value in attrs:
            if key in ("href", "src"):
                assert value.lower().startswith(("http:", "https:", "mailto:", "ftp:", "tel:")) \
                    or ":" not in value.split("/")[0]
    text = plain_text(parse_markdown(body))
    assert "\x02" not in text and "\x03" not in text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, [(k, v or "") for k, v in attrs]))


@FUZZ
@given(st.one_of(markdown_text, nfd_markdown), st.text(alphabet=LETTERS + " ", max_size=40))
def test_pdf_renders_and_opens(body: str, title: str) -> None:
    data = render_pdf(Article(title=title or "Tít", body=body))
    pdf = pypdfium2.PdfDocument(data)
    try:
        assert len(pdf) >= 1
    finally:
        pdf.close()


@FUZZ
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "b.md", "c"]))
def test_decode_text_only_refuses_with_a_reason(data: bytes, name: str) -> None:
    try:
        text = decode_text(data, name)
    except ImportRejected:
        return
    assert unicodedata.is_normalized("NFC", text)


@FUZZ
@given(st.one_of(markdown_text, st.text(max_size=400)))
def test_web_copy_cleanup_never_crashes(text: str) -> None:
    try:
        clean_web_copy(text)
    except ImportRejected:
        pass


@FUZZ
@given(st.one_of(st.binary(max_size=400), st.text(max_size=200).map(str.encode)))
def test_legacy_detector_never_crashes(data: bytes) -> None:
    found = detect(data)
    assert 0 <= found.confidence <= 1
    if found.confident:
        assert found.text is not None and unicodedata.is_normalized("NFC", found.text)


@FUZZ
@given(
    st.text(alphabet="aeiouydwsfrxjzqAEIOUYDW0123456789 \b.,\n" + "bcghklmnpt", max_size=80),
    st.sampled_from(["telex", "vni"]),
    st.sampled_from(["old", "new"]),
)
def test_typing_engine_gives_nfc(keys: str, method: str, style: str) -> None:
    assert unicodedata.is_normalized("NFC", type_keys(keys, method, style))
