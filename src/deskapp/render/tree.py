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

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element, SubElement

from deskapp.limits import check_markdown
from deskapp.model import Article, Photo, PhotoLookup
from deskapp.text import nfc

if TYPE_CHECKING:
    import markdown

    from deskapp.render.markdown_steps import _TreeExtension

BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre table thead tbody tr th td hr img div".split()
)

# HTML typed by the author: an element whose text is the HTML source.
RAW_TAG = "raw"

# Words both renderers print, kept here so the preview and the PDF agree.
PHOTO_LABEL = "Ảnh"
SOURCE_LABEL = "Nguồn"

FOOTNOTES_CLASS = "footnotes"
PULL_CLASS = "pull"


class MarkdownParser:
    """Turns Markdown into the element tree, reusing one Markdown instance.

    Building a ``markdown.Markdown`` costs about 2 ms, as much as parsing a
    2,000-word article, so a worker that renders again and again keeps one
    parser. An instance is not thread-safe: give each thread its own.

    A body of plain paragraphs and ``#`` headings, as most news copy is, is
    read without Python-Markdown (:func:`plain_tree`), into the same tree;
    ``plain_shortcut=False`` sends every text through Python-Markdown.
    """

    def __init__(self, plain_shortcut: bool = True) -> None:
        self._plain_shortcut = plain_shortcut
        self._markdown: markdown.Markdown | None = None
        self._extension: _TreeExtension | None = None

    @property
    def _md(self) -> markdown.Markdown:
        """The Markdown instance, built (and Python-Markdown imported) on first need."""
        if self._markdown is None:
            from deskapp.render.markdown_steps import new_markdown

            self._markdown, self._extension = new_markdown()
        return self._markdown

    def parse(self, text: str) -> Element:
        """Return the root element; its children are the block elements.

        Raises :class:`~deskapp.limits.LimitExceeded` before any parsing when
        the text passes one of Deskapp's limits (see :mod:`deskapp.limits`).
        """
        text = text or ""
        check_markdown(text)
        text = nfc(text)
        if self._plain_shortcut:
            root = plain_tree(text)
            if root is not None:
                return root
        md = self._md
        assert self._extension is not None
        md.reset()
        md.convert(text)
        capture = self._extension.capture
        root = capture.root if capture is not None else None
        if root is None:
            return Element("div")
        capture.root = None
        root.tail = None
        return root


# Characters that may start Markdown syntax anywhere in a line (code, escapes,
# links, footnotes, HTML, entities, emphasis, tables, fences), and the
# characters Python-Markdown treats as whitespace or removes (tabs, carriage
# returns, its own placeholders).
# (Two spaces before a newline, a hard line break, are looked for apart: an
# alternative in the expression would make it try every position twice.)
_NOT_PLAIN = re.compile(r"[`\\\[\]<>&*_|~\t\r\x02\x03]")
# A line opening a list, a rule, an underlined heading, a quotation or an
# indented block (or possibly so) is left to Python-Markdown: its first
# character is one of these, or it is a number ending in . or ).
_BLOCK_START = frozenset(" -+=>")
_NUMBERED = re.compile(r"[0-9]+[.)]")
_HEADING_LINE = re.compile(r"(#{1,6})([^#]*)")


def plain_tree(text: str) -> Element | None:
    """The element tree of a body of plain paragraphs and ``#`` headings, or None.

    The tree is the one Python-Markdown builds (with its line breaks between
    blocks) for such a text: blocks are separated by blank lines, a line of
    one to six ``#`` and no other ``#`` is a heading, every other run of
    lines a paragraph. A text with anything else Markdown could read as
    syntax (emphasis, links, lists, quotations, code, HTML, footnotes,
    tables, rules) returns None and goes through Python-Markdown; a test
    compares the two on thousands of generated texts.
    """
    if not text.strip() or _NOT_PLAIN.search(text) or "  \n" in text:
        return None
    # Blocks as Python-Markdown splits them, at every pair of newlines. (Its
    # whitespace step, which empties lines of spaces, has nothing to do: no
    # line here starts with a space.)
    root = Element("div")
    root.text = "\n"
    for block in (text + "\n\n").split("\n\n"):
        paragraph: list[str] = []
        for line in block.split("\n"):
            first = line[:1]
            if first in _BLOCK_START or ("0" <= first <= "9" and _NUMBERED.match(line)):
                return None
            if first != "#":
                paragraph.append(line)
                continue
            match = _HEADING_LINE.fullmatch(line)
            if match is None:  # seven or more #, or a closing run of them
                return None
            _add_paragraph(root, paragraph)
            paragraph = []
            heading = SubElement(root, f"h{len(match.group(1))}")
            heading.text = nfc(match.group(2).strip())
            heading.tail = "\n"
        _add_paragraph(root, paragraph)
    return root if len(root) else None


def _add_paragraph(root: Element, lines: list[str]) -> None:
    # Lines a blank line's newlines left at the start belong to no block.
    while lines and not lines[0]:
        lines.pop(0)
    text = "\n".join(lines)
    if text.strip():
        paragraph = SubElement(root, "p")
        paragraph.text = nfc(text.lstrip())
        paragraph.tail = "\n"


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
