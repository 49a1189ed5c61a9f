"""The limits' one-pass check and the sentences naming each limit."""

from __future__ import annotations

import pytest

from deskapp import limits
from deskapp.limits import LimitExceeded, check_markdown
from deskapp.messages import CATALOG, describe


@pytest.mark.parametrize(("text", "code", "found"), [
    ("".join("    " * i + "- mục\n" for i in range(40)), "limit_nesting", 40),
    ("".join(">" * i + " trích\n" for i in range(1, 30)), "limit_nesting", 29),
    ("[" * 50 + "a" + "](b)" * 50, "limit_open_brackets", 50),
    ("chữ " * 6_000, "limit_paragraph_chars", 24_000),
    ("".join(f"[^{i}]: chú\n\n" for i in range(1_001)), "limit_footnotes", 1_001),
    ("|" + "a|" * 41 + "\n|" + "-|" * 41 + "\n", "limit_table_columns", 41),
    ("a\n\n" * 10_001, "limit_blocks", 10_001),
])
def test_each_limit_is_refused_with_what_was_found(text: str, code: str, found: int) -> None:
    with pytest.raises(LimitExceeded) as refused:
        check_markdown(text)
    assert refused.value.code == code
    assert refused.value.data["found"] == found


def test_articles_well_inside_the_limits_pass() -> None:
    body = "\n\n".join([
        "# Tít phụ", "Đoạn có [liên kết](http://a.vn) và (ngoặc) và a < b.",
        "- một\n    - hai\n        - ba", "> trích\n>> trích lồng",
        "| a | b |\n|---|---|\n| 1 | 2 |", "```\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n```",
        "Câu[^1]\n\n[^1]: Chú thích.",
    ])
    check_markdown(body)


def test_brackets_inside_fenced_code_do_not_count_but_after_an_unclosed_fence_they_do() -> None:
    check_markdown("```\n" + "[" * 100 + "\n```")
    with pytest.raises(LimitExceeded):
        check_markdown("````\n" + "[" * 100 + "\n```")


def test_every_limit_has_a_sentence_in_both_languages_naming_the_figures() -> None:
    for code in [c for c in CATALOG if c.startswith("limit_")]:
        error = LimitExceeded(code, where="body", found=41_000, maximum=40_000, char="[",
                              name="x.png", width=12_000, height=12_000, found_mb=80.0,
                              maximum_mb=60.0)
        for lang in ("vi", "en"):
            sentence = describe(error, lang)
            assert "?" not in sentence and "Error" not in sentence, sentence
            assert any(figure in sentence for figure in ("40,000", "40000", "60 MB")), sentence
    vi = describe(LimitExceeded("limit_nesting", where="body", found=412,
                                maximum=limits.MAX_NESTING_DEPTH), "vi")
    assert vi.startswith("Phần thân bài có danh sách hoặc trích dẫn lồng sâu 412 cấp")


def test_a_revision_is_checked_by_its_content() -> None:
    """Packages and syncs check the head revision, whose fields live in ``content``."""
    from deskapp.model import Article, Revision

    deep = Article(title="Lồng", body="> " * 40 + "chữ")
    revision = Revision(id="r1", article_id=deep.id, parent_id=None, created_at="2026",
                        author="PV", kind="save", content_hash=deep.content_hash(),
                        content=deep.content())
    with pytest.raises(LimitExceeded) as refused:
        limits.check_article(revision)
    assert refused.value.code == "limit_nesting"
    long_title = Article(title="T" * 100_000, body="ngắn")
    with pytest.raises(LimitExceeded):
        limits.check_article(Revision(id="r2", article_id=long_title.id, parent_id=None,
                                      created_at="2026", author="PV", kind="save",
                                      content_hash=long_title.content_hash(),
                                      content=long_title.content()))
