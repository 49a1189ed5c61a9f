"""Errors raised by the core.

Each error carries a stable ``code`` and the data needed to explain it; the
words shown to a person are chosen by :mod:`deskapp.messages` (command line)
or by the UI, never here.
"""

from __future__ import annotations

from typing import Any


class DeskappError(Exception):
    """Base class: ``code`` names the problem, ``data`` holds its details."""

    code = "error"

    def __init__(self, code: str | None = None, **data: Any) -> None:
        if code is not None:
            self.code = code
        self.data = data
        super().__init__(self.code, data)

    def __str__(self) -> str:
        from deskapp.messages import describe

        return describe(self)


class ImportRejected(DeskappError):
    """A file or a paste cannot become an article (empty, binary, wrong encoding, too big)."""

    code = "import_rejected"


class UnsafeTarget(DeskappError):
    """An export was pointed at something that is not a regular file (``kind``: what it is).

    Replacing it would turn a device, a folder, a pipe, a socket or a link into a
    file; nothing is written.
    """

    code = "file_special"


class LibraryError(DeskappError):
    """The library database cannot be opened or written."""

    code = "library_error"


class ArticleNotFound(DeskappError):
    code = "article_not_found"


class RevisionNotFound(DeskappError):
    """No revision in the library has the id ``ref`` (purged, or never received)."""

    code = "revision_not_found"


class AmbiguousArticle(ArticleNotFound):
    """An id prefix that fits several articles (``count``, ``candidates`` listed)."""

    code = "article_ambiguous"


class ExportError(DeskappError):
    """The PDF could not be written."""

    code = "export_failed"


class FontUnavailable(ExportError):
    """A bundled font file is missing or cannot be read (``name`` is the file, ``reason`` why)."""

    code = "font_unreadable"


class TooManyPages(ExportError):
    """The layout ran past ``limit`` pages; nothing was written."""

    code = "too_many_pages"


class MissingGlyphs(ExportError):
    """The text holds characters that no bundled font can draw."""

    code = "missing_glyphs"
