"""Copyfitting: does the article fit the space the desk gave it?

Vietnamese is written one syllable per space-separated word, so the counts
newsrooms use are "chữ" (syllables: tokens that contain a letter) and words
(every space-separated token, numbers included). Counts are taken on the
text a reader sees: the Markdown body is parsed by the same parser as the
preview and the PDF, so markup and link targets are not counted.

Lines are counted the way they will print: the body is built into
reportlab paragraphs by the PDF export's own styles for the chosen preset
and wrapped at its column width.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deskapp.model import Article

_HUGE = 1e7


@dataclass(frozen=True)
class CopyCounts:
    """Counts for headline + lead + body (the byline and source are not copy)."""

    words: int
    syllables: int
    characters: int
    characters_no_spaces: int


def visible_text(article: Article) -> str:
    """Headline, lead and body as a reader sees them, one part per paragraph."""
    from deskapp.render.tree import parse_markdown, plain_text

    body = "\n".join(plain_text(block) for block in parse_markdown(article.body))
    return "\n".join(part for part in (article.title, article.lead, body) if part.strip())


def counts(article: Article) -> CopyCounts:
    """Word, syllable and character counts of the article's copy."""
    text = visible_text(article)
    tokens = text.split()
    return CopyCounts(
        words=len(tokens),
        syllables=sum(1 for t in tokens if any(ch.isalpha() for ch in t)),
        characters=len(" ".join(text.split())),
        characters_no_spaces=sum(len(t) for t in tokens),
    )


def over_target(article: Article, target_words: int | None = None) -> int:
    """Words over the target (negative: under it); the article's own target by default."""
    target = target_words if target_words is not None else article.target_words
    if target is None:
        raise ValueError("no target length given and the article has none")
    return counts(article).words - target


def lines_in_layout(article: Article, preset_name: str = "a4-article") -> int:
    """How many lines the body sets in one column of ``preset_name``.

    Paragraphs (also inside lists and quotes) are wrapped at the column
    width with the export's styles; other blocks (tables, rules, photos)
    count as many lines as their height takes at the body leading.
    """
    from deskapp.pdf.export import _layout, _resolve_preset
    from deskapp.pdf.fonts import register_fonts
    from deskapp.render.flowables import body_flowables
    from deskapp.render.tree import parse_markdown

    preset = _resolve_preset(preset_name)
    register_fonts()
    layout = _layout(preset, False)
    width = preset.column_width
    flowables = body_flowables(parse_markdown(article.body), layout.body, width)
    leading = layout.body.body.leading or layout.body.body.fontSize * 1.2
    return sum(_lines(f, width, leading) for f in flowables)


def _lines(flowable: Any, width: float, leading: float) -> int:
    from reportlab.platypus import Paragraph

    if isinstance(flowable, Paragraph):
        flowable.wrap(width, _HUGE)
        return len(flowable.blPara.lines)
    children = _children(flowable)
    if children:
        inner = width - float(getattr(flowable, "indent", 0) or 0)
        return sum(_lines(child, inner, leading) for child in children)
    _, height = flowable.wrapOn(_scratch_canvas(), width, _HUGE)
    return round(height / leading) if height > 0 else 0


def _scratch_canvas() -> Any:
    """A canvas to measure on: some flowables need one to wrap; nothing is drawn."""
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    return Canvas(BytesIO())


def _children(flowable: Any) -> list[Any]:
    """Flowables nested in a list, a quote or a keep-together group."""
    from reportlab.platypus import Flowable

    for name in ("_flowables", "_content", "_list", "content"):
        value = getattr(flowable, name, None)
        if isinstance(value, list | tuple):
            return [_unwrapped(v) for v in value]
        if isinstance(value, Flowable):
            return [value]
    return []


def _unwrapped(item: Any) -> Any:
    return item[0] if isinstance(item, tuple) and item else item
