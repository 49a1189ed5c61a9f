"""The lines of text on each page of a real PDF: where they sit, in which face and size.

Read with pypdf's content-stream visitor: reportlab writes each line of a
paragraph as one run of text at its own baseline, so runs sharing a
baseline and a column make one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from pypdf import PdfReader


@dataclass
class Line:
    text: str
    x: float
    y: float
    font: str
    size: float


def pdf_lines(data: bytes, gutters: tuple[float, ...] = ()) -> list[list[Line]]:
    """For each page, its lines from the top down (then left to right).

    ``gutters`` are x positions between columns: runs are never joined
    across one.
    """
    pages = []
    for page in PdfReader(BytesIO(data)).pages:
        runs: list[Line] = []

        def visit(text, cm, tm, font, size, runs=runs):
            if not text.strip() or font is None:
                return
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            name = str(font.get("/BaseFont", "")).split("+")[-1]
            runs.append(Line(text.strip(), x, y, name, round(size * abs(tm[3]), 2)))

        page.extract_text(visitor_text=visit)
        pages.append(_joined(runs, gutters))
    return pages


def _joined(runs: list[Line], gutters: tuple[float, ...]) -> list[Line]:
    """Runs on one baseline in one column, as one line."""

    def column(x: float) -> int:
        return sum(1 for gutter in gutters if x > gutter)

    lines: list[Line] = []
    for run in sorted(runs, key=lambda r: (-round(r.y, 1), r.x)):
        last = lines[-1] if lines else None
        if (last is not None and abs(last.y - run.y) < 0.5
                and column(last.x) == column(run.x)):
            last.text = f"{last.text} {run.text}"
            continue
        lines.append(Line(run.text, run.x, run.y, run.font, run.size))
    return lines
