"""The newsroom's real web copy: the findings a proofreader must see, then none."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskapp.exchange import clean_web_copy
from deskapp.proof import apply_fixes, check

SAMPLE = (Path(__file__).resolve().parents[2].parent / "shared" / "samples"
          / "kontum-quy-che-dan-chu.raw.txt")


@pytest.fixture
def article():
    if not SAMPLE.exists():
        pytest.skip(f"the newsroom sample is not beside the project ({SAMPLE})")
    return clean_web_copy(SAMPLE.read_text(encoding="utf-8")).to_article()


def test_sample_findings(article):
    findings = check(article)
    rules = [f.rule for f in findings]
    assert rules.count("missing_title") == 1 and rules.count("missing_lead") == 1
    [name] = [f for f in findings if f.rule == "name_variants"]
    assert name.text == "Đào Xuân Quí" and name.fix == "Đào Xuân Quý"
    assert set(name.data["variants"]) == {"Đào Xuân Quí", "Đào Xuân Quý"}
    iy = [f for f in findings if f.rule == "iy_variants"]
    assert [f.text for f in iy] == ["qui", "qui"] and {f.fix for f in iy} == {"quy"}
    # The web copy writes "Tổ Quốc"; Decree 30/2020/NĐ-CP writes "Mặt trận Tổ quốc Việt Nam".
    [capitals] = [f for f in findings if f.rule == "capitalization"]
    assert capitals.text == "Ủy ban Mặt trận Tổ Quốc Việt Nam"
    assert capitals.fix == "Ủy ban Mặt trận Tổ quốc Việt Nam"
    assert set(rules) == {"missing_title", "missing_lead", "name_variants", "iy_variants",
                          "capitalization"}
    for finding in findings:
        assert article.body[finding.start:finding.end] == finding.text or finding.field != "body"


def test_sample_is_clean_after_fixes_and_a_headline(article):
    fixed = apply_fixes(article, check(article)).with_content(
        title="Kon Tum tổng kết thực hiện quy chế dân chủ ở cơ sở",
        lead="Năm 2014 tập trung vào quy chế dân chủ trong xây dựng nông thôn mới.",
    )
    assert "Quí" not in fixed.body and "qui chế" not in fixed.body
    assert check(fixed) == []
