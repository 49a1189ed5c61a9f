"""The article a new library starts with: a short tour of Deskapp.

Written in Vietnamese (the newsroom's default) and in English; the window
asks for the one in its interface language.
"""

from __future__ import annotations

from deskapp.model import Article

WELCOME_BODY = """\
Deskapp giúp phóng viên viết bài ngay cả khi không có mạng, và giúp ban biên tập \
duyệt, sửa rồi xuất bản in **PDF** với đầy đủ dấu tiếng Việt.

## Viết bài

- Gõ **tít**, **sapo**, bút danh, nguồn và chuyên mục vào các ô phía trên.
- Viết thân bài bằng Markdown: `**đậm**`, `*nghiêng*`, `## Tiêu đề phụ`, danh sách, \
trích dẫn, bảng.
- Khung xem trước bên phải cập nhật theo từng chữ bạn gõ.

> Mọi chữ đều được tự động lưu vào thư viện trên máy sau vài giây ngừng gõ. \
Tắt máy đột ngột cũng không mất bài.

## Nhập bài từ trang web

Chọn **Tệp → Nhập bài** hoặc kéo thả một tệp `.txt` vào cửa sổ. Deskapp tách nguồn \
ở đầu bài, bút danh ở cuối bài, bỏ phần bình luận thừa và các khoảng trắng kép.

## Xuất bản in

**Tệp → Xuất PDF** (Ctrl+E) tạo tệp PDF khổ A4 với phông chữ nhúng sẵn: \
chữ hoa hai dấu như ẤP BẮC, TIỀN GIANG, BỖNG, NGỮ và những chữ như đặc, ngẫm, kỹ đều hiện đúng chỗ.

| Việc cần làm | Phím tắt |
| --- | --- |
| Bài mới | Ctrl+N |
| Lưu | Ctrl+S |
| Nhập bài | Ctrl+Shift+I |
| Xuất PDF | Ctrl+E |
| Xóa vào thùng rác | Delete |

---

Bài xóa nhầm nằm trong **thùng rác** và có thể khôi phục bất cứ lúc nào.
"""


WELCOME_BODY_EN = """\
Deskapp helps reporters write even without a network, and helps the desk review, \
edit and publish print-ready **PDF** with every Vietnamese mark in place.

## Writing

- Type the **headline**, the **lead**, byline, source and section in the fields above.
- Write the body in Markdown: `**bold**`, `*italic*`, `## Subheading`, lists, \
quotes, tables.
- The preview on the right follows every word you type.

> Everything is saved to the library on this computer a few seconds after you stop \
typing. A sudden power cut loses nothing.

## Importing from a web page

Choose **File → Import** or drop a `.txt` file on the window. Deskapp takes the source \
from the top, the byline from the bottom, and drops leftover comments and double spaces.

## Printing

**File → Export PDF** (Ctrl+E) makes an A4 PDF with its fonts embedded: \
capitals with two marks such as ẤP BẮC, TIỀN GIANG, BỖNG, NGỮ and words such as đặc, \
ngẫm, kỹ all come out right.

| To do | Shortcut |
| --- | --- |
| New article | Ctrl+N |
| Save | Ctrl+S |
| Import | Ctrl+Shift+I |
| Export PDF | Ctrl+E |
| Move to the trash | Delete |

---

An article deleted by mistake waits in the **trash** and can be restored at any time.
"""

# Every title the welcome has had in each language: how an untouched welcome is recognised.
WELCOME_TITLES = {"vi": "Chào mừng đến với Deskapp", "en": "Welcome to Deskapp"}


def welcome_article(language: str = "vi") -> Article:
    """The welcome article in ``language`` ("vi" or "en"; Vietnamese for anything else)."""
    if language == "en":
        return Article(
            title=WELCOME_TITLES["en"],
            lead="A newsroom on a laptop: write, save, preview and print Vietnamese news "
                 "articles.",
            body=WELCOME_BODY_EN,
            byline="The Deskapp team",
            source="",
            section="Guide",
            tags=["guide"],
        )
    return Article(
        title=WELCOME_TITLES["vi"],
        lead="Tòa soạn trên máy tính xách tay: viết, lưu, xem trước và in bài báo tiếng Việt.",
        body=WELCOME_BODY,
        byline="Nhóm Deskapp",
        source="",
        section="Hướng dẫn",
        tags=["hướng dẫn"],
    )
