"""Spaces around punctuation: none before , . ; : ! ? ), one after; one before (, none after."""

from __future__ import annotations

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check, describe_finding
from deskapp.proof.house import house_style

RULES = ("space_before_punctuation", "space_after_punctuation")


def article(body: str) -> Article:
    return Article(title="Tít", lead="Sapo.", byline="PV", body=body)


def found(body: str, **options: object) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.text, f.fix) for f in check(article(body), **options)  # type: ignore[arg-type]
            if f.rule in RULES]


def fixed(body: str) -> str:
    a = article(body)
    return apply_fixes(a, [f for f in check(a) if f.rule in RULES]).body


@pytest.mark.parametrize(("body", "expected"), [
    # the space before the mark belongs after it: one finding, one fix
    ("Doanh thu tăng 12,5% ,ngày 5/12 đạt đỉnh.", "Doanh thu tăng 12,5%, ngày 5/12 đạt đỉnh."),
    ("Cảnh sông Đắk Bla rất đẹp ,chúng tôi dừng lại.",
     "Cảnh sông Đắk Bla rất đẹp, chúng tôi dừng lại."),
    ("Hội nghị kết thúc .Chiều cùng ngày, đoàn về huyện.",
     "Hội nghị kết thúc. Chiều cùng ngày, đoàn về huyện."),
    ("Ông Hùng hỏi ?Không ai trả lời.", "Ông Hùng hỏi? Không ai trả lời."),
    ("Kiểm tra ba xã ;chỉ ra sai phạm.", "Kiểm tra ba xã; chỉ ra sai phạm."),
    # no space after the mark
    ("Chủ tịch xã nói:không để dân thiếu nước.", "Chủ tịch xã nói: không để dân thiếu nước."),
    ("Nông dân phấn khởi!Giá cà phê tăng.", "Nông dân phấn khởi! Giá cà phê tăng."),
    ("Tháo gỡ vướng mắc,hỗ trợ hộ nghèo.", "Tháo gỡ vướng mắc, hỗ trợ hộ nghèo."),
    ("Trong năm 2025,tỉnh trồng mới 500 ha rừng.", "Trong năm 2025, tỉnh trồng mới 500 ha rừng."),
    ("Mưa lớn (kéo dài)khiến đường sạt lở.", "Mưa lớn (kéo dài) khiến đường sạt lở."),
    ("Nhóm **trọng điểm**,gồm ba xã.", "Nhóm **trọng điểm**, gồm ba xã."),
    ("Lúa “trúng mùa”,giá ổn định.", "Lúa “trúng mùa”, giá ổn định."),
    ('Mô hình "3 tại chỗ",cứu hộ kịp thời.', 'Mô hình "3 tại chỗ", cứu hộ kịp thời.'),
    ("Mục tiêu năm 2026:tăng trưởng 8%.", "Mục tiêu năm 2026: tăng trưởng 8%."),
    ("Ông Minh nói:“Tôi đồng ý.”", "Ông Minh nói: “Tôi đồng ý.”"),
    ("Huyện Đắk Hà(Kon Tum) có mưa.", "Huyện Đắk Hà (Kon Tum) có mưa."),
    # brackets: a space before "(", none inside
    ("Giá cao su tăng(mạnh) trong quý III.", "Giá cao su tăng (mạnh) trong quý III."),
    ("Huyện Đắk Hà ( tỉnh Kon Tum ) có mưa.", "Huyện Đắk Hà (tỉnh Kon Tum) có mưa."),
])
def test_spacing_is_found_and_fixed(body, expected):
    assert found(body), body
    assert fixed(body) == expected


def test_a_misplaced_space_is_one_finding_that_moves_it():
    assert found("Tăng 12,5% ,ngày mai.") == [("space_before_punctuation", " ,", ", ")]
    [finding] = [f for f in check(article("Cảnh đẹp ,chúng tôi.")) if f.rule in RULES]
    assert "“,”" in describe_finding(finding, "vi") and "wrong side" in describe_finding(
        finding, "en")


def test_the_old_cases_stay():
    assert found("Đơn vị , địa phương ; kết thúc .") == [
        ("space_before_punctuation", " ,", ","), ("space_before_punctuation", " ;", ";"),
        ("space_before_punctuation", " .", ".")]


@pytest.mark.parametrize("body", [
    # numbers, decimals, times
    "Tăng 12,5%; giá 5.000 đồng; tỷ lệ 1.5 ở bảng Anh; họp lúc 19:30, kết thúc 21h30.",
    "Tỷ số 2:1; tỉ lệ 1:500; mã 2,4-D; khoản 1,2,3 Điều 5; địa chỉ IPv6 2001:db8::1.",
    "Ảnh: TTXVN. TP. Kon Tum, Q.1, P.5, GS.TSKH Lê An, mục III.Giải pháp, v.v.“Tôi”.",
    "Chú thích (*), (1), (a), (ảnh: Hồng Minh); ông Nguyễn Văn A(SN 1980).",
    # URLs, e-mail addresses, file names
    "Xem https://baokontum.com.vn/tin,moi?id=5:Tin hoặc kontumtv.vn, thư toasoan@baokontum.vn.",
    "Gửi tệp baocao.docx và anh.JPG; ổ C:\\Tin; trang www.kontum.gov.vn.",
    # abbreviations and ellipses
    "Đoàn đến TP.HCM, đội U.23 và PGS.TS Nguyễn Văn An, v.v. Sau đó về.",
    "Anh ấy chờ... Rồi im lặng… Rồi đi. Chờ mãi…chờ mãi.",
    "Học vị ThS.BS Lê Hoa; Tp.Hồ Chí Minh; Q.Ba Đình; H.Đắk Hà.",
    # Markdown: links, emphasis, footnotes, headings, lists, images, code
    "# Tít bài\n\n- mục một\n- mục hai\n\n1. Mục một\n\nXem [bài (kỳ 1)](https://a.vn/x,y) "
    "và ![ảnh](a.jpg). Chữ *nghiêng*, **đậm**. Ghi chú[^1].\n\n[^1]: Nguồn: Sở Y tế.",
    "Dùng `a,b` và `f(x)` trong mã.\n\n```\nx = f(a,b)\n```",
    # quotes and closing brackets before punctuation
    "Ông nói: “Được.” Bà đáp (rất nhanh), rồi đi. Họ hô “Hoan hô”! Khẩu hiệu “Đổi mới”.",
    # chemistry, plurals, single letters in brackets
    "Vôi tôi Ca(OH)2 và người(s) trong biểu mẫu; hàm f(x).",
    "Emoji :smile: và :+1: trong tin nhắn; Yahoo! News.",
    # code written without backticks
    "Gọi library.create(Article(title)) rồi print(error) và main(sys.argv[1:]).",
])
def test_right_spacing_and_lookalikes_are_not_flagged(body):
    assert found(body) == []


def test_the_newsroom_may_turn_the_space_after_off():
    off = house_style({"proof_style": '{"punctuation_spacing": false}'}.get)
    assert found("Ông nói:không được,tăng(mạnh).", house=off) == []
