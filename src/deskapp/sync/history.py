"""Older articles on demand: what a library's first pull left on the server.

A first pull from a version 6 server takes the open work (every article not
approved or exported) and whatever changed in the last ``sync_history_days``
days (30 unless set), so a new laptop is at work in minutes whatever the
newsroom's age. It records where it stopped (``settings.sync_older``: the
snapshot that closed that first window and the cut-off time). The rest, the
closed articles last changed before the cut-off, comes here, newest first,
in pages: each page is applied in one local transaction with its place
(``after``: the last article's time and id), so a fetch cut anywhere resumes
where it stopped, and each page's photos are bounded like a pull's. An older
article changed on the server since the first pull is not in this set: the
regular pull brings it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from deskapp.store import Library
from deskapp.sync.bookkeeping import PULL_BATCH, Checkpoint, SyncReport
from deskapp.sync.pull import ARTICLE_COLUMNS, CLOSED, _apply, _fetch
from deskapp.sync.target import OLDER_SETTING


@dataclass(frozen=True)
class OlderProgress:
    """How far the older articles have come: ``fetched`` in this call, ``done`` when none
    is left on the server."""

    fetched: int
    done: bool


def pull_older(library: Library, conn: Any, report: SyncReport, *, most: int = 1000,
               step: Checkpoint | None = None) -> OlderProgress:
    """Fetch up to ``most`` of the older articles (newest first), page by page."""
    from deskapp.sync.server import check_server

    check_server(conn, "")
    state = _state(library)
    if state is None or state.get("done"):
        return OlderProgress(0, True)
    fetched = 0
    while fetched < most:
        page = min(PULL_BATCH, most - fetched)

        def select(cur: Any, state: dict[str, Any] = state, page: int = page):
            params: dict[str, Any] = {"hi": state["hi"], "before": state["before"],
                                      "limit": page}
            where = [f"status IN {CLOSED}", "changed_at < %(before)s::timestamptz",
                     "pg_visible_in_snapshot(xid, %(hi)s::pg_snapshot)"]
            if state.get("after"):
                where.append("(changed_at, id) < (%(at)s::timestamptz, %(id)s)")
                params["at"], params["id"] = state["after"]
            cur.execute(f"SELECT {ARTICLE_COLUMNS}, changed_at FROM deskapp.articles "
                        f"WHERE {' AND '.join(where)} ORDER BY changed_at DESC, id DESC "
                        "LIMIT %(limit)s", params)
            return cur.fetchall(), state["hi"]

        articles, incoming, _hi, cut = _fetch(library, conn, select, True, True)
        done = len(articles) < page and not cut
        last = articles[-1] if articles else None
        state = {**state, "done": done,
                 "after": [last["changed_at"].isoformat(), last["id"]] if last
                 else state.get("after")}
        with library.transaction():
            for item in incoming:
                _apply(library, item, report, set(), True)
            library.set_setting(OLDER_SETTING, json.dumps(state))
        fetched += len(articles)
        if step is not None:
            step("older:applied")
        if done:
            return OlderProgress(fetched, True)
    return OlderProgress(fetched, False)


def _state(library: Library) -> dict[str, Any] | None:
    text = library.get_setting(OLDER_SETTING)
    if not text:
        return None
    try:
        state = json.loads(text)
    except ValueError:
        return None
    return state if isinstance(state, dict) and state.get("hi") else None
