"""Spelling-rule errors (ng/ngh, g/gh, c/k, qu) get their correction and say which rule."""

from __future__ import annotations

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check, describe_finding
from deskapp.proof.spelling_rules import spelling_rule_fix


def syllable_findings(body: str):
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    return [f for f in check(article) if f.rule == "invalid_syllable"]


@pytest.mark.parametrize("wrong,right", [
    ("nghành", "ngành"), ("nghỏ", "ngỏ"), ("nghười", "người"), ("nghũ", "ngũ"),
    ("ghà", "gà"), ("ghỗ", "gỗ"), ("ghửi", "gửi"),
    ("ngiêm", "nghiêm"), ("ngĩa", "nghĩa"), ("ngề", "nghề"),
    ("gế", "ghế"), ("gét", "ghét"),
    ("cế", "kế"), ("cỹ", "kỹ"), ("ciểm", "kiểm"),
    ("kách", "cách"), ("kông", "công"), ("kưỡng", "cưỡng"),
    ("qyết", "quyết"), ("qốc", "quốc"),
])
def test_the_obvious_correction_is_offered(wrong, right):
    assert spelling_rule_fix(wrong)[0] == right
    [finding] = syllable_findings(f"Bài viết về {wrong} hôm nay.")
    assert (finding.text, finding.fix, finding.message_code) == (wrong, right, "spelling_rule")


def test_case_and_tone_are_kept():
    assert spelling_rule_fix("Nghành")[0] == "Ngành"
    assert spelling_rule_fix("NGHÀNH")[0] == "NGÀNH"


def test_the_message_names_the_rule_in_both_languages():
    [finding] = syllable_findings("Các nghành chức năng đã vào cuộc.")
    vi = describe_finding(finding, "vi")
    en = describe_finding(finding, "en")
    assert vi == ("“nghành” sai quy tắc chính tả: viết ng (không phải ngh) trước a, ă, â, o, ô, "
                  "ơ, u, ư. Viết đúng là “ngành”.")
    assert "gõ sai dấu" not in vi
    assert en.startswith("“nghành” breaks a Vietnamese spelling rule: write ng (not ngh)")
    assert "mistyped" not in en
    [finding] = syllable_findings("Cần ngiêm túc.")
    assert "ngh (không phải ng) trước i, e, ê" in describe_finding(finding, "vi")
    assert "ngh (not ng) before i, e, ê" in describe_finding(finding, "en")


def test_fix_all_corrects_the_issue_paragraph():
    article = Article(title="Tít", lead="Sapo.", byline="PV",
                      body="Các nghành chức năng làm việc ngiêm túc.")
    found = [f for f in check(article) if f.rule == "invalid_syllable"]
    assert apply_fixes(article, found).body == "Các ngành chức năng làm việc nghiêm túc."


@pytest.mark.parametrize("word", ["kuốc", "ngành", "nghiêm", "ghế", "kế", "quyết", "gì", "gỉ",
                                  "cúa", "qủa", "hòc"])
def test_no_rule_fix_where_it_is_not_obvious_or_not_this_rule(word):
    assert spelling_rule_fix(word) is None or word in ("gì", "gỉ", "cúa")
    if word in ("ngành", "nghiêm", "ghế", "kế", "quyết", "gì", "gỉ"):
        assert syllable_findings(f"Nói {word} đây.") == []


def test_a_mistyped_mark_keeps_its_own_message():
    [finding] = syllable_findings("Một qủa cam.")
    assert (finding.fix, finding.message_code) == ("quả", "invalid_syllable")
    [finding] = syllable_findings("Em hòc bài.")
    assert (finding.fix, finding.message_code) == (None, "invalid_syllable")


def test_names_and_capitalised_words_inside_a_sentence_are_left_alone():
    assert syllable_findings("Ông Nghành Văn A và bà Kách Thị B dự họp.") == []
