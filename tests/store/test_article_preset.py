"""Each article keeps its own print preset (migration 0012_article_print_preset)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from deskapp.model import Article
from deskapp.store import Library
from deskapp.store.keys import SCHEMA_VERSION
from deskapp.workspace import article_preset, default_preset


@pytest.fixture
def library(library_path: Path):
    opened = Library.open(library_path)
    yield opened
    opened.close()


def test_a_new_article_takes_the_library_default_then_keeps_its_own(library):
    first = library.create(Article(title="Một"))
    second = library.create(Article(title="Hai"))
    assert article_preset(library, first) == "a4-article"
    library.set_setting("pdf_preset", "newspaper-2col")  # the default for new articles
    third = library.create(Article(title="Ba"))
    assert article_preset(library, third) == "newspaper-2col"

    library.set_article_preset(first.id, "a5-booklet")
    assert library.article_preset(first.id) == "a5-booklet"
    assert library.article_preset(second.id) is None
    assert article_preset(library, first) == "a5-booklet"
    assert article_preset(library, second) == "newspaper-2col"
    # Choosing a preset is not an edit of the text: no revision, no new save time.
    assert len(library.revisions(first.id)) == 1
    assert library.get(first.id).updated_at == first.updated_at
    # A save of the text keeps the article's preset.
    library.save(library.get(first.id).with_content(body="Thân bài mới."))
    assert library.article_preset(first.id) == "a5-booklet"
    library.set_article_preset(first.id, None)
    assert article_preset(library, first) == "newspaper-2col"


def test_a_section_default_applies_to_articles_of_that_section(library):
    library.set_setting("pdf_preset", "a4-article")
    library.set_setting("section_presets", '{"Thể thao": "newspaper-3col", "Ảnh": ""}')
    sport = library.create(Article(title="Bóng đá", section="  thể   THAO "))
    other = library.create(Article(title="Thời sự", section="Thời sự"))
    photo = library.create(Article(title="Ảnh", section="Ảnh"))
    assert article_preset(library, sport) == "newspaper-3col"
    assert article_preset(library, other) == "a4-article"
    assert article_preset(library, photo) == "a4-article"  # an empty name is no default
    library.set_article_preset(sport.id, "us-letter")
    assert article_preset(library, sport) == "us-letter"
    library.set_setting("section_presets", "not json")
    assert default_preset(library, "Thể thao") == "a4-article"


def test_migration_gives_existing_articles_the_preset_they_printed_with(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    library = Library.open(path)
    article = library.create(Article(title="Bài cũ"))
    library.set_setting("pdf_preset", "newspaper-2col")
    library.close()
    # Put the file back to schema 11, as a library of the previous release.
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE articles DROP COLUMN print_preset")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_article_print_preset'")
    conn.execute("PRAGMA user_version=11")
    conn.commit()
    conn.close()

    library = Library.open(path)
    try:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert library.article_preset(article.id) == "newspaper-2col"
        # The library's default can now change without moving the old article.
        library.set_setting("pdf_preset", "a4-article")
        assert article_preset(library, library.get(article.id)) == "newspaper-2col"
        new = library.create(Article(title="Bài mới"))
        assert article_preset(library, new) == "a4-article"
    finally:
        library.close()
