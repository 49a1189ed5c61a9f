"""Pathological inputs, made here, each through every stage with a time and memory limit.

Each case is a file written by the test (Markdown built to hit the parser's
slow paths, Word files of 200,000 paragraphs, a PNG whose header claims
12,000 × 12,000 pixels). ``run_case.py`` imports it, renders the preview's
HTML, the PDF, the proofing pass and the Word document in a child process
under an address-space cap; here the child must end within its time, every
stage must end in a result or a refusal, and stderr must hold sentences only:
no traceback, no Python exception name. The sizes are those measured when
these inputs took minutes or gigabytes.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SRC = str(HERE.parents[1] / "src")
RUNNER = HERE / "run_case.py"
SECONDS = 20
MEMORY = 1536 * 2**20
_PYTHON_NAMES = re.compile(r"Traceback|\b[A-Z][A-Za-z]*(?:Error|Exception|Warning)\b")
STAGES = ("import", "preview", "pdf", "proof", "word")


def _deep_list(size: int) -> str:
    lines, total, depth = [], 0, 0
    while total < size:
        line = "    " * depth + "- mục\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)


def _wide_table(columns: int) -> str:
    return ("|" + "a|" * columns + "\n|" + "-|" * columns + "\n"
            + ("|" + "b|" * columns + "\n") * 2)


MARKDOWN: dict[str, str] = {
    # 120 KB of links inside links: 81 s to PDF before the limits.
    "nested_links.md": "[" * 20_000 + "chữ" + "](http://a)" * 9_000,
    "open_brackets.md": "[a" * 60_000,
    "link_parens.md": "[a](" * 30_000,
    "autolinks.md": "<http://a" * 20_000,
    # One paragraph of 500 KB: 90 s.
    "paragraph.md": "một hai ba *bốn* năm `sáu` bảy tám " * 14_000,
    # 1 MB after an unclosed fence: over 240 s.
    "unclosed_fence.md": "```\n" + "dòng mã\n" * 120_000,
    "unclosed_fences.md": "````a\n" * 150_000,
    # A 4 MB nested list: 3 GB, then RecursionError.
    "deep_list.md": _deep_list(4_000_000),
    "deep_list_small.md": _deep_list(1_500_000),
    "deep_quote.md": "".join(">" * depth + " trích\n" for depth in range(1_500)),
    # 30 KB, 5,000 columns: over 240 s to Word.
    "wide_table.md": _wide_table(5_000),
    "tall_table.md": "|a|b|c|\n|-|-|-|\n" + "|một|hai|ba|\n" * 6_000,
    "footnotes.md": "".join(f"Câu[^{i}]\n\n" for i in range(5_000))
    + "".join(f"[^{i}]: Chú thích.\n\n" for i in range(5_000)),
    "many_headings.md": "".join(f"## Tít phụ {i}\n\nĐoạn.\n\n" for i in range(20_000)),
    "headings.md": "".join(f"## Tít phụ {i}\n\nĐoạn.\n\n" for i in range(2_500)),
    "rules.md": "Đoạn.\n\n---\n\n" * 4_000,
    "entities.md": ("&amp;&#7871;\\*" * 1_200 + "\n\n") * 15,
    "hard_breaks.md": ("dòng  \n" * 2_000 + "\n") * 40,
    # Backtick runs of every length, none closed: near the paragraph limit.
    "code_ticks.md": ("".join("`" * i + " x " for i in range(1, 190)) + "\n\n") * 20,
    "long_credits.md": "---\ntít: " + "Tít rất dài " * 60 + "\ntác giả: " + "Bút danh " * 60
    + "\n---\n\nThân bài.\n",
    # NUL and other controls, as a package may carry them: the file import
    # refuses them as binary, every other stage takes the text.
    "controls.md": "Chữ\x00có\x01ký\x0btự\x1fđiều khiển.\n\n| a\x02 | b |\n|-|-|\n| \x07 | c |\n",
}


def _docx(path: Path, paragraphs: int) -> None:
    """A Word file written as XML: ``paragraphs`` one-letter paragraphs."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "<w:p><w:r><w:t>a</w:t></w:r></w:p>" * paragraphs
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}">'
                         f"<w:body>{body}</w:body></w:document>")


def _png_bomb(path: Path, side: int) -> None:
    """A real grey PNG, ``side`` × ``side`` zero pixels: megabytes of pixels, kilobytes of file."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    packer = zlib.compressobj(9)
    row = bytes(side + 1)  # filter byte and the row
    pixels = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for name, text in MARKDOWN.items():
        files[name] = folder / name
        files[name].write_text(text, encoding="utf-8")
    files["paragraphs.docx"] = folder / "paragraphs.docx"
    _docx(files["paragraphs.docx"], 200_000)
    files["bomb.png"] = folder / "bomb.png"
    _png_bomb(files["bomb.png"], 12_000)
    return files


def _run(path: Path) -> tuple[Path, subprocess.CompletedProcess[str] | None]:
    command = [sys.executable, str(RUNNER), str(path)]
    if os.name == "posix":
        command.append(str(MEMORY))
    env = {**os.environ, "PYTHONPATH": SRC, "DESKAPP_LANG": "en"}
    try:
        return path, subprocess.run(command, capture_output=True, text=True, env=env,
                                    timeout=SECONDS)
    except subprocess.TimeoutExpired:
        return path, None


@pytest.fixture(scope="module")
def outcomes(corpus: dict[str, Path]) -> dict[str, subprocess.CompletedProcess[str] | None]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        return {path.name: result for path, result in pool.map(_run, corpus.values())}


@pytest.mark.parametrize("name", [*MARKDOWN, "paragraphs.docx", "bomb.png"])
def test_each_input_ends_in_time_with_a_result_or_a_sentence(
        name: str, outcomes: dict[str, subprocess.CompletedProcess[str] | None]) -> None:
    result = outcomes[name]
    assert result is not None, f"{name} ran past {SECONDS} s"
    assert result.returncode == 0, result.stderr[-2000:]
    assert not _PYTHON_NAMES.search(result.stderr), result.stderr[-2000:]
    lines = result.stdout.splitlines()
    refusals = [line for line in lines if " refused " in line]
    assert len(result.stderr.strip().splitlines()) == len(refusals), result.stderr
    assert all(line.split(":")[0] in (*STAGES, "insert") for line in lines), lines


def test_the_limits_refuse_what_used_to_hang(
        outcomes: dict[str, subprocess.CompletedProcess[str] | None]) -> None:
    """The measured cases are refused at import with a sentence naming the limit."""
    expected = {
        "nested_links.md": "“[” left open",
        "open_brackets.md": "“[” left open",
        "link_parens.md": "“(” left open",
        "autolinks.md": "“<” left open",
        "paragraph.md": "per paragraph",
        "unclosed_fence.md": "per paragraph",
        "deep_list.md": "4,004,447 characters long",
        "deep_list_small.md": "levels deep",
        "many_headings.md": "40,000 paragraphs, headings and rules",
        "deep_quote.md": "1499 levels deep",
        "wide_table.md": "5000 columns",
        "footnotes.md": "5,000 footnotes",
        "paragraphs.docx": "200,000 paragraphs",
        "bomb.png": "12000 × 12000 pixels",
    }
    for name, words in expected.items():
        result = outcomes[name]
        assert result is not None
        first = result.stdout.splitlines()[0]
        assert first.startswith(("import: refused", "insert: refused")), (name, result.stdout)
        assert words in result.stderr.splitlines()[0], (name, result.stderr)


def test_what_passes_the_limits_goes_through_every_stage(
        outcomes: dict[str, subprocess.CompletedProcess[str] | None]) -> None:
    """Long headlines and control characters, and many headings, tables and breaks, export."""
    for name in ("long_credits.md", "tall_table.md", "headings.md", "rules.md",
                 "entities.md", "hard_breaks.md", "code_ticks.md"):
        result = outcomes[name]
        assert result is not None
        done = [line.split(":")[0] for line in result.stdout.splitlines() if ": ok " in line]
        assert done == list(STAGES), (name, result.stdout, result.stderr)
    controls = outcomes["controls.md"]
    assert controls is not None
    assert controls.stdout.startswith("import: refused")
    done = [line.split(":")[0] for line in controls.stdout.splitlines() if ": ok " in line]
    assert done == list(STAGES[1:]), controls.stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_convert_reads_no_more_than_import(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": SRC, "DESKAPP_LANG": "en"}
    command = [sys.executable, "-m", "deskapp", "--library", str(tmp_path / "lib.sqlite"),
               "convert", "/dev/zero", "-o", str(tmp_path / "out.txt")]
    if os.name == "posix":
        command = [sys.executable, str(HERE / "capped.py"), str(MEMORY // 4), *command[1:]]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=SECONDS)
    assert result.returncode == 1, result.stderr
    assert "too large" in result.stderr and "20 MB" in result.stderr, result.stderr
    assert not _PYTHON_NAMES.search(result.stderr), result.stderr
    assert not (tmp_path / "out.txt").exists()
