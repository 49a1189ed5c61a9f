"""Common misspellings: "sử lý" → "xử lý", "chuẩn đoán" → "chẩn đoán".

The pairs are data (``resources/proof/misspellings.toml``, each with its
source, plus the library's ``proof_misspellings`` setting). A pair is only
flagged where its words stand together in one run, the word before is not one
that makes the first syllable part of another word ("lịch sử lý luận"), and
the word after is not one that makes the last syllable part of another word
("giám sát nhập khẩu"). A capitalised word inside the run (not the first)
means a name, which is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from deskapp.proof.findings import Finding, Positions, make_finding
from deskapp.proof.house import HouseStyle, rules_data
from deskapp.proof.phrases import PhraseIndex, joined, span_text, with_case_of
from deskapp.proof.words import Word


@dataclass(frozen=True)
class Pair:
    wrong: str
    right: str
    source: str
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()


def _pair(entry: dict, sources: dict[str, str]) -> Pair:
    source = str(entry.get("source", ""))
    short, colon, rest = source.partition(":")
    if colon and short in sources:
        source = f"{sources[short]}, “{rest.strip()}”"
    return Pair(entry["wrong"], entry["right"], source,
                frozenset(w.casefold() for w in entry.get("not_after", [])),
                frozenset(w.casefold() for w in entry.get("not_before", [])))


@cache
def _shipped() -> tuple[Pair, ...]:
    data = rules_data("misspellings")
    sources = {k: v for k, v in data.get("sources", {}).items() if isinstance(v, str)}
    return tuple(_pair(e, sources) for e in data.get("pair", []))


@cache
def _index(extra: tuple[tuple[str, str, str], ...]) -> PhraseIndex[Pair]:
    pairs = list(_shipped()) + [Pair(w, r, s) for w, r, s in extra]
    return PhraseIndex((p.wrong, p) for p in pairs)


def misspellings(words: list[Word], texts: dict[str, str], positions: dict[str, Positions],
                 house: HouseStyle) -> list[Finding]:
    """A finding on each curated wrong form, fixed to the right one in the same case."""
    extra = tuple((e["wrong"], e["right"], str(e.get("source", "")))
                  for e in house.extra_misspellings)
    findings = []
    for match in _index(extra).matches(words, texts):
        pair = match.item
        run = words[match.first:match.last + 1]
        if any(w.capitalised and not w.text.isupper() for w in run[1:]):
            continue
        before = match.first - 1
        if before >= 0 and joined(words, texts, before, match.first) \
                and words[before].text.casefold() in pair.not_after:
            continue
        after = match.last + 1
        if after < len(words) and joined(words, texts, match.last, after) \
                and words[after].text.casefold() in pair.not_before:
            continue
        text = span_text(words, texts, match.first, match.last)
        field = run[0].field
        findings.append(make_finding("misspelling", field, texts[field], positions[field],
                                     run[0].start, run[-1].end,
                                     fix=with_case_of(text, pair.right), source=pair.source))
    return findings
