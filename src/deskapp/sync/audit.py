"""``deskapp server check``: the articles on the server whose rows cannot be merged.

Rows stored before the server checked every row (schema 5), or changed by
hand as its administrator, can still be wrong: tags that are not a list of
words, a revision that does not match its content hash, a head revision that
is not there. A sync skips such an article and names it; this lists them all
for IT, with the same reason codes (words in :mod:`deskapp.sync.messages`).
It also lists articles that begin with the text another person's article
begins with: an id taken over by a colleague shows up here once the
rightful author's laptop has re-keyed its copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deskapp.sync.errors import SyncError
from deskapp.sync.server import MAX_SERVER_REVISIONS, SERVER_SCHEMA_VERSION, server_version

_STATUSES = ("draft", "submitted", "in_review", "approved", "exported", "returned")

# (reason code, SQL selecting the article ids with that problem)
_CHECKS: tuple[tuple[str, str], ...] = (
    ("damaged_tags", "SELECT DISTINCT article_id FROM deskapp.revisions "
                     "WHERE NOT deskapp.is_tags(tags)"),
    ("damaged_hash", "SELECT DISTINCT article_id FROM deskapp.revisions "
                     "WHERE deskapp.is_tags(tags) AND content_hash IS DISTINCT FROM "
                     "deskapp.content_hash(title, lead, body, byline, source, section, tags, "
                     "status)"),
    ("damaged_head", "SELECT a.id FROM deskapp.articles a WHERE a.head_id IS NOT NULL AND "
                     "NOT EXISTS (SELECT 1 FROM deskapp.revisions r WHERE r.id = a.head_id "
                     "AND r.article_id = a.id)"),
    ("damaged", "SELECT DISTINCT article_id FROM deskapp.revisions WHERE NOT deskapp.is_id(id) "
                "OR NOT (status = ANY(%(statuses)s)) OR NOT (deskapp.is_text(title, 10485760) "
                "AND deskapp.is_text(lead, 10485760) AND deskapp.is_text(body, 10485760)) "
                "UNION SELECT article_id FROM deskapp.comments WHERE start IS NULL "
                "OR \"end\" IS NULL OR NOT deskapp.is_id(id) "
                "UNION SELECT article_id FROM deskapp.status_events WHERE NOT deskapp.is_id(id) "
                "OR role NOT IN ('reporter', 'editor') OR NOT (to_status = ANY(%(statuses)s)) "
                "UNION SELECT article_id FROM deskapp.photos "
                "WHERE sha256 <> encode(sha256(data), 'hex')"),
    ("too_many_revisions", "SELECT article_id FROM deskapp.revisions GROUP BY article_id "
                           "HAVING count(*) > %(most)s"),
)

# articles whose first revision has the text of a revision in another person's article
_SAME_TEXT = (
    "SELECT DISTINCT mine.article_id, other.article_id, oa.owner "
    "FROM deskapp.article_roots mine "
    "JOIN deskapp.articles ma ON ma.id = mine.article_id "
    "JOIN deskapp.revisions other ON other.content_hash = mine.content_hash "
    "AND other.article_id <> mine.article_id "
    "JOIN deskapp.articles oa ON oa.id = other.article_id AND oa.owner <> ma.owner")


@dataclass(frozen=True)
class BadArticle:
    """An article a sync would skip (or that shares its first text with another's)."""

    article_id: str
    owner: str
    title: str
    problems: tuple[str, ...]  # reason codes; "same_text:<id>:<owner>" for shared text


def check_articles(conn: Any, server: str = "") -> list[BadArticle]:
    """Every article on the server with a problem, by id (run as the administrator)."""
    found = server_version(conn)
    conn.rollback()
    if found is None:
        raise SyncError("server_not_ready", server=server)
    with conn.cursor() as cur:
        cur.execute("SELECT to_regprocedure('deskapp.content_hash(text, text, text, text, "
                    "text, text, jsonb, text)') IS NOT NULL")
        if not cur.fetchone()[0]:
            conn.rollback()
            raise SyncError("server_too_old", server=server, found=found,
                            known=SERVER_SCHEMA_VERSION)
        problems: dict[str, list[str]] = {}
        params = {"statuses": list(_STATUSES), "most": MAX_SERVER_REVISIONS}
        for code, sql in _CHECKS:
            cur.execute(sql, params)
            for (article_id,) in cur.fetchall():
                problems.setdefault(article_id, []).append(code)
        cur.execute(_SAME_TEXT)
        for article_id, other, owner in cur.fetchall():
            problems.setdefault(article_id, []).append(f"same_text:{other}:{owner}")
        if not problems:
            conn.rollback()
            return []
        cur.execute("SELECT id, owner, title FROM deskapp.articles WHERE id = ANY(%s)",
                    [list(problems)])
        about = {row[0]: (str(row[1]), row[2] or "") for row in cur.fetchall()}
    conn.rollback()
    return [BadArticle(aid, *about.get(aid, ("", "")), tuple(codes))
            for aid, codes in sorted(problems.items())]


@dataclass(frozen=True)
class Repair:
    """What ``deskapp server check --repair`` did to one article."""

    article_id: str
    title: str
    action: str  # "repaired" (head moved to ``revision``) or "quarantined"
    revision: str = ""


def repair_articles(conn: Any, bad: list[BadArticle]) -> list[Repair]:
    """Give each article whose head is missing a head it has, or take it out of every pull.

    The head moves to the article's latest stored revision (by its time, then by when it
    was pushed); an article with no revision left, or whose latest one the server's own
    rules refuse as a head (an approval without its signature), is quarantined: kept, with
    the reason and its old head in ``deskapp.quarantine``, and no head, so pulls pass it
    over. Other damage (a revision failing its hash, unreadable tags) is a revision's and is
    left for IT: the article already costs only itself. Run as the administrator, on a
    server at version 6 or later.
    """
    import psycopg

    found = server_version(conn)
    conn.rollback()
    if found is None or found < 6:  # no quarantine before version 6
        raise SyncError("server_too_old", server="", found=found or 0, known=6)
    done: list[Repair] = []
    for article in bad:
        if "damaged_head" not in article.problems:
            continue
        aid = article.article_id
        with conn.cursor() as cur:
            cur.execute("SELECT id FROM deskapp.revisions WHERE article_id = %s "
                        "ORDER BY created_at DESC, pushed_at DESC LIMIT 1", [aid])
            latest = cur.fetchone()
        conn.rollback()
        if latest is not None:
            try:
                with conn.transaction():
                    conn.execute("UPDATE deskapp.articles SET head_id = %s WHERE id = %s",
                                 [latest[0], aid])
                done.append(Repair(aid, article.title, "repaired", str(latest[0])))
                continue
            except psycopg.errors.InsufficientPrivilege:
                pass  # refused as a head (an unsigned approval): quarantined below
        with conn.transaction():
            conn.execute("SELECT deskapp.quarantine_article(%s, %s)", [aid, "damaged_head"])
        done.append(Repair(aid, article.title, "quarantined"))
    return done
