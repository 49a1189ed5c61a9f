import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from deskapp import __version__
from deskapp.cli import main


def run_cli(*args: str, env_lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "deskapp", *args],
        capture_output=True,
        text=True,
        env={"DESKAPP_LANG": env_lang, "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
        timeout=120,
    )


def pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"deskapp {__version__}"


def test_new_library_starts_with_the_welcome_article(library_path, capsys):
    assert main(["--library", str(library_path), "list"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "Chào mừng đến với Deskapp" in out[0]
    assert "\tdraft\t" in out[0]


def test_import_list_export_the_sample(library_path, sample_path, tmp_path, capsys):
    assert main(["--library", str(library_path), "import", str(sample_path)]) == 0
    article_id = capsys.readouterr().out.strip()
    assert len(article_id) == 36

    assert main(["--library", str(library_path), "list"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert rows[0].startswith(article_id + "\t(no headline)\tdraft\t")

    out = tmp_path / "bai.pdf"
    assert main(["--library", str(library_path), "export", article_id[:8], "-o", str(out)]) == 0
    text = pdf_text(out)
    assert unicodedata.is_normalized("NFC", text)
    flat = " ".join(text.split())
    # Every word of the cleaned body comes back, in order, exactly as stored.
    from deskapp.store import Library

    library = Library.open(library_path)
    body = library.get(article_id).body
    library.close()
    assert "\\" not in body
    for paragraph in body.split("\n\n"):
        assert " ".join(paragraph.split()) in flat
    for phrase in ("Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh",
                   "Đồng chí Đào Xuân Quí", "Ủy ban Mặt trận Tổ Quốc Việt Nam",
                   "Thanh Tùng – Công Luận", "kontumtv.vn"):
        assert phrase in flat
    assert "Trả lời" not in flat
    assert "Email của bạn" not in flat


def test_export_straight_from_a_file(tmp_path, library_path):
    src = tmp_path / "tin.md"
    src.write_text("---\ntitle: Tin ngắn\n---\nMưa lớn ở **Đắk Tô**.\n", encoding="utf-8")
    out = tmp_path / "tin.pdf"
    assert main(["--library", str(library_path), "export", str(src), "-o", str(out)]) == 0
    assert "Mưa lớn ở Đắk Tô." in " ".join(pdf_text(out).split())


def test_environment_variable_picks_the_library(tmp_path):
    lib = tmp_path / "env-lib.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "deskapp", "list"],
        capture_output=True, text=True, timeout=120,
        env={"DESKAPP_LIBRARY": str(lib), "DESKAPP_LANG": "en", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert lib.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "is not text"),
        ("Quê hương tôi".encode("cp1258"), "is not UTF-8"),
    ],
)
def test_bad_files_fail_cleanly(tmp_path, content, expected):
    lib = tmp_path / "lib.sqlite"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run_cli("--library", str(lib), "import", str(bad))
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_errors_are_vietnamese_on_a_vietnamese_system(tmp_path):
    result = run_cli("--library", str(tmp_path / "l.sqlite"), "export", "khong-co", "-o",
                     str(tmp_path / "x.pdf"), env_lang="vi")
    assert result.returncode == 1
    assert "Không tìm thấy bài “khong-co”" in result.stderr
    assert "Traceback" not in result.stderr


def test_damaged_library_is_reported_not_overwritten(tmp_path):
    lib = tmp_path / "lib.sqlite"
    lib.write_bytes(b"garbage" * 1000)
    result = run_cli("--library", str(lib), "list")
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert lib.read_bytes() == b"garbage" * 1000


def test_one_bad_file_does_not_stop_the_others(tmp_path, library_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Một đoạn văn.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main(["--library", str(library_path), "import", str(missing), str(good)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 1
    assert "missing.txt" in captured.err


def test_unexpected_failures_are_a_sentence_not_a_traceback(library_path, monkeypatch, capsys):
    from deskapp.store import Library

    def broken(self, **kwargs):
        raise RuntimeError("disk controller on fire")

    monkeypatch.setattr(Library, "list", broken)
    assert main(["--library", str(library_path), "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("deskapp: “deskapp list” could not finish with ")
    assert str(library_path) in err and "an unexpected problem" in err
    assert "Traceback" not in err and "RuntimeError" not in err


def test_search_without_accents_and_sort_by_title(library_path, tmp_path, capsys):
    titles = ["Đường về Kon Tum", "An toàn giao thông", "Ăn Tết sớm", "Dương lịch mới",
              "Bầu cử"]
    for i, title in enumerate(titles):
        src = tmp_path / f"{i}.md"
        src.write_text(f"---\ntitle: {title}\n---\nThực hiện quy chế dân chủ ở cơ sở số {i}.\n",
                       encoding="utf-8")
        assert main(["--library", str(library_path), "import", str(src)]) == 0
    capsys.readouterr()

    assert main(["--library", str(library_path), "search", "duong"]) == 0
    found = [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]
    assert set(found) == {"Đường về Kon Tum", "Dương lịch mới"}

    assert main(["--library", str(library_path), "search", "đường"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split("\t")[1] == "Đường về Kon Tum"

    assert main(["--library", str(library_path), "search", "quy che dan chu"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert "«quy chế dân chủ»" in lines[0] or "«quy» «chế» «dân» «chủ»" in lines[0]

    assert main(["--library", str(library_path), "search", "khongcogi"]) == 1

    assert main(["--library", str(library_path), "list", "--sort", "title"]) == 0
    ordered = [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]
    assert ordered == ["An toàn giao thông", "Ăn Tết sớm", "Bầu cử", "Chào mừng đến với Deskapp",
                       "Dương lịch mới", "Đường về Kon Tum"]


def test_export_with_preset_bleed_and_cmyk(library_path, sample_path, tmp_path, capsys):
    from pypdf import PdfReader

    assert main(["--library", str(library_path), "presets"]) == 0
    names = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert {"a4-article", "a5-booklet", "us-letter", "newspaper-2col", "newspaper-3col"} <= set(
        names)

    assert main(["--library", str(library_path), "import", str(sample_path)]) == 0
    article_id = capsys.readouterr().out.strip()
    out = tmp_path / "in.pdf"
    assert main(["--library", str(library_path), "export", article_id, "-o", str(out),
                 "--preset", "newspaper-3col", "--bleed", "3", "--cmyk"]) == 0
    page = PdfReader(out).pages[0]
    bleed = 3 / 25.4 * 72
    assert float(page.mediabox.width) == pytest.approx(float(page.trimbox.width) + 2 * bleed,
                                                       abs=0.01)
    assert float(page.trimbox.width) == pytest.approx(595.28, abs=0.5)

    assert main(["--library", str(library_path), "export", article_id, "-o", str(out),
                 "--preset", "missing"]) == 1
    assert "missing" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--library", str(library_path), "export", article_id, "-o", str(out),
              "--bleed", "-2"])


def test_a_newsroom_preset_in_the_data_folder_is_used(tmp_path, capsys, monkeypatch):
    library = tmp_path / "data" / "library.sqlite"
    monkeypatch.setenv("DESKAPP_LIBRARY", str(library))
    presets = tmp_path / "data" / "presets"
    presets.mkdir(parents=True)
    (presets / "bao-kon-tum.json").write_text(
        '{"extends": "newspaper-2col", "title": "Báo Kon Tum – 2 cột"}', encoding="utf-8")
    assert main(["presets"]) == 0
    assert "bao-kon-tum\tBáo Kon Tum – 2 cột" in capsys.readouterr().out


def test_files_where_a_command_would_stand_open_the_window(tmp_path, monkeypatch):
    from deskapp import cli

    package = tmp_path / "bai.deskpkg"
    package.write_bytes(b"PK")
    opened = []
    monkeypatch.setattr(cli, "_run_gui", lambda path, files=(): opened.append((path, files)) or 0)
    assert cli.main(["--library", str(tmp_path / "l.sqlite"), str(package)]) == 0
    assert opened == [(tmp_path / "l.sqlite", [package])]
    assert cli.split_open_files(["list"]) == (["list"], [])
    assert cli.split_open_files(["khong-co.deskpkg"]) == (["khong-co.deskpkg"], [])


@pytest.mark.parametrize("arguments, library", [
    ([], None),
    (["--library", "bai.sqlite"], "bai.sqlite"),
    (["--library=bai.sqlite"], "bai.sqlite"),
    (["gui"], None),
    (["--library", "bai.sqlite", "gui"], "bai.sqlite"),
])
def test_the_window_opens_on_the_library_asked_for(arguments, library, monkeypatch, tmp_path):
    from deskapp import cli

    monkeypatch.setenv("DESKAPP_LIBRARY", str(tmp_path / "default.sqlite"))
    opened = []
    monkeypatch.setattr(cli, "_run_gui", lambda path, files=(): opened.append((path, files)) or 0)
    assert cli.main(arguments) == 0
    expected = Path(library) if library else tmp_path / "default.sqlite"
    assert opened == [(expected, [])]


def test_a_library_flag_without_a_file_is_refused_by_the_parser(monkeypatch, capsys):
    from deskapp import cli

    monkeypatch.setattr(cli, "_run_gui", lambda *a, **k: pytest.fail("opened the window"))
    with pytest.raises(SystemExit):
        cli.main(["--library"])  # argparse: --library needs a file
    assert "--library" in capsys.readouterr().err
