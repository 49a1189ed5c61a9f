"""Approval on paper: approver and time in the metadata and, if the preset asks, the footer."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab import rl_config

from deskapp.errors import MissingGlyphs
from deskapp.model import Approval, Article
from deskapp.pdf.export import export_pdf, render_pdf
from deskapp.pdf.furniture import approval_line
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.presets import load_preset

APPROVAL = Approval("Trần Thị B", "2026-11-26T07:05:09.123456+00:00", note="in gấp")
FOOTER_LINE = "Duyệt: Trần Thị B, 26/11/2026 14:05"  # in Asia/Ho_Chi_Minh (UTC+7)
KEYWORD = "duyệt: Trần Thị B 2026-11-26T07:05:09+00:00"


@pytest.fixture(autouse=True)
def _hanoi_time() -> Iterator[None]:
    """The footer shows local time: fix the zone so the expected text is known."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Ho_Chi_Minh"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def article() -> Article:
    return Article(title="Kon Tum tổng kết quy chế dân chủ",
                   lead="Sáng 9/1, Ban chỉ đạo tổ chức hội nghị tổng kết.",
                   body="Hội nghị diễn ra ở Kon Tum.\n\n" * 60, byline="Minh Tuấn",
                   section="Thời sự", tags=["dân chủ"])


def page_texts(data: bytes) -> list[str]:
    return [" ".join(page.get_textpage().get_text_range().split())
            for page in pdfium.PdfDocument(data)]


def keywords(data: bytes) -> str:
    return str(PdfReader(BytesIO(data)).metadata["/Keywords"])


def test_the_approval_line_reads_like_a_signature():
    assert approval_line(APPROVAL) == FOOTER_LINE
    assert approval_line(None) == ""
    assert approval_line(Approval("", "not a time")) == "Duyệt: not a time"


def test_an_approved_pdf_carries_approver_and_time_in_metadata_and_footer(tmp_path: Path):
    path = export_pdf(article(), tmp_path / "bai.pdf",
                      PrintSettings(author="Lê C", approval=APPROVAL))
    info = PdfReader(path).metadata
    assert KEYWORD in info["/Keywords"] and "dân chủ" in info["/Keywords"]
    assert info.subject == "Sáng 9/1, Ban chỉ đạo tổ chức hội nghị tổng kết."
    assert info.author == "Lê C"
    texts = page_texts(path.read_bytes())
    assert len(texts) > 1
    assert all(FOOTER_LINE in text for text in texts)
    assert "Trang 1/" in texts[0]
    assert "in gấp" not in info["/Keywords"]  # the note stays in the history


def test_an_unapproved_pdf_has_neither():
    data = render_pdf(article())
    assert "duyệt" not in keywords(data).casefold()
    assert not any("Duyệt" in text for text in page_texts(data))


def test_a4_article_without_approval_is_unchanged(monkeypatch: pytest.MonkeyPatch):
    """The ``{approval}`` placeholder prints nothing at all when there is no approval."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    shipped = load_preset("a4-article")
    assert "{approval}" in shipped.footer.right
    without = replace(shipped, footer=replace(shipped.footer, right=""))
    before = render_pdf(article(), PrintSettings(preset=without))
    after = render_pdf(article(), PrintSettings(preset=shipped))
    assert page_texts(after) == page_texts(before)
    assert after == before


def _without_approval(name: str):
    preset = load_preset(name)
    return replace(preset, footer=replace(preset.footer, right=""))


@pytest.mark.parametrize("name", ["a4-article", "a5-booklet", "newspaper-2col",
                                  "newspaper-3col", "us-letter"])
def test_every_bundled_preset_prints_the_approval_on_every_page(name):
    assert "{approval}" in load_preset(name).footer.right
    data = render_pdf(article(), PrintSettings(preset=name, approval=APPROVAL))
    texts = page_texts(data)
    assert texts and all(FOOTER_LINE in text for text in texts)


def test_a_preset_that_does_not_ask_keeps_its_footer():
    data = render_pdf(article(), PrintSettings(preset=_without_approval("newspaper-2col"),
                                               approval=APPROVAL))
    assert KEYWORD in keywords(data)
    assert not any("Duyệt" in text for text in page_texts(data))


def test_a_preset_may_place_the_approval_anywhere_in_its_furniture(tmp_path: Path):
    preset = load_preset("newspaper-2col")
    header = replace(preset.header, right="{section} · {approval}", uppercase=False)
    data = render_pdf(article(),
                      PrintSettings(preset=replace(preset, header=header), approval=APPROVAL))
    assert all(FOOTER_LINE in text for text in page_texts(data))


def test_an_approver_name_without_glyphs_is_refused_only_where_it_prints(tmp_path: Path):
    odd = Approval("Trần 中", APPROVAL.approved_at)
    with pytest.raises(MissingGlyphs) as caught:
        export_pdf(article(), tmp_path / "x.pdf", PrintSettings(approval=odd))
    assert caught.value.data["where"] == "footer"
    assert not (tmp_path / "x.pdf").exists()
    data = render_pdf(article(), PrintSettings(preset=_without_approval("newspaper-2col"),
                                               approval=odd))
    assert "Trần 中" in keywords(data)
