"""A person named in full and later by a short form spelled another way."""

from __future__ import annotations

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check, describe_finding


def found(body: str):
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    return [f for f in check(article) if f.rule == "name_variants"]


def test_title_and_given_name_spelled_another_way():
    body = "Ông Hoàng Văn Kỳ, Chủ tịch UBND xã, cho biết. Theo ông Kì, xã đã làm tốt."
    [finding] = found(body)
    assert (finding.text, finding.fix) == ("Kì", "Kỳ")
    assert "Hoàng Văn Kỳ" in describe_finding(finding, "vi")
    assert "Hoàng Văn Kỳ" in describe_finding(finding, "en")
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    assert "Theo ông Kỳ," in apply_fixes(article, check(article)).body


@pytest.mark.parametrize(("body", "text", "fix"), [
    ("Đồng chí Đào Xuân Quý phát biểu. Đồng chí Quí đề nghị các xã làm tốt.", "Quí", "Quý"),
    ("Bà Nguyễn Thị Thủy dự. Hỏi chị Thuỷ, chị cười.", "Thuỷ", "Thủy"),
    ("Anh Lê Văn Tâm kể lại. Lê Tấm cho biết thêm.", "Lê Tấm", "Lê Tâm"),
    ("Ông Hoàng Văn Kỳ nói. Hoàng Kì cho biết thêm.", "Hoàng Kì", "Hoàng Kỳ"),
])
def test_short_forms(body, text, fix):
    assert [(f.text, f.fix) for f in found(body)] == [(text, fix)]


@pytest.mark.parametrize("body", [
    "Ông Hoàng Văn Kỳ nói. Ông Kỳ và anh Tuấn đồng ý. Hoàng Kỳ cười.",  # one spelling
    "Bà Nguyễn Thị Kì và ông Hoàng Văn Kỳ dự. Bà Kì phát biểu.",  # two people: either
    "Ông Hoàng Văn Kỳ về Kì Sơn; ông Tâm và bà Tám là hai người khác.",
    "Ông Kì nói, không ai được nêu tên đầy đủ.",
    "Ông Hoàng Văn Kỳ nói với ÔNG KÌ.",  # capitals are left alone
])
def test_no_short_form_finding(body):
    assert found(body) == []
