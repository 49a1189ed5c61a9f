"""Copyfit cost: counts plus the line count from the PDF layout, as the status bar runs it."""

from common import median_ms, report, sample_text

from deskapp.desk.copyfit import measure
from deskapp.exchange import clean_web_copy


def main() -> None:
    article = clean_web_copy(sample_text()).to_article()
    article.target_lines = 40
    report("copyfit_sample_a4", median_ms(lambda: measure(article, "a4-article")), "ms")
    report("copyfit_sample_3col", median_ms(lambda: measure(article, "newspaper-3col")), "ms")
    words = len(article.body.split())
    long_article = article.with_content(body="\n\n".join([article.body] * max(1, 10_000 // words)))
    report("copyfit_10k_words_3col",
           median_ms(lambda: measure(long_article, "newspaper-3col"), repeat=3), "ms")


if __name__ == "__main__":
    main()
