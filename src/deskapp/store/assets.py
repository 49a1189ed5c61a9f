"""Photos stored with their article, in the library file itself.

A photo is kept as the bytes the photographer delivered (no re-encoding:
print needs the original quality), with its pixel size and SHA-256. Before
anything is stored the bytes are opened with Pillow: a file named
``.jpg`` that is really a Word document, a truncated download or a
decompression bomb is refused with :class:`ImportRejected` (``photo_invalid``,
``photo_too_large``) instead of failing later in the preview or at export.

The Markdown refers to a photo by its name, ``![chú thích](asset:name)``
(or just ``name``); :func:`photo_lookup` gives the renderers the function
from name to bytes they take, so render code never reads the database.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from deskapp import limits
from deskapp.errors import ImportRejected
from deskapp.limits import LimitExceeded, open_image
from deskapp.model import Article, Photo, PhotoLookup, new_id, now_iso
from deskapp.store.library import Library
from deskapp.text import fold, nfc

MAX_PHOTO_BYTES = 30 * 2**20
# Checked from the header, before decoding (see deskapp.limits).
MAX_PHOTO_PIXELS = limits.MAX_PHOTO_PIXELS
# The formats reportlab can place in a PDF (through Pillow) and Qt can show.
MIME_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
    "BMP": "image/bmp",
}
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/tiff": "tif",
    "image/bmp": "bmp",
}
_NOT_NAME = re.compile(r"[^a-z0-9._-]+")
_COLUMNS = "id, article_id, name, mime, width, height, sha256, caption, credit, created_at"


@dataclass(frozen=True)
class Asset:
    """One stored photo; ``data`` is empty when listed without its bytes."""

    id: str
    article_id: str
    name: str
    mime: str
    width: int
    height: int
    sha256: str
    caption: str = ""
    credit: str = ""
    created_at: str = ""
    data: bytes = field(default=b"", repr=False)

    @property
    def extension(self) -> str:
        return EXTENSIONS.get(self.mime, "bin")

    def as_photo(self) -> Photo:
        """What the renderers need of it."""
        return Photo(self.data, self.width, self.height, self.caption, self.credit, self.sha256)


@dataclass(frozen=True)
class ImageInfo:
    """What Pillow found in a file that really is an image."""

    mime: str
    width: int
    height: int


def add_photo(
    library: Library,
    article_id: str,
    source: str | Path | bytes,
    *,
    caption: str = "",
    credit: str = "",
    name: str | None = None,
) -> Asset:
    """Store a photo with the article and return it (the stored one if already there).

    ``source`` is a path or the file's bytes. The same bytes added twice to
    one article are stored once: the existing photo is returned unchanged.
    ``name`` defaults to the file name folded to ASCII; it is made unique
    within the article. Raises :class:`ImportRejected` for a file that
    cannot be read, is too large, or is not an image, and
    :class:`ArticleNotFound` for an unknown article.
    """
    label, data = _read_source(source, name)
    info = inspect_image(data, label)
    library.get(article_id)  # an unknown article raises ArticleNotFound
    digest = hashlib.sha256(data).hexdigest()
    existing = _by_hash(library, article_id, digest)
    if existing is not None:
        return existing
    asset = Asset(
        id=new_id(),
        article_id=article_id,
        name=_unique_name(library, article_id, name or label, info.mime),
        mime=info.mime,
        width=info.width,
        height=info.height,
        sha256=digest,
        caption=" ".join(nfc(caption).split()),
        credit=" ".join(nfc(credit).split()),
        created_at=now_iso(),
        data=data,
    )
    with library.transaction():
        library.db["assets"].insert(_row(asset))
    return asset


def inspect_image(data: bytes, label: str = "") -> ImageInfo:
    """Format and pixel size of ``data``; :class:`ImportRejected` if it is not a usable image.

    ``verify()`` reads the whole file for structural damage (a truncated
    JPEG passes ``open`` alone); the image is then opened again because a
    verified image cannot be used further.
    """
    if len(data) > MAX_PHOTO_BYTES:
        raise ImportRejected("photo_too_large", name=label, size_mb=len(data) / 2**20,
                             limit_mb=MAX_PHOTO_BYTES / 2**20)
    try:
        with open_image(data, label) as image:  # the header only, pixels counted
            image.verify()
        with Image.open(BytesIO(data)) as image:
            kind, (width, height) = image.format or "", image.size
            image.load()
    except (ImportRejected, LimitExceeded):
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise ImportRejected("photo_invalid", name=label, reason=_why(exc, "not an image")) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImportRejected("photo_invalid", name=label, reason=_why(exc, "damaged")) from exc
    mime = MIME_TYPES.get(kind)
    if mime is None or width < 1 or height < 1:
        raise ImportRejected("photo_invalid", name=label,
                             reason=f"{kind or 'this'} images cannot be printed")
    return ImageInfo(mime, width, height)


def list_photos(library: Library, article_id: str) -> list[Asset]:
    """The article's photos in the order they were added, without their bytes."""
    rows = library.db.query(
        f"SELECT {_COLUMNS} FROM assets WHERE article_id = ? ORDER BY created_at, rowid",
        [article_id],
    )
    return [_asset(row) for row in rows]


def get_photo(library: Library, article_id: str, name: str) -> Asset | None:
    """The photo called ``name`` with its bytes, or None."""
    rows = list(library.db.query(
        f"SELECT {_COLUMNS}, data FROM assets WHERE article_id = ? AND name = ?",
        [article_id, nfc(name).strip()],
    ))
    return _asset(rows[0]) if rows else None


def remove_photo(library: Library, article_id: str, name: str) -> bool:
    """Delete the photo called ``name``; False when there was none."""
    with library.transaction():
        cursor = library.db.execute(
            "DELETE FROM assets WHERE article_id = ? AND name = ?", [article_id, nfc(name).strip()]
        )
    return cursor.rowcount > 0


def photo_lookup(library: Library, article_id: str) -> PhotoLookup:
    """The renderers' ``assets`` argument for one article: name → :class:`Photo` or None."""
    def lookup(name: str) -> Photo | None:
        asset = get_photo(library, article_id, name)
        return asset.as_photo() if asset is not None else None

    return lookup


def library_photos(library: Library) -> Callable[[Article], PhotoLookup]:
    """For batch export: the photo lookup of each article."""
    return lambda article: photo_lookup(library, article.id)


def _read_source(source: str | Path | bytes, name: str | None) -> tuple[str, bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        return name or "photo", bytes(source)
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise ImportRejected("photo_too_large", name=path.name, size_mb=size / 2**20,
                                 limit_mb=MAX_PHOTO_BYTES / 2**20)
        with path.open("rb") as stream:
            data = stream.read(MAX_PHOTO_BYTES + 1)
    except OSError as exc:
        raise ImportRejected("file_unreadable", name=path.name,
                             reason=exc.strerror or str(exc)) from exc
    return path.name, data


def _unique_name(library: Library, article_id: str, wanted: str, mime: str) -> str:
    """A name safe in Markdown links and file systems: folded, no spaces, unique."""
    stem = Path(wanted).stem if "." in wanted else wanted
    stem = _NOT_NAME.sub("-", fold(nfc(stem)).lower()).strip("-.")[:60] or "photo"
    extension = EXTENSIONS[mime]
    taken = {row["name"] for row in library.db.query(
        "SELECT name FROM assets WHERE article_id = ?", [article_id])}
    candidate, number = f"{stem}.{extension}", 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}.{extension}", number + 1
    return candidate


def _by_hash(library: Library, article_id: str, digest: str) -> Asset | None:
    rows = list(library.db.query(
        f"SELECT {_COLUMNS} FROM assets WHERE article_id = ? AND sha256 = ?",
        [article_id, digest],
    ))
    return _asset(rows[0]) if rows else None


def _row(asset: Asset) -> dict[str, object]:
    return {
        "id": asset.id, "article_id": asset.article_id, "name": asset.name, "mime": asset.mime,
        "data": asset.data, "width": asset.width, "height": asset.height,
        "sha256": asset.sha256, "caption": asset.caption, "credit": asset.credit,
        "created_at": asset.created_at,
    }


def _asset(row: dict[str, object]) -> Asset:
    return Asset(
        id=str(row["id"]), article_id=str(row["article_id"]), name=str(row["name"]),
        mime=str(row["mime"]), width=int(row["width"]), height=int(row["height"]),  # type: ignore[call-overload]
        sha256=str(row["sha256"]), caption=str(row.get("caption") or ""),
        credit=str(row.get("credit") or ""), created_at=str(row.get("created_at") or ""),
        data=bytes(row.get("data") or b""),  # type: ignore[arg-type]
    )


def _why(exc: BaseException, fallback: str) -> str:
    text = str(exc).strip()
    return text if text and len(text) < 200 else fallback


__all__ = [
    "MAX_PHOTO_BYTES",
    "Asset",
    "add_photo",
    "get_photo",
    "inspect_image",
    "library_photos",
    "list_photos",
    "photo_lookup",
    "remove_photo",
]
