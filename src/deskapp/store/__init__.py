"""The library: articles and their revisions in one local SQLite file."""

from deskapp.store.library import ArticleSummary, Library, default_library_path

__all__ = ["ArticleSummary", "Library", "default_library_path"]
