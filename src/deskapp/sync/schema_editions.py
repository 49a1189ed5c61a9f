"""The newsroom server's schema, version 8: page plans (editions) travel like articles.

``deskapp.editions`` holds one row per edition: its id, name and date, the
current page plan (``jsonb``, the plan file's JSON), the plan revision it is
and that revision's parent, and a ``removed`` mark (an edition moved to the
trash travels as a tombstone, like a register entry). Every member of the
newsroom may read every edition (a reporter sees where their story stands);
only editors may add or change one, and nobody but the administrator may
delete a row. The guard stamps each change with its author
(``session_user``), the server's clock and the changing transaction
(``xid``), so a pull finds the plans' changes with the same snapshot
position as the articles'. Two editors changing one edition: the later
write on the server wins (each write takes the row's lock).
"""

from __future__ import annotations

from deskapp.sync.schema_early import EDITOR_GROUP, REPORTER_GROUP

__all__ = ["EDITIONS_MIGRATION", "MAX_SERVER_PLAN_BYTES"]

# The same bound as a plan file (deskapp.makeup.plan.MAX_PLAN_BYTES).
MAX_SERVER_PLAN_BYTES = 2_000_000

EDITIONS_MIGRATION = f"""
CREATE TABLE deskapp.editions (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  date text NOT NULL DEFAULT '' CHECK (length(date) <= 200),
  plan jsonb NOT NULL CHECK (jsonb_typeof(plan) = 'object' AND plan->>'id' = id
                             AND octet_length(plan::text) <= {MAX_SERVER_PLAN_BYTES}),
  revision_id text NOT NULL CHECK (length(revision_id) BETWEEN 1 AND 200),
  parent_id text CHECK (length(parent_id) <= 200),
  removed boolean NOT NULL DEFAULT false,
  changed_by name NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT '1'
);
CREATE INDEX editions_xid ON deskapp.editions (xid);

CREATE FUNCTION deskapp.editions_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF NOT deskapp.is_editor() THEN
    PERFORM deskapp.refuse('editions_editor_only');
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
    PERFORM deskapp.refuse('row_not_allowed');
  END IF;
  NEW.changed_by := session_user;
  NEW.changed_at := clock_timestamp();
  NEW.xid := pg_current_xact_id();
  RETURN NEW;
END $$;
CREATE TRIGGER editions_guard BEFORE INSERT OR UPDATE ON deskapp.editions
  FOR EACH ROW EXECUTE FUNCTION deskapp.editions_guard();

ALTER TABLE deskapp.editions ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON deskapp.editions FOR SELECT USING (true);
CREATE POLICY add ON deskapp.editions FOR INSERT WITH CHECK (deskapp.is_editor());
CREATE POLICY change ON deskapp.editions FOR UPDATE
  USING (deskapp.is_editor()) WITH CHECK (deskapp.is_editor());
REVOKE ALL ON deskapp.editions FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION deskapp.editions_guard() FROM PUBLIC;
GRANT SELECT ON deskapp.editions TO {REPORTER_GROUP}, {EDITOR_GROUP};
GRANT INSERT, UPDATE (name, date, plan, revision_id, parent_id, removed)
  ON deskapp.editions TO {EDITOR_GROUP};
"""
