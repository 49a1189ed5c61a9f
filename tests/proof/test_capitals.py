"""Capitals in names, titles and places (Decree 30/2020/NĐ-CP, Appendix II) and their fixes."""

from __future__ import annotations

import json

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check, describe_finding
from deskapp.proof.house import house_style
from deskapp.resources import resource_path


def found(body: str, **options: object):
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    return [f for f in check(article, **options) if f.rule == "capitalization"]  # type: ignore[arg-type]


def pairs(body: str, **options: object) -> list[tuple[str, str | None]]:
    return [(f.text, f.fix) for f in found(body, **options)]


ISSUE = ("Các nghành chức năng … thủ tướng chính phủ và Ủy ban nhân dân Tỉnh Kon Tum, "
         "Mặt trận Tổ Quốc, sử lý vi phạm, chuẩn đoán bệnh, sát nhập xã.")


def test_the_issue_paragraph_every_error_with_its_fix():
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=ISSUE)
    got = {(f.rule, f.text, f.fix) for f in check(article)}
    assert {
        ("capitalization", "thủ tướng chính phủ", "Thủ tướng Chính phủ"),
        ("capitalization", "Tỉnh", "tỉnh"),
        ("capitalization", "Mặt trận Tổ Quốc", "Mặt trận Tổ quốc"),
        ("misspelling", "sử lý", "xử lý"),
        ("misspelling", "chuẩn đoán", "chẩn đoán"),
        ("misspelling", "sát nhập", "sáp nhập"),
    } <= got
    fixed = apply_fixes(article, check(article)).body
    assert ("Thủ tướng Chính phủ và Ủy ban nhân dân tỉnh Kon Tum, Mặt trận Tổ quốc, "
            "xử lý vi phạm, chẩn đoán bệnh, sáp nhập xã.") in fixed


@pytest.mark.parametrize(("body", "expected"), [
    # IV: bodies
    ("Văn bản gửi Bộ tài chính.", [("Bộ tài chính", "Bộ Tài chính")]),
    ("Đại biểu Quốc Hội chất vấn.", [("Quốc Hội", "Quốc hội")]),
    ("Ủy ban Nhân dân huyện họp.", [("Ủy ban Nhân dân", "Ủy ban nhân dân")]),
    ("Lãnh đạo mặt trận tổ quốc việt nam dự.", [("mặt trận tổ quốc việt nam",
                                                 "Mặt trận Tổ quốc Việt Nam")]),
    # V.3: titles
    ("Đồng chí Phó bí thư Tỉnh ủy phát biểu.", [("Phó bí thư", "Phó Bí thư")]),
    ("Ông là Bí Thư chi bộ.", [("Bí Thư", "Bí thư")]),
    ("Ý kiến của chủ tịch nước được ghi nhận.", [("chủ tịch nước", "Chủ tịch nước")]),
    ("Có mặt chủ tịch Nguyễn Văn An.", [("chủ tịch", "Chủ tịch")]),
    ("Đoàn do phó bí thư Tỉnh ủy Nguyễn Văn Hùng dẫn đầu.", [("phó bí thư", "Phó Bí thư")]),
    ("Phó chủ tịch UBND tỉnh Nguyễn Văn An dự.", [("Phó chủ tịch", "Phó Chủ tịch")]),
    ("Ông A, Chủ tịch UBND Tỉnh Kon Tum.", [("Tỉnh", "tỉnh")]),
    # III: places
    ("Đoàn công tác về Huyện Đăk Hà.", [("Huyện", "huyện")]),
    ("Người dân Thị xã Buôn Hồ vui mừng.", [("Thị xã", "thị xã")]),
    ("Chuyến bay đến thành phố Hồ Chí Minh.", [("thành phố Hồ Chí Minh",
                                                "Thành phố Hồ Chí Minh")]),
    # II: personal names
    ("Ông Nguyễn văn An và bà Trần thị Hoa.", [("Nguyễn văn An", "Nguyễn Văn An"),
                                              ("Trần thị Hoa", "Trần Thị Hoa")]),
    # V.1
    ("Sự quan tâm của Đảng và nhà nước.", [("Đảng và nhà nước", "Đảng và Nhà nước")]),
])
def test_wrong_capitals_are_flagged(body, expected):
    assert pairs(body) == expected
    [finding, *_] = found(body)
    assert "30/2020" in describe_finding(finding, "vi")
    assert "Appendix II" in describe_finding(finding, "en")


@pytest.mark.parametrize("body", [
    "Đồng chí Đào Xuân Quý, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh Kon Tum dự.",
    "Thủ tướng Chính phủ và Chủ tịch Quốc hội dự; Bộ Tài chính, Mặt trận Tổ quốc Việt Nam.",
    "Tỉnh Kon Tum có 10 huyện, thành phố.",  # a sentence may start with the unit
    "Hội đồng nhân dân Thành phố Hà Nội; Văn phòng Tỉnh ủy Nghệ An.",
    "Các phó bí thư và chủ tịch các xã họp; chính phủ các nước; ông A, chủ tịch UBND tỉnh.",
    "Quận 1, Phường Nguyễn Du, Thành phố Hồ Chí Minh, Thủ đô Hà Nội.",
    "Tỉnh Đoàn và Tỉnh Hội Nông dân phối hợp.",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM.",
    "Cơ quan nhà nước và doanh nghiệp nhà nước; ngân sách nhà nước.",
    "Ông Nguyễn Văn An, bà Trần Thị Hoa, cụ Lê Văn Tám.",
    "Trong mã: `Bộ tài chính`.",
    "Tổng Kết Thực Hiện Quy Chế Dân Chủ Ở Cơ Sở Tỉnh Kon Tum",  # a Title Case line
])
def test_right_capitals_are_not_flagged(body):
    assert found(body) == []


def test_the_unit_in_a_full_name_is_the_newsrooms_choice():
    lower = "Ủy ban nhân dân tỉnh Kon Tum họp."
    upper = "Ủy ban nhân dân Tỉnh Kon Tum họp."
    assert pairs(upper) == [("Tỉnh", "tỉnh")] and pairs(lower) == []
    choose_upper = house_style({"proof_style": '{"unit_in_full_name": "upper"}'}.get)
    assert pairs(upper, house=choose_upper) == []
    assert pairs(lower, house=choose_upper) == [("tỉnh", "Tỉnh")]
    either = house_style({"proof_style": '{"unit_in_full_name": "either"}'}.get)
    assert pairs(upper, house=either) == pairs(lower, house=either) == []
    # Outside a body's name the unit is always lower case.
    assert pairs("Về Tỉnh Kon Tum.", house=choose_upper) == [("Tỉnh", "tỉnh")]


def test_state_words_are_the_newsrooms_choice():
    body = "Sự quan tâm của Đảng và nhà nước."
    either = house_style({"proof_style": '{"state_words": "either"}'}.get)
    assert pairs(body, house=either) == []


def test_a_library_adds_names():
    house = house_style({"proof_capitals": json.dumps(
        [{"name": "Sở Y tế"}, {"name": "Báo Kon Tum", "lower_too": True}])}.get)
    assert pairs("Sở Y Tế và báo kon tum.", house=house) == [
        ("Sở Y Tế", "Sở Y tế"), ("báo kon tum", "Báo Kon Tum")]
    assert pairs("Sở Y tế và Báo Kon Tum; sở y tế các tỉnh.", house=house) == []


def test_the_data_cites_the_decree():
    text = resource_path("proof", "capitals.toml").read_text(encoding="utf-8")
    assert "Nghị định 30/2020/NĐ-CP" in text and "Phụ lục II" in text
