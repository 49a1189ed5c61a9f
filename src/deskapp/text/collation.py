"""Vietnamese sort order for lists of titles, bylines and names.

Code-point order puts "Đà Lạt" after "Zalo" and "ăn" after "yêu", and a
diacritic-blind order mixes "ma", "má" and "mạ" at random. Vietnamese
dictionaries order words syllable by syllable: first by the letters of a
syllable in the alphabet

    a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y

(f, j, w and z, which appear in foreign names, take their Latin places), then
by its tone -- ngang, huyền, hỏi, ngã, sắc, nặng -- and only then by the next
syllable. So "ma", "ma cà rồng", "mà", "má" come in that order.

Numbers sort before letters and by value ("Bài 2" before "Bài 10"), because
serial headlines are common in a newsroom. Punctuation is ignored except as a
last resort, so a headline opening with a quotation mark sorts among its
words. Letters of other scripts come after the Latin ones. Ties between
spellings that differ only in case, tone placement (hoà/hòa) or punctuation
are broken deterministically: lower case first, then by the NFC text itself.

The key is a few plain strings rather than nested tuples: a library list of
tens of thousands of titles is sorted on every refresh, and string
comparison runs in C.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from deskapp.text.normalize import nfc

# The alphabet, with the foreign letters f, j, w, z in their Latin places.
ALPHABET = (
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
)

# Code points of the primary key. Within one key they only meet their own kind
# or a kind whose order between them is intended:
#   end of syllable < its tone  (the tone right after the end mark, so a syllable's
#                               letters count before its tone, its tone before the
#                               next syllable)
#   < number length < digit     (a number: its length, then its digits)
#   < Latin letter < any other letter, which stays itself (0xAA and up).
_END = "\x01"
_TONE_BASE = 0x02  # ngang 0x02 ... nặng 0x07
_NUMBER_BASE = 0x08  # 0x08 + count of significant digits, capped
_MAX_NUMBER_LENGTH = 0x2F - _NUMBER_BASE
_LETTER_BASE = 0x41  # a = 0x42 ... z = 0x62

_LETTER_MARKS = ("\u0306", "\u0302", "\u031b")  # breve, circumflex, horn: ă â ê ô ơ ư
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LATIN_RANGES = ((0x41, 0x5B), (0x61, 0x7B), (0xC0, 0x250), (0x1E00, 0x1F00))

# A combining mark that NFC could not attach stays part of its syllable.
_SYLLABLE = re.compile(r"(?:[^\W_][\u0300-\u036f]*)+")
_DIGITS = re.compile(r"\d+")


def sort_key(text: str) -> tuple[str, str, str]:
    """A key for ``sorted`` that puts ``text`` in Vietnamese order.

    NFC and NFD spellings of the same text get the same key.
    """
    return _cached_key(text)


def collate(a: str, b: str) -> int:
    """Negative, zero or positive as ``a`` sorts before, with or after ``b`` (like ``cmp``)."""
    key_a, key_b = sort_key(a), sort_key(b)
    return (key_a > key_b) - (key_a < key_b)


@lru_cache(maxsize=1 << 17)
def _cached_key(text: str) -> tuple[str, str, str]:
    # Lists are re-sorted on every refresh while most titles stay the same.
    composed = nfc(text)
    primary = "".join(_syllable_weights(s) for s in _SYLLABLE.findall(composed))
    # swapcase puts lower case first: upper-case letters have the lower code points.
    return primary, composed.swapcase(), composed


def _syllable_weights(syllable: str) -> str:
    """Letters (tones ignored), the end mark, then the syllable's tone."""
    if not syllable.isalpha():
        syllable_letters = _DIGITS.sub(_number_weights, syllable)
    else:
        syllable_letters = syllable
    toned = _TONED.search(syllable)
    tone = _TONE_TABLE[ord(toned.group())] if toned else chr(_TONE_BASE)
    return syllable_letters.translate(_LETTER_TABLE) + _END + tone


def _number_weights(match: re.Match[str]) -> str:
    """A number as its length then its digits, so it sorts by value.

    Digit strings instead of ``int`` keep a pasted 5,000-digit run from hitting
    Python's int conversion limit; numbers longer than the cap sort by digits.
    """
    digits = match.group()
    if not digits.isascii():
        digits = "".join(str(unicodedata.decimal(d)) for d in digits)
    significant = digits.lstrip("0")
    length = min(len(significant), _MAX_NUMBER_LENGTH)
    return chr(_NUMBER_BASE + length) + significant


def _build_tables() -> tuple[dict[int, str], dict[int, str]]:
    """Map every Latin letter to its letter weight, and every toned one to its tone.

    Precomposed letters are taken apart once here, so keys are built with
    ``str.translate`` instead of a Python loop over characters.
    """
    rank = {letter: chr(_LETTER_BASE + i) for i, letter in enumerate(ALPHABET, start=1)}
    letters: dict[int, str] = {}
    tones: dict[int, str] = {}
    for low, high in _LATIN_RANGES:
        for code in range(low, high):
            decomposed = unicodedata.normalize("NFD", chr(code).lower())
            base, marks = decomposed[:1], decomposed[1:]
            vowel = unicodedata.normalize(
                "NFC", base + "".join(m for m in marks if m in _LETTER_MARKS)
            )
            weight = rank.get(vowel) or rank.get(base)
            if weight:
                letters[code] = weight
            tone = next((_TONE_MARKS[m] for m in marks if m in _TONE_MARKS), 0)
            if tone:
                tones[code] = chr(_TONE_BASE + tone)
    # "Ð" (U+00D0, the Icelandic eth) stands in for "Đ" in text converted from
    # legacy font encodings; both look alike, so they sort alike.
    for lookalike in ("Đ", "đ", "Ð", "ð"):
        letters[ord(lookalike)] = rank["đ"]
    for code in range(0x300, 0x370):  # stray combining marks: not letters; tones still count
        letters[code] = ""
    tones.update({ord(mark): chr(_TONE_BASE + tone) for mark, tone in _TONE_MARKS.items()})
    return letters, tones


_LETTER_TABLE, _TONE_TABLE = _build_tables()
_TONED = re.compile("[" + "".join(chr(code) for code in _TONE_TABLE) + "]")
