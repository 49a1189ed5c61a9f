#!/usr/bin/env python3
"""Smoke-test the frozen Deskapp in dist/ the way a newsroom machine would run it.

    .venv/bin/python packaging/smoke.py [SAMPLE.txt] [--bundle dist/deskapp] [--no-deb]

Checks, each printed as it passes:
  1. `deskapp --version` names deskapp.__version__;
  2. headless: import SAMPLE into a temporary --library, export it to PDF (every font
     embedded as TrueType, FontFile2; the byline "Thanh Tùng – Công Luận" in the text)
     and to .docx;
  3. the window starts offscreen (and under Xvfb with the X11 plugin when xvfb-run
     exists) and quits by itself (DESKAPP_QUIT_AFTER_START=1), printing its start-up time;
  4. a library in a read-only place: exit status 1 and a sentence on stderr, from the
     command line and from the window, no traceback;
  5. the .deb (Linux, as root, with dpkg): installs, /usr/bin/deskapp --version works,
     removes cleanly (/opt/deskapp gone) and leaves the user's library untouched.

Without SAMPLE a short web-copy sample with the same byline is used. Needs pypdf
(the `test` extra). Exit status 0 when every check passed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BYLINE = "Thanh Tùng – Công Luận"
FALLBACK_SAMPLE = (
    "(kontumtv.vn) – Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh "
    "vừa tổ chức Hội nghị tổng kết công tác năm 2013, triển khai nhiệm vụ năm 2014.\n\n"
    "Năm 2013, việc thực hiện quy chế dân chủ ở cơ sở được các cấp, các ngành quan tâm "
    "chỉ đạo; quyền làm chủ của nhân dân được phát huy.\n\n"
    f"{BYLINE}\n"
)
TIMEOUT = 120


class SmokeFailure(Exception):
    """A check that did not pass."""


def read_version() -> str:
    text = (ROOT / "src" / "deskapp" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not found:
        raise SmokeFailure("__version__ not found in src/deskapp/__init__.py")
    return found.group(1)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment like a user's session: no Python or Qt settings from this shell."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "QT_", "DESKAPP_", "VIRTUAL_ENV", "XDG_"))}
    env.update(HOME=str(home), DESKAPP_LANG="en", LANG="C.UTF-8")
    env.update(extra)
    return env


def run(command: Sequence[str | Path], env: dict[str, str],
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=TIMEOUT, check=False)


def expect(result: subprocess.CompletedProcess[str], code: int, what: str) -> None:
    if result.returncode != code:
        raise SmokeFailure(f"{what}: exit status {result.returncode}, expected {code}\n"
                           f"stdout: {result.stdout.strip()}\nstderr: {result.stderr.strip()}")


# ------------------------------------------------------------------- checks


def check_version(exe: Path, work: Path) -> str:
    result = run([exe, "--version"], clean_env(work))
    expect(result, 0, "deskapp --version")
    wanted = f"deskapp {read_version()}"
    if result.stdout.strip() != wanted:
        raise SmokeFailure(f"--version printed {result.stdout.strip()!r}, not {wanted!r}")
    return wanted


def check_pdf(pdf: Path) -> str:
    """Every font embedded as TrueType (FontFile2) and the byline in the text."""
    try:
        from pypdf import PdfReader
    except ImportError as error:
        raise SmokeFailure("pypdf is missing: .venv/bin/pip install -e '.[test]'") from error
    reader = PdfReader(str(pdf))
    fonts = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for part in [font, *(f.get_object() for f in font.get("/DescendantFonts", []))]:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None:
                    continue
                fonts += 1
                if "/FontFile2" not in descriptor.get_object():
                    raise SmokeFailure(f"font {part.get('/BaseFont')} is not embedded")
    text = "".join(page.extract_text() or "" for page in reader.pages)
    if fonts == 0:
        raise SmokeFailure("the PDF has no embedded fonts")
    if BYLINE not in text:
        raise SmokeFailure(f"{BYLINE!r} is not in the PDF's text")
    return f"{len(reader.pages)} page(s), {fonts} embedded TrueType font(s), byline found"


APPROVED_ARTICLE = """---
title: Kon Tum tổng kết quy chế dân chủ
lead: Sáng nay, tỉnh Kon Tum tổng kết năm năm thực hiện quy chế dân chủ ở cơ sở.
byline: Thanh Tùng
---
Hội nghị diễn ra tại hội trường của tỉnh, với đại biểu các huyện và thành phố.
"""


def check_approval(exe: Path, work: Path) -> str:
    """The desk in the installed program: submit, take, approve (signed), print the line.

    The Linux bundle signs with the system's OpenSSL (no cryptography package):
    this is where a missing signing backend would show.
    """
    library = work / "desk" / "library.sqlite"
    library.parent.mkdir(parents=True, exist_ok=True)
    source = work / "desk" / "bai.md"
    source.write_text(APPROVED_ARTICLE, encoding="utf-8")
    env = clean_env(work)
    imported = run([exe, "--library", library, "import", source], env)
    expect(imported, 0, "deskapp import (desk)")
    article = imported.stdout.split()[0]
    for step, extra in (("submit", []), ("take", ["--as", "editor"]),
                        ("approve", ["--as", "editor", "--note", "smoke test"])):
        expect(run([exe, "--library", library, "status", article, step, *extra], env), 0,
               f"deskapp status {step}")
    pdf = work / "out" / "approved.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    expect(run([exe, "--library", library, "export", article, "-o", pdf, "--pdfx"], env), 0,
           "deskapp export --pdfx (approved)")
    from pypdf import PdfReader

    text = "".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    if "Duyệt" not in text:
        raise SmokeFailure("the approved article's PDF has no approval line")
    return "approved with a signature, the approval line printed (PDF/X-1a)"


def check_headless(exe: Path, sample: Path, work: Path) -> str:
    library = work / "headless" / "library.sqlite"
    env = clean_env(work)
    imported = run([exe, "--library", library, "import", sample], env)
    expect(imported, 0, "deskapp import")
    article = imported.stdout.split()[0]
    pdf = work / "out" / "article.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    expect(run([exe, "--library", library, "export", article, "-o", pdf], env), 0,
           "deskapp export (PDF)")
    summary = check_pdf(pdf)
    docx = work / "out" / "article.docx"
    expect(run([exe, "--library", library, "export", article, "-o", docx], env), 0,
           "deskapp export (.docx)")
    if not docx.read_bytes().startswith(b"PK"):
        raise SmokeFailure("the .docx export is not a Word (zip) file")
    return summary + "; .docx written"


def startup_ms(stderr: str) -> float:
    found = re.search(r"window shown after (\d+) ms", stderr)
    if not found:
        raise SmokeFailure(f"the window did not report its start-up:\n{stderr.strip()}")
    return float(found.group(1))


def warn_on_traceback(stderr: str, what: str) -> None:
    if "Traceback" in stderr:
        print(f"  warning: {what} printed a Python traceback on stderr:\n"
              + "\n".join("    " + line for line in stderr.strip().splitlines()), flush=True)


def check_gui(exe: Path, work: Path, platform: str = "offscreen",
              wrapper: Sequence[str] = ()) -> str:
    home = work / f"gui-{platform}"
    home.mkdir(parents=True, exist_ok=True)
    env = clean_env(home, QT_QPA_PLATFORM=platform, DESKAPP_QUIT_AFTER_START="1")
    result = run([*wrapper, exe], env)
    expect(result, 0, f"the window ({platform})")
    warn_on_traceback(result.stderr, f"the window ({platform})")
    library = home / ".local" / "share" / "Deskapp" / "library.sqlite"
    if not library.exists():
        raise SmokeFailure(f"the window did not create its library at {library}")
    return f"shown after {startup_ms(result.stderr):.0f} ms, quit cleanly"


def read_only_library(work: Path) -> Path:
    """A library path whose folder cannot be created or written."""
    if os.geteuid() == 0:
        # Permissions do not stop root; sysfs refuses new files even for root.
        return Path("/sys/deskapp-smoke/Deskapp/library.sqlite")
    locked = work / "locked"
    locked.mkdir(exist_ok=True)
    locked.chmod(0o555)
    return locked / "Deskapp" / "library.sqlite"


def check_read_only(exe: Path, work: Path) -> str:
    library = read_only_library(work)
    for what, command, extra in (
        ("deskapp list", [exe, "list"], {}),
        ("the window", [exe], {"QT_QPA_PLATFORM": "offscreen",
                                "DESKAPP_QUIT_AFTER_START": "1"}),
    ):
        env = clean_env(work, DESKAPP_LIBRARY=str(library), **extra)
        result = run(command, env)
        expect(result, 1, f"{what} with a read-only library")
        said = [line for line in result.stderr.splitlines() if line.startswith("deskapp:")]
        if not said or "Traceback" in result.stderr:
            raise SmokeFailure(f"{what}: no plain sentence on stderr:\n{result.stderr}")
    return f"exit 1 with: {said[-1][:90]}"


# ------------------------------------------------------------------- the .deb


def find_deb(version: str) -> Path | None:
    debs = sorted((ROOT / "dist").glob(f"deskapp_{version}_*.deb"))
    return debs[-1] if debs else None


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_deb(deb: Path, sample: Path, work: Path) -> str:
    if shutil.which("dpkg") is None:
        raise SmokeFailure("dpkg is missing")
    if run(["dpkg-query", "-W", "deskapp"], dict(os.environ)).returncode == 0:
        raise SmokeFailure("a deskapp package is already installed here; "
                           "remove it (dpkg -r deskapp) before this check")
    home = work / "deb-user"
    env = clean_env(home)
    library = home / ".local" / "share" / "Deskapp" / "library.sqlite"
    try:
        expect(run(["dpkg", "-i", deb], dict(os.environ)), 0, "dpkg -i")
        expect(run(["/usr/bin/deskapp", "--version"], env, cwd=Path("/")), 0,
               "/usr/bin/deskapp --version")
        for path in ("/usr/share/applications/deskapp.desktop",
                     "/usr/share/mime/packages/deskapp.xml"):
            if not Path(path).exists():
                raise SmokeFailure(f"the package did not install {path}")
        expect(run(["/usr/bin/deskapp", "import", sample], env, cwd=Path("/")), 0,
               "the installed deskapp import")
        before = file_digest(library)
    finally:
        removed = run(["dpkg", "-r", "deskapp"], dict(os.environ))
    expect(removed, 0, "dpkg -r deskapp")
    for gone in ("/opt/deskapp", "/usr/bin/deskapp"):
        if os.path.lexists(gone):
            raise SmokeFailure(f"{gone} is still there after dpkg -r")
    if not library.exists() or file_digest(library) != before:
        raise SmokeFailure("removing the package changed the user's library")
    return f"{deb.name}: installed, ran, removed; the user's library kept"


# -------------------------------------------------------------------- main


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="smoke.py", description=__doc__.split("\n")[0])
    parser.add_argument("sample", nargs="?", type=Path,
                        help="web copy to import and export (default: a built-in sample)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "deskapp",
                        help="the one-folder bundle (default: dist/deskapp)")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb check")
    return parser.parse_args(argv)


def checks(args: argparse.Namespace, exe: Path, sample: Path,
           work: Path) -> list[tuple[str, Callable[[], str]]]:
    planned: list[tuple[str, Callable[[], str]]] = [
        ("version", lambda: check_version(exe, work)),
        ("headless import and export", lambda: check_headless(exe, sample, work)),
        ("signed approval", lambda: check_approval(exe, work)),
        ("window (offscreen)", lambda: check_gui(exe, work)),
        ("read-only library", lambda: check_read_only(exe, work)),
    ]
    if sys.platform.startswith("linux") and shutil.which("xvfb-run"):
        wrapper = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"]
        planned.append(("window (X11 under Xvfb)",
                        lambda: check_gui(exe, work, "xcb", wrapper)))
    deb = find_deb(read_version())
    if args.no_deb or not sys.platform.startswith("linux"):
        pass
    elif deb is None:
        print("smoke: no .deb in dist/: the package check is skipped", flush=True)
    elif os.geteuid() != 0:
        print("smoke: not root: the .deb install check is skipped", flush=True)
    else:
        planned.append(("Debian package", lambda: check_deb(deb, sample, work)))
    return planned


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    exe = args.bundle / ("deskapp.exe" if os.name == "nt" else "deskapp")
    if not exe.exists():
        print(f"smoke: no frozen program at {exe}; build it: python packaging/build.py",
              file=sys.stderr)
        return 2
    failures = 0
    with tempfile.TemporaryDirectory(prefix="deskapp-smoke-") as folder:
        work = Path(folder)
        sample = args.sample
        if sample is None:
            sample = work / "sample.txt"
            sample.write_text(FALLBACK_SAMPLE, encoding="utf-8")
        for name, check in checks(args, exe, sample.resolve(), work):
            try:
                print(f"smoke: ok: {name}: {check()}", flush=True)
            except (SmokeFailure, subprocess.TimeoutExpired, OSError) as error:
                failures += 1
                print(f"smoke: FAILED: {name}: {error}", flush=True)
        if (work / "locked").exists():
            (work / "locked").chmod(0o755)  # so the temporary folder can be removed
    print(f"smoke: {'all checks passed' if not failures else f'{failures} check(s) failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
