"""Rendering: Markdown parsed once into an element tree, drawn as HTML or PDF flowables."""

from deskapp.render.tree import (
    ArticleDocument,
    MarkdownParser,
    build_document,
    parse_markdown,
)

__all__ = ["ArticleDocument", "MarkdownParser", "build_document", "parse_markdown"]
