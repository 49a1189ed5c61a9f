"""SetParagraph breaks its lines once per width and again when the width or indents change."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from deskapp.pdf.fonts import SERIF, face_name, load_face
from deskapp.pdf.paragraph import SetParagraph


def test_lines_are_broken_once_per_width(monkeypatch):
    style = ParagraphStyle("t", fontName=load_face(face_name(SERIF)), fontSize=10, leading=14)
    paragraph = SetParagraph("Ủy ban nhân dân tỉnh Kon Tum tổ chức hội nghị tổng kết. " * 8, style)
    calls = []
    original = SetParagraph.breakLines

    def counted(self, widths):
        calls.append(tuple(widths))
        return original(self, widths)

    monkeypatch.setattr(SetParagraph, "breakLines", counted)
    wide = paragraph.wrap(400, 1000)
    assert paragraph.wrap(400, 50) == wide and len(calls) == 1
    narrow = paragraph.wrap(200, 1000)
    assert narrow[1] > wide[1] and len(calls) == 2
    paragraph.style = ParagraphStyle("t2", parent=style, firstLineIndent=20)
    paragraph.wrap(200, 1000)
    assert len(calls) == 3
    head, tail = paragraph.split(200, 3 * 14 + 1)
    assert len(head.blPara.lines) == 3
    assert tail.wrap(200, 1000)[1] == narrow[1] - 3 * 14
