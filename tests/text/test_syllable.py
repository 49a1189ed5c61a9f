"""Vietnamese syllable validity: onsets, rhymes, tone placement and tone/coda rules."""

from __future__ import annotations

import re

import pytest

from deskapp.text.syllable import (
    ACUTE,
    GRAVE,
    RHYMES,
    is_vietnamese_syllable,
    parse_syllable,
)

VALID = [
    # every onset
    "ba", "ca", "cha", "da", "đa", "ga", "ghe", "gia", "ha", "ke", "kha", "la", "ma", "na",
    "nga", "nghe", "nha", "pin", "pha", "qua", "ra", "sa", "ta", "tha", "tra", "va", "xa",
    # no onset, glides, codas
    "ăn", "ấy", "em", "ích", "oai", "uống", "ước", "yêu", "yến", "ủy", "uỷ", "oà", "ở",
    # long rhymes and the hard cases
    "nghiêng", "khuỷu", "rượu", "thuở", "khuya", "huých", "khuếch", "xoong", "soóc", "oẳn",
    "quyết", "quỳnh", "quýt", "quen", "quê", "quốc", "quang", "qui", "quý",
    "giữa", "giếng", "gì", "gìn", "già", "giường",
    # both tone styles
    "hòa", "hoà", "khỏe", "khoẻ", "thủy", "thuỷ",
    # case
    "Việt", "NAM", "Đà", "NẴNG", "Ủy",
]  # fmt: skip

INVALID = [
    "",
    "qủa",  # tone on the u of qu
    "gìa",  # tone on the i of gi
    "hòc",  # falling tone on a syllable closed by c
    "mãt",  # tilde on a syllable closed by t
    "ce", "ka", "ngi", "ghá", "ge",  # c/k, ng/ngh, g/gh before the wrong vowels
    "hóaa", "viêtj", "fax", "wow", "zoo", "jazz",  # foreign letters and shapes
    "ViÖt", "Vieät", "S¸ng", "yoúre", "Hellỏ",  # mojibake and misread English
    "đâủ",  # tone on the glide instead of the main vowel
    "hóà",  # two tones
    "vIệt",  # case in the middle
    "tiêu1", "kontumtv", "strong",
    "iên",  # iê needs an onset (yên without one)
    "tyên",  # and yê must not have one
]  # fmt: skip


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", INVALID)
def test_invalid_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    ("word", "onset", "rhyme", "tone_index"),
    [
        ("quả", "qu", "a", 2),
        ("giữa", "gi", "ưa", 2),
        ("gìn", "g", "in", 1),
        ("thuyền", "th", "uyên", 4),
        ("hoàng", "h", "oang", 2),
        ("Hòa", "h", "oa", 1),
        ("Hoà", "h", "oa", 2),
        ("nghiêng", "ngh", "iêng", None),
    ],
)
def test_parse_splits_onset_and_rhyme(
    word: str, onset: str, rhyme: str, tone_index: int | None
) -> None:
    syllable = parse_syllable(word)
    assert syllable is not None
    assert (syllable.onset, syllable.rhyme, syllable.tone_index) == (onset, rhyme, tone_index)


def test_stop_codas_take_only_rising_or_heavy_tones() -> None:
    for word in ("học", "họp", "hát", "hạt", "sách", "bạch"):
        assert is_vietnamese_syllable(word)
    for word in ("hòc", "hỏp", "hãt", "sàch"):
        assert not is_vietnamese_syllable(word)


def test_every_rhyme_takes_a_tone_somewhere() -> None:
    """Each rhyme in the inventory is reachable: with "h" and a legal tone, it parses."""
    for rhyme in RHYMES:
        onset = "" if rhyme.startswith("yê") else ("ngh" if rhyme[0] in "eêi" else "h")
        mark = ACUTE if rhyme.endswith(("c", "ch", "p", "t")) else GRAVE
        word = onset + rhyme
        toned = [
            word[:i] + word[i] + mark + word[i + 1 :]
            for i, ch in enumerate(word)
            if ch in "aăâeêioôơuưy"
        ]
        assert any(is_vietnamese_syllable(w) for w in toned), rhyme


def test_real_prose_is_almost_all_valid() -> None:
    prose = (
        "Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh vừa tổ chức hội nghị "
        "tổng kết công tác năm qua, đề ra phương hướng nhiệm vụ năm tới. Đồng chí Phó Bí thư "
        "Tỉnh ủy đã chủ trì hội nghị; tham dự có đại diện lãnh đạo các sở, ngành và huyện."
    )
    words = re.findall(r"[^\W\d_]+", prose)
    assert all(is_vietnamese_syllable(w) for w in words), [
        w for w in words if not is_vietnamese_syllable(w)
    ]
