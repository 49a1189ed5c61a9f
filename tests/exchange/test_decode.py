"""Bytes and pastes in: what is accepted, how it is normalised, and what is refused."""

from __future__ import annotations

import codecs
import os
import random
import unicodedata
from pathlib import Path

import pytest

from deskapp.errors import ImportRejected
from deskapp.exchange import (
    MAX_IMPORT_BYTES,
    MAX_PASTE_CHARS,
    check_paste,
    decode_text,
    read_text_file,
)
from deskapp.messages import message

VIET = "Quy chế dân chủ ở cơ sở tỉnh Kon Tum"


def rejected(call, *args, **kwargs) -> ImportRejected:
    with pytest.raises(ImportRejected) as info:
        call(*args, **kwargs)
    return info.value


def assert_message_complete(err: ImportRejected) -> None:
    """The sentence for the error has every placeholder filled, in both languages."""
    for lang in ("vi", "en"):
        text = message(err.code, lang, **err.data)
        assert "{" not in text and "?" not in text, text
        if "name" in err.data:
            assert err.data["name"] in text


# --- accepted text -----------------------------------------------------------


def test_utf8_without_bom():
    assert decode_text(VIET.encode("utf-8"), "a.txt") == VIET


def test_utf8_bom_is_removed():
    assert decode_text(codecs.BOM_UTF8 + VIET.encode("utf-8"), "a.txt") == VIET


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_bom(bom: bytes, encoding: str):
    data = bom + f"{VIET}\r\nđoạn hai".encode(encoding)
    assert decode_text(data, "a.txt") == f"{VIET}\nđoạn hai"


def test_crlf_and_lone_cr_become_newlines():
    data = "một\r\nhai\rba\n\r\nbốn".encode()
    assert decode_text(data, "a.txt") == "một\nhai\nba\n\nbốn"


def test_unicode_line_and_paragraph_separators():
    assert decode_text("một\u2028hai\u2029ba".encode(), "a.txt") == "một\nhai\n\nba"


def test_nfd_input_comes_out_nfc():
    nfd = unicodedata.normalize("NFD", VIET)
    assert nfd != VIET
    text = decode_text(nfd.encode("utf-8"), "a.txt")
    assert text == VIET
    assert unicodedata.is_normalized("NFC", text)


def test_stray_control_characters_are_removed_not_fatal():
    # A DOS end-of-file mark and a terminal escape: too few to mean "binary".
    data = ("Chào bạn \x1b đây là bài viết dài hơn một chút." * 3 + "\x1a").encode()
    text = decode_text(data, "a.txt")
    assert "\x1a" not in text and "\x1b" not in text
    assert text.startswith("Chào bạn  đây")


def test_form_feed_becomes_newline():
    assert decode_text(b"trang 1\x0ctrang 2", "a.txt") == "trang 1\ntrang 2"


def test_tabs_are_kept():
    assert decode_text(b"a\tb", "a.txt") == "a\tb"


# --- empty ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\r\n  ",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"\n\n",
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
        "\u00a0\u3000\n".encode(),
    ],
    ids=["nothing", "whitespace", "bom", "bom-newlines", "utf16-bom", "utf16-space", "nbsp"],
)
def test_empty_or_blank_is_file_empty(data: bytes):
    err = rejected(decode_text, data, "trống.txt")
    assert err.code == "file_empty"
    assert err.data == {"name": "trống.txt"}
    assert_message_complete(err)


# --- binary --------------------------------------------------------------------


def random_bytes(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize(
    "header",
    [
        b"\x89PNG\r\n\x1a\n",
        b"\xff\xd8\xff\xe0",
        b"%PDF-1.7\n",
        b"PK\x03\x04",
        b"\x7fELF\x02\x01",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"GIF89a",
    ],
    ids=["png", "jpeg", "pdf", "zip-docx", "elf", "ole2-doc", "gif"],
)
def test_known_formats_are_binary(header: bytes):
    err = rejected(decode_text, header + random_bytes(2048), "ảnh.txt")
    assert err.code == "file_binary"
    assert_message_complete(err)


def test_magic_number_with_ascii_body_is_still_binary():
    # A PDF can look like text for its first kilobytes; the signature decides.
    err = rejected(decode_text, b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n", "x.txt")
    assert err.code == "file_binary"


def test_nul_bytes_mean_binary():
    err = rejected(decode_text, b"abc\x00def" * 100, "x.txt")
    assert err.code == "file_binary"


def test_random_bytes_are_binary_not_encoding_error():
    err = rejected(decode_text, random_bytes(4096, seed=1).replace(b"\x00", b"\x01"), "x.bin")
    assert err.code == "file_binary"


def test_many_control_characters_in_valid_utf8_mean_binary():
    data = bytes(range(1, 9)) * 50 + "chữ".encode() * 20
    err = rejected(decode_text, data, "x.txt")
    assert err.code == "file_binary"


def test_utf16_text_holding_nul_is_binary():
    data = codecs.BOM_UTF16_LE + "a\x00b\x00c".encode("utf-16-le") * 50
    assert rejected(decode_text, data, "x.txt").code == "file_binary"


# --- not UTF-8 -----------------------------------------------------------------


def test_windows_1258_is_not_utf8_with_offset():
    # Windows-1258 writes "ệ" as ê plus a combining dot below: bytes EA F2.
    data = "Viê\u0323t Nam".encode("cp1258")
    assert data == b"Vi\xea\xf2t Nam"
    err = rejected(decode_text, data, "cũ.txt")
    assert err.code == "file_not_utf8"
    assert err.data == {"name": "cũ.txt", "position": 2}
    assert_message_complete(err)
    assert "2" in message(err.code, "vi", **err.data)


def test_tcvn3_bytes_are_not_utf8():
    # TCVN3 (ABC) stores "ệ" as the single byte D6: "Việt Nam" -> 56 69 D6 74 ...
    head = "Hội nghị tổng kết năm 2013. ".encode()
    err = rejected(decode_text, head + b"Vi\xd6t Nam", "tcvn3.txt")
    assert err.code == "file_not_utf8"
    assert err.data["position"] == len(head) + 2


def test_offset_counts_the_bom():
    data = codecs.BOM_UTF8 + b"ab\xffcd"
    assert rejected(decode_text, data, "x.txt").data["position"] == 5


def test_truncated_utf16_is_refused():
    data = codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x41"
    err = rejected(decode_text, data, "x.txt")
    assert err.code == "file_not_utf8"
    assert err.data["position"] == 8


def test_legacy_decoder_gets_non_utf8_bytes():
    seen: list[bytes] = []

    def legacy(data: bytes) -> str | None:
        seen.append(data)
        return "Vie\u0302\u0323t Nam\r\n"

    assert decode_text(b"Vi\xd6t Nam", "x.txt", legacy=legacy) == "Việt Nam\n"
    assert seen == [b"Vi\xd6t Nam"]


def test_legacy_decoder_that_declines_leaves_the_error():
    err = rejected(decode_text, b"Vi\xd6t", "x.txt", legacy=lambda data: None)
    assert err.code == "file_not_utf8"


def test_legacy_decoder_not_asked_about_binary():
    def legacy(data: bytes) -> str | None:
        raise AssertionError("must not be called")

    with pytest.raises(ImportRejected, match=r"not text"):
        decode_text(b"\x89PNG\r\n\x1a\n" + random_bytes(64), "x.png", legacy=legacy)


def test_legacy_decoder_may_rewrite_unicode_text_or_keep_it():
    asked: list[bytes] = []

    def keep(data: bytes) -> str | None:
        asked.append(data)
        return None

    assert decode_text("Việt".encode(), "x.txt", legacy=keep) == "Việt"
    assert asked == ["Việt".encode()]
    assert decode_text(b"Vie^.t", "x.txt", legacy=lambda data: "Việt") == "Việt"


# --- files ---------------------------------------------------------------------


def test_read_text_file(tmp_path: Path):
    path = tmp_path / "bài.txt"
    path.write_bytes(codecs.BOM_UTF8 + "một\r\nhai".encode())
    assert read_text_file(path) == "một\nhai"


def test_file_over_the_limit_is_too_large(tmp_path: Path):
    path = tmp_path / "lớn.txt"
    with path.open("wb") as stream:  # sparse: nothing is really written
        stream.truncate(25 * 1024 * 1024)
    err = rejected(read_text_file, path)
    assert err.code == "file_too_large"
    assert err.data["name"] == "lớn.txt"
    assert err.data["size_mb"] == pytest.approx(25.0)
    assert err.data["limit_mb"] == pytest.approx(20.0)
    assert isinstance(err.data["size_mb"], float) and isinstance(err.data["limit_mb"], float)
    assert_message_complete(err)
    assert "25.0" in message(err.code, "vi", **err.data)


def test_file_at_the_limit_is_read(tmp_path: Path):
    path = tmp_path / "vừa.txt"
    path.write_bytes(b"a" * 1000)
    assert len(read_text_file(path, limit=1000)) == 1000
    assert rejected(read_text_file, path, limit=999).code == "file_too_large"


def test_limit_constant():
    assert MAX_IMPORT_BYTES == 20 * 1024 * 1024


def test_missing_file_is_unreadable(tmp_path: Path):
    err = rejected(read_text_file, tmp_path / "không có.txt")
    assert err.code == "file_unreadable"
    assert err.data["name"] == "không có.txt"
    assert err.data["reason"] == os.strerror(2)
    assert_message_complete(err)


def test_directory_is_unreadable(tmp_path: Path):
    folder = tmp_path / "thư mục.txt"
    folder.mkdir()
    err = rejected(read_text_file, folder)
    assert err.code == "file_unreadable"
    assert err.data["reason"]


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions as non-root"
)
def test_permission_denied_is_unreadable(tmp_path: Path):
    path = tmp_path / "khoá.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    try:
        assert rejected(read_text_file, path).code == "file_unreadable"
    finally:
        path.chmod(0o600)


def test_empty_file_on_disk(tmp_path: Path):
    path = tmp_path / "rỗng.txt"
    path.touch()
    assert rejected(read_text_file, path).code == "file_empty"


# --- pastes ----------------------------------------------------------------------


def test_paste_is_normalised():
    nfd = unicodedata.normalize("NFD", "Thủy điện\r\nHòa Bình")
    assert check_paste(nfd) == "Thủy điện\nHòa Bình"


def test_paste_at_the_limit_is_accepted():
    assert len(check_paste("a" * MAX_PASTE_CHARS)) == MAX_PASTE_CHARS


def test_ten_megabyte_paste_is_too_large():
    text = "chữ " * 2_500_000  # 10,000,000 characters
    err = rejected(check_paste, text)
    assert err.code == "paste_too_large"
    assert err.data == {"chars": 10_000_000, "limit": MAX_PASTE_CHARS}
    assert_message_complete(err)
    assert "10,000,000" in message(err.code, "vi", **err.data)


def test_paste_limit_covers_a_book():
    # 100,000 Vietnamese words is about 600,000 characters.
    assert MAX_PASTE_CHARS == 2_000_000
    book = ("quy chế dân chủ " * 25_000).strip()
    assert len(book.split()) == 100_000
    assert check_paste(book) == book
