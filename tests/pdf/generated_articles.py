"""Generated Vietnamese provincial-news articles of any length, the same for a given seed.

The sentences are built from a small stock of phrases in the style of a
provincial paper's news (meetings, harvests, roads, schools); every few
paragraphs a subhead opens a new part. Nothing is random across runs.
"""

from __future__ import annotations

import random

from deskapp.model import Article

PLACES = ["Kon Tum", "Đắk Hà", "Sa Thầy", "Ngọc Hồi", "Kon Plông", "Ia H'Drai", "Đắk Tô",
          "Tu Mơ Rông", "Kon Rẫy", "Đắk Glei", "xã Đăk Rơ Wa", "phường Quyết Thắng"]
SUBJECTS = ["Ủy ban nhân dân tỉnh", "Ban chỉ đạo", "Hội Nông dân huyện", "Sở Giáo dục",
            "Ban quản lý dự án", "Đoàn Thanh niên", "Chi cục Thủy lợi", "Hội Liên hiệp Phụ nữ",
            "Trung tâm Y tế", "Hợp tác xã cà phê", "Phòng Tài nguyên và Môi trường"]
VERBS = ["tổ chức hội nghị tổng kết", "triển khai kế hoạch", "kiểm tra tiến độ",
         "trao quyết định hỗ trợ", "đánh giá kết quả thực hiện", "phát động phong trào",
         "khánh thành công trình", "hướng dẫn bà con", "tập huấn kỹ thuật",
         "đối thoại với người dân về"]
OBJECTS = ["xây dựng nông thôn mới", "quy chế dân chủ ở cơ sở", "chuyển đổi số",
           "trồng sâm Ngọc Linh", "giảm nghèo bền vững", "phòng chống thiên tai",
           "nước sạch nông thôn", "đường giao thông liên xã", "tiêm chủng mở rộng",
           "bảo vệ rừng đầu nguồn", "thu hoạch cà phê vụ mùa", "kiên cố hóa trường lớp"]
TAILS = ["với sự tham dự của đại diện các sở, ngành và lãnh đạo địa phương",
         "trong bối cảnh thời tiết diễn biến phức tạp, mưa lớn kéo dài nhiều ngày",
         "nhằm nâng cao đời sống vật chất và tinh thần cho đồng bào dân tộc thiểu số",
         "theo đúng tiến độ đề ra từ đầu năm",
         "với tổng kinh phí hơn 12,5 tỷ đồng từ ngân sách tỉnh và nguồn xã hội hóa",
         "góp phần giữ vững an ninh trật tự ở vùng biên giới",
         "được người dân đồng tình, hưởng ứng tích cực",
         "trên tinh thần dân biết, dân bàn, dân làm, dân kiểm tra"]
QUOTES = ["Chúng tôi sẽ tiếp tục lắng nghe ý kiến của bà con để làm tốt hơn",
          "Năm nay mưa thuận gió hòa, thu nhập của gia đình tôi khá hơn hẳn",
          "Việc khó đến đâu cũng phải bàn với dân trước, làm sau",
          "Ước mơ của các em là có phòng học kiên cố trước mùa mưa"]
SPEAKERS = ["ông A Thoan, Chủ tịch UBND xã", "bà Y Lan, người dân thôn Kon Drei",
            "ông Nguyễn Quốc Thủy, Phó Giám đốc Sở", "chị Phạm Thị Ngọc Huyền, giáo viên"]
HEADS = ["Kết quả bước đầu", "Những khó khăn còn tồn tại", "Ý kiến của người dân",
         "Giải pháp trong thời gian tới", "Nguồn lực cho vùng khó", "Chuyển biến ở cơ sở",
         "Mùa vụ mới, hy vọng mới", "Trách nhiệm của người đứng đầu"]


def sentence(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:
        return f"“{rng.choice(QUOTES)}”, {rng.choice(SPEAKERS)} cho biết."
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    text = (f"Ngày {day}/{month}, {rng.choice(SUBJECTS)} {rng.choice(PLACES)} "
            f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}")
    if kind < 0.7:
        text += f" {rng.choice(TAILS)}"
    if kind > 0.85:
        text += f"; toàn huyện đạt {rng.randint(60, 99)}% kế hoạch năm"
    return text + "."


def body_text(words: int, seed: int = 0, *, subheads: bool = True) -> str:
    """A Markdown body of about ``words`` words (within a sentence), with subheads."""
    rng = random.Random(seed)
    blocks: list[str] = []
    count, paragraph, in_part = 0, [], 0
    heads = list(HEADS)
    rng.shuffle(heads)
    while count < words:
        text = sentence(rng)
        paragraph.append(text)
        count += len(text.split())
        if len(paragraph) >= rng.randint(2, 4) or count >= words:
            blocks.append(" ".join(paragraph))
            paragraph = []
            in_part += 1
            if subheads and in_part >= rng.randint(3, 5) and count < words - 60 and heads:
                blocks.append(f"## {heads.pop()}")
                in_part = 0
    return "\n\n".join(blocks)


def news_article(words: int, seed: int = 0) -> Article:
    """A whole article whose body has about ``words`` words."""
    rng = random.Random(seed + 7919)
    place = rng.choice(PLACES)
    return Article(
        title=f"{place}: {rng.choice(VERBS).capitalize()} {rng.choice(OBJECTS)}",
        lead=sentence(rng) + " " + sentence(rng),
        body=body_text(words, seed),
        byline="Minh Tuấn – Y Thoan",
        source="kontumtv.vn",
        section="Thời sự",
        tags=["địa phương"],
    )
