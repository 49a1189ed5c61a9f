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


@pytest.mark.parametrize(("body", "wrong", "right"), [
    ("Bài phát biểu được chau chuốt kỹ.", "chau chuốt", "trau chuốt"),
    ("Huyện tăng cường kiểm xoát tải trọng xe.", "kiểm xoát", "kiểm soát"),
    ("Tương lai sán lạn của ngành cà phê.", "sán lạn", "xán lạn"),
    ("Hội đồng sẽ xem sét hồ sơ của các xã.", "xem sét", "xem xét"),
    ("Mùa thu hoạch diễn ra suông sẻ.", "suông sẻ", "suôn sẻ"),
    ("Các em bắt trước người lớn đội mũ bảo hiểm.", "bắt trước", "bắt chước"),
    ("Bộ đội biên phòng xát cánh cùng dân làng.", "xát cánh", "sát cánh"),
    ("Cả xã lỗ lực về đích nông thôn mới.", "lỗ lực", "nỗ lực"),
    ("Thủ môn mắc sai lầm trí mạng ở phút cuối.", "trí mạng", "chí mạng"),
    ("Tỉnh giáo giục pháp luật cho đồng bào.", "giáo giục", "giáo dục"),
    ("Hai hộ tranh trấp đất rẫy.", "tranh trấp", "tranh chấp"),
    ("Công an xã sử phạt hành chính hai người.", "sử phạt", "xử phạt"),
    ("Chủ tịch xã thúc dục tiến độ làm đường.", "thúc dục", "thúc giục"),
    ("Ban quản lý trung cư họp với cư dân.", "trung cư", "chung cư"),
])
def test_the_desks_pairs_are_flagged(body, wrong, right):
    [finding] = found(body)
    assert (finding.text, finding.fix) == (wrong, right)
    assert "Hoàng Phê" in describe_finding(finding, "vi")


@pytest.mark.parametrize("body", [
    "Người dân ra xem sét đánh cháy cây đa đầu làng; trận mưa có sấm sét lớn.",
    "Hội đồng xem xét hồ sơ; mùa vụ suôn sẻ; bộ đội sát cánh cùng dân; cả xã nỗ lực.",
    "Nghi phạm bị bắt trước khi kịp bỏ trốn; hắn bị bắt trước cửa nhà.",
    "Huyện bố trí mạng lưới y tế; tỉnh có vị trí mạng lưới giao thông quan trọng.",
    "Giới trẻ dành nhiều giờ giải trí mạng xã hội; đòn chí mạng của đội khách.",
    "Tỉnh tập trung cư dân ven sông về nơi ở mới; dự án chung cư xã hội.",
    "Trẻ em dễ ràng buộc vào trò chơi điện tử; mọi việc rõ ràng, dễ dàng.",
    "Cán bộ tiếp xúc tích cực với cử tri; lời văn súc tích.",
    "Chà xát cánh gà với muối rồi nướng.",
    "Bài viết được trau chuốt; xe bị kiểm soát; tương lai xán lạn; trân trọng cảm ơn.",
])
def test_valid_sequences_with_the_same_syllables_are_not_flagged(body):
    assert found(body) == []


def test_the_list_is_long_enough_and_has_no_pair_twice():
    pairs = rules_data("misspellings")["pair"]
    wrongs = [p["wrong"] for p in pairs]
    assert 90 <= len(pairs) <= 130 and len(set(wrongs)) == len(wrongs)
    assert not {p["right"] for p in pairs} & set(wrongs)
