"""Article packages (``.deskpkg``): one file that carries an article between machines.

A reporter offline for days hands work to the desk on a USB stick or by
e-mail; the desk sends it back with corrections. A package is a zip::

    manifest.json        format name and version, sender, article id, checksums
    article.md           the article as Markdown with front matter (for people)
    revisions.json       the revision lineage: id, parent, author, time, kind, content
    comments.json        the editor's anchored comments
    status_events.json   who moved the article through the desk, and why
    resolutions.json     which comments were resolved, by whom and when (optional)

``revisions.json`` is what an import trusts: ``article.md`` is a convenience
for someone who opens the zip without Deskapp. Photos travel as
``photos/<sha256>.<ext>`` members with ``photos.json`` naming them (name,
caption, credit); like every member they are listed in the manifest with
their checksum, and on import each is opened again as an image before it is
stored. A package without photos is exactly what older versions wrote.
Comment resolutions travel the same way, in ``resolutions.json`` (one record
per comment: ``comment_id``, ``article_id``, ``resolved_at``,
``resolved_by``); older packages have none and older versions ignore it.
A package an editor writes also carries the newsroom's name register,
``names.json`` (every entry, removals included: ``key``, ``name``, ``kind``,
``note``, ``updated_at``, ``updated_by``, ``removed_at``; see
:mod:`deskapp.store.names`) and ``names.sig.json``, that editor's signature
over it; the receiver merges it only from an editor whose signature verifies
against a key it trusts (:mod:`deskapp.desk.register_trust`).

A package comes from anywhere, so :func:`read_package` treats it as hostile:
sizes are bounded before anything is decompressed, member names may not
escape a folder, every member must be listed in the manifest with a matching
SHA-256, and every record is type-checked. Refusals are
:class:`~deskapp.errors.ImportRejected` with the codes ``package_corrupt``,
``package_too_new``, ``package_unsafe`` and ``package_checksum``.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from deskapp import __version__
from deskapp.errors import ImportRejected
from deskapp.exchange.markdown_export import article_markdown
from deskapp.fileio import write_atomically
from deskapp.model import CONTENT_FIELDS, Article, Revision, Status, now_iso
from deskapp.store import Library

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "PACKAGE_SUFFIX",
    "Package",
    "check_records",
    "check_resolutions",
    "check_revision",
    "read_package",
    "revision_record",
    "seal_revisions",
    "write_package",
]

FORMAT_NAME = "deskapp-package"
FORMAT_VERSION = 1
PACKAGE_SUFFIX = ".deskpkg"

MAX_PACKAGE_BYTES = 200 * 2**20
MAX_MEMBER_BYTES = 50 * 2**20
MAX_TOTAL_BYTES = 300 * 2**20
MAX_MEMBERS = 1000
# The most revisions one package may carry: checking each costs a hash of its text, so a
# package of 40,000 tiny revisions is refused as soon as revisions.json is parsed.
MAX_PACKAGE_REVISIONS = 10_000
# Text and JSON compress well, but not a thousand times; a member past this
# ratio (and big enough to matter) is a decompression bomb.
MAX_RATIO = 100
_RATIO_FLOOR = 1 * 2**20

MANIFEST = "manifest.json"
ARTICLE = "article.md"
REVISIONS = "revisions.json"
COMMENTS = "comments.json"
STATUS_EVENTS = "status_events.json"
PHOTOS = "photos.json"
RESOLUTIONS = "resolutions.json"
NAMES = "names.json"
NAMES_SIGNATURE = "names.sig.json"  # the editor's signature over names.json
EDITIONS = "editions.json"  # the page plans placing the article (deskapp.makeup.exchange)
EDITIONS_SIGNATURE = "editions.sig.json"  # the editor's signature over editions.json
PHOTO_FOLDER = "photos/"
_REQUIRED = (ARTICLE, REVISIONS, COMMENTS, STATUS_EVENTS)

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}")
_DRIVE = re.compile(r"^[A-Za-z]:")
_MAX_TEXT = 10 * 2**20

_REVISION_KEYS = ("id", "parent_id", "created_at", "author", "kind", "content_hash", "content")
_COMMENT_KEYS: dict[str, tuple[type, ...]] = {
    "id": (str,), "article_id": (str,), "field": (str,), "start": (int,), "end": (int,),
    "quote": (str,), "prefix": (str,), "suffix": (str,), "body": (str,), "author": (str,),
    "created_at": (str,), "resolved_at": (str, type(None)), "revision_id": (str, type(None)),
}
_RESOLUTION_KEYS = ("comment_id", "article_id", "resolved_at", "resolved_by")
_MAX_STAMP = 100
_MAX_NAME = 500
_EVENT_KEYS: dict[str, tuple[type, ...]] = {
    "id": (str,), "article_id": (str,), "revision_id": (str, type(None)), "at": (str,),
    "user": (str,), "role": (str,), "action": (str,), "from_status": (str,),
    "to_status": (str,), "reason": (str,), "note": (str,),
    # An approval's Ed25519 signature (deskapp.desk.approvals); "" in older packages.
    "key_id": (str,), "signature": (str,),
}


@dataclass(frozen=True)
class PackagePhoto:
    """A photo carried by a package; its bytes are checked as an image when stored."""

    name: str
    caption: str
    credit: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Package:
    """A package read and checked: the article's lineage and what came with it."""

    name: str
    format_version: int
    app_version: str
    created_at: str
    sender: str
    role: str
    article_id: str
    head_id: str
    article_created_at: str
    target_words: int | None
    revisions: list[Revision]
    comments: list[dict[str, Any]] = field(default_factory=list)
    status_events: list[dict[str, Any]] = field(default_factory=list)
    target_lines: int | None = None
    photos: list[PackagePhoto] = field(default_factory=list)
    resolutions: list[dict[str, Any]] = field(default_factory=list)
    names: list[dict[str, Any]] = field(default_factory=list)
    # The SHA-256 of names.json as it arrived and the signature record beside it
    # (deskapp.desk.register_trust checks them before the register is merged).
    names_digest: str = ""
    names_signature: Any = None
    editions: list[dict[str, Any]] = field(default_factory=list)
    editions_digest: str = ""
    editions_signature: Any = None

    @property
    def head(self) -> Revision:
        """The revision the sender had open when the package was written."""
        return next(r for r in self.revisions if r.id == self.head_id)

    def article(self) -> Article:
        """The article as the sender last saved it (its head revision's content)."""
        return Article.from_dict({
            **self.head.content, "id": self.article_id, "created_at": self.article_created_at,
            "target_words": self.target_words, "target_lines": self.target_lines,
            "revision_id": self.head_id,
        })

    def lineage(self) -> list[Revision]:
        """The head and its ancestors, newest first, following ``parent_id``."""
        by_id = {r.id: r for r in self.revisions}
        chain: list[Revision] = []
        seen: set[str] = set()
        current: Revision | None = self.head
        while current is not None and current.id not in seen:
            chain.append(current)
            seen.add(current.id)
            current = by_id.get(current.parent_id or "")
        return chain


# ---------------------------------------------------------------- writing


def write_package(library: Library, article_id: str, path: Path | str, *,
                  sender: str, role: str) -> Path:
    """Write the article with its whole history to ``path`` (atomically); return the path.

    Everything is read from the library first, then written in one step, so a
    full disk or a pulled USB stick leaves the old file or none, never half.
    """
    path = Path(path)
    article = library.get(article_id)
    count = library.db["revisions"].count_where("article_id = ?", [article_id])
    if count > MAX_PACKAGE_REVISIONS:  # the receiver would refuse it
        raise ImportRejected("too_many_revisions", name=path.name, count=count,
                             limit=MAX_PACKAGE_REVISIONS)
    seal_revisions(library, [article_id])
    from deskapp.makeup.exchange import edition_records

    with library.transaction():
        editions = edition_records(library, article_id)
    members = {
        ARTICLE: article_markdown(article).encode("utf-8"),
        REVISIONS: _json_bytes([_revision_record(r) for r in library.revisions(article_id)]),
        COMMENTS: _json_bytes(_rows(library, "comments", article_id, "created_at")),
        STATUS_EVENTS: _json_bytes(_rows(library, "status_events", article_id, "at")),
    }
    members.update(_photo_members(library, article))
    resolutions = _resolution_rows(library, article_id)
    if resolutions:
        members[RESOLUTIONS] = _json_bytes(resolutions)
    if role == "editor":  # editors' changes to the register go out; reporters receive
        from deskapp.store.names import entries

        names = [entry.record() for entry in entries(library, removed=True)]
        if names:
            from deskapp.desk.register_trust import sign_member

            members[NAMES] = _json_bytes(names)
            members[NAMES_SIGNATURE] = _json_bytes(sign_member(library, sender, members[NAMES]))
    if editions:
        members[EDITIONS] = _json_bytes(editions)
        if role == "editor":  # pages are the desk's: an editor's plans go out signed
            from deskapp.desk.register_trust import EDITIONS_TAG, sign_member

            members[EDITIONS_SIGNATURE] = _json_bytes(
                sign_member(library, sender, members[EDITIONS], EDITIONS_TAG))
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created_at": now_iso(),
        "sender": {"name": sender, "role": role},
        "article": {
            "id": article.id,
            "head": article.revision_id,
            "created_at": article.created_at,
            "target_words": article.target_words,
            "target_lines": article.target_lines,
        },
        "files": [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in members.items()
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, _json_bytes(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    write_atomically(path, buffer.getvalue())
    return path


def seal_revisions(library: Library, article_ids: list[str]) -> None:
    """Mark the articles' revisions as known elsewhere: the autosave never rewrites them.

    Called before their content is read for another machine, so an autosave
    racing with it adds a new revision rather than changing one that left.
    """
    if not article_ids:
        return
    marks = ", ".join("?" * len(article_ids))
    with library.transaction():
        library.db.execute(
            f"INSERT OR IGNORE INTO sealed_revisions (id) SELECT id FROM revisions "
            f"WHERE article_id IN ({marks})", article_ids)


def _resolution_rows(library: Library, article_id: str) -> list[dict[str, Any]]:
    rows = library.db.query(
        "SELECT comment_id, article_id, resolved_at, resolved_by FROM comment_resolutions "
        "WHERE article_id = ? ORDER BY resolved_at, comment_id", [article_id])
    return [dict(row) for row in rows]


def _photo_members(library: Library, article: Article) -> dict[str, bytes]:
    """Photos as ``photos/<sha256>.<ext>`` members plus ``photos.json`` describing them.

    Named by hash, the same photo in two articles is the same member name
    wherever it goes; the Markdown keeps referring to it by its own name.
    """
    from deskapp.store.assets import get_photo, list_photos

    members: dict[str, bytes] = {}
    records = []
    for listed in list_photos(library, article.id):
        asset = get_photo(library, article.id, listed.name)
        if asset is None:
            continue
        member = f"{PHOTO_FOLDER}{asset.sha256}.{asset.extension}"
        members[member] = asset.data
        records.append({"name": asset.name, "file": member, "caption": asset.caption,
                        "credit": asset.credit})
    if records:
        members[PHOTOS] = _json_bytes(records)
    return members


def _revision_record(revision: Revision) -> dict[str, Any]:
    return {
        "id": revision.id,
        "parent_id": revision.parent_id,
        "created_at": revision.created_at,
        "author": revision.author,
        "kind": revision.kind,
        "content_hash": revision.content_hash,
        "content": revision.content,
    }


def _rows(library: Library, table: str, article_id: str, order: str) -> list[dict[str, Any]]:
    return [dict(row) for row in library.db.query(
        f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}, rowid", [article_id])]


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


# ---------------------------------------------------------------- reading


def read_package(path: Path | str) -> Package:
    """Read and check the package at ``path``; raise :class:`ImportRejected` if anything is off.

    Nothing here touches the library: a refused package changes nothing.
    """
    path = Path(path)
    name = path.name
    data = _read_bounded(path, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ImportRejected("package_corrupt", name=name, reason=_why(exc)) from exc
    with archive:
        infos = _check_members(archive, name)
        contents = {info.filename: _read_member(archive, info, name) for info in infos}
    if MANIFEST not in contents:
        raise ImportRejected("package_corrupt", name=name, reason="manifest.json is missing")
    manifest = _parse_json(contents.pop(MANIFEST), name, MANIFEST)
    _check_manifest(manifest, name)
    _check_checksums(manifest["files"], contents, name)
    return _build(manifest, contents, name)


def _read_bounded(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise ImportRejected("package_unsafe", name=name,
                                 reason=f"{size / 2**20:.0f} MB is over the "
                                        f"{MAX_PACKAGE_BYTES // 2**20} MB limit")
        with path.open("rb") as stream:
            data = stream.read(MAX_PACKAGE_BYTES + 1)
    except OSError as exc:
        raise ImportRejected("file_unreadable", name=name,
                             reason=exc.strerror or str(exc)) from exc
    if len(data) > MAX_PACKAGE_BYTES:
        raise ImportRejected("package_unsafe", name=name, reason="the file is too large")
    if not data:
        raise ImportRejected("package_corrupt", name=name, reason="the file is empty")
    return data


def _check_members(archive: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    """Refuse unsafe archives from their directory alone, before decompressing a byte."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ImportRejected("package_unsafe", name=name,
                             reason=f"{len(infos)} members (the limit is {MAX_MEMBERS})")
    seen: set[str] = set()
    total = 0
    for info in infos:
        _check_member_name(info, name)
        if info.filename in seen:
            raise ImportRejected("package_unsafe", name=name,
                                 reason=f"“{info.filename}” appears twice")
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"“{info.filename}” is encrypted")
        if info.file_size > MAX_MEMBER_BYTES:
            raise ImportRejected("package_unsafe", name=name,
                                 reason=f"“{info.filename}” unpacks to "
                                        f"{info.file_size / 2**20:.0f} MB")
        if (info.file_size > _RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise ImportRejected("package_unsafe", name=name,
                                 reason=f"“{info.filename}” is compressed suspiciously well "
                                        "(a zip bomb)")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ImportRejected("package_unsafe", name=name,
                                 reason=f"unpacks to more than {MAX_TOTAL_BYTES // 2**20} MB")
    return [info for info in infos if not info.is_dir()]


def _check_member_name(info: zipfile.ZipInfo, name: str) -> None:
    """No absolute paths, no ``..``, no drive letters, no backslashes, no symbolic links."""
    member = info.filename
    mode = info.external_attr >> 16
    parts = PurePosixPath(member).parts
    unsafe = (
        not member
        or member.startswith(("/", "\\"))
        or "\\" in member
        or _DRIVE.match(member) is not None
        or ".." in parts
        or "\x00" in member
    )
    if unsafe:
        raise ImportRejected("package_unsafe", name=name,
                             reason=f"the member name “{member}” points outside the package")
    if stat.S_ISLNK(mode):
        raise ImportRejected("package_unsafe", name=name,
                             reason=f"“{member}” is a symbolic link")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """The member's bytes, reading at most its declared size plus one byte."""
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise ImportRejected("package_corrupt", name=name,
                             reason=f"“{info.filename}”: {_why(exc)}") from exc
    if len(data) != info.file_size:
        raise ImportRejected("package_corrupt", name=name,
                             reason=f"“{info.filename}” has the wrong size")
    return data


def _parse_json(data: bytes, name: str, member: str) -> Any:
    """JSON without NaN/Infinity and without deep nesting blowing the stack."""
    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} is not allowed")

    try:
        return json.loads(data.decode("utf-8"), parse_constant=refuse)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ImportRejected("package_corrupt", name=name,
                             reason=f"“{member}” is not valid JSON") from exc


def _check_manifest(manifest: Any, name: str) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise ImportRejected("package_corrupt", name=name,
                             reason="manifest.json does not describe a Deskapp package")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRejected("package_corrupt", name=name,
                             reason="the format version is missing or invalid")
    if version > FORMAT_VERSION:
        raise ImportRejected("package_too_new", name=name, found=version, known=FORMAT_VERSION)
    sender = manifest.get("sender")
    article = manifest.get("article")
    files = manifest.get("files")
    problems = [
        not isinstance(manifest.get("app_version"), str),
        not isinstance(manifest.get("created_at"), str),
        not isinstance(sender, dict) or not _strings(sender, ("name", "role")),
        not isinstance(article, dict) or not _is_id(article.get("id"))
        or not _is_id(article.get("head")) or not isinstance(article.get("created_at"), str)
        or not _optional_int(article.get("target_words"))
        or not _optional_int(article.get("target_lines")),
        not isinstance(files, list) or not all(_is_file_entry(f) for f in files),
    ]
    if any(problems):
        raise ImportRejected("package_corrupt", name=name,
                             reason="manifest.json is missing required fields")


def _check_checksums(files: list[dict[str, Any]], contents: dict[str, bytes],
                     name: str) -> None:
    """Every member is listed, every listed member is there, and the bytes match."""
    listed = {entry["name"]: entry for entry in files}
    if len(listed) != len(files):
        raise ImportRejected("package_corrupt", name=name, reason="a file is listed twice")
    for member in contents:
        if member not in listed:
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"“{member}” is not listed in the manifest")
    for member in (*_REQUIRED, *listed):
        if member not in contents:
            raise ImportRejected("package_corrupt", name=name, reason=f"“{member}” is missing")
    for member, entry in listed.items():
        data = contents[member]
        if len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise ImportRejected("package_checksum", name=name, member=member)


def _build(manifest: dict[str, Any], contents: dict[str, bytes], name: str) -> Package:
    about = manifest["article"]
    article_id = about["id"]
    revisions = _revisions(_parse_json(contents[REVISIONS], name, REVISIONS), article_id, name)
    ids = {r.id for r in revisions}
    if about["head"] not in ids:
        raise ImportRejected("package_corrupt", name=name,
                             reason="the head revision is not in revisions.json")
    from deskapp.limits import check_article  # what arrives also renders and exports

    check_article(next(r for r in revisions if r.id == about["head"]))
    comments = _records(_parse_json(contents[COMMENTS], name, COMMENTS), _COMMENT_KEYS,
                        article_id, name, COMMENTS)
    events = _records(_parse_json(contents[STATUS_EVENTS], name, STATUS_EVENTS), _EVENT_KEYS,
                      article_id, name, STATUS_EVENTS)
    photos = _photos(contents, name) if PHOTOS in contents else []
    resolutions = (check_resolutions(_parse_json(contents[RESOLUTIONS], name, RESOLUTIONS),
                                     article_id, name)
                   if RESOLUTIONS in contents else [])
    names: list[dict[str, Any]] = []
    if NAMES in contents:
        from deskapp.store.names import check_name_records

        checked = check_name_records(_parse_json(contents[NAMES], name, NAMES))
        if checked is None:
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"“{NAMES}” holds a malformed record")
        names = checked
    names_digest = hashlib.sha256(contents[NAMES]).hexdigest() if NAMES in contents else ""
    names_signature = (_parse_json(contents[NAMES_SIGNATURE], name, NAMES_SIGNATURE)
                       if NAMES_SIGNATURE in contents else None)
    editions: list[dict[str, Any]] = []
    if EDITIONS in contents:
        from deskapp.makeup.exchange import check_edition_records

        checked_editions = check_edition_records(_parse_json(contents[EDITIONS], name, EDITIONS))
        if checked_editions is None:
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"“{EDITIONS}” holds a malformed record")
        editions = checked_editions
    editions_digest = (hashlib.sha256(contents[EDITIONS]).hexdigest()
                       if EDITIONS in contents else "")
    editions_signature = (_parse_json(contents[EDITIONS_SIGNATURE], name, EDITIONS_SIGNATURE)
                          if EDITIONS_SIGNATURE in contents else None)
    return Package(
        name=name, format_version=manifest["format_version"],
        app_version=manifest["app_version"], created_at=manifest["created_at"],
        sender=manifest["sender"]["name"], role=manifest["sender"]["role"],
        article_id=article_id, head_id=about["head"],
        article_created_at=about["created_at"], target_words=about.get("target_words"),
        target_lines=about.get("target_lines"),
        revisions=revisions, comments=comments, status_events=events, photos=photos,
        resolutions=resolutions, names=names, names_digest=names_digest,
        names_signature=names_signature, editions=editions, editions_digest=editions_digest,
        editions_signature=editions_signature,
    )


def _photos(contents: dict[str, bytes], name: str) -> list[PackagePhoto]:
    """The photos ``photos.json`` lists, each pointing at a member of the package."""
    records = _parse_json(contents[PHOTOS], name, PHOTOS)
    bad = ImportRejected("package_corrupt", name=name, reason=f"“{PHOTOS}” is malformed")
    if not isinstance(records, list):
        raise bad
    photos = []
    for record in records:
        if not isinstance(record, dict) or not _strings(record, ("name", "file", "caption",
                                                                 "credit")):
            raise bad
        member = record["file"]
        if not member.startswith(PHOTO_FOLDER) or member not in contents:
            raise bad
        photos.append(PackagePhoto(record["name"][:200], record["caption"][:2000],
                                   record["credit"][:500], contents[member]))
    return photos


def _revisions(records: Any, article_id: str, name: str) -> list[Revision]:
    """Revisions checked one by one: types, known statuses, and a content hash that matches."""
    if not isinstance(records, list) or not records:
        raise ImportRejected("package_corrupt", name=name,
                             reason="revisions.json holds no revisions")
    if len(records) > MAX_PACKAGE_REVISIONS:  # before a single record is checked
        raise ImportRejected("too_many_revisions", name=name, count=len(records),
                             limit=MAX_PACKAGE_REVISIONS)
    revisions: list[Revision] = []
    known: set[str] = set()
    for record in records:
        revision = _revision(record, article_id, name)
        if revision.id in known:
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"revision {revision.id} appears twice")
        revisions.append(revision)
        known.add(revision.id)
    for revision in revisions:
        if revision.parent_id is not None and revision.parent_id not in known:
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"revision {revision.id} has an unknown parent")
    return revisions


def _revision(record: Any, article_id: str, name: str) -> Revision:
    bad = ImportRejected("package_corrupt", name=name, reason="a revision is malformed")
    if not isinstance(record, dict) or set(record) != set(_REVISION_KEYS):
        raise bad
    content = record["content"]
    ok = (
        _is_id(record["id"])
        and (record["parent_id"] is None or _is_id(record["parent_id"]))
        and _strings(record, ("created_at", "author", "kind", "content_hash"))
        and isinstance(content, dict) and set(content) == set(CONTENT_FIELDS)
        and all(isinstance(content[k], str) and len(content[k]) <= _MAX_TEXT
                for k in CONTENT_FIELDS if k != "tags")
        and isinstance(content["tags"], list)
        and all(isinstance(tag, str) for tag in content["tags"])
        and content["status"] in {str(s) for s in Status}
    )
    if not ok:
        raise bad
    article = Article.from_dict({**content, "id": article_id})
    if article.content_hash() != record["content_hash"]:
        raise ImportRejected("package_corrupt", name=name,
                             reason=f"revision {record['id']} does not match its content hash")
    return Revision(id=record["id"], article_id=article_id, parent_id=record["parent_id"],
                    created_at=record["created_at"], author=record["author"],
                    kind=record["kind"], content_hash=record["content_hash"],
                    content=article.content())


def _records(records: Any, keys: dict[str, tuple[type, ...]], article_id: str, name: str,
             member: str) -> list[dict[str, Any]]:
    """Rows for ``comments``/``status_events``: known keys only, right types, this article."""
    if not isinstance(records, list):
        raise ImportRejected("package_corrupt", name=name, reason=f"“{member}” is not a list")
    rows: list[dict[str, Any]] = []
    for record in records:
        if not isinstance(record, dict):
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"“{member}” holds a malformed record")
        # A text column left NULL in the sender's database arrives as null.
        row = {key: "" if record.get(key) is None and types == (str,) else record.get(key)
               for key, types in keys.items()}
        valid = all(isinstance(row[key], types) and not isinstance(row[key], bool)
                    for key, types in keys.items())
        if not valid or not _is_id(row["id"]) or row["article_id"] != article_id:
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"“{member}” holds a malformed record")
        rows.append(row)
    return rows


def _strings(mapping: dict[str, Any], keys: tuple[str, ...]) -> bool:
    return all(isinstance(mapping.get(key), str) for key in keys)


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def _optional_int(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _is_file_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("name"), str)
        and isinstance(entry.get("sha256"), str)
        and isinstance(entry.get("size"), int)
        and not isinstance(entry.get("size"), bool)
    )


def _why(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


# ---------------------------------------------------------------- shared checks


def check_revision(record: Any, article_id: str, name: str) -> Revision:
    """One revision record (package layout) checked and rebuilt, or :class:`ImportRejected`.

    The same checks as a package's ``revisions.json``: anything that carries
    revisions between machines (the newsroom server too) trusts only this.
    """
    return _revision(record, article_id, name)


def check_records(records: Any, kind: str, article_id: str, name: str) -> list[dict[str, Any]]:
    """Comment (``kind="comments"``) or status-event rows checked like a package's."""
    keys = _COMMENT_KEYS if kind == "comments" else _EVENT_KEYS
    return _records(records, keys, article_id, name, f"{kind}.json")


def revision_record(revision: Revision) -> dict[str, Any]:
    """A revision in the package layout (what :func:`check_revision` reads)."""
    return _revision_record(revision)


def check_resolutions(records: Any, article_id: str, name: str) -> list[dict[str, Any]]:
    """Comment resolutions (``resolutions.json``, or the server's) checked record by record.

    Each names a comment of this article by id, with a time and a name (text,
    bounded); a comment resolved twice in one list is refused. Whether the
    comment exists is the merge's business: one not known is skipped there.
    """
    bad = ImportRejected("package_corrupt", name=name,
                         reason=f"“{RESOLUTIONS}” holds a malformed record")
    if not isinstance(records, list):
        raise ImportRejected("package_corrupt", name=name,
                             reason=f"“{RESOLUTIONS}” is not a list")
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in records:
        if not isinstance(record, dict):
            raise bad
        row = {key: record.get(key) for key in _RESOLUTION_KEYS}
        if row["resolved_by"] is None:
            row["resolved_by"] = ""
        ok = (
            _is_id(row["comment_id"])
            and row["article_id"] == article_id
            and isinstance(row["resolved_at"], str)
            and 0 < len(row["resolved_at"]) <= _MAX_STAMP
            and isinstance(row["resolved_by"], str)
            and len(row["resolved_by"]) <= _MAX_NAME
        )
        if not ok:
            raise bad
        if row["comment_id"] in seen:
            raise ImportRejected("package_corrupt", name=name,
                                 reason=f"comment {row['comment_id']} is resolved twice")
        seen.add(row["comment_id"])
        rows.append(row)
    return rows
