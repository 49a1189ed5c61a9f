"""A reportlab paragraph that breaks its lines once per width.

reportlab breaks a paragraph's lines again each time it is measured, and
a paragraph is measured several times at the same width: by the keep
rules before layout (:mod:`deskapp.pdf.keeping`), inside each kept group
(subhead and text, photo and caption) and again by the frame that places
it, and once more for the balancing's second layout of the same story.
Line breaking is a fifth of an export's time; this class keeps the lines
it found for a width (and the style's indents) and reuses them.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph


class SetParagraph(Paragraph):
    """:class:`Paragraph` that keeps its broken lines for the width they were set at."""

    _set_for: tuple[float, ...] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        style = self.style
        key = (availWidth, style.leftIndent, style.firstLineIndent, style.rightIndent,
               style.leading, style.fontSize)
        if key == self._set_for and getattr(self, "blPara", None) is not None:
            self.width = availWidth
            return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        self._set_for = key
        return size
