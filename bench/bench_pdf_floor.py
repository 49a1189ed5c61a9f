"""PDF export against its floor: bare reportlab on the same Markdown, in the same font.

Prints ``name: value unit`` lines, each figure next to its target:

* the floor (the Markdown's paragraphs straight into platypus, in the body
  face and size) and Deskapp's export of the sample article and of a
  generated 200-page article, warm and in process, with the ratios;
* the same two as whole ``deskapp export FILE -o OUT`` commands, beside the
  floor run as a command of its own (``pdf_floor.py``: a fresh interpreter
  that imports only reportlab), with the ratios;
* each also as CPU time (user + system), which other work on the machine
  hardly moves, beside the wall time that a user waits;
* the peak memory of the 200-page command;
* ``pandoc`` with a PDF engine on the same Markdown, where one is installed.

The commands run the checkout's own sources in fresh interpreters, as an
installed program would: with compiled bytecode (kept in a temporary
``PYTHONPYCACHEPREFIX`` and written by a first, untimed run).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import median_ms, report, sample_text
from pdf_floor import floor_pdf

ROOT = Path(__file__).resolve().parents[1]
# Parts of the generated long article: the sample's paragraphs under a
# heading, repeated until the A4 export runs to 200 pages (the figure is
# reported beside the times; the floor sets the same text).
LONG_PARTS = 233
COMMAND_RUNS = 5
# Targets on the development machine (issue 4).
TARGET_SAMPLE_MS = 40
TARGET_LONG_MS = 1000
TARGET_SAMPLE_COMMAND_S = 0.2
TARGET_LONG_COMMAND_S = 1.2
TARGET_PEAK_MIB = 100
# The command that ``deskapp`` is (see pyproject's console script).
_DESKAPP = "import sys\nfrom deskapp.cli import main\nsys.exit(main())\n"


def long_body(body: str) -> str:
    """About 200 A4 pages of the sample's paragraphs, with headings between them."""
    blocks = []
    for index in range(LONG_PARTS):
        blocks.append(f"## Phần {index + 1}")
        blocks.append(body)
    return "\n\n".join(blocks)


def _child_env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    # Parsed faces are cached between runs as bytecode is: the untimed first
    # run of each command fills both, as a user's first export does.
    env["DESKAPP_CACHE"] = str(cache)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                      env.get("PYTHONPATH", "")]))
    return env


def command_seconds(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a command, in seconds.

    Over COMMAND_RUNS runs, after one untimed run. The CPU time hardly moves
    when other work shares the machine; the wall time is what a user waits.
    """
    subprocess.run(argv, check=True, capture_output=True, env=env)
    walls, cpus = [], []
    for _ in range(COMMAND_RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def cpu_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median CPU time of ``fn`` in this process, in milliseconds (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def deskapp_export(source: Path, out: Path, library: Path) -> list[str]:
    return [sys.executable, "-c", _DESKAPP, "--library", str(library), "export", str(source),
            "-o", str(out)]


def floor_command(source: Path, out: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve().with_name("pdf_floor.py")), str(source),
            str(out)]


def peak_mib(argv: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one command, in MiB (the child's maxrss)."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *argv], check=True,
                            capture_output=True, text=True, env=env)
    kib = int(result.stdout.strip().splitlines()[-1])
    return kib / 1024 if sys.platform != "darwin" else kib / 2**20


def main() -> None:
    from deskapp.exchange import clean_web_copy
    from deskapp.pdf import export_pdf

    sample = clean_web_copy(sample_text()).to_article().with_content(title="Bài mẫu")
    long = sample.with_content(body=long_body(sample.body))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        floor = median_ms(lambda: floor_pdf(sample.title, sample.body), repeat=7)
        report("floor_sample_inprocess", floor, "ms")
        ours = median_ms(lambda: export_pdf(sample, folder / "s.pdf"), repeat=7)
        report("deskapp_sample_inprocess", ours, "ms")
        report("deskapp_sample_inprocess_target", TARGET_SAMPLE_MS, "ms")
        report("deskapp_sample_ratio_to_floor", ours / floor, "x")
        floor_cpu = cpu_ms(lambda: floor_pdf(sample.title, sample.body), repeat=7)
        ours_cpu = cpu_ms(lambda: export_pdf(sample, folder / "s.pdf"), repeat=7)
        report("floor_sample_inprocess_cpu", floor_cpu, "ms")
        report("deskapp_sample_inprocess_cpu", ours_cpu, "ms")
        report("deskapp_sample_inprocess_cpu_ratio_to_floor", ours_cpu / floor_cpu, "x")
        floor_long = median_ms(lambda: floor_pdf(long.title, long.body), repeat=3)
        report("floor_200p_inprocess", floor_long, "ms")
        ours_long = median_ms(lambda: export_pdf(long, folder / "l.pdf"), repeat=3)
        report("deskapp_200p_inprocess", ours_long, "ms")
        report("deskapp_200p_inprocess_target", TARGET_LONG_MS, "ms")
        report("deskapp_200p_pages", _pages(folder / "l.pdf"), "pages")
        report("deskapp_200p_ratio_to_floor", ours_long / floor_long, "x")
        floor_long_cpu = cpu_ms(lambda: floor_pdf(long.title, long.body), repeat=3)
        ours_long_cpu = cpu_ms(lambda: export_pdf(long, folder / "l.pdf"), repeat=3)
        report("floor_200p_inprocess_cpu", floor_long_cpu, "ms")
        report("deskapp_200p_inprocess_cpu", ours_long_cpu, "ms")
        report("deskapp_200p_inprocess_cpu_ratio_to_floor", ours_long_cpu / floor_long_cpu, "x")

        sample_md, long_md = folder / "sample.md", folder / "long.md"
        sample_md.write_text(f"# {sample.title}\n\n{sample.body}\n", encoding="utf-8")
        long_md.write_text(f"# {long.title}\n\n{long.body}\n", encoding="utf-8")
        library = folder / "lib.sqlite"
        env = _child_env(folder / "pycache")
        for label, source, target in (("sample", sample_md, TARGET_SAMPLE_COMMAND_S),
                                      ("200p", long_md, TARGET_LONG_COMMAND_S)):
            floor_s, floor_cpu = command_seconds(floor_command(source, folder / "f.pdf"), env)
            report(f"floor_{label}_command", floor_s, "s")
            ours_s, ours_cpu = command_seconds(deskapp_export(source, folder / "c.pdf", library),
                                               env)
            report(f"deskapp_{label}_command", ours_s, "s")
            report(f"deskapp_{label}_command_target", target, "s")
            report(f"deskapp_{label}_command_ratio_to_floor", ours_s / floor_s, "x")
            report(f"floor_{label}_command_cpu", floor_cpu, "s")
            report(f"deskapp_{label}_command_cpu", ours_cpu, "s")
            report(f"deskapp_{label}_command_cpu_ratio_to_floor", ours_cpu / floor_cpu, "x")
        peak = peak_mib(deskapp_export(long_md, folder / "c.pdf", library), env)
        report("deskapp_200p_peak_memory", peak, "MiB")
        report("deskapp_200p_peak_memory_target", TARGET_PEAK_MIB, "MiB")
        _pandoc(sample_md, long_md, folder, env, library)


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


PANDOC_ENGINES = ("typst", "weasyprint", "wkhtmltopdf", "xelatex", "lualatex")


def _pandoc(sample_md: Path, long_md: Path, folder: Path, env: dict[str, str],
            library: Path) -> None:
    """Time pandoc with a PDF engine on the same Markdown, when one is installed."""
    pandoc = shutil.which("pandoc")
    engine = next((e for e in PANDOC_ENGINES if shutil.which(e)), None)
    if not pandoc or not engine:
        print("# pandoc with a PDF engine (" + ", ".join(PANDOC_ENGINES)
              + ") is not installed: not timed", flush=True)
        return
    for label, source in (("sample", sample_md), ("200p", long_md)):
        argv = [pandoc, str(source), "--pdf-engine", engine, "-o", str(folder / "pandoc.pdf")]
        try:
            seconds, _cpu = command_seconds(argv, env)
        except subprocess.CalledProcessError as error:
            print(f"# pandoc --pdf-engine {engine} failed on {label}: {error}", flush=True)
            return
        ours, _cpu = command_seconds(deskapp_export(source, folder / "c.pdf", library), env)
        report(f"pandoc_{engine}_{label}_command", seconds, "s")
        report(f"pandoc_to_deskapp_{label}_command_ratio", seconds / ours, "x")


if __name__ == "__main__":
    main()
