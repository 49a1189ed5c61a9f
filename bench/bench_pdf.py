"""Export cost: the sample article to an A4 PDF, and a 20-page article."""

import tempfile
from pathlib import Path

from common import median_ms, report, sample_text

from deskapp.exchange import clean_web_copy
from deskapp.pdf import export_pdf


def main() -> None:
    article = clean_web_copy(sample_text()).to_article().with_content(title="Bài mẫu")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sample.pdf"
        report("export_sample_pdf", median_ms(lambda: export_pdf(article, out), repeat=5), "ms")
        report("export_sample_pdf_size", out.stat().st_size / 1024, "KiB")
        long_article = article.with_content(body="\n\n".join([article.body] * 12))
        out2 = Path(folder) / "long.pdf"
        report("export_long_pdf", median_ms(lambda: export_pdf(long_article, out2), repeat=3), "ms")


if __name__ == "__main__":
    main()
