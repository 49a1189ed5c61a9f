"""Precision of the spelling and typing rules on the project's own clean Vietnamese text.

The rules here are typing_leftover and, through the shared syllable
inventory, invalid_syllable: on correct copy they must find nothing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from deskapp.exchange import clean_web_copy
from deskapp.model import Article
from deskapp.proof import check
from deskapp.welcome import welcome_article

TESTS = Path(__file__).resolve().parents[1]
CLEAN_NEWS = Path(__file__).parent / "data" / "clean_news.md"
RULES = ("typing_leftover", "invalid_syllable")
_VIETNAMESE = re.compile("[ăâđêôơưạ-ỹ]")


def found(article: Article) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in check(article, rules=RULES)]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_welcome_article(language):
    assert found(welcome_article(language)) == []


def test_clean_provincial_news():
    body = CLEAN_NEWS.read_text(encoding="utf-8")
    article = Article(title="Kon Tum tổng kết năm 2026", lead="Tỉnh hoàn thành chỉ tiêu.",
                      byline="Thanh Tùng", body=body)
    assert check(article) == []


def test_newsroom_sample(sample_path):
    article = clean_web_copy(sample_path.read_text(encoding="utf-8")).to_article()
    assert found(article) == []


def _article_texts() -> list[tuple[str, str]]:
    """Vietnamese sentences (five words or more) written in the project's tests.

    The typing, spelling and legacy tests (and any test named for typing or
    leftovers) hold keys and misspellings on purpose, and render/ holds code;
    the others hold articles.
    """
    texts = []
    for folder in ("ui", "exchange", "pdf", "desk", "store", "sync", "cli"):
        for path in sorted((TESTS / folder).rglob("*.py")):
            if "leftover" in path.name or "typing" in path.name:
                continue  # tests of typing and of this rule hold keys on purpose
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                value = getattr(node, "value", None)
                if (isinstance(node, ast.Constant) and isinstance(value, str)
                        and _VIETNAMESE.search(value) and len(value.split()) >= 5):
                    texts.append((f"{path.relative_to(TESTS)}:{node.lineno}", value))
    return texts


def test_the_project_test_articles_have_no_typing_leftovers():
    texts = _article_texts()
    assert len(texts) > 300
    flagged = [(where, f.text) for where, text in texts
               for f in check(Article(title="T", lead="L", byline="B", body=text),
                              rules=("typing_leftover",))]
    assert flagged == []
