import unicodedata

import pytest

from deskapp.cli import main
from deskapp.store import Library
from deskapp.text.legacy import encode_legacy, encode_viqr

TEXT = (
    "Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh vừa tổ chức hội nghị "
    "tổng kết công tác năm 2013.\n\nCác cấp ủy đảng đã thực sự quan tâm lãnh đạo, chỉ đạo "
    "triển khai ở khu dân cư, xã, phường; hòa giải và chăm lo sức khỏe người dân.\n"
)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("tcvn3", encode_legacy(TEXT, "tcvn3")),
        ("vni", encode_legacy(TEXT, "vni")),
        ("vni-mojibake", encode_legacy(TEXT, "vni").decode("cp1252", "replace").encode()),
        ("viqr", encode_viqr(TEXT).encode("ascii")),
        ("nfd", unicodedata.normalize("NFD", TEXT).encode()),
    ],
)
def test_auto_conversion_to_utf8_nfc(tmp_path, capsys, name, data):
    src = tmp_path / f"{name}.txt"
    src.write_bytes(data)
    out = tmp_path / "out.txt"
    assert main(["convert", str(src), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == TEXT
    assert "→ UTF-8 NFC" in capsys.readouterr().err


def test_explicit_source_and_tone_style(tmp_path, capsys):
    src = tmp_path / "old.txt"
    src.write_bytes(encode_legacy(TEXT, "tcvn3"))
    assert main(["convert", str(src), "--from", "tcvn3", "--tone-style", "new"]) == 0
    out = capsys.readouterr().out
    assert "hoà giải" in out and "sức khoẻ" in out and "uỷ" in out
    assert "quy chế" in out


def test_wrong_explicit_source_fails_and_writes_nothing(tmp_path, capsys):
    src = tmp_path / "vni.txt"
    src.write_bytes(encode_legacy(TEXT, "vni"))
    out = tmp_path / "out.txt"
    assert main(["convert", str(src), "--from", "tcvn3", "-o", str(out)]) == 1
    assert "cannot be read as tcvn3" in capsys.readouterr().err
    assert not out.exists()


def test_unsure_input_is_refused_not_garbled(tmp_path, capsys):
    src = tmp_path / "noise.txt"
    src.write_bytes(bytes(range(128, 256)) * 4 + b" abc xyz")
    out = tmp_path / "out.txt"
    assert main(["convert", str(src), "-o", str(out)]) == 1
    assert "Nothing was converted" in capsys.readouterr().err
    assert not out.exists()


def test_import_converts_a_confident_legacy_file(tmp_path, library_path, capsys):
    src = tmp_path / "tcvn3.txt"
    src.write_bytes(encode_legacy(TEXT, "tcvn3"))
    assert main(["--library", str(library_path), "import", str(src)]) == 0
    captured = capsys.readouterr()
    assert "converted from TCVN3 to Unicode" in captured.err
    article_id = captured.out.strip()
    library = Library.open(library_path)
    body = library.get(article_id).body
    library.close()
    assert "quy chế dân chủ ở cơ sở" in body
    assert "sức khỏe người dân" in body
