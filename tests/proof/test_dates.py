"""Dates in the newsroom's style: after a date word, "tháng" with a year, and runs of dates."""

from __future__ import annotations

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check
from deskapp.proof.house import house_style

DASH = house_style({"proof_style": '{"dates": "dash"}'}.get)
EITHER = house_style({"proof_style": '{"dates": "either"}'}.get)


def article(body: str) -> Article:
    return Article(title="Tít", lead="Sapo.", byline="PV", body=body)


def found(body: str, **options: object) -> list[tuple[str, str | None]]:
    return [(f.text, f.fix) for f in check(article(body), **options)  # type: ignore[arg-type]
            if f.rule == "date_style"]


@pytest.mark.parametrize(("body", "expected"), [
    ("Ngày 2-9 và 30-4, Kon Tum treo cờ.", [("2-9", "2/9"), ("30-4", "30/4")]),
    ("Nghỉ lễ ngày 2/9, 30-4 và 1.5 theo lịch.", [("30-4", "30/4"), ("1.5", "1/5")]),
    ("Tháng 3-2025, tỉnh khởi công cầu Đắk Bla.", [("3-2025", "3/2025")]),
    ("Từ tháng 3.2025 đến tháng 12-2025, huyện làm 20 km đường.",
     [("3.2025", "3/2025"), ("12-2025", "12/2025")]),
    ("Sáng 6.12, đoàn công tác lên Đắk Glei.", [("6.12", "6/12")]),
    ("Chiều 5-12, tối 5-12 và đêm 5-12 mưa to.",
     [("5-12", "5/12"), ("5-12", "5/12"), ("5-12", "5/12")]),
    ("Từ ngày 5-7 đến 10-7, xã tiêm vắc xin.", [("5-7", "5/7"), ("10-7", "10/7")]),
    ("Ngày 30-4-1975 và 2-9-1945 là hai mốc lịch sử.",
     [("30-4-1975", "30/4/1975"), ("2-9-1945", "2/9/1945")]),
])
def test_dates_with_dashes_and_dots_follow_the_slash_style(body, expected):
    assert found(body) == expected


def test_the_dash_style_turns_slashes_and_dots_into_dashes():
    body = "Ngày 2/9 và 30.4; tháng 3/2025; ngày 1-5."
    assert found(body, house=DASH) == [("2/9", "2-9"), ("30.4", "30-4"), ("3/2025", "3-2025")]
    assert found(body, house=EITHER) == []


def test_fixes_apply_to_each_date_of_a_run():
    a = article("Ngày 2-9 và 30-4, tháng 3-2025.")
    assert apply_fixes(a, check(a, rules=("date_style",))).body == (
        "Ngày 2/9 và 30/4, tháng 3/2025.")


@pytest.mark.parametrize("body", [
    "Đội Kon Tum thắng 2-1 trên sân nhà, hiệp một hòa 1-1.",  # scores
    "Từ 5-7 người mỗi tổ; thanh niên 18-25 tuổi; mưa 2-3 giờ liền.",  # ranges, ages
    "Ngày 2/9, 5-7 người đến dự; ngày 5-7 tháng 12 có mưa; ngày 5-7/12 có rét.",
    "Xe chạy trên Quốc lộ 14 và Quốc lộ 24, km 5-7.",  # road numbers
    "Quyết định số 123/QĐ-UBND ngày 5/12/2026; Công văn 45/2025/NĐ-CP.",  # documents
    "Phiên bản 2.1, tỷ lệ 3-1, tháng 13-2025 và tháng 3-4 năm nay.",
    "Ngày 2/9 và 30/4; tháng 3/2025 và tháng 4/2025.",
])
def test_scores_ranges_ages_roads_and_documents_are_not_dates(body):
    assert found(body) == []
