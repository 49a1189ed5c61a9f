"""The newsroom server's schema, version 5: every row checked as it is stored."""

from __future__ import annotations

from deskapp.sync.schema_early import EDITOR_GROUP, REPORTER_GROUP

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
