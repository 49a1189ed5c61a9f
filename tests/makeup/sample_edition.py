"""The sample edition: two tabloid pages made of the sample articles and photos drawn by code.

Page 1 has the lead story (a four-column headline over its photo, its
body jumping to page 2), two shorter stories and an advertisement; page 2
the lead story's continuation and a feature with a photo. Used by the
makeup tests, the golden pages (``golden/``), tools/sample_edition.py and
the benchmark.
"""

from __future__ import annotations

import math
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw
from sample_articles import ARTICLES, BRIDGE, COFFEE, RIVERSIDE, SCHOOL

from deskapp.makeup.plan import Edition, edition_from_dict
from deskapp.model import Article, Photo

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
DPI = 40


def _jpeg(image: Image.Image) -> bytes:
    out = BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def bridge_photo() -> bytes:
    """A suspension bridge over a stream between green hills, drawn by code."""
    width, height = 1800, 1150
    image = Image.new("RGB", (width, height), (140, 190, 235))
    draw = ImageDraw.Draw(image)
    for y in range(0, 480):
        shade = 235 - y // 6
        draw.line([(0, y), (width, y)], fill=(120 + y // 8, 175 + y // 12, shade))
    for index, colour in enumerate(((70, 130, 70), (50, 105, 55))):
        base = 420 + index * 90
        points = [(x, base + 50 * math.sin(x / (160 + 60 * index) + index * 2))
                  for x in range(0, width + 30, 30)]
        draw.polygon([(0, height), *points, (width, height)], fill=colour)
    draw.polygon([(0, 820), (width, 760), (width, height), (0, height)], fill=(90, 140, 170))
    for x in range(0, width, 60):  # ripples
        draw.line([(x, 900 + (x % 180) // 6), (x + 35, 900 + (x % 180) // 6)],
                  fill=(170, 205, 225), width=3)
    left, right, deck = 250, 1550, 700
    for tower in (left, right):
        draw.rectangle([tower - 18, 420, tower + 18, deck + 40], fill=(200, 60, 50))
    sag = [(x, deck - 260 + 230 * ((x - left) / (right - left) - 0.5) ** 2 * 4)
           for x in range(left, right + 1, 10)]
    draw.line(sag, fill=(60, 60, 60), width=6)
    for x, y in sag[::4]:
        draw.line([(x, y), (x, deck)], fill=(80, 80, 80), width=2)
    draw.rectangle([0, deck, width, deck + 16], fill=(120, 85, 55))
    for index, x in enumerate(range(600, 1300, 140)):  # people crossing
        draw.ellipse([x, deck - 70, x + 24, deck - 46], fill=(60, 40, 30))
        draw.rectangle([x + 2, deck - 46, x + 22, deck], fill=((30, 90, 160), (200, 40, 60))[
            index % 2])
    return _jpeg(image)


def riverside_photo() -> bytes:
    """A riverside street at dusk with lamps and market stalls, drawn by code."""
    width, height = 1500, 1000
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)],
                  fill=(int(40 + 160 * t), int(40 + 80 * t), int(110 + 40 * (1 - t))))
    draw.rectangle([0, 620, width, height], fill=(70, 60, 55))
    draw.polygon([(0, 560), (width, 520), (width, 620), (0, 640)], fill=(40, 70, 110))
    for index, x in enumerate(range(80, width, 240)):
        draw.rectangle([x, 300, x + 8, 640], fill=(30, 30, 30))
        draw.ellipse([x - 22, 270, x + 30, 322], fill=(255, 220, 120))
        colour = ((200, 60, 50), (230, 170, 40), (60, 140, 90))[index % 3]
        draw.polygon([(x + 40, 700), (x + 120, 640), (x + 200, 700)], fill=colour)
        draw.rectangle([x + 50, 700, x + 190, 790], fill=(150, 110, 70))
    return _jpeg(image)


PHOTOS = {
    (BRIDGE.id, "cau-treo.jpg"): Photo(
        bridge_photo(), 1800, 1150,
        caption="Người dân thôn Kon Đào đi trên cầu treo Đăk Pơ Kô trong ngày khánh thành.",
        credit="Ảnh: Minh Tuấn"),
    (RIVERSIDE.id, "pho-di-bo.jpg"): Photo(
        riverside_photo(), 1500, 1000,
        caption="Gian hàng ẩm thực trên phố đi bộ ven sông Đăk Bla tối thứ bảy.",
        credit="Ảnh: Hoàng Lan"),
}


def photos(article_id: str, name: str) -> Photo | None:
    return PHOTOS.get((article_id, name))


PLAN = {
    "id": "sample-edition-245",
    "name": "Báo Tỉnh Nhà số 245",
    "date": "2026-12-05",
    "pages": [
        {"number": 1, "preset": "tabloid-a3", "blocks": [
            {"id": "p1-head", "kind": "headline", "article": BRIDGE.id, "grid": [0, 4, 0, 7]},
            {"id": "p1-photo", "kind": "photo", "article": BRIDGE.id, "asset": "cau-treo.jpg",
             "grid": [0, 4, 7, 26]},
            {"id": "p1-lead", "kind": "lead", "article": BRIDGE.id, "grid": [0, 4, 33, 5]},
            {"id": "p1-body", "kind": "body", "article": BRIDGE.id, "grid": [0, 2, 38, 38],
             "order": 0},
            {"id": "p1-coffee-head", "kind": "headline", "article": COFFEE.id,
             "grid": [2, 2, 38, 3]},
            {"id": "p1-coffee-lead", "kind": "lead", "article": COFFEE.id,
             "grid": [2, 2, 41, 6]},
            {"id": "p1-coffee-body", "kind": "body", "article": COFFEE.id,
             "grid": [2, 2, 47, 29], "order": 0},
            {"id": "p1-school-head", "kind": "headline", "article": SCHOOL.id,
             "grid": [4, 1, 0, 9]},
            {"id": "p1-school-lead", "kind": "lead", "article": SCHOOL.id, "grid": [4, 1, 9, 11]},
            {"id": "p1-school-body", "kind": "body", "article": SCHOOL.id,
             "grid": [4, 1, 20, 56], "order": 0},
            {"id": "p1-ad", "kind": "reserved", "grid": [0, 5, 76, 10],
             "label": "QUẢNG CÁO – HỢP TÁC XÃ CÀ PHÊ SA THẦY"},
        ]},
        {"number": 2, "preset": "tabloid-a3", "blocks": [
            {"id": "p2-head", "kind": "headline", "article": BRIDGE.id, "grid": [0, 3, 0, 4]},
            {"id": "p2-body", "kind": "body", "article": BRIDGE.id, "grid": [0, 3, 4, 13],
             "order": 1},
            {"id": "p2-river-head", "kind": "headline", "article": RIVERSIDE.id,
             "grid": [3, 2, 0, 8]},
            {"id": "p2-river-photo", "kind": "photo", "article": RIVERSIDE.id,
             "asset": "pho-di-bo.jpg", "grid": [3, 2, 8, 27]},
            {"id": "p2-river-lead", "kind": "lead", "article": RIVERSIDE.id,
             "grid": [3, 2, 35, 6]},
            {"id": "p2-river-body", "kind": "body", "article": RIVERSIDE.id,
             "grid": [3, 2, 41, 25], "order": 0},
            {"id": "p2-ad", "kind": "reserved", "grid": [0, 3, 17, 49]},
            {"id": "p2-ad2", "kind": "reserved", "grid": [0, 5, 66, 20],
             "label": "QUẢNG CÁO – PHỐ ĐI BỘ ĐĂK BLA"},
        ]},
    ],
}


def sample_edition() -> Edition:
    return edition_from_dict(PLAN)


def articles() -> dict[str, Article]:
    return {article.id: article for article in ARTICLES}


def build_sample(library: object, *, approve: bool = True) -> Edition:
    """Put the sample articles (approved), their photos and the edition into ``library``."""
    from deskapp.desk import transition
    from deskapp.errors import DeskappError
    from deskapp.makeup.store import save_edition
    from deskapp.store.assets import add_photo

    for article in ARTICLES:
        if library.is_listed(article.id):  # type: ignore[attr-defined]
            continue
        library.create(Article(**{**article.__dict__, "tags": list(article.tags)}))  # type: ignore[attr-defined]
        for (article_id, name), photo in PHOTOS.items():
            if article_id == article.id:
                add_photo(library, article.id, photo.data, name=name, caption=photo.caption,  # type: ignore[arg-type]
                          credit=photo.credit)
        if approve:
            transition(library, article.id, "submit", user="Hoàng Lan", role="reporter")  # type: ignore[arg-type]
            try:
                transition(library, article.id, "approve", user="Trần Bình", role="editor")  # type: ignore[arg-type]
            except DeskappError:
                transition(library, article.id, "approve", user="Trần Bình", role="editor",  # type: ignore[arg-type]
                           override_note="Bài mẫu của số báo thử")
    return save_edition(library, sample_edition(), author="Trần Bình")  # type: ignore[arg-type]


# ---- golden pages ------------------------------------------------------------
# As tests/pdf/golden_pages.py: small greyscale images, compared with a tolerance
# for anti-aliasing (a moved line changes thousands of pixels).
PIXEL_THRESHOLD = 64
MAX_CHANGED_SHARE = 0.002


def rendered_pages() -> list[Image.Image]:
    """The sample edition's pages as printed (approved, no draft mark), grey at :data:`DPI`."""
    import pypdfium2 as pdfium

    from deskapp.makeup.export import Sources, render_pages
    from deskapp.model import Approval

    approvals = {key: Approval("Trần Bình", "2026-12-05T01:00:00+00:00") for key in articles()}
    data = render_pages(sample_edition(), Sources(articles(), photos, approvals)).data
    document = pdfium.PdfDocument(data)
    try:
        return [page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
                for page in document]
    finally:
        document.close()


def golden_path(page: int) -> Path:
    return GOLDEN_DIR / f"sample-edition-{page}.png"


def changed_share(expected: Image.Image, actual: Image.Image) -> float:
    from PIL import ImageChops

    histogram = ImageChops.difference(expected, actual).histogram()
    return sum(histogram[PIXEL_THRESHOLD + 1:]) / (expected.width * expected.height)


def write_golden() -> list[Path]:
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN_DIR.glob("*.png"):
        old.unlink()
    written = []
    for number, image in enumerate(rendered_pages(), start=1):
        path = golden_path(number)
        image.save(path, optimize=True)
        written.append(path)
    return written
