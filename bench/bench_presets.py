"""Export cost per print preset, a 200-page article, and the memory it takes."""

import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pypdfium2 as pdfium
from common import median_ms, report, sample_text

from deskapp.exchange import clean_web_copy
from deskapp.pdf import export_pdf, list_presets
from deskapp.pdf.options import PrintSettings


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    article = (
        clean_web_copy(sample_text()).to_article().with_content(title="Bài mẫu", section="Thời sự")
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sample.pdf"
        for name, _title in list_presets():
            settings = PrintSettings(preset=name)
            ms = median_ms(lambda settings=settings: export_pdf(article, out, settings), repeat=5)
            report(f"export_preset_{name}", ms, "ms")
        report(
            "export_sample_bleed_cmyk",
            median_ms(lambda: export_pdf(article, out, PrintSettings(bleed_mm=3, cmyk=True)),
                      repeat=5),
            "ms",
        )
        # The sample fills about 0.83 of an A4 page: 242 copies make 200 pages.
        long_article = article.with_content(body="\n\n".join([article.body] * 242))
        long_out = Path(folder) / "long.pdf"
        start = time.perf_counter()
        export_pdf(long_article, long_out)
        report("export_200_pages_a4_article", (time.perf_counter() - start) * 1000, "ms")
        report("export_200_pages_count", len(pdfium.PdfDocument(long_out)), "pages")
        report("export_200_pages_size", long_out.stat().st_size / 1024, "KiB")
        report("export_200_pages_peak_rss", peak_rss_mib(), "MiB")
        # tracemalloc slows Python down, so it gets a run of its own.
        tracemalloc.start()
        export_pdf(long_article, long_out)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        report("export_200_pages_peak_python_alloc", peak / (1024 * 1024), "MiB")


if __name__ == "__main__":
    main()
