"""Markdown → one element tree, shared by the HTML preview and the PDF.

Both outputs are renderers of the tree returned here, so what the preview
shows and what prints cannot drift apart. The tree is the one Python-Markdown
builds internally, taken just before it would be serialized, with its private
placeholders resolved:

* raw HTML typed by the author becomes a ``raw`` element whose text is the
  HTML source, never live markup in the tree: each renderer decides what
  of it survives (the preview sanitizes it, the PDF prints its text);
* character references (``&amp;``, ``&#7871;``) become the characters;
* fenced code blocks become ``pre/code`` elements like indented ones;
* a paragraph holding only an image becomes a block-level ``img``;
* footnotes (``text[^1]`` and ``[^1]: the note``) are a ``sup`` holding a
  link to ``#fn:1`` where they are cited, and at the end a
  ``div class="footnotes"`` with a rule and the numbered notes (``li
  id="fn:1"``), without Python-Markdown's "back to the text" arrows;
* a quotation that opens with ``[!pull]`` (``> [!pull] Dân biết, dân bàn``)
  is a pull quote: ``blockquote class="pull"``, the marker removed;
* every text and attribute value is NFC.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement

import markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FN_BACKLINK_TEXT, NBSP_PLACEHOLDER, FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, HTML_PLACEHOLDER_RE, STX

from deskapp.limits import check_markdown, fenced_blocks
from deskapp.model import Article, Photo, PhotoLookup
from deskapp.text import nfc

BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre table thead tbody tr th td hr img div".split()
)

# HTML typed by the author: an element whose text is the HTML source.
RAW_TAG = "raw"

# Words both renderers print, kept here so the preview and the PDF agree.
PHOTO_LABEL = "Ảnh"
SOURCE_LABEL = "Nguồn"

_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_AMP_ENTITY = re.compile(re.escape(AMP_SUBSTITUTE) + r"(#?[0-9A-Za-z]+;)")
_ESCAPED_CHAR = re.compile(f"{STX}([0-9]+){ETX}")
_CODE_PLACEHOLDER = STX + "deskcode:%d" + ETX
_CODE_PLACEHOLDER_RE = re.compile(f"{STX}deskcode:([0-9]+){ETX}")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel"})
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


class _FencedCode(Preprocessor):
    """Lift fenced code out of the source before the raw-HTML stash sees it.

    Python-Markdown's own fenced-code extension stores the finished HTML in
    the raw-HTML stash, where it could not be told apart from HTML the author
    typed. Here the code goes into a stash of our own and comes back as a
    plain ``pre/code`` element.
    """

    def __init__(self, md: markdown.Markdown, codes: list[str]) -> None:
        super().__init__(md)
        self.codes = codes

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "```" not in text and "~~~" not in text:
            return lines
        # One pass over the lines (a regular expression needs the square of
        # the text's length when many fences never close).
        out: list[str] = []
        last = 0
        for start, end in fenced_blocks(lines):
            out.extend(lines[last:start])
            code = "".join(line + "\n" for line in lines[start + 1:end])
            self.codes.append(code)
            out.extend(["", "", _CODE_PLACEHOLDER % (len(self.codes) - 1), "", ""])
            last = end + 1
        out.extend(lines[last:])
        return out


class _CaptureTree(Treeprocessor):
    """Runs last: cleans the finished tree and keeps it.

    It hands Markdown an empty root in return, so the article is not also
    serialized to an HTML string nobody reads.
    """

    def __init__(self, md: markdown.Markdown, codes: list[str]) -> None:
        super().__init__(md)
        self.codes = codes
        self.root: Element | None = None

    def run(self, root: Element) -> Element:
        _tidy_footnotes(root)
        _mark_pull_quotes(root)
        _Resolver(self.md.htmlStash.rawHtmlBlocks, self.codes).clean(root)
        self.root = root
        return Element("div")


FOOTNOTES_CLASS = "footnotes"


def _tidy_footnotes(root: Element) -> None:
    """Python-Markdown's footnote block, without its back links, marked for the renderers."""
    for block in root.findall("div"):
        if block.get("class") != "footnote":
            continue
        block.set("class", FOOTNOTES_CLASS)
        for parent in block.iter():
            for child in list(parent):
                if child.tag == "a" and child.get("class") == "footnote-backref":
                    parent.remove(child)
            for element in (parent, *parent):
                for name in ("text", "tail"):
                    value = getattr(element, name)
                    if value and (NBSP_PLACEHOLDER in value or FN_BACKLINK_TEXT in value):
                        value = value.replace(NBSP_PLACEHOLDER, "").replace(FN_BACKLINK_TEXT, "")
                        setattr(element, name, value.rstrip() if name == "text" else value)


PULL_CLASS = "pull"
_PULL_MARKER = re.compile(r"^\s*\[!pull\]\s*", re.IGNORECASE)
# A character every inline pattern of ours needs (code, escapes, footnotes,
# links and images, autolinks and inline HTML, entities, emphasis), or the
# two spaces of a hard line break.
_INLINE_SYNTAX = re.compile(r"[`\\\[<&*_]|  \n")


class _QuickInline(InlineProcessor):
    """Python-Markdown's inline step, passing over text that no inline pattern can match.

    Most paragraphs of news copy are plain sentences; the stock step still
    tries each of its fifteen patterns on each of them (a sixth of a long
    export's time). The answer for such text is the text itself.
    """

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if patternIndex == 0 and _INLINE_SYNTAX.search(data) is None:
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]


def _mark_pull_quotes(root: Element) -> None:
    """``> [!pull] …`` becomes ``blockquote class="pull"`` without the marker."""
    for quote in root.iter("blockquote"):
        first = quote[0] if len(quote) else None
        if first is not None and first.tag == "p" and _PULL_MARKER.match(first.text or ""):
            first.text = _PULL_MARKER.sub("", first.text or "", count=1)
            quote.set("class", PULL_CLASS)


class _TreeExtension(Extension):
    """Registers the fenced-code preprocessor and the capturing tree step."""

    def __init__(self) -> None:
        super().__init__()
        self.codes: list[str] = []
        self.capture: _CaptureTree | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # After whitespace normalization (30) strips STX/ETX from the source,
        # so an author cannot forge a placeholder; before the HTML stash (20).
        md.preprocessors.register(_FencedCode(md, self.codes), "desk_fenced_code", 25)
        self.capture = _CaptureTree(md, self.codes)
        md.treeprocessors.register(self.capture, "desk_capture", -1000)
        md.treeprocessors.register(_QuickInline(md), "inline", 20)

    def reset(self) -> None:
        self.codes.clear()
        if self.capture is not None:
            self.capture.root = None


class _Resolver:
    """Replaces Markdown's internal placeholders with what they stand for."""

    def __init__(self, raw_html: list[object], codes: list[str]) -> None:
        self.raw_html = raw_html
        self.codes = codes

    def clean(self, root: Element) -> None:
        for code in root.iter("code"):
            code.text = _code_unescape(code.text)
        self._lift_raw_html(root)
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                block = self._block_replacement(child)
                if block is not None:
                    block.tail = child.tail
                    parent[index] = block
        for element in root.iter():
            element.text = self.text(element.text)
            element.tail = self.text(element.tail)
            for name, value in element.attrib.items():
                element.set(name, self.text(value) or "")
            _drop_unsafe_href(element)

    def _block_replacement(self, element: Element) -> Element | None:
        """A ``p`` that is only a code placeholder or only an image becomes that block."""
        if element.tag != "p":
            return None
        text = (element.text or "").strip()
        match = _CODE_PLACEHOLDER_RE.fullmatch(text)
        if match and len(element) == 0:
            pre = Element("pre")
            code = SubElement(pre, "code")
            code.text = self.codes[int(match.group(1))]
            return pre
        if not text and len(element) == 1 and element[0].tag == "img":
            image = element[0]
            if not (image.tail or "").strip():
                return Element("img", dict(image.attrib))
        return None

    def text(self, value: str | None) -> str | None:
        if not value:
            return value
        if STX in value:
            value = HTML_PLACEHOLDER_RE.sub(self._raw_html, value)
            value = _CODE_PLACEHOLDER_RE.sub(lambda m: self.codes[int(m.group(1))], value)
            value = _AMP_ENTITY.sub(lambda m: html.unescape("&" + m.group(1)), value)
            value = _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1))), value)
        return nfc(value)

    def _lift_raw_html(self, root: Element) -> None:
        """Turn raw-HTML placeholders in text and tails into ``raw`` elements.

        Markdown stashes each inline tag on its own (``<b>``, then ``</b>``)
        and a block of HTML whole; both keep their place among the text.
        """
        for parent in list(root.iter()):
            if parent.tag == RAW_TAG:
                continue
            head, nodes = self._split_raw(parent.text)
            parent.text = head
            for offset, node in enumerate(nodes):
                parent.insert(offset, node)
            for child in [c for c in parent if c.tag != RAW_TAG or c.tail]:
                head, nodes = self._split_raw(child.tail)
                if not nodes:
                    continue
                child.tail = head
                position = list(parent).index(child) + 1
                for offset, node in enumerate(nodes):
                    parent.insert(position + offset, node)

    def _split_raw(self, value: str | None) -> tuple[str | None, list[Element]]:
        """Text before the first raw piece, and ``raw`` elements carrying what follows."""
        if not value or STX not in value:
            return value, []
        head, nodes, last = "", [], 0
        for match in HTML_PLACEHOLDER_RE.finditer(value):
            between = value[last:match.start()]
            last = match.end()
            raw = str(self.raw_html[int(match.group(1))]).strip("\n")
            if _ENTITY.fullmatch(raw):  # "&amp;" and friends are text, not markup
                between += html.unescape(raw)
                raw = ""
            if nodes:
                nodes[-1].tail = (nodes[-1].tail or "") + between
            else:
                head += between
            if raw:
                node = Element(RAW_TAG)
                node.text = raw
                node.tail = ""
                nodes.append(node)
        if nodes:
            nodes[-1].tail = (nodes[-1].tail or "") + value[last:]
        else:
            head += value[last:]
        return head, nodes

    def _raw_html(self, match: re.Match[str]) -> str:
        raw = str(self.raw_html[int(match.group(1))]).strip("\n")
        if _ENTITY.fullmatch(raw):
            return html.unescape(raw)
        return raw


def _code_unescape(text: str | None) -> str | None:
    """Undo the escaping Markdown applies to code text for its own serializer."""
    if not text or "&" not in text:
        return text
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _drop_unsafe_href(element: Element) -> None:
    """Links may point to the web or to mail, never run script (``javascript:``)."""
    href = element.get("href")
    if href is None:
        return
    scheme = _SCHEME.match(href)
    if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
        del element.attrib["href"]


class MarkdownParser:
    """Turns Markdown into the element tree, reusing one Markdown instance.

    Building a ``markdown.Markdown`` costs about 2 ms, as much as parsing a
    2,000-word article, so a worker that renders again and again keeps one
    parser. An instance is not thread-safe: give each thread its own.
    """

    def __init__(self) -> None:
        self._extension = _TreeExtension()
        # Extension objects, not their names: a name sends Python-Markdown
        # through every installed package's entry points first (a fifth of
        # a one-page ``deskapp export``'s start-up).
        self._md = markdown.Markdown(
            extensions=[TableExtension(), SaneListExtension(),
                        FootnoteExtension(BACKLINK_TEXT=""), self._extension]
        )

    def parse(self, text: str) -> Element:
        """Return the root element; its children are the block elements.

        Raises :class:`~deskapp.limits.LimitExceeded` before any parsing when
        the text passes one of Deskapp's limits (see :mod:`deskapp.limits`).
        """
        text = text or ""
        check_markdown(text)
        self._md.reset()
        self._md.convert(nfc(text or ""))
        capture = self._extension.capture
        root = capture.root if capture is not None else None
        if root is None:
            return Element("div")
        capture.root = None
        root.tail = None
        return root


def parse_markdown(text: str, parser: MarkdownParser | None = None) -> Element:
    """Parse ``text`` into the shared element tree (text NFC, raw HTML literal)."""
    return (parser or MarkdownParser()).parse(text)


@dataclass
class ArticleDocument:
    """An article ready for a renderer: plain-text credits and a parsed body."""

    title: str
    lead: str
    byline: str
    source: str
    section: str
    body: Element


def build_document(article: Article, parser: MarkdownParser | None = None) -> ArticleDocument:
    """Parse the article's body once and normalize every field for the renderers."""
    return ArticleDocument(
        title=_clean_line(article.title),
        lead=nfc(article.lead or "").strip(),
        byline=_clean_line(article.byline),
        source=_clean_line(article.source),
        section=_clean_line(article.section),
        body=parse_markdown(article.body, parser),
    )


def _clean_line(text: str | None) -> str:
    """One-line fields: NFC, inner newlines and runs of spaces folded to one space."""
    return " ".join(nfc(text or "").split())


def photo_label(image: Element) -> str:
    """What stands in for a photo until photos are attached: "Ảnh: <alt text>"."""
    alt = nfc(image.get("alt") or "").strip()
    return f"{PHOTO_LABEL}: {alt}" if alt else PHOTO_LABEL


ASSET_SCHEME = "asset:"
_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")


def photo_ref(image: Element) -> str | None:
    """The stored photo an image refers to: ``asset:<name>`` or a bare ``<name>``.

    A URL (``https://…``, ``file:…``, ``//host/…``) or a path is never a
    stored photo: nothing is fetched, so those stay placeholders.
    """
    src = nfc(image.get("src") or "").strip()
    if src.startswith(ASSET_SCHEME):
        name = src[len(ASSET_SCHEME):].strip()
        return name or None
    if not src or _REMOTE.match(src) or "/" in src or "\\" in src:
        return None
    return src


def resolve_photo(assets: PhotoLookup | None, image: Element) -> Photo | None:
    """The photo ``image`` shows, from ``assets``; None when it is not stored.

    ``assets`` may return a :class:`Photo` or a plain ``(bytes, width,
    height)`` tuple; anything else (or an exception) counts as missing, so a
    broken lookup costs a placeholder, never the render.
    """
    name = photo_ref(image)
    if assets is None or name is None:
        return None
    try:
        found = assets(name)
    except Exception:
        return None
    if isinstance(found, Photo):
        return found
    if isinstance(found, tuple) and len(found) >= 3 and isinstance(found[0], bytes):
        return Photo(found[0], int(found[1]), int(found[2]))
    return None


def photo_caption(image: Element, photo: Photo | None) -> str:
    """The caption printed under a photo: the alt text, else the stored caption."""
    alt = " ".join(nfc(image.get("alt") or "").split())
    return alt or (" ".join(nfc(photo.caption).split()) if photo else "")


def photo_credit(image: Element, photo: Photo | None) -> str:
    """Who took the photo: the image's title (``"…"`` after the link), else the stored credit."""
    title = " ".join(nfc(image.get("title") or "").split())
    return title or (" ".join(nfc(photo.credit).split()) if photo else "")


def credit_line(credit: str) -> str:
    """The photo credit as printed: "Ảnh: Minh Hùng"."""
    return f"{PHOTO_LABEL}: {credit}"


def source_line(source: str) -> str:
    """The source credit as printed: "Nguồn: kontumtv.vn"."""
    return f"{SOURCE_LABEL}: {source}"


def plain_text(element: Element) -> str:
    """All the text under ``element``, in document order (for outlines and checks)."""
    return "".join(element.itertext())
