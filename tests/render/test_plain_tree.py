"""Plain paragraphs and headings are read without Python-Markdown, into the very same tree."""

from __future__ import annotations

import random
import subprocess
import sys
from xml.etree.ElementTree import Element

from deskapp.render.tree import MarkdownParser, plain_tree

# Plain words, the line breaks and spaces between blocks, heading marks of every
# depth, and the characters that make a line something else (lists, rules,
# underlined headings, quotes, code, emphasis, links, HTML, numbered lines).
PIECES = ["Ban chỉ đạo", " tỉnh", " Ủy ban", " 2013", ",", ".", ":", "!", "?", "(", ")", "“",
          "”", "–", "\n", "\n", "\n\n", "\n\n", "\n\n\n", "\n \n", " ", "  ", "\u00a0", "#",
          "\t", "# ", "## ", "### Phần 1", "###### ", "####### ", " #", "\n#", "\n## Tiêu đề\n",
          "-", "- ", "+ ", "=", "===", "---", "*", "_", "`", "[", "]", "<b>", "&", ">", "|",
          "1. ", "2013.", "3)", "\n1. ", "\n    mã", "\\", "~~~", "\r\n", "e\u0301", "\u0301"]


def _same(a: Element, b: Element) -> bool:
    return (a.tag == b.tag and a.text == b.text and a.tail == b.tail
            and a.attrib == b.attrib and len(a) == len(b)
            and all(_same(x, y) for x, y in zip(a, b, strict=True)))


def test_plain_texts_parse_as_python_markdown_parses_them():
    quick = MarkdownParser()
    stock = MarkdownParser(plain_shortcut=False)
    rng = random.Random(19)
    shortcut = 0
    for _ in range(4000):
        weights = [1.0] * len(PIECES)
        if rng.random() < 0.85:  # mostly plain pieces, so the shortcut is tried often
            weights = [8.0 if index < 24 else 0.05 for index in range(len(PIECES))]
        text = "".join(rng.choices(PIECES, weights, k=rng.randint(1, 40)))
        expected = stock.parse(text)
        assert _same(quick.parse(text), expected), repr(text)
        shortcut += plain_tree(text) is not None
    assert shortcut > 500


def test_a_news_article_of_paragraphs_and_subheads_takes_the_shortcut():
    body = "\n\n".join(["Ban chỉ đạo tỉnh vừa tổ chức Hội nghị tổng kết năm 2013.",
                        "## Phần 1", "Trong năm 2013, các cấp ủy Đảng đã quan tâm lãnh đạo.\n"
                        "Một dòng nữa của cùng đoạn."] * 3)
    root = plain_tree(body)
    assert root is not None
    assert [child.tag for child in root] == ["p", "h2", "p"] * 3
    assert root[2].text == ("Trong năm 2013, các cấp ủy Đảng đã quan tâm lãnh đạo.\n"
                            "Một dòng nữa của cùng đoạn.")


def test_marked_up_text_is_left_to_python_markdown():
    for text in ("Chữ **đậm**.", "- một\n- hai", "> trích", "1. một", "Tiêu đề\n===",
                 "[liên kết](http://x.vn)", "a <b>b</b>", "## Phần #1", "    mã"):
        assert plain_tree(text) is None, text


def test_plain_text_is_parsed_without_importing_python_markdown():
    code = ("import sys\n"
            "from deskapp.render.tree import parse_markdown\n"
            "root = parse_markdown('Đoạn một.\\n\\n## Phần 1\\n\\nĐoạn hai.')\n"
            "assert [c.tag for c in root] == ['p', 'h2', 'p']\n"
            "assert 'markdown' not in sys.modules\n"
            "parse_markdown('Chữ **đậm**.')\n"
            "assert 'markdown' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
