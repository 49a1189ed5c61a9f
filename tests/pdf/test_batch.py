"""Batch export: one edition PDF, or one PDF per article; preflight as a list."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from deskapp.errors import MissingGlyphs
from deskapp.model import Article
from deskapp.pdf import export_each, export_edition, preflight, render_report
from deskapp.pdf.options import PrintSettings

PARAGRAPH = ("Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh vừa tổ chức "
             "hội nghị tổng kết công tác năm 2013, triển khai nhiệm vụ năm 2014. ") * 6


def article(title: str, paragraphs: int, **fields: str) -> Article:
    values = {"lead": "Sapo của bài.", "byline": "Minh Hùng",
              "body": "\n\n".join([PARAGRAPH] * paragraphs), **fields}
    return Article(title=title, **values)


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    return [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]


@pytest.mark.parametrize("preset", ["a4-article", "newspaper-3col"])
def test_an_edition_is_the_articles_back_to_back_numbered_through(tmp_path: Path, preset: str):
    articles = [article("Bài một", 2, section="Thời sự"), article("Bài hai dài", 30),
                article("Bài ba", 1, section="Kinh tế")]
    alone = [render_report(a, PrintSettings(preset=preset)).pages for a in articles]
    calls: list[tuple[int, int]] = []
    report = export_edition(articles, tmp_path / "so-bao.pdf", PrintSettings(preset=preset),
                            progress=lambda done, total: calls.append((done, total)))
    total = sum(alone)
    assert report.pages == total == len(PdfReader(report.path).pages)
    assert [entry.first_page for entry in report.articles] == [1, 1 + alone[0],
                                                             1 + alone[0] + alone[1]]
    texts = page_texts(report.path)
    for number, text in enumerate(texts, start=1):
        assert f"Trang {number}/{total}" in text
    for entry in report.articles:
        assert entry.title in texts[entry.first_page - 1]
    outline = [item.title for item in PdfReader(report.path).outline
               if not isinstance(item, list)]
    assert outline == ["Bài một", "Bài hai dài", "Bài ba"]
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_an_edition_with_a_missing_glyph_is_refused_whole(tmp_path: Path):
    bad = article("Bài hỏng", 1, lead="Sapo 中")
    with pytest.raises(MissingGlyphs) as caught:
        export_edition([article("Tốt", 1), bad], tmp_path / "e.pdf")
    assert caught.value.data["article_id"] == bad.id
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_edition_writes_nothing(tmp_path: Path):
    target = tmp_path / "e.pdf"
    target.write_bytes(b"old")
    pages = []

    def cancelled() -> bool:
        return len(pages) > 0

    report = export_edition([article("Dài", 60)], target, progress=lambda *_: pages.append(1),
                            cancelled=cancelled)
    assert report.cancelled and report.path is None
    assert target.read_bytes() == b"old"


def test_export_each_writes_the_good_ones_and_reports_the_bad(tmp_path: Path):
    good = [article("Kon Tum tổng kết", 1), article("Đắk Hà: 8 cuộc", 1)]
    bad = article("Bài có chữ Hán", 1, body="Chữ 中 ở đây")
    report = export_each([good[0], bad, good[1]], tmp_path / "out")
    assert [w.article_id for w in report.written] == [good[0].id, good[1].id]
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted([f"kon-tum-tong-ket-{good[0].id[:8]}.pdf",
                            f"dak-ha-8-cuoc-{good[1].id[:8]}.pdf"])
    [failed] = report.failed
    assert failed.article_id == bad.id and failed.error.code == "missing_glyphs"
    assert "U+4E2D" in failed.message
    assert not report.ok


def test_preflight_lists_every_problem_with_its_place():
    bad = Article(
        title="Tít 中",
        lead="Sapo",
        body="Dòng một\nDòng hai có 中 và क\n\n![](asset:mat.jpg)\n\nNữa: 中",
    )
    findings = preflight(bad)
    glyphs = [(f.where, f.char, f.offset, f.line, f.column) for f in findings
              if f.code == "missing_glyph"]
    body = bad.body
    assert ("title", "中", 4, 1, 5) in glyphs
    assert ("body", "中", body.index("中"), 2, 13) in glyphs
    assert ("body", "中", body.rindex("中"), 6, 6) in glyphs
    assert ("body", "क", body.index("क"), 2, 18) in glyphs
    assert all(f.codepoint.startswith("U+") and f.blocking for f in findings
               if f.code == "missing_glyph")
    [photo] = [f for f in findings if f.code == "photo_missing"]
    assert (photo.offset, photo.line, photo.blocking) == (body.index("!["), 4, False)
    assert "line 2, column 13" in next(f for f in findings if f.where == "body").message("en")


def test_the_refusal_carries_the_first_place():
    with pytest.raises(MissingGlyphs) as caught:
        render_report(Article(title="Tốt", body="abc\nx 中"))
    data = caught.value.data
    assert (data["where"], data["offset"], data["line"], data["column"]) == ("body", 6, 2, 3)
    assert len(data["findings"]) == 1


def test_a_clean_article_has_no_findings():
    assert preflight(article("Sạch", 2)) == []
