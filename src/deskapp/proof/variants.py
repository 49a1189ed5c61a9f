"""Rules about consistency across the whole article.

A word can be spelled correctly in two ways — "quy"/"qui", "hòa"/"hoà" —
and a name can be typed two ways by a tired reporter ("Quí"/"Quý"). Each
spelling is fine alone; the finding is that one article uses both. Every
occurrence of the losing spelling gets a finding whose fix is the winner.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from deskapp.proof.findings import Finding, Positions
from deskapp.proof.words import FieldText, Word
from deskapp.text import fold
from deskapp.text.syllable import add_tone, parse_syllable, strip_tone
from deskapp.text.tone import convert_tone_style, tone_styles_used

_MAX_NAME_WORDS = 6
_IY_SWAP = {"i": "y", "y": "i", "I": "Y", "Y": "I"}


@dataclass(frozen=True)
class _Occurrence:
    field: str
    start: int
    end: int
    text: str
    order: int  # position in reading order, to tell "later" from "earlier"


# ---------------------------------------------------------------- names


def name_variants(fields: list[FieldText], words: list[Word],
                  positions: dict[str, Positions]) -> list[Finding]:
    """One proper name spelled two ways: "Đào Xuân Quí" and "Đào Xuân Quý".

    Names are runs of two or more capitalised words. Two runs are the same
    name when they match with tones and marks removed, a final i/y counted
    alike. Longer names are matched first so "Xuân Quí" inside an already
    reported "Đào Xuân Quí" is not reported again.
    """
    texts = {f.name: f.text for f in fields}
    groups: dict[str, list[_Occurrence]] = defaultdict(list)
    for run in _capitalised_runs(words, texts):
        for size in range(2, min(len(run), _MAX_NAME_WORDS) + 1):
            for i in range(len(run) - size + 1):
                part = run[i:i + size]
                key = " ".join(_name_key(w.text) for w in part)
                groups[key].append(_span(part, texts))
    covered: list[_Occurrence] = []
    findings: list[Finding] = []
    for key in sorted(groups, key=lambda k: -k.count(" ")):
        found = groups[key]
        if len({o.text.casefold() for o in found}) < 2 or all(
            _inside(o, covered) for o in found
        ):
            continue
        earlier = list(covered)
        covered.extend(found)
        findings.extend(
            f for f in _variant_findings("name_variants", found, positions, str, _no_tiebreak)
            if not _inside(_Occurrence(f.field, f.start, f.end, f.text, 0), earlier)
        )
    return findings


def _no_tiebreak(_occurrence: _Occurrence) -> str:
    return ""


def _capitalised_runs(words: list[Word], texts: dict[str, str]) -> list[list[Word]]:
    """Runs of capitalised words separated only by spaces (not punctuation)."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        joined = bool(current) and current[-1].field == word.field and texts[word.field][
            current[-1].end:word.start
        ] == " "
        if word.capitalised and joined:
            current.append(word)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [word] if word.capitalised else []
    if len(current) >= 2:
        runs.append(current)
    return runs


def _name_key(word: str) -> str:
    """Folded word; a final i after a consonant or "qu" counts as y (Quí = Quý)."""
    folded = fold(word)
    if folded.endswith("i") and (len(folded) == 1 or folded[-2] not in "aeiouy"
                                 or folded.endswith("qui")):
        folded = folded[:-1] + "y"
    return folded


def _span(part: list[Word], texts: dict[str, str]) -> _Occurrence:
    first, last = part[0], part[-1]
    text = texts[first.field][first.start:last.end]
    return _Occurrence(first.field, first.start, last.end, text, _order(first))


def _inside(occurrence: _Occurrence, covered: list[_Occurrence]) -> bool:
    return any(
        c.field == occurrence.field and c.start <= occurrence.start and occurrence.end <= c.end
        for c in covered
    )


# ---------------------------------------------------------------- i / y


def iy_variants(words: list[Word], positions: dict[str, Positions]) -> list[Finding]:
    """The same word written with i and with y: "qui chế" and "quy chế".

    Only open syllables whose whole rhyme is the i or y after a consonant
    (qui/quy, lí/lý, kĩ/kỹ) are compared, with the same tone; "tai" and
    "tay" are different words and never meet here. Capitalised words inside
    a sentence are names, left to :func:`name_variants`.
    """
    groups: dict[tuple[str, str | None], list[_Occurrence]] = defaultdict(list)
    for word in words:
        if word.capitalised and not word.sentence_start:
            continue
        syllable = parse_syllable(word.text)
        if syllable is None or not syllable.onset or syllable.rhyme not in ("i", "y"):
            continue
        key = (syllable.onset, syllable.tone)
        groups[key].append(_Occurrence(word.field, word.start, word.end, word.text,
                                       _order(word)))
    findings: list[Finding] = []
    for found in groups.values():
        if len({_iy_letter(o.text) for o in found}) == 2:
            findings.extend(_variant_findings("iy_variants", found, positions,
                                              _iy_letter, _iy_preferred_tiebreak))
    return findings


def _iy_letter(word: str) -> str:
    return strip_tone(word[-1])[0].lower()


def _iy_preferred_tiebreak(occurrence: _Occurrence) -> str:
    """On a tie, the modern standard spelling with y wins (quy chế, not qui chế)."""
    return "1" if _iy_letter(occurrence.text) == "y" else "0"


def _swap_iy(word: str, letter: str) -> str:
    """``word`` with its final i/y made ``letter``, keeping tone and case."""
    bare, tone = strip_tone(word[-1])
    if bare.lower() == letter:
        return word
    swapped = _IY_SWAP[bare]
    return word[:-1] + (add_tone(swapped, tone) if tone else swapped)


# ---------------------------------------------------------------- tone style


def tone_style_mix(words: list[Word], positions: dict[str, Positions],
                   tone_style: str | None) -> list[Finding]:
    """Old (hòa, thủy) and new (hoà, thuỷ) tone placement in one article.

    Nothing is reported unless both styles occur. The words to change are
    those not in ``tone_style`` (the newsroom's choice, which a library always
    has: the Typing menu's, "old" until changed), or, without one, those in
    the less used style (the earlier-used style wins a tie).
    """
    styled = [(w, next(iter(s))) for w in words if (s := tone_styles_used(w.text))]
    counts: dict[str, int] = defaultdict(int)
    for _word, style in styled:
        counts[style] += 1
    if len(counts) < 2:
        return []
    target = tone_style or max(counts, key=lambda s: (counts[s], s == styled[0][1]))
    findings = []
    for word, style in styled:
        if style != target:
            fix = convert_tone_style(word.text, target)
            line, column = positions[word.field].at(word.start)
            message = "tone_style_house" if tone_style else "tone_style_mix"
            findings.append(Finding("tone_style_mix", word.field, word.start, word.end, line,
                                    column, word.text, message,
                                    {"style": style, "target": target}, fix))
    return findings


# ---------------------------------------------------------------- shared


def _variant_findings(rule: str, found: list[_Occurrence], positions: dict[str, Positions],
                      spelling: Callable[[str], str],
                      tiebreak: Callable[[_Occurrence], str]) -> list[Finding]:
    """Findings on every occurrence not spelled the winning way.

    The winner is the most frequent spelling; a tie goes to ``tiebreak``
    and then to the spelling used last.
    """
    by_spelling: dict[str, list[_Occurrence]] = defaultdict(list)
    for occurrence in found:
        by_spelling[spelling(occurrence.text).casefold()].append(occurrence)
    winner = max(by_spelling, key=lambda s: (len(by_spelling[s]), tiebreak(by_spelling[s][-1]),
                                             by_spelling[s][-1].order))
    preferred = by_spelling[winner][-1].text
    variants = [occurrences[0].text for occurrences in
                sorted(by_spelling.values(), key=lambda occ: occ[0].order)]
    findings = []
    for key, occurrences in by_spelling.items():
        if key == winner:
            continue
        for o in occurrences:
            fix = _swap_iy(o.text, winner) if rule == "iy_variants" else preferred
            line, column = positions[o.field].at(o.start)
            data = {"name": o.text, "other": preferred, "preferred": fix,
                    "variants": variants,
                    "counts": {k: len(v) for k, v in by_spelling.items()}}
            findings.append(Finding(rule, o.field, o.start, o.end, line, column, o.text, rule,
                                    data, fix))
    return findings


_FIELD_ORDER = {"title": 0, "lead": 1, "body": 2, "byline": 3}


def _order(word: Word) -> int:
    return _FIELD_ORDER.get(word.field, 9) * 10_000_000 + word.start
