"""The open article's stored photos, as the preview draws them."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from deskapp.errors import DeskappError
from deskapp.text import nfc

if TYPE_CHECKING:
    from deskapp.model import Article, PhotoLookup
    from deskapp.ui.editor.session import ArticleSession


class StoredPhotos:
    """Reads an article's photos on the library's thread; the bytes of each are read once
    and kept while the article shows it."""

    def __init__(self, session: ArticleSession) -> None:
        self.session = session
        self._bytes: dict[str, bytes] = {}

    def __call__(self, article: Article) -> PhotoLookup | None:
        from deskapp.store.assets import get_photo, list_photos

        library = self.session.library
        try:
            photos = {}
            known = {}
            for asset in list_photos(library, article.id):
                data = self._bytes.get(asset.sha256)
                if data is None:
                    full = get_photo(library, article.id, asset.name)
                    data = full.data if full is not None else b""
                known[asset.sha256] = data
                photos[asset.name] = replace(asset, data=data).as_photo()
        except (sqlite3.Error, DeskappError):
            return None
        self._bytes = known
        if not photos:
            return None
        return lambda name: photos.get(nfc(name).strip())
