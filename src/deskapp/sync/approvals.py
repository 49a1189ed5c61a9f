"""Approval signatures on the newsroom server: the editors' keys and the rules for approvals.

Server schema version 4 (:data:`KEYS_MIGRATION`, appended to
:data:`deskapp.sync.server.MIGRATIONS`):

* ``editor_keys`` (key id, sign-in, name, public key): readable by every
  sign-in, written only by an editor's own sign-in (the row's ``signin`` is
  ``session_user`` whatever the client sends), never changed or removed. The
  key id must be the key's (its SHA-256, checked by the server) and a name
  published by one sign-in cannot be published by another.
* ``status_events`` gains ``key_id``, ``signature`` and ``signed_by``. An
  ``approve`` event is accepted only when its key is published under the
  event's name, for an ``approved`` revision of the article already on the
  server; ``signed_by`` is set to the key's sign-in, so a carried approval
  keeps its real signer while ``pushed_by`` says who carried it.
* an article's head may become an ``approved`` or ``exported`` revision only
  when a signed approve event on the server covers the same text.

PostgreSQL has no Ed25519, so the server checks who a signature claims to be,
not the signature's bytes: every Deskapp verifies those itself when it pulls
(:mod:`deskapp.desk.approvals`), and a pushing laptop never sends an approval
its own library cannot verify.
"""

from __future__ import annotations

from typing import Any

from deskapp.desk.approvals import EditorKey, install_keys, trusted_keys

KEYS_SCHEMA = 4  # the first server schema that carries approval signatures

_GROUPS = "deskapp_reporter, deskapp_editor"

KEYS_MIGRATION = f"""
CREATE TABLE deskapp.editor_keys (
  key_id text PRIMARY KEY,
  signin name NOT NULL DEFAULT session_user,
  name text NOT NULL,
  public_key text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION deskapp.editor_keys_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM deskapp.editor_keys WHERE key_id = NEW.key_id) THEN
    RETURN NULL;  -- published already: a retried sync
  END IF;
  IF NOT deskapp.is_editor() THEN
    PERFORM deskapp.refuse('key_not_editor');
  END IF;
  IF coalesce(NEW.public_key, '') !~ '^[A-Za-z0-9+/]{{43}}=$'
     OR NEW.key_id IS DISTINCT FROM
        left(encode(sha256(decode(NEW.public_key, 'base64')), 'hex'), 32)
     OR length(coalesce(NEW.name, '')) NOT BETWEEN 1 AND 500 THEN
    PERFORM deskapp.refuse('key_malformed');
  END IF;
  IF EXISTS (SELECT 1 FROM deskapp.editor_keys
             WHERE name = NEW.name AND signin <> session_user) THEN
    PERFORM deskapp.refuse('key_name_taken');
  END IF;
  NEW.signin := session_user;
  NEW.published_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER editor_keys_guard BEFORE INSERT ON deskapp.editor_keys
  FOR EACH ROW EXECUTE FUNCTION deskapp.editor_keys_guard();
GRANT SELECT, INSERT ON deskapp.editor_keys TO {_GROUPS};

ALTER TABLE deskapp.status_events
  ADD COLUMN key_id text NOT NULL DEFAULT '',
  ADD COLUMN signature text NOT NULL DEFAULT '',
  ADD COLUMN signed_by name;

-- fires after status_events_guard (trigger order is by name): a retried row never gets here
CREATE FUNCTION deskapp.approval_signed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  k deskapp.editor_keys%ROWTYPE;
BEGIN
  NEW.signed_by := NULL;
  IF NEW.action <> 'approve' THEN
    RETURN NEW;
  END IF;
  SELECT * INTO k FROM deskapp.editor_keys WHERE key_id = NEW.key_id;
  IF NOT FOUND OR k.name IS DISTINCT FROM NEW."user"
     OR coalesce(NEW.signature, '') !~ '^[A-Za-z0-9+/]{{86}}==$'
     OR NOT EXISTS (SELECT 1 FROM deskapp.revisions WHERE id = NEW.revision_id
                    AND article_id = NEW.article_id AND status = 'approved') THEN
    PERFORM deskapp.refuse('approval_unsigned');
  END IF;
  NEW.signed_by := k.signin;
  RETURN NEW;
END $$;
CREATE TRIGGER status_events_signed BEFORE INSERT ON deskapp.status_events
  FOR EACH ROW EXECUTE FUNCTION deskapp.approval_signed();

-- fires after articles_guard, which has set the status from the new head
CREATE FUNCTION deskapp.approved_head() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF NEW.head_id IS DISTINCT FROM OLD.head_id AND NEW.status IN ('approved', 'exported')
     AND NOT EXISTS (
       SELECT 1 FROM deskapp.status_events e
         JOIN deskapp.revisions r ON r.id = e.revision_id AND r.article_id = e.article_id
         JOIN deskapp.revisions h ON h.id = NEW.head_id
       WHERE e.article_id = NEW.id AND e.action = 'approve' AND e.signed_by IS NOT NULL
         AND r.status = 'approved'
         AND (r.title, r.lead, r.body, r.byline, r.source, r.section, r.tags)
           = (h.title, h.lead, h.body, h.byline, h.source, h.section, h.tags)) THEN
    PERFORM deskapp.refuse('approval_unsigned');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER articles_signed BEFORE UPDATE ON deskapp.articles
  FOR EACH ROW EXECUTE FUNCTION deskapp.approved_head();

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA deskapp FROM PUBLIC;
"""


def exchange_keys(library: Any, conn: Any, *, record_sync: bool = False) -> None:
    """Publish this library's own keys (an editor's sign-in only) and trust the editors'.

    Run at the start of a sync with a server at :data:`KEYS_SCHEMA` or later, so
    approvals pushed afterwards find their key there and approvals pulled find
    theirs here. One round trip when there is nothing new to publish; with
    ``record_sync`` (server version 6) the same statement records the sync
    (``deskapp.synced()``).
    """
    import psycopg

    with conn.cursor() as cur:
        cur.execute(
            "SELECT deskapp.is_editor(), coalesce((SELECT json_agg(json_build_array("
            "key_id, name, public_key, signin::text)) FROM deskapp.editor_keys), '[]')"
            + (", deskapp.synced()" if record_sync else ""))
        row = cur.fetchone()
    editor, listed = bool(row[0]), row[1]
    published = [EditorKey(k[0], k[1], k[2], "server", str(k[3])) for k in listed]
    if editor:
        known = {key.key_id for key in published}
        for key in trusted_keys(library, "own"):
            if key.key_id in known:
                continue
            try:
                with conn.cursor() as cur:
                    cur.execute(
                        "INSERT INTO deskapp.editor_keys (key_id, name, public_key) "
                        "VALUES (%s, %s, %s) ON CONFLICT (key_id) DO NOTHING "
                        "RETURNING key_id, name, public_key, signin::text",
                        [key.key_id, key.name, key.public_key])
                    added = cur.fetchone()
            except psycopg.errors.InsufficientPrivilege:
                continue  # a name another sign-in published: its approvals are refused on push
            if added is not None:
                published.append(EditorKey(added[0], added[1], added[2], "server",
                                           str(added[3])))
    install_keys(library, published, "server")
