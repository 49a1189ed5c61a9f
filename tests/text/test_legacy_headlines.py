"""Legacy detection on one short headline in capitals: VIQR, VNI, TCVN3; no alarm on English."""

from __future__ import annotations

import pytest

from deskapp.cli import main
from deskapp.text.legacy import detect, encode_legacy, encode_viqr
from deskapp.text.syllable import is_place_name_syllable

HEADLINES = [
    "HỘI NGHỊ TỔNG KẾT",
    "ĐẦU TƯ CÔNG",
    "KON TUM: HỘI NGHỊ TỔNG KẾT NĂM 2026",
    "BÃO SỐ 9 ĐỔ BỘ",
    "XÃ ĐĂK PXI ĐÓN TẾT",
    "TỈNH ỦY KON TUM",
    "NGƯỜI DÂN VUI MỪNG",
    "MƯA LỚN",
    "HỌP BÁO",
    "ĐẮK LẮK: ĐƯỜNG HỒ CHÍ MINH SẠT LỞ",
]


def forms(headline: str) -> list[tuple[str, bytes | str]]:
    vni, tcvn3 = encode_legacy(headline, "vni"), encode_legacy(headline, "tcvn3")
    return [
        ("viqr", encode_viqr(headline)),
        ("viqr", encode_viqr(headline).encode("ascii")),
        ("vni", vni),
        ("vni", vni.decode("cp1252", errors="replace")),
        ("tcvn3", tcvn3),
        ("tcvn3", tcvn3.decode("latin-1")),
    ]


def test_the_issue_headline():
    found = detect("HO^.I NGHI. TO^?NG KE^'T")
    assert found.confident and found.encoding == "viqr"
    assert found.text == "HỘI NGHỊ TỔNG KẾT"


@pytest.mark.parametrize("headline", HEADLINES)
def test_short_headlines_are_recognised_in_every_encoding(headline):
    for encoding, data in forms(headline):
        found = detect(data)
        assert (found.encoding, found.confident, found.text) == (encoding, True, headline), data


def test_a_dot_ending_a_capital_headline_with_viqr_marks_is_a_tone():
    found = detect("BA~O SO^' 9 DDO^? BO^.")
    assert found.confident and found.text == "BÃO SỐ 9 ĐỔ BỘ"
    # Without any mark of VIQR beside it, a closing dot stays a full stop.
    assert not detect("BE. DO. GO.").confident


ENGLISH = [
    "THE NEW YORK TIMES", "BREAKING NEWS", "WHAT'S UP?", "HELLO WORLD!", "I'M OK.",
    "NASA'S MARS ROVER", "U.S. AND U.K.", "DON'T PANIC", "A.I. IS HERE?", "GO TO A.M.",
    "TOP 10 NEWS", "WHO? ME.", "OPEC+ MEETS", "ROCK 'N' ROLL", "YOU'RE NEXT", "WE'LL SEE.",
    "COVID-19 UPDATE", "DAK LAK COFFEE", "NO MORE LIES.",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_capitals_are_not_converted(text):
    found = detect(text)
    assert found.encoding in ("utf8", "unknown")
    assert found.text in (text, None)


def test_place_name_syllables():
    assert all(map(is_place_name_syllable, ["Đắk", "Đăk", "ĐĂK", "Lắk", "Búk"]))
    assert not any(map(is_place_name_syllable, ["Đàk", "Đắc", "Ják", "kok"]))


@pytest.mark.parametrize("encoding", ["viqr", "vni", "tcvn3"])
def test_convert_from_auto_takes_a_headline(tmp_path, capsys, encoding):
    headline = "HỘI NGHỊ TỔNG KẾT NĂM 2026"
    data = (encode_viqr(headline).encode("ascii") if encoding == "viqr"
            else encode_legacy(headline, encoding))
    source = tmp_path / "tit.txt"
    source.write_bytes(data + b"\n")
    assert main(["convert", str(source), "--from", "auto"]) == 0
    assert capsys.readouterr().out.strip() == headline


def test_convert_from_auto_leaves_english_capitals(tmp_path, capsys):
    source = tmp_path / "title.txt"
    source.write_text("THE NEW YORK TIMES\n", encoding="utf-8")
    assert main(["convert", str(source), "--from", "auto"]) == 0
    assert capsys.readouterr().out.strip() == "THE NEW YORK TIMES"
