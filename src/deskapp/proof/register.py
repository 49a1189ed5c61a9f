"""The newsroom's name register in proofing: any other spelling of a registered name.

A registered name ("Hoàng Văn Kỳ", "Ủy ban nhân dân tỉnh Kon Tum", "Đắk Glei")
is looked for word by word with tones, marks and case folded away and a final
i counted as y (:func:`~deskapp.proof.house.name_key`); where the article's
words fold the same but are spelled otherwise ("Hoàng Văn Kì", "Đăk Glei"),
the finding's fix is the registered spelling. The occurrence must start with a
capital: a lower-case run is ordinary words ("hoàng văn" is not a name), and a
one-word name is only compared inside a sentence, never at its start. Text in
ALL CAPITALS is compared in capitals.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from deskapp.proof.findings import Finding, Positions
from deskapp.proof.house import HouseStyle, RegisteredName, name_key, word_key
from deskapp.proof.phrases import joined
from deskapp.proof.words import Word


@dataclass(frozen=True)
class _Index:
    """Registered names by their whole key, and the lengths (in words) each first word starts."""

    names: dict[tuple[str, ...], RegisteredName]
    lengths: dict[str, tuple[int, ...]]


@lru_cache(maxsize=4)
def _index(names: tuple[RegisteredName, ...]) -> _Index:
    by_key: dict[tuple[str, ...], RegisteredName] = {}
    lengths: dict[str, set[int]] = defaultdict(set)
    for entry in names:
        key = tuple(word_key(w) for w in entry.name.split())
        if key:
            by_key[key] = entry
            lengths[key[0]].add(len(key))
    return _Index(by_key, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})


def register_findings(words: list[Word], texts: dict[str, str],
                      positions: dict[str, Positions], house: HouseStyle) -> list[Finding]:
    """A finding on each spelling of a registered name that is not the registered one."""
    if not house.register:
        return []
    index = _index(house.register)
    keys = _Keys(words)
    findings = []
    i = 0
    while i < len(words):
        match = _match(words, texts, keys, index, i)
        if match is None:
            i += 1
            continue
        last, entry = match
        first_word, last_word = words[i], words[last]
        text = texts[first_word.field][first_word.start:last_word.end]
        expected = " ".join(entry.name.split())
        same = text.upper() == expected.upper() if text.isupper() else text == expected
        if not same and " ".join(text.split()) != expected:
            fix = expected.upper() if text.isupper() and len(text) > 1 else expected
            line, column = positions[first_word.field].at(first_word.start)
            findings.append(Finding("name_register", first_word.field, first_word.start,
                                    last_word.end, line, column, text, "name_register",
                                    {"kind": entry.kind, "note": entry.note}, fix))
        i = last + 1
    return findings


def registered_keys(names: tuple[RegisteredName, ...]) -> frozenset[str]:
    """The keys of the registered names (:func:`~deskapp.proof.house.name_key`)."""
    return _registered_keys(names)


@lru_cache(maxsize=4)
def _registered_keys(names: tuple[RegisteredName, ...]) -> frozenset[str]:
    return frozenset(name_key(entry.name) for entry in names)


class _Keys:
    """Each word's key, folded only when a name needs it (most words start none)."""

    def __init__(self, words: list[Word]) -> None:
        self._words = words

    def __getitem__(self, item: slice | int) -> Any:
        if isinstance(item, slice):
            return [word_key(w.text) for w in self._words[item]]
        return word_key(self._words[item].text)


def _match(words: list[Word], texts: dict[str, str], keys: _Keys, index: _Index,
           i: int) -> tuple[int, RegisteredName] | None:
    """The longest registered name starting at ``words[i]``: one look-up per length."""
    first = words[i]
    if not first.capitalised:
        return None
    for length in index.lengths.get(keys[i], ()):
        last = i + length - 1
        if last >= len(words):
            continue
        entry = index.names.get(tuple(keys[i:last + 1]))
        if entry is None or not joined(words, texts, i, last):
            continue
        if length == 1 and first.sentence_start:
            continue
        return last, entry
    return None
