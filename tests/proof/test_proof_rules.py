"""Each proofing rule: what it flags, what it leaves alone, and its fix."""

from __future__ import annotations

import pytest

from deskapp.model import Article
from deskapp.proof import ProofError, apply_fix, apply_fixes, check, describe_finding


def body_findings(body: str, rule: str, **options: object):
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    return [f for f in check(article, **options) if f.rule == rule]  # type: ignore[arg-type]


def fixed(body: str, rule: str, **options: object) -> str:
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=body)
    findings = [f for f in check(article, **options) if f.rule == rule]  # type: ignore[arg-type]
    return apply_fixes(article, findings).body


# ---------------------------------------------------------------- invalid syllables


def test_invalid_syllable_is_flagged_with_tone_fix():
    [finding] = body_findings("Một qủa cam.", "invalid_syllable")
    assert (finding.text, finding.fix, finding.line, finding.column) == ("qủa", "quả", 1, 5)


def test_invalid_syllable_without_a_safe_fix():
    [finding] = body_findings("Em hòc bài.", "invalid_syllable")
    assert finding.text == "hòc" and finding.fix is None


@pytest.mark.parametrize("text", [
    "Đội bóng Đắk Glei gặp Kon Plông ở Cư M'gar.",  # ethnic place names
    "Ông nói about the café và COVID-19 năm 2013.",  # English, foreign, codes, numbers
    "Tỉnh ĐĂK LĂK và H'Mông.",  # all caps, apostrophe names
    "Dùng `qủa` trong mã.",  # code span
])
def test_invalid_syllable_leaves_names_foreign_words_and_code(text):
    assert body_findings(text, "invalid_syllable") == []


# ---------------------------------------------------------------- names


def test_name_spelled_two_ways_fixes_to_the_more_frequent():
    body = "Ông Đào Xuân Quí nói. Đào Xuân Quý cho biết. Đào Xuân Quý kết luận."
    [finding] = body_findings(body, "name_variants")
    assert finding.text == "Đào Xuân Quí" and finding.fix == "Đào Xuân Quý"
    assert finding.data["variants"] == ["Đào Xuân Quí", "Đào Xuân Quý"]
    assert "Quí" in describe_finding(finding, "en") and "Quý" in describe_finding(finding, "vi")


def test_name_tie_goes_to_the_later_spelling():
    body = "Đào Xuân Quý nói. Sau đó Đào Xuân Quí kết luận."
    [finding] = body_findings(body, "name_variants")
    assert finding.text == "Đào Xuân Quý" and finding.fix == "Đào Xuân Quí"


def test_name_differing_only_in_tone_is_flagged():
    [finding] = body_findings("Lê Văn Tám đến. Lê Văn Tâm về. Lê Văn Tâm ở.", "name_variants")
    assert finding.text == "Lê Văn Tám"


def test_different_names_are_not_variants():
    body = "Nguyễn Văn Huy và Nguyễn Văn Hùng, Tỉnh ủy và Ủy ban Nhân dân."
    assert body_findings(body, "name_variants") == []


# ---------------------------------------------------------------- i / y


def test_iy_variants_fix_to_the_majority():
    body = "Thực hiện quy chế, quy định và qui chế."
    [finding] = body_findings(body, "iy_variants")
    assert finding.text == "qui" and finding.fix == "quy"
    assert fixed(body, "iy_variants") == "Thực hiện quy chế, quy định và quy chế."


def test_iy_tie_goes_to_y_and_keeps_tone_and_case():
    body = "Kĩ thuật cao. Anh ấy làm kỹ."
    [finding] = body_findings(body, "iy_variants")
    assert finding.text == "Kĩ" and finding.fix == "Kỹ"


def test_iy_leaves_other_rhymes_alone():
    assert body_findings("Bàn tay và bàn tai, quy chế.", "iy_variants") == []


# ---------------------------------------------------------------- tone style


def test_mixed_tone_style_fixes_to_majority():
    body = "Hòa bình, hòa hợp và hoà giải."
    [finding] = body_findings(body, "tone_style_mix")
    assert finding.text == "hoà" and finding.fix == "hòa"


def test_mixed_tone_style_follows_newsroom_style():
    assert fixed("Hòa bình, hòa hợp và hoà giải.", "tone_style_mix",
                 tone_style="new") == "Hoà bình, hoà hợp và hoà giải."


def test_one_tone_style_is_not_a_mix():
    assert body_findings("Hòa bình, thủy lợi, khỏe mạnh.", "tone_style_mix") == []
    assert body_findings("Hoà bình, thuỷ lợi.", "tone_style_mix", tone_style="old") == []


# ---------------------------------------------------------------- spacing and quotes


def test_double_space():
    [finding] = body_findings("Ban  chỉ đạo.", "double_space")
    assert (finding.start, finding.end, finding.fix) == (3, 5, " ")


def test_double_space_ignores_indentation_hard_breaks_and_code():
    body = "Dòng một  \nDòng hai\n\n    mã  thụt lề\n\n```\na  b\n```"
    assert body_findings(body, "double_space") == []


def test_space_before_punctuation():
    assert fixed("Đơn vị , địa phương ; kết thúc .", "space_before_punctuation") == (
        "Đơn vị, địa phương; kết thúc."
    )


def test_space_before_punctuation_leaves_lists_and_decimals():
    assert body_findings("- mục .NET\n\nTỷ lệ .5 và 1.5", "space_before_punctuation") == []


def test_straight_quotes_become_curly():
    assert fixed('Ông nói "xin chào" và \'vâng\' ở H\'Mông.', "straight_quote") == (
        "Ông nói “xin chào” và ‘vâng’ ở H’Mông."
    )


def test_straight_quotes_left_in_code_urls_links_and_units():
    body = 'Mã `x = "y"` tại https://a.vn/?q=\'b\' và [ở đây](http://x.vn "Tít"), cao 5\'6".'
    assert body_findings(body, "straight_quote") == []


# ---------------------------------------------------------------- repeated words, boilerplate


def test_repeated_function_word():
    [finding] = body_findings("Nhiệm vụ của của đảng viên.", "repeated_word")
    assert finding.text == "của của" and finding.fix == "của"
    assert fixed("Nhiệm vụ của của đảng viên.", "repeated_word") == "Nhiệm vụ của đảng viên."


def test_reduplication_is_not_a_repeated_word():
    assert body_findings("Ngày ngày, người người, mãi mãi, từ từ.", "repeated_word") == []


def test_boilerplate_paragraph_is_removed_with_its_blank_line():
    body = "Đoạn một.\n\nTrả lời\n\nĐoạn hai.\n\nEmail của bạn sẽ không được hiển thị công khai."
    findings = body_findings(body, "boilerplate")
    assert [f.text for f in findings] == ["Trả lời", findings[1].text]
    assert fixed(body, "boilerplate") == "Đoạn một.\n\nĐoạn hai."


def test_sentence_mentioning_reply_is_not_boilerplate():
    assert body_findings("Trả lời phóng viên, ông cho biết đã xong.", "boilerplate") == []


# ---------------------------------------------------------------- missing fields


def test_missing_headline_lead_byline():
    rules = [f.rule for f in check(Article(body="Nội dung."))]
    assert rules[:3] == ["missing_title", "missing_lead", "missing_byline"]


def test_clean_article_has_no_findings():
    article = Article(title="Tít bài", lead="Sapo ngắn.", byline="Thanh Tùng",
                      body="Thân bài “đúng” chuẩn, không lỗi gì.\n\nĐoạn hai.")
    assert check(article) == []


def test_rules_in_headline_and_lead_too():
    article = Article(title="Tít  đôi", lead='Sapo "x".', byline="PV", body="Thân.")
    assert {(f.field, f.rule) for f in check(article)} == {
        ("title", "double_space"), ("lead", "straight_quote"), ("lead", "straight_quote")}


# ---------------------------------------------------------------- fixes


def test_apply_fix_returns_a_copy_and_refuses_stale_findings():
    article = Article(title="Tít", lead="Sapo.", byline="PV", body="Ban  chỉ đạo.")
    [finding] = check(article)
    fixed_article = apply_fix(article, finding)
    assert fixed_article.body == "Ban chỉ đạo." and article.body == "Ban  chỉ đạo."
    changed = article.with_content(body="Ban chỉ  đạo.")
    with pytest.raises(ProofError) as info:
        apply_fix(changed, finding)
    assert info.value.code == "finding_stale"
    assert "changed" in str(info.value) or "thay đổi" in str(info.value)


def test_apply_fix_without_fix_is_refused():
    [finding] = [f for f in check(Article(body="x")) if f.rule == "missing_title"]
    with pytest.raises(ProofError) as info:
        apply_fix(Article(body="x"), finding)
    assert info.value.code == "finding_unfixable"


def test_unknown_tone_style_is_an_error():
    with pytest.raises(ValueError):
        check(Article(), tone_style="modern")
