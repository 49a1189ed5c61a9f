"""`deskapp import` converts VIQR, VNI and TCVN3 text files and says so; English stays."""

from __future__ import annotations

import pytest

from deskapp.cli import main
from deskapp.store import Library
from deskapp.text.legacy import encode_legacy, encode_viqr

TEXT = (
    "Hội nghị tổng kết công tác năm 2026 của tỉnh Kon Tum\n\n"
    "Sáng nay, Ủy ban nhân dân tỉnh đã tổ chức hội nghị tổng kết công tác năm và triển khai "
    "nhiệm vụ năm tới. Các đại biểu đã thảo luận về phát triển kinh tế, xã hội; hòa giải và "
    "chăm lo sức khỏe người dân.\n"
)
ENGLISH = (
    "Annual meeting of Kon Tum province\n\n"
    "The provincial People's Committee met this morning. Delegates discussed the economy "
    "(exports up 5%) and jobs. Is it done? Yes... The mayor said: \"We go on.\"\n"
)


def _import(tmp_path, library_path, capsys, name: str, data: bytes, lang: str = "en"):
    src = tmp_path / name
    src.write_bytes(data)
    assert main(["--library", str(library_path), "import", str(src)]) == 0
    captured = capsys.readouterr()
    library = Library.open(library_path)
    try:
        article = library.get(captured.out.strip())
    finally:
        library.close()
    return article, captured.err


@pytest.mark.parametrize(("name", "data", "encoding"), [
    ("viqr.txt", encode_viqr(TEXT).encode("ascii"), "VIQR"),
    ("vni.txt", encode_legacy(TEXT, "vni"), "VNI"),
    ("tcvn3.txt", encode_legacy(TEXT, "tcvn3"), "TCVN3"),
    ("viqr.md", encode_viqr(TEXT).encode("ascii"), "VIQR"),
])
def test_legacy_text_is_converted_and_reported(tmp_path, library_path, capsys, monkeypatch,
                                               name, data, encoding):
    monkeypatch.setenv("DESKAPP_LANG", "en")
    article, err = _import(tmp_path, library_path, capsys, name, data)
    assert f"{name}: converted from {encoding} to Unicode" in err
    text = article.title + "\n" + article.body
    assert "hội nghị tổng kết công tác" in text
    assert "sức khỏe người dân" in text
    assert "^" not in text and "Ho^.i" not in text


def test_the_report_is_in_vietnamese_too(tmp_path, library_path, capsys, monkeypatch):
    monkeypatch.setenv("DESKAPP_LANG", "vi")
    _article, err = _import(tmp_path, library_path, capsys, "viqr.txt",
                            encode_viqr(TEXT).encode("ascii"))
    assert "viqr.txt: đã chuyển từ VIQR sang Unicode" in err


def test_a_viqr_file_with_a_utf8_bom_is_converted(tmp_path, library_path, capsys):
    article, _err = _import(tmp_path, library_path, capsys, "bom.txt",
                            b"\xef\xbb\xbf" + encode_viqr(TEXT).encode("ascii"))
    assert "sức khỏe người dân" in article.body


@pytest.mark.parametrize("name", ["english.txt", "english.md"])
def test_an_english_file_is_not_converted(tmp_path, library_path, capsys, name):
    article, err = _import(tmp_path, library_path, capsys, name, ENGLISH.encode())
    assert "Unicode" not in err
    assert "Is it done? Yes..." in article.body
    assert "The mayor said" in article.body


def test_unicode_vietnamese_is_left_as_it_is(tmp_path, library_path, capsys):
    article, err = _import(tmp_path, library_path, capsys, "utf8.txt", TEXT.encode())
    assert "Unicode" not in err
    assert "sức khỏe người dân" in article.body
