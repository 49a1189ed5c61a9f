"""The newsroom server's schema, versions 1 to 3: tables, roles, row-level security, guards.

Released migrations never change: a server set up by an older Deskapp has run
exactly this SQL. Version 4 is :data:`deskapp.sync.approvals.KEYS_MIGRATION`,
version 5 :mod:`deskapp.sync.schema_checked`, version 6
:mod:`deskapp.sync.schema_concurrent`.
"""

from __future__ import annotations

REPORTER_GROUP = "deskapp_reporter"
EDITOR_GROUP = "deskapp_editor"
SEQ_LOCK = 7_405_100  # advisory lock key held while change numbers were drawn (up to v5)

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
