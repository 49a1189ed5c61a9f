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
from typing import TYPE_CHECKING, Any, Literal

from deskapp.model import Article

if TYPE_CHECKING:
    from deskapp.pdf.presets import Preset

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


@dataclass(frozen=True)
class Fit:
    """The article's length against the desk's target, in words or in printed lines.

    ``lines`` is None when the layout could not be measured (an unknown preset).
    """

    words: int
    lines: int | None
    target_words: int | None = None
    target_lines: int | None = None

    @property
    def unit(self) -> Literal["words", "lines"] | None:
        """What the target counts: lines when the desk gave lines, else words, else None."""
        if self.target_lines:
            return "lines"
        return "words" if self.target_words else None

    @property
    def target(self) -> int | None:
        return self.target_lines if self.unit == "lines" else self.target_words

    @property
    def over(self) -> int | None:
        """How far over the target (negative: under); None without a target or a count."""
        measured = self.lines if self.unit == "lines" else self.words
        if self.target is None or measured is None:
            return None
        return measured - self.target


def measure(article: Article, preset: Preset | str = "a4-article") -> Fit:
    """Words and printed lines of ``article`` against its own target."""
    try:
        lines: int | None = lines_in_layout(article, preset)
    except Exception:  # an unknown or broken preset: words still count
        lines = None
    return Fit(counts(article).words, lines, article.target_words, article.target_lines)


def describe_fit(fit: Fit, lang: str | None = None) -> str:
    """"+35 chữ" over, "còn 12 chữ" left, "vừa đủ" on target ("" without a target)."""
    from deskapp.messages import language

    over = fit.over
    if over is None:
        return ""
    vi = (lang or language()) == "vi"
    if fit.unit == "lines":
        unit = "dòng" if vi else ("line" if abs(over) == 1 else "lines")
    else:
        unit = "chữ" if vi else ("word" if abs(over) == 1 else "words")
    if over > 0:
        return f"+{over} {unit}"
    if over < 0:
        return f"còn {-over} {unit}" if vi else f"{-over} {unit} left"
    return "vừa đủ" if vi else "on target"


def lines_in_layout(article: Article, preset_name: Preset | str = "a4-article") -> int:
    """How many lines the body sets in one column of ``preset_name`` (a name or a Preset).

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
    from reportlab.platypus import ListFlowable, Paragraph
    from reportlab.platypus.flowables import DDIndenter

    if isinstance(flowable, Paragraph):
        flowable.wrap(width, _HUGE)
        return len(flowable.blPara.lines)
    if isinstance(flowable, DDIndenter):  # a list item, set in from the bullet
        inner = width - float(flowable._leftIndent) - float(flowable._rightIndent)
        return _lines(flowable._flowable, inner, leading)
    if isinstance(flowable, ListFlowable):  # its items as laid out, with their indents
        return sum(_lines(item, width, leading) for item in flowable._content)
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
