"""Preview cost: Markdown parse + HTML for the sample and for a very long document."""

from common import median_ms, report, sample_text

from deskapp.exchange import clean_web_copy
from deskapp.render.html import article_html
from deskapp.render.tree import parse_markdown


def main() -> None:
    article = clean_web_copy(sample_text()).to_article()
    words = len(article.body.split())
    report("sample_words", words, "words")
    report("sample_parse", median_ms(lambda: parse_markdown(article.body)), "ms")
    report("sample_preview_html", median_ms(lambda: article_html(article)), "ms")

    long_body = "\n\n".join([article.body] * max(1, 100_000 // max(words, 1)))
    long_article = article.with_content(body=long_body)
    report("long_words", len(long_body.split()), "words")
    report("long_preview_html", median_ms(lambda: article_html(long_article), repeat=3), "ms")


if __name__ == "__main__":
    main()
