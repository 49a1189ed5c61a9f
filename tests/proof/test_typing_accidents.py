"""Foreign words that Telex mangled are flagged with the keys typed, capitalised or not."""

from __future__ import annotations

import pytest

from deskapp.model import Article
from deskapp.proof import apply_fixes, check, describe_finding
from deskapp.text.accidents import accident_fix
from deskapp.text.typing_engine import type_keys

MANGLED = [
    ("Sámung", "Samsung"), ("Pái", "Paris"), ("Ứahington", "Washington"), ("Mesi", "Messi"),
    ("Tưitter", "Twitter"), ("Ưindows", "Windows"), ("ưindow", "window"), ("cofee", "coffee"),
    ("ofice", "office"), ("bos", "boss"), ("dơnload", "download"), ("ưeb", "web"),
    ("ừii", "wifi"), ("Hưaei", "Huawei"), ("Gôgle", "Google"), ("pasword", "password"),
    ("sờtare", "software"), ("Ễcl", "Excel"), ("Ửod", "Word"), ("SÁMUNG", "SAMSUNG"),
]


def leftovers(body: str, title: str = "Tít bài"):
    article = Article(title=title, lead="Sáng nay, tỉnh họp.", byline="PV", body=body)
    return [f for f in check(article) if f.rule in ("typing_leftover", "invalid_syllable")]


@pytest.mark.parametrize(("word", "keys"), MANGLED)
def test_the_keys_typed_are_found(word, keys):
    assert accident_fix(word) == keys


@pytest.mark.parametrize(("word", "keys"), MANGLED)
def test_mangled_words_are_flagged_anywhere_in_a_sentence(word, keys):
    [finding] = leftovers(f"Hôm qua, ông Nam nói về {word} trong cuộc họp.")
    assert (finding.rule, finding.text, finding.fix) == ("typing_leftover", word, keys)
    assert finding.message_code == "typing_accident"


@pytest.mark.parametrize("keys", ["Samsung", "Washington", "Messi", "coffee", "boss",
                                  "Windows", "Twitter", "Google", "software", "Excel"])
def test_what_telex_makes_of_the_keys_is_brought_back(keys):
    for method in ("telex", "telex-classic"):
        typed = type_keys(keys, method)
        if typed != keys:
            assert accident_fix(typed) == keys, (method, typed)


def test_the_copy_editors_paragraph_is_fixed_in_one_go():
    body = ("Sámung và Hưaei ra mắt điện thoại ở Pái; Mesi dùng Ưindows, đọc Tưitter, "
            "uống cofee ở ofice cùng bos.")
    article = Article(title="Tin công nghệ", lead="Sáng nay, tỉnh họp.", byline="PV", body=body)
    found = [f for f in check(article) if f.rule == "typing_leftover"]
    assert apply_fixes(article, found).body == (
        "Samsung và Huawei ra mắt điện thoại ở Paris; Messi dùng Windows, đọc Twitter, "
        "uống coffee ở office cùng boss.")


def test_in_the_headline_and_in_both_languages():
    [finding] = leftovers("Nội dung bài.", title="Sámung ra mắt điện thoại mới")
    assert finding.field == "title" and finding.fix == "Samsung"
    assert describe_finding(finding, "vi") == (
        "“Sámung” có vẻ là từ nước ngoài bị bộ gõ Telex đổi dấu; phím đã gõ là “Samsung”.")
    assert "the keys typed were “Samsung”" in describe_finding(finding, "en")


def test_one_finding_per_word_not_two():
    found = leftovers("Anh ấy cài dơnload về máy.")
    assert [(f.rule, f.text, f.fix) for f in found] == [
        ("typing_leftover", "dơnload", "download")]


# Correct text that looks suspicious: Vietnamese names and words, ethnic names and
# places, foreign names typed correctly, with or without their own accents.
CORRECT = [
    "Ông Nguyễn Văn Hòa và bà Trần Thị Thủy đến Đắk Lắk, Krông Pắc và Buôn Ma Thuột.",
    "Đồng bào Ê Đê, Xơ Đăng, Ba Na, Gia Rai, Brâu, Rơ Măm và H'Mông ở Kon Tum.",
    "Bà Y Ngông Niê Kđăm, ông Ksor Phước Hà, ông Siu Blơh và ông Tơ Drăh dự họp.",
    "Xã Ia Grai, làng Kơnia, buôn Êban và thôn Pleiku giữ nghề dệt.",
    "Samsung, Huawei, Google, Windows, Twitter và Facebook có mặt ở Paris, Washington.",
    "Messi, Zidane, Beckham, José Mourinho, Pérez, Müller và André tới Việt Nam.",
    "Cà phê (coffee), văn phòng (office), mật khẩu (password) và phần mềm (software).",
    "Người dân được hướng dẫn cách giữ gìn sức khỏe, quyết tâm thực hiện nghiêm túc.",
    "Các tuýp thuốc, chưn, sừn, ngoáo và quên được viết đúng chính tả.",
    "Anh Đinh Văn Pin sửa pin, ông Pác ở Pác Bó, cô Pơ nói về pô xe.",
]


@pytest.mark.parametrize("body", CORRECT)
def test_correct_text_is_not_flagged(body):
    assert leftovers(body) == []


def test_words_joined_by_hyphens_or_codes_are_left_alone():
    assert leftovers("Mã Sámung-X1 và Sámung/Gôgle để nguyên.") == []
