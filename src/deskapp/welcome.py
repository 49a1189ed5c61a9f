"""The article a new library starts with: a short tour of Deskapp, in Vietnamese."""

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


def welcome_article() -> Article:
    return Article(
        title="Chào mừng đến với Deskapp",
        lead="Tòa soạn trên máy tính xách tay: viết, lưu, xem trước và in bài báo tiếng Việt.",
        body=WELCOME_BODY,
        byline="Nhóm Deskapp",
        source="",
        section="Hướng dẫn",
        tags=["hướng dẫn"],
    )
