"""The inline shortcut changes nothing: the same trees as Python-Markdown's own inline step."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET

from markdown.treeprocessors import InlineProcessor

from deskapp.render.tree import MarkdownParser

PIECES = [*"ab cđ Ủy\n*_[]()!<>&`\\#-|:^~1. ", "  \n", "\n\n", "[^1]", "\n\n[^1]: chú thích",
          "<b>", "</b>", "&amp;", "![ảnh](anh.png)", "[liên kết](http://x.vn)", "**", "> ",
          "- ", "1. ", "```\n", "<http://x.vn>", "<a@b.vn>"]


def test_plain_and_marked_up_text_parse_as_without_the_shortcut():
    quick = MarkdownParser()
    stock = MarkdownParser()
    stock._md.treeprocessors.register(InlineProcessor(stock._md), "inline", 20)
    assert type(quick._md.treeprocessors["inline"]) is not InlineProcessor
    rng = random.Random(19)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 50)))
        assert ET.tostring(quick.parse(text)) == ET.tostring(stock.parse(text)), text
