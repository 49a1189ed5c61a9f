"""Common misspellings: the curated pairs, their sources, their fixes, and what stays."""

from __future__ import annotations

import json

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check, describe_finding
from deskapp.proof.house import house_style, rules_data


def found(body: str, **options: object):
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    return [f for f in check(article, **options) if f.rule == "misspelling"]  # type: ignore[arg-type]


@pytest.mark.parametrize(("body", "wrong", "right"), [
    ("Công an huyện đang sử lý vụ việc.", "sử lý", "xử lý"),
    ("Bác sĩ chuẩn đoán bệnh sớm.", "chuẩn đoán", "chẩn đoán"),
    ("Tỉnh sát nhập 12 xã thành 5 xã.", "sát nhập", "sáp nhập"),
    ("Kế hoạch xát nhập thôn được thông qua.", "xát nhập", "sáp nhập"),
    ("Bà con giành dụm tiền xây nhà văn hóa.", "giành dụm", "dành dụm"),
    ("Người dân tỏ thái độ bàng quang trước vi phạm.", "thái độ bàng quang", "thái độ bàng quan"),
    ("Ông được chẩn đoán ung thư bàng quan giai đoạn đầu.", "ung thư bàng quan",
     "ung thư bàng quang"),
    ("Sở sẽ bổ xung kinh phí.", "bổ xung", "bổ sung"),
    ("Năng xuất lúa đạt 60 tạ/ha.", "Năng xuất", "Năng suất"),
])
def test_wrong_form_is_flagged_with_the_right_one(body, wrong, right):
    [finding] = found(body)
    assert (finding.text, finding.fix) == (wrong, right)
    assert "Hoàng Phê" in describe_finding(finding, "vi")
    assert right in describe_finding(finding, "en")


def test_the_fix_keeps_the_case():
    body = "Sử lý nghiêm. SỬ LÝ NGHIÊM."
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    assert apply_fixes(article, check(article)).body == "Xử lý nghiêm. XỬ LÝ NGHIÊM."


@pytest.mark.parametrize("body", [
    "Công an huyện đang xử lý vụ việc; bác sĩ chẩn đoán bệnh; tỉnh sáp nhập xã.",
    "Hội thảo về lịch sử lý luận báo chí cách mạng.",  # lịch sử + lý luận
    "Hải quan tăng cường giám sát nhập khẩu phân bón.",  # giám sát + nhập khẩu
    "Khả năng xuất khẩu cà phê của tỉnh còn lớn.",  # khả năng + xuất khẩu
    "Đoàn đi sát nhập cảnh trái phép bị bắt.",  # sát + nhập cảnh
    "Những thành tựu chung của ngành y tế.",  # thành tựu + chung
    "Người dân dành dụm tiền; đội tuyển giành chiến thắng; quỹ dành cho học sinh nghèo.",
    "Ông Sử Lý Hùng phát biểu.",  # a name, not a verb
    "Năng suất lúa đạt 60 tạ/ha; lãi suất giảm; sản xuất tăng.",
    "Bệnh nhân bị sỏi bàng quang; thái độ bàng quan của một số người.",
    "Mã `sử lý` trong một đoạn mã.",
])
def test_right_forms_and_lookalikes_are_not_flagged(body):
    assert found(body) == []


def test_every_shipped_pair_names_its_source_and_is_fixed_by_itself():
    data = rules_data("misspellings")
    assert data["pair"]
    for pair in data["pair"]:
        assert pair["source"].split(":")[0] in data["sources"], pair
        assert found(f"Họ nói {pair['right']} rồi.") == [], pair
        [finding] = found(f"Họ nói {pair['wrong']} rồi.")
        assert finding.fix == pair["right"]


def test_a_library_adds_its_own_pairs():
    house = house_style({"proof_misspellings": json.dumps(
        [{"wrong": "cà fê", "right": "cà phê", "source": "sổ tay"}])}.get)
    [finding] = found("Uống cà fê sáng.", house=house)
    assert finding.fix == "cà phê" and "sổ tay" in describe_finding(finding, "vi")


def test_a_newsroom_can_turn_the_rule_off():
    house = house_style({"proof_rules_off": '["misspelling"]'}.get)
    assert found("Đang sử lý.", house=house) == []
