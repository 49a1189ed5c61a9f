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
from functools import lru_cache

from deskapp.proof.findings import Finding, Positions
from deskapp.proof.house import HouseStyle, RegisteredName, word_key
from deskapp.proof.phrases import joined
from deskapp.proof.words import Word

_Index = dict[str, list[tuple[tuple[str, ...], RegisteredName]]]


@lru_cache(maxsize=4)
def _index(names: tuple[RegisteredName, ...]) -> _Index:
    by_first: _Index = defaultdict(list)
    for entry in names:
        key = tuple(word_key(w) for w in entry.name.split())
        if key:
            by_first[key[0]].append((key, entry))
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return dict(by_first)


def register_findings(words: list[Word], texts: dict[str, str],
                      positions: dict[str, Positions], house: HouseStyle) -> list[Finding]:
    """A finding on each spelling of a registered name that is not the registered one."""
    if not house.register:
        return []
    index = _index(house.register)
    keys = [word_key(w.text) for w in words]
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


def _match(words: list[Word], texts: dict[str, str], keys: list[str],
           index: _Index, i: int) -> tuple[int, RegisteredName] | None:
    first = words[i]
    if not first.capitalised:
        return None
    for key, entry in index.get(keys[i], ()):
        last = i + len(key) - 1
        if last >= len(words) or tuple(keys[i:last + 1]) != key:
            continue
        if not joined(words, texts, i, last):
            continue
        if len(key) == 1 and first.sentence_start:
            continue
        return last, entry
    return None
