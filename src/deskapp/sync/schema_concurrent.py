"""The newsroom server's schema, version 6: no newsroom-wide lock, a push in one call.

Up to version 5 every change to an article drew its change number under one
advisory lock held until commit, so that number order was commit order: every
push in the newsroom waited for the one before it, across all of that laptop's
round trips. Version 6 drops the lock:

* each article row records the transaction that last changed it (``xid``,
  PostgreSQL's 64-bit transaction id, which never wraps). A pull's position is
  the snapshot it read (``pg_current_snapshot()``): the next pull asks for the
  rows whose transaction was not yet visible in that snapshot. Commit order no
  longer matters, and the position moves past changes the reader cannot see.
* ``deskapp.push(batch jsonb)`` applies a batch of articles in one statement,
  so the laptop sends the batch in one round trip and the server does the
  work on its own. Each article is locked (its row, ``FOR UPDATE``) in id
  order, in a subtransaction of its own: pushes of different articles run in
  parallel; two pushes of the same article take turns for the length of one
  statement. The function runs as the caller (not ``SECURITY DEFINER``), so
  row-level security, grants and the triggers judge each row exactly as they
  judge a direct ``INSERT``.
* ``deskapp.laptop_syncs`` keeps each sign-in's last sync, for
  ``deskapp server status``; ``deskapp.synced()`` records it.
* ``deskapp.quarantine`` keeps the articles ``deskapp server check --repair``
  took out of every pull (their head set to none by
  ``deskapp.quarantine_article()``, the administrator's only), with the reason
  and the head they had.
"""

from __future__ import annotations

from deskapp.sync.schema_checked import MAX_SERVER_REVISIONS
from deskapp.sync.schema_early import EDITOR_GROUP, REPORTER_GROUP

__all__ = ["CONCURRENT_MIGRATION", "MAX_SERVER_REVISIONS"]

_ARTICLES_GUARD = """
CREATE OR REPLACE FUNCTION deskapp.articles_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  head deskapp.revisions%ROWTYPE;
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.owner := session_user;
    NEW.head_id := NULL;
    NEW.status := 'draft';
    NEW.title := ''; NEW.section := ''; NEW.byline := '';
  ELSE
    IF NEW.id <> OLD.id OR NEW.owner <> OLD.owner OR NEW.created_at <> OLD.created_at THEN
      PERFORM deskapp.refuse('status_follows_head');
    END IF;
    IF NOT deskapp.is_editor() THEN
      IF OLD.owner <> session_user THEN
        PERFORM deskapp.refuse('not_owner');
      END IF;
      IF (NEW.head_id IS DISTINCT FROM OLD.head_id
          OR NEW.target_words IS DISTINCT FROM OLD.target_words)
         AND OLD.status NOT IN ('draft', 'returned') THEN
        PERFORM deskapp.refuse('not_draft');
      END IF;
      IF NEW.target_words IS DISTINCT FROM OLD.target_words THEN
        PERFORM deskapp.refuse('row_not_allowed');
      END IF;
    END IF;
    IF NEW.head_id IS DISTINCT FROM OLD.head_id THEN
      SELECT * INTO head FROM deskapp.revisions
        WHERE id = NEW.head_id AND article_id = NEW.id;
      IF NOT FOUND THEN
        PERFORM deskapp.refuse('head_unknown');
      END IF;
      IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> head.status THEN
        PERFORM deskapp.refuse('status_follows_head');
      END IF;
      IF NOT deskapp.is_editor()
         AND head.status NOT IN ('draft', 'returned', 'submitted') THEN
        PERFORM deskapp.refuse('status_not_allowed');
      END IF;
      NEW.status := head.status;
      NEW.title := head.title;
      NEW.section := head.section;
      NEW.byline := head.byline;
    ELSIF NEW.status IS DISTINCT FROM OLD.status OR NEW.title IS DISTINCT FROM OLD.title
        OR NEW.section IS DISTINCT FROM OLD.section OR NEW.byline IS DISTINCT FROM OLD.byline
    THEN
      PERFORM deskapp.refuse('status_follows_head');
    END IF;
  END IF;
  -- no lock: the transaction id, not the number, tells a reader what it has seen
  NEW.xid := pg_current_xact_id();
  NEW.seq := nextval('deskapp.change_seq');
  NEW.changed_at := now();
  RETURN NEW;
END $$;
"""

# One article of a push batch: its row (created if new), its rows in the order a direct
# push sends them, then the head swap. ``before`` is the article's change number when
# this push locked it (NULL when this push created it).
_PUSH_ARTICLE = """
CREATE FUNCTION deskapp.push_article(a jsonb) RETURNS jsonb
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  aid text := a->>'id';
  before bigint;
  created boolean := false;
  final_seq bigint;
  final_head text;
  swapped boolean;
BEGIN
  SELECT seq INTO before FROM deskapp.articles WHERE id = aid FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO deskapp.articles (id, created_at, target_words)
      VALUES (aid, a->>'created_at', (a->>'target_words')::integer)
      ON CONFLICT (id) DO NOTHING
      RETURNING true INTO created;
    IF created IS NOT TRUE THEN  -- someone created it meanwhile (or it is hidden from us)
      SELECT seq INTO before FROM deskapp.articles WHERE id = aid FOR UPDATE;
    END IF;
  END IF;
  INSERT INTO deskapp.revisions (id, article_id, parent_id, created_at, author, kind,
      content_hash, title, lead, body, byline, source, section, tags, status)
    SELECT v->>'id', aid, v->>'parent_id', v->>'created_at', v->>'author', v->>'kind',
           v->>'content_hash', v->>'title', v->>'lead', v->>'body', v->>'byline',
           v->>'source', v->>'section', v->'tags', v->>'status'
    FROM jsonb_array_elements(coalesce(a->'revisions', '[]')) WITH ORDINALITY AS e(v, n)
    ORDER BY n
    ON CONFLICT (id) DO NOTHING;
  INSERT INTO deskapp.comments (id, article_id, field, start, "end", quote, prefix, suffix,
      body, author, created_at, resolved_at, revision_id)
    SELECT v->>'id', aid, v->>'field', (v->>'start')::integer, (v->>'end')::integer,
           v->>'quote', v->>'prefix', v->>'suffix', v->>'body', v->>'author',
           v->>'created_at', v->>'resolved_at', v->>'revision_id'
    FROM jsonb_array_elements(coalesce(a->'comments', '[]')) WITH ORDINALITY AS e(v, n)
    ORDER BY n
    ON CONFLICT (id) DO NOTHING;
  INSERT INTO deskapp.status_events (id, article_id, revision_id, at, "user", role, action,
      from_status, to_status, reason, note, key_id, signature)
    SELECT v->>'id', aid, v->>'revision_id', v->>'at', v->>'user', v->>'role', v->>'action',
           v->>'from_status', v->>'to_status', v->>'reason', v->>'note',
           coalesce(v->>'key_id', ''), coalesce(v->>'signature', '')
    FROM jsonb_array_elements(coalesce(a->'events', '[]')) WITH ORDINALITY AS e(v, n)
    ORDER BY n
    ON CONFLICT (id) DO NOTHING;
  INSERT INTO deskapp.comment_resolutions (comment_id, article_id, resolved_at, resolved_by)
    SELECT v->>'comment_id', aid, v->>'resolved_at', v->>'resolved_by'
    FROM jsonb_array_elements(coalesce(a->'resolutions', '[]')) WITH ORDINALITY AS e(v, n)
    ORDER BY n
    ON CONFLICT (comment_id) DO NOTHING;
  INSERT INTO deskapp.photos (article_id, name, caption, credit, sha256, data)
    SELECT aid, v->>'name', v->>'caption', v->>'credit', v->>'sha256',
           decode(v->>'data', 'base64')
    FROM jsonb_array_elements(coalesce(a->'photos', '[]')) WITH ORDINALITY AS e(v, n)
    ORDER BY n
    ON CONFLICT (article_id, name) DO NOTHING;
  IF NOT coalesce((a->>'conflict')::boolean, false) THEN
    UPDATE deskapp.articles SET head_id = a->>'head'
      WHERE id = aid AND (head_id IS NOT DISTINCT FROM a->>'known' OR head_id = a->>'head')
      RETURNING seq, head_id INTO final_seq, final_head;
    swapped := FOUND;
  END IF;
  IF final_seq IS NULL THEN
    SELECT seq, head_id INTO final_seq, final_head FROM deskapp.articles WHERE id = aid;
    IF NOT FOUND THEN  -- someone else's article, hidden from us: every row was known
      RAISE EXCEPTION 'not_owner' USING ERRCODE = 'insufficient_privilege',
        HINT = 'deskapp:not_owner';
    END IF;
  END IF;
  RETURN jsonb_build_object('id', aid, 'before', CASE WHEN created THEN NULL ELSE before END,
                            'seq', final_seq, 'head', final_head, 'swapped', swapped);
END $$;
"""

# The batch, article by article in id order (so two batches never wait on each other in a
# circle); a refused article is rolled back on its own and named with its reason.
_PUSH = """
CREATE FUNCTION deskapp.push(batch jsonb) RETURNS jsonb
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  a jsonb;
  one jsonb;
  hint text;
  results jsonb := '[]';
BEGIN
  FOR a IN SELECT e FROM jsonb_array_elements(batch) AS e ORDER BY e->>'id' LOOP
    BEGIN
      one := deskapp.push_article(a);
    EXCEPTION
      WHEN insufficient_privilege THEN
        GET STACKED DIAGNOSTICS hint = PG_EXCEPTION_HINT;
        one := jsonb_build_object('id', a->>'id', 'refused',
          CASE WHEN hint LIKE 'deskapp:%' THEN substr(hint, 9) ELSE 'not_owner' END);
      WHEN integrity_constraint_violation OR data_exception THEN
        one := jsonb_build_object('id', a->>'id', 'refused', 'row_invalid');
    END;
    results := results || jsonb_build_array(one);
  END LOOP;
  RETURN results;
END $$;
"""

CONCURRENT_MIGRATION = f"""
ALTER TABLE deskapp.articles ADD COLUMN xid xid8 NOT NULL DEFAULT '1';
CREATE INDEX articles_xid ON deskapp.articles (xid);
CREATE INDEX articles_changed ON deskapp.articles (changed_at, id);  -- older articles, newest first
{_ARTICLES_GUARD}
{_PUSH_ARTICLE}
{_PUSH}
CREATE TABLE deskapp.laptop_syncs (
  signin name PRIMARY KEY,
  last_sync timestamptz NOT NULL,
  syncs bigint NOT NULL DEFAULT 0
);
CREATE FUNCTION deskapp.synced() RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
  INSERT INTO deskapp.laptop_syncs AS s (signin, last_sync, syncs)
    VALUES (session_user, now(), 1)
    ON CONFLICT (signin) DO UPDATE SET last_sync = now(), syncs = s.syncs + 1
$$;
-- articles ``deskapp server check --repair`` could not repair: kept, out of every pull
CREATE TABLE deskapp.quarantine (
  article_id text PRIMARY KEY REFERENCES deskapp.articles (id),
  reason text NOT NULL,
  head_id text,
  found_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION deskapp.quarantine_article(article text, why text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  INSERT INTO deskapp.quarantine (article_id, reason, head_id)
    SELECT id, why, head_id FROM deskapp.articles WHERE id = article
    ON CONFLICT (article_id) DO UPDATE SET reason = EXCLUDED.reason, found_at = now();
  -- no head: a pull passes over it (the guard would refuse a head that is not a revision)
  SET LOCAL session_replication_role = replica;
  UPDATE deskapp.articles SET head_id = NULL, seq = nextval('deskapp.change_seq'),
    xid = pg_current_xact_id(), changed_at = now() WHERE id = article;
  SET LOCAL session_replication_role = origin;
END $$;
REVOKE ALL ON deskapp.laptop_syncs, deskapp.quarantine FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA deskapp FROM PUBLIC;
GRANT EXECUTE ON FUNCTION deskapp.push(jsonb), deskapp.push_article(jsonb), deskapp.synced()
  TO {REPORTER_GROUP}, {EDITOR_GROUP};
"""
