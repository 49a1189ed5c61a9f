"""The server schema's SQL as Deskapp writes it (no server needed)."""

import re

from deskapp.sync.server import MIGRATIONS


def test_every_guarded_table_has_its_rule_in_the_latest_guard():
    sql = "\n".join(MIGRATIONS)
    guarded = set(re.findall(r"BEFORE INSERT ON deskapp\.(\w+)\s+FOR EACH ROW EXECUTE "
                             r"FUNCTION deskapp\.row_guard", sql))
    latest = sql[sql.rindex("deskapp.row_guard() RETURNS trigger"):]
    latest = latest[:latest.index("END $$;")]
    ruled = set(re.findall(r"WHEN '(\w+)' THEN PERFORM", latest))
    assert guarded == {"revisions", "comments", "status_events", "photos",
                       "comment_resolutions"}
    assert guarded - ruled == {"photos"}  # photos need no rule beyond access


def test_each_version_replaces_the_guard_it_found():
    creates = [m.count("CREATE FUNCTION deskapp.row_guard()") for m in MIGRATIONS]
    replaces = [m.count("CREATE OR REPLACE FUNCTION deskapp.row_guard()") for m in MIGRATIONS]
    assert sum(creates) == 1 and creates.index(1) < replaces.index(1)
