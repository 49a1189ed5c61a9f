"""Full-text search in the library, blind to tones and marks.

The ``articles_fts`` index (see the ``0002_articles_fts`` migration) holds
folded text, so "quy che dan chu", "Quy Chế" and "QUY CHE" all find
"quy chế dân chủ", and "duong" finds "đường". Folding loses information a
person typed on purpose, though: someone who types "đường" wants "đường"
before "dương" or "đương". Ranking adds that back by looking for the words as
typed in the original text of the best candidates.

Two orders serve two uses:

* ``"updated"`` is the filter-as-you-type: the index is walked newest-first
  and the walk stops after ``limit`` hits, so a query matching most of the
  archive costs no more than a rare one.
* ``"relevance"`` ranks with BM25, but only among the newest
  ``RANKED_CANDIDATES`` matches. Scoring every match of a broad query ("nam")
  in a big archive would take far longer than a person waits; recent articles
  are also the likelier target in a newsroom.

Query words are reduced to letters and digits before they reach FTS5, so
quotes, ``*``, ``-``, ``NEAR(`` or parentheses typed by a person are never
read as query syntax.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from deskapp.model import Article
from deskapp.text import fold, nfc

if TYPE_CHECKING:
    from sqlite_utils import Database

Order = Literal["relevance", "updated"]

INDEXED_FIELDS = ("title", "lead", "body", "byline", "source", "section")
# BM25 weights, in index column order (article_id first, never matched).
# A word in the headline says more about an article than the same word in the body.
_BM25_WEIGHTS = (0.0, 10.0, 4.0, 1.0, 2.0, 1.0, 1.0)
# Where a snippet is looked for first: the headline is shown beside it anyway.
_SNIPPET_FIELDS = ("lead", "body", "title", "byline", "source", "section")

RANKED_CANDIDATES = 1000
MAX_QUERY_WORDS = 12
SNIPPET_WIDTH = 160

_WORD = re.compile(r"(?:[^\W_][\u0300-\u036f]*)+")
_TOKEN = re.compile(r"[^\W_]+")
_LINE_MARKER = re.compile(r"[ \t]*(?:#{1,6}|>|[-+*]|\d+\.)[ \t]+")
_EMPHASIS = ("*", "_", "`")
_NOT_WORD_AFTER = r"(?![^\W_])"


@dataclass(frozen=True)
class SearchHit:
    """One article found, with an excerpt to show under its headline.

    ``highlights`` are ``(start, end)`` offsets of the matched words in
    ``snippet``; :meth:`marked` wraps them in markers for plain-text output.
    ``score`` is higher for better matches and 0 when nothing was ranked.
    """

    id: str
    title: str
    status: str
    updated_at: str
    snippet: str
    score: float
    highlights: tuple[tuple[int, int], ...] = ()

    def marked(self, open_mark: str = "«", close_mark: str = "»") -> str:
        """The snippet with every highlighted span wrapped in ``open_mark``…``close_mark``."""
        parts: list[str] = []
        last = 0
        for start, end in self.highlights:
            parts += [self.snippet[last:start], open_mark, self.snippet[start:end], close_mark]
            last = end
        parts.append(self.snippet[last:])
        return "".join(parts)


@dataclass(frozen=True)
class ParsedQuery:
    """A query as typed, reduced to safe words.

    ``typed`` keeps each word as typed (NFC, case-folded) to reward exact
    spellings; ``folded`` is what the index is asked for. The last word is a
    prefix while it is still being typed (no space after it yet).
    """

    typed: tuple[str, ...]
    folded: tuple[str, ...]
    prefix_last: bool

    @property
    def empty(self) -> bool:
        return not self.folded

    def match_expression(self) -> str:
        """An FTS5 MATCH string: every word must occur; each quoted, so none is syntax."""
        terms = [f'"{word}"' for word in self.folded]
        if self.prefix_last:
            terms[-1] += "*"
        return " ".join(terms)

    def marked_words(self) -> tuple[str, ...]:
        """Words typed with tones, marks or đ: the ones whose exact spelling is rewarded."""
        return tuple(t for t, f in zip(self.typed, self.folded, strict=True) if t != f)


def parse_query(query: str) -> ParsedQuery:
    """Split a typed query into words the index understands, dropping all syntax."""
    text = nfc(query)
    typed: list[str] = []
    folded: list[str] = []
    for word in _WORD.findall(text):
        for piece in _TOKEN.findall(fold(word)):
            typed.append(word.casefold())
            folded.append(piece)
    typed, folded = typed[:MAX_QUERY_WORDS], folded[:MAX_QUERY_WORDS]
    ends_in_word = bool(text) and bool(_TOKEN.fullmatch(fold(text[-1])))
    return ParsedQuery(tuple(typed), tuple(folded), prefix_last=ends_in_word and bool(folded))


# ---- indexing ----------------------------------------------------------------
def index_article(db: Database, article: Article) -> None:
    """(Re)write the index entry of ``article``; call inside the transaction that stores it.

    The new entry gets the highest rowid so the index stays in order of last change.
    """
    unindex_article(db, article.id)
    rowid = _next_rowid(db)
    folded = [fold(getattr(article, name) or "") for name in INDEXED_FIELDS]
    db.execute(
        "INSERT INTO articles_fts (rowid, article_id, title, lead, body, byline, source, section) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [rowid, article.id, *folded],
    )
    db.execute(
        "INSERT INTO articles_fts_rowid (article_id, fts_rowid) VALUES (?, ?)", [article.id, rowid]
    )


def unindex_article(db: Database, article_id: str) -> None:
    """Remove the index entry of an article, if it has one."""
    row = db.execute(
        "SELECT fts_rowid FROM articles_fts_rowid WHERE article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        return
    db.execute("DELETE FROM articles_fts WHERE rowid = ?", [row[0]])
    db.execute("DELETE FROM articles_fts_rowid WHERE article_id = ?", [article_id])


def _next_rowid(db: Database) -> int:
    row = db.execute("SELECT max(fts_rowid) FROM articles_fts_rowid").fetchone()
    return (row[0] or 0) + 1


# ---- searching ---------------------------------------------------------------
def search(db: Database, query: str, *, limit: int = 200, trashed: bool = False,
           order: Order = "relevance", offset: int = 0, status: str = "") -> list[SearchHit]:
    """Articles matching every word of ``query``; see the module docstring for ``order``.

    ``trashed`` searches the trash instead of the live articles, as
    ``Library.list`` does; ``status`` keeps one status only. An empty query
    lists the newest articles. ``offset`` skips that many hits first, so a
    list can show the hits a page at a time (snippets are made only for the
    page asked for).
    """
    if order not in ("relevance", "updated"):
        raise ValueError(f"unknown search order: {order!r}")
    limit, offset = max(0, int(limit)), max(0, int(offset))
    parsed = parse_query(query)
    where = _where(trashed, status)
    if parsed.empty or limit == 0:
        return _newest(db, limit, where, offset)
    if order == "updated":
        rows = _matches(db, parsed, where, limit, ranked=False, offset=offset)
        return [_hit(row, parsed, 0.0) for row in rows]
    rows = _matches(db, parsed, where, max(limit + offset, RANKED_CANDIDATES), ranked=True)
    scored = _rank(rows, parsed)[offset:offset + limit]
    texts = _texts(db, [row["id"] for row, _ in scored if "body" not in row])
    return [_hit(row | texts.get(row["id"], {}), parsed, score) for row, score in scored]


def _where(trashed: bool, status: str) -> tuple[str, list[Any]]:
    """The condition on ``articles a`` for the trash (or not) and one status (or all)."""
    sql = "a.deleted_at IS NOT NULL" if trashed else "a.deleted_at IS NULL"
    return (sql + " AND a.status = ?", [status]) if status else (sql, [])


def _newest(db: Database, limit: int, where: tuple[str, list[Any]],
            offset: int = 0) -> list[SearchHit]:
    sql = (
        "SELECT a.id, a.title, a.status, a.updated_at, a.lead, a.body FROM articles a "
        f"WHERE {where[0]} ORDER BY a.updated_at DESC LIMIT ? OFFSET ?"
    )
    empty = ParsedQuery((), (), prefix_last=False)
    return [_hit(row, empty, 0.0) for row in _query(db, sql, [*where[1], limit, offset])]


def _matches(db: Database, parsed: ParsedQuery, where: tuple[str, list[Any]], count: int,
             ranked: bool, offset: int = 0) -> list[dict[str, Any]]:
    """The newest ``count`` matches, walking the index in descending rowid order.

    Ranked: with their BM25 (negative, lower is better) and no texts, which are
    fetched later for the few that are shown. Unranked: with the texts the
    snippets need.
    """
    if ranked:
        weights = ", ".join(str(w) for w in _BM25_WEIGHTS)
        columns = f"f.rowid AS fts_rowid, bm25(articles_fts, {weights}) AS bm25"
        if parsed.marked_words():
            columns += ", " + ", ".join(f"a.{name}" for name in INDEXED_FIELDS)
    else:
        columns = "a.lead, a.body"
    sql = (
        f"SELECT a.id, a.title, a.status, a.updated_at, {columns} "
        "FROM articles_fts f JOIN articles a ON a.id = f.article_id "
        f"WHERE articles_fts MATCH ? AND {where[0]} "
        "ORDER BY f.rowid DESC LIMIT ? OFFSET ?"
    )
    return _query(db, sql, [parsed.match_expression(), *where[1], count, offset])


def _rank(rows: list[dict[str, Any]], parsed: ParsedQuery) -> list[tuple[dict[str, Any], float]]:
    """Order candidates by BM25 scaled to (0, 1], plus up to 1 for words spelled as typed.

    Scaling to the best candidate makes the bonus comparable across queries:
    an article with every marked word spelled as typed outranks any article
    that only matches once folded, which is what typing the marks asks for.
    """
    if not rows:
        return []
    best = min(row["bm25"] for row in rows)
    spellings = _spellings(parsed)
    scored = []
    for row in rows:
        relevance = row["bm25"] / best if best < 0 else 1.0
        bonus = _spelled_fraction(row, spellings) if spellings else 0.0
        scored.append((row, round(relevance + bonus, 6)))
    scored.sort(key=lambda item: (-item[1], -item[0]["fts_rowid"]))
    return scored


@dataclass(frozen=True)
class _Spelling:
    """A word typed with marks, in the case variants text usually has it in."""

    variants: tuple[str, ...]
    whole_word: bool


def _spellings(parsed: ParsedQuery) -> list[_Spelling]:
    last = parsed.typed[-1] if parsed.typed else None
    spellings = []
    for word in dict.fromkeys(parsed.marked_words()):
        variants = tuple(dict.fromkeys((word, word[:1].upper() + word[1:], word.upper())))
        spellings.append(_Spelling(variants, not (parsed.prefix_last and word == last)))
    return spellings


def _spelled_fraction(row: dict[str, Any], spellings: Sequence[_Spelling]) -> float:
    text = "\n".join(row.get(name) or "" for name in INDEXED_FIELDS)
    return sum(1 for s in spellings if _spelled_in(text, s)) / len(spellings)


def _spelled_in(text: str, spelling: _Spelling) -> bool:
    """Whether ``text`` has the word as typed (lower, Capitalized or UPPER case).

    Plain substring search with a word-boundary check on the hits: candidates
    are hundreds of full articles, and a case-insensitive regex is several
    times slower over that much text.
    """
    for variant in spelling.variants:
        at = text.find(variant)
        while at != -1:
            end = at + len(variant)
            starts_word = at == 0 or not _is_word_char(text[at - 1])
            ends_word = end == len(text) or not _is_word_char(text[end])
            if starts_word and (ends_word or not spelling.whole_word):
                return True
            at = text.find(variant, at + 1)
    return False


def _texts(db: Database, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored texts of a few articles, for snippets (in chunks, under SQLite's limit)."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        columns = ", ".join(INDEXED_FIELDS)
        sql = f"SELECT id, {columns} FROM articles WHERE id IN ({marks})"
        for row in _query(db, sql, chunk):
            found[row["id"]] = row
    return found


def _query(db: Database, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    try:
        return list(db.query(sql, params))
    except sqlite3.OperationalError as exc:
        # Words are quoted, so a syntax error here would be a bug; a query too
        # complex for FTS5 is not worth a crash in a search box either.
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            return []
        raise


# ---- snippets ----------------------------------------------------------------
def _hit(row: dict[str, Any], parsed: ParsedQuery, score: float) -> SearchHit:
    snippet, spans = make_snippet([row.get(name) or "" for name in _SNIPPET_FIELDS], parsed)
    return SearchHit(
        id=row["id"],
        title=nfc(row.get("title") or ""),
        status=row.get("status") or "",
        updated_at=row.get("updated_at") or "",
        snippet=snippet,
        score=score,
        highlights=spans,
    )


def make_snippet(texts: Iterable[str], parsed: ParsedQuery,
                 width: int = SNIPPET_WIDTH) -> tuple[str, tuple[tuple[int, int], ...]]:
    """An excerpt of about ``width`` characters around the first match, with match spans.

    The first text with a match wins; without one, the start of the first
    non-empty text is shown. Markdown markers are dropped and whitespace
    collapsed so the excerpt reads as one line. Only a window around the match
    is cleaned: bodies are long and a result list shows hundreds of excerpts.
    """
    pattern = _fuzzy_pattern(parsed.folded, parsed.prefix_last) if not parsed.empty else None
    first_text = ""
    for text in texts:
        first_text = first_text or (text if text.strip() else "")
        match = _first_word_match(pattern, text) if pattern else None
        if match is not None:
            return _excerpt(text, match, width, pattern)
    return _excerpt(first_text, 0, width, None)


def _first_word_match(pattern: re.Pattern[str], text: str, start: int = 0) -> int | None:
    """Where the first match that begins a word starts.

    The word-start test is done here rather than as a look-behind in the
    pattern: a leading look-behind stops the regex engine from skipping
    ahead to the first possible letter and makes the scan several times slower.
    """
    for match in pattern.finditer(text, start):
        at = match.start()
        if at == 0 or not _is_word_char(text[at - 1]):
            return at
    return None


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.combining(ch) > 0


def _excerpt(text: str, at: int, width: int,
             pattern: re.Pattern[str] | None) -> tuple[str, tuple[tuple[int, int], ...]]:
    low = _word_start_before(text, at - width)
    high = min(len(text), at + 2 * width)
    window = nfc(_plain(text[low:high]))
    focus = (_first_word_match(pattern, window) if pattern else None) or 0
    start = _word_start_before(window, focus - width // 3)
    end = min(len(window), start + width)
    cut_short = end < len(window) or high < len(text)
    if cut_short:  # end on a whole word
        space = window.rfind(" ", focus + 1, end + 1)
        end = space if space != -1 else end
    snippet = window[start:end].strip()
    if start > 0 or low > 0:
        snippet = "…" + snippet
    if cut_short:
        snippet += "…"
    return snippet, _spans(pattern, snippet) if pattern else ()


def _word_start_before(text: str, at: int) -> int:
    """The start of the word that contains ``at`` (0 for the text's start)."""
    if at <= 0:
        return 0
    space = text.rfind(" ", 0, at)
    newline = text.rfind("\n", 0, at)
    return max(space, newline) + 1


def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    at: int | None = 0
    while at is not None and at < len(text):
        at = _first_word_match(pattern, text, at)
        if at is None:
            break
        match = pattern.match(text, at)
        assert match is not None
        spans.append(match.span())
        at = max(match.end(), at + 1)
    return tuple(spans)


def _plain(text: str) -> str:
    """Markdown as it reads: no heading, quote or list markers, no emphasis, one line."""
    text = " ".join(_without_marker(line) for line in text.split("\n"))
    for mark in _EMPHASIS:  # str.replace is far quicker than str.translate here
        if mark in text:
            text = text.replace(mark, "")
    return " ".join(text.split())


def _without_marker(line: str) -> str:
    marker = _LINE_MARKER.match(line)
    return line[marker.end():] if marker else line


@lru_cache(maxsize=256)
def _fuzzy_pattern(folded: tuple[str, ...], prefix_last: bool) -> re.Pattern[str]:
    """A pattern finding the query words in original text, whatever their tones and case.

    Combining marks may follow any letter so text that escaped NFC still matches.
    The caller checks that a match starts a word (see :func:`_first_word_match`).
    """
    words = dict.fromkeys(folded)
    alternatives = []
    for word in words:
        body = "".join(_letter_class(ch) + "[\u0300-\u036f]*" for ch in word)
        is_prefix = prefix_last and word == folded[-1]
        alternatives.append(body + ("" if is_prefix else _NOT_WORD_AFTER))
    alternatives.sort(key=len, reverse=True)
    return re.compile("(?:" + "|".join(alternatives) + ")")


def _letter_class(folded_char: str) -> str:
    variants = _FOLD_VARIANTS.get(folded_char)
    if not variants:
        return re.escape(folded_char)
    return "[" + "".join(re.escape(v) for v in variants) + "]"


def _fold_variants() -> dict[str, str]:
    """Every precomposed Latin letter, grouped by the one letter it folds to.

    Covers Latin-1, Latin Extended-A/B and Latin Extended Additional, where
    all the Vietnamese letters live.
    """
    variants: dict[str, list[str]] = {}
    for low, high in ((0x20, 0x250), (0x1E00, 0x1F00)):
        for code in range(low, high):
            ch = chr(code)
            if not ch.isalnum():
                continue
            folded = fold(ch)
            if len(folded) == 1 and folded.isascii():
                variants.setdefault(folded, []).append(ch)
    return {key: "".join(chars) for key, chars in variants.items()}


_FOLD_VARIANTS = _fold_variants()
