"""News style for numbers, dates and the space after punctuation: finds, fixes, settings."""

from __future__ import annotations

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check, describe_finding
from deskapp.proof.house import house_style

RULES = ("number_style", "date_style", "space_after_punctuation")


def found(body: str, **options: object):
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    return [(f.rule, f.text, f.fix) for f in check(article, **options)  # type: ignore[arg-type]
            if f.rule in RULES]


@pytest.mark.parametrize(("body", "expected"), [
    ("Vé vào cửa 5,000 đồng.", [("number_style", "5,000", "5.000")]),
    ("Tổng vốn 1,200,000 USD.", [("number_style", "1,200,000", "1.200.000")]),
    ("Sản lượng đạt 1,234.5 tấn.", [("number_style", "1,234.5", "1.234,5")]),
    ("Tăng trưởng 12.5% so với cùng kỳ.", [("number_style", "12.5", "12,5")]),
    ("Kinh phí 3.5 tỷ đồng.", [("number_style", "3.5", "3,5")]),
    ("Có 15000 người tham dự.", [("number_style", "15000", "15.000")]),
    ("Hỗ trợ mỗi hộ 5000 đồng.", [("number_style", "5000", "5.000")]),
    ("Hội nghị diễn ra ngày 5-12-2026 tại Kon Tum.", [("date_style", "5-12-2026",
                                                      "5/12/2026")]),
    ("Sáng 6.12.2026, đoàn lên đường.", [("date_style", "6.12.2026", "6/12/2026")]),
    ("Các ngành chức năng,các địa phương.", [("space_after_punctuation", ",", ", ")]),
    ("Xử lý vi phạm.Sau đó đoàn về.", [("space_after_punctuation", ".", ". ")]),
])
def test_news_style_findings_and_fixes(body, expected):
    assert found(body) == expected


@pytest.mark.parametrize("body", [
    "Vé 5.000 đồng, vốn 1.200.000 USD, tăng 12,5%, kinh phí 3,5 tỷ đồng, giá 12 500 đồng.",
    "Năm 2026 đồng chí Bí thư về thăm. Năm 2026 người dân được hỗ trợ. Từ năm 2013 đến 2014.",
    "Liên hệ 0260 3862 111 hoặc 0912345678; mã bưu chính 580000.",
    "Phiên bản 2.1 và 1.2.3; Điều 5.2; lúc 10:30; tỷ số 3-1; khổ A4; COVID-19; H5N1.",
    "Hội nghị ngày 5/12/2026; ngày 5-7/12 có mưa.",
    "Xem kontumtv.vn, TP.HCM, v.v. và https://baokontum.com.vn/a,b.",
    "Dùng `x,y` trong mã; ông nói: “Được.” Rồi về.",
    "Ngày 5 tháng 12 năm 2026, đoàn đến.",
    'Trích <abbr title="tựa &quot;x&quot;">TX</abbr> &amp;nbsp; giữ nguyên.',  # HTML entities
])
def test_right_style_and_lookalikes_are_not_flagged(body):
    assert found(body) == []


def test_the_date_style_is_the_newsrooms_choice():
    dash = house_style({"proof_style": '{"dates": "dash"}'}.get)
    assert found("Ngày 5/12/2026 và ngày 6-12-2026.", house=dash) == [
        ("date_style", "5/12/2026", "5-12-2026")]
    either = house_style({"proof_style": '{"dates": "either"}'}.get)
    assert found("Ngày 5/12/2026 và ngày 6-12-2026.", house=either) == []


def test_number_and_spacing_checks_can_be_turned_off():
    off = house_style({"proof_style": '{"thousands": "", "decimal": "", '
                                      '"punctuation_spacing": false}'}.get)
    assert found("Có 15000 người, tăng 12.5%.Sau đó,xong.", house=off) == []


def test_fixes_and_words():
    article = Article(title="Tít", lead="Sapo.", byline="PV",
                      body="Giá 5,000 đồng,tăng 12.5% ngày 5-12-2026.")
    findings = [f for f in check(article) if f.rule in RULES]
    assert apply_fixes(article, findings).body == "Giá 5.000 đồng, tăng 12,5% ngày 5/12/2026."
    words = [describe_finding(f, "vi") for f in findings]
    assert "“5.000”" in words[0] and "“,”" in words[1] and "“5/12/2026”" in words[3]
    assert "5/12/2026" in describe_finding(findings[3], "en")
