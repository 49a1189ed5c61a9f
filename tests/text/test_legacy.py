"""Legacy Vietnamese encodings: tables, round trips, mojibake repair and detection."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from deskapp.errors import ImportRejected
from deskapp.exchange.decode import decode_text
from deskapp.text.legacy import (
    CONFIDENT,
    ENCODINGS,
    VIETNAMESE_LETTERS,
    decode_legacy,
    decode_viqr,
    detect,
    encode_legacy,
    encode_viqr,
    fix_mojibake,
    legacy_decoder,
    recompose,
)

# News prose written for these tests: five paragraphs, every tone, every
# modified vowel, đ and Đ, capitals with tones, curly quotes and a comma
# after a closing quote.
NEWS = """\
Sáng nay, Ủy ban nhân dân thành phố Đà Nẵng tổ chức hội nghị tổng kết công tác phòng chống \
thiên tai năm qua. Theo báo cáo, cơn bão số chín đã làm hư hỏng hơn ba nghìn ngôi nhà, nhiều \
tuyến đường ven biển bị sạt lở nghiêm trọng.

Phát biểu tại hội nghị, ông Nguyễn Văn Hùng, Phó Chủ tịch thường trực, yêu cầu các quận, huyện \
khẩn trương rà soát những khu dân cư có nguy cơ ngập lụt, chuẩn bị sẵn sàng phương án di dời \
người dân trước mùa mưa bão.

Trong khi đó, tại tỉnh Quảng Nam, nông dân đang tranh thủ thu hoạch lúa hè thu. Giá lúa năm nay \
tăng nhẹ so với cùng kỳ, nhưng chi phí phân bón và nhân công cũng tăng khiến lợi nhuận của bà \
con không nhiều.

Bà Trần Thị Hòa, một nông dân ở huyện Điện Bàn, cho biết gia đình bà trồng gần hai mẫu ruộng. \
“Mưa nhiều nên lúa dễ đổ, chúng tôi phải thuê thêm người gặt cho kịp trước khi nước lên”, bà nói.

Ngành giáo dục cũng khẩn trương chuẩn bị cho năm học mới. Sở Giáo dục và Đào tạo cho biết toàn \
thành phố còn thiếu khoảng bốn trăm giáo viên tiểu học, chủ yếu ở các xã miền núi xa trung tâm.
"""

# A capital with a tone in the middle of a sentence: TCVN3 (.VnTime) has no
# code for it, the .VnTimeH font drew it from the lower-case code, and plain
# text cannot tell the two apart.
NEWS_AS_TCVN3_KEEPS_IT = NEWS.replace("Sáng nay, Ủy ban", "Sáng nay, ủy ban")

ENGLISH = [
    "The committee met on Tuesday to discuss the budget. Members agreed that the city "
    "should spend more on schools, roads and parks.",
    '"We can do better," said the mayor. Is that enough? I\'m not sure, he told me. '
    "Come to the sea. Who are you? Go to the radio.",
    "Please see the attached file (v2.1) before Friday; it's about the new office in Hanoi.",
]

LEGACY_BYTES = ("tcvn3", "vni", "cp1258")
UPPER_CODED_IN_TCVN3 = "ĂÂÊÔƠƯĐ"


# --- the letters -------------------------------------------------------------


def test_the_letter_list_is_the_134_non_ascii_vietnamese_letters() -> None:
    assert len(VIETNAMESE_LETTERS) == 134
    assert len(set(VIETNAMESE_LETTERS)) == 134
    lower, upper = VIETNAMESE_LETTERS[:67], VIETNAMESE_LETTERS[67:]
    assert lower.upper() == upper
    assert all(unicodedata.is_normalized("NFC", ch) and len(ch) == 1 for ch in VIETNAMESE_LETTERS)
    assert set("ăâêôơưđ") <= set(lower) and "ặ" in lower and "Ỵ" in upper


@pytest.mark.parametrize("encoding", ["vni", "viqr", "cp1258", "nfd", "utf8"])
@pytest.mark.parametrize("letter", list(VIETNAMESE_LETTERS))
def test_every_letter_round_trips(encoding: str, letter: str) -> None:
    encoded = encode_legacy(letter, encoding)
    assert decode_legacy(encoded, encoding) == letter


@pytest.mark.parametrize("letter", list(VIETNAMESE_LETTERS[:67]))
def test_every_lower_case_letter_round_trips_through_tcvn3(letter: str) -> None:
    text = f"Nam {letter}"
    encoded = encode_legacy(text, "tcvn3")
    assert len(encoded) == len(text)  # one byte per letter
    assert decode_legacy(encoded, "tcvn3") == text


@pytest.mark.parametrize("letter", list(VIETNAMESE_LETTERS[67:]))
def test_every_capital_round_trips_through_tcvn3_where_vntimeh_would_show_it(letter: str) -> None:
    # Opening the text, and inside a capitalised word.
    for text in (letter, f"xin NG{letter}N"):
        assert decode_legacy(encode_legacy(text, "tcvn3"), "tcvn3") == text


@pytest.mark.parametrize("letter", [ch for ch in VIETNAMESE_LETTERS[67:] if ch not in "ĂÂÊÔƠƯĐ"])
def test_tcvn3_writes_toned_capitals_with_the_lower_case_code(letter: str) -> None:
    assert encode_legacy(letter, "tcvn3") == encode_legacy(letter.lower(), "tcvn3")


# --- the tables, checked against known byte values --------------------------------

KNOWN_BYTES = [
    ("tcvn3", "Việt Nam", b"Vi\xd6t Nam"),
    ("tcvn3", "Đà Nẵng", b"\xa7\xb5 N\xbdng"),
    ("tcvn3", "người", b"ng\xad\xeai"),
    ("tcvn3", "ĂÂÊÔƠƯĐ ăâêôơưđ", b"\xa1\xa2\xa3\xa4\xa5\xa6\xa7 \xa8\xa9\xaa\xab\xac\xad\xae"),
    ("tcvn3", "a à ả ã á ạ", b"a \xb5 \xb6 \xb7 \xb8 \xb9"),
    ("tcvn3", "y ỳ ỷ ỹ ý ỵ", b"y \xfa \xfb \xfc \xfd \xfe"),
    ("vni", "Việt Nam", b"Vie\xe4t Nam"),
    ("vni", "Người", b"Ng\xf6\xf4\xf8i"),
    ("vni", "ĐÀ NẴNG", b"\xd1A\xd8 NA\xdcNG"),
    ("vni", "đã ỉ ĩ ị ỵ", b"\xf1a\xf5 \xe6 \xf3 \xf2 \xee"),
    ("vni", "ắ ằ ẳ ẵ ặ", b"a\xe9 a\xe8 a\xfa a\xfc a\xeb"),
    ("viqr", "Việt Nam", b"Vie^.t Nam"),
    ("viqr", "Đường", b"DDu+o+`ng"),
    ("cp1258", "ấm", b"\xe2\xecm"),
    ("cp1258", "á ơ ư đ", b"\xe1 \xf5 \xfd \xf0"),
    ("cp1258", "ặ", b"\xe3\xf2"),
]


@pytest.mark.parametrize(("encoding", "text", "data"), KNOWN_BYTES)
def test_known_byte_values(encoding: str, text: str, data: bytes) -> None:
    assert encode_legacy(text, encoding) == data
    assert decode_legacy(data, encoding) == text


def test_tcvn3_combining_tone_bytes_compose() -> None:
    # 0xB0-0xB4 are the five tone marks of TCVN 5712 (huyền, hỏi, ngã, sắc, nặng).
    assert decode_legacy(b"a\xb0 a\xb1 a\xb2 a\xb3 a\xb4 \xa8\xb4", "tcvn3") == "à ả ã á ạ ặ"


def test_windows_punctuation_passes_through_the_font_encodings() -> None:
    text = "“Hà Nội” – 5 km… và ‘ổn’"
    for encoding in ("tcvn3", "vni"):
        assert decode_legacy(encode_legacy(text, encoding), encoding) == text


def test_vni_mark_bytes_of_the_other_case_still_attach() -> None:
    assert decode_legacy(b"A\xf9 a\xd9", "vni") == "Á á"


# --- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "data", "position"),
    [
        ("tcvn3", b"Vi\xd6t \xc0", 5),  # 0xC0 is unused in VN3
        ("tcvn3", b"a\x81", 1),  # undefined in the Windows range
        ("vni", b"xin ch\xe0o", 6),  # a circumflex mark after "h"
        ("vni", b"y\xe2", 1),  # y takes no circumflex
        ("cp1258", b"ab\x8a", 2),
        ("viqr", b"\xff\xfe", 0),
    ],
)
def test_bytes_outside_the_table_raise_or_are_replaced(
    encoding: str, data: bytes, position: int
) -> None:
    with pytest.raises(UnicodeDecodeError) as info:
        decode_legacy(data, encoding)
    assert info.value.start == position
    assert "\ufffd" in decode_legacy(data, encoding, errors="replace")


def test_characters_an_encoding_lacks_raise_or_become_question_marks() -> None:
    with pytest.raises(UnicodeEncodeError):
        encode_legacy("Trung Quốc 中国", "tcvn3")
    assert encode_legacy("Quốc 中", "vni", errors="replace") == b"Quo\xe1c ?"


def test_unknown_encoding_names_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown Vietnamese encoding"):
        decode_legacy(b"abc", "koi8-r")
    assert decode_legacy(b"\xa7\xb5", "ABC") == decode_legacy(b"\xa7\xb5", "tcvn3") == "Đà"


# --- TCVN3 capitals (.VnTimeH) -------------------------------------------------------


def test_vntimeh_headline_comes_back_in_capitals() -> None:
    headline = "CUỘC SỐNG Ở ĐÀ NẴNG SAU BÃO"
    data = encode_legacy(headline, "tcvn3")
    assert data.startswith(b"CU\xe9C S\xe8NG \xeb \xa7\xb5")  # lower-case codes, as typed
    assert decode_legacy(data, "tcvn3") == headline
    assert decode_legacy(b"Tin m\xedi: VI\xd6T NAM", "tcvn3") == "Tin mới: VIỆT NAM"


def test_tcvn3_capitalises_toned_letters_opening_a_sentence_only() -> None:
    data = encode_legacy("Ủy ban họp. Ở đó có ủy viên.\n\nỞ huyện", "tcvn3")
    assert decode_legacy(data, "tcvn3") == "Ủy ban họp. Ở đó có ủy viên.\n\nỞ huyện"
    assert decode_legacy(b"B\xb5 M\xb5", "tcvn3") == "Bà Mà"  # one capital: not a headline


# --- decomposed Unicode and Windows-1258 -------------------------------------------


def test_nfd_of_a_dot_below_with_breve_puts_the_dot_first() -> None:
    assert unicodedata.normalize("NFD", "ặ") == "a\u0323\u0306"
    assert recompose("a\u0323\u0306") == "ặ"
    assert recompose("a\u0306\u0323") == "ặ"


def test_tone_typed_before_the_circumflex_still_recomposes() -> None:
    # Plain NFC keeps equal-class marks in the order given and gets this wrong.
    assert unicodedata.normalize("NFC", "a\u0301\u0302") != "ấ"
    assert recompose("a\u0301\u0302") == "ấ"
    assert recompose("Vie\u0323\u0302t") == "Việt"
    assert recompose("u\u0301\u031b") == "ứ"


def test_cp1258_bytes_become_nfc() -> None:
    data = b"Vi\xea\xf2t Nam \xf0a\xde nghi\xde"
    assert data.decode("cp1258") != "Việt Nam đã nghĩ"  # Python leaves it decomposed
    text = decode_legacy(data, "cp1258")
    assert text == "Việt Nam đã nghĩ"
    assert unicodedata.is_normalized("NFC", text)


# --- VIQR -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("viqr", "text"),
    [
        ("Vie^.t Nam", "Việt Nam"),
        ("DDa` Na(~ng", "Đà Nẵng"),
        ("Ngu+o+`i ta ddi ho.c", "Người ta đi học"),
        ("kho?e kho^ng\\?", "khỏe không?"),
        ("ddi\\.", "đi."),
        ("add sudden", "add sudden"),  # dd is đ only at the start of a word
        ("d\\dd", "ddd"),
        ("a\\(b)", "a(b)"),
        ("C:\\\\path", "C:\\path"),
    ],
)
def test_viqr_decodes_as_rfc_1456_says(viqr: str, text: str) -> None:
    assert decode_viqr(viqr) == text


def test_viqr_encoder_escapes_what_would_be_read_as_a_mark() -> None:
    text = "Hà Nội? Vâng, chào. ddos (a+b) C:\\x o'clock"
    encoded = encode_viqr(text)
    for piece in ("No^.i\\?", "cha`o\\.", "d\\dos", "a\\+b", "C:\\\\x", "o\\'clock"):
        assert piece in encoded
    assert decode_viqr(encoded) == text


def test_viqr_round_trips_news() -> None:
    assert decode_legacy(encode_legacy(NEWS, "viqr"), "viqr") == NEWS


# --- mojibake ------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("reader", ["cp1252", "latin-1"])
def test_mojibake_is_repaired(encoding: str, reader: str) -> None:
    garbled = encode_legacy(NEWS, encoding).decode(reader)
    expected = NEWS_AS_TCVN3_KEEPS_IT if encoding == "tcvn3" else NEWS
    assert fix_mojibake(garbled, encoding) == expected


@pytest.mark.parametrize(
    ("encoding", "garbled", "text"),
    [
        ("tcvn3", "ViÖt Nam", "Việt Nam"),
        ("tcvn3", "§µ N½ng, n\xadíc", "Đà Nẵng, nước"),
        ("vni", "Vieät Nam", "Việt Nam"),
        ("vni", "Ñaø Naüng, ngöôøi", "Đà Nẵng, người"),
        ("vni", "“Chaøo”", "“Chào”"),
    ],
)
def test_known_mojibake(encoding: str, garbled: str, text: str) -> None:
    assert fix_mojibake(garbled, encoding) == text


def test_mojibake_repair_keeps_words_that_do_not_map() -> None:
    assert fix_mojibake("Việt Nam – ViÖt Nam và", "tcvn3") == "Việt Nam – Việt Nam và"


# --- detection -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258", "viqr", "nfd"])
def test_each_encoding_is_detected_on_news_prose(encoding: str) -> None:
    found = detect(encode_legacy(NEWS, encoding))
    assert found.encoding == encoding
    assert found.confidence >= CONFIDENT and found.confident
    assert found.text == (NEWS_AS_TCVN3_KEEPS_IT if encoding == "tcvn3" else NEWS)
    assert found.change_count > 100
    assert 0 < len(found.changes) <= 12
    assert all(old != new for old, new in found.changes)


def test_detection_shows_what_will_change() -> None:
    found = detect(encode_legacy("Việt Nam và Đà Nẵng đều đẹp lắm.", "tcvn3"))
    assert ("ViÖt", "Việt") in found.changes
    assert ("§µ", "Đà") in found.changes


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_mojibake_text_is_detected(encoding: str) -> None:
    garbled = encode_legacy(NEWS, encoding).decode("cp1252")
    found = detect(garbled)
    assert (found.encoding, found.mojibake) == (encoding, True)
    assert found.confidence >= CONFIDENT
    # ...also when it was saved again as UTF-8.
    assert detect(garbled.encode("utf-8")).encoding == encoding


@pytest.mark.parametrize("data", [NEWS, NEWS.encode("utf-8"), b"\xef\xbb\xbf" + NEWS.encode()])
def test_utf8_vietnamese_is_utf8_and_never_converted(data: str | bytes) -> None:
    found = detect(data)
    assert found.encoding == "utf8"
    assert found.text == NEWS
    assert found.confidence == 1.0 and not found.changes


def test_utf8_vietnamese_made_only_of_latin1_letters_is_utf8() -> None:
    text = "Tôi có cá và cà phê, ông à."
    found = detect(text)
    assert (found.encoding, found.text) == ("utf8", text)


def test_utf8_vietnamese_with_foreign_names_is_utf8() -> None:
    text = (
        "HLV José Mourinho và tiền vệ Mesut Özil uống cà phê ở Zürich; "
        "café “Le Théâtre” nằm gần hồ, giá 5 €."
    )
    found = detect(text)
    assert (found.encoding, found.text) == ("utf8", text)


def test_decomposed_text_is_detected_and_recomposed() -> None:
    decomposed = unicodedata.normalize("NFD", NEWS)
    for data in (decomposed, decomposed.encode("utf-8")):
        found = detect(data)
        assert (found.encoding, found.text, found.confidence) == ("nfd", NEWS, 1.0)


@pytest.mark.parametrize("text", ENGLISH)
def test_ascii_english_is_not_viqr(text: str) -> None:
    for data in (text, text.encode("ascii")):
        found = detect(data)
        assert found.encoding == "utf8"
        assert found.text == text


def test_ascii_vietnamese_without_marks_is_left_alone() -> None:
    text = "Ha Noi la thu do cua Viet Nam. Ban co khoe khong?"
    assert detect(text).encoding == "utf8"


def test_viqr_with_unescaped_periods_closing_lines_is_not_converted_silently() -> None:
    # RFC 1456 reads "qua." as "quạ"; a writer who never escapes meant "qua."
    text = encode_viqr(NEWS).replace("\\", "")
    found = detect(text)
    assert found.encoding == "unknown" and found.guess == "viqr"
    assert found.confidence < CONFIDENT and found.text is None


def test_mixed_encodings_give_unknown() -> None:
    paragraphs = NEWS.split("\n\n")
    data = b"\n\n".join(
        encode_legacy(p, "tcvn3" if i % 2 else "vni") for i, p in enumerate(paragraphs)
    )
    found = detect(data)
    assert found.encoding == "unknown"
    assert found.confidence < CONFIDENT and found.text is None
    assert not found.confident


def test_unicode_text_with_a_pasted_mojibake_paragraph_gives_unknown() -> None:
    first, rest = NEWS.split("\n\n", 1)
    text = encode_legacy(first, "tcvn3").decode("cp1252") + "\n\n" + rest
    found = detect(text)
    assert found.encoding == "unknown" and found.guess == "tcvn3"
    assert found.text is None


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)),
        bytes(range(128, 256)) * 4,
        random.Random(1258).randbytes(4096),
        "Le café était très chaud. Où est la gare? Ça va très bien.".encode("cp1252"),
        b"\x81\x8d\x8f\x90\x9d",
        b"",
    ],
)
def test_odd_bytes_are_handled_without_exceptions(data: bytes) -> None:
    found = detect(data)
    assert 0.0 <= found.confidence <= 1.0
    if found.encoding != "utf8":
        assert found.encoding == "unknown" and found.text is None
    assert legacy_decoder(data) in (None, found.text)


def test_a_long_file_is_judged_on_a_sample_but_converted_whole() -> None:
    long_text = NEWS * 150  # well past the sample
    found = detect(encode_legacy(long_text, "vni"))
    assert found.encoding == "vni" and found.text == long_text
    assert found.change_count == 150 * detect(encode_legacy(NEWS, "vni")).change_count


def test_one_bad_byte_at_the_end_of_a_long_file_still_disqualifies_it() -> None:
    data = encode_legacy(NEWS * 150, "tcvn3") + b" \xc0"
    found = detect(data)
    assert found.encoding == "unknown" and found.guess == "tcvn3"
    assert legacy_decoder(data) is None


def test_short_legacy_fragments_are_not_trusted() -> None:
    assert detect(encode_legacy("Hà", "vni")).confidence < CONFIDENT


# --- the exchange.decode seam ---------------------------------------------------------


def test_legacy_decoder_converts_confident_detections_only() -> None:
    assert legacy_decoder(encode_legacy(NEWS, "vni")) == NEWS
    assert legacy_decoder("Le café était très chaud.".encode("cp1252")) is None


def test_decode_text_accepts_a_tcvn3_file_through_the_hook() -> None:
    data = encode_legacy(NEWS, "tcvn3")
    assert decode_text(data, "bai.txt", legacy=legacy_decoder) == NEWS_AS_TCVN3_KEEPS_IT


def test_decode_text_still_refuses_mixed_files() -> None:
    data = encode_legacy(NEWS[:300], "tcvn3") + encode_legacy(NEWS[300:], "vni")
    with pytest.raises(ImportRejected) as info:
        decode_text(data, "bai.txt", legacy=legacy_decoder)
    assert info.value.code == "file_not_utf8"


# --- the newsroom sample -------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258", "viqr", "nfd"])
def test_the_newsroom_sample_is_detected(sample_path: Path, encoding: str) -> None:
    sample = sample_path.read_text(encoding="utf-8")
    found = detect(encode_legacy(sample, encoding))
    assert found.encoding == encoding and found.confident
    assert found.text is not None
    if encoding == "tcvn3":  # mid-sentence capitals with tones come back lower case
        assert found.text.lower() == sample.lower()
    else:
        assert found.text == sample


def test_every_encoding_name_is_usable() -> None:
    for encoding in ENCODINGS:
        assert decode_legacy(encode_legacy("Đà Nẵng", encoding), encoding) == "Đà Nẵng"
