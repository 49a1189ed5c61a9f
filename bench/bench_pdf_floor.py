"""PDF export against its floor: bare reportlab on the same Markdown, in the same font.

Prints ``name: value unit`` lines: the floor, Deskapp's export of the
sample article and of a generated 200-page article (warm, in process) with
their ratios to the floor, the same two as whole ``deskapp export``
commands, and the peak memory of the 200-page command. Where ``pandoc`` is
installed it is timed on the same Markdown too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from common import median_ms, report, sample_text

from deskapp.exchange import clean_web_copy
from deskapp.model import Article
from deskapp.pdf import export_pdf
from deskapp.pdf.fonts import SERIF, face_name, register_fonts

ROOT = Path(__file__).resolve().parents[1]
DESKAPP = ROOT / ".venv" / "bin" / "deskapp"
LONG_PAGES = 200


def floor_pdf(article: Article) -> bytes:
    """The Markdown's paragraphs straight into platypus, in Deskapp's body face and size."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    rl_config.useA85 = 0  # as Deskapp writes its streams, so the floor is like for like
    register_fonts()
    body = ParagraphStyle("body", fontName=face_name(SERIF), fontSize=10.5, leading=15.5,
                          alignment=4, spaceAfter=7)
    head = ParagraphStyle("head", parent=body, fontName=face_name(SERIF, bold=True),
                          fontSize=22, leading=30)
    story = [Paragraph(escape(article.title), head)]
    story += [Paragraph(escape(block.strip()), body)
              for block in article.body.split("\n\n") if block.strip()]
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=24 * mm, rightMargin=24 * mm,
                      topMargin=20 * mm, bottomMargin=22 * mm).build(story)
    return out.getvalue()


def long_article(sample: Article) -> Article:
    """About LONG_PAGES A4 pages of the sample's paragraphs, with headings between them."""
    blocks = []
    for index in range(LONG_PAGES):
        blocks.append(f"## Phần {index + 1}")
        blocks.append(sample.body)
    return sample.with_content(body="\n\n".join(blocks))


def command_seconds(source: Path, out: Path, library: Path) -> float:
    """Median wall time of ``deskapp export FILE -o OUT`` over three runs."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([str(DESKAPP), "--library", str(library), "export", str(source),
                        "-o", str(out)], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return sorted(times)[1]


def peak_mib(source: Path, out: Path, library: Path) -> float:
    """Peak resident memory of one export command, in MiB (children's maxrss)."""
    code = (
        "import resource, sys\n"
        "from deskapp.cli import main\n"
        "main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--library", str(library), "export", str(source),
         "-o", str(out)], check=True, capture_output=True, text=True)
    kib = int(result.stdout.strip().splitlines()[-1])
    return kib / 1024 if sys.platform != "darwin" else kib / 2**20


def main() -> None:
    sample = clean_web_copy(sample_text()).to_article().with_content(title="Bài mẫu")
    long = long_article(sample)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        floor = median_ms(lambda: floor_pdf(sample), repeat=7)
        report("floor_sample_inprocess", floor, "ms")
        ours = median_ms(lambda: export_pdf(sample, folder / "s.pdf"), repeat=7)
        report("deskapp_sample_inprocess", ours, "ms")
        report("deskapp_sample_ratio_to_floor", ours / floor, "x")
        floor_long = median_ms(lambda: floor_pdf(long), repeat=3)
        report("floor_200p_inprocess", floor_long, "ms")
        ours_long = median_ms(lambda: export_pdf(long, folder / "l.pdf"), repeat=3)
        report("deskapp_200p_inprocess", ours_long, "ms")
        report("deskapp_200p_pages", _pages(folder / "l.pdf"), "pages")
        report("deskapp_200p_ratio_to_floor", ours_long / floor_long, "x")
        sample_md, long_md = folder / "sample.md", folder / "long.md"
        sample_md.write_text(f"# {sample.title}\n\n{sample.body}\n", encoding="utf-8")
        long_md.write_text(f"# {long.title}\n\n{long.body}\n", encoding="utf-8")
        library = folder / "lib.sqlite"
        report("deskapp_sample_command", command_seconds(sample_md, folder / "c1.pdf", library),
               "s")
        report("deskapp_200p_command", command_seconds(long_md, folder / "c2.pdf", library), "s")
        report("deskapp_200p_peak_memory", peak_mib(long_md, folder / "c3.pdf", library), "MiB")
        _pandoc(sample_md, folder, ours)


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def _pandoc(source: Path, folder: Path, ours_ms: float) -> None:
    """Time pandoc with a PDF engine on the same Markdown, when it is installed."""
    pandoc = shutil.which("pandoc")
    engine = next((e for e in ("weasyprint", "typst") if shutil.which(e)), None)
    if not pandoc or not engine:
        return
    start = time.perf_counter()
    subprocess.run([pandoc, str(source), "--pdf-engine", engine, "-o",
                    str(folder / "pandoc.pdf")], check=True, capture_output=True)
    seconds = time.perf_counter() - start
    report("pandoc_sample_command", seconds, "s")
    report("pandoc_to_deskapp_inprocess_ratio", seconds * 1000 / ours_ms, "x")


if __name__ == "__main__":
    main()
