"""The Python-Markdown side of :mod:`deskapp.render.tree`: its extension and clean-up steps.

Imported only when a text needs Markdown's parser: a body of plain
paragraphs and headings is read by :mod:`deskapp.render.tree` itself,
without loading Python-Markdown (a tenth of a one-page export's start-up).
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element, SubElement

import markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FN_BACKLINK_TEXT, NBSP_PLACEHOLDER, FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, HTML_PLACEHOLDER_RE, STX

from deskapp.limits import fenced_blocks
from deskapp.render.tree import FOOTNOTES_CLASS, PULL_CLASS, RAW_TAG
from deskapp.text import nfc

_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_AMP_ENTITY = re.compile(re.escape(AMP_SUBSTITUTE) + r"(#?[0-9A-Za-z]+;)")
_ESCAPED_CHAR = re.compile(f"{STX}([0-9]+){ETX}")
_CODE_PLACEHOLDER = STX + "deskcode:%d" + ETX
_CODE_PLACEHOLDER_RE = re.compile(f"{STX}deskcode:([0-9]+){ETX}")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel"})
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")

_PULL_MARKER = re.compile(r"^\s*\[!pull\]\s*", re.IGNORECASE)


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


def new_markdown() -> tuple[markdown.Markdown, _TreeExtension]:
    """A Markdown instance with Deskapp's extensions, and the extension that keeps the tree."""
    extension = _TreeExtension()
    # Extension objects, not their names: a name sends Python-Markdown
    # through every installed package's entry points first (a fifth of
    # a one-page ``deskapp export``'s start-up).
    md = markdown.Markdown(
        extensions=[TableExtension(), SaneListExtension(),
                    FootnoteExtension(BACKLINK_TEXT=""), extension]
    )
    return md, extension
