"""Fenced code is found in one pass, exactly where the former expression found it."""

from __future__ import annotations

import random
import re

from deskapp.limits import fenced_blocks
from deskapp.render.tree import parse_markdown, plain_text

# What tree.py used until the scan replaced it: right, but quadratic when
# many fences never close.
_REGEX = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[^\n`]*\n(?P<code>.*?)(?<=\n)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def _by_regex(text: str) -> list[tuple[int, int]]:
    blocks = []
    for match in _REGEX.finditer(text):
        start = text.count("\n", 0, match.start())
        end = text.count("\n", 0, match.end())
        blocks.append((start, end))
    return blocks


def test_the_scan_finds_the_blocks_the_expression_found() -> None:
    pieces = ["```", "````", "~~~", "~~~~", "~~~~~", "```py", "~~~ x", "``` ", "~~~~ ~",
              "text", "", "a ``` b", "```x`", "  ```", "~~~\t"]
    rng = random.Random(21)
    for _ in range(3000):
        lines = [rng.choice(pieces) for _ in range(rng.randint(1, 12))]
        assert fenced_blocks(lines) == _by_regex("\n".join(lines)), lines


def test_code_inside_a_fence_is_kept_as_typed() -> None:
    root = parse_markdown("Trước\n\n~~~~\n<b>mã</b>\n~~~\n~~~~  \n\nSau")
    code = root.find("pre/code")
    assert code is not None and code.text == "<b>mã</b>\n~~~\n"
    assert plain_text(root).split() == ["Trước", "<b>mã</b>", "~~~", "Sau"]


def test_many_unclosed_fences_are_plain_text() -> None:
    text = "````a\n" * 3000
    lines = text.split("\n")
    assert fenced_blocks(lines) == []
    assert _by_regex(text[:600]) == []  # the former expression agrees on a slice
