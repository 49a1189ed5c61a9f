"""The newsroom server's schema, version 7: the name register travels like articles.

``deskapp.names`` holds the desk's register (people, bodies and places with
their approved spelling), one row per name key (what every spelling of one
name shares, :func:`deskapp.proof.house.name_key`). Every member of the
newsroom may read it; only editors may add or change a row, and nobody but
the administrator may delete one: a removal is a row marked ``removed`` (a
tombstone), so it reaches every laptop like an addition. The guard stamps
each change with its author (``session_user``), the server's clock and the
changing transaction (``xid``), so a pull finds the register's changes with
the same snapshot position as the articles'. Two editors changing one name:
the later write on the server wins (each write takes the row's lock, so the
later one sees and replaces the earlier).
"""

from __future__ import annotations

from deskapp.sync.schema_early import EDITOR_GROUP, REPORTER_GROUP

__all__ = ["NAMES_MIGRATION"]

NAMES_MIGRATION = f"""
CREATE TABLE deskapp.names (
  key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 800),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('person', 'body', 'place')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  removed boolean NOT NULL DEFAULT false,
  changed_by name NOT NULL DEFAULT session_user,
  changed_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT '1'
);
CREATE INDEX names_xid ON deskapp.names (xid);

CREATE FUNCTION deskapp.names_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF NOT deskapp.is_editor() THEN
    PERFORM deskapp.refuse('names_editor_only');
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.key <> OLD.key THEN
    PERFORM deskapp.refuse('row_not_allowed');
  END IF;
  NEW.changed_by := session_user;
  NEW.changed_at := clock_timestamp();
  NEW.xid := pg_current_xact_id();
  RETURN NEW;
END $$;
CREATE TRIGGER names_guard BEFORE INSERT OR UPDATE ON deskapp.names
  FOR EACH ROW EXECUTE FUNCTION deskapp.names_guard();

ALTER TABLE deskapp.names ENABLE ROW LEVEL SECURITY;
CREATE POLICY see ON deskapp.names FOR SELECT USING (true);
CREATE POLICY add ON deskapp.names FOR INSERT WITH CHECK (deskapp.is_editor());
CREATE POLICY change ON deskapp.names FOR UPDATE
  USING (deskapp.is_editor()) WITH CHECK (deskapp.is_editor());
REVOKE ALL ON deskapp.names FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION deskapp.names_guard() FROM PUBLIC;
GRANT SELECT ON deskapp.names TO {REPORTER_GROUP}, {EDITOR_GROUP};
GRANT INSERT, UPDATE (name, kind, note, removed) ON deskapp.names TO {EDITOR_GROUP};
"""
