"""Rendering: Markdown parsed once into an element tree, and that tree as HTML.

The PDF is the tree's other renderer, in :mod:`deskapp.pdf.flowables`: nothing
here knows reportlab or the print fonts.
"""

from deskapp.render.tree import (
    ArticleDocument,
    MarkdownParser,
    build_document,
    parse_markdown,
)

__all__ = ["ArticleDocument", "MarkdownParser", "build_document", "parse_markdown"]
