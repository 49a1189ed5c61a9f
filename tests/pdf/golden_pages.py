"""Golden pages: two fixed articles printed with every preset, as small greyscale images.

Shared by tests/pdf/test_golden_pages.py (compare) and tools/update_golden.py
(regenerate after an intended change of the print). The photo is drawn by
code (Pillow) and stored as PNG, so its pixels are the same everywhere.
"""

from __future__ import annotations

import math
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw

from deskapp.model import Article, Photo
from deskapp.pdf.export import render_pdf
from deskapp.pdf.options import PrintSettings

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
PRESETS = ["a4-article", "a5-booklet", "newspaper-2col", "newspaper-3col", "us-letter"]
DPI = 50
# A page passes when at most this share of its pixels differ by more than
# PIXEL_THRESHOLD grey levels (anti-aliasing of another pdfium or FreeType
# build moves a few edge pixels, a moved line moves thousands).
PIXEL_THRESHOLD = 64
MAX_CHANGED_SHARE = 0.002


def photo_png() -> bytes:
    """A 1200×800 "photo": sky, hills and a road, drawn by code."""
    width, height = 1200, 800
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = 150 + min(y, height // 2) * 90 // (height // 2)
        draw.line([(0, y), (width, y)], fill=(shade // 2, shade - 20, 230))
    for index, (base, colour) in enumerate(((430, (60, 120, 60)), (520, (40, 95, 45)))):
        points = [(x, base + 40 * math.sin(x / (90 + 40 * index) + index)) for x in
                  range(0, width + 20, 20)]
        draw.polygon([(0, height), *points, (width, height)], fill=colour)
    draw.polygon([(560, 470), (640, 470), (900, height), (300, height)], fill=(120, 100, 80))
    draw.ellipse([950, 60, 1070, 180], fill=(250, 220, 120))
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


PHOTO = photo_png()


def assets(name: str) -> Photo | None:
    if name != "doi-che.png":
        return None
    return Photo(PHOTO, 1200, 800, caption="Đồi chè ở xã Đăk Rơ Wa vào mùa thu hoạch",
                 credit="Minh Hùng")


SHORT = Article(
    title="Đắk Rơ Wa: Người dân phấn khởi vào mùa thu hoạch chè",
    lead="Sáng 12/3, bà con xã Đăk Rơ Wa (TP Kon Tum) bắt đầu thu hoạch vụ chè đầu năm "
         "với năng suất ước đạt 9 tấn mỗi héc-ta.",
    body=(
        "![Đồi chè](doi-che.png)\n\n"
        "Theo Ủy ban nhân dân xã, năm nay thời tiết thuận lợi, mưa đúng vụ nên cây chè "
        "phát triển tốt, ít sâu bệnh. Toàn xã có hơn 120 héc-ta chè, trong đó 85 héc-ta "
        "đang cho thu hoạch.\n\n"
        "“Giá chè búp tươi năm nay khá hơn năm ngoái, gia đình tôi tính sẽ trồng thêm "
        "nửa héc-ta”, ông A Thoan ở thôn Kon Klor cho biết.\n\n"
        "Hợp tác xã chè Đăk Rơ Wa đã ký hợp đồng bao tiêu với hai doanh nghiệp chế biến, "
        "bảo đảm đầu ra ổn định cho các hộ thành viên."
    ),
    byline="Minh Tuấn",
    source="kontumtv.vn",
    section="Kinh tế",
    tags=["nông nghiệp"],
)

_PARTS = [
    ("Kết quả sau ba năm",
     "Sau ba năm thực hiện Nghị quyết của Tỉnh ủy về phát triển kinh tế vùng đồng bào "
     "dân tộc thiểu số, diện mạo nông thôn huyện Tu Mơ Rông đã có nhiều thay đổi[^1]. "
     "Các tuyến đường liên xã được bê tông hóa, trường học và trạm y tế được kiên cố hóa; "
     "tỷ lệ hộ nghèo giảm bình quân 4,5% mỗi năm."),
    ("Sâm Ngọc Linh, cây làm giàu",
     "Ông Nguyễn Quốc Thủy, Phó Giám đốc Sở Nông nghiệp, cho biết vùng trồng sâm Ngọc "
     "Linh đã mở rộng lên hơn 1.500 héc-ta, mang lại thu nhập ổn định cho hàng nghìn hộ[^2]. "
     "Nhiều hộ đồng bào Xơ Đăng đã có của ăn của để, xây được nhà kiên cố, mua sắm "
     "phương tiện sản xuất."),
    ("Những khó khăn còn tồn tại",
     "Tuy vậy, hạ tầng giao thông ở một số thôn vùng sâu vẫn chưa đáp ứng nhu cầu đi lại "
     "vào mùa mưa; nguồn vốn đầu tư còn phân tán, một số công trình chậm tiến độ. Trình độ "
     "canh tác của một bộ phận người dân còn hạn chế, việc ứng dụng khoa học kỹ thuật chưa "
     "đồng đều giữa các xã."),
]


def _long_body() -> str:
    blocks: list[str] = []
    for index, (head, text) in enumerate(_PARTS):
        blocks.append(f"## {head}")
        blocks.append(text)
        for repeat in range(4):
            blocks.append(
                f"Ngày {repeat + 3}/{index + 4}, đoàn công tác của Ủy ban nhân dân tỉnh đã "
                "kiểm tra thực tế tại các thôn Đăk Chum, Long Láy và Kon Hia, làm việc với "
                "Đảng ủy, chính quyền các xã về tiến độ giải ngân vốn, công tác giảm nghèo "
                "bền vững và xây dựng nông thôn mới. Đoàn ghi nhận nhiều cách làm hay, "
                "đồng thời yêu cầu địa phương khẩn trương tháo gỡ vướng mắc về mặt bằng.")
        if index == 0:
            blocks.append("> [!pull] “Việc khó đến đâu cũng phải bàn với dân trước, làm sau.”")
    blocks.append("[^1]: Báo cáo sơ kết ba năm của Huyện ủy Tu Mơ Rông, tháng 12/2026.")
    blocks.append("[^2]: Số liệu của Sở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum.")
    return "\n\n".join(blocks)


LONG = Article(
    title="Tu Mơ Rông: Ba năm đổi thay ở vùng đồng bào Xơ Đăng",
    lead="Từ một huyện nghèo nhất tỉnh, Tu Mơ Rông đang từng bước vươn lên nhờ cây sâm "
         "Ngọc Linh và sự đồng lòng của người dân.",
    body=_long_body(),
    byline="Y Thoan – Minh Tuấn",
    source="Báo Kon Tum",
    section="Thời sự",
    tags=["dân tộc", "giảm nghèo"],
)
ARTICLES = {"short": SHORT, "long": LONG}


def rendered(preset: str, which: str) -> list[Image.Image]:
    """The article's pages on ``preset``, in grey at :data:`DPI`."""
    data = render_pdf(ARTICLES[which], PrintSettings(preset=preset, assets=assets))
    document = pdfium.PdfDocument(data)
    try:
        return [page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
                for page in document]
    finally:
        document.close()


def golden_path(preset: str, which: str, page: int) -> Path:
    return GOLDEN_DIR / f"{preset}-{which}-{page}.png"


def changed_share(expected: Image.Image, actual: Image.Image) -> float:
    """The share of pixels that differ by more than PIXEL_THRESHOLD grey levels."""
    diff = ImageChops.difference(expected, actual)
    histogram = diff.histogram()
    return sum(histogram[PIXEL_THRESHOLD + 1:]) / (diff.width * diff.height)


def diff_image(expected: Image.Image, actual: Image.Image) -> Image.Image:
    """Expected, actual and their differences (dark where they differ), side by side."""
    amplified = ImageChops.difference(expected, actual).point(lambda v: min(255, v * 4))
    diff = ImageChops.invert(amplified)
    sheet = Image.new("L", (expected.width * 3 + 20, expected.height), 128)
    for index, image in enumerate((expected, actual, diff)):
        sheet.paste(image, (index * (expected.width + 10), 0))
    return sheet


def write_all() -> list[Path]:
    """Render every preset's golden pages into GOLDEN_DIR (old ones removed first)."""
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN_DIR.glob("*.png"):
        old.unlink()
    written = []
    for preset in PRESETS:
        for which in ARTICLES:
            for number, image in enumerate(rendered(preset, which), start=1):
                path = golden_path(preset, which, number)
                image.save(path, optimize=True)
                written.append(path)
    return written
