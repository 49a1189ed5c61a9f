"""A person named in full, then by a short form spelled another way.

"Hoàng Văn Kỳ" first, later "ông Kì" or "Hoàng Kì": the same person, spelled
two ways. The full names are runs of capitalised words that start with a
family name (``resources/proof/capitals.toml``, ``[people]``); the short forms
newsrooms use are a title and the given name ("ông Kỳ", "đồng chí Quý") and the
family name with the given name ("Hoàng Kỳ"). A short form whose letters fold
to the full name's but are spelled otherwise is flagged, fixed to the full
name's spelling. When two full names share a given name spelled differently
("Kỳ", "Kì"), a short form could be either person and is left alone.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from deskapp.proof.findings import Finding, Positions
from deskapp.proof.house import rules_data, word_key
from deskapp.proof.phrases import joined, with_case_of
from deskapp.proof.words import Word

_MAX_NAME_WORDS = 5


@cache
def _people() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    people = rules_data("capitals").get("people", {})
    titles = tuple(tuple(t.casefold().split()) for t in people.get("titles", []))
    return frozenset(people.get("family", [])), titles


def short_name_variants(words: list[Word], texts: dict[str, str],
                        positions: dict[str, Positions]) -> list[Finding]:
    """Findings (rule ``name_variants``) on short forms spelled unlike the full name."""
    titles = _people()[1]
    given: dict[str, set[str]] = defaultdict(set)
    pairs: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    full_at: dict[int, str] = {}
    for first, last in full_names(words, texts):
        name = words[first:last + 1]
        given[word_key(name[-1].text)].add(name[-1].text)
        pairs[(word_key(name[0].text), word_key(name[-1].text))].add(
            (name[0].text, name[-1].text))
        for i in range(first, last + 1):
            full_at[i] = " ".join(w.text for w in name)
    findings: list[Finding] = []
    for i, word in enumerate(words):
        if i in full_at or not word.capitalised or word.text.isupper():
            continue
        alone = not _capitalised_neighbour(words, texts, i, -1) and \
            not _capitalised_neighbour(words, texts, i, +1)
        if alone and _after_title(words, texts, i, titles):
            spellings = given.get(word_key(word.text), set())
            if len(spellings) == 1 and word.text not in spellings:
                right = next(iter(spellings))
                full = _full_with(full_at, words, right)
                findings.append(_finding(word, word, texts, positions, right, full))
            continue
        nxt = i + 1
        if (nxt < len(words) and nxt not in full_at and words[nxt].capitalised
                and joined(words, texts, i, nxt)
                and not _capitalised_neighbour(words, texts, i, -1)
                and not _capitalised_neighbour(words, texts, nxt, +1)):
            spellings2 = pairs.get((word_key(word.text), word_key(words[nxt].text)), set())
            text = (word.text, words[nxt].text)
            if len(spellings2) == 1 and text not in spellings2:
                right2 = " ".join(next(iter(spellings2)))
                full = _full_with(full_at, words, right2.split()[-1])
                findings.append(_finding(word, words[nxt], texts, positions, right2, full))
    return findings


def full_names(words: list[Word], texts: dict[str, str]) -> list[tuple[int, int]]:
    """(first, last) of each run of 3 to 5 capitalised words starting with a family name.

    Two-word runs ("Hoàng Kỳ") are what a short form looks like, so they do
    not count as a full name.
    """
    family = _people()[0]
    found = []
    i = 0
    while i < len(words):
        if words[i].text in family and words[i].capitalised:
            j = i
            while (j + 1 < len(words) and j + 1 - i < _MAX_NAME_WORDS
                   and words[j + 1].capitalised and not words[j + 1].text.isupper()
                   and joined(words, texts, j, j + 1)):
                j += 1
            if j - i >= 2:
                found.append((i, j))
                i = j + 1
                continue
        i += 1
    return found


def _capitalised_neighbour(words: list[Word], texts: dict[str, str], i: int, step: int) -> bool:
    j = i + step
    if not 0 <= j < len(words):
        return False
    a, b = sorted((i, j))
    return words[j].capitalised and joined(words, texts, a, b)


def _after_title(words: list[Word], texts: dict[str, str], i: int,
                 titles: tuple[tuple[str, ...], ...]) -> bool:
    for title in titles:
        start = i - len(title)
        if start < 0 or not joined(words, texts, start, i):
            continue
        if tuple(w.text.casefold() for w in words[start:i]) == title:
            return True
    return False


def _full_with(full_at: dict[int, str], words: list[Word], given: str) -> str:
    return next((name for name in full_at.values() if name.split()[-1] == given), given)


def _finding(first: Word, last: Word, texts: dict[str, str], positions: dict[str, Positions],
             right: str, full: str) -> Finding:
    text = texts[first.field][first.start:last.end]
    fix = with_case_of(text, right) if not right[:1].isupper() else right
    line, column = positions[first.field].at(first.start)
    return Finding("name_variants", first.field, first.start, last.end, line, column, text,
                   "short_name_variant", {"full": full, "preferred": fix}, fix)
