"""The quick glyph check of long articles answers as the character-by-character one."""

from __future__ import annotations

import random

from deskapp.pdf import fonts
from deskapp.pdf.fonts import _covered, _lacking_expression, covered_runs, register_fonts


def test_the_expression_matches_exactly_what_the_face_lacks():
    register_fonts()
    for face in ("DeskSerif", "DeskSans-Bold", "DeskMono"):
        covered = _covered(face)
        lacking = _lacking_expression(covered)
        for code in range(0x3000):
            assert (lacking.search(chr(code)) is None) == (chr(code) in covered), (face, code)


def test_runs_are_the_same_before_and_after_the_expression_is_built(monkeypatch):
    register_fonts()
    rng = random.Random(7)
    pieces = ["Hội nghị tổng kết ", "năm 2013. ", "\n", "\u00a0", "→", "😀", "中文", "ǅ", "\x07"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 12))) for _ in range(400)]
    fonts._coverage.cache_clear()
    monkeypatch.setattr(fonts._Coverage, "COMPILE_AFTER", 10**12)
    slow = [covered_runs(text, "DeskSerif") for text in texts]
    fonts._coverage.cache_clear()
    monkeypatch.setattr(fonts._Coverage, "COMPILE_AFTER", 0)
    quick = [covered_runs(text, "DeskSerif") for text in texts]
    assert fonts._coverage("DeskSerif").lacking is not None
    fonts._coverage.cache_clear()
    assert quick == slow
    assert any(len(runs) > 1 for runs in slow)
