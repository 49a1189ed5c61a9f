"""Precision: the new rules find nothing in the project's own clean Vietnamese articles.

The clean articles are the welcome article and the articles other tests use as
ordinary, correct copy (read from those test modules, so they stay the same
text); the register is filled with names those articles spell correctly, so the
register's rule is judged too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from deskapp.model import Article
from deskapp.proof import check
from deskapp.proof.house import HouseStyle, RegisteredName
from deskapp.welcome import welcome_article

TESTS = Path(__file__).resolve().parents[1]
NEW_RULES = {"misspelling", "capitalization", "number_style", "date_style",
             "space_before_punctuation", "space_after_punctuation", "name_register",
             "name_variants"}
# (test module, the constants that hold a clean article's text)
CLEAN = [
    ("desk/test_comments.py", ("BODY",)),
    ("ui/desk/test_desk_comments.py", ("BODY",)),
    ("ui/library/test_library_narrow.py", ("HEADLINE", "BODY")),
    ("render/test_html.py", ("BODY",)),
    ("pdf/test_presets.py", ("TITLE", "LEAD", "PARAGRAPH", "BODY")),
    ("exchange/test_webcopy.py", ("P1", "P2", "P3")),
]
HOUSE = HouseStyle(register=(RegisteredName("Kon Tum", "place"),
                             RegisteredName("Đào Xuân Quí"),
                             RegisteredName("Ủy ban nhân dân tỉnh Kon Tum", "body")))


def constants(module: str, names: tuple[str, ...]) -> list[str]:
    tree = ast.parse((TESTS / module).read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id in names:
            found[node.targets[0].id] = ast.literal_eval(node.value)
    assert set(found) == set(names), f"{module} no longer holds {names}"
    return [found[name] for name in names]


def clean_articles() -> list[tuple[str, Article]]:
    articles = [(f"welcome ({lang})", welcome_article(lang)) for lang in ("vi", "en")]
    for module, names in CLEAN:
        for name, text in zip(names, constants(module, names), strict=True):
            articles.append((f"{module}:{name}", Article(
                title="Kon Tum tổng kết quy chế dân chủ ở cơ sở",
                lead="Tỉnh tập trung vào quy chế dân chủ trong xây dựng nông thôn mới.",
                byline="Thanh Tùng", body=text)))
    return articles


@pytest.mark.parametrize(("where", "article"), clean_articles(),
                         ids=[where for where, _ in clean_articles()])
def test_no_new_rule_flags_clean_copy(where, article):
    findings = [(f.rule, f.text) for f in check(article, house=HOUSE) if f.rule in NEW_RULES]
    assert findings == [], where


def test_the_clean_articles_are_real_vietnamese_copy():
    texts = [a.body for _, a in clean_articles()]
    assert sum(len(t.split()) for t in texts) > 300
    assert all(any(ch in t for ch in "ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ")
               for t in texts[:1] + texts[2:])
