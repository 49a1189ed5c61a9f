"""Approvals nobody can forge: the approving editor's Ed25519 signature, checked everywhere.

An approval is an ``approve`` status event. When an editor approves, the
event is signed with that editor's private key over what was approved::

    deskapp-approval/1  article id · revision id · content hash · editor's name · time · key id

The key pair is made the first time an editor approves (and again when the
profile name changes: a key vouches for one name); the private key stays in
this library's ``settings`` and never travels (packages carry events, not
settings). The public key is listed in ``trusted_keys`` beside those of the
other editors this library believes:

* ``own``: made here;
* ``server``: published through the newsroom server, where only an editor's
  own sign-in may publish its key (see :mod:`deskapp.sync.approvals`);
* ``file``: installed by IT from a keys file (``deskapp keys import``).

An approval counts only when its signature verifies against a trusted key
whose name is the event's ``user``, over a revision of the article with
status ``approved`` whose stored content matches its hash. An article whose
head is approved or exported is *vouched for* only by such an approval of
the same text (the status aside): :func:`verified_approval`. The PDF's
"Duyệt: …" line comes only from there.

On import (:func:`screen_approvals`, :func:`settle`), an approve event that
does not verify is not stored, and an article that arrives approved or
exported without a verified approval of its text gets a status revision on
top that moves it back to ``submitted`` (``in_review`` when the desk here had
already taken it). Each refused claim is an :class:`ApprovalRefused` with a
reason code (``unsigned``, ``unknown_key``, ``wrong_name``, ``bad_signature``,
``no_approval``), worded by :mod:`deskapp.messages` (``approval_refused``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deskapp.errors import DeskappError, ImportRejected
from deskapp.model import Approval, Revision, RevisionKind, Status, now_iso
from deskapp.store import Library

if TYPE_CHECKING:
    from deskapp.exchange.package import Package

__all__ = [
    "KEYS_FORMAT",
    "ApprovalRefused",
    "EditorKey",
    "check_event",
    "export_keys",
    "install_keys",
    "read_keys_file",
    "screen_approvals",
    "settle",
    "sign_approval",
    "signing_key",
    "stored_revision",
    "trusted_keys",
    "verified_approval",
]

KEY_SETTING = "approval_key"
KEYS_FORMAT = "deskapp-editor-keys"
PAYLOAD_TAG = "deskapp-approval/1"
SOURCES = ("own", "server", "file")
_APPROVED = frozenset({Status.APPROVED, Status.EXPORTED})
_MAX_NAME = 500
_MAX_KEYS_FILE = 1 * 2**20


@dataclass(frozen=True)
class EditorKey:
    """An editor's public key: its id, the name it vouches for, and where it came from."""

    key_id: str
    name: str
    public_key: str  # base64 of the 32-byte raw Ed25519 public key
    source: str = "file"
    signin: str = ""


@dataclass(frozen=True)
class ApprovalRefused:
    """An approval claim that did not verify (``reason`` is a code, see the module notes)."""

    article_id: str
    title: str
    approver: str
    at: str
    reason: str

    def error(self) -> DeskappError:
        return DeskappError("approval_refused", title=self.title, approver=self.approver,
                            at=self.at, reason=self.reason)


# ---------------------------------------------------------------- keys


def key_id_of(public_raw: bytes) -> str:
    """A key's id: the first 32 hex digits of the SHA-256 of its raw public key."""
    return hashlib.sha256(public_raw).hexdigest()[:32]


def signing_key(library: Library, name: str) -> tuple[str, bytes]:
    """This library's raw private key for ``name`` (made, stored and trusted at first need)."""
    from deskapp.desk import ed25519

    stored = library.get_setting(KEY_SETTING)
    if stored:
        try:
            record = json.loads(stored)
            if record.get("name") == name:
                private = base64.b64decode(record["private"])
                if len(private) == ed25519.KEY_BYTES:
                    return str(record["key_id"]), private
        except (ValueError, KeyError, TypeError):
            pass  # unreadable: a new key is made; approvals signed before keep verifying
    private = ed25519.new_private_key()
    public_raw = ed25519.public_key(private)
    key_id = key_id_of(public_raw)
    with library.transaction():
        library.set_setting(KEY_SETTING, json.dumps({
            "name": name, "key_id": key_id,
            "private": base64.b64encode(private).decode("ascii")}))
        _store_key(library, EditorKey(key_id, name, base64.b64encode(public_raw).decode(),
                                      "own"))
    return key_id, private


def trusted_keys(library: Library, source: str | None = None) -> list[EditorKey]:
    """The public keys this library believes (all, or from one source)."""
    rows = library.db.execute(
        "SELECT key_id, name, public_key, source, signin FROM trusted_keys "
        + ("WHERE source = ? " if source else "") + "ORDER BY added_at, key_id",
        [source] if source else []).fetchall()
    return [EditorKey(*row) for row in rows]


def install_keys(library: Library, keys: list[EditorKey], source: str) -> int:
    """Trust ``keys`` (from ``source``); a key already trusted stays as it is. How many new."""
    added = 0
    with library.transaction():
        for key in keys:
            _check_key(key)
            added += _store_key(library, replace(key, source=source))
    return added


def export_keys(library: Library) -> bytes:
    """This library's own public keys as a keys file (for IT to install on other machines)."""
    keys = [{"key_id": k.key_id, "name": k.name, "public_key": k.public_key}
            for k in trusted_keys(library, "own")]
    return json.dumps({"format": KEYS_FORMAT, "version": 1, "keys": keys},
                      ensure_ascii=False, indent=1).encode("utf-8")


def read_keys_file(path: Path | str) -> list[EditorKey]:
    """The keys in a keys file, each checked (its id must be its key's); else ImportRejected."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(_MAX_KEYS_FILE + 1)
    except OSError as exc:
        raise ImportRejected("file_unreadable", name=path.name,
                             reason=exc.strerror or str(exc)) from exc
    bad = ImportRejected("keys_file_invalid", name=path.name)
    if len(data) > _MAX_KEYS_FILE:
        raise bad
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad from None
    if not isinstance(document, dict) or document.get("format") != KEYS_FORMAT \
            or not isinstance(document.get("keys"), list):
        raise bad
    keys = []
    for entry in document["keys"]:
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("key_id", "name", "public_key")):
            raise bad
        key = EditorKey(entry["key_id"], entry["name"], entry["public_key"], "file")
        try:
            _check_key(key)
        except ImportRejected:
            raise bad from None
        keys.append(key)
    return keys


def _check_key(key: EditorKey) -> None:
    try:
        raw = base64.b64decode(key.public_key, validate=True)
    except ValueError:
        raw = b""
    if (len(raw) != 32 or key_id_of(raw) != key.key_id or not key.name.strip()
            or len(key.name) > _MAX_NAME):
        raise ImportRejected("keys_file_invalid", name=key.name or key.key_id)


def _store_key(library: Library, key: EditorKey) -> int:
    cursor = library.db.execute(
        "INSERT OR IGNORE INTO trusted_keys (key_id, name, public_key, source, signin, "
        "added_at) VALUES (?, ?, ?, ?, ?, ?)",
        [key.key_id, key.name, key.public_key, key.source, key.signin, now_iso()])
    return cursor.rowcount


# ---------------------------------------------------------------- signing and checking


def payload(event: dict[str, Any], content_hash: str) -> bytes:
    """The bytes an approval's signature covers (one line per field, no ambiguity)."""
    fields = [PAYLOAD_TAG, event["article_id"], event["revision_id"] or "", content_hash,
              event["user"], event["at"], event["key_id"]]
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def sign_approval(library: Library, event: dict[str, Any], content_hash: str) -> dict[str, Any]:
    """``event`` (an approve event about to be stored) with its ``key_id`` and ``signature``."""
    from deskapp.desk import ed25519

    key_id, private = signing_key(library, event["user"])
    signed = {**event, "key_id": key_id}
    signed["signature"] = base64.b64encode(
        ed25519.sign(private, payload(signed, content_hash))).decode("ascii")
    return signed


def check_event(library: Library, event: dict[str, Any], revision: Revision | None) -> str | None:
    """``None`` when the approve ``event`` verifies over ``revision``; else the reason code."""
    from deskapp.desk import ed25519

    if not event.get("key_id") or not event.get("signature"):
        return "unsigned"
    if (revision is None or revision.damaged or revision.article_id != event["article_id"]
            or revision.content.get("status") != Status.APPROVED):
        return "bad_signature"
    row = library.db.execute("SELECT name, public_key FROM trusted_keys WHERE key_id = ?",
                             [event["key_id"]]).fetchone()
    if row is None:
        return "unknown_key"
    if row[0] != event["user"]:
        return "wrong_name"
    try:
        good = ed25519.verify(base64.b64decode(row[1]),
                              base64.b64decode(event["signature"], validate=True),
                              payload(event, revision.content_hash))
    except ValueError:
        good = False
    return None if good else "bad_signature"


def verified_approval(library: Library, article_id: str) -> Approval | None:
    """The approval that vouches for the article as it stands, or ``None``.

    The article must be approved or exported, and an approve event must
    verify over a revision with the same text (status aside); the latest
    such event wins.
    """
    row = library.db.execute("SELECT status, revision_id FROM articles WHERE id = ?",
                             [article_id]).fetchone()
    if row is None or row[0] not in _APPROVED:
        return None
    head = stored_revision(library, row[1])
    if head is None:
        return None
    events = library.db.query(
        "SELECT * FROM status_events WHERE article_id = ? AND action = 'approve' "
        "ORDER BY at DESC, rowid DESC", [article_id])
    for event in events:
        revision = stored_revision(library, event["revision_id"])
        if revision is None or _text(revision) != _text(head):
            continue
        if check_event(library, event, revision) is None:
            return Approval(approver=event["user"], approved_at=event["at"],
                            note=event["note"] or "")
    return None


def stored_revision(library: Library, revision_id: str | None) -> Revision | None:
    from deskapp.store.library import _revision_from_row

    if not revision_id:
        return None
    rows = list(library.db.query("SELECT * FROM revisions WHERE id = ?", [revision_id]))
    return _revision_from_row(rows[0]) if rows else None


def _text(revision: Revision) -> dict[str, Any]:
    return {k: v for k, v in revision.content.items() if k != "status"}


# ---------------------------------------------------------------- imports


def screen_approvals(library: Library, package: Package
                     ) -> tuple[Package, list[ApprovalRefused]]:
    """The package without the approve events that do not verify here, and those refused.

    An event already stored here is left to the store (it is skipped there).
    """
    ids = [e["id"] for e in package.status_events if e["action"] == "approve"]
    if not ids:
        return package, []
    marks = ", ".join("?" * len(ids))
    known = {r[0] for r in library.db.execute(
        f"SELECT id FROM status_events WHERE id IN ({marks})", ids)}
    by_id = {r.id: r for r in package.revisions}
    title = str(package.head.content.get("title") or "")
    kept: list[dict[str, Any]] = []
    refused: list[ApprovalRefused] = []
    for event in package.status_events:
        if event["action"] != "approve" or event["id"] in known:
            kept.append(event)
            continue
        revision = by_id.get(event["revision_id"] or "")
        if revision is None:
            revision = stored_revision(library, event["revision_id"])
        reason = check_event(library, event, revision)
        if reason is None:
            kept.append(event)
        else:
            refused.append(ApprovalRefused(package.article_id, title, event["user"],
                                           event["at"], reason))
    return replace(package, status_events=kept), refused


def settle(library: Library, article_id: str, *, before: str | None,
           refused: list[ApprovalRefused]) -> ApprovalRefused | None:
    """Move an article that arrived approved without a verified approval back to the desk.

    ``before`` is the status the article had here before the import (``None``
    when it is new here). Returns the refusal to report when no refused event
    already names the claim. The caller holds the import's transaction.
    """
    article = library.get(article_id)
    if article.status not in _APPROVED or verified_approval(library, article_id) is not None:
        return None
    article.status = Status.IN_REVIEW if before == Status.IN_REVIEW else Status.SUBMITTED
    library.save(article, kind=RevisionKind.STATUS,
                 author=library.get_setting("user_name") or "")
    if refused:
        return None
    return ApprovalRefused(article_id, article.title, "", "", "no_approval")
