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
from typing import TYPE_CHECKING, Literal

from deskapp.model import Article

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from deskapp.pdf.presets import Preset


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


def measure(
    article: Article, preset: Preset | str = "a4-article", extra_dirs: Iterable[str | Path] = ()
) -> Fit:
    """Words and printed lines of ``article`` against its own target.

    A preset named here is looked up in ``extra_dirs`` first (a newsroom's
    own presets), then among the shipped ones.
    """
    try:
        lines: int | None = lines_in_layout(article, preset, extra_dirs)
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


def lines_in_layout(
    article: Article,
    preset_name: Preset | str = "a4-article",
    extra_dirs: Iterable[str | Path] = (),
) -> int:
    """How many lines the body sets in one column of ``preset_name`` (a name or a Preset).

    Paragraphs (also inside lists and quotes) are wrapped at the column
    width with the export's styles; other blocks (tables, rules, photos)
    count as many lines as their height takes at the body leading
    (:func:`deskapp.pdf.layout.lines_in_column`).
    """
    from deskapp.pdf.layout import lines_in_column
    from deskapp.pdf.presets import resolve_preset

    return lines_in_column(article.body, resolve_preset(preset_name, extra_dirs))
