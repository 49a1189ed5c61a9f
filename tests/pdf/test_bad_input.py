"""Bad input at export time: a clear message in the user's language and no file written."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import deskapp
from deskapp.errors import TooManyPages
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.pdf import export as export_module
from deskapp.pdf import export_pdf

SRC = str(Path(deskapp.__file__).resolve().parents[1])

# A fresh interpreter, so no face is loaded yet: the serif face is pointed at
# FONT before the export, which must then refuse with a sentence.
_CHILD = """
import json, sys
from pathlib import Path
import deskapp.pdf.fonts as fonts
from deskapp.errors import DeskappError
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.pdf import export_pdf

font, out = Path(sys.argv[1]), Path(sys.argv[2])
real = fonts.resource_path
fonts.resource_path = lambda *parts: font if parts[-1] == "NotoSerif-Regular.ttf" else real(*parts)
try:
    export_pdf(Article(title="Tin", body="Mưa lớn ở Đắk Tô."), out)
except DeskappError as error:
    print(json.dumps({"code": error.code, "vi": describe(error, "vi"),
                      "en": describe(error, "en")}))
"""


def export_with_font(font: Path, out: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    result = subprocess.run([sys.executable, "-c", _CHILD, str(font), str(out)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "the export with a bad font did not fail"
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("kind", ["missing", "broken", "truncated"])
def test_a_missing_or_broken_font_is_named_and_nothing_is_written(tmp_path: Path, kind: str):
    font = tmp_path / "NotoSerif-Regular.ttf"
    if kind == "broken":
        font.write_bytes(b"this is not a TrueType font" * 40)
    elif kind == "truncated":
        real = Path(SRC).parent / "resources" / "fonts" / "NotoSerif-Regular.ttf"
        font.write_bytes(real.read_bytes()[:3000])
    out = tmp_path / "tin.pdf"
    out.write_bytes(b"%PDF-1.4 the earlier good file")
    told = export_with_font(font, out)
    assert told["code"] == "font_unreadable"
    assert str(font) in told["en"] and "Reinstall Deskapp" in told["en"]
    assert str(font) in told["vi"] and "cài lại Deskapp" in told["vi"]
    assert out.read_bytes() == b"%PDF-1.4 the earlier good file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("tin")] == ["tin.pdf"]


def test_a_print_past_the_page_limit_is_refused_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # The limit is 1,000 pages; lowered here so the test lays out a few pages, not a thousand.
    monkeypatch.setattr(export_module, "MAX_PAGES", 5)
    paragraph = "Ban chỉ đạo tổng kết công tác năm, đề ra nhiệm vụ cho năm tới. " * 30
    long = Article(title="Bài quá dài", body="\n\n".join([paragraph] * 60))
    out = tmp_path / "dai.pdf"
    with pytest.raises(TooManyPages) as caught:
        export_pdf(long, out)
    assert caught.value.data["limit"] == 5
    assert "5 pages" in describe(caught.value, "en")
    assert "5 trang" in describe(caught.value, "vi")
    assert list(tmp_path.iterdir()) == []


def test_a_text_far_past_the_limit_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(export_module, "MAX_PAGES", 5)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the text was parsed")

    monkeypatch.setattr(export_module, "build_document", no_parsing)
    with pytest.raises(TooManyPages):
        export_pdf(Article(title="x", body="chữ " * 200_000), tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_print_of_exactly_the_limit_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(export_module, "MAX_PAGES", 2)
    out = export_pdf(Article(title="Ngắn", body="Một đoạn."), tmp_path / "ngan.pdf")
    assert out.stat().st_size > 0


def test_a_2000_page_article_is_refused_from_the_command_line(tmp_path: Path):
    """A real 2,000-page article: refused in one clear line, no file.

    Its 7 million characters pass the body's limit (deskapp.limits), which
    the import checks before any layout, so the sentence names that limit.
    """
    paragraph = ("Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh vừa tổ chức "
                 "hội nghị tổng kết công tác năm, đề ra phương hướng cho năm tới. ") * 12
    source = tmp_path / "dai.md"
    # About 2,000 A4 pages of body text.
    source.write_text("# Bài dài\n\n" + "\n\n".join([paragraph] * 3700), encoding="utf-8")
    out = tmp_path / "dai.pdf"
    env = {**os.environ, "PYTHONPATH": SRC, "DESKAPP_LANG": "vi"}
    result = subprocess.run(
        [sys.executable, "-m", "deskapp", "--library", str(tmp_path / "lib.sqlite"), "export",
         str(source), "-o", str(out)], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1
    assert "tối đa 2,000,000 ký tự" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert json.dumps(sorted(p.name for p in tmp_path.iterdir())) == '["dai.md"]'
