"""Vietnamese collation, checked against orders written out by hand."""

import random
import unicodedata

import pytest

from deskapp.text.collation import collate, sort_key


def vi_sorted(words: list[str]) -> list[str]:
    shuffled = list(words)
    random.Random(1258).shuffle(shuffled)
    return sorted(shuffled, key=sort_key)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_alphabet():
    alphabet = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
    assert vi_sorted(alphabet) == alphabet


def test_foreign_letters_take_their_latin_places():
    assert vi_sorted(["g", "f", "ê", "e"]) == ["e", "ê", "f", "g"]
    assert vi_sorted(["k", "j", "i"]) == ["i", "j", "k"]
    assert vi_sorted(["x", "w", "v"]) == ["v", "w", "x"]
    assert vi_sorted(["z", "y", "ư"]) == ["ư", "y", "z"]


def test_one_word_per_letter():
    words = ["an", "ăn", "ấn", "bà", "cá", "da", "đa", "em", "êm", "ga", "hà", "im", "kê",
             "la", "ma", "na", "o", "ô", "ơ", "pa", "qua", "ra", "sa", "ta", "u", "ư", "va",
             "xa", "yêu"]
    assert vi_sorted(words) == words


def test_tone_order():
    assert vi_sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert vi_sorted(["hỏi", "hói", "hơi", "hoi", "hòi", "họi", "hõi"]) == [
        "hoi", "hòi", "hỏi", "hõi", "hói", "họi", "hơi"]


def test_tone_counts_only_when_letters_are_equal():
    assert vi_sorted(["mai", "mạ", "má"]) == ["má", "mạ", "mai"]
    assert vi_sorted(["bă", "bá"]) == ["bá", "bă"]
    words = ["can", "càn", "cạn", "căn", "cằn", "cắn", "cân", "cần", "cấn", "cận"]
    assert vi_sorted(words) == words
    assert vi_sorted(["tờ", "to", "tô", "tơ", "tồ", "tò"]) == ["to", "tò", "tô", "tồ", "tơ", "tờ"]


def test_d_and_dd_and_u_and_uw():
    assert vi_sorted(["Đà Lạt", "Dung"]) == ["Dung", "Đà Lạt"]
    assert vi_sorted(["đài", "đai", "dài", "dai"]) == ["dai", "dài", "đai", "đài"]
    assert vi_sorted(["Ư", "U", "V"]) == ["U", "Ư", "V"]
    assert vi_sorted(["ưng", "uông", "ung"]) == ["ung", "uông", "ưng"]
    assert vi_sorted(["Zalo", "Đà Nẵng", "Yên Bái"]) == ["Đà Nẵng", "Yên Bái", "Zalo"]


def test_syllable_by_syllable_like_a_dictionary():
    words = ["ma", "ma cà rồng", "mà", "mà cả", "má", "mai"]
    assert vi_sorted(words) == words
    assert vi_sorted(["Bà Rịa", "Ba Vì"]) == ["Ba Vì", "Bà Rịa"]


def test_provinces():
    provinces = [
        "An Giang", "Bà Rịa – Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
        "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau",
        "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
        "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
        "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
        "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định",
        "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
        "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
        "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang",
        "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    ]
    assert vi_sorted(provinces) == provinces


def test_headlines():
    titles = [
        "2 triệu lượt khách đến Đà Lạt",
        "Ăn Tết ở Kon Tum",
        "Bài 2: Chợ nổi Cái Răng",
        "Bài 10: Mùa nước nổi",
        "Đà Lạt mùa hoa dã quỳ",
        "“Ông già Noel” xuống phố",
        "Ông hai và chiếc xe đạp",
        "Ưu tiên vốn cho giao thông",
    ]
    assert vi_sorted(titles) == titles


def test_case_is_ignored_first_then_breaks_ties():
    assert vi_sorted(["bính", "Bình", "binh"]) == ["binh", "Bình", "bính"]
    assert vi_sorted(["Ăn", "an", "ăn", "An"]) == ["an", "An", "ăn", "Ăn"]
    assert vi_sorted(["ĐƯỜNG", "đường", "Đường"]) == ["đường", "Đường", "ĐƯỜNG"]
    assert collate("An", "an") > 0


def test_digits_before_letters_and_by_value():
    assert vi_sorted(["a", "9", "10", "1"]) == ["1", "9", "10", "a"]
    assert vi_sorted(["Bài 10", "Bài 2", "Bài 1"]) == ["Bài 1", "Bài 2", "Bài 10"]
    assert vi_sorted(["Bài a", "Bài 3"]) == ["Bài 3", "Bài a"]
    long_number = "9" * 6000
    assert vi_sorted([long_number, "8"]) == ["8", long_number]


def test_nfc_and_nfd_sort_alike():
    words = ["Đà Lạt", "Quảng Ngãi", "thuỷ", "thủy", "Ấn", "ỵ", "Hưng Yên", "ờ"]
    for word in words:
        assert sort_key(nfd(word)) == sort_key(word)
        assert collate(nfd(word), word) == 0
    mixed = [nfd("mạ"), "má", nfd("mã"), "mả", nfd("mà"), "ma"]
    assert [unicodedata.normalize("NFC", w) for w in vi_sorted(mixed)] == [
        "ma", "mà", "mả", "mã", "má", "mạ"]


def test_tone_placement_styles_sort_together():
    words = ["hỏa", "hoà", "hoa", "hòa", "hoan"]
    ordered = vi_sorted(words)
    assert ordered[0] == "hoa"
    assert set(ordered[1:3]) == {"hoà", "hòa"}
    assert ordered[3:] == ["hỏa", "hoan"]
    assert collate("hoà", "hòa") != 0  # still a total order


def test_collate_signs_and_ties():
    assert collate("an", "ăn") < 0
    assert collate("ăn", "an") > 0
    assert collate("Dung", "Đà Lạt") < 0
    assert collate("Hà Nội", "Hà Nội") == 0
    assert collate("", "a") < 0


def test_other_scripts_after_latin_and_lookalikes():
    assert vi_sorted(["新闻", "zalo", "an"]) == ["an", "zalo", "新闻"]
    assert vi_sorted(["Ðà Lạt", "Dung", "Em"]) == ["Dung", "Ðà Lạt", "Em"]  # U+00D0 as Đ
    stray = "x\u0301a"  # a tone NFC cannot attach to x still counts as the syllable's tone
    assert vi_sorted([stray, "xạ", "xà", "xa"]) == ["xa", "xà", stray, "xạ"]


@pytest.mark.parametrize("text", ["", " ", "—", "《新闻》", "Ð", "ŏ", "x\u0301\u0301", "\u0301a"])
def test_odd_input_gives_a_key(text):
    assert isinstance(sort_key(text), tuple)
    assert collate(text, text) == 0
