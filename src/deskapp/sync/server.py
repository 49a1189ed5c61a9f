"""The newsroom server's schema on PostgreSQL: tables, roles and the rules they enforce.

Everything lives in the schema ``deskapp``. Migrations are applied in order
by an administrator (``deskapp server setup``), each in one transaction, and
their count is kept in ``deskapp.meta`` as ``schema_version``: a Deskapp that
finds a newer number refuses to sync instead of writing rows it does not
understand. One that finds an older number syncs as long as it is at least
:data:`OLDEST_SERVER_SCHEMA` (later migrations only tighten the server's
rules), so laptops can be updated before the server. Never edit a released
migration: add a new one.

Access is the server's business, not the window's. Every person signs in as
their own login role, a member of ``deskapp_reporter`` or ``deskapp_editor``.
Row-level security lets reporters read only their own articles; triggers
(``SECURITY DEFINER``, judging ``session_user``) let them add revisions only
to their own drafts or returned articles, with the status draft, returned or
submitted, move their article's head only under the same conditions (and
change nothing else of its row), and add only ``submit`` status events that
are a submit: in the role reporter, from draft or returned to submitted, to a
submitted revision of their own draft. A name in a row (a revision's or
comment's author, an event's user, a resolution's resolver) may not be
another person's sign-in. Whoever can see an article may record that one of
its comments was resolved (``comment_resolutions``, one row per comment, the
first pushed wins).
Editors may do the rest (take, return, approve, export). Nobody but the
administrator may update or delete a revision, comment, event, photo or
comment resolution: they are append-only. The schema's functions are not
executable by PUBLIC; the groups may call only those that row-level
security and the row checks (schema 5) need.

Every change to an article gives it a new ``seq`` from one sequence, drawn
under a transaction-level advisory lock, so sequence order is commit order
and a client that has seen ``seq = n`` has seen every change numbered below
``n`` (its pull cursor).
"""

from __future__ import annotations

import re
from typing import Any

from deskapp.sync.approvals import KEYS_MIGRATION  # version 4: approval signatures
from deskapp.sync.errors import SyncError

SCHEMA = "deskapp"
REPORTER_GROUP = "deskapp_reporter"
EDITOR_GROUP = "deskapp_editor"
SEQ_LOCK = 7_405_100  # advisory lock key held while change numbers are drawn
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

_GROUPS = f"""
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{REPORTER_GROUP}') THEN
    CREATE ROLE {REPORTER_GROUP} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{EDITOR_GROUP}') THEN
    CREATE ROLE {EDITOR_GROUP} NOLOGIN;
  END IF;
END $$;
"""

_V1 = f"""
CREATE SCHEMA deskapp;
REVOKE ALL ON SCHEMA deskapp FROM PUBLIC;
CREATE TABLE deskapp.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE deskapp.change_seq;

CREATE TABLE deskapp.articles (
  id text PRIMARY KEY,
  owner name NOT NULL DEFAULT session_user,
  created_at text NOT NULL,
  target_words integer,
  head_id text,
  status text NOT NULL DEFAULT 'draft',
  title text NOT NULL DEFAULT '',
  section text NOT NULL DEFAULT '',
  byline text NOT NULL DEFAULT '',
  changed_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX articles_seq ON deskapp.articles (seq);
CREATE INDEX articles_desk ON deskapp.articles (status, section, owner);

CREATE TABLE deskapp.revisions (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES deskapp.articles (id),
  parent_id text,
  created_at text NOT NULL,
  author text NOT NULL DEFAULT '',
  kind text NOT NULL,
  content_hash text NOT NULL,
  title text NOT NULL, lead text NOT NULL, body text NOT NULL, byline text NOT NULL,
  source text NOT NULL, section text NOT NULL, tags text NOT NULL, status text NOT NULL,
  pushed_by name NOT NULL DEFAULT session_user,
  pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revisions_article ON deskapp.revisions (article_id);

CREATE TABLE deskapp.comments (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES deskapp.articles (id),
  field text, start integer, "end" integer, quote text, prefix text, suffix text,
  body text, author text, created_at text, resolved_at text, revision_id text,
  pushed_by name NOT NULL DEFAULT session_user,
  pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_article ON deskapp.comments (article_id);

CREATE TABLE deskapp.status_events (
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES deskapp.articles (id),
  revision_id text, at text, "user" text, role text, action text NOT NULL,
  from_status text, to_status text, reason text, note text,
  pushed_by name NOT NULL DEFAULT session_user,
  pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_events_article ON deskapp.status_events (article_id);

CREATE TABLE deskapp.photos (
  article_id text NOT NULL REFERENCES deskapp.articles (id),
  name text NOT NULL,
  caption text NOT NULL DEFAULT '',
  credit text NOT NULL DEFAULT '',
  sha256 text NOT NULL,
  data bytea NOT NULL,
  pushed_by name NOT NULL DEFAULT session_user,
  pushed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, name)
);

CREATE TABLE deskapp.edit_locks (
  article_id text PRIMARY KEY REFERENCES deskapp.articles (id),
  holder name NOT NULL DEFAULT session_user,
  since timestamptz NOT NULL DEFAULT now(),
  host text NOT NULL DEFAULT ''
);

-- who is asking: the signed-in person, whatever role they SET
CREATE FUNCTION deskapp.is_editor() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
  $$ SELECT pg_has_role(session_user, '{EDITOR_GROUP}', 'MEMBER') $$;

CREATE FUNCTION deskapp.owns(article text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
  $$ SELECT EXISTS (SELECT 1 FROM deskapp.articles
                    WHERE id = article AND owner = session_user) $$;

CREATE FUNCTION deskapp.can_see(article text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
  $$ SELECT deskapp.is_editor() OR deskapp.owns(article) $$;

CREATE FUNCTION deskapp.refuse(reason text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', reason USING ERRCODE = 'insufficient_privilege',
    HINT = 'deskapp:' || reason;
END $$;

-- a change to an article: the next number, drawn under the lock (sequence = commit order)
CREATE FUNCTION deskapp.touch(article text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  UPDATE deskapp.articles SET changed_at = now() WHERE id = article;
END $$;

CREATE FUNCTION deskapp.articles_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  head deskapp.revisions%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock({SEQ_LOCK});
  IF TG_OP = 'INSERT' THEN
    NEW.owner := session_user;
    NEW.head_id := NULL;
    NEW.status := 'draft';
    NEW.title := ''; NEW.section := ''; NEW.byline := '';
  ELSE
    IF NEW.id <> OLD.id OR NEW.owner <> OLD.owner OR NEW.created_at <> OLD.created_at THEN
      PERFORM deskapp.refuse('status_follows_head');
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
      IF NOT deskapp.is_editor() THEN
        IF OLD.owner <> session_user THEN
          PERFORM deskapp.refuse('not_owner');
        END IF;
        IF OLD.status NOT IN ('draft', 'returned') THEN
          PERFORM deskapp.refuse('not_draft');
        END IF;
        IF head.status NOT IN ('draft', 'returned', 'submitted') THEN
          PERFORM deskapp.refuse('status_not_allowed');
        END IF;
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
  NEW.seq := nextval('deskapp.change_seq');
  NEW.changed_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER articles_guard BEFORE INSERT OR UPDATE ON deskapp.articles
  FOR EACH ROW EXECUTE FUNCTION deskapp.articles_guard();

CREATE FUNCTION deskapp.revisions_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  art deskapp.articles%ROWTYPE;
BEGIN
  IF EXISTS (SELECT 1 FROM deskapp.revisions WHERE id = NEW.id) THEN
    RETURN NULL;  -- already here: a retried push
  END IF;
  SELECT * INTO art FROM deskapp.articles WHERE id = NEW.article_id;
  IF NOT FOUND THEN
    PERFORM deskapp.refuse('head_unknown');
  END IF;
  IF NOT deskapp.is_editor() THEN
    IF art.owner <> session_user THEN
      PERFORM deskapp.refuse('not_owner');
    END IF;
    IF art.status NOT IN ('draft', 'returned') THEN
      PERFORM deskapp.refuse('not_draft');
    END IF;
    IF NEW.status NOT IN ('draft', 'returned', 'submitted') THEN
      PERFORM deskapp.refuse('status_not_allowed');
    END IF;
  END IF;
  NEW.pushed_by := session_user;
  NEW.pushed_at := now();
  PERFORM deskapp.touch(NEW.article_id);
  RETURN NEW;
END $$;
CREATE TRIGGER revisions_guard BEFORE INSERT ON deskapp.revisions
  FOR EACH ROW EXECUTE FUNCTION deskapp.revisions_guard();

CREATE FUNCTION deskapp.comments_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM deskapp.comments WHERE id = NEW.id) THEN
    RETURN NULL;
  END IF;
  IF NOT deskapp.can_see(NEW.article_id) THEN
    PERFORM deskapp.refuse('not_owner');
  END IF;
  NEW.pushed_by := session_user;
  NEW.pushed_at := now();
  PERFORM deskapp.touch(NEW.article_id);
  RETURN NEW;
END $$;
CREATE TRIGGER comments_guard BEFORE INSERT ON deskapp.comments
  FOR EACH ROW EXECUTE FUNCTION deskapp.comments_guard();

CREATE FUNCTION deskapp.status_events_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM deskapp.status_events WHERE id = NEW.id) THEN
    RETURN NULL;
  END IF;
  IF NOT deskapp.is_editor() THEN
    IF NOT deskapp.owns(NEW.article_id) THEN
      PERFORM deskapp.refuse('not_owner');
    END IF;
    IF NEW.action <> 'submit' THEN
      PERFORM deskapp.refuse('action_not_allowed');
    END IF;
  END IF;
  NEW.pushed_by := session_user;
  NEW.pushed_at := now();
  PERFORM deskapp.touch(NEW.article_id);
  RETURN NEW;
END $$;
CREATE TRIGGER status_events_guard BEFORE INSERT ON deskapp.status_events
  FOR EACH ROW EXECUTE FUNCTION deskapp.status_events_guard();

CREATE FUNCTION deskapp.photos_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM deskapp.photos
             WHERE article_id = NEW.article_id AND name = NEW.name) THEN
    RETURN NULL;
  END IF;
  IF NOT deskapp.can_see(NEW.article_id) THEN
    PERFORM deskapp.refuse('not_owner');
  END IF;
  NEW.pushed_by := session_user;
  NEW.pushed_at := now();
  PERFORM deskapp.touch(NEW.article_id);
  RETURN NEW;
END $$;
CREATE TRIGGER photos_guard BEFORE INSERT ON deskapp.photos
  FOR EACH ROW EXECUTE FUNCTION deskapp.photos_guard();

CREATE FUNCTION deskapp.edit_locks_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF NOT deskapp.can_see(NEW.article_id) THEN
    PERFORM deskapp.refuse('not_owner');
  END IF;
  NEW.holder := session_user;
  NEW.since := now();
  RETURN NEW;
END $$;
CREATE TRIGGER edit_locks_guard BEFORE INSERT OR UPDATE ON deskapp.edit_locks
  FOR EACH ROW EXECUTE FUNCTION deskapp.edit_locks_guard();

ALTER TABLE deskapp.articles ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON deskapp.articles FOR SELECT
  USING (deskapp.is_editor() OR owner = session_user);
CREATE POLICY add ON deskapp.articles FOR INSERT WITH CHECK (owner = session_user);
CREATE POLICY change ON deskapp.articles FOR UPDATE
  USING (deskapp.is_editor() OR owner = session_user);

ALTER TABLE deskapp.edit_locks ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON deskapp.edit_locks FOR SELECT USING (deskapp.can_see(article_id));
CREATE POLICY add ON deskapp.edit_locks FOR INSERT WITH CHECK (deskapp.can_see(article_id));
CREATE POLICY change ON deskapp.edit_locks FOR UPDATE USING (deskapp.can_see(article_id));
CREATE POLICY release ON deskapp.edit_locks FOR DELETE
  USING (holder = session_user OR deskapp.is_editor());

GRANT USAGE ON SCHEMA deskapp TO {REPORTER_GROUP}, {EDITOR_GROUP};
GRANT SELECT ON ALL TABLES IN SCHEMA deskapp TO {REPORTER_GROUP}, {EDITOR_GROUP};
GRANT INSERT ON deskapp.articles, deskapp.revisions, deskapp.comments,
  deskapp.status_events, deskapp.photos, deskapp.edit_locks
  TO {REPORTER_GROUP}, {EDITOR_GROUP};
GRANT UPDATE (head_id, status, title, section, byline, target_words) ON deskapp.articles
  TO {REPORTER_GROUP}, {EDITOR_GROUP};
GRANT UPDATE, DELETE ON deskapp.edit_locks TO {REPORTER_GROUP}, {EDITOR_GROUP};
"""

_ROW_TABLES = ("revisions", "comments", "status_events", "photos")
_RLS_ROWS = "\n".join(
    f"ALTER TABLE deskapp.{t} ENABLE ROW LEVEL SECURITY;\n"
    f"CREATE POLICY see ON deskapp.{t} FOR SELECT USING (deskapp.can_see(article_id));\n"
    f"CREATE POLICY add ON deskapp.{t} FOR INSERT WITH CHECK (deskapp.can_see(article_id));"
    for t in _ROW_TABLES
)

def _row_guard(verb: str, rules: dict[str, str]) -> str:
    """The SQL of the one guard of the append-only tables, for a schema version's tables.

    ``rules`` maps each table to the function that checks its own rows; ``verb`` is
    ``CREATE FUNCTION`` for the first version, ``CREATE OR REPLACE FUNCTION`` after.
    """
    cases = "\n".join(f"    WHEN '{table}' THEN PERFORM deskapp.{rule}(NEW);"
                       for table, rule in rules.items())
    return _ROW_GUARD.replace("{verb}", verb).replace("{cases}", cases)


_ROW_GUARD = """{verb} deskapp.row_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  known boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %s)',
                 TG_TABLE_SCHEMA, TG_TABLE_NAME,
                 (SELECT string_agg(format('%I = ($1).%I', k, k), ' AND ')
                  FROM unnest(TG_ARGV) AS k))
    INTO known USING NEW;
  IF known THEN
    RETURN NULL;
  END IF;
  IF NOT deskapp.can_see(NEW.article_id) THEN
    PERFORM deskapp.refuse('not_owner');
  END IF;
  CASE TG_TABLE_NAME
{cases}
    ELSE NULL;
  END CASE;
  NEW.pushed_by := session_user;
  NEW.pushed_at := now();
  PERFORM deskapp.touch(NEW.article_id);
  RETURN NEW;
END $$;"""
_GUARDED_V2 = {"revisions": "revision_allowed", "comments": "comment_allowed",
               "status_events": "event_allowed"}
_GUARD_V2 = _row_guard("CREATE FUNCTION", _GUARDED_V2)
_GUARD_V3 = _row_guard("CREATE OR REPLACE FUNCTION",
                       {**_GUARDED_V2, "comment_resolutions": "resolution_allowed"})


# Version 2: the rows say who did what truthfully, reporters change only their drafts'
# rows, and the helper functions are no longer anyone's to call.
_V2 = f"""
ALTER DEFAULT PRIVILEGES IN SCHEMA deskapp REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

DROP TRIGGER revisions_guard ON deskapp.revisions;
DROP TRIGGER comments_guard ON deskapp.comments;
DROP TRIGGER status_events_guard ON deskapp.status_events;
DROP TRIGGER photos_guard ON deskapp.photos;
DROP FUNCTION deskapp.revisions_guard();
DROP FUNCTION deskapp.comments_guard();
DROP FUNCTION deskapp.status_events_guard();
DROP FUNCTION deskapp.photos_guard();

-- a reporter changes their article's row only as a save or a submit does (moving the
-- head) and only while it is theirs and a draft or returned; a change of nothing (the
-- touch of a new comment, a retried head swap) is no change
CREATE OR REPLACE FUNCTION deskapp.articles_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  head deskapp.revisions%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock({SEQ_LOCK});
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
  NEW.seq := nextval('deskapp.change_seq');
  NEW.changed_at := now();
  RETURN NEW;
END $$;

-- whether a name in a row is another person's sign-in (of anyone, or of an editor)
CREATE FUNCTION deskapp.names_another(who text, editors_only boolean) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT EXISTS (
    SELECT 1 FROM pg_roles r
    WHERE r.rolname::text = who AND r.rolname <> session_user
      AND (pg_has_role(r.oid, '{EDITOR_GROUP}', 'MEMBER')
           OR (NOT editors_only AND pg_has_role(r.oid, '{REPORTER_GROUP}', 'MEMBER'))))
$$;

CREATE FUNCTION deskapp.revision_allowed(r deskapp.revisions) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  art deskapp.articles%ROWTYPE;
BEGIN
  SELECT * INTO art FROM deskapp.articles WHERE id = r.article_id;
  IF NOT FOUND THEN
    PERFORM deskapp.refuse('head_unknown');
  END IF;
  IF NOT deskapp.is_editor() THEN
    IF art.owner <> session_user THEN
      PERFORM deskapp.refuse('not_owner');
    END IF;
    IF art.status NOT IN ('draft', 'returned') THEN
      PERFORM deskapp.refuse('not_draft');
    END IF;
    IF r.status NOT IN ('draft', 'returned', 'submitted') THEN
      PERFORM deskapp.refuse('status_not_allowed');
    END IF;
  END IF;
  IF deskapp.names_another(r.author, deskapp.is_editor()) THEN
    PERFORM deskapp.refuse('not_yourself');
  END IF;
END $$;

CREATE FUNCTION deskapp.comment_allowed(c deskapp.comments) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF deskapp.names_another(c.author, deskapp.is_editor()) THEN
    PERFORM deskapp.refuse('not_yourself');
  END IF;
END $$;

-- a status event must be the step its action makes; a reporter's only a submit of
-- their own draft or returned article, in their own name, to a submitted revision
CREATE FUNCTION deskapp.event_allowed(e deskapp.status_events) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF NOT coalesce((e.action, e.to_status) IN (
      ('submit', 'submitted'), ('take', 'in_review'), ('return', 'returned'),
      ('approve', 'approved'), ('export', 'exported'), ('reopen', 'in_review')), false)
     OR coalesce(e.role, '') NOT IN ('reporter', 'editor')
  THEN
    PERFORM deskapp.refuse('event_inconsistent');
  END IF;
  IF e.role = 'reporter' AND (e.action <> 'submit'
                              OR coalesce(e.from_status, '') NOT IN ('draft', 'returned')) THEN
    PERFORM deskapp.refuse('action_not_allowed');
  END IF;
  IF deskapp.is_editor() THEN
    -- an editor may carry a reporter's submit (from a package), never another editor's step
    IF deskapp.names_another(e."user", e.role = 'reporter') THEN
      PERFORM deskapp.refuse('not_yourself');
    END IF;
    RETURN;
  END IF;
  IF e.role <> 'reporter' THEN
    PERFORM deskapp.refuse('action_not_allowed');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM deskapp.articles WHERE id = e.article_id
                 AND owner = session_user AND status IN ('draft', 'returned')) THEN
    PERFORM deskapp.refuse('not_draft');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM deskapp.revisions WHERE id = e.revision_id
                 AND article_id = e.article_id AND status = 'submitted') THEN
    PERFORM deskapp.refuse('event_inconsistent');
  END IF;
  IF deskapp.names_another(e."user", false) THEN
    PERFORM deskapp.refuse('not_yourself');
  END IF;
END $$;

-- One guard for the append-only rows, given the table's key columns: skip a row already
-- here (a retried push), check access and the table's own rule, stamp who sent it and
-- when, and give the article a new change number.
{_GUARD_V2}
CREATE TRIGGER revisions_guard BEFORE INSERT ON deskapp.revisions
  FOR EACH ROW EXECUTE FUNCTION deskapp.row_guard('id');
CREATE TRIGGER comments_guard BEFORE INSERT ON deskapp.comments
  FOR EACH ROW EXECUTE FUNCTION deskapp.row_guard('id');
CREATE TRIGGER status_events_guard BEFORE INSERT ON deskapp.status_events
  FOR EACH ROW EXECUTE FUNCTION deskapp.row_guard('id');
CREATE TRIGGER photos_guard BEFORE INSERT ON deskapp.photos
  FOR EACH ROW EXECUTE FUNCTION deskapp.row_guard('article_id', 'name');

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA deskapp FROM PUBLIC;
-- the row-level security policies call these as the person asking
GRANT EXECUTE ON FUNCTION deskapp.is_editor(), deskapp.can_see(text)
  TO {REPORTER_GROUP}, {EDITOR_GROUP};
"""

# Version 3: comment resolutions travel. One row per comment (the first pushed wins,
# append-only like the rest), under the same guard: whoever can see the article may
# resolve its comments (editors any, reporters their own articles' ones, as in the
# library), for a comment of that article already here, in nobody else's name.
_V3 = f"""
CREATE TABLE deskapp.comment_resolutions (
  comment_id text PRIMARY KEY REFERENCES deskapp.comments (id),
  article_id text NOT NULL REFERENCES deskapp.articles (id),
  resolved_at text NOT NULL,
  resolved_by text NOT NULL DEFAULT '',
  pushed_by name NOT NULL DEFAULT session_user,
  pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comment_resolutions_article ON deskapp.comment_resolutions (article_id);

CREATE FUNCTION deskapp.resolution_allowed(r deskapp.comment_resolutions) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM deskapp.comments
                 WHERE id = r.comment_id AND article_id = r.article_id) THEN
    PERFORM deskapp.refuse('comment_unknown');
  END IF;
  IF coalesce(r.resolved_at, '') = '' OR length(r.resolved_at) > 100
     OR length(r.resolved_by) > 500 THEN
    PERFORM deskapp.refuse('resolution_inconsistent');
  END IF;
  IF deskapp.names_another(r.resolved_by, deskapp.is_editor()) THEN
    PERFORM deskapp.refuse('not_yourself');
  END IF;
END $$;

{_GUARD_V3}
CREATE TRIGGER comment_resolutions_guard BEFORE INSERT ON deskapp.comment_resolutions
  FOR EACH ROW EXECUTE FUNCTION deskapp.row_guard('comment_id');

ALTER TABLE deskapp.comment_resolutions ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON deskapp.comment_resolutions FOR SELECT
  USING (deskapp.can_see(article_id));
CREATE POLICY add ON deskapp.comment_resolutions FOR INSERT
  WITH CHECK (deskapp.can_see(article_id));
GRANT SELECT, INSERT ON deskapp.comment_resolutions TO {REPORTER_GROUP}, {EDITOR_GROUP};

REVOKE EXECUTE ON FUNCTION deskapp.resolution_allowed(deskapp.comment_resolutions),
  deskapp.row_guard() FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA deskapp FROM PUBLIC;
"""

# Version 5: every row is checked as it is stored, and an article id is bound to whoever
# created it. Typed columns (``tags`` becomes ``jsonb``), CHECK constraints on ids, fixed
# sets of statuses, actions and roles, sizes, NFC text, and each revision's content hash
# and each photo's SHA-256 recomputed by the server. The constraints are NOT VALID: rows
# already stored stay (a migration never deletes anyone's work) and ``deskapp server
# check`` names them; a ``tags`` text that is not JSON is kept in ``damaged_rows`` and
# the column left NULL. Binding: the first revision stored for an article is recorded in
# ``article_roots`` (id, content hash, author, sign-in); a reporter writing to another
# reporter's article, or reusing a revision id of another article, is refused as
# ``id_taken`` (the client then re-keys its article), and an article holds at most
# MAX_SERVER_REVISIONS revisions (``too_many_revisions``).
MAX_SERVER_REVISIONS = 25_000
_STATUSES = "'draft', 'submitted', 'in_review', 'approved', 'exported', 'returned'"
_V5 = f"""
CREATE FUNCTION deskapp.is_id(v text) RETURNS boolean
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS
  $$ SELECT v ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{{0,99}}$' $$;

CREATE FUNCTION deskapp.as_jsonb(t text) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
BEGIN
  RETURN t::jsonb;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

CREATE FUNCTION deskapp.is_tags(t jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT t IS NOT NULL AND jsonb_typeof(t) = 'array'
    AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(t) e WHERE jsonb_typeof(e) <> 'string')
$$;

-- the library's content hash: SHA-256 of the content as Python's json.dumps(sort_keys=True,
-- ensure_ascii=False) writes it; to_json escapes text exactly as it does
CREATE FUNCTION deskapp.content_hash(title text, lead text, body text, byline text,
    source text, section text, tags jsonb, status text) RETURNS text
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT CASE WHEN jsonb_typeof(tags) = 'array' THEN encode(sha256(convert_to(
    '{{"body": ' || to_json(body)::text || ', "byline": ' || to_json(byline)::text
    || ', "lead": ' || to_json(lead)::text || ', "section": ' || to_json(section)::text
    || ', "source": ' || to_json(source)::text || ', "status": ' || to_json(status)::text
    || ', "tags": [' || coalesce((SELECT string_agg(to_json(e.v)::text, ', ' ORDER BY e.n)
                                  FROM jsonb_array_elements_text(tags)
                                  WITH ORDINALITY AS e(v, n)), '')
    || '], "title": ' || to_json(title)::text || '}}', 'UTF8')), 'hex') END
$$;

CREATE FUNCTION deskapp.is_text(v text, most integer) RETURNS boolean
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS
  $$ SELECT v IS NULL OR (length(v) <= most AND v IS NFC NORMALIZED) $$;

-- rows that could not be kept as they were typed (the original text, for IT)
CREATE TABLE deskapp.damaged_rows (
  table_name text NOT NULL,
  row_id text NOT NULL,
  article_id text,
  column_name text NOT NULL,
  original text,
  found_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (table_name, row_id, column_name)
);
INSERT INTO deskapp.damaged_rows (table_name, row_id, article_id, column_name, original)
  SELECT 'revisions', id, article_id, 'tags', tags FROM deskapp.revisions
  WHERE deskapp.as_jsonb(tags) IS NULL;
ALTER TABLE deskapp.revisions ALTER COLUMN tags DROP NOT NULL;
ALTER TABLE deskapp.revisions ALTER COLUMN tags TYPE jsonb USING deskapp.as_jsonb(tags);

ALTER TABLE deskapp.articles
  ADD CONSTRAINT articles_valid CHECK (
    deskapp.is_id(id) AND status IN ({_STATUSES})
    AND length(created_at) BETWEEN 1 AND 100
    AND (target_words IS NULL OR target_words BETWEEN 0 AND 1000000)) NOT VALID;
ALTER TABLE deskapp.revisions
  ADD CONSTRAINT revisions_ids CHECK (
    deskapp.is_id(id) AND (parent_id IS NULL OR deskapp.is_id(parent_id))) NOT VALID,
  ADD CONSTRAINT revisions_status CHECK (status IN ({_STATUSES})) NOT VALID,
  ADD CONSTRAINT revisions_tags CHECK (deskapp.is_tags(tags)) NOT VALID,
  ADD CONSTRAINT revisions_text CHECK (
    deskapp.is_text(title, 10485760) AND deskapp.is_text(lead, 10485760)
    AND deskapp.is_text(body, 10485760) AND deskapp.is_text(byline, 10485760)
    AND deskapp.is_text(source, 10485760) AND deskapp.is_text(section, 10485760)
    AND length(created_at) BETWEEN 1 AND 100 AND length(author) <= 500
    AND length(kind) BETWEEN 1 AND 100) NOT VALID,
  ADD CONSTRAINT revisions_hash CHECK (
    content_hash = deskapp.content_hash(title, lead, body, byline, source, section, tags,
                                        status)) NOT VALID;
ALTER TABLE deskapp.comments
  ADD CONSTRAINT comments_valid CHECK (
    deskapp.is_id(id) AND start IS NOT NULL AND "end" IS NOT NULL
    AND start >= 0 AND "end" >= start
    AND deskapp.is_text(body, 1048576) AND deskapp.is_text(quote, 10485760)
    AND length(coalesce(author, '')) <= 500) NOT VALID;
ALTER TABLE deskapp.status_events
  ADD CONSTRAINT status_events_valid CHECK (
    deskapp.is_id(id) AND role IN ('reporter', 'editor')
    AND action IN ('submit', 'take', 'return', 'approve', 'export', 'reopen')
    AND to_status IN ({_STATUSES})
    AND coalesce(from_status, '') IN ('', {_STATUSES})
    AND length(coalesce("user", '')) <= 500
    AND deskapp.is_text(reason, 100000) AND deskapp.is_text(note, 100000)
    -- version 4's signature columns (an approval's are checked by status_events_signed)
    AND length(key_id) <= 100 AND length(signature) <= 200) NOT VALID;
ALTER TABLE deskapp.photos
  ADD CONSTRAINT photos_valid CHECK (
    sha256 = encode(sha256(data), 'hex') AND length(name) BETWEEN 1 AND 200
    AND length(caption) <= 2000 AND length(credit) <= 500) NOT VALID;

-- who created each article, as its first stored revision says
CREATE TABLE deskapp.article_roots (
  article_id text PRIMARY KEY REFERENCES deskapp.articles (id),
  revision_id text NOT NULL,
  content_hash text NOT NULL,
  author text NOT NULL,
  pushed_by name NOT NULL
);
CREATE TABLE deskapp.revision_counts (
  article_id text PRIMARY KEY REFERENCES deskapp.articles (id),
  revisions integer NOT NULL
);
INSERT INTO deskapp.revision_counts
  SELECT article_id, count(*) FROM deskapp.revisions GROUP BY article_id;
INSERT INTO deskapp.article_roots
  SELECT DISTINCT ON (r.article_id) r.article_id, r.id, r.content_hash, r.author, r.pushed_by
  FROM deskapp.revisions r ORDER BY r.article_id, r.pushed_at, r.parent_id NULLS FIRST, r.id;

-- before the guard: an article of another reporter, or a revision id of another article,
-- is taken (the guard would say not_owner, or skip the id as a retried push)
CREATE FUNCTION deskapp.revisions_bind() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  holder name;
BEGIN
  IF EXISTS (SELECT 1 FROM deskapp.revisions
             WHERE id = NEW.id AND article_id <> NEW.article_id) THEN
    PERFORM deskapp.refuse('id_taken');
  END IF;
  SELECT owner INTO holder FROM deskapp.articles WHERE id = NEW.article_id;
  IF FOUND AND holder <> session_user AND NOT deskapp.is_editor()
     AND NOT pg_has_role(holder, '{EDITOR_GROUP}', 'MEMBER') THEN
    PERFORM deskapp.refuse('id_taken');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER revisions_bind BEFORE INSERT ON deskapp.revisions
  FOR EACH ROW EXECUTE FUNCTION deskapp.revisions_bind();

-- after the guard (a retried push never gets here): count, and bind the first revision
CREATE FUNCTION deskapp.revisions_limit() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  total integer;
BEGIN
  INSERT INTO deskapp.revision_counts AS c (article_id, revisions)
    VALUES (NEW.article_id, 1)
    ON CONFLICT (article_id) DO UPDATE SET revisions = c.revisions + 1
    RETURNING c.revisions INTO total;
  IF total > {MAX_SERVER_REVISIONS} THEN
    PERFORM deskapp.refuse('too_many_revisions');
  END IF;
  INSERT INTO deskapp.article_roots VALUES (NEW.article_id, NEW.id, NEW.content_hash,
                                            NEW.author, session_user)
    ON CONFLICT (article_id) DO NOTHING;
  RETURN NEW;
END $$;
CREATE TRIGGER revisions_limit BEFORE INSERT ON deskapp.revisions
  FOR EACH ROW EXECUTE FUNCTION deskapp.revisions_limit();

-- the same for comments and status events reusing an id of another article
CREATE FUNCTION deskapp.rows_bind() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  clash boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE id = $1 AND article_id <> $2)',
                 TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO clash USING NEW.id, NEW.article_id;
  IF clash THEN
    PERFORM deskapp.refuse('id_taken');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER comments_bind BEFORE INSERT ON deskapp.comments
  FOR EACH ROW EXECUTE FUNCTION deskapp.rows_bind();
CREATE TRIGGER status_events_bind BEFORE INSERT ON deskapp.status_events
  FOR EACH ROW EXECUTE FUNCTION deskapp.rows_bind();

ALTER TABLE deskapp.article_roots ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON deskapp.article_roots FOR SELECT USING (deskapp.can_see(article_id));
GRANT SELECT ON deskapp.article_roots TO {REPORTER_GROUP}, {EDITOR_GROUP};
REVOKE ALL ON deskapp.revision_counts, deskapp.damaged_rows FROM PUBLIC;
GRANT SELECT ON deskapp.damaged_rows TO {EDITOR_GROUP};
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA deskapp FROM PUBLIC;
-- the CHECK constraints call these as the person inserting: pure functions of their input
GRANT EXECUTE ON FUNCTION deskapp.is_id(text), deskapp.is_tags(jsonb),
  deskapp.is_text(text, integer),
  deskapp.content_hash(text, text, text, text, text, text, jsonb, text)
  TO {REPORTER_GROUP}, {EDITOR_GROUP};
"""

# Version 4 is KEYS_MIGRATION (approval signatures, deskapp.sync.approvals).
MIGRATIONS: list[str] = [_V1 + _RLS_ROWS, _V2, _V3, KEYS_MIGRATION, _V5]
SERVER_SCHEMA_VERSION = len(MIGRATIONS)
# The oldest server schema this Deskapp syncs with: later migrations only tighten the
# server's rules, so a newer Deskapp keeps working until IT runs ``deskapp server setup``.
OLDEST_SERVER_SCHEMA = 1
# The first server schema that carries comment resolutions; with an older one they wait
# here (not marked as sent) until IT runs ``deskapp server setup``.
RESOLUTIONS_SCHEMA = 3


def server_version(conn: Any) -> int | None:
    """The schema version on the server, or ``None`` when Deskapp was never set up there."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('deskapp.meta') IS NOT NULL")
        if not cur.fetchone()[0]:
            return None
        cur.execute("SELECT value FROM deskapp.meta WHERE key = 'schema_version'")
        row = cur.fetchone()
    return int(row[0]) if row else None


def check_schema(conn: Any, server: str) -> str:
    """Refuse a server this Deskapp cannot sync with; return the server's id."""
    return check_server(conn, server)[0]


def check_server(conn: Any, server: str) -> tuple[str, int]:
    """Refuse a server this Deskapp cannot sync with; return its id and schema version."""
    found = server_version(conn)
    conn.rollback()
    if found is None:
        raise SyncError("server_not_ready", server=server)
    if found > SERVER_SCHEMA_VERSION:
        raise SyncError("server_too_new", server=server, found=found,
                        known=SERVER_SCHEMA_VERSION)
    if found < OLDEST_SERVER_SCHEMA:
        raise SyncError("server_too_old", server=server, found=found,
                        known=OLDEST_SERVER_SCHEMA)
    with conn.cursor() as cur:
        cur.execute("SELECT value FROM deskapp.meta WHERE key = 'server_id'")
        row = cur.fetchone()
    conn.rollback()
    return (str(row[0]) if row else ""), found


def setup_server(conn: Any, server: str = "") -> int:
    """Create or upgrade the schema (as an administrator); return how many migrations ran.

    Each migration runs in its own transaction with its version number, so a
    failure leaves the previous version intact. A newer schema is refused.
    """
    import uuid

    found = server_version(conn) or 0
    conn.rollback()
    if found > SERVER_SCHEMA_VERSION:
        raise SyncError("server_too_new", server=server, found=found,
                        known=SERVER_SCHEMA_VERSION)
    with conn.transaction():
        conn.execute(_GROUPS)
    for number, sql in enumerate(MIGRATIONS, start=1):
        if number <= found:
            continue
        with conn.transaction():
            conn.execute(f"SELECT pg_advisory_xact_lock({SEQ_LOCK})")
            conn.execute(sql)
            conn.execute(
                "INSERT INTO deskapp.meta (key, value) VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [str(number)])
            conn.execute(
                "INSERT INTO deskapp.meta (key, value) VALUES ('server_id', %s) "
                "ON CONFLICT (key) DO NOTHING", [str(uuid.uuid4())])
    return SERVER_SCHEMA_VERSION - found


def check_admin(conn: Any, server: str, *, setup: bool) -> None:
    """Refuse (``server_not_admin``) a sign-in that cannot create roles (and, for setup, schemas).

    Asked before anything is changed or a password is asked for: run by a
    reporter, ``setup`` would otherwise find nothing it may do and report
    "0 migrations applied".
    """
    query = ("SELECT current_user, rolsuper OR (rolcreaterole AND "
             "has_database_privilege(current_database(), 'CREATE')) "
             "FROM pg_roles WHERE rolname = current_user") if setup else (
        "SELECT current_user, rolsuper OR rolcreaterole FROM pg_roles "
        "WHERE rolname = current_user")
    with conn.cursor() as cur:
        cur.execute(query)
        row = cur.fetchone()
    conn.rollback()
    if row is None or not row[1]:
        raise SyncError("server_not_admin", server=server,
                        user=row[0] if row else "?")


def check_user_name(name: str) -> None:
    """Refuse a sign-in name PostgreSQL would need quoting for (``user_name_invalid``)."""
    if not _ROLE_NAME.fullmatch(name):
        raise SyncError("user_name_invalid", name=name)


def user_exists(conn: Any, name: str) -> bool:
    """Whether a role of this name is already on the server (a person's, or any other)."""
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name])
        found = cur.fetchone() is not None
    conn.rollback()
    return found


def add_user(conn: Any, name: str, password: str, role: str) -> None:
    """Create a sign-in for one person (as an administrator) in the reporters' or editors' group.

    Raises :class:`SyncError` ``user_name_invalid`` or ``user_exists``.
    """
    import psycopg
    from psycopg import sql

    check_user_name(name)
    group = EDITOR_GROUP if role == "editor" else REPORTER_GROUP
    try:
        with conn.transaction():
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(name), sql.Literal(password), sql.Identifier(group)))
    except psycopg.errors.DuplicateObject:
        raise SyncError("user_exists", name=name) from None
