"""Word sequences found in a field's words, compared without regard to case.

The data-driven rules (misspellings, capitals, the name register) look for
phrases such as "sử lý" or "ủy ban nhân dân tỉnh": runs of words separated
only by spaces (never across punctuation or a line break), matched word by
word after ``casefold``. Phrases are indexed by their first word, so a check
costs one dictionary look-up per word of the article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from deskapp.proof.words import Word

T = TypeVar("T")
_WORD = re.compile(r"\w+")


def phrase_key(text: str) -> tuple[str, ...]:
    """The words of ``text`` casefolded: what a phrase is compared by."""
    return tuple(w.casefold() for w in _WORD.findall(text))


@dataclass(frozen=True)
class Match(Generic[T]):
    """``words[first:last + 1]`` spell the phrase of ``item``."""

    item: T
    first: int
    last: int


class PhraseIndex(Generic[T]):
    """Phrases (with an item each) looked up in a list of words."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = defaultdict(list)
        for text, item in entries:
            key = phrase_key(text)
            if key:
                self._by_first[key[0]].append((key, item))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))  # the longest phrase first

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def matches(self, words: list[Word], texts: dict[str, str]) -> Iterator[Match[T]]:
        """Every place a phrase occurs, the longest one for each starting word."""
        for i in range(len(words)):
            match = self.match_at(words, texts, i)
            if match is not None:
                yield match

    def match_at(self, words: list[Word], texts: dict[str, str], i: int) -> Match[T] | None:
        """The longest phrase starting at ``words[i]``, if any."""
        if i >= len(words):
            return None
        for key, item in self._by_first.get(words[i].text.casefold(), ()):
            end = i + len(key)
            if end > len(words) or any(words[i + k].text.casefold() != key[k]
                                       for k in range(1, len(key))):
                continue
            if joined(words, texts, i, end - 1):
                return Match(item, i, end - 1)
        return None


def joined(words: list[Word], texts: dict[str, str], first: int, last: int) -> bool:
    """Are ``words[first..last]`` one run in one field, separated by spaces only?"""
    for a, b in zip(words[first:last], words[first + 1:last + 1], strict=True):
        if a.field != b.field:
            return False
        gap = texts[a.field][a.end:b.start]
        if not gap or gap.strip(" \u00a0"):
            return False
    return True


def span_text(words: list[Word], texts: dict[str, str], first: int, last: int) -> str:
    """The text from the first word's start to the last word's end."""
    return texts[words[first].field][words[first].start:words[last].end]


def with_case_of(model: str, replacement: str) -> str:
    """``replacement`` in the case of ``model``: ALL CAPS, a capital first letter, or as is.

    "Sử lý" → "Xử lý", "SỬ LÝ" → "XỬ LÝ", "sử lý" → "xử lý".
    """
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if model[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
