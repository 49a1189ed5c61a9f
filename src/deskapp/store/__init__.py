"""The library: articles and their revisions in one local SQLite file.

``Library`` (and sqlite-utils under it) is loaded on first use, so a command
that only needs the library's location or one setting (``deskapp export
FILE``) does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deskapp.store.location import default_library_path

if TYPE_CHECKING:
    from deskapp.store.library import ArticleSummary, Library

__all__ = ["ArticleSummary", "Library", "default_library_path"]


def __getattr__(name: str) -> Any:
    if name in ("ArticleSummary", "Library"):
        from deskapp.store import library

        return getattr(library, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
