"""Preflight findings: every problem of an export at once, each with its place.

The export gathers what it found while building the page (characters a
face cannot draw, photos that are missing or too coarse) and this module
turns it into :class:`Finding` records a window can list: the field, the
offset in that field's text with its line and column, and for a missing
glyph the character and its code point. Missing glyphs are errors (the
export refuses them); photo problems are warnings (the export goes on with
a placeholder or a soft photo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from deskapp.errors import MissingGlyphs
from deskapp.model import Article
from deskapp.pdf.photos import PhotoWarning

Severity = Literal["error", "warning"]
# Findings for one character in one field stop here: a pasted page of
# Chinese would otherwise bury the list under thousands of identical lines.
MAX_PER_CHARACTER = 50
ARTICLE_FIELDS = frozenset({"title", "lead", "body", "byline", "source", "section"})


@dataclass(frozen=True)
class Finding:
    """One problem, where it is, and what a message about it needs.

    ``where`` is an article field (``title``, ``lead``, ``body``,
    ``byline``, ``source``, ``section``) or the preset's ``header`` /
    ``footer``. ``offset`` counts characters in that field's stored text
    (None when the text has no such place, as in a preset's words);
    ``line`` and ``column`` count from 1. ``article_id`` tells findings of
    a batch apart.
    """

    code: str
    where: str
    severity: Severity = "error"
    offset: int | None = None
    line: int | None = None
    column: int | None = None
    char: str = ""
    codepoint: str = ""
    article_id: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        """True when the export refuses to write while this stands."""
        return self.severity == "error"

    def message(self, lang: str | None = None) -> str:
        """The sentence to show, in Vietnamese or English."""
        from deskapp.messages import message

        return message(
            f"preflight_{self.code}",
            lang,
            where=self.where,
            char=self.char,
            codepoint=self.codepoint,
            line=self.line or "?",
            column=self.column or "?",
            **self.data,
        )


def glyph_findings(article: Article, where: str, missing: Iterable[str]) -> list[Finding]:
    """A finding for each place a character without a glyph appears in ``where``.

    The places are looked up in the field's stored text. A character the
    text does not hold as such (the kicker is printed in capitals, an
    entity like ``&#x4E2D;`` spells it out) gets one finding without an
    offset, so it is still listed.
    """
    text = _field_text(article, where)
    findings: list[Finding] = []
    for char in sorted(set(missing)):
        offsets = _offsets(text, char) or _offsets(text, char.lower())
        common = {"char": char, "codepoint": f"U+{ord(char):04X}", "article_id": article.id}
        if not offsets:
            findings.append(Finding("missing_glyph", where, **common))
            continue
        for offset in offsets[:MAX_PER_CHARACTER]:
            line, column = line_column(text, offset)
            findings.append(Finding("missing_glyph", where, offset=offset, line=line,
                                    column=column, **common))
    findings.sort(key=lambda f: (f.offset is None, f.offset or 0))
    return findings


def photo_findings(article: Article, warnings: Iterable[PhotoWarning]) -> list[Finding]:
    """Photo warnings placed at their image reference in the body.

    The same photo may be shown twice; the n-th warning for a name is put
    at the n-th reference to it.
    """
    body = article.body
    searched_from: dict[str, int] = {}
    findings: list[Finding] = []
    for warning in warnings:
        match = _reference(body, warning.name, searched_from.get(warning.name, 0))
        offset = match.start() if match else None
        if match:
            searched_from[warning.name] = match.end()
        line, column = line_column(body, offset) if offset is not None else (None, None)
        findings.append(Finding(
            warning.code, "body", severity="warning", offset=offset, line=line, column=column,
            article_id=article.id, data={"name": warning.name, **warning.data},
        ))
    return findings


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def refuse_if_blocked(findings: list[Finding]) -> None:
    """Raise :class:`MissingGlyphs` for the first field with characters no face can draw.

    The error names every missing character of that field and carries the
    first finding's place; ``findings`` holds the whole list for a window.
    """
    errors = [finding for finding in findings if finding.blocking]
    if not errors:
        return
    first = errors[0]
    chars = sorted({finding.char for finding in errors if finding.where == first.where})
    raise MissingGlyphs(
        chars=" ".join(chars),
        codepoints=" ".join(f"U+{ord(char):04X}" for char in chars),
        where=first.where,
        offset=first.offset,
        line=first.line,
        column=first.column,
        article_id=first.article_id,
        findings=errors,
    )


def _field_text(article: Article, where: str) -> str:
    return str(getattr(article, where, "") or "") if where in ARTICLE_FIELDS else ""


def _offsets(text: str, char: str) -> list[int]:
    if not text or not char:
        return []
    return [match.start() for match in re.finditer(re.escape(char), text)]


def _reference(body: str, name: str, start: int) -> re.Match[str] | None:
    """The Markdown image whose link is ``name`` (``![…](name …)``), from ``start`` on."""
    pattern = r"!\[[^\]]*\]\(\s*<?" + re.escape(name) + r"[\s>)]"
    return re.compile(pattern).search(body, start)
