"""The whole library as a folder of Markdown files, one per article.

This is the way out that needs no Deskapp: any editor opens the files, and
Deskapp's own Markdown importer reads them back (the front matter uses the
simple ``key: value`` lines that :mod:`deskapp.exchange.importers` parses,
and tags are ``- item`` lines so a tag holding a comma survives).

File names are the headline folded to ASCII (``đ`` → ``d``, tones dropped)
plus the first 8 characters of the article id: readable on every file
system and in every zip tool, never two articles on one name, and the same
name on every export so a second export over the first replaces files
instead of piling up copies. Each file is written atomically.

Photos are written into ``<name>.assets/`` beside the article, under the
names the body uses (``asset:<name>``); a photo the body does not show is
linked from a line after the body so it is not lost. The body itself is left
untouched.
"""

from __future__ import annotations

import re
from pathlib import Path

from deskapp.fileio import write_atomically
from deskapp.model import Article
from deskapp.store import Library
from deskapp.text import fold, nfc

SLUG_LENGTH = 60
UNTITLED_SLUG = "chua-co-tit"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_NEEDS_QUOTES = re.compile(r"""^[\s"'\[{>|#&*!%@`-]|\s$|:\s|\s#""")


def export_library_markdown(
    library: Library, folder: Path | str, *, include_trash: bool = False
) -> int:
    """Write every article of ``library`` into ``folder``; return how many were written.

    Articles in the trash are left out unless ``include_trash``. Raises
    ``OSError`` when the folder cannot be written; files already written
    stay whole.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    summaries = library.list()
    if include_trash:
        summaries += library.list(trashed=True)
    taken: set[str] = set()
    for summary in summaries:
        article = library.get(summary.id)
        name = file_name(article, taken)
        taken.add(name)
        photos = _write_photos(library, article, folder / name)
        write_atomically(folder / name, article_markdown(article, photos).encode("utf-8"))
    return len(summaries)


def file_name(article: Article, taken: set[str] | None = None) -> str:
    """``<folded-headline>-<id prefix>.md``, unique among ``taken``."""
    slug = _NOT_SLUG.sub("-", fold(article.title)).strip("-")[:SLUG_LENGTH].rstrip("-")
    slug = slug or UNTITLED_SLUG
    short = re.sub(r"[^0-9A-Za-z]", "", article.id)[:8].lower() or "x"
    name = f"{slug}-{short}.md"
    if taken and name in taken:
        full = re.sub(r"[^0-9A-Za-z-]", "", article.id).lower()
        name = f"{slug}-{full}.md"
    return name


def article_markdown(article: Article, photos: list[str] | None = None) -> str:
    """One article as Markdown with front matter; the body as the author wrote it."""
    lines = ["---"]
    for key, value in (
        ("title", article.title),
        ("lead", article.lead),
        ("byline", article.byline),
        ("source", article.source),
        ("section", article.section),
    ):
        lines.append(f"{key}: {_scalar(value)}")
    lines.append("tags:" if article.tags else "tags: []")
    lines.extend(f"  - {_scalar(tag)}" for tag in article.tags)
    lines.append(f"status: {article.status}")
    lines.append(f"id: {article.id}")
    lines.append(f"created: {article.created_at}")
    lines.append(f"updated: {article.updated_at}")
    lines.append("---")
    parts = ["\n".join(lines), nfc(article.body).strip("\n")]
    if photos:
        parts.append("\n".join(photos))
    return "\n\n".join(part for part in parts if part) + "\n"


def _scalar(value: str) -> str:
    """One line; quoted when the importer (or a YAML reader) would misread it bare."""
    value = " ".join(nfc(value or "").split())
    if not value:
        return '""'
    if _NEEDS_QUOTES.search(value) or value.lower() in {"yes", "no", "true", "false", "null"}:
        return f'"{value}"'  # the importer strips only the outer quotes
    return value


def _write_photos(library: Library, article: Article, target: Path) -> list[str]:
    """The article's photos beside its file; Markdown lines for those the body does not show."""
    from deskapp.store.assets import get_photo, list_photos

    photos = list_photos(library, article.id)
    if not photos:
        return []
    folder = target.with_name(target.stem + ".assets")
    folder.mkdir(exist_ok=True)
    lines = []
    for listed in photos:
        asset = get_photo(library, article.id, listed.name)
        if asset is None:
            continue
        write_atomically(folder / asset.name, asset.data)
        if f"asset:{asset.name}" not in article.body:
            title = f' "{asset.credit}"' if asset.credit and '"' not in asset.credit else ""
            lines.append(f"![{asset.caption}]({folder.name}/{asset.name}{title})")
    return lines
