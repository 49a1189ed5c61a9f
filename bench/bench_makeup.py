"""Page makeup: a full 5-column broadsheet page, re-rendered for the page view and exported.

The page holds six articles (the sample edition's four and two more) and
three photos on ``broadsheet-5col``. Prints ``name: value unit`` lines with
the targets of issue 20 and the ratios, beside the single-article export
of the same machinery (one sample article to PDF) for scale:

* ``makeup_page_view``: lay the page out, draw it to PDF and raster it with
  pypdfium2 at the page view's resolution (what the window does off the UI
  thread after each change, its photos prepared for the screen once and
  kept); ``_first``: the first render, no photo prepared yet; target 300 ms;
* ``makeup_page_export``: the print path, preflight included, written to a
  file, plain and PDF/X-1a, every photo prepared afresh; target 1 s.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from common import median_ms, report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "makeup"))

from sample_articles import BRIDGE, COFFEE, RIVERSIDE, SCHOOL  # noqa: E402
from sample_edition import PHOTOS  # noqa: E402

from deskapp.makeup.export import Sources, export_pages, page_image  # noqa: E402
from deskapp.makeup.layout import _PREPARED, lay_out  # noqa: E402
from deskapp.makeup.plan import edition_from_dict  # noqa: E402
from deskapp.model import Approval  # noqa: E402

TARGET_VIEW_MS = 300
TARGET_EXPORT_MS = 1000
VIEW_DPI = 50  # a 540 mm page about 1060 pixels tall: the page view at full height

MARKET = replace(COFFEE, id="bench-cho", title="Chợ phiên nông sản mở cửa sáng chủ nhật",
                 body="\n\n".join(COFFEE.body.split("\n\n")[:3]))
CLASS = replace(SCHOOL, id="bench-lop", title="Lớp học tình thương ở làng Kon Klor")
ARTICLES = {a.id: a for a in (BRIDGE, COFFEE, SCHOOL, RIVERSIDE, MARKET, CLASS)}
PHOTO_SOURCE = {**PHOTOS, (MARKET.id, "cho.jpg"): PHOTOS[(BRIDGE.id, "cau-treo.jpg")]}

PAGE = {"name": "Trang thử", "date": "2026-12-05", "pages": [{
    "number": 1, "preset": "broadsheet-5col", "blocks": [
        {"kind": "headline", "article": BRIDGE.id, "grid": [0, 4, 0, 7]},
        {"kind": "photo", "article": BRIDGE.id, "asset": "cau-treo.jpg", "grid": [0, 4, 7, 26]},
        {"kind": "lead", "article": BRIDGE.id, "grid": [0, 4, 33, 5]},
        {"kind": "body", "article": BRIDGE.id, "grid": [0, 2, 38, 45]},
        {"kind": "headline", "article": CLASS.id, "grid": [0, 2, 83, 3]},
        {"kind": "body", "article": CLASS.id, "grid": [0, 2, 86, 21]},
        {"kind": "headline", "article": COFFEE.id, "grid": [2, 2, 38, 4]},
        {"kind": "lead", "article": COFFEE.id, "grid": [2, 2, 42, 5]},
        {"kind": "body", "article": COFFEE.id, "grid": [2, 2, 47, 23]},
        {"kind": "headline", "article": SCHOOL.id, "grid": [2, 2, 70, 4]},
        {"kind": "body", "article": SCHOOL.id, "grid": [2, 2, 74, 21]},
        {"kind": "reserved", "grid": [2, 2, 95, 12]},
        {"kind": "headline", "article": RIVERSIDE.id, "grid": [4, 1, 0, 9]},
        {"kind": "photo", "article": RIVERSIDE.id, "asset": "pho-di-bo.jpg",
         "grid": [4, 1, 9, 14]},
        {"kind": "body", "article": RIVERSIDE.id, "grid": [4, 1, 23, 40]},
        {"kind": "headline", "article": MARKET.id, "grid": [4, 1, 63, 6]},
        {"kind": "photo", "article": MARKET.id, "asset": "cho.jpg", "grid": [4, 1, 69, 12]},
        {"kind": "body", "article": MARKET.id, "grid": [4, 1, 81, 26]},
    ]}]}


def photos(article_id: str, name: str):  # type: ignore[no-untyped-def]
    return PHOTO_SOURCE.get((article_id, name))


def main() -> None:
    edition = edition_from_dict(PAGE)
    approvals = {key: Approval("Trần Bình", "2026-12-05T01:00:00+00:00") for key in ARTICLES}
    sources = Sources(ARTICLES, photos, approvals)
    layout = lay_out(edition, ARTICLES, photos)
    over = [fit for fit in layout.fits if fit.over]
    if over:  # the page must be printable for the export figures to mean anything
        raise SystemExit(f"the benchmark page is over-set: {over}")

    def view() -> object:
        return page_image(lay_out(edition, ARTICLES, photos, screen=True), 1, dpi=VIEW_DPI)

    def cold(fn):  # type: ignore[no-untyped-def]
        """``fn`` with no photo prepared yet, as the first render or export of a session."""
        def run() -> object:
            _PREPARED.clear()
            return fn()
        return run

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "page.pdf"
        timings = {
            "makeup_page_view": (median_ms(view, repeat=7), TARGET_VIEW_MS),
            "makeup_page_view_first": (median_ms(cold(view), repeat=5), TARGET_VIEW_MS),
            "makeup_page_export": (median_ms(cold(lambda: export_pages(edition, sources, out)),
                                             repeat=5), TARGET_EXPORT_MS),
            "makeup_page_export_pdfx": (median_ms(cold(lambda: export_pages(
                edition, sources, out, pdfx=True)), repeat=5), TARGET_EXPORT_MS),
        }
        size = out.stat().st_size
    for name, (value, target) in timings.items():
        report(name, value, "ms")
        report(f"{name}_target", target, "ms")
        report(f"{name}_ratio_to_target", value / target, "x")
    report("makeup_page_pdfx_size", size / 1024, "KiB")
    from deskapp.pdf import render_pdf

    report("single_article_export_beside", median_ms(lambda: render_pdf(BRIDGE), repeat=5),
           "ms")


if __name__ == "__main__":
    main()
