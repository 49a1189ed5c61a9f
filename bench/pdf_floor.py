"""The floor of ``bench_pdf_floor.py``: bare reportlab on the same Markdown, in the same font.

Kept apart from the benchmark so that, run as a command
(``pdf_floor.py FILE.md OUT.pdf``), the floor imports only reportlab: the
benchmark's own modules (subprocess, statistics, tempfile) would otherwise
add to the floor's start-up what bare reportlab never pays.
"""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def floor_pdf(title: str, body: str) -> bytes:
    """The Markdown's paragraphs straight into platypus, in Deskapp's body face and size.

    Only reportlab is imported, so the same function is the floor in process
    and, run as this script, the floor as a command.
    """
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    rl_config.useA85 = 0  # as Deskapp writes its streams, so the floor is like for like
    for name, filename in (("FloorSerif", "NotoSerif-Regular.ttf"),
                           ("FloorSerif-Bold", "NotoSerif-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONTS / filename)))
    body_style = ParagraphStyle("body", fontName="FloorSerif", fontSize=10.5, leading=15.5,
                                alignment=4, spaceAfter=7)
    head = ParagraphStyle("head", parent=body_style, fontName="FloorSerif-Bold",
                          fontSize=22, leading=30)
    story = [Paragraph(escape(title), head)]
    story += [Paragraph(escape(block.strip()), body_style)
              for block in body.split("\n\n") if block.strip()]
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=24 * mm, rightMargin=24 * mm,
                      topMargin=20 * mm, bottomMargin=22 * mm).build(story)
    return out.getvalue()


def escape(text: str) -> str:
    """Paragraph markup for plain text (``xml.sax.saxutils`` would import ``urllib.request``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def floor_command(source: str, output: str) -> None:
    """``pdf_floor.py FILE.md OUT.pdf``: the floor as a whole command."""
    title, _, body = Path(source).read_text(encoding="utf-8").partition("\n\n")
    Path(output).write_bytes(floor_pdf(title.lstrip("# ").strip(), body))


if __name__ == "__main__":
    floor_command(sys.argv[1], sys.argv[2])
