"""Renderer #1 of the element tree: HTML for the preview (Qt's QTextBrowser).

QTextBrowser understands a subset of HTML 4 and CSS 2: type and class
selectors, ``line-height`` in percent, table attributes, no flexbox and no
borders on inline elements. Everything here stays inside that subset.

Nothing is ever loaded from outside: a photo stored with the article is
embedded as a scaled ``data:`` URI (the caller passes an ``assets`` lookup,
so this module never reads the library), any other image is drawn as a
labelled box, and every piece of text and every attribute is escaped.
HTML the author typed (``raw`` elements of the tree) is untrusted: it goes
through ``nh3``, a maintained sanitizer, with a small allow-list of inline
tags (:data:`RAW_TAGS`); scripts, event handlers, styles and any URL other
than http, https or mailto never survive.
"""

from __future__ import annotations

import base64
import hashlib
import re
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass
from html import escape
from io import BytesIO
from xml.etree.ElementTree import Element

import nh3

from deskapp.limits import open_image
from deskapp.model import Article, Photo, PhotoLookup
from deskapp.render.tree import (
    PULL_CLASS,
    RAW_TAG,
    ArticleDocument,
    MarkdownParser,
    build_document,
    credit_line,
    photo_caption,
    photo_credit,
    photo_label,
    resolve_photo,
    source_line,
)
from deskapp.text import nfc

NO_TITLE = "(Chưa có tít)"

# Qt scales the font's own line spacing (about 1.36 em for Noto): 125% gives
# about 1.7 em, room for capitals with two marks (Ấ, Ề) under the descenders
# of the line above.
_BODY_RULE = "body { font-family: 'Noto Serif', serif; font-size: 11pt; color: #1a1a1a; }"
STYLE_SHEET = "\n" + _BODY_RULE + """
p { line-height: 125%; margin-top: 0; margin-bottom: 8px; }
li { line-height: 125%; }
td, th { line-height: 115%; }
blockquote { color: #333333; font-style: italic; margin-left: 24px; margin-right: 12px; }
blockquote.pull { font-size: 130%; font-weight: bold; text-align: center; margin-left: 36px;
                  margin-right: 36px; }
h1, h2, h3, h4, h5, h6 { font-family: 'Noto Sans', sans-serif; line-height: 115%;
  margin-top: 14px; margin-bottom: 6px; }
h1 { font-size: 17pt; } h2 { font-size: 15pt; } h3 { font-size: 13pt; }
h4, h5, h6 { font-size: 11pt; }
h1.headline { font-size: 22pt; margin-top: 0; margin-bottom: 10px; }
h1.untitled { color: #8a8a8a; font-style: italic; font-weight: normal; }
p.section { font-family: 'Noto Sans', sans-serif; font-size: 9pt; color: #a0322a;
  font-weight: bold; margin-bottom: 4px; }
p.lead { font-weight: bold; }
p.byline { text-align: right; font-weight: bold; margin-bottom: 0; }
p.source { text-align: right; font-style: italic; color: #555555; }
pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 9.5pt;
  background-color: #f3f3f3; white-space: pre-wrap; }
code { font-family: 'DejaVu Sans Mono', monospace; }
a { color: #1d4f91; }
th { background-color: #e8e8e8; }
span.photo { color: #555555; background-color: #ececec; }
td.photo { color: #555555; background-color: #f0f0f0; }
p.caption { font-style: italic; color: #444444; text-align: center; margin-bottom: 2px; }
p.credit { font-size: 9pt; color: #555555; text-align: right; }
"""

# The preview is about 600 px wide: a larger copy only costs memory in Qt.
PREVIEW_PHOTO_WIDTH = 640
# The widest a photo is shown; a print preset's column narrows it (see PreviewLook).
_PHOTO_WIDTH: ContextVar[int] = ContextVar("preview_photo_width", default=PREVIEW_PHOTO_WIDTH)
# The lookup of the render in progress; a context variable keeps renders on
# different worker threads apart without passing it through every handler.
_PHOTOS: ContextVar[PhotoLookup | None] = ContextVar("photos", default=None)
# (when the render must stop, its budget in seconds) for a render that has one
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("deadline", default=None)

# What the author's own HTML may keep in the preview; everything else is stripped.
RAW_TAGS = frozenset({"b", "i", "em", "strong", "u", "sub", "sup", "br", "a", "span"})
RAW_ATTRIBUTES = {"a": {"href"}}
RAW_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Stand-ins for rendered children while their raw siblings are sanitized together.
# Markdown strips STX/ETX from the source, so no author text can forge one.
_SLOT = "\x02%d\x03"
_SLOT_RE = re.compile("\x02([0-9]+)\x03")
_TAG_RE = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")

_SIMPLE_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 ul li code thead tbody tr strong em sup".split())
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")


# QTextDocument's ``line-height`` percentage scales the font's own line spacing,
# which is about 1.36 em for the Noto faces.
_FONT_LINE_SPACING = 1.36


@dataclass(frozen=True)
class PreviewLook:
    """How a print preset sets the article, for the preview (sizes in points).

    Families are the names the screen knows the bundled faces by ("Noto
    Serif"). ``column_gap_px`` narrows the body to the preset's column while
    the headline, lead and credits keep the full measure, as on the page.
    A credit placed on top goes under the headline, before the lead.
    """

    body_family: str = "Noto Serif"
    body_size: float = 11.0
    body_leading: float = 20.4
    justify: bool = False
    headline_family: str = "Noto Sans"
    headline_size: float = 22.0
    headline_leading: float = 30.0
    headline_bold: bool = True
    lead_family: str = "Noto Serif"
    lead_size: float = 11.0
    lead_leading: float = 20.4
    lead_bold: bool = True
    lead_italic: bool = False
    section_family: str = "Noto Sans"
    section_size: float = 9.0
    headings_family: str = "Noto Sans"
    headings_scale: float = 1.0
    column_gap_px: int = 0
    photo_width_px: int = 0  # photos at the column's width (0: the preview's own limit)
    byline_top: bool = False
    byline_align: str = "right"
    source_top: bool = False
    source_align: str = "right"

    def css(self) -> str:
        """Rules added after :data:`STYLE_SHEET` (no colours: the dark theme recolours those)."""

        def height(size: float, leading: float) -> str:
            # Never tighter than the font's own spacing: two-mark capitals need it.
            return f"{max(100, round(leading / (size * _FONT_LINE_SPACING) * 100))}%"

        def family(name: str) -> str:
            return "'" + name.replace("'", "") + "'"

        scale = self.headings_scale * self.body_size / 11.0
        align = "justify" if self.justify else "left"
        lead_weight = "bold" if self.lead_bold else "normal"
        lead_style = "italic" if self.lead_italic else "normal"
        return f"""
body {{ font-family: {family(self.body_family)}; font-size: {self.body_size:g}pt;
  color: #1a1a1a; }}
p, li {{ line-height: {height(self.body_size, self.body_leading)}; }}
div.body p {{ text-align: {align}; }}
div.body {{ margin-right: {max(0, self.column_gap_px)}px; }}
h1, h2, h3, h4, h5, h6 {{ font-family: {family(self.headings_family)}; }}
h1 {{ font-size: {17 * scale:.1f}pt; }} h2 {{ font-size: {15 * scale:.1f}pt; }}
h3 {{ font-size: {13 * scale:.1f}pt; }}
h1.headline {{ font-family: {family(self.headline_family)}; font-size: {self.headline_size:g}pt;
  line-height: {height(self.headline_size, self.headline_leading)};
  font-weight: {"bold" if self.headline_bold else "normal"}; }}
p.lead {{ font-family: {family(self.lead_family)}; font-size: {self.lead_size:g}pt;
  line-height: {height(self.lead_size, self.lead_leading)};
  font-weight: {lead_weight}; font-style: {lead_style}; text-align: {align}; }}
p.section {{ font-family: {family(self.section_family)}; font-size: {self.section_size:g}pt; }}
p.byline {{ text-align: {self.byline_align}; }}
p.source {{ text-align: {self.source_align}; }}
"""


def article_html(
    doc_or_article: ArticleDocument | Article,
    parser: MarkdownParser | None = None,
    assets: PhotoLookup | None = None,
    look: PreviewLook | None = None,
    budget_s: float | None = None,
) -> str:
    """A complete HTML document for the preview: headline, lead, body, credits.

    With ``budget_s`` a render that runs longer stops between two blocks with
    ``LimitExceeded("limit_render_time")`` (the parse before it is linear
    within :mod:`deskapp.limits`): a preview worker never runs on unbounded.

    A preview that renders again and again passes its own ``parser`` so the
    Markdown machinery is built once (one parser per thread). ``assets``
    finds the article's stored photos by name (see
    :func:`deskapp.store.assets.photo_lookup`); without it every image is a
    placeholder. ``look`` sets it as a print preset would (see
    :func:`deskapp.pdf.screen.preview_look`); without it the preview has its
    own reading style.
    """
    token = _DEADLINE.set(None if budget_s is None
                          else (time.monotonic() + budget_s, budget_s))
    try:
        return _article_html(_as_document(doc_or_article, parser), assets, look)
    finally:
        _DEADLINE.reset(token)


def _article_html(doc: ArticleDocument, assets: PhotoLookup | None,
                  look: PreviewLook | None) -> str:
    # Qt keeps the first rule for ``body``, so a preset's replaces the default one.
    style = STYLE_SHEET if look is None else STYLE_SHEET.replace(_BODY_RULE, "") + look.css()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        f"<title>{_text(doc.title)}</title>",
        f"<style>{style}</style></head><body>",
    ]
    byline = f'<p class="byline">{_text(doc.byline)}</p>' if doc.byline else ""
    source = f'<p class="source">{_text(source_line(doc.source))}</p>' if doc.source else ""
    byline_top = look is not None and look.byline_top
    source_top = look is not None and look.source_top
    if doc.section:
        parts.append(f'<p class="section">{_text(doc.section.upper())}</p>')
    if doc.title:
        parts.append(f'<h1 class="headline">{_text(doc.title)}</h1>')
    else:
        parts.append(f'<h1 class="headline untitled">{_text(NO_TITLE)}</h1>')
    parts.extend(part for part, top in ((byline, byline_top), (source, source_top)) if top and part)
    if doc.lead:
        parts.append(f'<p class="lead">{_lines(doc.lead)}</p>')
    if look is not None:
        token = _PHOTO_WIDTH.set(look.photo_width_px or PREVIEW_PHOTO_WIDTH)
        try:
            parts.append(f'<div class="body">{body_html(doc.body, assets)}</div>')
        finally:
            _PHOTO_WIDTH.reset(token)
    else:
        parts.append(body_html(doc.body, assets))
    parts.extend(part for part, top in ((byline, byline_top), (source, source_top))
                 if not top and part)
    parts.append("</body></html>")
    return "\n".join(parts)


def body_html(element: Element, assets: PhotoLookup | None = None) -> str:
    """The HTML of the blocks under ``element`` (the body tree's root)."""
    token = _PHOTOS.set(assets)
    try:
        return _blocks(element)
    finally:
        _PHOTOS.reset(token)


def _as_document(
    doc_or_article: ArticleDocument | Article, parser: MarkdownParser | None
) -> ArticleDocument:
    if isinstance(doc_or_article, ArticleDocument):
        return doc_or_article
    return build_document(doc_or_article, parser)


def _text(text: str | None) -> str:
    return escape(nfc(text or ""), quote=False)


def _attr(value: str) -> str:
    return escape(nfc(value), quote=True)


def _lines(text: str) -> str:
    """Plain text whose line breaks should survive (the lead)."""
    return "<br>".join(_text(line) for line in text.splitlines())


def _blocks(element: Element) -> str:
    """Children of a container of blocks (the root, a quote): an image here stands alone."""
    parts = []
    deadline = _DEADLINE.get()
    for child in element:
        if deadline is not None and time.monotonic() > deadline[0]:
            from deskapp.limits import LimitExceeded

            raise LimitExceeded("limit_render_time", found=deadline[1], maximum=deadline[1],
                                where="body")
        parts.append(_block_image(child) if child.tag == "img" else _element(child))
        parts.append(_text(child.tail))
    return "".join(parts)


def _children(element: Element) -> str:
    if any(child.tag == RAW_TAG for child in element):
        return _children_with_raw(element)
    parts = [_text(element.text)]
    for child in element:
        parts.append(_element(child))
        parts.append(_text(child.tail))
    return "".join(parts)


def _children_with_raw(element: Element) -> str:
    """Sanitize the author's tags together with the text between them.

    Markdown keeps ``<b>`` and ``</b>`` as two pieces; only sanitized as one
    fragment do they make bold text (and does a ``<script>`` lose its
    content). Other children are rendered as usual and put back into slots.
    """
    rendered: list[str] = []
    parts = [_text(element.text)]
    for child in element:
        if child.tag == RAW_TAG:
            parts.append(child.text or "")
        else:
            parts.append(_SLOT % len(rendered))
            rendered.append(_element(child))
        parts.append(_text(child.tail))
    clean = sanitize_html("".join(parts))
    return _SLOT_RE.sub(lambda match: rendered[int(match.group(1))], clean)


def sanitize_html(fragment: str) -> str:
    """The author's HTML reduced to :data:`RAW_TAGS`, its text NFC.

    Character references decoded by the sanitizer may leave combining marks
    apart from their letters (``e&#769;``), so the text between tags is
    normalized again; the tags themselves are left exactly as written.
    """
    clean = nh3.clean(
        fragment,
        tags=set(RAW_TAGS),
        attributes={tag: set(names) for tag, names in RAW_ATTRIBUTES.items()},
        url_schemes=set(RAW_URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    pieces = _TAG_RE.split(clean)
    return "".join(piece if index % 2 else nfc(piece) for index, piece in enumerate(pieces))


def _element(element: Element) -> str:
    handler = _HANDLERS.get(element.tag)
    if handler is not None:
        return handler(element)
    if element.tag in _SIMPLE_TAGS:
        return f"<{element.tag}>{_children(element)}</{element.tag}>"
    return _children(element)


def _link(element: Element) -> str:
    href = element.get("href")
    if not href:
        return _children(element)
    title = element.get("title")
    title_attr = f' title="{_attr(title)}"' if title else ""
    return f'<a href="{_attr(href)}"{title_attr}>{_children(element)}</a>'


def _ordered_list(element: Element) -> str:
    start = element.get("start", "")
    start_attr = f' start="{int(start)}"' if start.isdigit() else ""
    return f"<ol{start_attr}>{_children(element)}</ol>"


def _table(element: Element) -> str:
    return (
        '<table border="1" cellspacing="0" cellpadding="5" width="100%">'
        f"{_children(element)}</table>"
    )


def _cell(element: Element) -> str:
    match = _ALIGN.search(element.get("style", ""))
    align = f' align="{match.group(1)}"' if match else ""
    return f"<{element.tag}{align}>{_children(element)}</{element.tag}>"


def _image(element: Element) -> str:
    """An image inside a line of text: a shaded label, never a fetched picture."""
    return f'<span class="photo">[{_text(photo_label(element))}]</span>'


def _block_image(element: Element) -> str:
    """An image on its own: the stored photo with caption and credit, else a labelled box."""
    photo = resolve_photo(_PHOTOS.get(), element)
    uri = preview_data_uri(photo) if photo is not None else None
    if photo is not None and uri is not None:
        return _photo_figure(element, photo, uri)
    return (
        '<table border="1" cellspacing="0" cellpadding="24" width="100%">'
        f'<tr><td class="photo" align="center">{_text(photo_label(element))}</td></tr>'
        "</table>"
    )


def _photo_figure(element: Element, photo: Photo, uri: str) -> str:
    width = min(photo.width, _PHOTO_WIDTH.get())
    parts = [f'<p align="center"><img src="{uri}" width="{width}" '
             f'alt="{_attr(photo_caption(element, photo))}"></p>']
    caption = photo_caption(element, photo)
    credit = photo_credit(element, photo)
    if caption:
        parts.append(f'<p class="caption">{_text(caption)}</p>')
    if credit:
        parts.append(f'<p class="credit">{_text(credit_line(credit))}</p>')
    return "".join(parts)


def preview_data_uri(photo: Photo) -> str | None:
    """The photo scaled to the preview's width as a ``data:`` URI; None if unreadable.

    Scaling runs again only for new bytes: the stored hash (or, without
    one, the bytes themselves) keys a small cache, so typing in an article
    with photos does not decode them on every keystroke.
    """
    if not photo.data:
        return None
    key = photo.key or hashlib.sha256(photo.data).hexdigest()
    with _URI_LOCK:
        if key in _URI_CACHE:
            _URI_CACHE.move_to_end(key)
            return _URI_CACHE[key]
    uri = _scaled_uri(photo.data)
    with _URI_LOCK:
        _URI_CACHE[key] = uri
        while len(_URI_CACHE) > _URI_CACHE_SIZE:
            _URI_CACHE.popitem(last=False)
    return uri


_URI_CACHE: OrderedDict[str, str | None] = OrderedDict()
_URI_CACHE_SIZE = 32
_URI_LOCK = threading.Lock()


def _scaled_uri(data: bytes) -> str | None:
    try:
        with open_image(data) as image:  # the header only; too many pixels: a placeholder
            image.thumbnail((PREVIEW_PHOTO_WIDTH, PREVIEW_PHOTO_WIDTH * 4))
            keep_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
            image = image.convert("RGBA" if keep_alpha else "RGB")
            out = BytesIO()
            if keep_alpha:
                image.save(out, "PNG", optimize=False)
                mime = "image/png"
            else:
                image.save(out, "JPEG", quality=85)
                mime = "image/jpeg"
    except Exception:
        return None
    return f"data:{mime};base64,{base64.b64encode(out.getvalue()).decode('ascii')}"


def _code_block(element: Element) -> str:
    """Code as typed; the final newline would show as an empty shaded line."""
    code = "".join(element.itertext()).rstrip("\n")
    return f"<pre><code>{_text(code)}</code></pre>"


def _blockquote(element: Element) -> str:
    if element.get("class") == PULL_CLASS:
        return f'<blockquote class="pull">{_blocks(element)}</blockquote>'
    return f"<blockquote>{_blocks(element)}</blockquote>"


_HANDLERS = {
    "a": _link,
    "img": _image,
    "blockquote": _blockquote,
    "pre": _code_block,
    "ol": _ordered_list,
    "table": _table,
    "th": _cell,
    "td": _cell,
    RAW_TAG: lambda element: sanitize_html(element.text or ""),
    "br": lambda element: "<br>",
    "hr": lambda element: "<hr>",
}
