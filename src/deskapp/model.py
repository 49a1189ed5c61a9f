"""The article, its revisions and its photos, as plain data (no database, no Qt)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from deskapp.text import nfc


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    EXPORTED = "exported"
    RETURNED = "returned"


class RevisionKind(StrEnum):
    AUTOSAVE = "autosave"
    SAVE = "save"
    IMPORT = "import"
    CREATE = "create"
    RESTORE = "restore"
    STATUS = "status"


# The fields a person edits; a revision is a snapshot of exactly these.
CONTENT_FIELDS = ("title", "lead", "body", "byline", "source", "section", "tags", "status")


def now_iso() -> str:
    """UTC time as ISO 8601 with microseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    """A random (version 4) UUID in its usual text form, as ``str(uuid.uuid4())`` gives.

    Made here from 16 random bytes: the uuid module (and platform, which it
    imports) cost a one-page ``deskapp export FILE`` about 1.5 ms.
    """
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


@dataclass
class Article:
    """One article: headline (tít), lead (sapo), Markdown body (thân bài) and credits."""

    id: str = field(default_factory=new_id)
    title: str = ""
    lead: str = ""
    body: str = ""
    byline: str = ""
    source: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    status: Status = Status.DRAFT
    target_words: int | None = None
    target_lines: int | None = None  # the desk gives a length in words or in printed lines
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    deleted_at: str | None = None
    revision_id: str | None = None

    def __post_init__(self) -> None:
        self.normalize()

    def normalize(self) -> None:
        """Bring every text field to NFC (called wherever text enters)."""
        for name in ("title", "lead", "body", "byline", "source", "section"):
            setattr(self, name, nfc(getattr(self, name) or ""))
        self.tags = [nfc(t) for t in self.tags]
        self.status = Status(self.status)

    def content(self) -> dict[str, object]:
        """The editable content, as stored in a revision."""
        data = {name: getattr(self, name) for name in CONTENT_FIELDS}
        data["status"] = str(self.status)
        return data

    def content_hash(self) -> str:
        import hashlib
        import json

        payload = json.dumps(self.content(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def with_content(self, **changes: object) -> Article:
        article = replace(self, **changes)  # type: ignore[arg-type]
        article.normalize()
        return article

    def display_title(self) -> str:
        return self.title.strip() or ""

    def word_count(self) -> int:
        return sum(len(getattr(self, n).split()) for n in ("title", "lead", "body"))

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["status"] = str(self.status)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Article:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        tags = kwargs.get("tags")
        if isinstance(tags, str):
            if tags and tags != "[]":
                import json

                kwargs["tags"] = json.loads(tags)
            else:
                kwargs["tags"] = []
        return cls(**kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Revision:
    id: str
    article_id: str
    parent_id: str | None
    created_at: str
    author: str
    kind: str
    content_hash: str
    content: dict[str, object]
    # The stored content no longer matches content_hash (or cannot be read): never restored.
    damaged: bool = False


@dataclass(frozen=True)
class RevisionInfo:
    """A revision as a history list shows it: who, when, what kind, but not its text.

    Whether its text is damaged is known only once it is read
    (``Library.revision``). ``status`` is the status the article had in it.
    """

    id: str
    article_id: str
    parent_id: str | None
    created_at: str
    author: str
    kind: str
    content_hash: str
    status: str


@dataclass(frozen=True)
class Approval:
    """Who approved an article for print and when (``approved_at``: ISO 8601, UTC).

    ``note`` is the reason given when the approval overrode proofing findings;
    it stays in the history and is not printed.
    """

    approver: str
    approved_at: str
    note: str = ""


class Photo(NamedTuple):
    """A stored photo as the renderers need it: its bytes and pixel size.

    ``key`` identifies the bytes (the stored SHA-256) so a renderer can
    cache work done on them, such as the preview's scaled copy.
    """

    data: bytes
    width: int
    height: int
    caption: str = ""
    credit: str = ""
    key: str = ""


# name -> the photo, or None when the article has no photo of that name.
# Renderers take one of these instead of reading the library themselves.
PhotoLookup = Callable[[str], Any]
