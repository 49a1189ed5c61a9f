"""Telex with Unikey's default habits (the "telex" method) against classic Telex."""

from __future__ import annotations

import pytest

from deskapp.text.typing_engine import METHODS, Composer, type_keys

# (keys, what Telex with Unikey's habits shows)
UNIKEY = [
    # a lone w where a vowel may start is ư
    ("w", "ư"),
    ("W", "Ư"),
    ("thw", "thư"),
    ("Thw", "Thư"),
    ("THW", "THƯ"),
    ("ngw", "ngư"),
    ("tw", "tư"),
    ("cw", "cư"),
    ("nhw", "như"),
    ("nhwng", "nhưng"),
    ("chwa", "chưa"),
    ("ddw", "đư"),
    ("DDW", "ĐƯ"),
    ("giwx", "giữ"),
    ("giwowngf", "giường"),
    ("twf", "từ"),
    ("tws", "tứ"),
    ("nwowcs", "nước"),
    ("ngwowif", "người"),
    ("Ngwowif", "Người"),
    ("trwowcs", "trước"),
    ("thwowngf", "thường"),
    ("khwowcs", "khước"),
    ("mwowif", "mười"),
    ("ddwowcj", "được"),
    ("DDWOWCJ", "ĐƯỢC"),
    ("lwu", "lưu"),
    ("hwowngs", "hướng"),
    ("wngs", "ứng"),
    ("wowcs", "ước"),
    ("Wu", "Ưu"),
    # w typed twice is the letter w; a third w is another letter
    ("ww", "w"),
    ("www", "ww"),
    ("thww", "thw"),
    ("thwww", "thww"),
    ("wwindows", "windows"),
    ("Wweb", "Web"),
    # tone and shape keys anywhere in the word
    ("truwfowng", "trường"),
    ("truwowngf", "trường"),
    ("truongwf", "trường"),
    ("truowngf", "trường"),
    ("tuwfowng", "tường"),
    ("trfuwowng", "trfuwowng"),  # a tone with no vowel yet is a letter
    ("dduwowcj", "được"),
    ("dduowcj", "được"),
    ("dduocwj", "được"),
    ("dduwjowc", "được"),
    ("nguwowif", "người"),
    ("nguoiwf", "người"),
    ("nguwfowi", "người"),
    ("Vieetj", "Việt"),
    ("vietej", "việt"),
    ("vieejt", "việt"),
    ("tieengs", "tiếng"),
    ("tiengse", "tiếng"),
    ("huwsowng", "hướng"),
    ("thuowr", "thuở"),
    ("khoong", "không"),
    ("khongo", "không"),
    ("quoocs", "quốc"),
    ("quyeets", "quyết"),
    ("hoaf", "hòa"),
    ("hoafn", "hoàn"),
    ("nawmf", "nằm"),
    ("nafwm", "nằm"),
    ("ddaays", "đấy"),
    ("ddaasy", "đấy"),
    # a second horn on a final uơ gives ươ, a third undoes (Unikey's own tests)
    ("huow", "huơ"),
    ("huoww", "hươ"),
    ("thuoww", "thươ"),
    ("thuowww", "thuow"),
    ("thuowwngf", "thường"),
    ("thuowwr", "thưở"),
    ("uoww", "ươ"),
    ("uowww", "uow"),
    ("uwoi", "ươi"),
    ("uwou", "ươu"),
    ("uox", "ũo"),
    ("quowf", "quờ"),
    ("wwww", "www"),
    ("wngxx", "ưngx"),
    ("wtss", "ưts"),
    # a consonant cluster, or an onset that never takes ư, takes no mark
    ("ths", "ths"),
    ("nhs", "nhs"),
    ("strw", "strw"),
    ("bcw", "bcw"),
    ("kw", "kw"),
    ("nghw", "nghw"),
    ("ghw", "ghw"),
    ("kwh", "kwh"),
    ("quw", "quw"),
    ("pw", "pư"),
    ("mpw", "mpw"),
    # whole phrases of provincial news
    ("Tinhr ngwowif ddaau tieen", "Tỉnh người đâu tiên"),
    ("UBND tinhr Kon Tum hopj thwowngf kyf", "UBND tỉnh Kon Tum họp thường kỳ"),
    ("Nwowcs sachj veef buoon lafng", "Nước sạch về buôn làng"),
]

# Classic Telex keeps what the Unikey habits change.
CLASSIC = [
    ("w", "w"),
    ("ww", "ww"),
    ("thw", "thw"),
    ("ngwowif", "ngwowif"),
    ("ddwowcj", "đwowcj"),
    ("Windows", "Windows"),
    ("truwfowng", "trùowng"),
    ("dduwowcj", "được"),
    ("truongwf", "trường"),
    ("huoww", "huow"),
]


def test_both_telex_variants_are_methods() -> None:
    assert {"telex", "telex-classic", "vni"} <= set(METHODS)


@pytest.mark.parametrize(("keys", "expected"), UNIKEY)
def test_unikey_habits(keys: str, expected: str) -> None:
    assert type_keys(keys, "telex") == expected


@pytest.mark.parametrize(("keys", "expected"), CLASSIC)
def test_classic_telex(keys: str, expected: str) -> None:
    assert type_keys(keys, "telex-classic") == expected


def test_a_lone_w_after_a_word_starts_a_new_one() -> None:
    assert type_keys("w ww thw") == "ư w thư"
    assert type_keys("Vieetj Nam w") == "Việt Nam ư"


def test_ww_undoes_only_the_lone_w_just_typed() -> None:
    composer = Composer("telex")
    assert composer.feed("th", "w") == "thư"
    assert composer.feed("thư", "w") == "thw"
    # The same word reached by uw: a second w undoes the horn (Unikey: thuww → thuw).
    assert composer.feed("thu", "w") == "thư"
    assert composer.feed("thư", "w") == "thuw"


def test_a_lone_w_with_backspace() -> None:
    assert type_keys("thw\bw") == "thư"
    assert type_keys("w\bs") == "s"


def test_the_new_style_places_tones_the_same_way() -> None:
    assert type_keys("ngwowif", style="new") == "người"
    assert type_keys("thwr", style="new") == "thử"
    assert type_keys("hoaf", style="new") == "hoà"


def test_the_editor_feeds_an_empty_word_for_a_lone_w() -> None:
    composer = Composer("telex")
    assert composer.feed("", "w") == "ư"
    assert composer.feed("", "s") is None
    assert Composer("telex-classic").feed("", "w") is None
