"""Every failure of the command line is a sentence; nothing is written where it must not be.

Each case runs ``deskapp`` in a subprocess (this checkout's code) and reads
its stderr as a person would: no Python exception name, no traceback.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from deskapp.model import Article
from deskapp.store import Library

SRC = Path(__file__).resolve().parents[2] / "src"
EXCEPTION_NAME = re.compile(r"Traceback|\b[A-Z][A-Za-z]*(Error|Exception|Interrupt)\b")


def run(*args: str, lang: str = "en", stdin: str | None = None,
        **kwargs) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "PYTHONPATH": str(SRC),
           "DESKAPP_LANG": lang}
    return subprocess.run([sys.executable, "-m", "deskapp", *args], capture_output=True,
                          text=True, env=env, timeout=120, input=stdin, **kwargs)


def no_exception_names(stderr: str) -> None:
    assert not EXCEPTION_NAME.search(stderr), stderr


@pytest.fixture
def library(library_path: Path) -> list[str]:
    """A library of three articles; their ids."""
    lib = Library.open(library_path)
    try:
        return [lib.create(Article(title=f"Bài {i}", body="Thân bài.")).id for i in range(3)]
    finally:
        lib.close()


# ---- exports write only regular files or new paths -----------------------------
def special_targets(folder: Path) -> dict[str, Path]:
    fifo = folder / "pipe.md"
    os.mkfifo(fifo)
    outside = folder.parent / f"{folder.name}-outside.md"
    outside.write_text("không được ghi đè", encoding="utf-8")
    link = folder / "link.md"
    link.symlink_to(outside)
    inner = folder / "inner.md"
    inner.write_text("bên trong", encoding="utf-8")
    inner_link = folder / "inner-link.md"
    inner_link.symlink_to(inner)
    sub = folder / "sub.md"
    sub.mkdir()
    sock = folder / "s.md"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    server.close()
    return {"fifo": fifo, "link": link, "inner-link": inner_link, "folder": sub, "socket": sock}


@pytest.mark.parametrize("suffix", [".md", ".docx", ".pdf"])
def test_export_refuses_anything_but_a_regular_file(tmp_path, library_path, library, suffix):
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    targets = special_targets(folder)
    words = {"fifo": "a named pipe", "link": "a symbolic link", "inner-link": "a symbolic link",
             "folder": "a folder", "socket": "a socket"}
    for kind, out in targets.items():
        done = run("--library", str(library_path), "export", library[0], "-o", str(out),
                   "--format", suffix[1:])
        assert done.returncode == 1, (kind, done.stderr)
        assert f"“{out}” was not written: it is {words[kind]}" in done.stderr
        no_exception_names(done.stderr)
    assert (tmp_path / "private-outside.md").read_text(encoding="utf-8") == "không được ghi đè"
    assert (folder / "inner.md").read_text(encoding="utf-8") == "bên trong"
    assert targets["link"].is_symlink() and targets["fifo"].is_fifo()
    assert targets["folder"].is_dir() and not any(targets["folder"].iterdir())
    assert not list(folder.glob(".*.part"))


def test_export_still_replaces_a_regular_file_and_writes_a_new_one(tmp_path, library_path,
                                                                 library):
    old = tmp_path / "old.md"
    old.write_text("cũ", encoding="utf-8")
    for out in (old, tmp_path / "new.md"):
        done = run("--library", str(library_path), "export", library[0], "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert "Bài 0" in out.read_text(encoding="utf-8")


def test_export_to_a_device_is_refused(library_path, library):
    done = run("--library", str(library_path), "export", library[0], "-o", "/dev/null",
               "--format", "md")
    assert done.returncode == 1
    assert "“/dev/null” was not written: it is a device" in done.stderr
    assert Path("/dev/null").is_char_device()


def test_the_refusal_is_worded_in_vietnamese_too(tmp_path, library_path, library):
    (tmp_path / "thu-muc").mkdir()
    done = run("--library", str(library_path), "export", library[0], "-o",
               str(tmp_path / "thu-muc"), "--format", "md", lang="vi")
    assert done.returncode == 1
    assert "đó là một thư mục, không phải tệp thường" in done.stderr


# ---- id prefixes ----------------------------------------------------------------
def test_wildcards_in_an_id_prefix_are_characters(library_path, library):
    for ref in ("%", "_", "%%", "_" * 8):
        done = run("--library", str(library_path), "status", ref, "submit")
        assert done.returncode == 1
        assert f"There is no article “{ref}”" in done.stderr
        no_exception_names(done.stderr)
    lib = Library.open(library_path)
    try:
        assert {lib.get(i).status for i in library} == {"draft"}
    finally:
        lib.close()


def test_an_ambiguous_prefix_lists_the_candidates(library_path):
    lib = Library.open(library_path)
    try:
        ids = [lib.create(Article(id=f"abc{n}0000-0000-4000-8000-00000000000{n}",
                                  title=f"Bài {n}")).id for n in range(3)]
    finally:
        lib.close()
    done = run("--library", str(library_path), "status", "abc", "submit")
    assert done.returncode == 1
    assert "“abc” matches 3 articles" in done.stderr
    for n, article_id in enumerate(ids):
        assert f"{article_id} “Bài {n}”" in done.stderr
    done = run("--library", str(library_path), "status", "ABC1", "submit")  # case ignored
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(ids[1])


# ---- a closed pipe ------------------------------------------------------------------
def test_a_closed_pipe_ends_quietly(tmp_path, library_path):
    source = tmp_path / "dai.md"
    source.write_text("---\ntitle: Dai\n---\n" + ("Hai  khoang trang. " * 50 + "\n\n") * 2000,
                      encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "PYTHONPATH": str(SRC),
           "DESKAPP_LANG": "en"}
    done = subprocess.run(
        f'"{sys.executable}" -m deskapp --library "{library_path}" check "{source}" | head -1',
        shell=True, capture_output=True, text=True, env=env, timeout=120)
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr == ""


# ---- unforeseen failures ------------------------------------------------------------
RAISE_IN_CHECK = """
import sys
import deskapp.proof
from deskapp.cli import main
kind = sys.argv[1]
def broken(*args, **kwargs):
    if kind == "LayoutError":
        from reportlab.platypus.doctemplate import LayoutError
        raise LayoutError("Flowable <Table@0x7f> too large on page 1")
    if kind == "UnicodeEncodeError":
        "\\ud800".encode("utf-8")
    if kind == "RecursionError":
        def deeper(n):
            return deeper(n + 1)
        deeper(0)
    raise {"ValueError": ValueError, "OverflowError": OverflowError}[kind]("int too large")
deskapp.proof.check = broken
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("kind", ["RecursionError", "LayoutError", "ValueError",
                                  "OverflowError", "UnicodeEncodeError"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_unforeseen_failures_are_sentences_naming_the_file(tmp_path, library_path, kind, lang):
    source = tmp_path / "bai.md"
    source.write_text("---\ntitle: Bài\n---\nThân bài.\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "PYTHONPATH": str(SRC),
           "DESKAPP_LANG": lang}
    done = subprocess.run([sys.executable, "-c", RAISE_IN_CHECK, kind, "--library",
                           str(library_path), "check", str(source)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert str(source) in done.stderr
    assert ("không làm xong" if lang == "vi" else "could not finish") in done.stderr
    no_exception_names(done.stderr)
    assert "0x7f" not in done.stderr and "int too large" not in done.stderr


# ---- error paths, every stderr ---------------------------------------------------------
def test_every_error_path_speaks_in_sentences(tmp_path, library_path, library):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database " * 300)
    binary = tmp_path / "anh.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    cases = [
        ["--library", str(garbage), "list"],
        ["--library", str(library_path), "status", "ffffffff", "approve"],
        ["--library", str(library_path), "status", library[0], "approve"],
        ["--library", str(library_path), "import", str(tmp_path / "missing.md")],
        ["--library", str(library_path), "import", str(binary)],
        ["--library", str(library_path), "export", library[0], "-o", str(tmp_path),
         "--format", "md"],
        ["--library", str(library_path), "export", library[0], "-o",
         str(tmp_path / "no" / "such" / "folder" / "x.md")],
        ["--library", str(library_path), "export", library[0], "-o", str(tmp_path / "x.pdf"),
         "--preset", "no-such-preset"],
        ["--library", str(library_path), "package", "%", "-o", str(tmp_path / "p.deskpkg")],
        ["--library", str(library_path), "check", str(tmp_path / "missing.md")],
        ["convert", str(tmp_path / "missing.txt")],
        ["convert", str(binary)],
    ]
    for args in cases:
        done = run(*args)
        assert done.returncode != 0, args
        assert done.stderr.strip(), args
        no_exception_names(done.stderr)
