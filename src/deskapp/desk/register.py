"""Filling the name register from approved articles, on an editor's request.

:func:`approved_candidates` reads the approved (and exported) articles and
proposes the people, bodies and places they name, each in the spelling the
articles use most; :func:`add_candidates` registers those the register does
not know yet (an entry an editor removed is not brought back). Reading takes
any ``sqlite3`` connection to the library, so the window reads on a worker
through a connection of its own and writes on the UI thread.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from deskapp.proof.house import name_key, rules_data
from deskapp.proof.phrases import PhraseIndex, joined
from deskapp.proof.short_names import full_names
from deskapp.proof.words import Word, field_texts, words
from deskapp.store.names import NameEntry, NameRegisterError, clean_name, set_name

APPROVED = ("approved", "exported")
_MAX_PLACE_WORDS = 4


@dataclass(frozen=True)
class Candidate:
    name: str
    kind: str
    count: int  # in how many places the approved articles use this spelling


class _Text:
    def __init__(self, title: str, lead: str, body: str) -> None:
        self.title, self.lead, self.body, self.byline = title, lead, body, ""


def approved_candidates(conn: sqlite3.Connection) -> list[Candidate]:
    """Names the approved articles use, one spelling per name (the most frequent)."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    rows = conn.execute(
        "SELECT title, lead, body FROM articles WHERE deleted_at IS NULL AND status IN "
        f"({', '.join('?' * len(APPROVED))})", APPROVED)
    for title, lead, body in rows:
        for name, kind in names_in(_Text(title or "", lead or "", body or "")):
            counts[(name_key(name), kind)][name] += 1
    found = []
    for (_key, kind), spellings in counts.items():
        name, _ = max(spellings.items(), key=lambda item: (item[1], item[0]))
        found.append(Candidate(name, kind, sum(spellings.values())))
    return sorted(found, key=lambda c: (c.kind, name_key(c.name)))


def names_in(article: Any) -> list[tuple[str, str]]:
    """(name, kind) for each person, body and place ``article`` names."""
    fields = field_texts(article, ("title", "lead", "body"))
    texts = {f.name: f.text for f in fields}
    all_words = [w for f in fields for w in words(f)]
    found: list[tuple[str, str]] = []
    for first, last in full_names(all_words, texts):
        found.append((_span(all_words, texts, first, last), "person"))
    units, bodies = _unit_index(), _body_index()
    for i in range(len(all_words)):
        unit = units.match_at(all_words, texts, i)
        if unit is None:
            continue
        last = _capitalised_run(all_words, texts, unit.last + 1)
        if last is None:
            continue
        found.append((_span(all_words, texts, unit.last + 1, last), "place"))
        body = _body_ending_at(bodies, all_words, texts, i - 1)
        if body is not None:
            found.append((_span(all_words, texts, body, last), "body"))
    return [(n, k) for n, k in found if _acceptable(n)]


def add_candidates(library: Any, candidates: list[Candidate], *, user: str) -> list[NameEntry]:
    """Register the candidates whose name has no entry yet (removed ones included)."""
    known = {row[0] for row in library.conn.execute("SELECT key FROM name_register")}
    added = []
    with library.transaction():
        for candidate in candidates:
            if name_key(candidate.name) in known:
                continue
            added.append(set_name(library, candidate.name, kind=candidate.kind, user=user,
                                  note=""))
            known.add(name_key(candidate.name))
    return added


def fill_from_approved(library: Any, *, user: str) -> list[NameEntry]:
    """Both steps on one connection (the command line)."""
    return add_candidates(library, approved_candidates(library.conn), user=user)


# ---------------------------------------------------------------- helpers

def _unit_index() -> PhraseIndex[str]:
    words_ = rules_data("capitals").get("units", {}).get("words", [])
    return PhraseIndex((u, u) for u in words_)


def _body_index() -> PhraseIndex[str]:
    entries = rules_data("capitals").get("name", [])
    return PhraseIndex((e["name"], e["name"]) for e in entries if e.get("takes_unit"))


def _body_ending_at(bodies: PhraseIndex[str], all_words: list[Word], texts: dict[str, str],
                    end: int) -> int | None:
    for start in range(max(0, end - 6), end + 1):
        match = bodies.match_at(all_words, texts, start)
        if match is not None and match.last == end and joined(all_words, texts, end, end + 1):
            return start
    return None


def _capitalised_run(all_words: list[Word], texts: dict[str, str], at: int) -> int | None:
    if at >= len(all_words) or not all_words[at].capitalised or all_words[at].text.isupper() \
            or not joined(all_words, texts, at - 1, at):
        return None
    last = at
    while (last + 1 < len(all_words) and last + 1 - at < _MAX_PLACE_WORDS
           and all_words[last + 1].capitalised and not all_words[last + 1].text.isupper()
           and joined(all_words, texts, last, last + 1)):
        last += 1
    return last


def _span(all_words: list[Word], texts: dict[str, str], first: int, last: int) -> str:
    return texts[all_words[first].field][all_words[first].start:all_words[last].end]


def _acceptable(name: str) -> bool:
    try:
        clean_name(name)
    except NameRegisterError:  # a candidate the register refuses is simply not proposed
        return False
    return True
