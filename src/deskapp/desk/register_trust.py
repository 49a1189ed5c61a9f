"""An editor's name register (and page plans) in a package count only under that editor's signature.

A package says who wrote it and in which role, but that is a claim anyone can
type into its manifest: a hand-edited package posing as an editor's would
otherwise rewrite the newsroom's spellings on every laptop it reached. So an
editor's package signs its ``names.json`` with the key that signs approvals
(:mod:`deskapp.desk.approvals`)::

    deskapp-register/1  SHA-256 of names.json · editor's name · key id

and the receiver merges the register only when the signature verifies against
a key it trusts whose name is the package's sender. Anything else leaves the
register as it was and is reported (``register_refused``), while the article
itself still arrives. Through the newsroom server the register needs no
signature: the server lets only an editor's own sign-in change it.

Page plans (``editions.json``, :mod:`deskapp.makeup.exchange`) are signed and
checked the same way under their own tag (``deskapp-editions/1``), so a
hand-edited package cannot rearrange the desk's pages either.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from deskapp.store import Library

PAYLOAD_TAG = "deskapp-register/1"
EDITIONS_TAG = "deskapp-editions/1"


def _payload(digest: str, user: str, key_id: str, tag: str = PAYLOAD_TAG) -> bytes:
    return json.dumps([tag, digest, user, key_id], ensure_ascii=False).encode("utf-8")


def sign_member(library: Library, user: str, data: bytes,
               tag: str = PAYLOAD_TAG) -> dict[str, str]:
    """The signature record for ``data`` (the bytes of ``names.json``, or of
    ``editions.json`` with ``EDITIONS_TAG``) by editor ``user``."""
    from deskapp.desk import ed25519
    from deskapp.desk.approvals import signing_key

    key_id, private = signing_key(library, user)
    digest = hashlib.sha256(data).hexdigest()
    signature = ed25519.sign(private, _payload(digest, user, key_id, tag))
    return {"user": user, "key_id": key_id,
            "signature": base64.b64encode(signature).decode("ascii")}


def check_member(library: Library, record: Any, digest: str, sender: str,
                tag: str = PAYLOAD_TAG) -> str | None:
    """``None`` when ``record`` signs ``digest`` for ``sender`` with a trusted key; else why not.

    The reasons are those of approvals: ``unsigned``, ``unknown_key``,
    ``wrong_name``, ``bad_signature``.
    """
    from deskapp.desk import ed25519

    if (not isinstance(record, dict) or not all(
            isinstance(record.get(key), str) and record.get(key)
            for key in ("user", "key_id", "signature"))):
        return "unsigned"
    if record["user"] != sender:
        return "wrong_name"
    row = library.db.execute("SELECT name, public_key FROM trusted_keys WHERE key_id = ?",
                             [record["key_id"]]).fetchone()
    if row is None:
        return "unknown_key"
    if row[0] != sender:
        return "wrong_name"
    try:
        good = ed25519.verify(base64.b64decode(row[1]),
                              base64.b64decode(record["signature"], validate=True),
                              _payload(digest, sender, record["key_id"], tag))
    except ValueError:
        good = False
    return None if good else "bad_signature"
