"""Is this word a possible Vietnamese syllable?

Vietnamese is written one syllable per word, and the shape of a syllable is
tightly constrained: an initial consonant (onset) from a short list, a rhyme
(vowel nucleus with an optional glide or final consonant) from a closed
inventory of about 150 spellings, and at most one tone mark, sitting on a
predictable vowel. That makes a cheap and very selective test: garbled text
(mojibake such as ``ViÖt``, VIQR misreadings of English such as ``yoúre``)
almost never passes it, while real Vietnamese prose passes it nearly word for
word. The legacy-encoding detector relies on exactly that, and proofing uses
it to flag misspellings such as ``qủa`` (tone on the wrong vowel) or ``hòc``
(a falling tone on a syllable closed by ``c``).

The onsets and rhymes come from :mod:`deskapp.text.inventory`, the one
description of Vietnamese spelling shared with the typing engine and the
proofing rules; the tone-placement rules are the ones taught in school.
Both tone styles are accepted for open ``oa``, ``oe`` and ``uy`` (hòa/hoà,
khỏe/khoẻ, thủy/thuỷ); :mod:`deskapp.text.tone` converts between them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from deskapp.text.inventory import (
    ONSETS,
    RHYMES,
    STOP_CODA_TONES,
    STOP_CODAS,
    STYLE_RHYMES,
    VOWELS,
    rhyme_fits,
)

__all__ = [
    "ACUTE", "DOT", "GRAVE", "HOOK", "RHYMES", "STYLE_RHYMES", "TILDE", "TONE_MARKS", "VOWELS",
    "Syllable", "add_tone", "is_place_name_syllable", "is_vietnamese_syllable", "parse_syllable",
    "strip_tone",
]  # fmt: skip

# Combining tone marks, in the traditional order: huyền, hỏi, ngã, sắc, nặng.
GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONE_MARKS = (GRAVE, HOOK, TILDE, ACUTE, DOT)

_MODIFIED_VOWELS = frozenset("ăâêôơư")


def _build_tone_table() -> dict[str, tuple[str, str]]:
    """Map each toned vowel (both cases) to its bare vowel and tone mark."""
    table: dict[str, tuple[str, str]] = {}
    for base in VOWELS + VOWELS.upper():
        for mark in TONE_MARKS:
            table[unicodedata.normalize("NFC", base + mark)] = (base, mark)
    return table


_TONED = _build_tone_table()


def strip_tone(char: str) -> tuple[str, str | None]:
    """Split one NFC character into its toneless letter and its tone mark."""
    return _TONED.get(char, (char, None))


def add_tone(char: str, mark: str) -> str:
    """Put ``mark`` on the toneless vowel ``char`` (case is kept)."""
    return unicodedata.normalize("NFC", char + mark)


@dataclass(frozen=True)
class Syllable:
    """A parsed syllable. ``onset`` and ``rhyme`` are lower case and toneless.

    ``rhyme_start`` and ``tone_index`` are positions in the (NFC) word, so a
    caller can move the tone without parsing again. For "qu" and "gi" the
    ``u``/``i`` belongs to the onset: it never carries the tone (quả, giữa).
    """

    onset: str
    rhyme: str
    tone: str | None
    tone_index: int | None
    rhyme_start: int


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is spelled like a Vietnamese syllable.

    Accepts lower case, Title case and UPPER case; either tone style for open
    oa/oe/uy. Rejects foreign letters (f, j, w, z), impossible onset-rhyme
    pairs (ca/ke are fine, ce/ka are not), a tone on the wrong vowel and a
    falling tone on a syllable closed by c, ch, p or t.
    """
    return parse_syllable(word) is not None


@lru_cache(maxsize=1 << 16)
def parse_syllable(word: str) -> Syllable | None:
    """Parse ``word`` as one Vietnamese syllable, or return ``None``."""
    word = unicodedata.normalize("NFC", word)
    # The longest syllables have seven letters: nghiêng, nghiếng.
    if not word or len(word) > 8 or not _plausible_case(word):
        return None
    bare, tone, tone_index = _split_word_tone(word)
    if bare is None:
        return None
    for onset, rhyme in _onset_splits(bare.lower()):
        syllable = _check(onset, rhyme, tone, tone_index)
        if syllable is not None:
            return syllable
    return None


def is_place_name_syllable(word: str) -> bool:
    """A syllable of a Central Highlands place name: a final k for c (Đắk Lắk, Krông Búk).

    Such names are written with or without the tone (Đắk Tô, Đăk Tô), so the
    level tone is accepted too. Ordinary words never end in k.
    """
    word = unicodedata.normalize("NFC", word)
    if len(word) < 2 or word[-1] not in "kK" or not _plausible_case(word):
        return False
    bare, tone, tone_index = _split_word_tone(word)
    if bare is None:
        return False
    for onset, rhyme in _onset_splits(bare[:-1].lower() + "c"):
        if rhyme_fits(onset, rhyme) and (
            tone is None or (tone in STOP_CODA_TONES and tone_index is not None
                             and tone_index - len(onset) in _tone_positions(rhyme))):
            return True
    return False


def _plausible_case(word: str) -> bool:
    """Lower, Title or UPPER case; "vIệt" is garbage, not a word."""
    rest = word[1:]
    return rest == rest.lower() or word == word.upper()


def _split_word_tone(word: str) -> tuple[str | None, str | None, int | None]:
    """Remove the tone: (toneless word, tone mark, its index); ``None`` if two tones."""
    chars = list(word)
    tone: str | None = None
    index: int | None = None
    for i, ch in enumerate(chars):
        bare, mark = strip_tone(ch)
        if mark is None:
            continue
        if tone is not None:
            return None, None, None
        chars[i], tone, index = bare, mark, i
    return "".join(chars), tone, index


def _onset_splits(bare: str) -> list[tuple[str, str]]:
    """Possible (onset, rhyme) splits, most likely first.

    "qu" is always an onset. "gi" before a vowel is one too (gia, giữa), but
    may also be g + i (the i of gìa is the vowel of a misspelling); both are
    tried and the first that validates wins.
    """
    splits: list[tuple[str, str]] = []
    if bare.startswith("qu"):
        return [("qu", bare[2:])]
    if bare.startswith("gi") and len(bare) > 2 and bare[2] in VOWELS:
        splits.append(("gi", bare[2:]))
    for onset in ONSETS:
        if bare.startswith(onset):
            splits.append((onset, bare[len(onset) :]))
            break
    else:
        splits.append(("", bare))
    return splits


def _check(onset: str, rhyme: str, tone: str | None, tone_index: int | None) -> Syllable | None:
    """Validate one split and the tone on it."""
    if not rhyme_fits(onset, rhyme):
        return None
    start = len(onset)
    if tone is not None and (tone_index is None
                             or tone_index - start not in _tone_positions(rhyme)):
        return None
    if rhyme.endswith(STOP_CODAS) and tone not in STOP_CODA_TONES:
        return None
    return Syllable(onset, rhyme, tone, tone_index, start)


def _tone_positions(rhyme: str) -> frozenset[int]:
    """Indices in ``rhyme`` where the tone may sit (two for open oa/oe/uy)."""
    nucleus = next((i for i, ch in enumerate(rhyme) if ch not in VOWELS), len(rhyme))
    modified = [i for i in range(nucleus) if rhyme[i] in _MODIFIED_VOWELS]
    if modified:
        return frozenset((modified[-1],))
    if nucleus < len(rhyme) or nucleus == 1:
        return frozenset((nucleus - 1,))
    if nucleus == 2:
        return frozenset((0, 1)) if rhyme in STYLE_RHYMES else frozenset((0,))
    return frozenset((1,))
