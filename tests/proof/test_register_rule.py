"""Proofing against the newsroom's name register: other spellings of a registered name."""

from __future__ import annotations

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check, describe_finding
from deskapp.proof.house import HouseStyle, RegisteredName

HOUSE = HouseStyle(register=(
    RegisteredName("Hoàng Văn Kỳ"),
    RegisteredName("Đắk Glei", "place"),
    RegisteredName("Ủy ban nhân dân tỉnh Kon Tum", "body"),
    RegisteredName("Huế", "place"),
))


def found(body: str, title: str = "Tít"):
    article = Article(title=title, lead="Sapo.", byline="PV", body=body)
    return [(f.field, f.text, f.fix) for f in check(article, house=HOUSE)
            if f.rule == "name_register"]


@pytest.mark.parametrize(("body", "text", "fix"), [
    ("Ông Hoàng Văn Kì phát biểu.", "Hoàng Văn Kì", "Hoàng Văn Kỳ"),
    ("Đoàn lên Đăk Glei.", "Đăk Glei", "Đắk Glei"),
    ("Đoàn lên Đắk GLei.", "Đắk GLei", "Đắk Glei"),
    ("Họp ở Ủy Ban Nhân Dân tỉnh Kon Tum.", "Ủy Ban Nhân Dân tỉnh Kon Tum",
     "Ủy ban nhân dân tỉnh Kon Tum"),
    ("Về Huê dự lễ.", "Huê", "Huế"),
])
def test_another_spelling_of_a_registered_name(body, text, fix):
    assert found(body) == [("body", text, fix)]


def test_capitals_in_a_headline_are_compared_in_capitals():
    assert found("Nội dung.", title="HOÀNG VĂN KÌ VỀ ĐẮK GLEI") == [
        ("title", "HOÀNG VĂN KÌ", "HOÀNG VĂN KỲ")]


@pytest.mark.parametrize("body", [
    "Ông Hoàng Văn Kỳ về Đắk Glei; Ủy ban nhân dân tỉnh Kon Tum họp ở Huế.",
    "Hoa huệ nở; hoàng văn kì là chữ thường.",  # lower case: ordinary words
    "Huệ nói với mọi người.",  # a one-word name is not judged at a sentence's start
    "HOÀNG VĂN KỲ",
])
def test_the_registered_spelling_and_ordinary_words_are_not_flagged(body):
    assert found(body) == []


def test_the_register_decides_not_the_majority():
    body = "Ông Hoàng Văn Kì nói. Hoàng Văn Kì cho biết. Hoàng Văn Kỳ kết luận."
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    findings = check(article, house=HOUSE)
    assert {f.rule for f in findings} == {"name_register"}
    assert apply_fixes(article, findings).body.count("Hoàng Văn Kỳ") == 3
    assert "“Hoàng Văn Kỳ”" in describe_finding(findings[0], "vi")
    assert "register" in describe_finding(findings[0], "en")


def test_without_a_register_the_rule_says_nothing():
    article = Article(title="Tít", lead="Sapo.", byline="PV", body="Ông Hoàng Văn Kì.")
    assert [f for f in check(article) if f.rule == "name_register"] == []
