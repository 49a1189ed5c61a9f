"""Web pages (``.html``, saved or pasted) into clean Markdown.

A saved news page is mostly furniture: menus, share buttons, related links,
comment forms, scripts. The page is parsed with the standard library's
``html.parser`` (forgiving of broken markup, no network: images are never
fetched, only their ``alt`` text kept) into a small tree, then:

1. furniture is dropped: ``nav header footer aside form script style``
   and elements whose class or id says share, social, comment, related,
   menu, breadcrumb, advert…;
2. the article is the ``<article>``, ``<main>`` or ``itemprop="articleBody"``
   element if there is one, else the block holding the most paragraph text;
3. it becomes Markdown: headings, paragraphs, bold/italic, lists, quotes,
   links (http, https and mailto only), tables, images as ``![alt](src)``;
4. the headline is the page's ``<h1>`` (else ``og:title``, else ``<title>``),
   and the text goes through the web-copy cleanup for the source credit and
   the byline.

:func:`html_to_markdown` is the same conversion for rich text pasted into
the editor, without the article hunt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from deskapp.errors import ImportRejected
from deskapp.exchange.decode import read_text_file
from deskapp.exchange.webcopy import (
    Draft,
    clean_web_copy,
    escape_markdown,
    is_boilerplate,
    parse_tags,
)
from deskapp.text import nfc

__all__ = ["extract_article", "html_to_markdown", "import_html"]

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_DROP_TAGS = frozenset("nav header footer aside form script style noscript template iframe "
                       "svg canvas button select textarea object video audio".split())
_FURNITURE = re.compile(
    r"(^|[\s_-])(share|sharing|social|comments?|binh-?luan|related|lien-?quan|tin-?khac|"
    r"menu|navbar|breadcrumbs?|sidebar|advert|ads?|banner|popup|cookie|newsletter|"
    r"subscribe|tags?|toolbar|print|rating|widget)([\s_-]|$)", re.IGNORECASE)
_BLOCKS = frozenset("p div section article main h1 h2 h3 h4 h5 h6 ul ol li blockquote "
                    "table tr td th pre figure figcaption body".split())
_MIN_ARTICLE_CHARS = 80
_STRUCTURED = ("#", "- ", "1. ", ">", "|", "![")
_SAFE_LINK = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)
    parent: _Node | None = None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[_Node]:
        found = [self]
        for child in self.children:
            if isinstance(child, _Node):
                found.extend(child.iter())
        return found


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unclosed tags close at their parent's end, stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        if tag == "p" and self.current.tag == "p":  # <p> implicitly closes an open <p>
            self.handle_endtag("p")
            node.parent = self.current
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(_Node(tag, {k: v or "" for k, v in attrs},
                                           parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def _parse(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# ---------------------------------------------------------------- public


def import_html(path: Path | str) -> Draft:
    """A draft from a saved web page; ``html_no_article`` when it holds no article text."""
    path = Path(path)
    return extract_article(read_text_file(path), name=path.name)


def extract_article(html: str, *, name: str = "") -> Draft:
    """The article in a web page as a draft: headline, body, source and byline."""
    root = _parse(nfc(html))
    headline = _headline(root)
    _drop_furniture(root)
    article = _article_node(root)
    if article is None:
        raise ImportRejected("html_no_article", name=name)
    _drop_first_h1(article, headline)
    markdown = _Markdown().render(article.children)
    if len(_plain(markdown)) < _MIN_ARTICLE_CHARS:
        raise ImportRejected("html_no_article", name=name)
    draft = _clean(markdown)
    draft.title = headline
    return draft


def html_to_markdown(html: str) -> str:
    """Rich text (a paste's ``text/html``) as clean Markdown; scripts and furniture dropped."""
    root = _parse(nfc(html))
    _drop_furniture(root)
    return _Markdown().render(root.children)


# ---------------------------------------------------------------- finding the article


def _headline(root: _Node) -> str:
    for node in root.iter():
        if node.tag == "h1":
            text = " ".join(node.text().split())
            if text:
                return text
    for node in root.iter():
        if node.tag == "meta" and node.attrs.get("property") == "og:title":
            return " ".join(node.attrs.get("content", "").split())
    for node in root.iter():
        if node.tag == "title":
            return " ".join(node.text().split())
    return ""


def _is_furniture(node: _Node) -> bool:
    if node.tag in _DROP_TAGS or node.tag in ("head", "title"):
        return True
    if node.attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    if node.attrs.get("aria-hidden") == "true" or "hidden" in node.attrs:
        return True
    label = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}"
    return node.tag not in ("article", "main", "body") and bool(_FURNITURE.search(label))


def _drop_furniture(node: _Node) -> None:
    node.children = [c for c in node.children if isinstance(c, str) or not _is_furniture(c)]
    for child in node.children:
        if isinstance(child, _Node):
            _drop_furniture(child)


def _article_node(root: _Node) -> _Node | None:
    """``<article>``/``<main>``/articleBody if present, else the densest block of paragraphs."""
    for wanted in (lambda n: n.attrs.get("itemprop") == "articleBody",
                   lambda n: n.tag == "article", lambda n: n.tag == "main"):
        found = [n for n in root.iter() if wanted(n) and _paragraph_chars(n)]
        if found:
            return max(found, key=_paragraph_chars)
    best, best_score = None, 0
    for node in root.iter():
        if node.tag not in _BLOCKS:
            continue
        score = sum(_paragraph_chars(c) for c in node.children if isinstance(c, _Node)
                    and c.tag in ("p", "blockquote", "ul", "ol", "h2", "h3"))
        if score > best_score:
            best, best_score = node, score
    return best


def _paragraph_chars(node: _Node) -> int:
    """Letters in paragraphs outside links: menus and link lists score near zero."""
    total = 0
    for item in node.iter():
        if item.tag in ("p", "li", "blockquote", "td") or item is node:
            total += len(_text_outside_links(item, direct=item is node))
    return total


def _text_outside_links(node: _Node, *, direct: bool) -> str:
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child.strip())
        elif child.tag != "a" and not direct and child.tag not in _BLOCKS:
            parts.append(_text_outside_links(child, direct=False))
    return "".join(parts)


def _drop_first_h1(article: _Node, headline: str) -> None:
    """The headline goes to ``title``; it must not be repeated as the body's first line."""
    for node in article.iter():
        if node.tag == "h1" and " ".join(node.text().split()) == headline and node.parent:
            node.parent.children.remove(node)
            return


def _clean(markdown: str) -> Draft:
    """Source credit, byline, tags and boilerplate through the web-copy rules.

    The rules read plain text; the Markdown built from the page is kept, and
    only the paragraphs those rules set aside are removed from it.
    """
    paragraphs = [p for p in markdown.split("\n\n") if _plain(p)]
    cleaned = clean_web_copy("\n\n".join(_plain(p) for p in paragraphs))
    body = [p for p in paragraphs
            if p.startswith(_STRUCTURED) or not (is_boilerplate(_plain(p))
                                                 or parse_tags(_plain(p)) is not None)]
    if cleaned.byline:
        for index in range(len(body) - 1, -1, -1):
            if " ".join(_plain(body[index]).split()) == cleaned.byline:
                del body[index]
                break
    if cleaned.source:
        body = _strip_source(body, cleaned.source)
    return Draft(body="\n\n".join(body), byline=cleaned.byline, source=cleaned.source,
                 tags=cleaned.tags)


def _strip_source(paragraphs: list[str], source: str) -> list[str]:
    """Remove the "(source) –" credit from the first paragraph, as the web-copy rules did."""
    if not paragraphs:
        return paragraphs
    first = re.sub(r"^\(?\s*" + re.escape(escape_markdown(source)) + r"\s*\)?\s*[-–—:]\s*",
                   "", paragraphs[0], count=1)
    return [first, *paragraphs[1:]] if first else paragraphs[1:]


def _plain(markdown: str) -> str:
    """Markdown markup removed, for comparing and measuring text."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text.replace("**", "").replace("*", ""))
    return " ".join(text.replace("&lt;", "<").replace("&amp;", "&").split())


# ---------------------------------------------------------------- Markdown


class _Markdown:
    """Tree → Markdown, one method per kind of element."""

    def render(self, children: list[_Node | str]) -> str:
        blocks = self._blocks(children)
        return "\n\n".join(b for b in blocks if b.strip())

    def _blocks(self, children: list[_Node | str]) -> list[str]:
        blocks: list[str] = []
        inline: list[_Node | str] = []

        def flush() -> None:
            text = self._inline(inline).strip()
            if text:
                blocks.append(text)
            inline.clear()

        for child in children:
            if isinstance(child, _Node) and (child.tag in _BLOCKS or child.tag in (
                    "hr", "dl", "dd", "dt", "tbody", "thead", "center")):
                flush()
                blocks.extend(self._block(child))
            else:
                inline.append(child)
        flush()
        return blocks

    def _block(self, node: _Node) -> list[str]:
        tag = node.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = self._inline(node.children).strip()
            return [f"{'#' * int(tag[1])} {text}"] if text else []
        if tag in ("ul", "ol"):
            return [self._list(node, 0)]
        if tag == "blockquote":
            inner = self.render(node.children)
            return ["\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))]
        if tag == "table":
            return [self._table(node)]
        if tag == "hr":
            return ["* * *"]
        if tag == "pre":
            return ["\n".join("    " + line for line in node.text().strip("\n").split("\n"))]
        return self._blocks(node.children)

    def _list(self, node: _Node, depth: int) -> str:
        lines: list[str] = []
        for item in (c for c in node.children if isinstance(c, _Node) and c.tag == "li"):
            own = [c for c in item.children if isinstance(c, str) or c.tag not in ("ul", "ol")]
            text = " ".join(" ".join(self._blocks(own)).split("\n"))
            marker = "1." if node.tag == "ol" else "-"
            lines.append(f"{'   ' * depth}{marker} {text.strip()}")
            for nested in item.children:
                if isinstance(nested, _Node) and nested.tag in ("ul", "ol"):
                    lines.append(self._list(nested, depth + 1))
        return "\n".join(lines)

    def _table(self, node: _Node) -> str:
        rows = [n for n in node.iter() if n.tag == "tr"]
        cells = [[self._inline(c.children).strip().replace("|", "\\|")
                  for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th")]
                 for row in rows]
        cells = [row for row in cells if row]
        if not cells:
            return ""
        width = max(len(row) for row in cells)
        cells = [row + [""] * (width - len(row)) for row in cells]
        lines = ["| " + " | ".join(cells[0]) + " |", "| " + " | ".join(["---"] * width) + " |"]
        lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
        return "\n".join(lines)

    def _inline(self, children: list[_Node | str]) -> str:
        out: list[str] = []
        for child in children:
            if isinstance(child, str):
                out.append(_inline_text(child))
                continue
            out.append(self._inline_node(child))
        return re.sub(r" {2,}", " ", "".join(out))

    def _inline_node(self, node: _Node) -> str:
        tag = node.tag
        if tag == "br":
            return "\\\n"
        if tag == "img":
            alt = escape_markdown(" ".join(node.attrs.get("alt", "").split())).replace("]", "\\]")
            src = node.attrs.get("src", "")
            return f"![{alt}]({src.replace(' ', '%20').replace(')', '%29')})" if src else ""
        inner = self._inline(node.children)
        core = inner.strip()
        if not core:
            return inner
        lead = " " if inner[:1].isspace() else ""
        trail = " " if inner[-1:].isspace() else ""
        if tag in ("strong", "b"):
            core = f"**{core}**"
        elif tag in ("em", "i"):
            core = f"*{core}*"
        elif tag == "a":
            href = node.attrs.get("href", "").strip()
            if _SAFE_LINK.match(href):
                core = f"[{core}]({href.replace(' ', '%20').replace(')', '%29')})"
        return f"{lead}{core}{trail}"


def _inline_text(text: str) -> str:
    """Escaped text with its inner whitespace folded; a space kept at either end."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{escape_markdown(' '.join(text.split()))}{trail}"
