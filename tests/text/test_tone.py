"""Tone placement style: old (hòa) and new (hoà), word by word."""

from __future__ import annotations

import pytest

from deskapp.text.tone import convert_tone_style, tone_styles_used

# (old style, new style)
PAIRS = [
    ("hòa", "hoà"),
    ("khỏe", "khoẻ"),
    ("thủy", "thuỷ"),
    ("Hòa", "Hoà"),
    ("THỦY", "THUỶ"),
    ("HÒA", "HOÀ"),
    ("ủy", "uỷ"),
    ("Ủy", "Uỷ"),
    ("họa", "hoạ"),
    ("tòa", "toà"),
    ("xõa", "xoã"),
    ("lòe", "loè"),
    ("khóe", "khoé"),
    ("lũy", "luỹ"),
    ("thúy", "thuý"),
    ("Nhụy", "Nhuỵ"),
]

# Spelled the same in both styles.
UNCHANGED = [
    "quả", "giữa", "quý", "quỳnh", "quỹ", "quạ", "qua", "hoàng", "tuyết", "quyết", "thuyền",
    "khuya", "hoàn", "toán", "khoét", "loại", "ngoài", "khuỷu", "thuở", "huế", "hoa", "thuy",
    "mùa", "mía", "mưa", "tài", "gì", "Quỳnh", "GIỮA",
]  # fmt: skip


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_convert_both_directions(old: str, new: str) -> None:
    assert convert_tone_style(old, "new") == new
    assert convert_tone_style(new, "old") == old
    assert convert_tone_style(old, "old") == old
    assert convert_tone_style(new, "new") == new


@pytest.mark.parametrize("word", UNCHANGED)
@pytest.mark.parametrize("style", ["old", "new"])
def test_words_without_a_style_are_left_alone(word: str, style: str) -> None:
    assert convert_tone_style(word, style) == word


def test_a_sentence_keeps_everything_that_is_not_a_restyled_word() -> None:
    old = "Bà Hòa (47 tuổi) ở Thủy Nguyên khỏe mạnh, quả thật; giữa tháng 3/2024 — “hòa bình”!"
    new = "Bà Hoà (47 tuổi) ở Thuỷ Nguyên khoẻ mạnh, quả thật; giữa tháng 3/2024 — “hoà bình”!"
    assert convert_tone_style(old, "new") == new
    assert convert_tone_style(new, "old") == old


@pytest.mark.parametrize("style", ["old", "new"])
def test_foreign_words_and_nonsense_pass_through(style: str) -> None:
    text = "hóaa, Hòà, hÒa, iPhone, café, Noël, Hoang, 12:30"
    assert convert_tone_style(text, style) == text


def test_parts_of_compounds_and_words_next_to_digits_are_words() -> None:
    assert convert_tone_style("Hòa-Bình, thủy2", "new") == "Hoà-Bình, thuỷ2"


def test_decomposed_input_is_read_as_nfc() -> None:
    assert convert_tone_style("ho\u0300a", "new") == "hoà"


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="style"):
        convert_tone_style("hòa", "modern")


@pytest.mark.parametrize(
    ("text", "styles"),
    [
        ("Bà Hòa khỏe, ông Thủy cũng vậy.", {"old"}),
        ("Bà Hoà khoẻ, ông Thuỷ cũng vậy.", {"new"}),
        ("Bà Hòa khoẻ.", {"old", "new"}),
        ("quả giữa quý hoàng tuyết thuyền khuya hoa", set()),
        ("", set()),
    ],
)
def test_tone_styles_used(text: str, styles: set[str]) -> None:
    assert tone_styles_used(text) == styles


def test_conversion_settles_the_style() -> None:
    mixed = "Hòa bình, hoà giải, khỏe khoẻ, thủy thuỷ."
    assert tone_styles_used(mixed) == {"old", "new"}
    assert tone_styles_used(convert_tone_style(mixed, "new")) == {"new"}
    assert tone_styles_used(convert_tone_style(mixed, "old")) == {"old"}
