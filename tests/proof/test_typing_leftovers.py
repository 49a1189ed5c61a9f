"""Proofing rule typing_leftover: Telex/VNI keys left in the copy, in provincial news."""

from __future__ import annotations

import json

import pytest

from deskapp.cli import main
from deskapp.model import Article
from deskapp.proof import RULES, apply_fixes, check, describe_finding, rule_name
from deskapp.proof.leftovers import allowed_words
from deskapp.text.leftovers import intended_word
from deskapp.welcome import welcome_article


def leftovers(body: str, **fields: str) -> list[tuple[str, str | None]]:
    article = Article(title=fields.get("title", "Tít"), lead=fields.get("lead", "Sapo."),
                      byline="PV", body=body)
    return [(f.text, f.fix) for f in check(article, rules=("typing_leftover",))]


# (sentence, [(keys left in it, the word meant)])
POSITIVE = [
    ("Các ngành chức năng đã đwowcj báo Vieetj Nam về vụ việc.",
     [("đwowcj", "được"), ("Vieetj", "Việt")]),
    ("Lực lượng chức năng dduwowcj huy động đến hiện trường.", [("dduwowcj", "được")]),
    ("Sở tw pháp tỉnh Kon Tum tổ chức hội nghị.", [("tw", "tư")]),
    ("Hơn 200 nguwowif dân xã Đăk Pxi tham gia ngày hội.", [("nguwowif", "người")]),
    ("Đoàn công tác đến thăm bà con vie6t5 kiều.", [("vie6t5", "việt")]),
    ("Khoong ai bị thương trong vụ cháy rừng ở huyện Kon Plông.", [("Khoong", "Không")]),
    ("UBND huyện Sa Thầy cho biết sẽ hoàn thành trong nawm 2026.", [("nawm", "năm")]),
    ("Chủ tịch UBND tỉnh yêu cầu các sở, ngành phoois hợp chặt chẽ.", [("phoois", "phối")]),
    ("Ông A Sang, trưởng thôn, cho biết mootj số hộ đã thoát nghèo.", [("mootj", "một")]),
    ("Giá cà phê tăng mạnh, nông dân phấn khởi vaf yên tâm.", [("vaf", "và")]),
    ("Dự án đường tránh thành phố Kon Tum laf công trình trọng điểm.", [("laf", "là")]),
    ("Tỉnh ddax giải ngân hơn 80% vốn đầu tư công.", [("ddax", "đã")]),
    ("Công an huyện Ngọc Hồi truwfowng hợp bắt giữ đối tượng.", [("truwfowng", "trường")]),
    ("Trường học cuar huyện Tu Mơ Rông được sửa chữa.", [("cuar", "của")]),
    ("Bà con thôn Kon Klor đón Tết vui tươi, ddaafm ấm.", [("ddaafm", "đầm")]),
    ("Đường lên xã Măng Ri bị sạt lở, xe khoong qua được.", [("khoong", "không")]),
    ("Các xã vùng sâu đã có ddieenj lưới quốc gia.", [("ddieenj", "điện")]),
    ("Hội nghị tổng kết cong6 tác năm được tổ chức sáng nay.", [("cong6", "công")]),
    ("Sáng 5/12, UBND tỉnh tổ chức hội nghị triển khai nhiệm vụ nawm mới.",
     [("nawm", "năm")]),
]

NEGATIVE = [
    # abbreviations, codes and numbers
    "UBND tỉnh Kon Tum và HĐND tỉnh họp phiên thường kỳ.",
    "Tỉnh không ghi nhận ca mắc COVID-19 mới; dịch H5N1 được kiểm soát.",
    "Quốc lộ 14 đoạn qua xã Đăk Rơ Wa, khu A1, lô B2 đã thông xe lúc 19h30.",
    "Diện tích 1.200 m2, tốc độ 4G và 5G phủ khắp các xã; TW hỗ trợ 5 tỷ đồng.",
    # brands, products and foreign names
    "Người dân dùng Facebook, Zalo, YouTube và TikTok để theo dõi tin tức.",
    "Ông Lee Jae-myung và ông Moon Jae-in từng thăm Việt Nam.",
    "Đoàn doanh nghiệp Samsung, Toyota và Honda làm việc với tỉnh.",
    "Thẻ Visa được chấp nhận tại các điểm du lịch ở Paris và Măng Đen.",
    "Chiếc iPhone bị mất được trả lại cho du khách người Mỹ tên Laura.",
    "Hệ thống bị tấn công DDoS vào tối qua.",
    # ethnic and place names of the Central Highlands
    "Đồng bào Xơ Đăng, Ba Na, Gia Rai ở xã Ia Chim, Đăk Glei, Pleiku và Krông Búk.",
    "Ông Y Ngông Niê Kđăm và bà Ksor H'Bơ Khăp dự lễ hội.",
    "Già làng A Thút ở làng Kon Tum Kơ Pâng kể chuyện H'Mông, Rơ Măm.",
    # English words that are also keys, in English or in Vietnamese copy
    "Khẩu hiệu “the best of times” được in trên áo.",
    "Ca sĩ hát “Let it be” và “The show must go on” trong đêm nhạc.",
    "Người dân đi xe bus, test nhanh tại chỗ, rồi làm visa đi Hàn Quốc.",
    "Ông là host của chương trình, có nhiều bài post trên mạng.",
    # correct Vietnamese that looks like keys
    "Chị mua cái xoong, quần soóc và lên boong tàu.",
    "Ông Hoàng Văn Kỳ, Trưởng phòng, nói: “Mọi việc đã xong.”",
    "Tàu ngầm, tàu tuần tra và bộ đội biên phòng tuần tra trên sông Sê San.",
    "Thầy giáo dạy học sinh gõ chữ tiếng Việt có dấu.",
    # Markdown: code, links and placeholders are not prose
    "Gõ `Vieetj` để có chữ Việt; xem [hướng dẫn](https://example.vn/ddi).",
]


@pytest.mark.parametrize(("body", "expected"), POSITIVE, ids=[p[0][:40] for p in POSITIVE])
def test_keys_left_in_the_copy_are_flagged_with_the_word_meant(body, expected):
    assert leftovers(body) == expected


@pytest.mark.parametrize("body", NEGATIVE, ids=[n[:40] for n in NEGATIVE])
def test_correct_text_is_not_flagged(body):
    assert leftovers(body) == []


def test_the_issue_paragraph():
    body = ("Các nghành chức năng đã đwowcj báo Vieetj Nam … thủ tướng chính phủ và Ủy ban "
            "nhân dân Tỉnh Kon Tum, Mặt trận Tổ Quốc, sử lý vi phạm, chuẩn đoán bệnh, "
            "sát nhập xã")
    assert leftovers(body) == [("đwowcj", "được"), ("Vieetj", "Việt")]


def test_headline_and_lead_are_checked_too():
    found = leftovers("Thân bài.", title="Kon Tum: hội nghị tổng keets nawm 2026",
                      lead="Sáng nay, tỉnh ddax tổ chức hội nghị.")
    assert found == [("keets", "kết"), ("nawm", "năm"), ("ddax", "đã")]


def test_fix_all_gives_clean_copy():
    article = Article(title="Tít", lead="Sapo.", byline="PV",
                      body="Lực lượng chức năng dduwowcj huy động, nguwowif dân yên tâm.")
    fixed = apply_fixes(article, check(article))
    assert fixed.body == "Lực lượng chức năng được huy động, người dân yên tâm."
    assert check(fixed) == []


def test_message_in_both_languages_and_rule_name():
    article = Article(title="Tít", lead="Sapo.", byline="PV", body="Xã ddax hoàn thành.")
    [finding] = check(article)
    assert finding.rule == "typing_leftover" and "typing_leftover" in RULES
    assert describe_finding(finding, "vi") == (
        "“ddax” là phím gõ Telex/VNI chưa được chuyển thành chữ; có lẽ là “đã”.")
    assert describe_finding(finding, "en") == (
        "“ddax” looks like Telex/VNI keys left unconverted; probably “đã”.")
    assert rule_name("typing_leftover", "vi") == "Phím gõ sót"
    assert rule_name("typing_leftover", "en") == "Typing leftover"


def test_capitalised_words_need_a_tone_and_a_mark():
    assert intended_word("Vieetj") == "Việt"
    assert intended_word("Ddaf") == "Đà"
    assert intended_word("Hoaf") is None  # could be a foreign name
    assert intended_word("Hoaf", name=False) == "Hòa"  # opens a sentence
    assert intended_word("Lee") is None and intended_word("lee") == "lê"


def test_the_allow_list_is_data_and_is_used():
    allowed = allowed_words()
    assert {"test", "bus", "paris", "visa"} <= allowed
    assert intended_word("test") == "tét"
    assert intended_word("test", allowed) is None
    # Common words that people really leave as keys are not in the list.
    assert not {"car", "max", "sex", "too", "moon", "six"} & allowed


def test_welcome_articles_have_no_leftovers():
    for language in ("vi", "en"):
        article = welcome_article(language)
        assert check(article, rules=("typing_leftover", "invalid_syllable")) == []


def test_check_json_reports_the_finding(tmp_path, library_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "en")
    source = tmp_path / "bai.md"
    source.write_text("---\ntitle: Hội nghị\nlead: Sapo.\nbyline: PV\n---\n"
                      "Đoạn một.\n\nXã ddax hoàn thành nawm 2026.\n", encoding="utf-8")
    status = main(["--library", str(library_path), "check", "--json", str(source)])
    items = json.loads(capsys.readouterr().out)
    assert status == 3
    assert items == [
        {"rule": "typing_leftover", "field": "body", "line": 3, "column": 4, "text": "ddax",
         "message": "“ddax” looks like Telex/VNI keys left unconverted; probably “đã”.",
         "fix": "đã"},
        {"rule": "typing_leftover", "field": "body", "line": 3, "column": 20, "text": "nawm",
         "message": "“nawm” looks like Telex/VNI keys left unconverted; probably “năm”.",
         "fix": "năm"},
    ]
